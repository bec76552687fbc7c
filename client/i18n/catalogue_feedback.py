"""Translations of the feedback shown after the hand-in, and of the review paper's
feedback, hint and choice-order lines (issue 12): English -> (Kazakh, Russian). Merged into
:data:`client.i18n.catalogue.CATALOGUE` like ``catalogue_path.py``.
"""

from __future__ import annotations

FEEDBACK: dict[str, tuple[str, str]] = {
    "Feedback on your answers": ("Жауаптарыңызға кері байланыс", "Отзыв о ваших ответах"),
    "Question {number}": ("{number}-сұрақ", "Вопрос {number}"),
    "General feedback:": ("Жалпы кері байланыс:", "Общий отзыв:"),
    "On your answer:": ("Жауабыңыз туралы:", "О вашем ответе:"),
    "Overall:": ("Қорытынды:", "В целом:"),
    # the review paper (client/review_core/paper.py)
    "Feedback on this answer:": ("Осы жауапқа кері байланыс:", "Отзыв на этот ответ:"),
    "Combined feedback:": ("Бағаға сай кері байланыс:", "Отзыв по результату:"),
    "Hint:": ("Кеңес:", "Подсказка:"),
    "Information for graders:": ("Бағалаушыға ақпарат:", "Информация для проверяющего:"),
    "Choices in the order shown:": ("Көрсетілген ретпен нұсқалар:",
                                    "Варианты в показанном порядке:"),
}
