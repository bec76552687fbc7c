"""The UI's adapter on the real core, against the demo's embedded server on 127.0.0.1."""

from __future__ import annotations

import numpy as np
import pytest

from client.core.session import SessionConfig
from client.ui.core_backend import STEP_TEXT, CoreBackend
from exam_packages.errors import InputError, SessionStateError

from .real_walk import walk_to_exam


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from emtihan_demo import setup_world

    w = setup_world(tmp_path_factory.mktemp("demo"))
    yield w
    w.server.stop()


def _backend(world, tmp_path):
    return CoreBackend(SessionConfig(tmp_path / "client", world.trust))


def _progress(done, total):
    return None


def test_whole_attempt_through_the_adapter(world, tmp_path):
    from emtihan_demo import CODE, STUDENT

    b = _backend(world, tmp_path)
    exams = b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    assert world.exam_id in [e.exam_id for e in exams]
    report = b.download_package(world.exam_id, _progress)
    assert report.version >= 1 and report.policy["required_checks"]["camera"] is True
    assert b.measure_bandwidth_kbps(_progress) > 0
    b.record_check("camera", True, {"width": 640})
    b.record_check("microphone", True, {"peak_rms": 0.1})
    assert "audio" not in b.s.checks  # recorded once both halves are known
    b.record_check("speaker", True, {"typed_correctly": True})
    assert b.s.checks["audio"]["passed"] is True
    b.finish_checks()
    b.record_consent(True)
    steps = b.liveness_steps()
    assert len(steps) == 3 and set(steps) <= set(STEP_TEXT.values())
    blank = np.zeros((200, 300, 3), np.uint8)
    decision = b.verify_identity(blank, [blank] * 9)
    assert decision.decision == "review"  # never blocks: a person reviews it
    assert decision.reason.startswith("No portrait found on the ID document")
    assert b.s.step.value == "consented"  # a "review" try may be retried...
    b.confirm_identity()  # ...or the student continues with it
    assert b.s.identity["outcome"] == "review" and b.s.identity["final"] is True
    start = b.start_exam()
    assert len(start.paper["questions"]) == len(b.s.question_ids()) > 0
    assert start.media and all(isinstance(v, bytes) and v for v in start.media.values())
    assert 0 < b.remaining_s() <= world_duration(b)
    from exam_packages.answers import AnswerShapeError
    from exam_packages.grading import model_answers

    model = model_answers(start.exam_doc)
    qid = next(q["id"] for q in start.paper["questions"] if q["id"] in model)
    b.save_answer(qid, model[qid])
    b.set_flag(qid, True)
    assert b.s.answers[qid] == model[qid] and qid in b.s.flags
    with pytest.raises(AnswerShapeError):  # the one answer schema, checked at the crossing
        b.save_answer(qid, {"not": "an answer"})
    assert b.s.answers[qid] == model[qid]
    b.proctor_frame(blank)
    b.focus_lost(4.2)
    assert any(r["kind"] == "focus_lost" and r["data"] == {"seconds": 4}
               for r in b.s._log().records())
    receipt = b.submit(False, _progress)
    assert receipt.attempt_id == start.attempt_id and len(receipt.sha256) == 64
    assert receipt.signed["receipt"]["sha256"] == receipt.sha256  # kept for "Save receipt"


def world_duration(b):
    return int(b.s.manifest["exam"]["duration_s"])


def test_checks_must_pass_before_consent(world, tmp_path):
    from emtihan_demo import CODE, STUDENT

    b = _backend(world, tmp_path)
    b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    b.download_package(world.exam_id, _progress)
    b.record_check("camera", False, {"hints": ["Too dark"]})
    with pytest.raises(SessionStateError, match="These checks must pass first"):
        b.finish_checks()
    assert b.s.step.value == "package_ready"


def test_every_consent_text_of_the_real_backend_is_translated(world, tmp_path):
    """The consent page passes these through tr(): each needs a kk and a ru text (the
    contact was once a bare "your exam office", shown in English on the Kazakh page)."""
    from client.i18n.catalogue import CATALOGUE
    from emtihan_demo import CODE, STUDENT

    b = _backend(world, tmp_path)
    b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    b.download_package(world.exam_id, _progress)
    info = b.consent_info()
    for text in (*info.recorded, info.destination, info.contact):
        kk, ru = CATALOGUE[text]
        assert text not in (kk, ru)


