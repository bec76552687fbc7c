"""Sign-in: server, student id, access code -> exam list -> download + verification."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
)

from ..backend import ExamSummary, PackageReport, StudentBackend
from ..i18n import Lazy, LazyCall, LocalTime, TextBinder, minutes, tr
from ..workers import TaskHandle, run_task
from .common import Page, set_status


class SignInPage(Page):
    signed_in = Signal()  # the server accepted the student (the window checks for a resume)

    def __init__(self, backend: StudentBackend, binder: TextBinder, server_url: str = "",
                 exam_id: str = "", student_id: str = "") -> None:
        super().__init__(binder, "Sign in",
                         "Enter the server address and the details from your exam invitation.")
        self.backend = backend
        self.task: TaskHandle | None = None
        self.report: PackageReport | None = None
        self.preferred_exam = exam_id
        form = QFormLayout()
        self.server = QLineEdit(server_url)
        self.exam = QLineEdit(exam_id)
        self.exam.setPlaceholderText("phys-101-final")
        self.student = QLineEdit(student_id)
        self.code = QLineEdit()
        self.code.setEchoMode(QLineEdit.EchoMode.Password)
        self.server.setPlaceholderText("https://exams.university.kz")
        for label_text, field in (("&Server address", self.server), ("&Exam code", self.exam),
                                  ("&Student ID", self.student), ("&Access code", self.code)):
            form.addRow(self._label(label_text, field), field)
        self.layout_.addLayout(form)
        self.sign_in_button = QPushButton()
        binder.bind(self.sign_in_button.setText, "Sign &in")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.code.returnPressed.connect(self.sign_in)
        self.layout_.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._build_download()

    def _build_download(self) -> None:
        binder = self.binder
        self.exams = QListWidget()
        self.exams.setMinimumHeight(90)
        self.exams.itemActivated.connect(lambda _i: self.download())
        self.layout_.addWidget(self.exams)
        row = QHBoxLayout()
        self.download_button = QPushButton()
        binder.bind(self.download_button.setText, "&Download and check the exam")
        self.download_button.setEnabled(False)
        self.download_button.clicked.connect(self.download)
        self.progress = QProgressBar()
        self.progress.setFormat("%p%")
        row.addWidget(self.download_button)
        row.addWidget(self.progress, 1)
        self.layout_.addLayout(row)
        self.status = self.message_label()
        self.layout_.addWidget(self.status)
        self.continue_button = QPushButton()
        binder.bind(self.continue_button.setText, "&Continue")
        self.continue_button.clicked.connect(self.completed.emit)
        self.continue_button.hide()
        self.layout_.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        self.layout_.addStretch(1)

    def _label(self, text: str, buddy: QLineEdit) -> QLabel:
        label = QLabel()
        self.binder.bind(label.setText, text)
        label.setBuddy(buddy)
        return label

    def _busy(self, busy: bool) -> None:
        for w in (self.sign_in_button, self.download_button, self.server, self.exam,
                  self.student, self.code):
            w.setEnabled(not busy)
        if not busy:
            self.download_button.setEnabled(self.exams.currentItem() is not None)

    def _fail(self, text: str) -> None:
        self._busy(False)
        self.binder.bind(self.status.setText, "{why}", why=Lazy(text))
        set_status(self.status, "fail")

    def sign_in(self) -> None:
        server, exam, student, code = (self.server.text().strip(), self.exam.text().strip(),
                                       self.student.text().strip(), self.code.text())
        if not (server and exam and student and code):
            self.binder.bind(self.status.setText, "Please fill in all four fields.")
            set_status(self.status, "fail")
            return
        self._busy(True)
        self.binder.bind(self.status.setText, "Signing in…")
        set_status(self.status, "")
        self.task = run_task(lambda _p: self.backend.sign_in(server, exam, student, code),
                             self._signed_in, self._fail)

    def _signed_in(self, exams: list[ExamSummary]) -> None:
        self.exams.clear()
        for exam in exams:
            item = QListWidgetItem()
            self.binder.bind(item.setText, "{title}\n{opens} → {closes}, {duration}",
                             title=exam.title, opens=LocalTime(exam.opens_at),
                             closes=LocalTime(exam.closes_at),
                             duration=LazyCall(partial(minutes, exam.duration_s)))
            item.setData(Qt.ItemDataRole.UserRole, exam.exam_id)
            self.exams.addItem(item)
            if exam.exam_id == (self.exam.text().strip() or self.preferred_exam):
                self.exams.setCurrentItem(item)
        self._busy(False)
        self.binder.bind(self.status.setText, "Choose your exam and download it.")
        set_status(self.status, "")
        self.exams.setFocus()
        self.signed_in.emit()

    def download(self) -> None:
        item = self.exams.currentItem()
        if item is None:
            return
        exam_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._busy(True)
        self.binder.bind(self.status.setText, "Downloading… (an interrupted download resumes)")
        set_status(self.status, "")
        self.task = run_task(lambda p: self.backend.download_package(exam_id, p),
                             self._downloaded, self._download_failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total or 0)
        self.progress.setValue(done)

    def _download_failed(self, text: str) -> None:
        self._fail(text)
        self.binder.bind(self.download_button.setText, "&Resume download")

    def _downloaded(self, report: PackageReport) -> None:
        self.report = report
        self._busy(False)
        self.binder.bind(self.status.setText,
                         "Verified: “{title}”, version {version}, signed by author key {signer}. "
                         "Checked: {checks}.", title=report.title, version=report.version,
                         signer=report.signer,
                         checks=LazyCall(lambda: ", ".join(tr(c) for c in report.checks)))
        set_status(self.status, "ok")
        self.continue_button.show()
        self.continue_button.setFocus()
