"""Every page a student sees, in Kazakh and in Russian: no visible text left in English.

The real window on the real core walks sign-in (with a wrong code first), the system
check (failing, then passing), consent, identity (a step, the decision), the exam, the
hand-in confirmation and the receipt.  At each stop the language is switched in place
and every visible text is compared with its English source on the same widget: equal
text fails, unless it is exam content (the author's own words), a name, a number or a
code.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.client_ui.page_walk import visible_texts, walk

pytestmark = [pytest.mark.qt, pytest.mark.slow]
WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED_WORDS = {"Emtihan", "English", "SHA", "PDF", "JSON", "kbit"}


def _content() -> set[str]:
    """Strings the exam author wrote (shown as they are in every language)."""
    from emtihan_demo.world import SAMPLE
    from exam_packages.source import load_source

    source = load_source(SAMPLE)
    found: set[str] = {str(source.meta.get("title", ""))}

    def collect(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(source.exam_doc)
    return {s for s in found if s}


def _english_left(text: str, content: set[str], names: set[str]) -> bool:
    plain = re.sub(r"<[^>]+>", " ", text)
    plain = re.sub(r"\b[a-z]+_[0-9a-f]{8,}\b|\b[0-9a-f]{16,}\b", " ", plain)  # ids and hashes
    for known in sorted(content | names, key=len, reverse=True):
        if known and known in plain:
            plain = plain.replace(known, " ")
    words = [w for w in WORD.findall(plain) if w not in ALLOWED_WORDS]
    return bool(words) and not re.fullmatch(r"[0-9a-f]{16,}", plain.strip())


def test_no_english_left_on_any_page_in_kk_and_ru(demo_world, tmp_path, qtbot, qapp):
    from emtihan_demo import STUDENT

    content = _content()
    names = {STUDENT, demo_world.url, demo_world.exam_id}
    problems: list[str] = []
    visited: list[str] = []

    def visit(name: str, w: Any) -> None:
        visited.append(name)
        i18n = w.i18n_for_tests
        english = {(id(wd), what): text for wd, what, text in visible_texts(w)}
        for lang in ("kk", "ru"):
            i18n.set_language(lang)
            qapp.processEvents()
            for wd, what, text in visible_texts(w):
                source = english.get((id(wd), what))
                if source == text and _english_left(text, content, names):
                    problems.append(f"[{lang}] {name}: {type(wd).__name__} {what}: {text!r}")
        i18n.set_language("en")
        qapp.processEvents()

    walk(demo_world, tmp_path, qtbot, visit)
    assert len(visited) == 13
    assert not problems, "English left in kk/ru:\n" + "\n".join(dict.fromkeys(problems))
