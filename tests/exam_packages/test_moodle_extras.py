"""Matching distractors, cloze MULTIRESPONSE gaps and gap-choice shuffling: one negative
test per check (message asserted, nothing accepted)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from exam_packages.answers import AnswerShapeError, check_answer
from exam_packages.errors import InputError
from exam_packages.model_questions import validate_question

MATCH: dict[str, Any] = {
    "type": "matching", "text": "Match",
    "pairs": [{"id": "p1", "left": "A", "right": "1"}, {"id": "p2", "left": "B", "right": "2"}],
    "distractors": [{"id": "d1", "text": "3"}]}


def test_distractors_valid_and_answerable() -> None:
    validate_question("q", MATCH, set())
    check_answer(MATCH, {"p1": "d1"})


@pytest.mark.parametrize(("distractors", "message"), [
    ([], r"distractors: expected a list of at least 1 entry"),
    ([{"id": "p1", "text": "x"}], "distractors: id 'p1' is also a pair id"),
    ([{"id": "d1"}], r"distractors\[0\]: expected exactly the fields id, text"),
    ([{"id": "d1", "text": "x"}, {"id": "d1", "text": "y"}], "distractors: duplicate id 'd1'"),
])
def test_bad_distractors_refused(distractors: Any, message: str) -> None:
    question = {**copy.deepcopy(MATCH), "distractors": distractors}
    with pytest.raises(InputError, match=message):
        validate_question("q", question, set())


def test_distractor_is_not_a_left_hand_item() -> None:
    with pytest.raises(AnswerShapeError, match="not a mapping of pair ids to right-hand"):
        check_answer(MATCH, {"d1": "p1"})
    with pytest.raises(AnswerShapeError):
        check_answer(MATCH, {"p1": "d9"})


def _cloze() -> dict[str, Any]:
    from pathlib import Path

    from exam_packages.moodle import import_moodle_xml

    xml = Path(__file__).parent / "data" / "import" / "moodle_cloze_multiresponse.xml"
    result = import_moodle_xml(xml.read_bytes())
    assert (result.entries[0].status, result.entries[0].changes) == ("imported", [])
    return result.exam_doc["questions"]["q1"]


def test_multiresponse_gaps_take_moodles_grades() -> None:
    """qtype_multianswer_extract_question: positive grades scaled to add up to 1; with '='
    only, each wrong choice gets -1/total; stored to 7 decimals."""
    gaps = {g["id"]: g for g in _cloze()["gaps"]}
    assert gaps["g1"]["type"] == "multiple" and gaps["g1"]["points"] == 2
    assert gaps["g1"]["fractions"] == {"a": "0.3333333", "b": "0.3333333", "c": "-0.3333333",
                                       "d": "0.3333333"}
    assert gaps["g1"]["answer_feedback"] == {"a": "Even prime", "c": "4 = 2 × 2"}
    assert gaps["g2"]["fractions"] == {"a": "0.5", "b": "0.5", "c": "-1"}
    assert gaps["g3"]["fractions"] == {"a": "0.5", "b": "0.5", "c": "-0.5"}
    assert gaps["g4"]["type"] == "single"
    assert [g.get("shuffle", False) for g in gaps.values()] == [False, False, True, False]


def test_shuffled_gap_options_in_the_paper() -> None:
    from exam_packages.paper import make_paper, paper_order, validate_paper

    doc = {"questions": {"q": _cloze()}}
    entries = [make_paper(doc, {}, str(seed))["questions"][0] for seed in range(8)]
    assert all(set(e["gap_options"]) == {"g3"} for e in entries)  # only the _S gap
    assert len({tuple(e["gap_options"]["g3"]) for e in entries}) > 1
    assert paper_order(entries[0]) == [f"g3:{o}" for o in entries[0]["gap_options"]["g3"]]
    assert make_paper(doc, {"shuffle_options": False}, "1")["questions"] == [{"id": "q"}]
    bad = {"questions": [{"id": "q", "gap_options": {"g3": ["a", "b"]}}]}
    with pytest.raises(InputError, match=r"q.gap_options.g3 is not a permutation"):
        validate_paper(doc, bad)
    with pytest.raises(InputError, match="gap_options must list its shuffled gaps"):
        validate_paper(doc, {"questions": [{"id": "q", "gap_options": {"g1": ["a"]}}]})


@pytest.mark.parametrize(("answer", "mark"), [
    # (gap marks 2, 1, 1, 1): sum of ticked grades clamped to 0..1, weighted by the marks
    ({"g1": ["a", "b", "d"], "g2": ["a", "b"], "g3": ["a", "b"], "g4": "b"}, "100.00"),
    ({"g1": ["a", "b"], "g2": ["a", "b"], "g3": ["a", "b"], "g4": "b"}, "86.67"),
    ({"g1": ["a", "c"], "g2": ["a", "c"], "g3": ["a", "b", "c"], "g4": "a"}, "10.00"),
    ({"g1": ["a", "b", "c", "d"]}, "26.67"),
])
def test_multiresponse_marks_equal_moodle(answer: dict[str, Any], mark: str) -> None:
    from decimal import Decimal

    from exam_packages.grading import grade_question

    question = {**_cloze(), "points": "100"}
    validate_question("q1", question, set())
    check_answer(question, answer)
    assert grade_question("q1", question, answer).points == Decimal(mark)


def test_multiresponse_gap_grades_checked() -> None:
    question = _cloze()
    question["gaps"][0]["fractions"]["a"] = "0.33333333"
    with pytest.raises(InputError, match=r"gaps\[0\].fractions.a: '0.33333333' is not a grade "
                                         "between -1 and 1 with at most 7 decimals"):
        validate_question("q", question, set())
    question["gaps"][0]["fractions"]["a"] = "0.3333333"
    with pytest.raises(AnswerShapeError, match="gap g1: not a list of distinct option ids"):
        check_answer(question, {"g1": "a"})


GAPS: dict[str, Any] = {
    "type": "gapselect", "text": "[[g1]] and [[g2]]", "shuffle": True,
    "choices": [{"id": c, "text": c} for c in ("a", "b", "c", "d")],
    "gaps": [{"id": "g1", "correct": "a"}, {"id": "g2", "correct": "b"}]}


def test_gap_choices_shuffled_only_when_asked() -> None:
    from exam_packages.paper import make_paper

    doc = {"questions": {"q": GAPS}}
    assert sorted(make_paper(doc, {}, "x")["questions"][0]["choices"]) == ["a", "b", "c", "d"]
    assert "choices" not in make_paper(doc, {"shuffle_options": False}, "x")["questions"][0]
    unset = {"questions": {"q": {k: v for k, v in GAPS.items() if k != "shuffle"}}}
    # packages built before keep their papers: no explicit shuffle, no choices entry
    assert make_paper(unset, {}, "x")["questions"] == [{"id": "q"}]


def test_recorded_gap_choice_order_checked() -> None:
    from exam_packages.paper import validate_paper

    doc = {"questions": {"q": GAPS}}
    paper = {"questions": [{"id": "q", "choices": ["a", "b", "c"]}]}
    with pytest.raises(InputError, match=r"paper: question q.choices is not a permutation"):
        validate_paper(doc, paper)
    assert paper == {"questions": [{"id": "q", "choices": ["a", "b", "c"]}]}


ORDER: dict[str, Any] = {
    "type": "ordering", "text": "Order", "items": [{"id": f"i{n}", "text": str(n)}
                                                   for n in range(1, 6)],
    "correct_order": [f"i{n}" for n in range(1, 6)], "select": "random", "select_count": 3}


@pytest.mark.parametrize(("change", "message"), [
    ({"select": "first"}, "select: expected 'random' or 'contiguous'"),
    ({"select_count": 5}, "select_count: expected a whole number from 2 to 4"),
    ({"select_count": 1}, "select_count: expected a whole number from 2 to 4"),
    ({"select_count": True}, "select_count: expected a whole number"),
])
def test_bad_ordering_subset_refused(change: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        validate_question("q", {**ORDER, **change}, set())


def test_ordering_subset_answers_and_papers_checked() -> None:
    from exam_packages.grading import grade_question
    from exam_packages.paper import validate_paper

    validate_question("q", ORDER, set())
    with pytest.raises(AnswerShapeError, match="not an ordering of 3 of the item ids"):
        check_answer(ORDER, ["i1", "i2", "i3", "i4"])
    with pytest.raises(AnswerShapeError, match="not an ordering of 3 of the item ids"):
        check_answer(ORDER, ["i1", "i1", "i2"])
    # graded against the shown items' own order: i2 < i4 < i5
    assert grade_question("q", ORDER, ["i2", "i4", "i5"]).status == "correct"
    paper = {"questions": [{"id": "q", "items": ["i1", "i2", "i3", "i4", "i5"]}]}
    with pytest.raises(InputError, match=r"paper: question q.items is not 3 of the question's"):
        validate_paper({"questions": {"q": ORDER}}, paper)


def test_no_model_answer_for_an_ordering_subset() -> None:
    from exam_packages.model_answers import model_answer

    assert model_answer(ORDER) is None  # the subset is the paper's
    assert model_answer({k: v for k, v in ORDER.items() if not k.startswith("select")}) == \
        ORDER["correct_order"]
