"""System check: camera, microphone, speaker (typed beep digits), bandwidth."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from client.core.camera_check import CameraJudge
from client.core.environment import EnvironmentReport, check_environment
from client.core.netcheck import meets_minimum
from exam_packages.errors import EmtihanError

from ..audio import MicLevelMeter, TonePlayer, digit_beeps_pcm, new_digits
from ..backend import StudentBackend
from ..camera import CameraStats
from ..errors import error_source
from ..i18n import Lazy, TextBinder
from ..workers import TaskHandle, run_task
from .common import Page, set_status

CHECK_NAMES = {"camera": "Camera", "microphone": "Microphone", "speaker": "Speaker",
               "bandwidth": "Connection", "environment": "Other programs"}
VOICE_LEVEL = 0.02  # RMS, about -34 dBFS: speaking near a headset microphone


class ChecksPage(Page):
    def __init__(self, backend: StudentBackend, binder: TextBinder) -> None:
        super().__init__(binder, "System check",
                         "We check your camera, headset and connection before the exam.")
        self.backend = backend
        self.required: dict[str, Any] = {"camera": True, "headset": True,
                                         "min_bandwidth_kbps": 512}
        self.results: dict[str, tuple[bool, dict[str, Any]]] = {}
        self.task: TaskHandle | None = None
        self.digits = ""
        self.judge = CameraJudge()
        self.meter = MicLevelMeter(self)
        self.player = TonePlayer(self)
        self.meter.level.connect(self.mic_level)
        self.meter.user_message.connect(lambda t: self._show(self.mic_result, t, "fail"))
        self.player.user_message.connect(lambda t: self._show(self.speaker_result, t, "fail"))
        grid = QGridLayout()
        grid.addWidget(self._camera_box(), 0, 0, 2, 1)
        grid.addWidget(self._headset_box(), 0, 1)
        grid.addWidget(self._bandwidth_box(), 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.layout_.addLayout(grid, 1)
        self.player.finished.connect(self.answer.setFocus)
        self.continue_button = QPushButton()
        binder.bind(self.continue_button.setText, "&Continue")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.finish)
        self.summary = self.message_label()
        self.layout_.addLayout(self._environment_row())
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.continue_button)
        self.layout_.addLayout(row)
        self._update_continue()

    # -- building ----------------------------------------------------------------------------
    def _box(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox()
        self.binder.bind(box.setTitle, title)
        return box, QVBoxLayout(box)

    def _camera_box(self) -> QGroupBox:
        box, lay = self._box("Camera")
        self.preview = QLabel()
        self.preview.setMinimumSize(360, 220)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("preview")
        self.camera_facts = QLabel()
        self.camera_result = self.message_label()
        self.binder.bind(self.camera_result.setText, "Waiting for the camera…")
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.camera_facts)
        lay.addWidget(self.camera_result)
        return box

    def _headset_box(self) -> QGroupBox:
        box, lay = self._box("Headset")
        self.mic_label = QLabel()
        self.binder.bind(self.mic_label.setText, "Microphone: say a few words.")
        self.mic_bar = QProgressBar()
        self.mic_bar.setRange(0, 100)
        self.mic_bar.setTextVisible(False)
        self.mic_bar.setAccessibleName("microphone level")
        self.mic_result = self.message_label()
        self.play_button = QPushButton()
        self.binder.bind(self.play_button.setText, "&Play test sound")
        self.play_button.clicked.connect(self.play_digits)
        self.speaker_label = QLabel()
        self.speaker_label.setWordWrap(True)
        self.binder.bind(self.speaker_label.setText,
                         "Speaker: each digit is played as that many beeps. "
                         "Type the digits you count:")
        self.answer = QLineEdit()
        self.answer.setMaxLength(6)
        self.answer.setAccessibleName("digits heard")
        self.answer.returnPressed.connect(self.check_digits)
        self.check_button = QPushButton()
        self.binder.bind(self.check_button.setText, "Chec&k")
        self.check_button.clicked.connect(self.check_digits)
        self.speaker_result = self.message_label()
        self.cannot_hear_button = QPushButton()
        self.binder.bind(self.cannot_hear_button.setText, "I &cannot hear the sound")
        self.cannot_hear_button.clicked.connect(self.cannot_hear)
        row = QHBoxLayout()
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.cannot_hear_button)
        for w in (self.mic_label, self.mic_bar, self.mic_result, self.speaker_label,
                  self.play_button):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addWidget(self.speaker_result)
        return box

    def _bandwidth_box(self) -> QGroupBox:
        box, lay = self._box("Connection")
        self.bw_button = QPushButton()
        self.binder.bind(self.bw_button.setText, "&Measure connection speed")
        self.bw_button.clicked.connect(self.measure_bandwidth)
        self.bw_bar = QProgressBar()
        self.bw_result = self.message_label()
        lay.addWidget(self.bw_button)
        lay.addWidget(self.bw_bar)
        lay.addWidget(self.bw_result)
        return box

    def _environment_row(self) -> QHBoxLayout:
        """Running programs (issue 13): shown only when something was found."""
        self.env_check = check_environment  # (policy) -> EnvironmentReport, in a worker
        self.env_task: TaskHandle | None = None
        self.env_report: EnvironmentReport | None = None
        self.env_policy: dict[str, Any] = {}
        self.env_result = self.message_label()
        self.env_button = QPushButton()
        self.binder.bind(self.env_button.setText, "Check &again")
        self.env_button.clicked.connect(self.check_environment)
        row = QHBoxLayout()
        row.addWidget(self.env_result, 1)
        row.addWidget(self.env_button)
        self.env_result.hide()
        self.env_button.hide()
        return row

    # -- life cycle ------------------------------------------------------------------------
    def set_policy(self, policy: dict[str, Any]) -> None:
        self.required = dict(policy.get("required_checks", self.required))
        self.env_policy = policy
        self.check_environment()
        self._update_continue()

    def start_audio(self) -> None:
        self.meter.start()

    def stop_audio(self) -> None:
        self.meter.stop()
        self.player.stop()

    def _show(self, label: QLabel, text: str, state: str, **kw: Any) -> None:
        self.binder.bind(label.setText, text, **kw)
        set_status(label, state)

    def _set(self, name: str, passed: bool, details: dict[str, Any]) -> None:
        self.results[name] = (passed, details)
        self._update_continue()

    # -- camera ---------------------------------------------------------------------------
    def show_frame(self, image: QImage) -> None:
        if not self.isVisible():
            return
        pix = QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pix)

    def camera_stats(self, stats: CameraStats) -> None:
        ok, hints = self.judge.add(time.monotonic(), stats)  # over the last 2 s, no flicker
        faces = "?" if stats.faces is None else str(stats.faces)
        self.binder.bind(self.camera_facts.setText,
                         "{w}×{h}, {fps} frames/s, brightness {b}/255, faces: {faces}",
                         w=stats.width, h=stats.height, fps=f"{stats.fps:.0f}",
                         b=f"{stats.brightness:.0f}", faces=faces)
        if ok:
            self._show(self.camera_result, "Camera OK.", "ok")
        else:
            self._show(self.camera_result, "{hints}", "fail",
                       hints=Lazy("\n".join(hints)))  # re-translated on a switch
        self._set("camera", ok, {"width": stats.width, "height": stats.height,
                                 "fps": round(stats.fps), "brightness": round(stats.brightness),
                                 "faces": stats.faces, "hints": hints})

    def camera_error(self, text: str) -> None:
        self._show(self.camera_result, "{why}", "fail", why=Lazy(text))
        self._set("camera", False, {"error": text})

    # -- headset --------------------------------------------------------------------------
    def mic_level(self, level: float) -> None:
        self.mic_bar.setValue(min(100, int(level * 400)))
        if level >= VOICE_LEVEL and not self.results.get("microphone", (False,))[0]:
            self._show(self.mic_result, "Microphone OK: we hear you.", "ok")
            self._set("microphone", True, {"peak_rms": round(level, 3)})
        elif "microphone" not in self.results:
            self._show(self.mic_result,
                       "No sound yet: unmute the microphone or pick the headset in your "
                       "system sound settings.", "warn")

    def play_digits(self, digits: str | None = None) -> None:
        self.digits = digits or new_digits(3)
        self.answer.clear()
        self._show(self.speaker_result, "Listen and count…", "")
        self.player.play(digit_beeps_pcm(self.digits))

    def check_digits(self) -> None:
        if not self.digits:
            self._show(self.speaker_result, "Press “Play test sound” first.", "warn")
            return
        typed = "".join(ch for ch in self.answer.text() if ch.isdigit())
        ok = typed == self.digits
        if ok:
            self._show(self.speaker_result, "Speaker OK.", "ok")
        else:
            self._show(self.speaker_result,
                       "Not quite. Turn the volume up, check that the sound goes to your "
                       "headset, and play the sound again.", "fail")
        self._set("speaker", ok, {"typed_correctly": ok})

    def cannot_hear(self) -> None:
        """The student says the speaker does not work: not a pass, a flag for the
        invigilator (the exam may go on; the check is recorded as failed and declared)."""
        self._show(self.speaker_result,
                   "Noted: you cannot hear the test sound. You may continue; this is recorded "
                   "for the invigilator. Audio instructions during the exam will not reach you.",
                   "warn")
        self._set("speaker", False, {"typed_correctly": False, "student_declared": True,
                                     "cannot_hear": True})

    # -- bandwidth ---------------------------------------------------------------------------
    def measure_bandwidth(self) -> None:
        self.bw_button.setEnabled(False)
        self._show(self.bw_result, "Measuring…", "")
        self.task = run_task(self.backend.measure_bandwidth_kbps, self._bandwidth_done,
                             self._bandwidth_failed, self._bandwidth_progress)

    def _bandwidth_progress(self, done: int, total: int) -> None:
        self.bw_bar.setMaximum(total or 0)
        self.bw_bar.setValue(done)

    def _bandwidth_done(self, kbps: float) -> None:
        self.bw_button.setEnabled(True)
        need = int(self.required.get("min_bandwidth_kbps", 0) or 0)
        ok = meets_minimum(kbps, need)
        if ok:
            self._show(self.bw_result, "{kbps} kbit/s — enough (needed: {need}).", "ok",
                       kbps=int(kbps), need=need)
        else:
            self._show(self.bw_result,
                       "{kbps} kbit/s — too slow (needed: {need}). Move closer to the Wi-Fi "
                       "router or use a cable, and stop other downloads.", "fail",
                       kbps=int(kbps), need=need)
        self._set("bandwidth", ok, {"kbps": int(kbps), "required_kbps": need})

    def _bandwidth_failed(self, text: str) -> None:
        self.bw_button.setEnabled(True)
        self._show(self.bw_result, "{why}", "fail", why=Lazy(text))
        self._set("bandwidth", False, {"error": text})

    # -- running programs ---------------------------------------------------------------
    def check_environment(self) -> None:
        busy = self.env_task is not None and self.env_task.pending
        if busy:
            return
        self.env_report = None
        self.env_button.setEnabled(False)
        policy = self.env_policy
        self.env_task = run_task(lambda _p: self.env_check(policy), self._env_done,
                                 self._env_failed)
        self._update_continue()

    def _env_done(self, report: EnvironmentReport) -> None:
        from ..exam_mode import findings_text

        self.env_report = report
        self.env_button.setEnabled(True)
        blocking, flagged = report.blocking(), report.flagged()
        if blocking:
            self._show(self.env_result, "Please close these programs, then press “Check "
                       "again”: {names}", "fail", names=findings_text(blocking))
        elif flagged:
            self._show(self.env_result, "Found and recorded for the invigilator: {names}",
                       "warn", names=findings_text(flagged))
        self.env_result.setVisible(bool(blocking or flagged))
        self.env_button.setVisible(bool(blocking))
        self._set("environment", not (blocking or flagged), report.to_dict())

    def _env_failed(self, text: str) -> None:  # the scan itself failed: not the student's
        self.env_report = EnvironmentReport()
        self.env_button.setEnabled(True)
        self._set("environment", True, {"error": text})

    # -- done ------------------------------------------------------------------------------
    def missing(self) -> list[str]:
        need = [n for n, key in (("camera", "camera"), ("microphone", "headset"),
                                 ("speaker", "headset"), ("bandwidth", "min_bandwidth_kbps"))
                if self.required.get(key)]
        missing = [n for n in need if not self._passed_or_declared(n)]
        if self.env_report is None and self.env_task is not None or (
                self.env_report is not None and self.env_report.blocking()):
            missing += ["environment"]
        return missing

    def _passed_or_declared(self, name: str) -> bool:
        passed, details = self.results.get(name, (False, {}))
        return passed or bool(details.get("student_declared"))

    def _update_continue(self) -> None:
        missing = self.missing()
        self.continue_button.setEnabled(not missing)
        if missing:
            self._show(self.summary, "Still to pass: {names}", "",
                       names=", ".join(Lazy(CHECK_NAMES[n]).__str__() for n in missing))
        else:
            self._show(self.summary, "All checks passed.", "ok")

    def finish(self) -> None:
        if self.missing():
            return
        try:
            for name, (passed, details) in self.results.items():
                self.backend.record_check(name, passed, details)
            self.backend.finish_checks()
        except EmtihanError as exc:
            self._show(self.summary, "{why}", "fail", why=Lazy(error_source(exc)))
            return
        self.stop_audio()
        self.completed.emit()
