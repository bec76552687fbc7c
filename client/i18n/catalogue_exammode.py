"""Translations of the exam mode (issue 13): English -> (Kazakh, Russian).

Merged into :data:`client.i18n.catalogue.CATALOGUE` like ``catalogue_path.py``.
"""

from __future__ import annotations

EXAM_MODE: dict[str, tuple[str, str]] = {
    "Other programs": ("Басқа бағдарламалар", "Другие программы"),
    "Check &again": ("&Қайта тексеру", "Проверить &снова"),
    "Please close these programs, then press “Check again”: {names}": (
        "Мына бағдарламаларды жабыңыз, содан кейін «Қайта тексеру» түймесін басыңыз: {names}",
        "Закройте эти программы и нажмите «Проверить снова»: {names}"),
    "Found and recorded for the invigilator: {names}": (
        "Табылды және бақылаушы үшін жазылды: {names}",
        "Обнаружено и записано для наблюдателя: {names}"),
    "remote control": ("қашықтан басқару", "удалённое управление"),
    "screen sharing": ("экранды көрсету", "демонстрация экрана"),
    "screen recording": ("экранды жазу", "запись экрана"),
    "virtual machine": ("виртуалды машина", "виртуальная машина"),
    "{count} screens are connected during the exam; this is recorded for the invigilator.": (
        "Емтихан кезінде {count} экран қосулы; бұл бақылаушы үшін жазылды.",
        "Во время экзамена подключено экранов: {count}; это записано для наблюдателя."),
    "You left the exam window for {seconds} s; this is recorded.": (
        "Сіз емтихан терезесінен {seconds} с шықтыңыз; бұл жазылды.",
        "Вы покидали окно экзамена на {seconds} с; это записано."),
    "Running during the exam: {names}. This is recorded for the invigilator.": (
        "Емтихан кезінде іске қосылған: {names}. Бұл бақылаушы үшін жазылды.",
        "Запущено во время экзамена: {names}. Это записано для наблюдателя."),
    "Pasting text from outside the exam is not allowed; this is recorded.": (
        "Емтиханнан тыс мәтінді қоюға болмайды; бұл жазылды.",
        "Вставлять текст извне экзамена нельзя; это записано."),
    "remote-control, screen-sharing and recording programs that are running": (
        "іске қосылған қашықтан басқару, экранды көрсету және жазу бағдарламалары",
        "запущенные программы удалённого управления, демонстрации и записи экрана"),
    "your ID document's photo and a picture of your face from the identity check": (
        "жеке куәлігіңіздегі фото және тұлғаны тексеру кезінде түсірілген бет суретіңіз",
        "фото из вашего удостоверения личности и снимок вашего лица при проверке личности"),
    "a small picture of your screen when you leave the exam window, connect a second screen "
    "or such a program runs": (
        "емтихан терезесінен шыққанда, екінші экран қосқанда немесе осындай бағдарлама іске "
        "қосылғанда экраныңыздың шағын суреті",
        "небольшой снимок вашего экрана, когда вы покидаете окно экзамена, подключаете второй "
        "экран или работает такая программа"),
}
