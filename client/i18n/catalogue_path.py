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
    "passed": ("орындалды", "пройден"),
    "not passed": ("орындалмады", "не пройден"),
}
