"""Drives the real ``emtihan-student`` window in its own process (offscreen Qt).

Started by ``test_student_e2e.py`` as ``python student_driver.py PHASE CONFIG_JSON``:

* ``first``: sign in, system check (the real camera on a video file, the real microphone
  meter on the test's PulseAudio, the speaker digits decoded from what the app played),
  consent, identity (a mismatching document; another document; "review", try again),
  every question answered with its model answer by clicks and keys, two flags; then the
  window's close button: "Go back", then "Close anyway".
* ``reopen``: a fresh process on the same data directory: sign in, back in the exam
  (answers + flags + time restored), one flag removed; then the test kills it (-9).
* ``resume``: again: sign in, back in the exam, hand in (confirmation), receipt, close.

Progress goes to stdout as ``@@TAG {json}`` lines; the test parses them.  The window is
the one ``client.ui.app.main`` builds from its command line (``--camera PATH`` etc.).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402 (after the env is set)
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

RATE = 16000


def say(tag: str, **data: Any) -> None:
    print(f"@@{tag} {json.dumps(data, default=str, sort_keys=True)}", flush=True)


def qwait(ms: int) -> None:
    """Run the event loop for ``ms``.  Not ``QTest.qWait``: it keeps the GIL while it
    waits, which starves the camera and worker threads (1 frame in 10 s here)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(cond: Callable[[], Any], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        qwait(20)


def shot(w: Any, name: str) -> None:
    """With EMTIHAN_SCREENSHOTS=DIR, save what the student sees now (docs/screenshots)."""
    folder = os.environ.get("EMTIHAN_SCREENSHOTS")
    if folder:
        qwait(150)
        w.grab().save(str(Path(folder) / f"path_{name}.png"))


def click(button: Any) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def the_window() -> Any:
    from client.ui.window import StudentWindow

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, StudentWindow)]
    assert len(found) == 1, found
    return found[0]


# -- audio: read back what the app plays ---------------------------------------------------
def decode_beep_digits(pcm: np.ndarray, rate: int = RATE) -> str:
    """Digits from recorded beeps: groups of 0.15 s beeps, digits split by 1 s pauses."""
    win = rate // 100  # 10 ms
    n = pcm.size // win
    if n == 0:
        return ""
    rms = np.sqrt(np.mean(np.square(pcm[: n * win].reshape(n, win)), axis=1))
    loud = rms > max(0.05, 0.3 * float(rms.max()))
    edges = np.flatnonzero(np.diff(loud.astype(np.int8)) == 1) + 1
    if loud[0]:
        edges = np.concatenate([[0], edges])
    digits, count, last = [], 0, None
    for start in edges:
        if last is not None and start - last > 60:  # > 0.6 s of quiet: next digit
            digits.append(str(count))
            count = 0
        count += 1
        last = start
    if count:
        digits.append(str(count))
    return "".join(digits)


def record_source(source: str, out: Path) -> subprocess.Popen[bytes]:
    """``parec`` into a file (a pipe would fill up after 2 s and parec would drop audio)."""
    cmd = ["parec", f"--device={source}", "--format=s16le", f"--rate={RATE}", "--channels=1",
           "--raw", "--latency-msec=20"]
    with out.open("wb") as sink:
        return subprocess.Popen(cmd, stdout=sink, stderr=subprocess.DEVNULL)


def speaker_check(w: Any, cfg: dict[str, Any]) -> None:
    checks = w.checks
    recording = Path(cfg["data_dir"]).parent / "speaker.raw"
    rec = record_source(cfg["pulse_source"], recording)
    qwait(300)
    click(checks.play_button)
    wait_until(lambda: checks.player.playing, 5, "the test sound to start")
    wait_until(lambda: not checks.player.playing, 20, "the test sound to finish")
    qwait(300)
    rec.terminate()
    rec.wait(10)
    raw = recording.read_bytes()
    pcm = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2").astype(np.float32) / 32768
    heard = decode_beep_digits(pcm)
    say("SPEAKER", played=checks.digits, heard=heard, recorded_s=round(pcm.size / RATE, 2))
    QTest.keyClicks(checks.answer, heard)
    click(checks.check_button)