def test_download_of_another_exam_is_refused(world, tmp_path):
    from emtihan_demo import CODE, STUDENT

    b = _backend(world, tmp_path)
    b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    with pytest.raises(InputError, match="sign in again for other-exam"):
        b.download_package("other-exam", _progress)
    assert not b.s.package_path.exists()


def test_calls_before_sign_in_are_refused(tmp_path):
    from exam_packages.trust import TrustStore

    b = CoreBackend(SessionConfig(tmp_path, TrustStore.from_keys([])))
    with pytest.raises(SessionStateError, match="Sign in first."):
        b.remaining_s()
    assert b.session is None


def test_the_window_on_the_real_core(world, tmp_path, qtbot):
    from client.ui.i18n import I18n
    from client.ui.window import StudentWindow
    from emtihan_demo import CODE, STUDENT

    backend = _backend(world, tmp_path)
    w = StudentWindow(backend, I18n(), open_camera=None, server_url=world.url,
                      exam_id=world.exam_id, student_id=STUDENT)
    qtbot.addWidget(w)
    w.show()
    try:
        walk_to_exam(qtbot, w, backend, CODE)
        assert backend.s.identity["outcome"] == "review"  # what the student was told
        assert w.exam.ids == backend.s.question_ids()
        first = w.exam.widgets[0]
        first.set_answer(first.answer())
        w.exam.flag_button.click()
        assert backend.s.flags == [w.exam.ids[0]]
        w.exam.finish(auto=False)
        qtbot.waitUntil(lambda: w.handin.receipt is not None, timeout=30000)
        assert backend.s.step.value == "submitted"
        assert w.handin.receipt.attempt_id == backend.s.attempt_id
    finally:
        w.shutdown()


def test_a_student_who_cannot_hear_goes_on_flagged(world, tmp_path):
    """ "I cannot hear the sound" is never a silent pass: the audio check is recorded as
    failed and declared (a warning, i.e. a flag), and the exam may still go on."""
    from client.core.eventlog import WARNING
    from emtihan_demo import CODE, STUDENT

    b = _backend(world, tmp_path)
    b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    b.download_package(world.exam_id, _progress)
    for name in ("camera", "bandwidth"):
        b.record_check(name, True, {})
    b.record_check("microphone", True, {"peak_rms": 0.1})
    b.record_check("speaker", False, {"typed_correctly": False, "student_declared": True,
                                      "cannot_hear": True})
    audio = b.s.checks["audio"]
    assert audio["passed"] is False and audio["student_declared"] is True
    b.finish_checks()
    assert b.s.step.value == "checks_done"
    logged = [r for r in b.s._log().records() if r["kind"] == "check_audio"]
    assert logged and logged[-1]["severity"] == WARNING


def test_checks_failed_without_a_declaration_still_block(world, tmp_path):
    from emtihan_demo import CODE, STUDENT

    b = _backend(world, tmp_path)
    b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    b.download_package(world.exam_id, _progress)
    for name in ("camera", "bandwidth", "microphone"):
        b.record_check(name, True, {})
    b.record_check("speaker", False, {"typed_correctly": False})
    with pytest.raises(SessionStateError, match="These checks must pass first: audio."):
        b.finish_checks()
    assert b.s.step.value == "package_ready"


def test_the_live_picture_kept_is_a_frame_the_template_was_built_from():
    from client.ui.core_backend import template_frame
    from verifier.capture import stamp

    frames = [stamp(np.full((4, 4, 3), i, np.uint8), 10.0 + i) for i in range(5)]
    shown = template_frame(frames, (12.0, 14.0))
    assert shown is not None and int(shown[0, 0, 0]) == 2  # the first frame of the template
    assert template_frame(frames, ()) is None  # no template: no live picture pretends to be one


def test_the_document_check_uses_the_real_verifier(world, tmp_path):
    import cv2

    from tests.client_ui.conftest import FACES

    backend = _backend(world, tmp_path)
    blank = np.full((480, 640, 3), 128, np.uint8)
    assert backend.check_document(blank) == (
        False, "No portrait found on the ID document. Photograph the whole document, flat "
               "and sharp.")
    card = cv2.imread(str(FACES / "id_docs" / "passporteye" / "100_pass-cze2.jpg"))
    found, remark = backend.check_document(card)
    assert found, remark
