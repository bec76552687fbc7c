"""The exam keeps running offline, in the real window on the real core: the server goes
away mid-exam, the student keeps answering and hands in ("saved on this computer"), the
server comes back, Retry uploads and the signed receipt arrives."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from client.core.session import SessionConfig
from client.ui.core_backend import CoreBackend

from .real_walk import walk_to_exam

pytestmark = pytest.mark.qt


def _type_in_an_essay(qtbot, w, text: str) -> str:
    for i, widget in enumerate(w.exam.widgets):
        edit = getattr(widget, "edit", None)
        if isinstance(edit, QPlainTextEdit):
            w.exam.go(i)
            edit.setFocus()
            qtbot.keyClicks(edit, text)  # typed, as a student would
            return str(w.exam.ids[i])
    raise AssertionError("the demo paper has no essay question")


def test_server_gone_mid_exam_then_back_hand_in_completes(fresh_demo_world, tmp_path, qtbot):
    from client.ui.i18n import I18n
    from client.ui.window import StudentWindow
    from emtihan_demo import CODE, STUDENT

    world = fresh_demo_world

    backend = CoreBackend(SessionConfig(tmp_path / "client", world.trust))
    w = StudentWindow(backend, I18n(), open_camera=None, server_url=world.url,
                      exam_id=world.exam_id, student_id=STUDENT)
    w.close_confirmed = True
    qtbot.addWidget(w)
    w.show()
    try:
        walk_to_exam(qtbot, w, backend, CODE)
        world.server.stop(close_storage=False)  # the connection drops mid-exam
        qid = _type_in_an_essay(qtbot, w, "answered while offline")
        qtbot.waitUntil(lambda: backend.s.answers.get(qid) == "answered while offline",
                        timeout=10000)  # autosaved on this computer
        assert w.exam.autosave_label.text() == "All answers saved on this computer."
        w.exam.finish(auto=False)
        handin = w.handin
        qtbot.waitUntil(lambda: handin.offline, timeout=60000)
        assert handin.status.text().startswith("Saved on this computer, will upload when you "
                                               "are online.")
        assert handin.receipt is None and handin.retry_button.isVisible()
        assert backend.s.step.value == "submitting"
        world.server.start()  # back, on the same address
        handin.retry_button.click()
        qtbot.waitUntil(lambda: handin.receipt is not None, timeout=60000)
        assert backend.s.step.value == "submitted"
        assert handin.receipt.attempt_id == backend.s.attempt_id
        store = world.server.services.service.storage
        assert len(store.list_submissions(backend.s.attempt_id)) == 1  # once, not twice
    finally:
        w.shutdown()