# -- the steps -----------------------------------------------------------------------------
def sign_in(w: Any, code: str) -> None:
    w.signin.code.setText(code)
    click(w.signin.sign_in_button)
    wait_until(lambda: w.signin.exams.count() > 0, 20, "the exam list")


def system_check(w: Any, cfg: dict[str, Any]) -> None:
    click(w.signin.download_button)
    wait_until(w.signin.continue_button.isVisible, 30, "download + verification")
    say("PACKAGE", status=w.signin.status.text())
    shot(w, "01_sign_in_verified")
    click(w.signin.continue_button)
    checks = w.checks
    try:
        wait_until(lambda: checks.results.get("camera", (False,))[0], 40, "a passing camera")
    except TimeoutError:
        say("CAMERA_FAILED", facts=checks.camera_facts.text(),
            result=checks.camera_result.text(), details=checks.results.get("camera"))
        raise
    say("CAMERA", facts=checks.camera_facts.text(), result=checks.camera_result.text(),
        details=checks.results["camera"][1], frames=w.camera.frames_read)
    levels: list[float] = []
    checks.meter.level.connect(levels.append)
    silence = checks.results.get("microphone")
    if cfg["pulse_source"]:
        speaker_check(w, cfg)
    else:  # no PulseAudio here: the test skips its audio assertions and says why
        checks.mic_level(0.1)
        checks.play_digits("21")
        QTest.keyClicks(checks.answer, "21")
        click(checks.check_button)
        say("SPEAKER", played="21", heard="21", simulated=True)
    say("AUDIO", mic_before_sound=silence, microphone=checks.results.get("microphone"),
        mic_text=checks.mic_result.text(), loudest_level=max(levels, default=0.0),
        speaker=checks.results.get("speaker"), speaker_text=checks.speaker_result.text())
    click(checks.bw_button)
    wait_until(lambda: "bandwidth" in checks.results, 30, "the bandwidth measurement")
    say("BANDWIDTH", result=checks.results["bandwidth"], text=checks.bw_result.text())
    wait_until(checks.continue_button.isEnabled, 20, "every check to pass")
    shot(w, "02_system_check")
    click(checks.continue_button)
    say("CHECKS_DONE", step=w.backend.s.step.value, missing=checks.missing())


def consent(w: Any) -> None:
    wait_until(w.consent.isVisible, 10, "the consent page")
    shot(w, "03_consent")
    w.consent.agree.click()
    click(w.consent.accept_button)


def identity_try(w: Any, id_file: str, button: Any) -> dict[str, Any]:
    """One identity try: the document, then the liveness steps in front of the camera."""
    ident = w.identity
    load_document(w, id_file)
    ident.decision = None
    # the student starts when in front of the camera: the app's own face count says so
    wait_until(lambda: w.checks.results["camera"][1].get("faces") == 1, 30,
               "a face in front of the camera")
    click(button)
    wait_until(lambda: ident.decision is not None, 120, "the identity decision")
    records = [r for r in w.backend.s._log().records()
               if r["kind"] in ("identity_attempt", "identity_result")]
    summary = records[-1]["data"]
    return {"decision": ident.decision.decision, "retries_left": ident.decision.retries_left,
            "shown": ident.result.text(), "continue_enabled": ident.continue_button.isEnabled(),
            "retry_visible": ident.retry_button.isVisible(), "flagged": ident.flagged,
            "steps_shown": [label.text() for label in ident.step_labels],
            "steps_state": [label.property("state") for label in ident.step_labels],
            "logged_kind": records[-1]["kind"], "outcome": summary.get("outcome"),
            "distance": summary.get("distance"), "liveness": summary.get("liveness"),
            "review_band": summary.get("review_band"), "reasons": summary.get("reasons"),
            "core_step": w.backend.s.step.value}


