"""Translations of the student client: English source -> (Kazakh, Russian).

``python -m client.i18n.build`` turns this into ``emtihan_kk.ts``/``emtihan_ru.ts``
and compiles the ``.qm`` files Qt loads; ``--check`` lists UI strings missing
here.  Keep ``{placeholders}`` and the ``&`` keyboard mnemonic in each text.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # window and steps
    "Emtihan — student": ("Emtihan — студент", "Emtihan — студент"),
    "&Language:": ("&Тіл:", "&Язык:"),
    "Sign in": ("Кіру", "Вход"),
    "System check": ("Жүйені тексеру", "Проверка системы"),
    "Consent": ("Келісім", "Согласие"),
    "Identity": ("Тұлғаны растау", "Личность"),
    "Exam": ("Емтихан", "Экзамен"),
    "Hand-in": ("Тапсыру", "Сдача"),
    "&Continue": ("&Жалғастыру", "&Продолжить"),
    "Something went wrong: {detail}": ("Қате орын алды: {detail}", "Что-то пошло не так: {detail}"),
    # sign-in
    "Enter the server address and the details from your exam invitation.": (
        "Сервер мекенжайын және емтихан шақыруындағы деректерді енгізіңіз.",
        "Введите адрес сервера и данные из приглашения на экзамен."),
    "&Server address": ("&Сервер мекенжайы", "&Адрес сервера"),
    "&Exam code": ("&Емтихан коды", "&Код экзамена"),
    "&Student ID": ("&Студент ID", "&ID студента"),
    "&Access code": ("&Кіру коды", "&Код доступа"),
    "Sign &in": ("&Кіру", "&Войти"),
    "Please fill in all four fields.": ("Төрт өрістің бәрін толтырыңыз.",
                                        "Заполните все четыре поля."),
    "Signing in…": ("Кіру…", "Вход…"),
    "Choose your exam and download it.": ("Емтиханды таңдап, жүктеп алыңыз.",
                                          "Выберите экзамен и скачайте его."),
    "&Download and check the exam": ("Емтиханды &жүктеп, тексеру",
                                     "&Скачать и проверить экзамен"),
    "Downloading… (an interrupted download resumes)": (
        "Жүктелуде… (үзілген жүктеу жалғасады)", "Загрузка… (прерванная загрузка продолжится)"),
    "&Resume download": ("Жүктеуді &жалғастыру", "&Продолжить загрузку"),
    "Verified: “{title}”, version {version}, signed by {signer}. Checked: {checks}.": (
        "Тексерілді: «{title}», {version}-нұсқа, қол қойған: {signer}. Тексерілгені: {checks}.",
        "Проверено: «{title}», версия {version}, подпись: {signer}. Проверено: {checks}."),
    # checks
    "We check your camera, headset and connection before the exam.": (
        "Емтихан алдында камераны, гарнитураны және байланысты тексереміз.",
        "Перед экзаменом мы проверим камеру, гарнитуру и соединение."),
    "Camera": ("Камера", "Камера"),
    "Headset": ("Гарнитура", "Гарнитура"),
    "Connection": ("Байланыс", "Соединение"),
    "Microphone": ("Микрофон", "Микрофон"),
    "Speaker": ("Динамик", "Динамик"),
    "Waiting for the camera…": ("Камера күтілуде…", "Ожидание камеры…"),
    "{w}×{h}, {fps} frames/s, brightness {b}/255, faces: {faces}": (
        "{w}×{h}, {fps} кадр/с, жарықтық {b}/255, беттер: {faces}",
        "{w}×{h}, {fps} кадр/с, яркость {b}/255, лиц: {faces}"),
    "Camera OK.": ("Камера дұрыс.", "Камера в порядке."),
    "The picture is too small: choose a camera with at least 640×360.": (
        "Сурет тым кішкентай: кемінде 640×360 камера таңдаңыз.",
        "Слишком маленькое изображение: выберите камеру не ниже 640×360."),
    "The camera is too slow: close other programs that use it.": (
        "Камера тым баяу: оны қолданатын басқа бағдарламаларды жабыңыз.",
        "Камера слишком медленная: закройте другие программы, которые её используют."),
    "Too dark: turn on a light in front of you.": (
        "Тым қараңғы: алдыңыздағы шамды жағыңыз.", "Слишком темно: включите свет перед собой."),
    "Too bright: move away from the window or lamp behind the camera.": (
        "Тым жарық: камераның артындағы терезеден не шамнан алыстаңыз.",
        "Слишком светло: отойдите от окна или лампы за камерой."),
    "No face visible: sit in front of the camera, face uncovered.": (
        "Бет көрінбейді: камераның алдына отырыңыз, бетіңізді жаппаңыз.",
        "Лицо не видно: сядьте перед камерой, не закрывайте лицо."),
    "More than one face visible: you must be alone.": (
        "Бірнеше бет көрінеді: сіз жалғыз болуыңыз керек.",
        "Видно больше одного лица: вы должны быть одни."),
    "The camera could not be started: {detail}": ("Камера қосылмады: {detail}",
                                                  "Не удалось запустить камеру: {detail}"),
    "The camera stopped: {detail}": ("Камера тоқтады: {detail}",
                                     "Камера остановилась: {detail}"),
    "The camera sends no picture.": ("Камера сурет жібермейді.", "Камера не передаёт изображение."),
    "Microphone: say a few words.": ("Микрофон: бірнеше сөз айтыңыз.",
                                     "Микрофон: скажите несколько слов."),
    "Microphone OK: we hear you.": ("Микрофон дұрыс: сізді естіп тұрмыз.",
                                    "Микрофон в порядке: мы вас слышим."),
    "No sound yet: unmute the microphone or pick the headset in your system sound settings.": (
        "Әзірге дыбыс жоқ: микрофонды қосыңыз немесе жүйенің дыбыс баптауларынан "
        "гарнитураны таңдаңыз.",
        "Звука пока нет: включите микрофон или выберите гарнитуру в настройках звука."),
    "No microphone found: plug in your headset.": ("Микрофон табылмады: гарнитураны қосыңыз.",
                                                   "Микрофон не найден: подключите гарнитуру."),
    "The microphone could not be opened.": ("Микрофонды ашу мүмкін болмады.",
                                            "Не удалось открыть микрофон."),
    "No speaker or headphones found.": ("Динамик не құлаққап табылмады.",
                                        "Динамики или наушники не найдены."),
    "The speaker could not be opened.": ("Динамикті ашу мүмкін болмады.",
                                         "Не удалось открыть динамик."),
    "Sound cannot be used: this installation lacks Qt Multimedia (pyside6-addons).": (
        "Дыбысты қолдану мүмкін емес: Qt Multimedia (pyside6-addons) орнатылмаған.",
        "Звук недоступен: не установлен Qt Multimedia (pyside6-addons)."),
    "&Play test sound": ("Сынақ дыбысын &ойнату", "&Воспроизвести тестовый звук"),
    "Speaker: each digit is played as that many beeps. Type the digits you count:": (
        "Динамик: әр цифр сонша рет дыбыспен беріледі. Санаған цифрларыңызды теріңіз:",
        "Динамик: каждая цифра звучит столькими сигналами. Введите цифры, которые насчитали:"),
    "Chec&k": ("Те&ксеру", "Пр&оверить"),
    "Listen and count…": ("Тыңдап, санаңыз…", "Слушайте и считайте…"),
    "Press “Play test sound” first.": ("Алдымен «Сынақ дыбысын ойнату» басыңыз.",
                                       "Сначала нажмите «Воспроизвести тестовый звук»."),
    "Speaker OK.": ("Динамик дұрыс.", "Динамик в порядке."),
    "Not quite. Turn the volume up, check that the sound goes to your headset, and play the "
    "sound again.": (
        "Дұрыс емес. Дыбысты көтеріп, дыбыс гарнитураға баратынын тексеріп, қайта ойнатыңыз.",
        "Не совсем. Прибавьте громкость, проверьте, что звук идёт в гарнитуру, и повторите."),
    "&Measure connection speed": ("Байланыс &жылдамдығын өлшеу", "&Измерить скорость соединения"),
    "Measuring…": ("Өлшенуде…", "Измерение…"),
    "{kbps} kbit/s — enough (needed: {need}).": ("{kbps} кбит/с — жеткілікті (қажеті: {need}).",
                                                 "{kbps} кбит/с — достаточно (нужно: {need})."),
    "{kbps} kbit/s — too slow (needed: {need}). Move closer to the Wi-Fi router or use a "
    "cable, and stop other downloads.": (
        "{kbps} кбит/с — тым баяу (қажеті: {need}). Wi-Fi роутерге жақындаңыз немесе кабель "
        "қолданыңыз, басқа жүктеулерді тоқтатыңыз.",
        "{kbps} кбит/с — слишком медленно (нужно: {need}). Подойдите ближе к Wi-Fi роутеру "
        "или используйте кабель, остановите другие загрузки."),
    "Still to pass: {names}": ("Әлі өтуі керек: {names}", "Осталось пройти: {names}"),
    "All checks passed.": ("Барлық тексеру сәтті өтті.", "Все проверки пройдены."),
    # consent
    "Consent to proctoring": ("Прокторингке келісім", "Согласие на прокторинг"),
    "Please read what happens during the exam. Without your consent nothing is recorded, but "
    "you cannot take this exam online.": (
        "Емтихан кезінде не болатынын оқыңыз. Келісіміңізсіз ештеңе жазылмайды, бірақ бұл "
        "емтиханды онлайн тапсыра алмайсыз.",
        "Прочитайте, что происходит во время экзамена. Без вашего согласия ничего не "
        "записывается, но сдать этот экзамен онлайн нельзя."),
    "<b>What is recorded:</b><ul>{items}</ul><b>Where it goes:</b> {dest}.<br><b>How long it "
    "is kept:</b> {days} days after the exam closes, then deleted (longer only while a flag "
    "awaits a person's decision, or under a legal hold); the invigilators' decisions "
    "and the receipt record (no pictures, no answers) for {records} days. This computer "
    "deletes its copy once the server has signed the receipt.<br><b>Questions or "
    "objections:</b> {contact}.<br><br>Nothing is decided automatically: a person reviews "
    "every flag.": (
        "<b>Не жазылады:</b><ul>{items}</ul><b>Қайда жіберіледі:</b> {dest}.<br><b>Қанша уақыт "
        "сақталады:</b> емтихан жабылғаннан кейін {days} күн, содан кейін жойылады (белгі "
        "адамның шешімін күтіп тұрғанда немесе заңды тыйым кезінде ғана ұзағырақ); "
        "бақылаушылардың шешімдері мен түбіртек жазбасы (суретсіз, жауапсыз) — {records} күн. "
        "Сервер түбіртекке қол қойған соң, бұл компьютер өз көшірмесін жояды.<br><b>Сұрақтар "
        "мен қарсылықтар:</b> {contact}.<br><br>Ештеңе автоматты түрде шешілмейді: әр белгіні "
        "адам қарайды.",
        "<b>Что записывается:</b><ul>{items}</ul><b>Куда отправляется:</b> {dest}.<br><b>Сколько "
        "хранится:</b> {days} дней после закрытия экзамена, затем удаляется (дольше — только "
        "пока отметка ждёт решения человека или действует юридическое удержание); решения "
        "наблюдателей и запись квитанции (без снимков и ответов) — {records} дней. Этот "
        "компьютер удаляет свою копию, как только сервер подпишет квитанцию.<br><b>Вопросы и "
        "возражения:</b> {contact}.<br><br>Ничего не решается автоматически: каждую отметку "
        "проверяет человек."),
    "I have read this and &agree.": ("Оқыдым және &келісемін.", "Я прочитал(а) и &согласен(на)."),
    "Accept and &continue": ("Келісіп, &жалғастыру", "Принять и &продолжить"),
    "&Decline": ("&Бас тарту", "&Отказаться"),
    "Thank you": ("Рақмет", "Спасибо"),
    "You declined proctoring, so this exam cannot start online. Nothing was recorded. Please "
    "contact your exam office to arrange another way to take it. You can close this window.": (
        "Сіз прокторингтен бас тарттыңыз, сондықтан емтихан онлайн басталмайды. Ештеңе "
        "жазылған жоқ. Емтиханды басқа жолмен тапсыру үшін емтихан бөліміне хабарласыңыз. "
        "Бұл терезені жабуға болады.",
        "Вы отказались от прокторинга, поэтому экзамен не может начаться онлайн. Ничего не "
        "записано. Обратитесь в экзаменационный отдел, чтобы договориться о другом способе "
        "сдачи. Это окно можно закрыть."),
    "webcam pictures when something unusual happens": (
        "ерекше жағдай болғанда веб-камера суреттері",
        "снимки веб-камеры, когда происходит что-то необычное"),
    "whether someone speaks near the microphone (nothing is recorded)": (
        "микрофон жанында біреу сөйлей ме (ештеңе жазылмайды)",
        "говорит ли кто-то рядом с микрофоном (ничего не записывается)"),
    "when the exam window loses focus": ("емтихан терезесінен шыққан кез",
                                         "когда окно экзамена теряет фокус"),
    "your answers and their times": ("жауаптарыңыз және олардың уақыты",
                                     "ваши ответы и время их ввода"),
    "your university's exam office (encrypted to its key)": (
        "университетіңіздің емтихан бөлімі (оның кілтімен шифрланған)",
        "экзаменационный отдел вашего университета (зашифровано его ключом)"),
    "your exam office": ("емтихан бөліміңіз", "ваш экзаменационный отдел"),
    # identity
    "Identity check": ("Тұлғаны растау", "Проверка личности"),
    "Show your student card or ID, then follow the instructions so we can see that you are "
    "here in person.": (
        "Студенттік билетіңізді немесе жеке куәлігіңізді көрсетіп, өзіңіз екеніңізді көру "
        "үшін нұсқауларды орындаңыз.",
        "Покажите студенческий билет или удостоверение, затем следуйте инструкциям, чтобы мы "
        "увидели, что это вы."),
    "1. Your ID document": ("1. Жеке куәлігіңіз", "1. Ваш документ"),
    "2. Are you there in person?": ("2. Өзіңіз бен бе?", "2. Вы здесь лично?"),
    "Hold the document close to the camera, photo side up, no glare.": (
        "Құжатты камераға жақын, фотосы жағымен, жылтырамайтындай ұстаңыз.",
        "Поднесите документ к камере фотографией вперёд, без бликов."),
    "&Take photo": ("&Суретке түсіру", "&Сфотографировать"),
    "&Load from file…": ("&Файлдан жүктеу…", "&Загрузить из файла…"),
    "ID document photo": ("Жеке куәлік суреті", "Фото документа"),
    "This file is not a readable picture.": ("Бұл файл оқылатын сурет емес.",
                                             "Этот файл не является читаемым изображением."),
    "No camera picture yet: wait a moment.": ("Камерадан әлі сурет жоқ: сәл күтіңіз.",
                                              "Изображения с камеры ещё нет: подождите."),
    "Document photo added.": ("Құжат суреті қосылды.", "Фото документа добавлено."),
    "Document photo added. Looking for the portrait…": (
        "Құжат суреті қосылды. Фотосурет ізделуде…",
        "Фото документа добавлено. Ищем фотографию владельца…"),
    "Document photo added: the portrait was found.": (
        "Құжат суреті қосылды: фотосурет табылды.",
        "Фото документа добавлено: фотография владельца найдена."),
    "{why} You can take another photo.": (
        "{why} Басқа сурет түсіруге болады.",
        "{why} Можно сделать другое фото."),
    "First add a photo of your ID document.": ("Алдымен жеке куәлігіңіздің суретін қосыңыз.",
                                               "Сначала добавьте фото документа."),
    "Press “Start the check” and follow each instruction.": (
        "«Тексеруді бастау» басып, әр нұсқауды орындаңыз.",
        "Нажмите «Начать проверку» и выполняйте каждую инструкцию."),
    "&Start the check": ("Тексеруді &бастау", "&Начать проверку"),
    "Now: {text}": ("Қазір: {text}", "Сейчас: {text}"),
    "Checking… this takes a few seconds.": ("Тексерілуде… бірнеше секунд алады.",
                                            "Проверка… это займёт несколько секунд."),
    "Check finished.": ("Тексеру аяқталды.", "Проверка завершена."),
    "Identity confirmed. {reason}": ("Тұлға расталды. {reason}", "Личность подтверждена. {reason}"),
    "We could not confirm it automatically: {reason} You may continue; a person will review "
    "your identity after the exam.": (
        "Автоматты түрде растай алмадық: {reason} Жалғастыра беруге болады; емтиханнан кейін "
        "тұлғаңызды адам тексереді.",
        "Не удалось подтвердить автоматически: {reason} Можно продолжить; после экзамена "
        "вашу личность проверит человек."),
    "Not confirmed: {reason} Tries left: {left}.": ("Расталмады: {reason} Қалған әрекет: {left}.",
                                                     "Не подтверждено: {reason} Осталось попыток: "
                                                     "{left}."),
    "Try &again": ("&Қайталау", "&Ещё раз"),
    "Look straight at the camera.": ("Камераға тура қараңыз.", "Смотрите прямо в камеру."),
    "Slowly turn your head to the left.": ("Басыңызды баяу солға бұрыңыз.",
                                           "Медленно поверните голову влево."),
    "Slowly turn your head to the right.": ("Басыңызды баяу оңға бұрыңыз.",
                                            "Медленно поверните голову вправо."),
    "Blink twice.": ("Екі рет көзіңізді жұмыңыз.", "Моргните два раза."),
    "Your face matches the photo on your document.": (
        "Бетіңіз құжаттағы суретке сәйкес келеді.", "Ваше лицо совпадает с фото в документе."),
    "Your face is too dark to compare: turn on a light in front of you.": (
        "Бетіңіз салыстыруға тым қараңғы: алдыңыздағы шамды жағыңыз.",
        "Лицо слишком тёмное для сравнения: включите свет перед собой."),
    # exam
    "Questions": ("Сұрақтар", "Вопросы"),
    "✓ answered   ⚑ flagged for review": ("✓ жауап берілді   ⚑ қайта қарауға белгіленді",
                                          "✓ отвечено   ⚑ отмечено для проверки"),
    "Question {n}": ("{n}-сұрақ", "Вопрос {n}"),
    "Question {n} of {total}": ("{total} сұрақтың {n}-сі", "Вопрос {n} из {total}"),
    "⚑ Flag for review": ("⚑ Қайта қарауға белгілеу", "⚑ Отметить для проверки"),
    "← &Previous": ("← &Алдыңғы", "← &Назад"),
    "&Next →": ("&Келесі →", "&Далее →"),
    "&Finish exam…": ("Емтиханды &аяқтау…", "&Завершить экзамен…"),
    "&Hand in now": ("Қазір &тапсыру", "&Сдать сейчас"),
    "&Back to the exam": ("Емтиханға &оралу", "&Вернуться к экзамену"),
    "You answered {done} of {total} questions ({flagged} flagged). After handing in you cannot "
    "change your answers.": (
        "{total} сұрақтың {done}-іне жауап бердіңіз ({flagged} белгіленген). Тапсырғаннан "
        "кейін жауаптарды өзгерту мүмкін емес.",
        "Вы ответили на {done} из {total} вопросов (отмечено: {flagged}). После сдачи ответы "
        "изменить нельзя."),
    "All answers saved on this computer.": ("Барлық жауап осы компьютерде сақталды.",
                                            "Все ответы сохранены на этом компьютере."),
    "Not saved: {why}": ("Сақталмады: {why}", "Не сохранено: {why}"),
    "10 minutes left. Your answers are saved; check flagged questions.": (
        "10 минут қалды. Жауаптарыңыз сақталған; белгіленген сұрақтарды тексеріңіз.",
        "Осталось 10 минут. Ответы сохранены; проверьте отмеченные вопросы."),
    "1 minute left! The exam is handed in automatically at 0:00.": (
        "1 минут қалды! Емтихан 0:00-де автоматты түрде тапсырылады.",
        "Осталась 1 минута! В 0:00 экзамен будет сдан автоматически."),
    "A number, e.g. 9.81": ("Сан, мысалы 9.81", "Число, например 9.81"),
    "True": ("Дұрыс", "Верно"),
    "False": ("Бұрыс", "Неверно"),
    "Move &up": ("&Жоғары", "&Вверх"),
    "Move &down": ("&Төмен", "В&низ"),
    # hand-in
    "Your answers are encrypted for your university and uploaded.": (
        "Жауаптарыңыз университетіңіз үшін шифрланып, жүктеледі.",
        "Ваши ответы шифруются для вашего университета и отправляются."),
    "Time is up: your answers are being handed in automatically.": (
        "Уақыт бітті: жауаптарыңыз автоматты түрде тапсырылуда.",
        "Время вышло: ваши ответы сдаются автоматически."),
    "Encrypting and uploading your answers…": ("Жауаптарыңыз шифрланып, жүктелуде…",
                                               "Шифрование и отправка ответов…"),
    "Trying to upload again…": ("Қайта жүктеп көрудеміз…", "Повторная попытка отправки…"),
    "Saved on this computer, will upload when you are online. Reason: {why} We retry every "
    "30 seconds; you may keep this window open.": (
        "Осы компьютерде сақталды, интернет болғанда жүктеледі. Себебі: {why} Әр 30 секунд "
        "сайын қайталаймыз; терезені ашық қалдыруға болады.",
        "Сохранено на этом компьютере, отправится, когда появится сеть. Причина: {why} "
        "Повторяем каждые 30 секунд; окно можно оставить открытым."),
    "&Retry upload now": ("Қазір &қайта жүктеу", "&Повторить отправку"),
    "Handed in. Keep this receipt: it proves what the server received.": (
        "Тапсырылды. Бұл түбіртекті сақтаңыз: ол сервер не алғанын дәлелдейді.",
        "Сдано. Сохраните эту квитанцию: она подтверждает, что получил сервер."),
    "&Close": ("&Жабу", "&Закрыть"),
    # the receipt (client/ui/pages/receipt.py)
    "Handed in on {when}, on time.": ("{when} тапсырылды, уақытында.",
                                      "Сдано {when}, вовремя."),
    "Handed in on {when}, {minutes} min after the deadline.": (
        "{when} тапсырылды, мерзімнен {minutes} мин кеш.",
        "Сдано {when}, на {minutes} мин позже срока."),
    "Attempt": ("Әрекет", "Попытка"),
    "Receipt number": ("Түбіртек нөмірі", "Номер квитанции"),
    "Receipt hash (SHA-256)": ("Түбіртек хэші (SHA-256)", "Хеш квитанции (SHA-256)"),
    "C&opy": ("&Көшіру", "&Копировать"),
    "The receipt hash was copied.": ("Түбіртек хэші көшірілді.", "Хеш квитанции скопирован."),
    "Signature verified: this receipt was signed by the exam server with its key.": (
        "Қолтаңба расталды: бұл түбіртекке емтихан сервері өз кілтімен қол қойған.",
        "Подпись подтверждена: эта квитанция подписана сервером экзаменов его ключом."),
    "Signature NOT verified: this receipt does not carry a valid signature of the exam "
    "server. Save it and tell your exam office.": (
        "Қолтаңба РАСТАЛМАДЫ: бұл түбіртекте емтихан серверінің жарамды қолтаңбасы жоқ. "
        "Оны сақтап, емтихан бөліміне хабарлаңыз.",
        "Подпись НЕ подтверждена: на этой квитанции нет действительной подписи сервера "
        "экзаменов. Сохраните её и сообщите в экзаменационный отдел."),
    "&Save receipt…": ("Түбіртекті &сақтау…", "&Сохранить квитанцию…"),
    "Save receipt": ("Түбіртекті сақтау", "Сохранить квитанцию"),
    "PDF document": ("PDF құжаты", "Документ PDF"),
    "Hand-in receipt": ("Тапсыру түбіртегі", "Квитанция о сдаче"),
    "The file {json} saved beside this PDF is the receipt as the exam server signed it; "
    "with the server's key anyone can check it has not been changed.": (
        "Осы PDF-тің жанына сақталған {json} файлы — емтихан сервері қол қойған түбіртектің "
        "өзі; сервер кілтімен оның өзгертілмегенін кез келген адам тексере алады.",
        "Файл {json}, сохранённый рядом с этим PDF, — это квитанция в том виде, в каком её "
        "подписал сервер экзаменов; с ключом сервера любой может проверить, что она не "
        "изменена."),
    "Saved {pdf} and, beside it, the signed receipt {json}.": (
        "{pdf} сақталды, жанында — қол қойылған түбіртек {json}.",
        "Сохранено: {pdf} и рядом подписанная квитанция {json}."),
    "You may not write in that folder. Choose another folder, e.g. Documents.": (
        "Бұл қалтаға жазуға рұқсатыңыз жоқ. Басқа қалтаны таңдаңыз, мысалы, «Құжаттар».",
        "У вас нет права записи в эту папку. Выберите другую, например «Документы»."),
    "The disk is full. Free some space or choose another drive.": (
        "Диск толы. Орын босатыңыз немесе басқа дискіні таңдаңыз.",
        "Диск заполнен. Освободите место или выберите другой диск."),
    "That folder does not exist. Choose another folder.": (
        "Бұл қалта жоқ. Басқа қалтаны таңдаңыз.", "Такой папки нет. Выберите другую папку."),
    "The receipt could not be saved there. Choose another folder.": (
        "Түбіртекті ол жерге сақтау мүмкін болмады. Басқа қалтаны таңдаңыз.",
        "Не удалось сохранить квитанцию туда. Выберите другую папку."),
    # verifier reasons (verifier/quality.py MESSAGES), shown on the identity page
    "No face found. Look straight at the camera.": (
        "Бет табылмады. Камераға тура қараңыз.",
        "Лицо не найдено. Смотрите прямо в камеру."),
    "More than one face is visible. Make sure you are alone in the picture.": (
        "Бірнеше бет көрінеді. Кадрда тек өзіңіз болыңыз.",
        "Видно больше одного лица. Убедитесь, что в кадре только вы."),
    "Your face is too small. Move closer to the camera.": (
        "Бетіңіз тым кішкентай. Камераға жақынырақ отырыңыз.",
        "Лицо слишком маленькое. Сядьте ближе к камере."),
    "Your face is cut off. Move to the centre of the picture.": (
        "Бетіңіз толық көрінбейді. Кадрдың ортасына отырыңыз.",
        "Лицо обрезано. Переместитесь в центр кадра."),
    "The picture is too dark. Turn on a light in front of you.": (
        "Сурет тым қараңғы. Алдыңыздағы жарықты қосыңыз.",
        "Изображение слишком тёмное. Включите свет перед собой."),
    "The picture is too bright. Avoid direct light on the camera.": (
        "Сурет тым жарық. Камераға тікелей жарық түсірмеңіз.",
        "Изображение слишком яркое. Не направляйте свет прямо в камеру."),
    "Strong light behind you. Face a window or lamp instead of sitting with your back to it.": (
        "Артыңызда күшті жарық бар. Терезеге не шамға арқаңызбен емес, бетіңізбен отырыңыз.",
        "Сильный свет сзади. Сядьте лицом к окну или лампе, а не спиной."),
    "The picture is blurred. Hold still and clean the camera lens.": (
        "Сурет бұлыңғыр. Қозғалмаңыз және камера линзасын тазалаңыз.",
        "Изображение размыто. Не двигайтесь и протрите объектив камеры."),
    "Your eyes seem closed. Keep your eyes open and look at the camera.": (
        "Көзіңіз жұмулы сияқты. Көзіңізді ашып, камераға қараңыз.",
        "Кажется, глаза закрыты. Откройте глаза и смотрите в камеру."),
    "No portrait found on the ID document. Photograph the whole document, flat and sharp.": (
        "Құжаттан сурет табылмады. Құжатты толық, тегіс әрі анық суретке түсіріңіз.",
        "На документе не найдена фотография. Снимите весь документ ровно и чётко."),
    "The portrait on the ID document is not usable. Take a sharper, evenly lit photo.": (
        "Құжаттағы суретті пайдалану мүмкін емес. Анығырақ, біркелкі жарықталған сурет түсіріңіз.",
        "Фотографию в документе нельзя использовать. Сделайте более чёткий снимок при "
        "ровном освещении."),
    "No usable camera picture of your face.": (
        "Камерадан бетіңіздің жарамды суреті алынбады.",
        "Нет пригодного снимка вашего лица с камеры."),
    "The similarity is close to the threshold; an invigilator will review it.": (
        "Ұқсастық шекке жақын; оны бақылаушы тексереді.",
        "Сходство близко к порогу; его проверит наблюдатель."),
    "The face does not match the ID document.": (
        "Бет құжатқа сәйкес келмейді.",
        "Лицо не совпадает с документом."),
    "The camera picture does not change. Use a live camera, not a photo or video.": (
        "Камера суреті өзгермейді. Фото не видео емес, тірі камераны пайдаланыңыз.",
        "Изображение с камеры не меняется. Используйте живую камеру, а не фото или видео."),
    "A liveness step was not completed in time. Please try again.": (
        "Тірілікті тексеру қадамы уақытында орындалмады. Қайталап көріңіз.",
        "Шаг проверки живого присутствия не выполнен вовремя. Попробуйте ещё раз."),
    "Not all liveness steps were completed.": (
        "Тірілікті тексерудің барлық қадамы орындалмады.",
        "Не все шаги проверки живого присутствия выполнены."),
    "The liveness check was not run.": (
        "Тірілікті тексеру жүргізілмеді.",
        "Проверка живого присутствия не проводилась."),
    ("The face moved like a flat picture, not like a head. Use a live camera, not a photo or "
     "a screen."): (
        "Бет басы сияқты емес, жалпақ сурет сияқты қозғалды. Фото не экран емес, тірі камераны "
        "пайдаланыңыз.",
        "Лицо двигалось как плоское изображение, а не как голова. Используйте живую камеру, а не "
        "фото или экран."),
    "Your face was not visible during the whole check. Stay in front of the camera.": (
        "Тексеру бойы бетіңіз көрінбей қалды. Камераның алдында болыңыз.",
        "Ваше лицо было видно не всё время проверки. Оставайтесь перед камерой."),
    "The camera picture changed abruptly. Keep the camera still and try again.": (
        "Камера суреті кенет өзгерді. Камераны қозғалтпай, қайталап көріңіз.",
        "Изображение с камеры резко изменилось. Не двигайте камеру и попробуйте ещё раз."),
    "Your face jumped to another place in the picture. Keep the camera still and try again.": (
        "Бетіңіз суреттің басқа жеріне секірді. Камераны қозғалтпай, қайталап көріңіз.",
        "Лицо скачком переместилось в другое место кадра. Не двигайте камеру и попробуйте "
        "ещё раз."),
    "The camera stopped sending pictures during the check. Please try again.": (
        "Тексеру кезінде камера сурет жіберуді тоқтатты. Қайталап көріңіз.",
        "Во время проверки камера перестала передавать изображение. Попробуйте ещё раз."),
    "The camera pictures carry no capture time, so the check cannot be timed. Please try again.": (
        "Камера суреттерінде түсірілген уақыты жоқ, сондықтан тексеруді уақытпен өлшеу мүмкін "
        "емес. Қайталап көріңіз.",
        "У снимков камеры нет времени съёмки, поэтому проверку нельзя засечь по времени. "
        "Попробуйте ещё раз."),
    "The face changed during the check. The same person must do the whole check.": (
        "Тексеру кезінде бет ауысты. Бүкіл тексеруді бір адам өткізуі керек.",
        "Во время проверки лицо сменилось. Всю проверку должен пройти один и тот же человек."),
    # the student's own view (issue 16: client/ui/pages/my_record.py, client/core/my_record.py)
    "What was &recorded about me": ("Мен туралы не &жазылды", "Что обо мне &записано"),
    "What was recorded about you": ("Сіз туралы не жазылды", "Что о вас записано"),
    "Nothing to show: the summary exists only until this program is closed after the hand-in.": (
        "Көрсететін ештеңе жоқ: қорытынды тапсырудан кейін бағдарлама жабылғанға дейін ғана "
        "сақталады.",
        "Показать нечего: сводка существует только до закрытия программы после сдачи."),
    "Shown from memory only: these files were deleted from this computer after the receipt. "
    "Your university keeps your hand-in for {evidence} days after the exam closes, and the "
    "decisions and receipt records for {records} days.": (
        "Тек жадтан көрсетіледі: бұл файлдар түбіртектен кейін осы компьютерден жойылды. "
        "Университет тапсырған жұмысыңызды емтихан жабылғаннан кейін {evidence} күн, ал "
        "шешімдер мен түбіртек жазбаларын {records} күн сақтайды.",
        "Показано только из памяти: эти файлы удалены с компьютера после получения квитанции. "
        "Университет хранит вашу работу {evidence} дн. после закрытия экзамена, а решения и "
        "записи квитанций — {records} дн."),
    "Identity check: {text}": ("Тұлғаны тексеру: {text}", "Проверка личности: {text}"),
    "No flags were recorded.": ("Ешқандай белгі жазылған жоқ.", "Отметок не записано."),
    "Flags recorded ({count} of {events} events):": (
        "Жазылған белгілер ({events} оқиғаның {count}):",
        "Записанные отметки ({count} из {events} событий):"),
    "warning": ("ескерту", "предупреждение"),
    "alert": ("дабыл", "тревога"),
    "{count} evidence pictures were dropped to keep the hand-in small; the log says which.": (
        "Тапсыру көлемі шағын болуы үшін {count} дәлел суреті алынып тасталды; қайсысы екені "
        "журналда жазылған.",
        "{count} снимков-доказательств удалено, чтобы сдача была небольшой; журнал говорит, "
        "каких."),
    "&Check the invigilator's decisions": ("Бақылаушы &шешімдерін тексеру",
                                           "&Проверить решения наблюдателя"),
    "Asking the exam server…": ("Емтихан серверінен сұралуда…", "Запрос к серверу экзамена…"),
    "The exam office has not released the decisions yet.": (
        "Емтихан бөлімі шешімдерді әлі жарияламады.",
        "Экзаменационный отдел ещё не опубликовал решения."),
    "Decisions released on {date}:": ("Шешімдер {date} жарияланды:",
                                      "Решения опубликованы {date}:"),
    "Whole exam": ("Бүкіл емтихан", "Весь экзамен"),
    "Flag #{seq}": ("№{seq} белгі", "Отметка №{seq}"),
    "Cleared": ("Ақталды", "Снято"),
    "Violation confirmed": ("Бұзушылық расталды", "Нарушение подтверждено"),
    "Needs follow-up": ("Қосымша тексеру керек", "Нужна дополнительная проверка"),
    "No decision was recorded on your attempt.": (
        "Сіздің әрекетіңіз бойынша шешім жазылмаған.",
        "По вашей попытке решений не записано."),
    "Could not fetch the decisions: {why}": ("Шешімдерді алу мүмкін болмады: {why}",
                                             "Не удалось получить решения: {why}"),
    "No face visible in the camera picture.": ("Камера суретінде бет көрінбейді.",
                                               "В кадре камеры не видно лица."),
    "More than one face visible.": ("Бірнеше бет көрінеді.", "Видно больше одного лица."),
    "The person in front of the camera may not be the student.": (
        "Камера алдындағы адам студент болмауы мүмкін.",
        "Человек перед камерой, возможно, не студент."),
    "The student looked away from the screen for a while.": (
        "Студент біраз уақыт экраннан басқа жаққа қарады.",
        "Студент некоторое время смотрел в сторону от экрана."),
    "The camera seems covered or the picture is dark.": (
        "Камера жабылған немесе сурет қараңғы сияқты.",
        "Камера, похоже, закрыта или изображение тёмное."),
    "Speech was detected on the microphone.": ("Микрофонда сөйлеу анықталды.",
                                               "Микрофон уловил речь."),
    "The exam window lost focus.": ("Емтихан терезесі фокусты жоғалтты.",
                                    "Окно экзамена потеряло фокус."),
    "The exam window was hidden.": ("Емтихан терезесі жасырылды.", "Окно экзамена было скрыто."),
    "A second screen was connected.": ("Екінші экран қосылды.", "Подключён второй экран."),
    "A remote-control, screen-sharing or recording program was running.": (
        "Қашықтан басқару, экранды көрсету немесе жазу бағдарламасы іске қосулы болды.",
        "Работала программа удалённого управления, демонстрации или записи экрана."),
    "Text from outside the exam was pasted and refused.": (
        "Емтиханнан тыс мәтін қойылды және қабылданбады.",
        "Была попытка вставить текст извне экзамена; вставка отклонена."),
    "System check: other programs.": ("Жүйені тексеру: басқа бағдарламалар.",
                                      "Проверка системы: другие программы."),
    "System check: camera.": ("Жүйені тексеру: камера.", "Проверка системы: камера."),
    "System check: microphone and sound.": ("Жүйені тексеру: микрофон және дыбыс.",
                                            "Проверка системы: микрофон и звук."),
    "System check: connection.": ("Жүйені тексеру: байланыс.",
                                  "Проверка системы: соединение."),
    "Identity check result.": ("Тұлғаны тексеру нәтижесі.", "Результат проверки личности."),
    "The exam was resumed after an interruption.": (
        "Емтихан үзілістен кейін жалғастырылды.", "Экзамен продолжен после прерывания."),
    "The attempt key was lost and replaced after a restart.": (
        "Қайта іске қосқаннан кейін әрекет кілті жоғалып, ауыстырылды.",
        "Ключ попытки был потерян и заменён после перезапуска."),
    "Other event: {kind}": ("Басқа оқиға: {kind}", "Другое событие: {kind}"),
    "Your face matched the photo on your document.": (
        "Бетіңіз құжаттағы суретпен сәйкес келді.", "Ваше лицо совпало с фото в документе."),
    "An invigilator will compare your face with your document.": (
        "Бақылаушы бетіңізді құжатыңызбен салыстырады.",
        "Наблюдатель сравнит ваше лицо с документом."),
    "Your face did not match the photo on your document; an invigilator will decide.": (
        "Бетіңіз құжаттағы суретпен сәйкес келмеді; шешімді бақылаушы қабылдайды.",
        "Ваше лицо не совпало с фото в документе; решение примет наблюдатель."),
    "No identity check was recorded.": ("Тұлғаны тексеру жазылмаған.",
                                        "Проверка личности не записана."),
}


from .catalogue_path import STUDENT_PATH  # noqa: E402

CATALOGUE.update(STUDENT_PATH)

from .catalogue_exammode import EXAM_MODE  # noqa: E402

CATALOGUE.update(EXAM_MODE)

from .catalogue_review import REVIEW  # noqa: E402
from .catalogue_review_core import REVIEW_CORE  # noqa: E402

CATALOGUE.update(REVIEW)
CATALOGUE.update(REVIEW_CORE)

from .catalogue_feedback import FEEDBACK  # noqa: E402

CATALOGUE.update(FEEDBACK)
