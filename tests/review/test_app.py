from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from client.ui.review import main_window  # noqa: E402
from client.ui.review_app import build_window  # noqa: E402

pytestmark = pytest.mark.qt


def test_app_opens_window_then_sign_in(qtbot, monkeypatch: pytest.MonkeyPatch,
                                       no_thread_leak: None) -> None:
    shown: list[str] = []
    monkeypatch.setattr(main_window.SignInDialog, "exec",
                        lambda self: shown.append(self.windowTitle()) or 0)
    window = build_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["Sign in — Emtihan review"]
    assert window.isVisible() and window.service is None
    window.refresh()
    assert window.status.text() == "Sign in first."


def test_sign_in_dialog_names_missing_fields(qtbot) -> None:
    from client.ui.review.signin import SignInDialog

    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.token.setText("tok")
    dialog._accept()
    assert dialog.result() == 0
    assert dialog.error.text() == ("Please fill in: exam id, reviewer name, institution key, "
                                   "signing key.")


def test_language_at_start_and_switch_in_the_toolbar(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                      no_thread_leak: None) -> None:
    from client.ui.i18n import I18n

    monkeypatch.setattr(main_window.SignInDialog, "exec", lambda self: 0)
    i18n = I18n()
    i18n.set_language("kk")  # as emtihan-review --lang kk
    try:
        window = build_window(i18n)
        qtbot.addWidget(window)
        window.refresh()
        assert window.windowTitle() == "Emtihan — бақылаушының тексеруі"
        assert window.status.text() == "Алдымен кіріңіз."
        window.language.setCurrentIndex(window.language.findData("ru"))
        window.language.activated.emit(window.language.currentIndex())
        assert i18n.language == "ru" and window.status.text() == "Сначала войдите."
        assert window.toolbar_actions["open"].text() == "Открыть сессию"
        i18n.set_language("en")
        assert window.language.currentData() == "en" and window.status.text() == "Sign in first."
    finally:
        i18n.set_language("en")