def load_document(w: Any, path: str) -> None:
    """"Load from file…", then the path typed into Qt's file dialog and Enter."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    ident = w.identity

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, fill)
            return
        edit = dialog.findChild(QLineEdit, "fileNameEdit") or dialog.findChild(QLineEdit)
        edit.setFocus()
        edit.setText(path)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, fill)
    click(ident.file_button)
    wait_until(lambda: ident.id_image is not None, 10, "the document photo")


def identity(w: Any, cfg: dict[str, Any]) -> None:
    """A mismatching document, then another document (review: liveness cannot pass on a
    recording), then "review, try again" with the matching one once more; then continue."""
    ident = w.identity
    say("LIVENESS", frames_per_step=ident.frames_per_step, steps=ident.steps)
    wait_until(lambda: ident.last_frame is not None, 10, "a camera frame")
    say("ID_NONMATCH", **identity_try(w, cfg["id_nonmatch"], ident.live_button))
    shot(w, "04a_identity_mismatch")
    click(ident.retry_button)
    qwait(300)  # new labels are shown by the layout on the next turn of the event loop
    say("ID_RETRY", steps=ident.steps, document_cleared=ident.id_image is None,
        start_enabled=ident.live_button.isEnabled(),
        step_labels=[label.text() for label in ident.findChildren(QLabel, "step")
                     if not label.isHidden()])
    say("ID_MATCH", **identity_try(w, cfg["id_match"], ident.live_button))
    shot(w, "04b_identity_review")
    click(ident.retry_button)  # "review": the student may still try again
    say("ID_AGAIN", **identity_try(w, cfg["id_match"], ident.live_button))
    click(ident.continue_button)
    wait_until(lambda: w.backend.s.step.value != "consented", 10, "the identity result")
    say("ID_FINAL", identity=w.backend.s.identity, step=w.backend.s.step.value)


def exam(w: Any) -> None:
    """Every question on the paper answered with its model answer by clicks and keys;
    two flagged; navigation by the navigator and Previous/Next."""
    from exam_packages.grading import model_answers
    from tests.acceptance.actions import answer_like_a_student

    page = w.exam
    wait_until(lambda: bool(page.widgets), 30, "the exam")
    model = model_answers(w.backend.s.exam_doc)
    for i in reversed(range(len(page.widgets))):  # the navigator, from the last question
        click(page.nav_buttons[i])
        assert page.current == i
        widget = page.widgets[i]
        answer = model.get(page.ids[i], "Күш = масса × үдеу: F = m·a.")
        answer_like_a_student(widget, answer)
    click(page.nav_buttons[0])
    click(page.flag_button)
    click(page.next_button)
    click(page.flag_button)
    click(page.prev_button)
    wait_until(lambda: "saved" in page.autosave_label.text(), 10, "the autosave note")
    shot(w, "05a_exam")
    core = w.backend.s
    answers = {q: a for q, a in page.answers().items() if a is not None}
    say("SAVED", answers=answers, kinds={q: wd.question["type"] for q, wd in
                                         zip(page.ids, page.widgets, strict=True)},
        flags=sorted(page.flags), core_answers=core.answers, core_flags=sorted(core.flags),
        remaining=w.backend.remaining_s(), clock=page.clock_label.text(),
        autosave_note=page.autosave_label.text(), attempt_id=core.attempt_id,
        questions=len(page.ids), nav=[b.text() for b in page.nav_buttons],
        autosave_files=sorted(
            p.name for p in core.attempt_dir.iterdir() if p.name.startswith("autosave")))


def close_with_confirmation(w: Any) -> None:
    """The window's close button mid-exam: "Go back" first, then "Close anyway"."""
    def press(which: str) -> None:
        box = w.close_prompt
        assert box is not None and box.isVisible(), "no question before closing"
        button = next(b for b in box.buttons() if which in b.text())
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    w.close()
    box = w.close_prompt
    say("CLOSE_PROMPT", text=box.text(), default=box.defaultButton().text(),
        buttons=[b.text() for b in box.buttons()])
    shot(box, "05b_close_mid_exam")
    press("Go back")
    wait_until(lambda: w.close_prompt is None, 5, "the question to close")
    say("STILL_OPEN", visible=w.isVisible(), exam_running=w.exam_running())
    say("CLOSING", remaining=w.backend.remaining_s(), wall=time.time())
    w.close()
    press("Close anyway")


