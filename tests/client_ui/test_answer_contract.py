"""The contract of one answer schema per question type (``exam_packages.answers``).

For every question type of the sample exam, the real widget answered by clicks and
keys with the model answer grades to full marks, and a wrong answer does not.  This is
the class of bug where right answers picked in the window were graded 0.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from client.ui.i18n import TextBinder
from client.ui.questions import make_question_widget
from exam_packages.answers import check_answer
from exam_packages.grading import grade_question, model_answers
from exam_packages.paper import make_paper
from exam_packages.source import load_source
from tests.acceptance.actions import answer_like_a_student

SAMPLE = Path(__file__).resolve().parents[2] / "exam_packages" / "samples" / "demo_exam.yaml"
SOURCE = load_source(SAMPLE)
DOC = SOURCE.exam_doc
MODEL = model_answers(DOC)
BY_TYPE = {}
for _qid, _q in DOC["questions"].items():
    BY_TYPE.setdefault(_q["type"], _qid)


def _orders() -> dict[str, list[str] | None]:
    """The options order of a real (shuffled) paper, as the student sees it."""
    policy = dict(SOURCE.meta.get("policy", {}), shuffle_options=True)
    paper = make_paper(DOC, policy, "contract-seed")
    return {e["id"]: e.get("options") for e in paper["questions"]}


ORDERS = _orders()


def _wrong(question: dict[str, Any], right: Any) -> Any:
    kind = question["type"]
    if kind == "single":
        return next(o["id"] for o in question["options"] if o["id"] != right)
    if kind == "multiple":
        return [o["id"] for o in question["options"] if o["id"] not in right][:1]
    if kind == "truefalse":
        return not right
    if kind == "short":
        return "definitely not this"
    if kind == "numeric":
        return "123456"
    if kind == "matching":
        ids = list(right)
        return {k: ids[(i + 1) % len(ids)] for i, k in enumerate(ids)}
    if kind == "ordering":
        return list(reversed(right))
    raise AssertionError(kind)


def _widget(qtbot, qid: str):
    question = DOC["questions"][qid]
    media = {"media/" + name: data for name, data in SOURCE.media.items()}
    widget = make_question_widget(question, ORDERS.get(qid), media, TextBinder())
    qtbot.addWidget(widget)
    widget.show()
    return question, widget


def test_the_sample_exam_has_every_question_type():
    assert sorted(BY_TYPE) == sorted(
        ["single", "multiple", "truefalse", "short", "numeric", "essay", "matching",
         "ordering"])


@pytest.mark.parametrize("kind", sorted(t for t in BY_TYPE if t != "essay"))
def test_model_answer_given_in_the_widget_gets_full_marks(qtbot, kind):
    qid = BY_TYPE[kind]
    question, widget = _widget(qtbot, qid)
    answer_like_a_student(widget, MODEL[qid])
    given = widget.answer()
    check_answer(question, given)  # the widget speaks the one schema
    result = grade_question(qid, question, given)
    assert (result.status, result.points) == ("correct", result.max_points), result.detail


@pytest.mark.parametrize("kind", sorted(t for t in BY_TYPE if t != "essay"))
def test_wrong_answer_given_in_the_widget_does_not(qtbot, kind):
    qid = BY_TYPE[kind]
    question, widget = _widget(qtbot, qid)
    answer_like_a_student(widget, _wrong(question, MODEL[qid]))
    given = widget.answer()
    check_answer(question, given)
    result = grade_question(qid, question, given)
    assert result.points < result.max_points and result.status in ("wrong", "partial")
    assert "invalid answer" not in result.detail  # wrong, not malformed


def test_essay_typed_in_the_widget_goes_to_a_person(qtbot):
    qid = BY_TYPE["essay"]
    question, widget = _widget(qtbot, qid)
    answer_like_a_student(widget, "Күш = масса × үдеу (F = m·a).")
    given = widget.answer()
    check_answer(question, given)
    assert grade_question(qid, question, given).status == "manual"
