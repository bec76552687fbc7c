"""Translations added with the real student path (issue 9): English -> (Kazakh, Russian).

Merged into :data:`client.i18n.catalogue.CATALOGUE`; kept apart so that work on other
parts of the client adds its strings without touching the same lines.
"""

from __future__ import annotations

STUDENT_PATH: dict[str, tuple[str, str]] = {
    "Add the photo of your ID document again: take a clearer one, or use another document.": (
        "Жеке куәлігіңіздің суретін қайта қосыңыз: анығырақ суретке түсіріңіз немесе басқа "
        "құжатты пайдаланыңыз.",
        "Добавьте фото документа ещё раз: сделайте более чёткий снимок или используйте "
        "другой документ."),
    "The check could not be finished.": (
        "Тексеруді аяқтау мүмкін болмады.",
        "Проверку не удалось завершить."),
    "Try again with another document photo (tries left: {left})": (
        "Құжаттың басқа суретімен қайталау (қалған әрекет: {left})",
        "Повторить с другим фото документа (осталось попыток: {left})"),
    "<b>No identity evidence in this bundle.</b> The check may have been skipped.": (
        "<b>Бұл жиынтықта сәйкестендіру дәлелі жоқ.</b> Тексеру өткізілмеген болуы мүмкін.",
        "<b>В этом пакете нет данных проверки личности.</b> Возможно, проверка была "
        "пропущена."),
    "Earlier tries:": ("Алдыңғы әрекеттер:", "Предыдущие попытки:"),
    "Face distance": ("Бет арақашықтығы", "Расстояние между лицами"),
    "Identity confirmed automatically.": (
        "Тұлға автоматты түрде расталды.", "Личность подтверждена автоматически."),
    "Liveness": ("Тірі қатысу", "Живое присутствие"),
    "Liveness steps, in the order asked:": (
        "Тірі қатысуды тексеру қадамдары, сұралған ретпен:",
        "Шаги проверки живого присутствия в заданном порядке:"),
    "Not confirmed automatically: a person must compare the faces.": (
        "Автоматты түрде расталмады: беттерді адам салыстыруы керек.",
        "Не подтверждено автоматически: лица должен сравнить человек."),
    "The face does not match the ID document.": (
        "Бет құжатқа сәйкес келмейді.", "Лицо не совпадает с документом."),
    "Reasons:": ("Себептері:", "Причины:"),
    "Review band (a person compares)": (
        "Тексеру аралығы (адам салыстырады)", "Зона проверки (сравнивает человек)"),
    "Threshold": ("Шек", "Порог"),
    "Tries": ("Әрекеттер", "Попытки"),
    "What the student was told": ("Студентке не айтылды", "Что сообщили студенту"),
    "{n} more live frame(s) in the bundle.": (
        "Жиынтықта тағы {n} тірі кадр бар.", "В пакете ещё {n} кадр(ов) с камеры."),
    "&Close anyway": ("&Бәрібір жабу", "&Всё равно закрыть"),
    "&Go back to the exam": ("&Емтиханға оралу", "&Вернуться к экзамену"),
    "Leave the exam?": ("Емтиханнан шығасыз ба?", "Выйти из экзамена?"),
    "The exam is still running and its time keeps running. Your answers are saved on this "
    "computer: open Emtihan again and sign in to continue where you left off.": (
        "Емтихан әлі жүріп жатыр және уақыты тоқтамайды. Жауаптарыңыз осы компьютерде "
        "сақталған: Emtihan-ды қайта ашып, кіріңіз де, тоқтаған жерден жалғастырыңыз.",
        "Экзамен ещё идёт, и время не останавливается. Ваши ответы сохранены на этом "
        "компьютере: откройте Emtihan снова и войдите, чтобы продолжить с того же места."),
    "You answered {done} of {total} questions. Unanswered: {unanswered}. Flagged for review: "
    "{flagged}. After handing in you cannot change your answers.": (
        "Сіз {total} сұрақтың {done} сұрағына жауап бердіңіз. Жауапсыз: {unanswered}. "
        "Қайта қарауға белгіленген: {flagged}. Тапсырғаннан кейін жауаптарды өзгерту мүмкін "
        "емес.",
        "Вы ответили на {done} из {total} вопросов. Без ответа: {unanswered}. Отмечены для "
        "проверки: {flagged}. После сдачи изменить ответы нельзя."),
    "none": ("жоқ", "нет"),
    "I &cannot hear the sound": ("Дыбысты &естімеймін", "Я &не слышу звук"),
    "Noted: you cannot hear the test sound. You may continue; this is recorded for the "
    "invigilator. Audio instructions during the exam will not reach you.": (
        "Белгіленді: сынақ дыбысын естімейсіз. Жалғастыра аласыз; бұл бақылаушы үшін "
        "жазылады. Емтихан кезіндегі дыбыстық нұсқаулар сізге жетпейді.",
        "Отмечено: вы не слышите тестовый звук. Можно продолжить; это записано для "
        "наблюдателя. Звуковые указания во время экзамена до вас не дойдут."),
    "Checking the camera… keep your face in the picture.": (
        "Камера тексерілуде… бетіңіз кадрда болсын.",
        "Проверяем камеру… держите лицо в кадре."),
    "No connection to the exam server. Check your internet connection and try again.": (
        "Емтихан серверімен байланыс жоқ. Интернет байланысын тексеріп, қайталап көріңіз.",
        "Нет связи с сервером экзамена. Проверьте подключение к интернету и попробуйте ещё "
        "раз."),
    "The copy of this exam saved on this computer could not be read.": (
        "Осы компьютерде сақталған емтихан көшірмесін оқу мүмкін болмады.",
        "Не удалось прочитать копию экзамена, сохранённую на этом компьютере."),
    "The exam could not be unlocked. Try again when the exam starts.": (
        "Емтиханды ашу мүмкін болмады. Емтихан басталғанда қайталап көріңіз.",
        "Не удалось открыть экзамен. Попробуйте снова, когда экзамен начнётся."),
    "The exam file failed its security check and was not used. Download it again; if this "
    "repeats, contact your exam office.": (
        "Емтихан файлы қауіпсіздік тексеруінен өтпеді және пайдаланылмады. Оны қайта жүктеңіз; "
        "қайталанса, емтихан бөліміне хабарласыңыз.",
        "Файл экзамена не прошёл проверку безопасности и не был использован. Скачайте его "
        "снова; если это повторится, обратитесь в экзаменационный отдел."),
    "The exam is not open at this time.": (
        "Емтихан қазір ашық емес.", "Экзамен сейчас не открыт."),
    "The student ID or access code is not right. Check your exam invitation and try again.": (
        "Студент ID немесе кіру коды дұрыс емес. Емтихан шақыруын тексеріп, қайталап көріңіз.",
        "Неверный ID студента или код доступа. Проверьте приглашение на экзамен и попробуйте "
        "ещё раз."),
    "This answer could not be saved: it does not fit the question.": (
        "Бұл жауапты сақтау мүмкін болмады: ол сұраққа сәйкес келмейді.",
        "Этот ответ не удалось сохранить: он не подходит к вопросу."),
    "This exam file is not signed by a trusted exam author. It was not used; contact your "
    "exam office.": (
        "Бұл емтихан файлына сенімді автор қол қоймаған. Ол пайдаланылмады; емтихан бөліміне "
        "хабарласыңыз.",
        "Этот файл экзамена не подписан доверенным автором. Он не использован; обратитесь в "
        "экзаменационный отдел."),
    "This exam has not opened yet. Check the start time in your invitation.": (
        "Бұл емтихан әлі ашылған жоқ. Шақырудағы басталу уақытын тексеріңіз.",
        "Этот экзамен ещё не открыт. Проверьте время начала в приглашении."),
    "This exam is closed.": ("Бұл емтихан жабық.", "Этот экзамен закрыт."),
    "This is an older version of the exam than one already used on this computer. Download "
    "the current version.": (
        "Бұл осы компьютерде пайдаланылған нұсқадан ескірек емтихан нұсқасы. Ағымдағы нұсқаны "
        "жүктеңіз.",
        "Это более старая версия экзамена, чем уже использованная на этом компьютере. Скачайте "
        "текущую версию."),
    "This version of the student client is too old for this exam server. Download and install "
    "the current version from your university's exam page, then sign in again.": (
        "Студент клиентінің бұл нұсқасы осы емтихан сервері үшін тым ескі. Университетіңіздің "
        "емтихан бетінен ағымдағы нұсқасын жүктеп алып орнатыңыз, содан кейін қайта кіріңіз.",
        "Эта версия клиента студента слишком старая для этого сервера экзаменов. Скачайте и "
        "установите текущую версию со страницы экзаменов вашего университета, затем войдите "
        "снова."),
    "Too many tries. Wait a few minutes, then try again.": (
        "Тым көп әрекет. Бірнеше минут күтіп, қайталап көріңіз.",
        "Слишком много попыток. Подождите несколько минут и попробуйте ещё раз."),
    "Verified: “{title}”, version {version}, signed by author key {signer}. Checked: "
    "{checks}.": (
        "Тексерілді: «{title}», {version}-нұсқа, {signer} автор кілтімен қол қойылған. "
        "Тексерілгені: {checks}.",
        "Проверено: «{title}», версия {version}, подписано ключом автора {signer}. "
        "Проверены: {checks}."),
    "Your account may not do this.": (
        "Сіздің тіркелгіңіз мұны істей алмайды.", "Вашей учётной записи это не разрешено."),
    "Your sign-in has expired. Sign in again.": (
        "Кіру мерзімі өтті. Қайта кіріңіз.", "Срок входа истёк. Войдите снова."),
    "file hashes": ("файл хэштері", "хэши файлов"),
    "signature": ("қолтаңба", "подпись"),
    "version": ("нұсқа", "версия"),
    "{n} min": ("{n} мин", "{n} мин"),
    "{title}\n{opens} → {closes}, {duration}": (
        "{title}\n{opens} → {closes}, {duration}", "{title}\n{opens} → {closes}, {duration}"),
    "passed": ("орындалды", "пройден"),
    "not passed": ("орындалмады", "не пройден"),
}
