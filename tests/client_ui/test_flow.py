"""The whole student window driven like a student would, against the fake backend."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from client.core.environment import EnvironmentReport
from client.ui.backend import IdentityDecision
from client.ui.i18n import I18n
from client.ui.window import StudentWindow
from tests.support.clocks import FakeClock
from tests.support.fake_backend import FakeBackend
from tests.support.screenshots import FlowDriver

from .conftest import CLIP, FACES

ID_IMAGE = FACES / "id_docs" / "passporteye" / "100_pass-cze2.jpg"


@pytest.fixture()
def flow(qtbot):
    clock = FakeClock()
    backend = FakeBackend(clock, duration_s=1800)
    i18n = I18n()
    w = StudentWindow(backend, i18n, open_camera=None)
    # this machine's own processes and VM are not what these tests are about (see
    # test_exam_mode.py for the real scan)
    w.checks.env_check = lambda _policy: EnvironmentReport()
    qtbot.addWidget(w)
    w.show()
    yield FlowDriver(w, backend, clock)
    w.shutdown()


def _signed_in(qtbot, d):
    page = d.w.signin
    page.server.setFocus()
    qtbot.keyClicks(page.server, "http://127.0.0.1:8000")
    qtbot.keyClick(page.server, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), "phys-101-final")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), "s-42")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(page.focusWidget(), "code-1")
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.exams.count() == 2, timeout=5000)
    return page


def test_sign_in_with_keyboard_then_download(qtbot, flow):
    page = _signed_in(qtbot, flow)
    assert flow.backend.signed_in_as == ("http://127.0.0.1:8000", "phys-101-final", "s-42")
    assert page.exams.currentItem().text().startswith("Physics 101")
    qtbot.keyClick(page.exams, Qt.Key.Key_Return)  # activating the exam downloads it
    qtbot.waitUntil(page.continue_button.isVisible, timeout=5000)
    assert flow.w.stack.currentWidget() is page  # the verification result is shown first
    assert page.focusWidget() is page.continue_button
    qtbot.keyClick(page.continue_button, Qt.Key.Key_Space)
    assert flow.w.stack.currentWidget() is flow.w.checks
    assert page.progress.value() == page.progress.maximum() == 8 * 65536
    assert "version 3" in page.status.text() and flow.w.steps.current == 1


def test_sign_in_needs_all_fields(qtbot, flow):
    page = flow.w.signin
    page.server.setText("http://127.0.0.1:8000")
    page.sign_in_button.click()
    assert page.status.text() == "Please fill in all four fields."
    assert flow.backend.signed_in_as is None and page.exams.count() == 0


def test_sign_in_failure_is_shown(qtbot, flow):
    flow.backend.fail_sign_in = "The access code is wrong."
    page = flow.w.signin
    for field, text in ((page.server, "http://x"), (page.exam, "e"), (page.student, "s"),
                        (page.code, "c")):
        field.setText(text)
    page.sign_in_button.click()
    qtbot.waitUntil(page.sign_in_button.isEnabled, timeout=5000)
    # shown by the error's code, in words the student can act on (client/ui/errors.py)
    assert page.status.text() == ("The student ID or access code is not right. Check your "
                                  "exam invitation and try again.")
    assert page.exams.count() == 0 and flow.w.steps.current == 0


def test_interrupted_download_resumes(qtbot, flow):
    flow.backend.download_failures = 1
    page = _signed_in(qtbot, flow)
    page.download_button.click()
    qtbot.waitUntil(page.download_button.isEnabled, timeout=5000)
    assert page.status.text() == ("No connection to the exam server. Check your internet "
                                  "connection and try again.")
    assert page.download_button.text() == "&Resume download" and page.report is None
    assert page.progress.value() == 4 * 65536
    page.download_button.click()
    qtbot.waitUntil(lambda: page.report is not None, timeout=5000)
    assert flow.backend.downloaded_bytes == 8 * 65536  # continued, not restarted


def test_failed_verification_does_not_continue(qtbot, flow):
    flow.backend.verification_error = "The exam package is not signed by a trusted author."
    page = _signed_in(qtbot, flow)
    page.download_button.click()
    qtbot.waitUntil(page.download_button.isEnabled, timeout=5000)
    assert page.status.text() == ("This exam file is not signed by a trusted exam author. It "
                                  "was not used; contact your exam office.")
    assert page.report is None and flow.w.stack.currentWidget() is page
    assert not page.continue_button.isVisible()


def test_checks_gate_continue_and_record_results(qtbot, flow):
    flow.sign_in()
    checks = flow.w.checks
    qtbot.waitUntil(lambda: checks.env_report is not None, timeout=5000)
    assert not checks.continue_button.isEnabled()
    assert checks.summary.text() == "Still to pass: Camera, Microphone, Speaker, Connection"
    flow.checks(with_camera=False)
    assert checks.continue_button.isEnabled()
    checks.continue_button.click()
    assert flow.w.stack.currentWidget() is flow.w.consent
    assert set(flow.backend.checks) == {"camera", "microphone", "speaker", "bandwidth",
                                        "environment"}
    assert flow.backend.checks["bandwidth"] == (True, {"kbps": 2400, "required_kbps": 512})
    assert flow.backend.checks_finished


def test_wrong_digits_and_slow_network_fail(qtbot, flow):
    flow.sign_in()
    checks = flow.w.checks
    checks.play_digits("25")
    checks.answer.setText("24")
    checks.check_digits()
    assert checks.results["speaker"] == (False, {"typed_correctly": False})
    assert checks.speaker_result.text().startswith("Not quite.")
    flow.backend.bandwidth_kbps = 300
    checks.measure_bandwidth()
    qtbot.waitUntil(lambda: "bandwidth" in checks.results, timeout=5000)
    assert checks.results["bandwidth"][0] is False
    assert checks.bw_result.text().startswith("300 kbit/s — too slow (needed: 512)")
    checks.finish()  # refused: nothing recorded, still on the page
    assert flow.backend.checks == {} and flow.w.stack.currentWidget() is checks


def test_silent_microphone_is_not_accepted(qtbot, flow):
    checks = flow.w.checks
    checks.mic_level(0.001)
    assert "microphone" not in checks.results
    assert checks.mic_result.text().startswith("No sound yet")


def _to_consent(flow):
    flow.sign_in()
    flow.checks(with_camera=False)
    flow.w.checks.continue_button.click()


def test_consent_declined_ends_politely(qtbot, flow):
    _to_consent(flow)
    consent = flow.w.consent
    details = consent.details.text()
    assert "90 days" in details and "speaks near the microphone" in details
    assert not consent.accept_button.isEnabled()
    consent.accept_button.click()
    assert flow.backend.consent is None
    consent.decline_button.click()
    assert flow.backend.consent is False
    assert flow.w.stack.currentWidget() is flow.w.ended
    assert "Nothing was recorded" in flow.w.ended.intro.text()


def _to_identity(flow):
    _to_consent(flow)
    flow.consent()
    flow.w.consent.accept_button.click()


@pytest.mark.skipif(not ID_IMAGE.exists(), reason="shared ID specimen missing")
def test_identity_retry_then_review_lets_student_continue_flagged(qtbot, flow):
    _to_identity(flow)
    ident = flow.w.identity
    assert flow.backend.consent is True and flow.w.stack.currentWidget() is ident
    ident.frames_per_step = 12
    flow.backend.identity_decisions = [
        IdentityDecision("reject", "No face found on the document.", 1),
        IdentityDecision("review", "The match is uncertain.", 0)]
    assert ident.load_id_file(ID_IMAGE)
    ident.start_liveness()
    for step in range(3):
        assert ident.live_status.text() == "Now: " + flow.backend.liveness_steps()[step]
        for _ in range(12):
            ident.on_frame(ident.id_image)
    qtbot.waitUntil(lambda: ident.decision is not None, timeout=5000)
    assert ident.result.text() == "Not confirmed: No face found on the document. Tries left: 1."
    assert not ident.continue_button.isEnabled() and ident.retry_button.isVisible()
    ident.decision = None
    ident.retry_button.click()
    # another try: a new document photo first (the same one is not silently re-used)
    assert ident.id_image is None and not ident.live_button.isEnabled()
    assert ident.load_id_file(ID_IMAGE)
    ident.start_liveness()
    for _ in range(36):
        ident.on_frame(ident.id_image)
    qtbot.waitUntil(lambda: ident.decision is not None, timeout=5000)
    assert ident.flagged and ident.continue_button.isEnabled()
    assert "a person will review your identity" in ident.result.text()
    image, frames = flow.backend.identity_calls[-1]
    assert len(frames) == 36 and image.shape[2] == 3  # every frame of the challenge, in order


def test_frames_go_to_the_check_while_captured_and_an_abandoned_one_is_dropped(qtbot, flow):
    _to_identity(flow)
    ident = flow.w.identity
    ident.frames_per_step = 4
    ident.set_document(__import__("numpy").zeros((120, 160, 3), "uint8"))
    # the check starts once the document was looked at (its portrait is then known)
    qtbot.waitUntil(lambda: ident.feed is not None, timeout=5000)
    first = ident.feed
    assert ident.task is not None and ident.task.pending and flow.backend.document_checks == 1
    ident.on_frame(ident.id_image)  # before the challenge: not part of it
    ident.start_liveness()
    assert ident.feed is first and first.count == 0
    for _ in range(5):
        ident.on_frame(ident.id_image)
    assert first.count == 5 and not first.closed
    ident.load()  # the challenge is abandoned (another try): its worker stops, nothing shown
    assert first.cancelled and ident.feed is None
    qtbot.waitUntil(lambda: not ident.task.qthread.isRunning(), timeout=5000)
    assert flow.backend.identity_calls == [] and ident.decision is None
    assert ident.result.text() == ""
    ident.start_liveness()  # the same document: the check starts again with the challenge
    for _ in range(12):
        ident.on_frame(ident.id_image)
    assert ident.feed is not None and ident.feed.closed  # the last frame closes the feed
    qtbot.waitUntil(lambda: ident.decision is not None, timeout=5000)
    assert ident.feed is None and len(flow.backend.identity_calls[-1][1]) == 12
    ident.on_frame(ident.id_image)  # frames after the decision go nowhere
    assert len(flow.backend.identity_calls) == 1


def test_unreadable_id_file_is_refused(qtbot, flow, tmp_path):
    bad = tmp_path / "id.jpg"
    bad.write_bytes(b"not a picture")
    ident = flow.w.identity
    assert not ident.load_id_file(bad)
    assert ident.doc_hint.text() == "This file is not a readable picture."
    assert ident.id_image is None and not ident.live_button.isEnabled()


def _to_exam(qtbot, flow):
    _to_identity(flow)
    ident = flow.w.identity
    ident.frames_per_step = 12
    ident.set_document(__import__("numpy").zeros((120, 160, 3), "uint8"))
    ident.start_liveness()
    for _ in range(36):
        ident.on_frame(ident.id_image)
    qtbot.waitUntil(ident.continue_button.isEnabled, timeout=5000)
    ident.continue_button.click()
    qtbot.waitUntil(lambda: flow.w.stack.currentWidget() is flow.w.exam, timeout=5000)


def test_full_exam_hand_in_offline_then_receipt(qtbot, flow):
    _to_exam(qtbot, flow)
    flow.answer_all()
    assert set(flow.backend.saved) == set(flow.backend.exam_doc["questions"])
    assert all(v not in (None, "", [], {}) for v in flow.backend.saved.values())
    flow.backend.offline_uploads = 1
    flow.w.exam.ask_finish()
    flow.w.exam.hand_in_button.click()
    handin = flow.w.handin
    qtbot.waitUntil(lambda: handin.offline, timeout=5000)
    assert handin.status.text().startswith("Saved on this computer, will upload when you are")
    assert handin.retry_button.isVisible() and handin.auto_retry.isActive()
    assert handin.receipt is None and flow.backend.submitted == [False]
    handin.retry_button.click()
    qtbot.waitUntil(lambda: handin.receipt is not None, timeout=5000)
    assert not handin.auto_retry.isActive() and not handin.retry_button.isVisible()
    text = handin.receipt_view.toPlainText()
    assert handin.receipt.receipt_id in text and "Signature verified" in text


def test_time_up_hands_in_automatically(qtbot, flow):
    _to_exam(qtbot, flow)
    flow.clock.advance(1800)
    flow.w.exam.tick()
    qtbot.waitUntil(lambda: flow.w.handin.receipt is not None, timeout=5000)
    assert flow.backend.submitted == [True] and flow.w.steps.current == 5
    assert flow.w.handin.status.text().startswith("Handed in.")


@pytest.mark.skipif(not CLIP.exists(), reason="shared clip missing")
def test_camera_frames_reach_checks_and_identity(qtbot):
    from client.ui.camera import open_camera

    backend = FakeBackend(FakeClock())
    w = StudentWindow(backend, I18n(), open_camera=lambda: open_camera(str(CLIP)))
    qtbot.addWidget(w)
    w.show()
    try:
        w.show_step(1)
        w.start_camera()
        qtbot.waitUntil(lambda: "camera" in w.checks.results, timeout=15000)
        assert w.checks.preview.pixmap() is not None
        assert w.identity.last_frame is not None and w.identity.last_frame.shape == (360, 640, 3)
        assert w.checks.camera_facts.text().startswith("640×360")
    finally:
        w.shutdown()
    assert w.camera is None


def test_leaving_the_exam_window_is_reported(qtbot, flow):
    _to_exam(qtbot, flow)
    flow.w.activation_changed(False)
    flow.w.activation_changed(True)
    assert len(flow.backend.focus_events) == 1 and flow.backend.focus_events[0] >= 0
    flow.w.exam.finish(auto=False)
    qtbot.waitUntil(lambda: flow.w.handin.receipt is not None, timeout=5000)
    flow.w.activation_changed(False)  # after hand-in nothing is reported
    flow.w.activation_changed(True)
    assert len(flow.backend.focus_events) == 1


def test_focus_changes_before_the_exam_are_not_reported(flow):
    flow.w.activation_changed(False)
    flow.w.activation_changed(True)
    assert flow.backend.focus_events == []


def test_minimising_and_extra_screens_are_reported_during_the_exam(qtbot, flow, monkeypatch):
    from PySide6.QtGui import QGuiApplication

    # the exam mode brings the minimised window back, so closing it at the end would ask
    flow.w.close_confirmed = True
    flow.w.window_hidden()  # before the exam: nothing
    screens = [object()]
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: screens))
    flow.w.check_screens()
    assert flow.backend.window_events == []
    _to_exam(qtbot, flow)
    flow.w.check_screens()  # one screen: nothing
    screens.append(object())
    flow.w.check_screens()  # a second screen plugged in
    flow.w.showMinimized()
    qtbot.waitUntil(lambda: "hidden" in flow.backend.window_events, timeout=5000)
    assert flow.backend.window_events[0] == "screens:2"
    shot = flow.backend.screen_thumbnails[0]
    assert shot is not None and shot[:2] == b"\xff\xd8"  # the desktop, as a JPEG
    assert flow.w.exam.notice.text() == ("2 screens are connected during the exam; this is "
                                         "recorded for the invigilator.")


def test_the_document_photo_is_looked_at_before_a_try_is_spent(qtbot, flow):
    _to_identity(flow)
    ident = flow.w.identity
    flow.backend.document_verdict = (False, "No portrait found on the ID document. "
                                            "Photograph the whole document, flat and sharp.")
    assert ident.load_id_file(ID_IMAGE)
    assert ident.doc_hint.text() == "Document photo added. Looking for the portrait…"
    qtbot.waitUntil(lambda: ident.doc_hint.property("state") == "warn", timeout=5000)
    assert ident.doc_hint.text() == ("No portrait found on the ID document. Photograph the "
                                     "whole document, flat and sharp. You can take another "
                                     "photo.")
    assert ident.live_button.isEnabled()  # never blocking: a person reviews then
    flow.backend.document_verdict = (True, "")
    assert ident.load_id_file(ID_IMAGE)
    qtbot.waitUntil(lambda: ident.doc_hint.property("state") == "ok", timeout=5000)
    assert ident.doc_hint.text() == "Document photo added: the portrait was found."
    assert flow.backend.document_checks == 2


def test_resumed_after_the_time_ran_out_hands_in_at_once(qtbot, flow):
    """Back after a crash, past the deadline: the answers go in automatically and the
    hand-in page says so (the window used to stay on a locked exam page at 0:00:00)."""
    flow.w.close_confirmed = True
    start = flow.backend.start_exam()
    flow.clock.advance(1800)  # away longer than the exam lasts
    flow.w._exam_started(start)
    qtbot.waitUntil(lambda: flow.w.handin.receipt is not None, timeout=5000)
    assert flow.w.stack.currentWidget() is flow.w.handin
    assert flow.backend.submitted == [True]  # automatic
    assert not flow.w.isFullScreen() and not flow.w.exam_mode.active
