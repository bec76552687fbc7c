"""Sign-in dialog: server + invigilator token + exam, and the two key files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr


@dataclass(frozen=True)
class SignInData:
    server_url: str
    token: str
    exam_id: str
    reviewer: str
    institution_key: Path
    institution_passphrase: bytes
    invigilator_key: Path
    invigilator_passphrase: bytes


def _file_row(edit: QLineEdit, title: str, parent: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    button = QPushButton(tr("Browse…"))

    def browse() -> None:
        path, _ = QFileDialog.getOpenFileName(parent, title, edit.text())
        if path:
            edit.setText(path)

    button.clicked.connect(browse)
    row.addWidget(button)
    return row


class SignInDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, defaults: SignInData | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Sign in — Emtihan review"))
        self.server = QLineEdit("http://127.0.0.1:8000")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.exam = QLineEdit()
        self.exam.setPlaceholderText(tr("e.g. phys-101-final"))
        self.reviewer = QLineEdit()
        self.reviewer.setPlaceholderText(tr("Your name as it appears on decisions"))
        self.institution = QLineEdit()
        self.institution_pass = QLineEdit()
        self.institution_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.invigilator = QLineEdit()
        self.invigilator_pass = QLineEdit()
        self.invigilator_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self._layout(self._form())
        if defaults is not None:
            self.fill(defaults)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(tr("Server"), self.server)
        form.addRow(tr("Invigilator token"), self.token)
        form.addRow(tr("Exam id"), self.exam)
        form.addRow(tr("Reviewer name"), self.reviewer)
        form.addRow(tr("Institution results key"),
                    _file_row(self.institution, tr("Institution key (PKCS#8)"), self))
        form.addRow(tr("Passphrase"), self.institution_pass)
        form.addRow(tr("Your signing key"),
                    _file_row(self.invigilator, tr("Invigilator key"), self))
        form.addRow(tr("Passphrase"), self.invigilator_pass)
        return form

    def _layout(self, form: QFormLayout) -> None:
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Sign &in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Decrypting happens on this computer: the server only ever "
                                   "holds ciphertext.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fill(self, data: SignInData) -> None:
        self.server.setText(data.server_url)
        self.token.setText(data.token)
        self.exam.setText(data.exam_id)
        self.reviewer.setText(data.reviewer)
        self.institution.setText(str(data.institution_key))
        self.institution_pass.setText(data.institution_passphrase.decode())
        self.invigilator.setText(str(data.invigilator_key))
        self.invigilator_pass.setText(data.invigilator_passphrase.decode())

    def data(self) -> SignInData:
        return SignInData(
            self.server.text().strip(), self.token.text().strip(), self.exam.text().strip(),
            self.reviewer.text().strip(), Path(self.institution.text().strip()),
            self.institution_pass.text().encode(), Path(self.invigilator.text().strip()),
            self.invigilator_pass.text().encode())

    def _accept(self) -> None:
        data = self.data()
        missing = [name for name, value in (
            (tr("server"), data.server_url), (tr("token"), data.token),
            (tr("exam id"), data.exam_id), (tr("reviewer name"), data.reviewer),
            (tr("institution key"), self.institution.text()),
            (tr("signing key"), self.invigilator.text())) if not value.strip()]
        if missing:
            self.error.setText(tr("Please fill in:") + " " + ", ".join(missing) + ".")
            return
        self.accept()
