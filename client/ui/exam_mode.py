"""The disclosed exam mode (issue 13): full screen, on top, clipboard, running software.

While the exam runs the window is full screen on the primary screen and stays on top;
after the student leaves it, it asks to come back once (``reassert``).  The time outside
is recorded by the window (``focus_lost``) with a downscaled picture of the desktop taken
while outside; the student is told in words.  The clipboard is cleared at start and end;
copying and pasting inside the exam works, pasting text from outside is refused and
recorded.  Every ``scan_interval_s`` a worker lists running software
(``client.core.environment``); new findings are recorded as flags with a screenshot.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from client.core.environment import Finding, PeriodicScan
from exam_packages.errors import EmtihanError

from .backend import StudentBackend
from .i18n import LazyCall, tr
from .pages.exam import ExamPage
from .workers import TaskHandle, run_task

log = logging.getLogger(__name__)
SHOT_WIDTH = 480  # px: a thumbnail of the desktop, ~15-30 KB as JPEG
SHOT_QUALITY = 60
REASSERT_AFTER_MS = 1500
COVER_CHECK_MS = 500  # then the window manager has had its chance to go full screen
SETTLE_S = 1.0  # window-state changes of entering full screen are not "leaving"
CATEGORY_NAMES = {"remote_control": "remote control", "screen_sharing": "screen sharing",
                  "recording": "screen recording", "virtual_machine": "virtual machine"}
TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit)


def grab_desktop_jpeg(width: int = SHOT_WIDTH) -> bytes | None:
    """A downscaled JPEG of the primary screen's whole desktop (None if unavailable)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return None
    pix = screen.grabWindow(0)
    if pix.isNull():
        return None
    if pix.width() > width:
        pix = pix.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = pix.save(buf, "JPEG", SHOT_QUALITY)
    return bytes(buf.data().data()) if ok else None


def findings_text(findings: list[Finding]) -> LazyCall:
    """"AnyDesk (remote control), OBS (screen recording)", translated when shown; the
    signs of a virtual machine are one entry ("virtual machine")."""
    def text() -> str:
        parts = [f"{f.name} ({tr(CATEGORY_NAMES.get(f.category, f.category))})"
                 for f in findings if f.category != "virtual_machine"]
        if any(f.category == "virtual_machine" for f in findings):
            parts.append(tr("virtual machine"))
        return ", ".join(parts)
    return LazyCall(text)


class ExamClipboard(QObject):
    """Copy/paste inside the exam page only; outside text is refused and recorded."""

    def __init__(self, page: ExamPage, backend: StudentBackend) -> None:
        super().__init__(page)
        self.page = page
        self.backend = backend
        self.internal = ""
        self.refused = 0

    def start(self) -> None:
        QGuiApplication.clipboard().clear()
        self.internal = ""
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        QGuiApplication.clipboard().clear()
        self.internal = ""

    def remember(self) -> None:
        self.internal = QGuiApplication.clipboard().text()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(obj, TEXT_WIDGETS) or not self.page.isAncestorOf(obj):
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Copy) or event.matches(
                    QKeySequence.StandardKey.Cut):
                QTimer.singleShot(0, self.remember)  # after the widget has copied
            elif event.matches(QKeySequence.StandardKey.Paste):
                return self._paste_allowed() is False
        elif kind == QEvent.Type.ContextMenu:
            return True  # its Paste would bypass the check; keys work inside the exam
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.MiddleButton:
            return True  # X11 selection paste
        return False

    def _paste_allowed(self) -> bool:
        text = QGuiApplication.clipboard().text()
        if not text or text == self.internal:
            return True
        self.refused += 1
        try:
            self.backend.record_integrity("paste_refused", {"chars": len(text)})
        except EmtihanError as exc:
            log.warning("paste refusal not recorded: %s", exc.user_message)
        self.page.show_notice("Pasting text from outside the exam is not allowed; "
                              "this is recorded.")
        return False


