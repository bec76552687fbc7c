"""The ``emtihan-student`` entry point and ``run_student_app`` (the demo's hook)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from client.core.clock import SystemClock
from client.ui.app import _parser, main, run_student_app
from client.ui.window import StudentWindow
from tests.support.fake_backend import FakeBackend

from .conftest import CLIP


def _close_soon(seen: list[StudentWindow]) -> None:
    def close() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, StudentWindow) and w.isVisible():
                seen.append(w)
                w.close()

    QTimer.singleShot(300, close)


def test_run_student_app_opens_the_window_and_returns(qapp):
    seen: list[StudentWindow] = []
    _close_soon(seen)
    code = run_student_app({"backend": FakeBackend(SystemClock()), "lang": "ru",
                            "camera": str(CLIP),
                            "base_url": "http://127.0.0.1:9", "exam_id": "phys-101-final",
                            "student_id": "s-1", "access_code": "x"})
    assert code == 0 and len(seen) == 1
    w = seen[0]
    assert w.signin.title.text() == "Вход" and w.signin.code.text() == "x"
    assert w.signin.server.text() == "http://127.0.0.1:9" and w.camera is None
    w.i18n.set_language("en")


def test_core_backend_without_trust_is_refused(qapp, capsys):
    code = run_student_app({"base_url": "http://127.0.0.1:9"})
    assert code == 2
    assert "No trusted author keys: pass --trust FILE." in capsys.readouterr().err


def test_command_line_arguments():
    args = _parser().parse_args(["--server", "http://127.0.0.1:8000", "--camera", "clip.mp4",
                                 "--lang", "kk"])
    assert (args.server, args.camera, args.lang) == ("http://127.0.0.1:8000", "clip.mp4", "kk")


def test_main_with_bad_language_exits(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--lang", "de"])
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_the_real_client_has_no_fake_mode(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--fake"])
    assert "unrecognized arguments: --fake" in capsys.readouterr().err
