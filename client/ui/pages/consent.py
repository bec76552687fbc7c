"""Consent: what is recorded, where it goes, how long it is kept; declining ends politely."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton

from exam_packages.errors import EmtihanError

from ..backend import ConsentInfo, StudentBackend
from ..errors import error_source
from ..i18n import Lazy, TextBinder, tr
from .common import Page, set_status


class ConsentPage(Page):
    declined = Signal()

    def __init__(self, backend: StudentBackend, binder: TextBinder) -> None:
        super().__init__(binder, "Consent to proctoring",
                         "Please read what happens during the exam. Without your consent "
                         "nothing is recorded, but you cannot take this exam online.")
        self.backend = backend
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setObjectName("consentText")
        self.layout_.addWidget(self.details)
        self.agree = QCheckBox()
        binder.bind(self.agree.setText, "I have read this and &agree.")
        self.agree.toggled.connect(self._agree_toggled)
        self.layout_.addWidget(self.agree)
        row = QHBoxLayout()
        self.accept_button = QPushButton()
        self.decline_button = QPushButton()
        binder.bind(self.accept_button.setText, "Accept and &continue")
        binder.bind(self.decline_button.setText, "&Decline")
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(lambda: self.answer(True))
        self.decline_button.clicked.connect(lambda: self.answer(False))
        row.addWidget(self.accept_button)
        row.addWidget(self.decline_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.status = self.message_label()
        self.layout_.addWidget(self.status)
        self.layout_.addStretch(1)
        self.info: ConsentInfo | None = None

    def _agree_toggled(self, on: bool) -> None:
        self.accept_button.setEnabled(on)

    def load(self) -> None:
        self.info = self.backend.consent_info()
        self.retranslate_details()

    def retranslate_details(self) -> None:
        if self.info is None:
            return
        items = "".join(f"<li>{tr(r)}</li>" for r in self.info.recorded)
        self.binder.bind(
            self.details.setText,
            "<b>What is recorded:</b><ul>{items}</ul><b>Where it goes:</b> {dest}.<br>"
            "<b>How long it is kept:</b> {days} days after the exam closes, then deleted "
            "(longer only while a flag awaits a person's decision, or under a legal hold); the "
            "invigilators' decisions and the receipt record (no pictures, no answers) for "
            "{records} days. This computer deletes its copy once the server has signed the "
            "receipt.<br><b>Questions or objections:</b> {contact}.<br><br>Nothing is decided "
            "automatically: a person reviews every flag.",
            items=items, dest=tr(self.info.destination), days=self.info.retention_days,
            records=self.info.records_days or self.info.retention_days,
            contact=tr(self.info.contact))

    def answer(self, accepted: bool) -> None:
        if accepted and not self.agree.isChecked():
            return
        try:
            self.backend.record_consent(accepted)
        except EmtihanError as exc:
            self.binder.bind(self.status.setText, "{why}", why=Lazy(error_source(exc)))
            set_status(self.status, "fail")
            return
        if accepted:
            self.completed.emit()
        else:
            self.declined.emit()
