"""The answer contract for the Moodle question types: the real widget, given the
model answer by user-like actions (keyboard, typing), grades to full marks; a wrong
answer does not; set_answer restores exactly what answer() gave."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from client.ui.i18n import TextBinder
from client.ui.questions import WIDGETS, make_question_widget
from client.ui.questions_gaps import ClozeQuestion, GapSelectQuestion, NumericUnitQuestion
from exam_packages.answers import check_answer
from exam_packages.grading import grade_question
from exam_packages.model_answers import model_answer
from exam_packages.source import load_source

SAMPLE = Path(__file__).resolve().parents[2] / "exam_packages" / "samples" / "moodle_types.yaml"
DOC = load_source(SAMPLE).exam_doc
NEW_TYPES = ("description", "gapselect", "ddwtos", "cloze")


def _widget(qtbot: Any, question: dict[str, Any]) -> Any:
    widget = make_question_widget(question, None, {}, TextBinder())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _pick(qtbot: Any, combo: QComboBox, value: str) -> None:
    """Choose an item with the keyboard: focus, then Down until it is current."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value


def _type(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)


def _answer_like_a_user(qtbot: Any, widget: Any, answer: Any) -> None:
    if isinstance(widget, GapSelectQuestion):
        for gap, choice in answer.items():
            _pick(qtbot, widget.combos[gap], choice)
    elif isinstance(widget, ClozeQuestion):
        for gap, value in answer.items():
            field = widget.fields[gap]
            if isinstance(field, QComboBox):
                _pick(qtbot, field, value)
            else:
                _type(qtbot, field, value)
    elif isinstance(widget, NumericUnitQuestion):
        number, _, unit = answer.partition(" ")
        _type(qtbot, widget.edit, number if widget.unit is not None else answer)
        if widget.unit is not None:
            _pick(qtbot, widget.unit, unit)


def _questions_of(qtype: str) -> list[tuple[str, dict[str, Any]]]:
    return [(qid, q) for qid, q in DOC["questions"].items() if q["type"] == qtype]


def test_every_new_type_has_a_widget_and_a_sample() -> None:
    for qtype in NEW_TYPES:
        assert qtype in WIDGETS and _questions_of(qtype)


@pytest.mark.parametrize("qtype", ["gapselect", "ddwtos", "cloze"])
def test_model_answer_by_keyboard_gets_full_marks(qtbot: Any, qtype: str) -> None:
    for qid, question in _questions_of(qtype):
        widget = _widget(qtbot, question)
        expected = model_answer(question)
        _answer_like_a_user(qtbot, widget, expected)
        given = widget.answer()
        assert given == expected
        check_answer(question, given)  # the session's check before autosave
        result = grade_question(qid, question, given)
        assert (result.status, result.points) == ("correct", result.max_points)
        restored = _widget(qtbot, question)
        restored.set_answer(given)
        assert restored.answer() == given


@pytest.mark.parametrize("qtype", ["gapselect", "ddwtos", "cloze"])
def test_wrong_answer_does_not_get_full_marks(qtbot: Any, qtype: str) -> None:
    for qid, question in _questions_of(qtype):
        widget = _widget(qtbot, question)
        gap = question["gaps"][0]
        if qtype == "cloze":
            wrong = {gap["id"]: next(o["id"] for o in gap["options"]
                                     if o["id"] not in gap["correct"])}
        else:
            wrong = {gap["id"]: next(c["id"] for c in question["choices"]
                                     if c["id"] != gap["correct"]
                                     and c.get("group", 1) == next(
                                         x.get("group", 1) for x in question["choices"]
                                         if x["id"] == gap["correct"]))}
        _answer_like_a_user(qtbot, widget, wrong)
        result = grade_question(qid, question, widget.answer())
        assert result.points < result.max_points


def test_numeric_with_units_typed_and_chosen(qtbot: Any) -> None:
    question = DOC["questions"]["gravity"]
    widget = _widget(qtbot, question)
    assert isinstance(widget, NumericUnitQuestion) and widget.unit is None  # typed units
    _type(qtbot, widget.edit, "985 cm/s^2")
    assert widget.answer() == "985 cm/s^2"
    check_answer(question, widget.answer())
    assert grade_question("gravity", question, widget.answer()).status == "correct"
    _type(qtbot, widget.edit, "9.81")  # no unit: Moodle's 10 % penalty of the mark
    assert grade_question("gravity", question, widget.answer()).points == Decimal("0.90")
    listed = _widget(qtbot, {**question, "unit_display": "select"})
    _answer_like_a_user(qtbot, listed, "985 cm/s^2")
    assert listed.answer() == "985 cm/s^2"
    restored = _widget(qtbot, {**question, "unit_display": "select"})
    restored.set_answer("985 cm/s^2")
    assert restored.answer() == "985 cm/s^2"


def test_description_has_nothing_to_answer(qtbot: Any) -> None:
    qid, question = _questions_of("description")[0]
    widget = _widget(qtbot, question)
    assert widget.answer() is None and not widget.answered()
    result = grade_question(qid, question, widget.answer())
    assert (result.status, result.max_points) == ("info", 0)


def test_gaps_are_numbered_in_the_text(qtbot: Any) -> None:
    widget = _widget(qtbot, DOC["questions"]["pets"])
    texts = [label.text() for label in widget.findChildren(type(widget.box.itemAt(0).widget()))]
    assert any("The [1] sat on the [2]." in t for t in texts)
    assert [widget.combos["g1"].itemText(i) for i in range(3)] == ["—", "cat", "dog"]
