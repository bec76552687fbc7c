"""Translations of the feedback shown after the hand-in (issue 12): English -> (Kazakh,
Russian). Merged into :data:`client.i18n.catalogue.CATALOGUE` like ``catalogue_path.py``.
"""

from __future__ import annotations

FEEDBACK: dict[str, tuple[str, str]] = {
    "Feedback on your answers": ("Жауаптарыңызға кері байланыс", "Отзыв о ваших ответах"),
    "Question {number}": ("{number}-сұрақ", "Вопрос {number}"),
    "General feedback:": ("Жалпы кері байланыс:", "Общий отзыв:"),
    "On your answer:": ("Жауабыңыз туралы:", "О вашем ответе:"),
    "Overall:": ("Қорытынды:", "В целом:"),
}
