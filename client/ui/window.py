"""The student window: step indicator, the six pages, language switch, camera."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exam_packages.errors import EmtihanError

from .backend import ExamStart, PackageReport, StudentBackend
from .camera import CameraWorker, FrameSource
from .exam_audio import ExamAudioFeed
from .exam_mode import ExamMode, grab_desktop_jpeg
from .i18n import LANGUAGES, I18n, Lazy, TextBinder, tr
from .pages.checks import ChecksPage
from .pages.common import Page, set_status
from .pages.consent import ConsentPage
from .pages.exam import ExamPage
from .pages.handin import HandInPage
from .pages.identity import IdentityPage
from .pages.signin import SignInPage
from .style import STYLE
from .workers import TaskHandle, run_task, wait_all

log = logging.getLogger(__name__)
STEPS = ("Sign in", "System check", "Consent", "Identity", "Exam", "Hand-in")
PROCTOR_EVERY_S = 0.5  # 2 analysed frames/s: ~9% of one core (benchmarks/bench_client_perf.py)


class StepIndicator(QWidget):
    """The six steps: the current one by name, the others by number (their names in the
    tooltip and for screen readers), so the row fits a small screen in every language."""

    def __init__(self, binder: TextBinder) -> None:
        super().__init__()
        self.setObjectName("steps")
        self.binder = binder
        row = QHBoxLayout(self)
        self.labels: list[QLabel] = []
        for _name in STEPS:
            label = QLabel()
            label.setObjectName("step")
            row.addWidget(label)
            self.labels.append(label)
        row.addStretch(1)
        self.current = 0

    def set_current(self, index: int) -> None:
        self.current = index
        for i, (label, name) in enumerate(zip(self.labels, STEPS, strict=True)):
            state = "current" if i == index else ("ok" if i < index else "")
            set_status(label, state)
            if i == index:
                self.binder.bind(label.setText, "{n}. {name}", n=i + 1, name=Lazy(name))
            else:
                self.binder.bind(label.setText, "{n}" + (" ✓" if i < index else ""), n=i + 1)
            self.binder.bind(label.setToolTip, "{n}. {name}", n=i + 1, name=Lazy(name))
            label.setAccessibleName(label.toolTip() + (" (current step)" if i == index else ""))


class StudentWindow(QMainWindow):
    def __init__(self, backend: StudentBackend, i18n: I18n, *,
                 open_camera: Callable[[], FrameSource] | None = None,
                 face_counter: Callable[[np.ndarray], object] | None = None,
                 server_url: str = "", exam_id: str = "", student_id: str = "") -> None:
        super().__init__()
        self.backend = backend
        self.i18n = i18n
        self.binder = TextBinder()
        self.open_camera = open_camera
        self.face_counter = face_counter
        self.camera: CameraWorker | None = None
        self.proctor_task: TaskHandle | None = None
        self.audio_task: TaskHandle | None = None
        self.mic_feed: ExamAudioFeed | None = None
        self.last_proctor = 0.0
        self.blurred_at: float | None = None
        self.close_prompt: QMessageBox | None = None
        self.close_confirmed = False
        self.setStyleSheet(STYLE)
        self.binder.bind(self.setWindowTitle, "Emtihan — student")
        self._build(server_url, exam_id, student_id)
        i18n.changed.connect(self.retranslate)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.check_screens)
        self.resize(1100, 760)

    def _build(self, server_url: str, exam_id: str, student_id: str) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        self.steps = StepIndicator(self.binder)
        top.addWidget(self.steps, 1)
        self.lang_label = QLabel()
        self.binder.bind(self.lang_label.setText, "&Language:")
        self.lang = QComboBox()
        for code, name in LANGUAGES.items():
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(self.lang.findData(self.i18n.language))
        self.lang.currentIndexChanged.connect(
            lambda _i: self.i18n.set_language(str(self.lang.currentData())))
        self.lang_label.setBuddy(self.lang)
        top.addWidget(self.lang_label)
        top.addWidget(self.lang)
        outer.addLayout(top)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_pages(server_url, exam_id, student_id)
        self.show_step(0)

    def _build_pages(self, server_url: str, exam_id: str, student_id: str) -> None:
        b = self.backend
        self.signin = SignInPage(b, self.binder, server_url, exam_id, student_id)
        self.checks = ChecksPage(b, self.binder)
        self.consent = ConsentPage(b, self.binder)
        self.identity = IdentityPage(b, self.binder)
        self.exam = ExamPage(b, self.binder)
        self.handin = HandInPage(b, self.binder)
        self.ended = Page(self.binder, "Thank you",
                          "You declined proctoring, so this exam cannot start online. "
                          "Nothing was recorded. Please contact your exam office to arrange "
                          "another way to take it. You can close this window.")
        for page in (self.signin, self.checks, self.consent, self.identity, self.exam,
                     self.handin, self.ended):
            self.stack.addWidget(page)
        self.signin.completed.connect(self._after_signin)
        self.signin.signed_in.connect(self._check_resume)
        self.checks.completed.connect(self._after_checks)
        self.consent.completed.connect(self._after_consent)
        self.consent.declined.connect(self._declined)
        self.identity.completed.connect(self._after_identity)
        self.exam.submit_requested.connect(self._submit)
        self.handin.close_button.clicked.connect(self.close)
        self.exam_mode = ExamMode(self, b, self.exam)

    # -- flow ------------------------------------------------------------------------------
    def show_step(self, index: int) -> None:
        pages = (self.signin, self.checks, self.consent, self.identity, self.exam, self.handin)
        self.stack.setCurrentWidget(pages[index])
        self.steps.set_current(index)
        pages[index].setFocus()
        pages[index].focusNextChild()

    def _after_signin(self) -> None:
        report: PackageReport | None = self.signin.report
        if report is not None:
            self.checks.set_policy(report.policy)
        self.show_step(1)
        self.start_camera()
        self.checks.start_audio()

    def _check_resume(self) -> None:
        """An attempt restored at sign-in goes straight back where it was: a started exam
        to its exam page; a handed-in one to the hand-in page (upload pending, or the
        receipt once it is there)."""
        resumed = getattr(self.backend, "resumed_exam", None)
        handed_in = getattr(self.backend, "handed_in", None)
        if resumed is None:
            return

        def find(_p: object) -> tuple[str, ExamStart | None]:
            if handed_in is not None and handed_in():
                return "handed_in", None
            return "exam", resumed()

        self.resume_task = run_task(find, self._resumed, log.warning)

    def _resumed(self, found: tuple[str, ExamStart | None]) -> None:
        kind, start = found
        if kind == "handed_in" and self.stack.currentWidget() is self.signin:
            self.show_step(5)
            self.handin.retry()  # uploads what is pending, or shows the kept receipt
            return
        if start is None or self.exam.widgets:
            return
        self._exam_started(start)
        self.start_camera()

    def _after_checks(self) -> None:
        self.consent.load()
        self.show_step(2)

    def _after_consent(self) -> None:
        self.identity.load()
        self.show_step(3)

    def _declined(self) -> None:
        self.stop_camera()
        self.stack.setCurrentWidget(self.ended)

    def _after_identity(self) -> None:
        self.identity.setEnabled(False)
        self.task = run_task(lambda _p: self.backend.start_exam(), self._exam_started,
                             self._start_failed)

    def _start_failed(self, text: str) -> None:
        self.identity.setEnabled(True)
        self.identity.binder.bind(self.identity.result.setText, "{why}", why=Lazy(text))
        set_status(self.identity.result, "fail")

    def _exam_started(self, start: ExamStart) -> None:
        self.exam.load(start)  # built while hidden: every question widget shows with the page
        if self.exam.finished:
            return  # resumed after the time ran out: handed in at once (the hand-in page)
        self.exam_mode.start(start.policy)  # full screen, on top, clipboard, scan
        self.show_step(4)
        self.start_exam_microphone()
        self.check_screens()

    def _submit(self, auto: bool) -> None:
        self.show_step(5)
        self.exam_mode.stop()
        self.handin.submit(auto)
        self.stop_camera()
        self.stop_exam_microphone()

    # -- camera ------------------------------------------------------------------------------
    def start_camera(self) -> None:
        if self.camera is not None or self.open_camera is None:
            return
        self.camera = CameraWorker(self.open_camera, self.face_counter)
        self.camera.frame_ready.connect(self.checks.show_frame)
        self.camera.frame_ready.connect(self.identity.show_frame)
        self.camera.stats_ready.connect(self.checks.camera_stats)
        self.camera.user_message.connect(self.checks.camera_error)
        self.camera.frame_array.connect(self._frame)
        self.camera.start()

    def _frame(self, frame: np.ndarray) -> None:
        self.identity.on_frame(frame)
        if self.stack.currentWidget() is not self.exam or self.exam.finished:
            return
        now = time.monotonic()
        busy = self.proctor_task is not None and self.proctor_task.qthread.isRunning()
        if now - self.last_proctor >= PROCTOR_EVERY_S and not busy:
            self.last_proctor = now
            self.proctor_task = run_task(lambda _p: self.backend.proctor_frame(frame),
                                         None, log.warning)

    def stop_camera(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera = None

    # -- microphone during the exam ---------------------------------------------------------
    def start_exam_microphone(self) -> None:
        if self.mic_feed is None:
            self.mic_feed = ExamAudioFeed(self._audio_block, self)
            self.mic_feed.start()

    def _audio_block(self, samples: np.ndarray, rate: int) -> None:
        busy = self.audio_task is not None and self.audio_task.qthread.isRunning()
        if not busy and not self.exam.finished:
            self.audio_task = run_task(lambda _p: self.backend.proctor_audio(samples, rate),
                                       None, log.warning)

    def stop_exam_microphone(self) -> None:
        if self.mic_feed is not None:
            self.mic_feed.stop()
            self.mic_feed = None

    # -- focus ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ActivationChange:
            if not self.exam_mode.settling():  # entering full screen is not leaving
                self.activation_changed(self.isActiveWindow())
        elif event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.window_hidden()
        super().changeEvent(event)

    def exam_running(self) -> bool:
        return self.stack.currentWidget() is self.exam and not self.exam.finished

    def _tell(self, what: Callable[[], None]) -> None:
        try:
            what()
        except EmtihanError as exc:
            log.warning("proctoring event not recorded: %s", exc.user_message)

    def window_hidden(self) -> None:
        """The exam window was minimised while the exam runs."""
        if self.exam_running():
            self._tell(self.backend.app_hidden)

    def check_screens(self, *_args: object) -> None:
        """More than one screen during the exam is reported (at start and when added)."""
        count = len(QGuiApplication.screens())
        if count > 1 and self.exam_running():
            shot = grab_desktop_jpeg()  # the whole desktop, downscaled, into the evidence
            self._tell(lambda: self.backend.extra_screen(count, thumbnail=shot))
            self.exam.show_notice("{count} screens are connected during the exam; this is "
                                  "recorded for the invigilator.", count=count)

    def activation_changed(self, active: bool) -> None:
        """Report time spent outside the exam window (only while the exam runs)."""
        if not active and self.exam_running():
            self.blurred_at = time.monotonic()
            self.exam_mode.left()
        elif active and self.blurred_at is not None:
            seconds, self.blurred_at = time.monotonic() - self.blurred_at, None
            shot = self.exam_mode.back(seconds)
            self._tell(lambda: self.backend.focus_lost(seconds, thumbnail=shot))

    # -- language and closing ---------------------------------------------------------------
    def retranslate(self, _code: str = "") -> None:
        self.binder.retranslate()
        self.consent.retranslate_details()
        self.steps.set_current(self.steps.current)
        idx = self.lang.findData(self.i18n.language)
        if idx != self.lang.currentIndex():
            self.lang.blockSignals(True)
            self.lang.setCurrentIndex(idx)
            self.lang.blockSignals(False)

    def shutdown(self) -> None:
        self.exam_mode.stop()
        self.exam.stop()
        self.handin.stop()
        self.checks.stop_audio()
        self.identity.stop_capture()  # a challenge in progress: its worker ends
        self.stop_camera()
        self.stop_exam_microphone()
        if not wait_all(10000):
            log.warning("some background work did not stop in time")

    def ask_close(self) -> None:
        """While the exam runs, closing asks first (a window-modal question that does not
        block the event loop); "Go back to the exam" is the default and Escape."""
        if self.close_prompt is not None:
            self.close_prompt.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Leave the exam?"),
                          tr("The exam is still running and its time keeps running. Your "
                             "answers are saved on this computer: open Emtihan again and sign "
                             "in to continue where you left off."), parent=self)
        stay = box.addButton(tr("&Go back to the exam"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(tr("&Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._close_answered(box, leave))
        self.close_prompt = box
        box.open()

    def _close_answered(self, box: QMessageBox, leave: object) -> None:
        self.close_prompt = None
        if box.clickedButton() is leave:
            self.close_confirmed = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.exam_running() and not self.close_confirmed:
            event.ignore()
            self.ask_close()
            return
        self.shutdown()
        super().closeEvent(event)
        event.accept()
