"""Hand-in: encrypted upload with progress and retry; offline outbox; the signed receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton

from ..backend import Receipt, StudentBackend
from ..i18n import TextBinder
from ..workers import TaskHandle, run_task
from .common import Page, set_status
from .feedback import FeedbackView
from .receipt import ReceiptView

RETRY_MS = 30_000


class HandInPage(Page):
    def __init__(self, backend: StudentBackend, binder: TextBinder) -> None:
        super().__init__(binder, "Hand-in",
                         "Your answers are encrypted for your university and uploaded.")
        self.backend = backend
        self.task: TaskHandle | None = None
        self.receipt: Receipt | None = None
        self.offline = False
        self.progress = QProgressBar()
        self.progress.setFormat("%p%")
        self.layout_.addWidget(self.progress)
        self.status = self.message_label()
        self.layout_.addWidget(self.status)
        row = QHBoxLayout()
        self.retry_button = QPushButton()
        binder.bind(self.retry_button.setText, "&Retry upload now")
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.receipt_view = ReceiptView(binder)
        self.layout_.addWidget(self.receipt_view)
        self.my_record_button = QPushButton()  # issue 16: client/ui/pages/my_record.py
        binder.bind(self.my_record_button.setText, "What was &recorded about me")
        self.my_record_button.clicked.connect(self.show_my_record)
        self.my_record_button.hide()
        self.layout_.addWidget(self.my_record_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.feedback_view = FeedbackView(binder)  # only when the exam allows it
        self.layout_.addWidget(self.feedback_view, 1)
        self.close_button = QPushButton()
        binder.bind(self.close_button.setText, "&Close")
        self.close_button.hide()
        self.layout_.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.layout_.addStretch(1)
        self.auto_retry = QTimer(self)
        self.auto_retry.setInterval(RETRY_MS)
        self.auto_retry.timeout.connect(self.retry)

    def submit(self, auto: bool) -> None:
        if auto:
            self._status("Time is up: your answers are being handed in automatically.", "warn")
        else:
            self._status("Encrypting and uploading your answers…", "")
        self.task = run_task(lambda p: self.backend.submit(auto, p), self._done,
                             self._offline, self._progress)

    def retry(self) -> None:
        if self.task is not None and self.task.pending:
            return  # an upload is under way (one that has reported may still be ending)
        self.retry_button.setEnabled(False)
        self._status("Trying to upload again…", "")
        self.task = run_task(self.backend.retry_upload, self._done, self._offline,
                             self._progress)

    def _status(self, text: str, state: str, **kw: object) -> None:
        self.binder.bind(self.status.setText, text, **kw)
        set_status(self.status, state)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total or 0)
        self.progress.setValue(done)

    def _offline(self, why: str) -> None:
        self.offline = True
        self._status("Saved on this computer, will upload when you are online. Reason: {why} "
                     "We retry every 30 seconds; you may keep this window open.", "warn",
                     why=why)
        self.retry_button.show()
        self.retry_button.setEnabled(True)
        self.retry_button.setFocus()
        self.auto_retry.start()

    def _done(self, receipt: Receipt) -> None:
        self.receipt = receipt
        self.offline = False
        self.auto_retry.stop()
        self.retry_button.hide()
        self.progress.setMaximum(1)
        self.progress.setValue(1)
        self._status("Handed in. Keep this receipt: it proves what the server received.", "ok")
        self.receipt_view.show_receipt(receipt)
        self.my_record_button.setVisible(hasattr(self.backend, "my_record"))
        if hasattr(self.backend, "feedback"):
            self.feedback_view.show_feedback(self.backend.feedback())  # quick, in memory
        self.close_button.show()
        self.close_button.setFocus()
        self.completed.emit()

    def show_my_record(self) -> None:
        from .my_record import MyRecordDialog

        MyRecordDialog(self.backend, self.binder, self).exec()

    def stop(self) -> None:
        self.auto_retry.stop()
