<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Emtihan</name>
    <message>
        <source>&amp;Access code</source>
        <translation>&amp;Код доступа</translation>
    </message>
    <message>
        <source>&amp;Back to the exam</source>
        <translation>&amp;Вернуться к экзамену</translation>
    </message>
    <message>
        <source>&amp;Check the invigilator's decisions</source>
        <translation>&amp;Проверить решения наблюдателя</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>&amp;Всё равно закрыть</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Отказаться</translation>
    </message>
    <message>
        <source>&amp;Download and check the exam</source>
        <translation>&amp;Скачать и проверить экзамен</translation>
    </message>
    <message>
        <source>&amp;Exam code</source>
        <translation>&amp;Код экзамена</translation>
    </message>
    <message>
        <source>&amp;Finish exam…</source>
        <translation>&amp;Завершить экзамен…</translation>
    </message>
    <message>
        <source>&amp;Go back to the exam</source>
        <translation>&amp;Вернуться к экзамену</translation>
    </message>
    <message>
        <source>&amp;Hand in now</source>
        <translation>&amp;Сдать сейчас</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Load from file…</source>
        <translation>&amp;Загрузить из файла…</translation>
    </message>
    <message>
        <source>&amp;Measure connection speed</source>
        <translation>&amp;Измерить скорость соединения</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>&amp;Далее →</translation>
    </message>
    <message>
        <source>&amp;Play test sound</source>
        <translation>&amp;Воспроизвести тестовый звук</translation>
    </message>
    <message>
        <source>&amp;Resume download</source>
        <translation>&amp;Продолжить загрузку</translation>
    </message>
    <message>
        <source>&amp;Retry upload now</source>
        <translation>&amp;Повторить отправку</translation>
    </message>
    <message>
        <source>&amp;Save receipt…</source>
        <translation>&amp;Сохранить квитанцию…</translation>
    </message>
    <message>
        <source>&amp;Server address</source>
        <translation>&amp;Адрес сервера</translation>
    </message>
    <message>
        <source>&amp;Start the check</source>
        <translation>&amp;Начать проверку</translation>
    </message>
    <message>
        <source>&amp;Student ID</source>
        <translation>&amp;ID студента</translation>
    </message>
    <message>
        <source>&amp;Take photo</source>
        <translation>&amp;Сфотографировать</translation>
    </message>
    <message>
        <source>(Timeline tab) before the session decision can be final. “Needs follow-up” can be recorded at any time.</source>
        <translation>(вкладка «Хронология»), прежде чем решение по сессии может стать окончательным. «Нужна дополнительная проверка» можно записать в любое время.</translation>
    </message>
    <message>
        <source>1 minute left! The exam is handed in automatically at 0:00.</source>
        <translation>Осталась 1 минута! В 0:00 экзамен будет сдан автоматически.</translation>
    </message>
    <message>
        <source>1. Your ID document</source>
        <translation>1. Ваш документ</translation>
    </message>
    <message>
        <source>10 minutes left. Your answers are saved; check flagged questions.</source>
        <translation>Осталось 10 минут. Ответы сохранены; проверьте отмеченные вопросы.</translation>
    </message>
    <message>
        <source>2. Are you there in person?</source>
        <translation>2. Вы здесь лично?</translation>
    </message>
    <message>
        <source>&lt;b&gt;No identity evidence in this bundle.&lt;/b&gt; The check may have been skipped.</source>
        <translation>&lt;b&gt;В этом пакете нет данных проверки личности.&lt;/b&gt; Возможно, проверка была пропущена.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What is recorded:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;b&gt;Where it goes:&lt;/b&gt; {dest}.&lt;br&gt;&lt;b&gt;How long it is kept:&lt;/b&gt; {days} days after the exam closes, then deleted (longer only while a flag awaits a person's decision, or under a legal hold); the invigilators' decisions and the receipt record (no pictures, no answers) for {records} days. This computer deletes its copy once the server has signed the receipt.&lt;br&gt;&lt;b&gt;Questions or objections:&lt;/b&gt; {contact}.&lt;br&gt;&lt;br&gt;Nothing is decided automatically: a person reviews every flag.</source>
        <translation>&lt;b&gt;Что записывается:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;b&gt;Куда отправляется:&lt;/b&gt; {dest}.&lt;br&gt;&lt;b&gt;Сколько хранится:&lt;/b&gt; {days} дней после закрытия экзамена, затем удаляется (дольше — только пока отметка ждёт решения человека или действует юридическое удержание); решения наблюдателей и запись квитанции (без снимков и ответов) — {records} дней. Этот компьютер удаляет свою копию, как только сервер подпишет квитанцию.&lt;br&gt;&lt;b&gt;Вопросы и возражения:&lt;/b&gt; {contact}.&lt;br&gt;&lt;br&gt;Ничего не решается автоматически: каждую отметку проверяет человек.</translation>
    </message>
    <message>
        <source>A liveness step was not completed in time. Please try again.</source>
        <translation>Шаг проверки живого присутствия не выполнен вовремя. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>A number, e.g. 9.81</source>
        <translation>Число, например 9.81</translation>
    </message>
    <message>
        <source>A remote-control, screen-sharing or recording program was running.</source>
        <translation>Работала программа удалённого управления, демонстрации или записи экрана.</translation>
    </message>
    <message>
        <source>A second screen was connected.</source>
        <translation>Подключён второй экран.</translation>
    </message>
    <message>
        <source>Accept and &amp;continue</source>
        <translation>Принять и &amp;продолжить</translation>
    </message>
    <message>
        <source>Add the photo of your ID document again: take a clearer one, or use another document.</source>
        <translation>Добавьте фото документа ещё раз: сделайте более чёткий снимок или используйте другой документ.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>All answers saved on this computer.</source>
        <translation>Все ответы сохранены на этом компьютере.</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>Все проверки пройдены.</translation>
    </message>
    <message>
        <source>All {total} flag(s) decided.</source>
        <translation>Решения приняты по всем отметкам ({total}).</translation>
    </message>
    <message>
        <source>An answer was changed.</source>
        <translation>Ответ изменён.</translation>
    </message>
    <message>
        <source>An answer was saved.</source>
        <translation>Ответ сохранён.</translation>
    </message>
    <message>
        <source>An invigilator will compare your face with your document.</source>
        <translation>Наблюдатель сравнит ваше лицо с документом.</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Ответ:</translation>
    </message>
    <message>
        <source>Answers to questions not on this paper: {ids}</source>
        <translation>Ответы на вопросы, которых нет в этой работе: {ids}</translation>
    </message>
    <message>
        <source>Asking the exam server…</source>
        <translation>Запрос к серверу экзамена…</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Попытка</translation>
    </message>
    <message>
        <source>Attempt id</source>
        <translation>ID попытки</translation>
    </message>
    <message>
        <source>Attempt key changes</source>
        <translation>Смен ключа попытки</translation>
    </message>
    <message>
        <source>Attempt signature</source>
        <translation>Подпись попытки</translation>
    </message>
    <message>
        <source>Author trust file</source>
        <translation>Файл доверия автору</translation>
    </message>
    <message>
        <source>Automatic total: {total} / {max}</source>
        <translation>Автоматическая оценка: {total} / {max}</translation>
    </message>
    <message>
        <source>BUNDLE CANNOT BE OPENED — tampered, truncated or sealed to another key.</source>
        <translation>ПАКЕТ НЕ ОТКРЫВАЕТСЯ — изменён, обрезан или зашифрован для другого ключа.</translation>
    </message>
    <message>
        <source>Blink twice.</source>
        <translation>Моргните два раза.</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Блокирующих</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Яркость</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Camera OK.</source>
        <translation>Камера в порядке.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cannot hear</source>
        <translation>Не слышит</translation>
    </message>
    <message>
        <source>Cannot reach the server at {url}: {detail}</source>
        <translation>Не удаётся связаться с сервером {url}: {detail}</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>Пр&amp;оверить</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Проверить &amp;снова</translation>
    </message>
    <message>
        <source>Check finished.</source>
        <translation>Проверка завершена.</translation>
    </message>
    <message>
        <source>Checking the camera… keep your face in the picture.</source>
        <translation>Проверяем камеру… держите лицо в кадре.</translation>
    </message>
    <message>
        <source>Checking… this takes a few seconds.</source>
        <translation>Проверка… это займёт несколько секунд.</translation>
    </message>
    <message>
        <source>Choices in the order shown:</source>
        <translation>Варианты в показанном порядке:</translation>
    </message>
    <message>
        <source>Choose a decision first.</source>
        <translation>Сначала выберите решение.</translation>
    </message>
    <message>
        <source>Choose your exam and download it.</source>
        <translation>Выберите экзамен и скачайте его.</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Снято</translation>
    </message>
    <message>
        <source>Client's outcome</source>
        <translation>Результат программы студента</translation>
    </message>
    <message>
        <source>Combined feedback:</source>
        <translation>Отзыв по результату:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consent to proctoring</source>
        <translation>Согласие на прокторинг</translation>
    </message>
    <message>
        <source>Could not fetch the decisions: {why}</source>
        <translation>Не удалось получить решения: {why}</translation>
    </message>
    <message>
        <source>Current: {outcome} by {reviewer} ({when})</source>
        <translation>Текущее решение: {outcome}, проверяющий {reviewer} ({when})</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Срок сдачи</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Decision on the whole session</source>
        <translation>Решение по всей сессии</translation>
    </message>
    <message>
        <source>Decision on this flag</source>
        <translation>Решение по этой отметке</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Решение:</translation>
    </message>
    <message>
        <source>Decisions on record</source>
        <translation>Записанные решения</translation>
    </message>
    <message>
        <source>Decisions released on {date}:</source>
        <translation>Решения опубликованы {date}:</translation>
    </message>
    <message>
        <source>Decrypting happens on this computer: the server only ever holds ciphertext.</source>
        <translation>Расшифровка происходит на этом компьютере: на сервере хранятся только зашифрованные данные.</translation>
    </message>
    <message>
        <source>Decryption</source>
        <translation>Расшифровка</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Digits typed correctly</source>
        <translation>Цифры введены верно</translation>
    </message>
    <message>
        <source>Distance / threshold</source>
        <translation>Расстояние / порог</translation>
    </message>
    <message>
        <source>Document photo added.</source>
        <translation>Фото документа добавлено.</translation>
    </message>
    <message>
        <source>Document photo added. Looking for the portrait…</source>
        <translation>Фото документа добавлено. Ищем фотографию владельца…</translation>
    </message>
    <message>
        <source>Document photo added: the portrait was found.</source>
        <translation>Фото документа добавлено: фотография владельца найдена.</translation>
    </message>
    <message>
        <source>Download (kbit/s)</source>
        <translation>Скачивание (кбит/с)</translation>
    </message>
    <message>
        <source>Downloading… (an interrupted download resumes)</source>
        <translation>Загрузка… (прерванная загрузка продолжится)</translation>
    </message>
    <message>
        <source>Earlier tries:</source>
        <translation>Предыдущие попытки:</translation>
    </message>
    <message>
        <source>Emtihan — invigilator review</source>
        <translation>Emtihan — проверка наблюдателем</translation>
    </message>
    <message>
        <source>Emtihan — review of {exam} — {reviewer}</source>
        <translation>Emtihan — проверка {exam} — {reviewer}</translation>
    </message>
    <message>
        <source>Emtihan — student</source>
        <translation>Emtihan — студент</translation>
    </message>
    <message>
        <source>Encrypting and uploading your answers…</source>
        <translation>Шифрование и отправка ответов…</translation>
    </message>
    <message>
        <source>Enter the server address and the details from your exam invitation.</source>
        <translation>Введите адрес сервера и данные из приглашения на экзамен.</translation>
    </message>
    <message>
        <source>Enter your invigilator token.</source>
        <translation>Введите токен наблюдателя.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Журнал событий</translation>
    </message>
    <message>
        <source>Event log ends before record {seq}: no seal record (truncated).</source>
        <translation>Журнал событий обрывается до записи {seq}: нет записи печати (обрезан).</translation>
    </message>
    <message>
        <source>Event log record {seq} does not link to record {previous}.</source>
        <translation>Запись {seq} журнала событий не связана с записью {previous}.</translation>
    </message>
    <message>
        <source>Event log record {seq} has the wrong fields.</source>
        <translation>У записи {seq} журнала событий неверные поля.</translation>
    </message>
    <message>
        <source>Event log record {seq} is cut off (truncated).</source>
        <translation>Запись {seq} журнала событий оборвана (обрезана).</translation>
    </message>
    <message>
        <source>Event log record {seq} is missing or out of order (found seq {found}): records were deleted or reordered.</source>
        <translation>Запись {seq} журнала событий отсутствует или не на своём месте (найдено seq {found}): записи удалены или переставлены.</translation>
    </message>
    <message>
        <source>Event log record {seq} is not valid JSON (truncated or edited).</source>
        <translation>Запись {seq} журнала событий — некорректный JSON (обрезана или изменена).</translation>
    </message>
    <message>
        <source>Event log record {seq} was altered (hash mismatch).</source>
        <translation>Запись {seq} журнала событий изменена (хеш не совпадает).</translation>
    </message>
    <message>
        <source>Event log record {seq} was appended after the log was sealed.</source>
        <translation>Запись {seq} журнала событий добавлена после того, как журнал был запечатан.</translation>
    </message>
    <message>
        <source>Event log seal (record {seq}) is not signed by this attempt's key.</source>
        <translation>Печать журнала событий (запись {seq}) подписана не ключом этой попытки.</translation>
    </message>
    <message>
        <source>Event log seal record {seq} is malformed.</source>
        <translation>Запись печати {seq} журнала событий повреждена.</translation>
    </message>
    <message>
        <source>Event-log records from #{seq} on cannot be trusted.</source>
        <translation>Записям журнала событий начиная с №{seq} доверять нельзя.</translation>
    </message>
    <message>
        <source>Every flag needs a human decision before the session decision can be final; undecided: {flags}.</source>
        <translation>Прежде чем решение по сессии станет окончательным, по каждой отметке нужно решение человека; не решены: {flags}.</translation>
    </message>
    <message>
        <source>Evidence file(s) {files} do not match their hash.</source>
        <translation>Файлы доказательств {files} не совпадают со своим хешем.</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>Файлы доказательств</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Экзамен</translation>
    </message>
    <message>
        <source>Exam id</source>
        <translation>ID экзамена</translation>
    </message>
    <message>
        <source>Exam package</source>
        <translation>Пакет экзамена</translation>
    </message>
    <message>
        <source>Exam package {exam} v{version} verified and loaded.</source>
        <translation>Пакет экзамена {exam} v{version} проверен и загружен.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Экспорт в PDF…</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Экспорт сессий</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>НЕ ПРОЙДЕНА</translation>
    </message>
    <message>
        <source>Face distance</source>
        <translation>Расстояние между лицами</translation>
    </message>
    <message>
        <source>Faces</source>
        <translation>Лиц</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Неверно</translation>
    </message>
    <message>
        <source>Feedback on this answer:</source>
        <translation>Отзыв на этот ответ:</translation>
    </message>
    <message>
        <source>Feedback on your answers</source>
        <translation>Отзыв о ваших ответах</translation>
    </message>
    <message>
        <source>Feedback:</source>
        <translation>Отзыв:</translation>
    </message>
    <message>
        <source>First add a photo of your ID document.</source>
        <translation>Сначала добавьте фото документа.</translation>
    </message>
    <message>
        <source>Flag #{seq}</source>
        <translation>Отметка №{seq}</translation>
    </message>
    <message>
        <source>Flag thumbnail</source>
        <translation>Снимок отметки</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>С отметками</translation>
    </message>
    <message>
        <source>Flagged events only</source>
        <translation>Только события с отметками</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <source>Flags ({count})</source>
        <translation>Отметки ({count})</translation>
    </message>
    <message>
        <source>Flags announced / found</source>
        <translation>Отметки заявленные / найденные</translation>
    </message>
    <message>
        <source>Flags recorded ({count} of {events} events):</source>
        <translation>Записанные отметки ({count} из {events} событий):</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Найдено</translation>
    </message>
    <message>
        <source>Found and recorded for the invigilator: {names}</source>
        <translation>Обнаружено и записано для наблюдателя: {names}</translation>
    </message>
    <message>
        <source>Frames/s</source>
        <translation>Кадр/с</translation>
    </message>
    <message>
        <source>General feedback:</source>
        <translation>Общий отзыв:</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Hand-in</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <source>Hand-in receipt</source>
        <translation>Квитанция о сдаче</translation>
    </message>
    <message>
        <source>Hand-in version</source>
        <translation>Версия сдачи</translation>
    </message>
    <message>
        <source>Hand-in versions</source>
        <translation>Версий сдачи</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>Сдано</translation>
    </message>
    <message>
        <source>Handed in on {when}, on time.</source>
        <translation>Сдано {when}, вовремя.</translation>
    </message>
    <message>
        <source>Handed in on {when}, {minutes} min after the deadline.</source>
        <translation>Сдано {when}, на {minutes} мин позже срока.</translation>
    </message>
    <message>
        <source>Handed in. Keep this receipt: it proves what the server received.</source>
        <translation>Сдано. Сохраните эту квитанцию: она подтверждает, что получил сервер.</translation>
    </message>
    <message>
        <source>Hash chain intact over {n} records, seal signed by the attempt.</source>
        <translation>Цепочка хешей цела на всех записях ({n}), печать подписана ключом попытки.</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>Гарнитура</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Высота</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>Подсказка:</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>Подсказки</translation>
    </message>
    <message>
        <source>Hold the document close to the camera, photo side up, no glare.</source>
        <translation>Поднесите документ к камере фотографией вперёд, без бликов.</translation>
    </message>
    <message>
        <source>I &amp;cannot hear the sound</source>
        <translation>Я &amp;не слышу звук</translation>
    </message>
    <message>
        <source>I have read this and &amp;agree.</source>
        <translation>Я прочитал(а) и &amp;согласен(на).</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>ID document photo</source>
        <translation>Фото документа</translation>
    </message>
    <message>
        <source>ID document portrait</source>
        <translation>Фото из документа</translation>
    </message>
    <message>
        <source>ID document portrait first, then the live frames.</source>
        <translation>Сначала фото из документа, затем кадры с камеры.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Личность</translation>
    </message>
    <message>
        <source>Identity (the software only points)</source>
        <translation>Личность (программа лишь указывает)</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Проверка личности</translation>
    </message>
    <message>
        <source>Identity check result.</source>
        <translation>Результат проверки личности.</translation>
    </message>
    <message>
        <source>Identity check try.</source>
        <translation>Попытка проверки личности.</translation>
    </message>
    <message>
        <source>Identity check: {text}</source>
        <translation>Проверка личности: {text}</translation>
    </message>
    <message>
        <source>Identity confirmed automatically.</source>
        <translation>Личность подтверждена автоматически.</translation>
    </message>
    <message>
        <source>Identity confirmed. {reason}</source>
        <translation>Личность подтверждена. {reason}</translation>
    </message>
    <message>
        <source>Identity record</source>
        <translation>Запись проверки личности</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Идёт</translation>
    </message>
    <message>
        <source>Information for graders:</source>
        <translation>Информация для проверяющего:</translation>
    </message>
    <message>
        <source>Institution key (PKCS#8)</source>
        <translation>Ключ учреждения (PKCS#8)</translation>
    </message>
    <message>
        <source>Institution results key</source>
        <translation>Ключ результатов учреждения</translation>
    </message>
    <message>
        <source>Invigilator key</source>
        <translation>Ключ наблюдателя</translation>
    </message>
    <message>
        <source>Invigilator token</source>
        <translation>Токен наблюдателя</translation>
    </message>
    <message>
        <source>LOG TAMPERED / INCOMPLETE</source>
        <translation>ЖУРНАЛ ИЗМЕНЁН / НЕПОЛОН</translation>
    </message>
    <message>
        <source>LOG TAMPERED / INCOMPLETE — do not rely on this session's data without follow-up.</source>
        <translation>ЖУРНАЛ ИЗМЕНЁН / НЕПОЛОН — не полагайтесь на данные этой сессии без дополнительной проверки.</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>С опозданием</translation>
    </message>
    <message>
        <source>Late +{minutes} min</source>
        <translation>Опоздание +{minutes} мин</translation>
    </message>
    <message>
        <source>Late by (s)</source>
        <translation>Опоздание (с)</translation>
    </message>
    <message>
        <source>Leave the exam?</source>
        <translation>Выйти из экзамена?</translation>
    </message>
    <message>
        <source>Level (RMS)</source>
        <translation>Уровень (RMS)</translation>
    </message>
    <message>
        <source>Listen and count…</source>
        <translation>Слушайте и считайте…</translation>
    </message>
    <message>
        <source>Live capture</source>
        <translation>Съёмка с камеры</translation>
    </message>
    <message>
        <source>Live frame {n}</source>
        <translation>Кадр с камеры {n}</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>Живое присутствие</translation>
    </message>
    <message>
        <source>Liveness steps, in the order asked:</source>
        <translation>Шаги проверки живого присутствия в заданном порядке:</translation>
    </message>
    <message>
        <source>Load exam package…</source>
        <translation>Загрузить пакет экзамена…</translation>
    </message>
    <message>
        <source>Load the exam package (and its content key, if encrypted) to see the questions, the answers and the automatic grade.</source>
        <translation>Загрузите пакет экзамена (и ключ содержимого, если он зашифрован), чтобы увидеть вопросы, ответы и автоматическую оценку.</translation>
    </message>
    <message>
        <source>Loading sessions</source>
        <translation>Загрузка сессий</translation>
    </message>
    <message>
        <source>Log summary</source>
        <translation>Сводка журнала</translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation>Смотрите прямо в камеру.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Измерение…</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>Microphone OK: we hear you.</source>
        <translation>Микрофон в порядке: мы вас слышим.</translation>
    </message>
    <message>
        <source>Microphone: say a few words.</source>
        <translation>Микрофон: скажите несколько слов.</translation>
    </message>
    <message>
        <source>More than one face is visible. Make sure you are alone in the picture.</source>
        <translation>Видно больше одного лица. Убедитесь, что в кадре только вы.</translation>
    </message>
    <message>
        <source>More than one face visible.</source>
        <translation>Видно больше одного лица.</translation>
    </message>
    <message>
        <source>More than one face visible: you must be alone.</source>
        <translation>Видно больше одного лица: вы должны быть одни.</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>В&amp;низ</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Вверх</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Нужна дополнительная проверка</translation>
    </message>
    <message>
        <source>No camera picture yet: wait a moment.</source>
        <translation>Изображения с камеры ещё нет: подождите.</translation>
    </message>
    <message>
        <source>No connection to the exam server. Check your internet connection and try again.</source>
        <translation>Нет связи с сервером экзамена. Проверьте подключение к интернету и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>No decision was recorded on your attempt.</source>
        <translation>По вашей попытке решений не записано.</translation>
    </message>
    <message>
        <source>No decisions yet.</source>
        <translation>Решений пока нет.</translation>
    </message>
    <message>
        <source>No face found. Look straight at the camera.</source>
        <translation>Лицо не найдено. Смотрите прямо в камеру.</translation>
    </message>
    <message>
        <source>No face visible in the camera picture.</source>
        <translation>В кадре камеры не видно лица.</translation>
    </message>
    <message>
        <source>No face visible: sit in front of the camera, face uncovered.</source>
        <translation>Лицо не видно: сядьте перед камерой, не закрывайте лицо.</translation>
    </message>
    <message>
        <source>No flagged events.</source>
        <translation>Событий с отметками нет.</translation>
    </message>
    <message>
        <source>No flags were recorded.</source>
        <translation>Отметок не записано.</translation>
    </message>
    <message>
        <source>No identity check was recorded.</source>
        <translation>Проверка личности не записана.</translation>
    </message>
    <message>
        <source>No microphone found: plug in your headset.</source>
        <translation>Микрофон не найден: подключите гарнитуру.</translation>
    </message>
    <message>
        <source>No portrait found on the ID document. Photograph the whole document, flat and sharp.</source>
        <translation>На документе не найдена фотография. Снимите весь документ ровно и чётко.</translation>
    </message>
    <message>
        <source>No session decision yet.</source>
        <translation>Решения по сессии пока нет.</translation>
    </message>
    <message>
        <source>No sound yet: unmute the microphone or pick the headset in your system sound settings.</source>
        <translation>Звука пока нет: включите микрофон или выберите гарнитуру в настройках звука.</translation>
    </message>
    <message>
        <source>No speaker or headphones found.</source>
        <translation>Динамики или наушники не найдены.</translation>
    </message>
    <message>
        <source>No system-check results in the bundle.</source>
        <translation>В пакете нет результатов проверки системы.</translation>
    </message>
    <message>
        <source>No usable camera picture of your face.</source>
        <translation>Нет пригодного снимка вашего лица с камеры.</translation>
    </message>
    <message>
        <source>Not a flag: no decision needed.</source>
        <translation>Это не отметка: решение не требуется.</translation>
    </message>
    <message>
        <source>Not all liveness steps were completed.</source>
        <translation>Не все шаги проверки живого присутствия выполнены.</translation>
    </message>
    <message>
        <source>Not confirmed automatically: a person must compare the faces.</source>
        <translation>Не подтверждено автоматически: лица должен сравнить человек.</translation>
    </message>
    <message>
        <source>Not confirmed: {reason} Tries left: {left}.</source>
        <translation>Не подтверждено: {reason} Осталось попыток: {left}.</translation>
    </message>
    <message>
        <source>Not opened yet: press “Open session” to download, decrypt and verify it.</source>
        <translation>Ещё не открыто: нажмите «Открыть сессию», чтобы скачать, расшифровать и проверить её.</translation>
    </message>
    <message>
        <source>Not quite. Turn the volume up, check that the sound goes to your headset, and play the sound again.</source>
        <translation>Не совсем. Прибавьте громкость, проверьте, что звук идёт в гарнитуру, и повторите.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Не сохранено: {why}</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Вход не выполнен.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Note for the record (what you saw, why)</source>
        <translation>Примечание для записи (что вы увидели, почему)</translation>
    </message>
    <message>
        <source>Noted: you cannot hear the test sound. You may continue; this is recorded for the invigilator. Audio instructions during the exam will not reach you.</source>
        <translation>Отмечено: вы не слышите тестовый звук. Можно продолжить; это записано для наблюдателя. Звуковые указания во время экзамена до вас не дойдут.</translation>
    </message>
    <message>
        <source>Nothing is sanctioned automatically.</source>
        <translation>Никакие санкции не применяются автоматически.</translation>
    </message>
    <message>
        <source>Nothing is sanctioned automatically: you decide.</source>
        <translation>Никакие санкции не применяются автоматически: решаете вы.</translation>
    </message>
    <message>
        <source>Nothing to show: the summary exists only until this program is closed after the hand-in.</source>
        <translation>Показать нечего: сводка существует только до закрытия программы после сдачи.</translation>
    </message>
    <message>
        <source>Now: {text}</source>
        <translation>Сейчас: {text}</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Вовремя</translation>
    </message>
    <message>
        <source>On your answer:</source>
        <translation>О вашем ответе:</translation>
    </message>
    <message>
        <source>Open all</source>
        <translation>Открыть все</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Открыть сессию</translation>
    </message>
    <message>
        <source>Open the session before deciding.</source>
        <translation>Откройте сессию, прежде чем принимать решение.</translation>
    </message>
    <message>
        <source>Open the session to record decisions.</source>
        <translation>Откройте сессию, чтобы записывать решения.</translation>
    </message>
    <message>
        <source>Opened {count} session(s); {bad} with problems.</source>
        <translation>Открыто сессий: {count}; с проблемами: {bad}.</translation>
    </message>
    <message>
        <source>Opened {student}: {verification}.</source>
        <translation>Открыто {student}: {verification}.</translation>
    </message>
    <message>
        <source>Opening {count} session(s)</source>
        <translation>Открытие сессий: {count}</translation>
    </message>
    <message>
        <source>Opening {student}</source>
        <translation>Открытие {student}</translation>
    </message>
    <message>
        <source>Other event: {kind}</source>
        <translation>Другое событие: {kind}</translation>
    </message>
    <message>
        <source>Other programs</source>
        <translation>Другие программы</translation>
    </message>
    <message>
        <source>Overall:</source>
        <translation>В целом:</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Работа</translation>
    </message>
    <message>
        <source>Paper and automatic grade</source>
        <translation>Работа и автоматическая оценка</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Pasting text from outside the exam is not allowed; this is recorded.</source>
        <translation>Вставлять текст извне экзамена нельзя; это записано.</translation>
    </message>
    <message>
        <source>Please close these programs, then press “Check again”: {names}</source>
        <translation>Закройте эти программы и нажмите «Проверить снова»: {names}</translation>
    </message>
    <message>
        <source>Please fill in all four fields.</source>
        <translation>Заполните все четыре поля.</translation>
    </message>
    <message>
        <source>Please fill in:</source>
        <translation>Заполните:</translation>
    </message>
    <message>
        <source>Please read what happens during the exam. Without your consent nothing is recorded, but you cannot take this exam online.</source>
        <translation>Прочитайте, что происходит во время экзамена. Без вашего согласия ничего не записывается, но сдать этот экзамен онлайн нельзя.</translation>
    </message>
    <message>
        <source>Press “Play test sound” first.</source>
        <translation>Сначала нажмите «Воспроизвести тестовый звук».</translation>
    </message>
    <message>
        <source>Press “Start the check” and follow each instruction.</source>
        <translation>Нажмите «Начать проверку» и выполняйте каждую инструкцию.</translation>
    </message>
    <message>
        <source>Question {number}</source>
        <translation>Вопрос {number}</translation>
    </message>
    <message>
        <source>Question {n}</source>
        <translation>Вопрос {n}</translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation>Вопрос {n} из {total}</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>Reasons:</source>
        <translation>Причины:</translation>
    </message>
    <message>
        <source>Receipt hash (SHA-256)</source>
        <translation>Хеш квитанции (SHA-256)</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Номер квитанции</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Recorded at or after the point where the hash chain breaks: this record cannot be trusted.</source>
        <translation>Записано в месте разрыва цепочки хешей или после него: этой записи доверять нельзя.</translation>
    </message>
    <message>
        <source>Recording the decision</source>
        <translation>Запись решения</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Report by</source>
        <translation>Автор отчёта</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>Отчёт записан в {path}.</translation>
    </message>
    <message>
        <source>Reported by the student</source>
        <translation>Сообщил студент</translation>
    </message>
    <message>
        <source>Required (kbit/s)</source>
        <translation>Требуется (кбит/с)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Review band (a person compares)</source>
        <translation>Зона проверки (сравнивает человек)</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Имя проверяющего</translation>
    </message>
    <message>
        <source>Running during the exam: {names}. This is recorded for the invigilator.</source>
        <translation>Запущено во время экзамена: {names}. Это записано для наблюдателя.</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Сохранить квитанцию</translation>
    </message>
    <message>
        <source>Saved on this computer, will upload when you are online. Reason: {why} We retry every 30 seconds; you may keep this window open.</source>
        <translation>Сохранено на этом компьютере, отправится, когда появится сеть. Причина: {why} Повторяем каждые 30 секунд; окно можно оставить открытым.</translation>
    </message>
    <message>
        <source>Saved {pdf} and, beside it, the signed receipt {json}.</source>
        <translation>Сохранено: {pdf} и рядом подписанная квитанция {json}.</translation>
    </message>
    <message>
        <source>Search student, name or attempt</source>
        <translation>Поиск по студенту, имени или попытке</translation>
    </message>
    <message>
        <source>Select a session and open it to review it.</source>
        <translation>Выберите сессию и откройте её для проверки.</translation>
    </message>
    <message>
        <source>Select a session and open it to verify and review it.</source>
        <translation>Выберите сессию и откройте её, чтобы проверить и просмотреть.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Сначала выберите сессию.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Server receipt</source>
        <translation>Квитанция сервера</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Session decision</source>
        <translation>Решение по сессии</translation>
    </message>
    <message>
        <source>Session open</source>
        <translation>Сессия не решена</translation>
    </message>
    <message>
        <source>Session report</source>
        <translation>Отчёт о сессии</translation>
    </message>
    <message>
        <source>Session report {attempt}</source>
        <translation>Отчёт о сессии {attempt}</translation>
    </message>
    <message>
        <source>Session report — {name}</source>
        <translation>Отчёт о сессии — {name}</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Show your student card or ID, then follow the instructions so we can see that you are here in person.</source>
        <translation>Покажите студенческий билет или удостоверение, затем следуйте инструкциям, чтобы мы увидели, что это вы.</translation>
    </message>
    <message>
        <source>Shown from memory only: these files were deleted from this computer after the receipt. Your university keeps your hand-in for {evidence} days after the exam closes, and the decisions and receipt records for {records} days.</source>
        <translation>Показано только из памяти: эти файлы удалены с компьютера после получения квитанции. Университет хранит вашу работу {evidence} дн. после закрытия экзамена, а решения и записи квитанций — {records} дн.</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Sign and submit</source>
        <translation>Подписать и отправить</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Сначала войдите.</translation>
    </message>
    <message>
        <source>Sign in — Emtihan review</source>
        <translation>Вход — проверка Emtihan</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Войти…</translation>
    </message>
    <message>
        <source>Signature NOT verified: this receipt does not carry a valid signature of the exam server. Save it and tell your exam office.</source>
        <translation>Подпись НЕ подтверждена: на этой квитанции нет действительной подписи сервера экзаменов. Сохраните её и сообщите в экзаменационный отдел.</translation>
    </message>
    <message>
        <source>Signature verified: this receipt was signed by the exam server with its key.</source>
        <translation>Подпись подтверждена: эта квитанция подписана сервером экзаменов его ключом.</translation>
    </message>
    <message>
        <source>Signed by the attempt key registered at start.</source>
        <translation>Подписано ключом попытки, зарегистрированным в её начале.</translation>
    </message>
    <message>
        <source>Signing and sending…</source>
        <translation>Подписание и отправка…</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Размер (байт)</translation>
    </message>
    <message>
        <source>Slowly turn your head to the left.</source>
        <translation>Медленно поверните голову влево.</translation>
    </message>
    <message>
        <source>Slowly turn your head to the right.</source>
        <translation>Медленно поверните голову вправо.</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Что-то пошло не так: {detail}</translation>
    </message>
    <message>
        <source>Sound cannot be used: this installation lacks Qt Multimedia (pyside6-addons).</source>
        <translation>Звук недоступен: не установлен Qt Multimedia (pyside6-addons).</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Динамик</translation>
    </message>
    <message>
        <source>Speaker OK.</source>
        <translation>Динамик в порядке.</translation>
    </message>
    <message>
        <source>Speaker: each digit is played as that many beeps. Type the digits you count:</source>
        <translation>Динамик: каждая цифра звучит столькими сигналами. Введите цифры, которые насчитали:</translation>
    </message>
    <message>
        <source>Speech heard</source>
        <translation>Слышна речь</translation>
    </message>
    <message>
        <source>Speech was detected on the microphone.</source>
        <translation>Микрофон уловил речь.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Still to pass: {names}</source>
        <translation>Осталось пройти: {names}</translation>
    </message>
    <message>
        <source>Strong light behind you. Face a window or lamp instead of sitting with your back to it.</source>
        <translation>Сильный свет сзади. Сядьте лицом к окну или лампе, а не спиной.</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Студент</translation>
    </message>
    <message>
        <source>System check</source>
        <translation>Проверка системы</translation>
    </message>
    <message>
        <source>System check: camera.</source>
        <translation>Проверка системы: камера.</translation>
    </message>
    <message>
        <source>System check: connection.</source>
        <translation>Проверка системы: соединение.</translation>
    </message>
    <message>
        <source>System check: microphone and sound.</source>
        <translation>Проверка системы: микрофон и звук.</translation>
    </message>
    <message>
        <source>System check: other programs.</source>
        <translation>Проверка системы: другие программы.</translation>
    </message>
    <message>
        <source>System checks before the exam</source>
        <translation>Проверки системы перед экзаменом</translation>
    </message>
    <message>
        <source>TAMPERED</source>
        <translation>ИЗМЕНЕНО</translation>
    </message>
    <message>
        <source>TAMPERED / INCOMPLETE</source>
        <translation>ИЗМЕНЕНО / НЕПОЛНОЕ</translation>
    </message>
    <message>
        <source>Text from outside the exam was pasted and refused.</source>
        <translation>Была попытка вставить текст извне экзамена; вставка отклонена.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Спасибо</translation>
    </message>
    <message>
        <source>That folder does not exist. Choose another folder.</source>
        <translation>Такой папки нет. Выберите другую папку.</translation>
    </message>
    <message>
        <source>The attempt key was lost and replaced after a restart.</source>
        <translation>Ключ попытки был потерян и заменён после перезапуска.</translation>
    </message>
    <message>
        <source>The bundle opened with the institution key.</source>
        <translation>Пакет открыт ключом учреждения.</translation>
    </message>
    <message>
        <source>The bundle was not opened: nothing verified.</source>
        <translation>Пакет не открыт: ничего не проверено.</translation>
    </message>
    <message>
        <source>The camera could not be started: {detail}</source>
        <translation>Не удалось запустить камеру: {detail}</translation>
    </message>
    <message>
        <source>The camera is too slow: close other programs that use it.</source>
        <translation>Камера слишком медленная: закройте другие программы, которые её используют.</translation>
    </message>
    <message>
        <source>The camera picture changed abruptly. Keep the camera still and try again.</source>
        <translation>Изображение с камеры резко изменилось. Не двигайте камеру и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The camera picture does not change. Use a live camera, not a photo or video.</source>
        <translation>Изображение с камеры не меняется. Используйте живую камеру, а не фото или видео.</translation>
    </message>
    <message>
        <source>The camera pictures carry no capture time, so the check cannot be timed. Please try again.</source>
        <translation>У снимков камеры нет времени съёмки, поэтому проверку нельзя засечь по времени. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The camera seems covered or the picture is dark.</source>
        <translation>Камера, похоже, закрыта или изображение тёмное.</translation>
    </message>
    <message>
        <source>The camera sends no picture.</source>
        <translation>Камера не передаёт изображение.</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures during the check. Please try again.</source>
        <translation>Во время проверки камера перестала передавать изображение. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The camera stopped: {detail}</source>
        <translation>Камера остановилась: {detail}</translation>
    </message>
    <message>
        <source>The check could not be finished.</source>
        <translation>Проверку не удалось завершить.</translation>
    </message>
    <message>
        <source>The copy of this exam saved on this computer could not be read.</source>
        <translation>Не удалось прочитать копию экзамена, сохранённую на этом компьютере.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space or choose another drive.</source>
        <translation>Диск заполнен. Освободите место или выберите другой диск.</translation>
    </message>
    <message>
        <source>The event log differs from the one the hand-in document names.</source>
        <translation>Журнал событий отличается от указанного в документе сдачи.</translation>
    </message>
    <message>
        <source>The event log was sealed.</source>
        <translation>Журнал событий запечатан.</translation>
    </message>
    <message>
        <source>The exam could not be unlocked. Try again when the exam starts.</source>
        <translation>Не удалось открыть экзамен. Попробуйте снова, когда экзамен начнётся.</translation>
    </message>
    <message>
        <source>The exam file failed its security check and was not used. Download it again; if this repeats, contact your exam office.</source>
        <translation>Файл экзамена не прошёл проверку безопасности и не был использован. Скачайте его снова; если это повторится, обратитесь в экзаменационный отдел.</translation>
    </message>
    <message>
        <source>The exam is not open at this time.</source>
        <translation>Экзамен сейчас не открыт.</translation>
    </message>
    <message>
        <source>The exam is still running and its time keeps running. Your answers are saved on this computer: open Emtihan again and sign in to continue where you left off.</source>
        <translation>Экзамен ещё идёт, и время не останавливается. Ваши ответы сохранены на этом компьютере: откройте Emtihan снова и войдите, чтобы продолжить с того же места.</translation>
    </message>
    <message>
        <source>The exam office has not released the decisions yet.</source>
        <translation>Экзаменационный отдел ещё не опубликовал решения.</translation>
    </message>
    <message>
        <source>The exam package was not loaded.</source>
        <translation>Пакет экзамена не загружен.</translation>
    </message>
    <message>
        <source>The exam package was verified.</source>
        <translation>Пакет экзамена проверен.</translation>
    </message>
    <message>
        <source>The exam started.</source>
        <translation>Экзамен начался.</translation>
    </message>
    <message>
        <source>The exam was handed in.</source>
        <translation>Экзамен сдан.</translation>
    </message>
    <message>
        <source>The exam was resumed after an interruption.</source>
        <translation>Экзамен продолжен после прерывания.</translation>
    </message>
    <message>
        <source>The exam window has focus again.</source>
        <translation>Окно экзамена снова активно.</translation>
    </message>
    <message>
        <source>The exam window lost focus.</source>
        <translation>Окно экзамена потеряло фокус.</translation>
    </message>
    <message>
        <source>The exam window was hidden.</source>
        <translation>Окно экзамена было скрыто.</translation>
    </message>
    <message>
        <source>The face changed during the check. The same person must do the whole check.</source>
        <translation>Во время проверки лицо сменилось. Всю проверку должен пройти один и тот же человек.</translation>
    </message>
    <message>
        <source>The face does not match the ID document.</source>
        <translation>Лицо не совпадает с документом.</translation>
    </message>
    <message>
        <source>The face moved like a flat picture, not like a head. Use a live camera, not a photo or a screen.</source>
        <translation>Лицо двигалось как плоское изображение, а не как голова. Используйте живую камеру, а не фото или экран.</translation>
    </message>
    <message>
        <source>The file {json} saved beside this PDF is the receipt as the exam server signed it; with the server's key anyone can check it has not been changed.</source>
        <translation>Файл {json}, сохранённый рядом с этим PDF, — это квитанция в том виде, в каком её подписал сервер экзаменов; с ключом сервера любой может проверить, что она не изменена.</translation>
    </message>
    <message>
        <source>The hand-in document names the log it was sealed with.</source>
        <translation>В документе сдачи указан журнал, с которым она запечатана.</translation>
    </message>
    <message>
        <source>The identity outcome in the hand-in differs from the one in the signed event log.</source>
        <translation>Результат проверки личности в сдаче отличается от записанного в подписанном журнале событий.</translation>
    </message>
    <message>
        <source>The identity outcome in the hand-in is the one signed into the event log (what the student was told).</source>
        <translation>Результат проверки личности в сдаче совпадает с подписанным в журнале событий (то, что сказали студенту).</translation>
    </message>
    <message>
        <source>The liveness check was not run.</source>
        <translation>Проверка живого присутствия не проводилась.</translation>
    </message>
    <message>
        <source>The microphone could not be opened.</source>
        <translation>Не удалось открыть микрофон.</translation>
    </message>
    <message>
        <source>The note is longer than {n} characters.</source>
        <translation>Примечание длиннее {n} символов.</translation>
    </message>
    <message>
        <source>The paper recorded in the bundle differs from the one its seed gives (seed_mismatch); the seed's paper is shown.</source>
        <translation>Работа, записанная в пакете, отличается от той, что даёт её seed (seed_mismatch); показана работа по seed.</translation>
    </message>
    <message>
        <source>The person in front of the camera may not be the student.</source>
        <translation>Человек перед камерой, возможно, не студент.</translation>
    </message>
    <message>
        <source>The picture is blurred. Hold still and clean the camera lens.</source>
        <translation>Изображение размыто. Не двигайтесь и протрите объектив камеры.</translation>
    </message>
    <message>
        <source>The picture is too bright. Avoid direct light on the camera.</source>
        <translation>Изображение слишком яркое. Не направляйте свет прямо в камеру.</translation>
    </message>
    <message>
        <source>The picture is too dark. Turn on a light in front of you.</source>
        <translation>Изображение слишком тёмное. Включите свет перед собой.</translation>
    </message>
    <message>
        <source>The picture is too small: choose a camera with at least 640×360.</source>
        <translation>Слишком маленькое изображение: выберите камеру не ниже 640×360.</translation>
    </message>
    <message>
        <source>The portrait on the ID document is not usable. Take a sharper, evenly lit photo.</source>
        <translation>Фотографию в документе нельзя использовать. Сделайте более чёткий снимок при ровном освещении.</translation>
    </message>
    <message>
        <source>The receipt could not be saved there. Choose another folder.</source>
        <translation>Не удалось сохранить квитанцию туда. Выберите другую папку.</translation>
    </message>
    <message>
        <source>The receipt hash was copied.</source>
        <translation>Хеш квитанции скопирован.</translation>
    </message>
    <message>
        <source>The receipt is for another attempt.</source>
        <translation>Квитанция выдана на другую попытку.</translation>
    </message>
    <message>
        <source>The receipt was issued for different bytes than the bundle downloaded.</source>
        <translation>Квитанция выдана на другие байты, чем у скачанного пакета.</translation>
    </message>
    <message>
        <source>The result is signed by a key that was never registered for this attempt.</source>
        <translation>Результат подписан ключом, который никогда не регистрировался для этой попытки.</translation>
    </message>
    <message>
        <source>The result is signed by an earlier attempt key, not the current one (the key changed {n} time(s)); ask the server operator for the key history.</source>
        <translation>Результат подписан прежним ключом попытки, а не текущим (ключ менялся {n} раз); запросите историю ключей у оператора сервера.</translation>
    </message>
    <message>
        <source>The result names another attempt.</source>
        <translation>В результате указана другая попытка.</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://.</source>
        <translation>Адрес сервера должен начинаться с http:// или https://.</translation>
    </message>
    <message>
        <source>The server answered {status} to {method} {path}.</source>
        <translation>Сервер ответил {status} на {method} {path}.</translation>
    </message>
    <message>
        <source>The server answered {status} to {method} {path}: {message}</source>
        <translation>Сервер ответил {status} на {method} {path}: {message}</translation>
    </message>
    <message>
        <source>The server has no attempt key on record to check the signature.</source>
        <translation>На сервере нет ключа попытки, чтобы проверить подпись.</translation>
    </message>
    <message>
        <source>The server has no receipt for this hand-in.</source>
        <translation>У сервера нет квитанции об этой сдаче.</translation>
    </message>
    <message>
        <source>The server key answer cannot be read.</source>
        <translation>Ответ сервера с его ключом нельзя прочитать.</translation>
    </message>
    <message>
        <source>The server receipt's signature does not verify.</source>
        <translation>Подпись квитанции сервера не сходится.</translation>
    </message>
    <message>
        <source>The server refused the invigilator token (unknown or expired).</source>
        <translation>Сервер отклонил токен наблюдателя (неизвестен или истёк).</translation>
    </message>
    <message>
        <source>The server sent a receipt that is not an object.</source>
        <translation>Сервер прислал квитанцию, которая не является объектом.</translation>
    </message>
    <message>
        <source>The server sent a session entry that cannot be read.</source>
        <translation>Сервер прислал запись сессии, которую нельзя прочитать.</translation>
    </message>
    <message>
        <source>The server sent an unreadable answer to {path}.</source>
        <translation>Сервер прислал нечитаемый ответ на {path}.</translation>
    </message>
    <message>
        <source>The server's signed receipt covers exactly these bytes.</source>
        <translation>Подписанная квитанция сервера выдана именно на эти байты.</translation>
    </message>
    <message>
        <source>The similarity is close to the threshold; an invigilator will review it.</source>
        <translation>Сходство близко к порогу; его проверит наблюдатель.</translation>
    </message>
    <message>
        <source>The software only points: compare the faces yourself before deciding.</source>
        <translation>Программа лишь указывает: прежде чем решать, сравните лица сами.</translation>
    </message>
    <message>
        <source>The speaker could not be opened.</source>
        <translation>Не удалось открыть динамик.</translation>
    </message>
    <message>
        <source>The student ID or access code is not right. Check your exam invitation and try again.</source>
        <translation>Неверный ID студента или код доступа. Проверьте приглашение на экзамен и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The student declined consent.</source>
        <translation>Студент отказался дать согласие.</translation>
    </message>
    <message>
        <source>The student gave consent.</source>
        <translation>Студент дал согласие.</translation>
    </message>
    <message>
        <source>The student looked away from the screen for a while.</source>
        <translation>Студент некоторое время смотрел в сторону от экрана.</translation>
    </message>
    <message>
        <source>The student signed in.</source>
        <translation>Студент вошёл.</translation>
    </message>
    <message>
        <source>There is no flag #{seq} in this session.</source>
        <translation>В этой сессии нет отметки №{seq}.</translation>
    </message>
    <message>
        <source>This answer could not be saved: it does not fit the question.</source>
        <translation>Этот ответ не удалось сохранить: он не подходит к вопросу.</translation>
    </message>
    <message>
        <source>This exam file is not signed by a trusted exam author. It was not used; contact your exam office.</source>
        <translation>Этот файл экзамена не подписан доверенным автором. Он не использован; обратитесь в экзаменационный отдел.</translation>
    </message>
    <message>
        <source>This exam has not opened yet. Check the start time in your invitation.</source>
        <translation>Этот экзамен ещё не открыт. Проверьте время начала в приглашении.</translation>
    </message>
    <message>
        <source>This exam is closed.</source>
        <translation>Этот экзамен закрыт.</translation>
    </message>
    <message>
        <source>This file is not a readable picture.</source>
        <translation>Этот файл не является читаемым изображением.</translation>
    </message>
    <message>
        <source>This file is not an institution results key (X25519).</source>
        <translation>Этот файл — не ключ результатов учреждения (X25519).</translation>
    </message>
    <message>
        <source>This file is not an invigilator signing key (Ed25519).</source>
        <translation>Этот файл — не ключ подписи наблюдателя (Ed25519).</translation>
    </message>
    <message>
        <source>This hand-in is for exam {exam}, but the loaded package is {package}.</source>
        <translation>Эта сдача относится к экзамену {exam}, а загружен пакет {package}.</translation>
    </message>
    <message>
        <source>This hand-in was written on version {version} of the exam; the loaded package is version {package}.</source>
        <translation>Эта работа написана по версии {version} экзамена; загружен пакет версии {package}.</translation>
    </message>
    <message>
        <source>This is an older version of the exam than one already used on this computer. Download the current version.</source>
        <translation>Это более старая версия экзамена, чем уже использованная на этом компьютере. Скачайте текущую версию.</translation>
    </message>
    <message>
        <source>This session has not been handed in yet.</source>
        <translation>Эта сессия ещё не сдана.</translation>
    </message>
    <message>
        <source>This token is not allowed to review sessions.</source>
        <translation>Этому токену не разрешено проверять сессии.</translation>
    </message>
    <message>
        <source>This version of the student client is too old for this exam server. Download and install the current version from your university's exam page, then sign in again.</source>
        <translation>Эта версия клиента студента слишком старая для этого сервера экзаменов. Скачайте и установите текущую версию со страницы экзаменов вашего университета, затем войдите снова.</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Порог</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <source>Time is up: your answers are being handed in automatically.</source>
        <translation>Время вышло: ваши ответы сдаются автоматически.</translation>
    </message>
    <message>
        <source>Time was up: handed in automatically.</source>
        <translation>Время вышло: сдано автоматически.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Too bright: move away from the window or lamp behind the camera.</source>
        <translation>Слишком светло: отойдите от окна или лампы за камерой.</translation>
    </message>
    <message>
        <source>Too dark: turn on a light in front of you.</source>
        <translation>Слишком темно: включите свет перед собой.</translation>
    </message>
    <message>
        <source>Too many tries. Wait a few minutes, then try again.</source>
        <translation>Слишком много попыток. Подождите несколько минут и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Верно</translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation>&amp;Ещё раз</translation>
    </message>
    <message>
        <source>Try again with another document photo (tries left: {left})</source>
        <translation>Повторить с другим фото документа (осталось попыток: {left})</translation>
    </message>
    <message>
        <source>Trying to upload again…</source>
        <translation>Повторная попытка отправки…</translation>
    </message>
    <message>
        <source>UNREADABLE</source>
        <translation>НЕЧИТАЕМО</translation>
    </message>
    <message>
        <source>UNREADABLE — {why}</source>
        <translation>НЕЧИТАЕМО — {why}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}): {detail}</source>
        <translation>Непредвиденная ошибка ({kind}): {detail}</translation>
    </message>
    <message>
        <source>Upload (kbit/s)</source>
        <translation>Отправка (кбит/с)</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка подлинности</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Verified: decrypted locally, attempt signature, server receipt and event-log hash chain all check out.</source>
        <translation>Проверено: расшифровано на этом компьютере; подпись попытки, квитанция сервера и цепочка хешей журнала событий — всё в порядке.</translation>
    </message>
    <message>
        <source>Verified: “{title}”, version {version}, signed by author key {signer}. Checked: {checks}.</source>
        <translation>Проверено: «{title}», версия {version}, подписано ключом автора {signer}. Проверены: {checks}.</translation>
    </message>
    <message>
        <source>Verified: “{title}”, version {version}, signed by {signer}. Checked: {checks}.</source>
        <translation>Проверено: «{title}», версия {version}, подпись: {signer}. Проверено: {checks}.</translation>
    </message>
    <message>
        <source>Verifying the exam package</source>
        <translation>Проверка пакета экзамена</translation>
    </message>
    <message>
        <source>Violation confirmed</source>
        <translation>Нарушение подтверждено</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Ожидание камеры…</translation>
    </message>
    <message>
        <source>We check your camera, headset and connection before the exam.</source>
        <translation>Перед экзаменом мы проверим камеру, гарнитуру и соединение.</translation>
    </message>
    <message>
        <source>We could not confirm it automatically: {reason} You may continue; a person will review your identity after the exam.</source>
        <translation>Не удалось подтвердить автоматически: {reason} Можно продолжить; после экзамена вашу личность проверит человек.</translation>
    </message>
    <message>
        <source>What the student was told</source>
        <translation>Что сообщили студенту</translation>
    </message>
    <message>
        <source>What was &amp;recorded about me</source>
        <translation>Что обо мне &amp;записано</translation>
    </message>
    <message>
        <source>What was recorded about you</source>
        <translation>Что о вас записано</translation>
    </message>
    <message>
        <source>Whole exam</source>
        <translation>Весь экзамен</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <source>You answered {done} of {total} questions ({flagged} flagged). After handing in you cannot change your answers.</source>
        <translation>Вы ответили на {done} из {total} вопросов (отмечено: {flagged}). После сдачи ответы изменить нельзя.</translation>
    </message>
    <message>
        <source>You answered {done} of {total} questions. Unanswered: {unanswered}. Flagged for review: {flagged}. After handing in you cannot change your answers.</source>
        <translation>Вы ответили на {done} из {total} вопросов. Без ответа: {unanswered}. Отмечены для проверки: {flagged}. После сдачи изменить ответы нельзя.</translation>
    </message>
    <message>
        <source>You declined proctoring, so this exam cannot start online. Nothing was recorded. Please contact your exam office to arrange another way to take it. You can close this window.</source>
        <translation>Вы отказались от прокторинга, поэтому экзамен не может начаться онлайн. Ничего не записано. Обратитесь в экзаменационный отдел, чтобы договориться о другом способе сдачи. Это окно можно закрыть.</translation>
    </message>
    <message>
        <source>You left the exam window for {seconds} s; this is recorded.</source>
        <translation>Вы покидали окно экзамена на {seconds} с; это записано.</translation>
    </message>
    <message>
        <source>You may not write in that folder. Choose another folder, e.g. Documents.</source>
        <translation>У вас нет права записи в эту папку. Выберите другую, например «Документы».</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Вашей учётной записи это не разрешено.</translation>
    </message>
    <message>
        <source>Your answers are encrypted for your university and uploaded.</source>
        <translation>Ваши ответы шифруются для вашего университета и отправляются.</translation>
    </message>
    <message>
        <source>Your eyes seem closed. Keep your eyes open and look at the camera.</source>
        <translation>Кажется, глаза закрыты. Откройте глаза и смотрите в камеру.</translation>
    </message>
    <message>
        <source>Your face did not match the photo on your document; an invigilator will decide.</source>
        <translation>Ваше лицо не совпало с фото в документе; решение примет наблюдатель.</translation>
    </message>
    <message>
        <source>Your face is cut off. Move to the centre of the picture.</source>
        <translation>Лицо обрезано. Переместитесь в центр кадра.</translation>
    </message>
    <message>
        <source>Your face is too dark to compare: turn on a light in front of you.</source>
        <translation>Лицо слишком тёмное для сравнения: включите свет перед собой.</translation>
    </message>
    <message>
        <source>Your face is too small. Move closer to the camera.</source>
        <translation>Лицо слишком маленькое. Сядьте ближе к камере.</translation>
    </message>
    <message>
        <source>Your face jumped to another place in the picture. Keep the camera still and try again.</source>
        <translation>Лицо скачком переместилось в другое место кадра. Не двигайте камеру и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Your face matched the photo on your document.</source>
        <translation>Ваше лицо совпало с фото в документе.</translation>
    </message>
    <message>
        <source>Your face matches the photo on your document.</source>
        <translation>Ваше лицо совпадает с фото в документе.</translation>
    </message>
    <message>
        <source>Your face was not visible during the whole check. Stay in front of the camera.</source>
        <translation>Ваше лицо было видно не всё время проверки. Оставайтесь перед камерой.</translation>
    </message>
    <message>
        <source>Your name as it appears on decisions</source>
        <translation>Ваше имя, как оно будет указано в решениях</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>Срок входа истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>Your signing key</source>
        <translation>Ваш ключ подписи</translation>
    </message>
    <message>
        <source>a small picture of your screen when you leave the exam window, connect a second screen or such a program runs</source>
        <translation>небольшой снимок вашего экрана, когда вы покидаете окно экзамена, подключаете второй экран или работает такая программа</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>тревога</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>и ещё {count}</translation>
    </message>
    <message>
        <source>at upload: {announced}; in the decrypted log: {found}</source>
        <translation>при загрузке: {announced}; в расшифрованном журнале: {found}</translation>
    </message>
    <message>
        <source>cannot read private key file {path}: {detail}</source>
        <translation>не удаётся прочитать файл закрытого ключа {path}: {detail}</translation>
    </message>
    <message>
        <source>chain broken</source>
        <translation>цепочка нарушена</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>правильно</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>расходится</translation>
    </message>
    <message>
        <source>e.g. phys-101-final</source>
        <translation>например, phys-101-final</translation>
    </message>
    <message>
        <source>exam id</source>
        <translation>ID экзамена</translation>
    </message>
    <message>
        <source>false</source>
        <translation>неверно</translation>
    </message>
    <message>
        <source>file hashes</source>
        <translation>хэши файлов</translation>
    </message>
    <message>
        <source>found: {names}</source>
        <translation>найдено: {names}</translation>
    </message>
    <message>
        <source>handed in {when}</source>
        <translation>сдано: {when}</translation>
    </message>
    <message>
        <source>info</source>
        <translation>информация</translation>
    </message>
    <message>
        <source>information (not graded)</source>
        <translation>информация (не оценивается)</translation>
    </message>
    <message>
        <source>institution key</source>
        <translation>ключ учреждения</translation>
    </message>
    <message>
        <source>invalid answer: {why}</source>
        <translation>недопустимый ответ: {why}</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>кбит/с</translation>
    </message>
    <message>
        <source>late by {seconds} s</source>
        <translation>опоздание {seconds} с</translation>
    </message>
    <message>
        <source>match</source>
        <translation>совпадение</translation>
    </message>
    <message>
        <source>needs a human grader</source>
        <translation>нужна оценка человеком</translation>
    </message>
    <message>
        <source>never moved: graded in the order shown, as Moodle does</source>
        <translation>не перемещались: оценено в показанном порядке, как в Moodle</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>no frame</source>
        <translation>нет кадра</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>нет изображения</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>не совпадает</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>без примечания</translation>
    </message>
    <message>
        <source>no portrait in the bundle</source>
        <translation>в пакете нет фото</translation>
    </message>
    <message>
        <source>no thumbnail</source>
        <translation>снимка нет</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>нет ответа</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>не оценивается</translation>
    </message>
    <message>
        <source>not opened</source>
        <translation>не открыто</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>не пройден</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>уведомление</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>вовремя</translation>
    </message>
    <message>
        <source>paper maximum {max}.</source>
        <translation>максимум за работу {max}.</translation>
    </message>
    <message>
        <source>partly correct</source>
        <translation>частично правильно</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>пройден</translation>
    </message>
    <message>
        <source>private key file {path} is protected by a passphrase; none was given</source>
        <translation>файл закрытого ключа {path} защищён парольной фразой, а она не введена</translation>
    </message>
    <message>
        <source>remote control</source>
        <translation>удалённое управление</translation>
    </message>
    <message>
        <source>remote-control, screen-sharing and recording programs that are running</source>
        <translation>запущенные программы удалённого управления, демонстрации и записи экрана</translation>
    </message>
    <message>
        <source>reviewer name</source>
        <translation>имя проверяющего</translation>
    </message>
    <message>
        <source>screen recording</source>
        <translation>запись экрана</translation>
    </message>
    <message>
        <source>screen sharing</source>
        <translation>демонстрация экрана</translation>
    </message>
    <message>
        <source>select an event</source>
        <translation>выберите событие</translation>
    </message>
    <message>
        <source>server</source>
        <translation>сервер</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>подпись</translation>
    </message>
    <message>
        <source>signing key</source>
        <translation>ключ подписи</translation>
    </message>
    <message>
        <source>the result envelope has an invalid ephemeral key</source>
        <translation>у конверта результата недопустимый одноразовый ключ</translation>
    </message>
    <message>
        <source>this result is sealed to a different institution key</source>
        <translation>этот результат зашифрован для ключа другого учреждения</translation>
    </message>
    <message>
        <source>thumbnail dropped (evidence budget)</source>
        <translation>снимок отброшен (лимит доказательств)</translation>
    </message>
    <message>
        <source>to compare</source>
        <translation>нужно сравнить</translation>
    </message>
    <message>
        <source>to grade by hand</source>
        <translation>оценить вручную</translation>
    </message>
    <message>
        <source>token</source>
        <translation>токен</translation>
    </message>
    <message>
        <source>true</source>
        <translation>верно</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>не решено</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>version</source>
        <translation>версия</translation>
    </message>
    <message>
        <source>virtual machine</source>
        <translation>виртуальная машина</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <source>webcam pictures when something unusual happens</source>
        <translation>снимки веб-камеры, когда происходит что-то необычное</translation>
    </message>
    <message>
        <source>when the exam window loses focus</source>
        <translation>когда окно экзамена теряет фокус</translation>
    </message>
    <message>
        <source>whether someone speaks near the microphone (nothing is recorded)</source>
        <translation>говорит ли кто-то рядом с микрофоном (ничего не записывается)</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>неправильно</translation>
    </message>
    <message>
        <source>wrong passphrase for private key file {path}</source>
        <translation>неверная парольная фраза для файла закрытого ключа {path}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>your ID document's photo and a picture of your face from the identity check</source>
        <translation>фото из вашего удостоверения личности и снимок вашего лица при проверке личности</translation>
    </message>
    <message>
        <source>your answers and their times</source>
        <translation>ваши ответы и время их ввода</translation>
    </message>
    <message>
        <source>your exam office</source>
        <translation>ваш экзаменационный отдел</translation>
    </message>
    <message>
        <source>your university's exam office (encrypted to its key)</source>
        <translation>экзаменационный отдел вашего университета (зашифровано его ключом)</translation>
    </message>
    <message>
        <source>{count} alert</source>
        <translation>тревог: {count}</translation>
    </message>
    <message>
        <source>{count} evidence pictures were dropped to keep the hand-in small; the log says which.</source>
        <translation>{count} снимков-доказательств удалено, чтобы сдача была небольшой; журнал говорит, каких.</translation>
    </message>
    <message>
        <source>{count} flag(s) open</source>
        <translation>Нерешённых отметок: {count}</translation>
    </message>
    <message>
        <source>{count} question(s) to grade by hand (up to {points} points)</source>
        <translation>вопросов для ручной оценки: {count} (до {points} балл.)</translation>
    </message>
    <message>
        <source>{count} screens are connected during the exam; this is recorded for the invigilator.</source>
        <translation>Во время экзамена подключено экранов: {count}; это записано для наблюдателя.</translation>
    </message>
    <message>
        <source>{count} session(s) exported to {path}.</source>
        <translation>Экспортировано сессий: {count} в {path}.</translation>
    </message>
    <message>
        <source>{count} session(s) of {exam}.</source>
        <translation>Сессий экзамена {exam}: {count}.</translation>
    </message>
    <message>
        <source>{count} warn</source>
        <translation>предупр.: {count}</translation>
    </message>
    <message>
        <source>{kbps} kbit/s — enough (needed: {need}).</source>
        <translation>{kbps} кбит/с — достаточно (нужно: {need}).</translation>
    </message>
    <message>
        <source>{kbps} kbit/s — too slow (needed: {need}). Move closer to the Wi-Fi router or use a cable, and stop other downloads.</source>
        <translation>{kbps} кбит/с — слишком медленно (нужно: {need}). Подойдите ближе к Wi-Fi роутеру или используйте кабель, остановите другие загрузки.</translation>
    </message>
    <message>
        <source>{missing} of {total} flag(s) still need your decision</source>
        <translation>Отметок, ещё ждущих вашего решения: {missing} из {total}</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>{n} more live frame(s) in the bundle.</source>
        <translation>В пакете ещё {n} кадр(ов) с камеры.</translation>
    </message>
    <message>
        <source>{n} thumbnail(s) intact.</source>
        <translation>Снимков без повреждений: {n}.</translation>
    </message>
    <message>
        <source>{outcome} (open)</source>
        <translation>{outcome} (не окончательно)</translation>
    </message>
    <message>
        <source>{path} is not a PEM private key</source>
        <translation>{path} — не закрытый ключ PEM</translation>
    </message>
    <message>
        <source>{path}: decryption failed at chunk {index} (wrong content key, or the file was altered or truncated)</source>
        <translation>{path}: не удалось расшифровать часть {index} (неверный ключ содержимого, либо файл изменён или обрезан)</translation>
    </message>
    <message>
        <source>{path}: not an encrypted Emtihan file (bad header)</source>
        <translation>{path}: это не зашифрованный файл Emtihan (неверный заголовок)</translation>
    </message>
    <message>
        <source>{path}: only Ed25519 and X25519 keys are supported</source>
        <translation>{path}: поддерживаются только ключи Ed25519 и X25519</translation>
    </message>
    <message>
        <source>{points}/{max} points</source>
        <translation>{points}/{max} балл.</translation>
    </message>
    <message>
        <source>{title}
{opens} → {closes}, {duration}</source>
        <translation>{title}
{opens} → {closes}, {duration}</translation>
    </message>
    <message>
        <source>{what} failed: {message}</source>
        <translation>{what}: не удалось — {message}</translation>
    </message>
    <message>
        <source>{what}: {outcome} — signed and recorded.</source>
        <translation>{what}: {outcome} — подписано и записано.</translation>
    </message>
    <message>
        <source>{why} You can take another photo.</source>
        <translation>{why} Можно сделать другое фото.</translation>
    </message>
    <message>
        <source>{w}×{h}, {fps} frames/s, brightness {b}/255, faces: {faces}</source>
        <translation>{w}×{h}, {fps} кадр/с, яркость {b}/255, лиц: {faces}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <source>← &amp;Previous</source>
        <translation>← &amp;Назад</translation>
    </message>
    <message>
        <source>⚑ Flag for review</source>
        <translation>⚑ Отметить для проверки</translation>
    </message>
    <message>
        <source>✓ answered   ⚑ flagged for review</source>
        <translation>✓ отвечено   ⚑ отмечено для проверки</translation>
    </message>
</context>
</TS>
