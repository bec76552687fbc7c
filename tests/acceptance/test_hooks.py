"""The small client changes the end-to-end test needed, checked on their own (fast).

* ``CoreBackend.resumed_exam()`` + ``SignInPage.signed_in`` + ``StudentWindow._check_resume``:
  a crashed attempt goes straight back to its exam after sign-in; nothing else does.
(The dlib thread-safety fix found by the e2e run lives in verifier.face_adapter and is
tested in tests/verifier/test_face_adapter_threads.py.)
"""

from __future__ import annotations

import pytest

from client.core.session import SessionConfig
from client.ui.core_backend import CoreBackend


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from emtihan_demo import setup_world

    w = setup_world(tmp_path_factory.mktemp("hooks-world"))
    yield w
    w.server.stop()


def _signed_in(world, tmp_path) -> CoreBackend:
    from emtihan_demo import CODE, STUDENT

    b = CoreBackend(SessionConfig(tmp_path / "client", world.trust))
    b.sign_in(world.url, world.exam_id, STUDENT, CODE)
    return b


def _to_consent(b: CoreBackend, world) -> None:
    b.download_package(world.exam_id, lambda _d, _t: None)
    for name in ("camera", "microphone", "speaker", "bandwidth"):
        b.record_check(name, True, {})
    b.finish_checks()
    b.record_consent(True)


def test_nothing_to_resume_for_a_fresh_attempt(world, tmp_path):
    b = _signed_in(world, tmp_path)
    assert b.resumed_exam() is None
    assert b.s.step.value == "signed_in" and not b.s.package_path.exists()


def test_a_started_attempt_is_resumed_with_its_answers(world, tmp_path):
    b = _signed_in(world, tmp_path)
    _to_consent(b, world)
    b.s.record_identity({"outcome": "review"}, {})
    start = b.start_exam()
    qid = next(q["id"] for q in start.paper["questions"]
               if start.exam_doc["questions"][q["id"]]["type"] == "essay")
    b.save_answer(qid, "x")
    b.set_flag(qid, True)
    again = _signed_in(world, tmp_path)  # a new process on the same data directory
    resumed = again.resumed_exam()
    assert resumed is not None and resumed.attempt_id == start.attempt_id
    assert resumed.answers == {qid: "x"} and resumed.flags == frozenset({qid})
    assert resumed.paper == start.paper and resumed.deadline == pytest.approx(start.deadline)


def test_window_without_a_resume_stays_on_sign_in(qtbot):
    from client.core.clock import SystemClock
    from client.ui.i18n import I18n
    from client.ui.window import StudentWindow
    from tests.support.fake_backend import FakeBackend

    w = StudentWindow(FakeBackend(SystemClock()), I18n(), server_url="https://x.example",
                      exam_id="phys-101-final", student_id="s1")
    qtbot.addWidget(w)
    try:
        w.signin.code.setText("code")
        with qtbot.waitSignal(w.signin.signed_in, timeout=10000):
            w.signin.sign_in_button.click()
        qtbot.wait(100)
        assert w.stack.currentWidget() is w.signin and not w.exam.widgets
    finally:
        w.shutdown()
