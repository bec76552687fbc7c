"""Exam page: paper order, navigator, flags, autosave, countdown warnings, auto-submit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut

from client.ui.i18n import TextBinder
from client.ui.pages.exam import ExamPage, format_remaining
from exam_packages.errors import LocalStateError
from tests.support.clocks import FakeClock
from tests.support.fake_backend import FakeBackend


@pytest.fixture()
def exam(qtbot):
    clock = FakeClock()
    backend = FakeBackend(clock, duration_s=3600)
    page = ExamPage(backend, TextBinder())
    qtbot.addWidget(page)
    page.show()
    start = backend.start_exam()
    return page, backend, clock, start


def _load(page, start, **changes):
    from dataclasses import replace

    page.load(replace(start, **changes))
    page.timer.stop()  # time is driven by the fake clock and tick()


def test_questions_follow_the_paper_order(exam):
    page, backend, _clock, start = exam
    _load(page, start)
    assert page.ids == [q["id"] for q in backend.paper["questions"]]
    assert page.ids[0] == "q8" and page.position.text() == "Question 1 of 8"


def test_every_change_is_autosaved(exam, qtbot):
    page, backend, _clock, start = exam
    _load(page, start)
    page.go(page.ids.index("q4"))
    qtbot.keyClicks(page.widgets[page.current].edit, "Ural")
    assert backend.saved["q4"] == "Ural" and backend.save_calls == 4
    assert page.autosave_label.text() == "All answers saved on this computer."
    assert page.nav_buttons[page.current].text().endswith("✓")


def test_autosave_failure_is_shown_not_raised(exam, qtbot):
    page, backend, _clock, start = exam
    _load(page, start)

    def broken(qid, answer):
        raise LocalStateError("The disk is full: free some space.")

    backend.save_answer = broken
    page.go(page.ids.index("q4"))
    qtbot.keyClicks(page.widgets[page.current].edit, "x")
    assert page.autosave_label.text() == "Not saved: The disk is full: free some space."
    assert backend.saved == {}


def test_flag_toggle_marks_navigator_and_backend(exam, qtbot):
    page, backend, _clock, start = exam
    _load(page, start)
    page.go(2)
    qtbot.mouseClick(page.flag_button, Qt.MouseButton.LeftButton)
    assert backend.flags == {page.ids[2]} and "⚑" in page.nav_buttons[2].text()
    page.go(3)
    assert not page.flag_button.isChecked()
    page.go(2)
    assert page.flag_button.isChecked()
    qtbot.mouseClick(page.flag_button, Qt.MouseButton.LeftButton)
    assert backend.flags == set() and "⚑" not in page.nav_buttons[2].text()


def test_free_navigation_with_navigator_and_buttons(exam, qtbot):
    page, _backend, _clock, start = exam
    _load(page, start)
    qtbot.mouseClick(page.nav_buttons[6], Qt.MouseButton.LeftButton)
    assert page.current == 6 and page.stack.currentIndex() == 6
    page.prev_button.click()
    assert page.current == 5
    assert all(b.isEnabled() for b in page.nav_buttons)


def test_keyboard_moves_between_questions(exam, qtbot):
    page, _backend, _clock, start = exam
    _load(page, start)
    # Tab from the question reaches the buttons; Space presses them
    page.widgets[0].list.setFocus()
    for _ in range(12):
        if page.focusWidget() is page.next_button:
            break
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
    assert page.focusWidget() is page.next_button
    qtbot.keyClick(page.next_button, Qt.Key.Key_Space)
    assert page.current == 1
    qtbot.keyClick(page.prev_button, Qt.Key.Key_Space)
    assert page.current == 0
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    keys = sorted(sc.key().toString() for sc in page.findChildren(QShortcut, "", direct))
    assert keys == ["Ctrl+F", "Ctrl+Left", "Ctrl+Right"]
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.current == 1


def test_linear_navigation_cannot_go_back(exam):
    page, _backend, _clock, start = exam
    _load(page, start, policy={"navigation": "linear"})
    page.go(1)
    page.go(0)
    assert page.current == 1
    assert not page.prev_button.isEnabled()
    assert [b.isEnabled() for b in page.nav_buttons] == [i == 1 for i in range(8)]
    page.go(3)  # forward jumps are only through "Next"
    assert page.current == 3


def test_restored_answers_are_shown(exam):
    page, _backend, _clock, start = exam
    _load(page, start, answers={"q3": True, "q4": "Irtysh"}, flags=frozenset({"q4"}))
    answers = page.answers()
    assert answers["q3"] is True and answers["q4"] == "Irtysh"
    assert "⚑" in page.nav_buttons[page.ids.index("q4")].text()


def test_countdown_warns_at_10_and_1_minute(exam, qtbot):
    page, _backend, clock, start = exam
    _load(page, start)
    warnings: list[int] = []
    page.warning.connect(warnings.append)
    page.tick()
    assert page.clock_label.text() == "1:00:00" and page.banner.isHidden()
    clock.advance(3600 - 601)
    page.tick()
    assert warnings == [] and page.clock_label.text() == "0:10:01"
    clock.advance(1)
    page.tick()
    assert warnings == [600] and page.banner.text().startswith("10 minutes left")
    page.tick()
    assert warnings == [600]  # once only
    clock.advance(540)
    page.tick()
    assert warnings == [600, 60] and page.banner.text().startswith("1 minute left")
    assert not page.finished


def test_auto_submit_at_zero(exam, qtbot):
    page, _backend, clock, start = exam
    _load(page, start)
    clock.advance(3600)
    with qtbot.waitSignal(page.submit_requested) as sig:
        page.tick()
    assert sig.args == [True]
    assert page.finished and not page.next_button.isEnabled()
    page.tick()  # a finished page does nothing more
    assert page.clock_label.text() == "0:00:00"


def test_hand_in_needs_confirmation(exam, qtbot):
    page, _backend, _clock, start = exam
    _load(page, start)
    submitted: list[bool] = []
    page.submit_requested.connect(submitted.append)
    page.finish_button.click()
    assert page.confirm.isVisible() and submitted == []
    assert page.confirm_text.text().startswith("You answered 0 of 8 questions")
    page.back_button.click()
    assert not page.confirm.isVisible() and not page.finished
    page.finish_button.click()
    qtbot.keyClick(page.hand_in_button, Qt.Key.Key_Space)
    assert submitted == [False] and page.finished


def test_format_remaining():
    assert format_remaining(5400) == "1:30:00"
    assert format_remaining(59.2) == "0:01:00"
    assert format_remaining(-3) == "0:00:00"


def test_matching_and_ordering_follow_the_real_paper(exam):
    """make_paper's right_order / items reach the widgets (before, only "options" did, so an
    ordering question was shown in its authored, i.e. solved, order)."""
    from exam_packages.paper import make_paper

    page, _backend, _clock, start = exam
    paper = make_paper(start.exam_doc, {}, "seed-7")
    _load(page, start, paper=paper)
    entries = {e["id"]: e for e in paper["questions"]}
    ordering = page.widgets[page.ids.index("q8")]
    shown = [ordering.list.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(ordering.list.count())]
    assert shown == entries["q8"]["items"] != start.exam_doc["questions"]["q8"]["correct_order"]
    matching = page.widgets[page.ids.index("q7")]
    combo = matching.combos["p1"]
    assert [combo.itemData(i) for i in range(1, combo.count())] == entries["q7"]["right_order"]
