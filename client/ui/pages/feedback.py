"""The author's feedback on the student's answers, shown on the hand-in page after the
receipt, only when the exam's ``policy.feedback`` is ``after_handin``
(``exam_packages.feedback.student_feedback``; the backend returns nothing otherwise).

Captions go through the binder (translated, follow a language switch); the author's
texts are shown as written, as plain text (images by their alt text).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..i18n import TextBinder

IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)\s]+\)")
MAX_QUESTION_CHARS = 300
SHOWN_TEXTS = ("Feedback on your answers", "Question {number}", "General feedback:",
               "On your answer:", "Overall:")


def plain(text: str, limit: int = 0) -> str:
    """Author text for a plain label: images as ``[alt]``, optionally shortened."""
    shown = IMAGE_RE.sub(lambda m: f"[{m.group(1)}]" if m.group(1) else "", text).strip()
    if limit and len(shown) > limit:
        shown = shown[:limit].rstrip() + "…"
    return shown


class FeedbackView(QFrame):
    """Hidden until :meth:`show_feedback` gets at least one question's feedback."""

    def __init__(self, binder: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = binder
        self.setObjectName("feedbackView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        self.heading = self._label("pageSubtitle")
        binder.bind(self.heading.setText, "Feedback on your answers")
        outer.addWidget(self.heading)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.rows = QVBoxLayout(self.body)
        self.scroller.setWidget(self.body)
        outer.addWidget(self.scroller, 1)
        self.labels: list[QLabel] = []
        self.hide()

    def _label(self, name: str = "") -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if name:
            label.setObjectName(name)
        return label

    def _caption(self, text: str, **kw: Any) -> None:
        label = self._label("feedbackCaption")
        self.binder.bind(label.setText, text, **kw)
        self.rows.addWidget(label)
        self.labels.append(label)

    def _text(self, text: str) -> None:
        label = self._label("feedbackText")
        label.setText(text)
        self.rows.addWidget(label)
        self.labels.append(label)

    def show_feedback(self, items: list[Any]) -> None:
        """``items``: ``exam_packages.feedback.QuestionFeedback`` in paper order (replaces
        what was shown)."""
        for label in self.labels:
            self.binder.unbind(label.setText)
        while self.rows.count():
            taken = self.rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.labels = []
        for item in items:
            self._caption("Question {number}", number=item.number)
            self._text(plain(item.text, MAX_QUESTION_CHARS))
            for caption, texts in (("General feedback:", [item.general]),
                                   ("On your answer:", list(item.specific)),
                                   ("Overall:", [item.combined])):
                for text in filter(None, texts):
                    self._caption(caption)
                    self._text(plain(text))
        self.rows.addStretch(1)
        self.setVisible(bool(items))
