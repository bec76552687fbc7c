"""Walk the real student window, on the real core and the demo's embedded server,
through every page and the states a student sees, calling ``visit(name, window)`` at each.

Used by the translation walk (no English left in kk/ru) and the layout checks (nothing
clipped at 800×600).  The camera is a still picture (the check result is set the way
the camera worker would set it); everything else is the product's own code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from client.core.camera_check import CameraStats
from client.core.session import SessionConfig
from client.ui.core_backend import CoreBackend
from client.ui.i18n import I18n
from client.ui.window import StudentWindow

Visit = Callable[[str, StudentWindow], None]


def visible_texts(root: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """(widget, what, text) for every visible text a student can read in ``root``."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel) and widget.text():
            yield widget, "label", widget.text()
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield widget, "button", widget.text()
        elif isinstance(widget, QGroupBox) and widget.title():
            yield widget, "group", widget.title()
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            yield widget, "placeholder", widget.placeholderText()
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                yield widget, f"item{i}", widget.item(i).text()


def walk(world: Any, tmp_path: Any, qtbot: Any, visit: Visit, *, lang: str = "en",
         size: tuple[int, int] | None = None) -> StudentWindow:
    from emtihan_demo import STUDENT

    backend = CoreBackend(SessionConfig(tmp_path / "client", world.trust))
    i18n = I18n()
    i18n.set_language(lang)
    w = StudentWindow(backend, i18n, open_camera=None, server_url=world.url,
                      exam_id=world.exam_id, student_id=STUDENT)
    w.i18n_for_tests = i18n  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    if size:
        w.resize(*size)
    w.show()
    try:
        _walk(w, backend, world, qtbot, visit)
    finally:
        w.shutdown()
        i18n.set_language("en")  # the translator is process-wide: leave English behind
    return w


def _walk(w: StudentWindow, backend: CoreBackend, world: Any, qtbot: Any,
          visit: Visit) -> None:
    from emtihan_demo import CODE

    w.signin.code.setText("WRONG-CODE")
    w.signin.sign_in_button.click()
    qtbot.waitUntil(w.signin.sign_in_button.isEnabled, timeout=20000)
    visit("sign-in: wrong code", w)
    w.signin.code.setText(CODE)
    w.signin.sign_in_button.click()
    qtbot.waitUntil(lambda: w.signin.exams.count() > 0, timeout=20000)
    visit("sign-in: exam list", w)
    w.signin.download_button.click()
    qtbot.waitUntil(w.signin.continue_button.isVisible, timeout=30000)
    visit("sign-in: verified", w)
    w.signin.continue_button.click()
    checks = w.checks
    visit("checks: waiting", w)
    for t in range(6):
        checks.judge.add(t * 0.4, CameraStats(640, 360, 15, 30, 0))
    checks.camera_stats(CameraStats(640, 360, 15, 30, 0))
    checks.play_digits("21")
    checks.answer.setText("12")
    checks.check_digits()
    visit("checks: failing", w)
    checks.judge = type(checks.judge)()
    for t in range(6):
        checks.camera_stats(CameraStats(640, 480, 15, 120, 1))
        checks.judge.add(t * 0.4, CameraStats(640, 480, 15, 120, 1))
    checks.camera_stats(CameraStats(640, 480, 15, 120, 1))
    checks.mic_level(0.1)
    checks.cannot_hear()
    checks.measure_bandwidth()
    qtbot.waitUntil(lambda: "bandwidth" in checks.results, timeout=30000)
    visit("checks: passed", w)
    checks.continue_button.click()
    visit("consent", w)
    w.consent.agree.setChecked(True)
    w.consent.accept_button.click()
    ident = w.identity
    visit("identity: start", w)
    ident.frames_per_step = 2
    blank = np.full((240, 320, 3), 128, np.uint8)
    ident.set_document(blank)
    ident.start_liveness()
    visit("identity: a step", w)
    for _ in range(6):
        ident.on_frame(blank)
    qtbot.waitUntil(ident.continue_button.isEnabled, timeout=60000)
    visit("identity: decision", w)
    ident.continue_button.click()
    qtbot.waitUntil(lambda: bool(w.exam.widgets), timeout=30000)
    visit("exam", w)
    w.exam.ask_finish()
    visit("exam: hand-in confirmation", w)
    w.exam.hand_in_button.click()
    qtbot.waitUntil(lambda: w.handin.receipt is not None, timeout=60000)
    visit("hand-in: receipt", w)
