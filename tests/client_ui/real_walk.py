"""The student window on the real core and the demo's embedded server, walked to the exam
(shared by the tests that need a running exam in the real window)."""

from __future__ import annotations

from typing import Any

import numpy as np


def walk_to_identity(qtbot: Any, w: Any, backend: Any, code: str) -> None:
    """Sign in, download, pass the checks (the camera by its own frames when the window
    has a camera, else marked passed), consent: the identity page is shown."""
    w.signin.code.setText(code)
    w.signin.sign_in_button.click()
    qtbot.waitUntil(lambda: w.signin.exams.count() > 0, timeout=10000)
    w.signin.download_button.click()
    qtbot.waitUntil(w.signin.continue_button.isVisible, timeout=20000)
    w.signin.continue_button.click()
    checks = w.checks
    assert checks.required["min_bandwidth_kbps"] == 512  # from the signed package
    if w.open_camera is None:
        checks.results["camera"] = (True, {"simulated": True})
    else:
        qtbot.waitUntil(lambda: checks.results.get("camera", (False,))[0], timeout=30000)
    checks.mic_level(0.1)
    checks.play_digits("21")
    checks.answer.setText("21")
    checks.check_digits()
    checks.measure_bandwidth()
    qtbot.waitUntil(lambda: "bandwidth" in checks.results, timeout=20000)
    checks.continue_button.click()
    assert backend.s.step.value == "checks_done"
    w.consent.agree.setChecked(True)
    w.consent.accept_button.click()
    assert w.stack.currentWidget() is w.identity


def walk_to_exam(qtbot: Any, w: Any, backend: Any, code: str) -> None:
    """Sign in, download, pass the checks, consent, one identity try (review), start."""
    walk_to_identity(qtbot, w, backend, code)
    ident = w.identity
    ident.frames_per_step = 2
    blank = np.full((240, 320, 3), 128, np.uint8)
    ident.set_document(blank)
    ident.start_liveness()
    for _ in range(6):
        ident.on_frame(blank)
    qtbot.waitUntil(ident.continue_button.isEnabled, timeout=30000)
    assert ident.flagged and backend.s.step.value == "consented"  # may still retry
    assert ident.retry_button.isVisible()
    ident.continue_button.click()
    assert backend.s.step.value == "identity_done"
    qtbot.waitUntil(lambda: bool(w.exam.widgets), timeout=20000)