def phase_first(cfg: dict[str, Any]) -> None:
    w = the_window()
    sign_in(w, cfg["access_code"])
    system_check(w, cfg)
    consent(w)
    identity(w, cfg)
    exam(w)
    close_with_confirmation(w)


def resumed(w: Any, tag: str) -> Any:
    page = w.exam
    wait_until(lambda: bool(page.widgets), 90, "the resumed exam")
    core = w.backend.s
    qwait(600)  # at least one countdown tick
    say(tag, answers={q: a for q, a in page.answers().items() if a is not None},
        flags=sorted(page.flags), remaining=w.backend.remaining_s(), wall=time.time(),
        clock=page.clock_label.text(), step=w.steps.current, attempt_id=core.attempt_id,
        warnings=core.warnings, resumed_logged=sum(
            r["kind"] == "resumed" for r in core._log().records()))
    return page


def phase_reopen(cfg: dict[str, Any]) -> None:
    w = the_window()
    sign_in(w, cfg["access_code"])
    page = resumed(w, "REOPENED")
    click(page.nav_buttons[1])
    click(page.flag_button)  # un-flag the second question
    wait_until(lambda: w.backend.s.flags == [page.ids[0]], 5, "the flag change saved")
    say("READY_TO_KILL", pid=os.getpid(), flags=w.backend.s.flags)
    wait_until(lambda: False, 600, "the test to kill this process")


def phase_resume(cfg: dict[str, Any]) -> None:
    w = the_window()
    sign_in(w, cfg["access_code"])
    page = resumed(w, "RESUMED")
    click(page.finish_button)
    wait_until(page.hand_in_button.isVisible, 5, "the hand-in confirmation")
    shot(w, "05c_hand_in_confirmation")
    focus = w.focusWidget()  # the window's focus widget (the window may not be active)
    say("CONFIRM", text=page.confirm_text.text(),
        focus=focus.text() if focus is not None and hasattr(focus, "text") else None)
    click(page.hand_in_button)
    wait_until(lambda: w.handin.receipt is not None, 60, "the receipt")
    r = w.handin.receipt
    shot(w, "06_receipt")
    say("RECEIPT", attempt_id=r.attempt_id, sha256=r.sha256, receipt_id=r.receipt_id,
        signature_valid=r.signature_valid, shown=w.handin.receipt_view.toPlainText(),
        status=w.handin.status.text(), core_step=w.backend.s.step.value)
    click(w.handin.close_button)


def phase_after(cfg: dict[str, Any]) -> None:
    """Signing in again after the hand-in: straight to the kept receipt."""
    w = the_window()
    sign_in(w, cfg["access_code"])
    wait_until(lambda: w.handin.receipt is not None, 60, "the kept receipt")
    r, core = w.handin.receipt, w.backend.s
    say("AFTER", sha256=r.sha256, attempt_id=r.attempt_id, step=w.steps.current,
        files=sorted(str(p.relative_to(core.attempt_dir)) for p in core.attempt_dir.rglob("*")
                     if p.is_file()))
    click(w.handin.close_button)


PHASES = {"first": phase_first, "reopen": phase_reopen, "resume": phase_resume,
          "after": phase_after}


def run(phase: str, cfg: dict[str, Any]) -> int:
    from client.ui.app import main
    from client.ui.workers import running_threads

    failed: list[str] = []

    def script() -> None:
        try:
            PHASES[phase](cfg)
        except Exception:
            failed.append(traceback.format_exc())
            say("ERROR", traceback=failed[-1])
            QApplication.instance().exit(3)

    QTimer.singleShot(0, script)
    code = main(["--server", cfg["server"], "--exam", cfg["exam_id"], "--student",
                 cfg["student_id"], "--camera", cfg["camera"], "--data-dir", cfg["data_dir"],
                 "--trust", cfg["trust"], "--lang", "en"])
    left = running_threads()
    say("THREADS", running=len(left), exit_code=code)
    return 3 if failed else (4 if left else code)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], json.loads(sys.argv[2])))
