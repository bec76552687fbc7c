"""Small shared widgets of the review tool: banner, image panel, decision form."""

from __future__ import annotations

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

from ..i18n import tr

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
    """A captioned image loaded from bytes (JPEG/PNG), scaled to fit."""

    def __init__(self, caption: str, size: int = 220, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self._size = size
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("border:1px solid #c4c9d0;background:#f7f8fa;color:#5f6b7a;")
        self.set_image(None)

    def set_image(self, data: bytes | None, missing_text: str = "") -> bool:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.setPixmap(pixmap.scaled(self._size, self._size,
                                         Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
            self.setToolTip(self._caption)
            return True
        self.setPixmap(QPixmap())
        self.setText(f"{self._caption}\n\n{missing_text or tr('no image')}")
        return False


class DecisionForm(QGroupBox):
    """Outcome + note + "Sign and submit". Emits ``submitted(outcome, note)``."""

    submitted = Signal(str, str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.outcome = QComboBox()
        self.outcome.addItem(tr("— choose —"), "")
        for outcome in Outcome:
            self.outcome.addItem(tr(outcome.label), outcome.value)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("Note for the record (what you saw, why)"))
        self.note.setMaximumHeight(80)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.button = QPushButton(tr("Sign and submit"))
        self.button.clicked.connect(self._submit)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("Decision"), self.outcome)
        form.addRow(tr("Note"), self.note)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addWidget(self.status)

    def _submit(self) -> None:
        value = self.outcome.currentData()
        if not value:
            self.set_status(tr("Choose a decision first."), error=True)
            return
        self.submitted.emit(value, self.note.toPlainText())

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color:#b3261e;" if error else "color:#1e6b34;")
        self.status.setText(text)

    def reset(self, current: str = "") -> None:
        self.outcome.setCurrentIndex(0)
        self.note.clear()
        self.set_status(current)
