"""Walk the whole student flow with the fake backend and save a PNG of every step.

    QT_QPA_PLATFORM=offscreen python -m tests.support.screenshots [--out docs/screenshots]
        [--camera CLIP] [--id-image JPG]
    (or under ``xvfb-run``)

The camera is a video file (the shared Hamilton clip by default); audio levels
are simulated (a screenshot run has no sound card), everything else is the real
UI code.  :class:`FlowDriver` is reused by the tests.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from client.ui.backend import IdentityDecision
from client.ui.camera import default_face_counter, open_camera
from client.ui.i18n import I18n
from client.ui.window import StudentWindow
from tests.support.clocks import FakeClock
from tests.support.fake_backend import FakeBackend

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared" / "faces"
CLIP = SHARED / "face_recognition" / "examples" / "short_hamilton_clip.mp4"
ID_IMAGE = SHARED / "id_docs" / "passporteye" / "100_pass-cze2.jpg"


def wait_until(cond: Callable[[], bool], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("the UI did not reach the expected state in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


class FlowDriver:
    """Drives a :class:`StudentWindow` through the steps like a student would."""

    def __init__(self, window: StudentWindow, backend: FakeBackend, clock: FakeClock) -> None:
        self.w = window
        self.backend = backend
        self.clock = clock

    def sign_in(self, proceed: bool = True) -> None:
        page = self.w.signin
        page.server.setText("https://exams.university.kz")
        page.exam.setText("phys-101-final")
        page.student.setText("s-2026-0042")
        page.code.setText("7Q4-KD9")
        page.sign_in_button.click()
        wait_until(lambda: page.exams.count() > 0)
        page.download_button.click()
        wait_until(lambda: page.report is not None)
        if proceed:
            page.continue_button.click()

    def checks(self, with_camera: bool = True) -> None:
        page = self.w.checks
        if with_camera:
            wait_until(lambda: page.results.get("camera", (False,))[0], 30)
        else:
            page.results["camera"] = (True, {"simulated": True})
        page.mic_level(0.12)  # simulated: no sound card in a screenshot run
        page.play_digits("314")
        page.answer.setText("314")
        page.check_digits()
        page.measure_bandwidth()
        wait_until(lambda: "bandwidth" in page.results)

    def consent(self) -> None:
        self.w.consent.agree.setChecked(True)

    def identity(self, id_image: Path) -> None:
        page = self.w.identity
        page.load_id_file(id_image)
        page.start_liveness()
        wait_until(lambda: page.decision is not None, 30)

    def answer_all(self) -> None:
        exam = self.w.exam
        for i, widget in enumerate(exam.widgets):
            exam.go(i)
            kind = widget.question["type"]
            if kind in ("single", "multiple"):
                list(widget.buttons.values())[0].click()  # type: ignore[attr-defined]
            elif kind == "truefalse":
                widget.true_button.click()  # type: ignore[attr-defined]
            elif kind in ("short", "numeric", "essay"):
                text = {"short": "Irtysh", "numeric": "19.62"}.get(
                    kind, "When I push a wall, the wall pushes me back equally hard.")
                edit = widget.edit  # type: ignore[attr-defined]
                if hasattr(edit, "setPlainText"):
                    edit.setPlainText(text)
                else:
                    edit.setText(text)
                    edit.textEdited.emit(text)
            elif kind == "matching":
                for combo in widget.combos.values():  # type: ignore[attr-defined]
                    combo.setCurrentIndex(1)
            elif kind == "ordering":
                widget.move_item(1)  # type: ignore[attr-defined]


def _save(window: StudentWindow, out: Path, name: str) -> Path:
    QCoreApplication.processEvents()
    path = out / f"{name}.png"
    window.grab().save(str(path))
    print(f"saved {path}")
    return path


def _make(camera: Path | None, face_counter: bool) -> tuple[StudentWindow, FakeBackend,
                                                            FakeClock, I18n]:
    clock = FakeClock()
    backend = FakeBackend(clock, duration_s=5400)
    i18n = I18n()
    i18n.set_language("en")
    window = StudentWindow(
        backend, i18n,
        open_camera=None if camera is None else (lambda: open_camera(str(camera))),
        face_counter=default_face_counter() if face_counter else None)
    window.resize(1100, 760)
    window.show()
    return window, backend, clock, i18n


def _before_exam(d: FlowDriver, out: Path, id_image: Path) -> list[Path]:
    w = d.w
    d.sign_in(proceed=False)
    shots = [_save(w, out, "01_sign_in")]
    w.signin.continue_button.click()
    wait_until(lambda: w.stack.currentWidget() is w.checks)
    d.checks()
    shots.append(_save(w, out, "02_system_check"))
    w.checks.continue_button.click()
    wait_until(lambda: w.stack.currentWidget() is w.consent)
    d.consent()
    shots.append(_save(w, out, "03_consent"))
    w.consent.accept_button.click()
    d.backend.identity_decisions = [IdentityDecision(
        "reject", "Your face is too dark to compare: turn on a light in front of you.", 2)]
    d.identity(id_image)
    shots.append(_save(w, out, "04a_identity_retry"))
    w.identity.decision = None
    w.identity.retry_button.click()
    wait_until(lambda: w.identity.decision is not None, 30)
    shots.append(_save(w, out, "04b_identity_confirmed"))
    w.identity.continue_button.click()
    wait_until(lambda: bool(w.exam.widgets))
    return shots


def _exam_and_hand_in(d: FlowDriver, out: Path, i18n: I18n) -> list[Path]:
    w, exam = d.w, d.w.exam
    d.answer_all()
    exam.go(3)  # the paper order is reversed: index 3 is the numeric question with a picture
    exam.flag_button.click()
    shots = [_save(w, out, "05a_exam_numeric_image")]
    exam.go(0)
    shots.append(_save(w, out, "05b_exam_ordering"))
    d.clock.advance(5400 - 590)
    exam.tick()
    exam.go(1)
    shots.append(_save(w, out, "05c_exam_matching_10min_warning"))
    i18n.set_language("kk")
    exam.go(5)
    shots.append(_save(w, out, "05d_exam_kazakh"))
    i18n.set_language("ru")
    exam.go(2)
    exam.ask_finish()
    shots.append(_save(w, out, "05e_exam_russian_hand_in_confirm"))
    i18n.set_language("en")
    d.backend.offline_uploads = 1
    exam.hand_in_button.click()
    wait_until(lambda: w.handin.offline)
    shots.append(_save(w, out, "06a_hand_in_offline"))
    w.handin.retry_button.click()
    wait_until(lambda: w.handin.receipt is not None)
    shots.append(_save(w, out, "06b_hand_in_receipt"))
    return shots


def run(out: Path, camera: Path, id_image: Path) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    window, backend, clock, i18n = _make(camera, face_counter=True)
    driver = FlowDriver(window, backend, clock)
    try:
        shots = _before_exam(driver, out, id_image)
        shots += _exam_and_hand_in(driver, out, i18n)
    finally:
        window.shutdown()
        window.close()
    window2, _backend2, _clock, i18n2 = _make(None, face_counter=False)
    try:
        window2.consent.load()
        window2.consent.answer(False)
        shots.append(_save(window2, out, "07_declined"))
        i18n2.set_language("kk")
        window2.show_step(0)
        shots.append(_save(window2, out, "08_sign_in_kazakh"))
        i18n2.set_language("ru")
        shots.append(_save(window2, out, "09_sign_in_russian"))
        i18n2.set_language("en")
    finally:
        window2.shutdown()
        window2.close()
        app.processEvents()
    return shots


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    p.add_argument("--camera", type=Path, default=CLIP)
    p.add_argument("--id-image", type=Path, default=ID_IMAGE)
    args = p.parse_args(argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    run(args.out, args.camera, args.id_image)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
