"""The review core keeps English; the UI translates its texts, also filled-in ones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")

from client.i18n import build  # noqa: E402
from client.i18n.catalogue import CATALOGUE  # noqa: E402
from client.review_core import texts  # noqa: E402
from client.review_core.content import SEVERITY_LABELS  # noqa: E402
from client.review_core.decisions import Outcome  # noqa: E402
from client.review_core.events import IDENTITY_WORDS, KIND_NAMES  # noqa: E402
from client.ui.i18n import I18n  # noqa: E402
from client.ui.review.texts import CORE_TEXTS, install, tr_core  # noqa: E402

pytestmark = pytest.mark.qt


@pytest.fixture()
def kk(qapp) -> Iterator[I18n]:
    i18n = I18n()
    i18n.set_language("kk")
    install()
    yield i18n
    i18n.set_language("en")


def test_core_without_a_translator_speaks_english() -> None:
    texts.use_translator(None)
    try:
        assert texts.t("Flags ({count})", count=2) == "Flags (2)"
        assert texts.N_("Decryption") == "Decryption"
    finally:
        install()


def test_filled_in_core_message_is_translated(kk: I18n) -> None:
    assert tr_core("Event log record 3 was altered (hash mismatch).") == \
        "Оқиғалар журналының 3 жазбасы өзгертілген (хэш сәйкес емес)."
    assert tr_core("Decryption") == "Шифрды ашу"
    kk.set_language("ru")
    assert tr_core("Every flag needs a human decision before the session decision can be "
                   "final; undecided: #4.").endswith("не решены: #4.")
    assert texts.t("Flags ({count})", count=2) == "Отметки (2)"  # the core's hook follows
    assert tr_core("The server answered 500 to GET /v1/review/sessions: database locked") == \
        "Сервер ответил 500 на GET /v1/review/sessions: database locked"  # its words as sent
    assert tr_core("wrong passphrase for private key file /keys/inst.pem") == \
        "неверная парольная фраза для файла закрытого ключа /keys/inst.pem"


def test_unknown_or_altered_message_is_shown_as_it_is(kk: I18n) -> None:
    # a server's own words, and a known message with text around it, stay untouched
    for text in ("Server busy, try later.", "Note: Event log record 3 was altered.",
                 "Event log record 3 was altered (hash mismatch). Twice."):
        assert tr_core(text) == text


def test_every_word_the_core_shows_is_in_the_catalogue() -> None:
    words = [*CORE_TEXTS, *KIND_NAMES.values(), *IDENTITY_WORDS.values(),
             *SEVERITY_LABELS.values(), *(o.label for o in Outcome)]
    assert [w for w in words if w not in CATALOGUE] == []
    assert build.missing(build.extract()) == [] and build.bad_placeholders() == []


def test_earlier_identity_tries_are_told_in_words(kk: I18n) -> None:
    from client.ui.review.identity_tab import _earlier_try

    assert _earlier_try("1: no_match") == "1: сәйкес емес"
    assert _earlier_try("2: something_new") == "2: something_new"  # an unknown code as it is
