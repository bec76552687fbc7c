"""Language switching through QTranslator changes the visible strings (kk / ru / en)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from client.i18n import build
from client.i18n.catalogue import CATALOGUE
from client.ui.i18n import I18N_DIR, I18n
from client.ui.window import StudentWindow
from tests.support.clocks import FakeClock
from tests.support.fake_backend import FakeBackend


@pytest.fixture()
def window(qtbot):
    i18n = I18n()
    w = StudentWindow(FakeBackend(FakeClock()), i18n, open_camera=None)
    qtbot.addWidget(w)
    w.show()
    yield w, i18n
    i18n.set_language("en")
    w.shutdown()


def test_switching_language_changes_visible_strings(window):
    w, i18n = window
    seen = {}
    for code in ("kk", "ru", "en"):
        i18n.set_language(code)
        seen[code] = (w.signin.title.text(), w.steps.labels[1].toolTip(),
                      w.signin.sign_in_button.text(), w.windowTitle())
    assert seen["en"] == ("Sign in", "2. System check", "Sign &in", "Emtihan — student")
    assert seen["kk"] == ("Кіру", "2. Жүйені тексеру", "&Кіру", "Emtihan — студент")
    assert seen["ru"] == ("Вход", "2. Проверка системы", "&Войти", "Emtihan — студент")


def test_language_combo_switches_and_follows(window, qtbot):
    w, i18n = window
    w.lang.setCurrentIndex(w.lang.findData("ru"))
    assert i18n.language == "ru" and w.checks.title.text() == "Проверка системы"
    i18n.set_language("kk")
    assert w.lang.currentData() == "kk"


def test_formatted_texts_are_retranslated(window):
    w, i18n = window
    w.exam.binder.bind(w.exam.position.setText, "Question {n} of {total}", n=2, total=8)
    i18n.set_language("ru")
    assert w.exam.position.text() == "Вопрос 2 из 8"
    i18n.set_language("kk")
    assert w.exam.position.text() == "8 сұрақтың 2-сі"


def test_unknown_language_is_refused_and_nothing_changes(window):
    w, i18n = window
    i18n.set_language("ru")
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        i18n.set_language("de")
    assert i18n.language == "ru" and w.signin.title.text() == "Вход"


def test_every_ui_string_has_kk_and_ru_translations():
    assert build.missing(build.extract()) == []
    assert build.bad_placeholders() == []


def test_committed_ts_files_match_the_catalogue(tmp_path):
    for lang in ("kk", "ru"):
        fresh = tmp_path / f"{lang}.ts"
        build.write_ts(lang, fresh)
        committed = I18N_DIR / f"emtihan_{lang}.ts"
        assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
            "run: python -m client.i18n.build")
        translator = QTranslator()
        assert translator.load(str(I18N_DIR / f"emtihan_{lang}.qm"))
        for source, pair in CATALOGUE.items():  # the compiled file holds every entry
            assert translator.translate("Emtihan", source) == pair[0 if lang == "kk" else 1]


def test_every_verifier_reason_is_translated_line_by_line(qapp) -> None:
    from client.i18n.catalogue import CATALOGUE
    from client.ui.i18n import I18n, Lazy
    from verifier.quality import MESSAGES

    missing = [m for m in MESSAGES.values() if m not in CATALOGUE]
    assert not missing, missing
    i18n = I18n()
    two = MESSAGES["too_dark"] + "\n" + MESSAGES["no_match"]
    try:
        i18n.set_language("ru")
        assert str(Lazy(two)) == " ".join(CATALOGUE[m][1] for m in two.split("\n"))
        i18n.set_language("kk")
        assert f"{Lazy(two)}" == " ".join(CATALOGUE[m][0] for m in two.split("\n"))
    finally:
        i18n.set_language("en")
    assert str(Lazy(two)) == two.replace("\n", " ")
