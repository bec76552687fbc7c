"""Small shared pieces for the wizard pages."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..i18n import TextBinder


class Page(QWidget):
    """A wizard page: a title, an intro line, and ``completed`` when the student may go on."""

    completed = Signal()

    def __init__(self, binder: TextBinder, title: str, intro: str) -> None:
        super().__init__()
        self.binder = binder
        self.layout_ = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("intro")
        binder.bind(self.title.setText, title)
        binder.bind(self.intro.setText, intro)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.intro)

    def message_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setObjectName("message")
        return label


def set_status(label: QLabel, state: str) -> None:
    """Colour a result label: "ok", "fail", "warn" or "" (neutral)."""
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)