class ExamMode(QObject):
    # False keeps the window's size (the scale-2 layout test: Qt's offscreen platform gives a
    # full-screen window the screen's device-pixel size under QT_SCALE_FACTOR)
    full_screen = True

    def __init__(self, window: QWidget, backend: StudentBackend, page: ExamPage) -> None:
        super().__init__(window)
        self.window = window
        self.backend = backend
        self.page = page
        self.active = False
        self.normal_geometry = QByteArray()
        self.settle_until = 0.0
        self.shot: bytes | None = None
        self.scanner: PeriodicScan | None = None
        self.scan_task: TaskHandle | None = None
        self.clipboard = ExamClipboard(page, backend)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.scan)
        self.reassert_timer = QTimer(self)
        self.reassert_timer.setSingleShot(True)
        self.reassert_timer.setInterval(REASSERT_AFTER_MS)
        self.reassert_timer.timeout.connect(self.reassert)

    def start(self, policy: dict[str, Any]) -> None:
        self.active = True
        self.settle_until = time.monotonic() + SETTLE_S
        self.normal_geometry = self.window.saveGeometry()
        self.window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        handle = self.window.windowHandle()
        primary = QGuiApplication.primaryScreen()
        if handle is not None and primary is not None:
            handle.setScreen(primary)
        if self.full_screen:
            self.window.showFullScreen()
            QTimer.singleShot(COVER_CHECK_MS, self.cover_screen)
        else:
            self.window.show()
        self.clipboard.start()
        try:
            self.scanner = PeriodicScan(policy)
        except EmtihanError as exc:  # a policy the package check let through: defaults
            log.warning("environment policy: %s", exc.user_message)
            self.scanner = PeriodicScan({})
        self.timer.start(int(self.scanner.interval_s * 1000))
        self.scan()

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        self.timer.stop()
        self.reassert_timer.stop()
        self.clipboard.stop()
        self.window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)
        self.window.showNormal()
        self.window.restoreGeometry(self.normal_geometry)

    def cover_screen(self) -> None:
        """Full screen needs the window manager; where there is none (a bare X server,
        some kiosk set-ups) the window is given the whole primary screen itself."""
        primary = QGuiApplication.primaryScreen()
        if not self.active or primary is None or self.window.geometry() == primary.geometry():
            return
        log.info("full screen not applied by the window manager: covering the screen")
        self.window.setGeometry(primary.geometry())

    def settling(self) -> bool:
        return time.monotonic() < self.settle_until

    # -- leaving the window ----------------------------------------------------------------
    def left(self) -> None:
        """The window lost activation: take the desktop picture shortly, ask back later."""
        if self.active:
            QTimer.singleShot(300, self._grab_outside)
            self.reassert_timer.start()

    def _grab_outside(self) -> None:
        if self.active and not self.window.isActiveWindow():
            self.shot = grab_desktop_jpeg()

    def back(self, seconds: float) -> bytes | None:
        """The student came back after ``seconds``: tell them; the picture for the record."""
        self.reassert_timer.stop()
        shot, self.shot = self.shot, None
        self.page.show_notice("You left the exam window for {seconds} s; this is recorded.",
                              seconds=int(round(seconds)))
        return shot

    def reassert(self) -> None:
        if not self.active or QApplication.activeModalWidget() is not None:
            return
        if not self.window.isFullScreen():
            self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()

    # -- running software ------------------------------------------------------------------
    def scan(self) -> None:
        busy = self.scan_task is not None and self.scan_task.qthread.isRunning()
        if self.scanner is None or busy or not self.active:
            return
        scanner = self.scanner
        self.scan_task = run_task(lambda _p: scanner.scan(), self._found, log.warning)

    def _found(self, findings: list[Finding]) -> None:
        if not findings or not self.active:
            return
        try:
            self.backend.record_integrity("environment_flag",
                                          {"findings": [f.to_dict() for f in findings]},
                                          thumbnail=grab_desktop_jpeg())
        except EmtihanError as exc:
            log.warning("environment flag not recorded: %s", exc.user_message)
        self.page.show_notice("Running during the exam: {names}. This is recorded for the "
                              "invigilator.", names=findings_text(findings))
