"""Small shared widgets of the review tool: banner, image panel, decision form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from client.review_core.decisions import Outcome
from client.review_core.texts import N_

from ..i18n import LazyCall, TextBinder, tr, trf
from .texts import tr_core

BANNER_STYLES = {
    "bad": "background:#b3261e;color:white;font-weight:bold;padding:10px;border-radius:4px;",
    "ok": "background:#1e6b34;color:white;padding:8px;border-radius:4px;",
    "info": "background:#e8eef7;color:#1b2a41;padding:8px;border-radius:4px;",
}


class Banner(QLabel):
    """The verification banner: red for tampered / incomplete, never hidden then."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("verificationBanner")
        self.kind = "info"
        self.show_message("info", tr("Select a session and open it to verify and review it."))

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setStyleSheet(BANNER_STYLES[kind])
        self.setText(text)
        self.setVisible(True)


class ImagePanel(QLabel):
    """A captioned image loaded from bytes (JPEG/PNG), scaled to fit.

    ``caption`` and the missing-image text are English sources (``{name}`` filled from
    ``caption_args``), translated when shown and again by :meth:`retranslate`."""

    def __init__(self, caption: str, size: int = 220, parent: QWidget | None = None,
                 **caption_args: Any) -> None:
        super().__init__(parent)
        self._caption, self._caption_args = caption, caption_args
        self._size = size
        self._data: bytes | None = None
        self._missing = ""
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("border:1px solid #c4c9d0;background:#f7f8fa;color:#5f6b7a;")
        self.set_image(None)

    def set_image(self, data: bytes | None, missing_text: str = "") -> bool:
        self._data, self._missing = data, missing_text
        caption = trf(self._caption, **self._caption_args)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.setPixmap(pixmap.scaled(self._size, self._size,
                                         Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
            self.setToolTip(caption)
            return True
        self.setPixmap(QPixmap())
        self.setText(f"{caption}\n\n{tr(missing_text or 'no image')}")
        return False

    def retranslate(self) -> None:
        self.set_image(self._data, self._missing)


class DecisionForm(QGroupBox):
    """Outcome + note + "Sign and submit". Emits ``submitted(outcome, note)``.

    ``title`` and the status texts are English sources, re-translated by :meth:`retranslate`.
    """

    submitted = Signal(str, str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.binder = TextBinder()
        self.outcome = QComboBox()
        self.outcome.addItem("", "")
        for outcome in Outcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self._submit)
        self.labels = (QLabel(), QLabel())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.labels[0], self.outcome)
        form.addRow(self.labels[1], self.note)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr(self._title))
        self.outcome.setItemText(0, tr("— choose —"))
        for index, outcome in enumerate(Outcome, start=1):
            self.outcome.setItemText(index, tr(outcome.label))
        self.note.setPlaceholderText(tr("Note for the record (what you saw, why)"))
        self.button.setText(tr("Sign and submit"))
        self.labels[0].setText(tr("Decision"))
        self.labels[1].setText(tr("Note"))
        self.binder.retranslate()

    def _submit(self) -> None:
        value = self.outcome.currentData()
        if not value:
            self.set_status(N_("Choose a decision first."), error=True)
            return
        self.submitted.emit(value, self.note.toPlainText())

    def set_status(self, text: str, *, error: bool = False, core: bool = False,
                   **kwargs: Any) -> None:
        """Show ``text`` (English source; ``core``: a message of the review core)."""
        self.status.setStyleSheet("color:#b3261e;" if error else "color:#1e6b34;")
        if core:
            self.binder.bind(self.status.setText, "{message}",
                             message=LazyCall(lambda: tr_core(text)))
        else:
            self.binder.bind(self.status.setText, text, **kwargs)

    def reset(self, current: str = "", **kwargs: Any) -> None:
        self.outcome.setCurrentIndex(0)
        self.note.clear()
        self.set_status(current, **kwargs)
