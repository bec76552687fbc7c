"""Every view an invigilator sees, in Kazakh and in Russian: no visible text left in English.

The real review window, on the real embedded server with real hand-ins (world.py), walks:
signed out, the sign-in dialog (with missing fields), a token the server refuses, the
session list, a clean flagged session (overview, timeline with a flag selected and decided,
identity, paper before and after the package is loaded, decisions), the PDF report's text,
a tampered session and an unreadable bundle.  At each stop every visible text (labels,
buttons, tabs, combo items, table headers, cells and tooltips, rich-text views,
placeholders, the window title) is searched for English words once the data (names, ids,
hashes, codes, paths, the exam's own content, the invigilator's note) are taken out.  The
tool is started in the language (as ``emtihan-review --lang`` does), and once switched in
place at every stop with the toolbar's language box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextDocument  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from client.review_core.report import session_report_html  # noqa: E402
from client.ui.i18n import I18n  # noqa: E402
from client.ui.review.main_window import ReviewWindow, connect_service  # noqa: E402
from client.ui.review.signin import SignInDialog  # noqa: E402
from tests.client_ui.test_i18n_walk import _content as exam_content  # noqa: E402

from .test_ui_review import CorruptingServer, _idle, _open, _signin  # noqa: E402
from .world import ROSTER, World  # noqa: E402

pytestmark = [pytest.mark.qt, pytest.mark.slow]
NOTE = "a second person in the picture"  # the invigilator's own words are data
WORD = re.compile(r"[A-Za-z]{3,}")
# Names of things, not words of a language: product, formats, algorithms, units.
ALLOWED_WORDS = {"Emtihan", "English", "UTC", "PDF", "CSV", "JSON", "SHA", "PKCS", "http", "https",
                 "pid", "seq", "kbps", "Ed25519", "X25519"}
DATA = [
    re.compile(r"<[^>]+>"),  # markup
    re.compile(r"\[[\w.\-]+, [a-z]+\]"),  # a question's id and type: [light-speed, truefalse]
    re.compile(r"\b[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+\b"),  # codes and ids: seed_mismatch, at_1f…
    re.compile(r"\b\w+=\S+"),  # the event log's facts: faces=2
    re.compile(r"\b[0-9a-f]{12,}\b"),  # hashes
    re.compile(r"(?:/[\w.\-]+)+"),  # paths and URLs
]


def _content() -> set[str]:
    """The exam author's sentences (shown as they are in every language); single words are
    codes (types, ids), and a line of a text may stand alone (an image takes the other)."""
    return {line for text in exam_content() for line in (text, *text.splitlines())
            if " " in line}


def _data(world: World) -> list[str]:
    names = [line.split(",")[1] for line in ROSTER.strip().splitlines()[1:]]
    values = [*names, "Dr. Aida Sarsen", world.exam_id, world.url, "Integrated Camera", NOTE,
              *world.attempts.values(), *_content()]
    return sorted({v for v in values if v}, key=len, reverse=True)


def english_left(text: str, data: list[str]) -> list[str]:
    """The English words of ``text`` once markup and data values are taken out."""
    plain = " ".join(text.split())
    for known in data:
        plain = plain.replace(" ".join(known.split()), " ")
    for pattern in DATA:
        plain = pattern.sub(" ", plain)
    return [w for w in WORD.findall(plain) if w not in ALLOWED_WORDS]


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text an invigilator can read in ``root``."""
    yield "title", root.windowTitle()
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel) and widget.text():
            yield name, widget.text()
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit) and not widget.text():
            yield name, widget.placeholderText()
        elif isinstance(widget, QPlainTextEdit) and not widget.toPlainText():
            yield name, widget.placeholderText()
        elif isinstance(widget, QTabWidget):
            yield from ((name, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QComboBox):
            yield from ((name, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTextBrowser):
            yield name, widget.toPlainText()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _cells(name, widget)


def _cells(name: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    from PySide6.QtCore import Qt

    model = view.model()
    for column in range(model.columnCount()):
        yield f"{name} header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for row in range(model.rowCount()):
            index = model.index(row, column)
            yield f"{name} cell", str(model.data(index) or "")
            yield f"{name} tooltip", str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")


Root = Callable[[], QWidget]


def _walk(qtbot: Any, world: World, visit: Callable[[str, Root], None],
          i18n: I18n | None = None) -> None:
    """Call ``visit(stop, root)`` at each stop; ``root()`` gives the widget to read (a dialog
    and the report are made again in the current language, as the tool makes them)."""
    win = ReviewWindow(i18n)
    qtbot.addWidget(win)
    win.show()
    visit("signed out", lambda: win)

    dialogs: list[SignInDialog] = []

    def dialog(missing: bool) -> QWidget:
        for old in dialogs:
            old.close()
        dialogs.append(SignInDialog(win))
        qtbot.addWidget(dialogs[-1])
        dialogs[-1].show()
        if missing:
            dialogs[-1].server.clear()
            dialogs[-1]._accept()
        return dialogs[-1]

    visit("sign-in dialog", lambda: dialog(False))
    visit("sign-in dialog: missing fields", lambda: dialog(True))
    for old in dialogs:
        old.close()
    win.sign_in_with(_signin(world, token="forged-token"))
    _idle(qtbot, win)
    assert win.model.rowCount() == 0
    visit("sign-in refused by the server", lambda: win)
    win.attach(connect_service(_signin(world)), world.exam_id)
    _idle(qtbot, win)
    visit("session list", lambda: win)
    _open(qtbot, win, world, "s2")
    view = win.view
    visit("session: overview", lambda: win)
    view.tabs.setCurrentWidget(view.timeline)
    view.timeline.flags_only.setChecked(True)
    view.timeline.select_seq(3)
    visit("session: timeline, a flag selected", lambda: win)
    win._decide_flag(3, "needs_follow_up", NOTE)
    _idle(qtbot, win)
    view.timeline.flags_only.setChecked(False)
    view.timeline.select_seq(3)
    visit("session: timeline, the flag decided", lambda: win)
    view.tabs.setCurrentWidget(view.identity)
    visit("session: identity", lambda: win)
    view.tabs.setCurrentIndex(3)
    visit("session: paper, no package", lambda: win)
    win.load_package(world.package, world.trust_path, world.content_key_path)
    _idle(qtbot, win)
    visit("session: paper", lambda: win)
    view.tabs.setCurrentIndex(4)
    view.session_form.button.click()  # no outcome chosen
    visit("session: decisions", lambda: win)
    visit("PDF report", lambda: _report(win))
    _open(qtbot, win, world, "s3")
    view.tabs.setCurrentIndex(0)
    visit("tampered session: overview", lambda: win)
    view.tabs.setCurrentWidget(view.timeline)
    view.timeline.select_seq(4)
    visit("tampered session: timeline", lambda: win)
    win.service.server = CorruptingServer(win.service.server, world.attempts["s1"])
    win.open_all()
    _idle(qtbot, win)
    win.select_attempt(world.attempts["s1"])
    visit("unreadable bundle", lambda: win)
    win.runner.wait()
    _idle(qtbot, win)


class _TextOnly(QWidget):
    """A report's text as one visible label, for the same check."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.label = QLabel(text, self)


def _report(win: ReviewWindow) -> QWidget:
    """The PDF report's text, as ``export_pdf`` writes it now."""
    record = win.view.record
    assert record is not None
    document = QTextDocument()
    document.setHtml(session_report_html(record, win.papers.get(record.summary.attempt_id),
                                         "2027-01-15 10:00 UTC", "Dr. Aida Sarsen"))
    return _TextOnly(document.toPlainText())


def _check(lang: str, stop: str, root: QWidget, data: list[str], problems: list[str]) -> None:
    for where, text in visible_texts(root):
        left = english_left(text, data)
        if left:
            problems.append(f"[{lang}] {stop}: {where}: {left} in {text[:300]!r}")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_left_when_started_in_kk_or_ru(lang: str, qtbot, world: World,
                                                  no_thread_leak: None) -> None:
    """As ``emtihan-review --lang kk`` starts it."""
    data = _data(world)
    problems: list[str] = []
    visited: list[str] = []

    def visit(stop: str, root: Root) -> None:
        visited.append(stop)
        _check(lang, stop, root(), data, problems)

    i18n = I18n()
    i18n.set_language(lang)
    try:
        _walk(qtbot, world, visit)
    finally:
        i18n.set_language("en")  # the translator is process-wide: leave English behind
    assert len(visited) == 16
    assert not problems, "English left:\n" + "\n".join(dict.fromkeys(problems))


def test_switching_language_in_place_retranslates_every_view(qtbot, world: World,
                                                             no_thread_leak: None) -> None:
    """Walked in English; at each stop the toolbar's switch goes to kk, to ru and back:
    no English is left in kk/ru, and back in English every text is the same as before."""
    data = _data(world)
    problems: list[str] = []
    i18n = I18n()

    def visit(stop: str, root: Root) -> None:
        english = list(visible_texts(root()))
        assert any(english_left(text, data) for _where, text in english), stop
        for lang in ("kk", "ru"):
            win = root()
            if isinstance(win, ReviewWindow):  # the switch the invigilator uses
                win.language.setCurrentIndex(win.language.findData(lang))
                win.language.activated.emit(win.language.currentIndex())
                assert i18n.language == lang
            else:
                i18n.set_language(lang)
            _check(lang, stop, root(), data, problems)
        i18n.set_language("en")
        again = list(visible_texts(root()))
        if again != english:
            problems.append(f"[en] {stop}: not the same after switching back: "
                            f"{[t for t in again if t not in english][:3]}")

    try:
        _walk(qtbot, world, visit, i18n)
    finally:
        i18n.set_language("en")
    assert not problems, "\n".join(dict.fromkeys(problems))
