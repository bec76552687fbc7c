"""exam_packages.grading: every question type, partial credit, tolerance, regex, case."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exam_packages.errors import InputError
from exam_packages.grading import grade, model_answers, render_report, report_to_dict
from exam_packages.paper import make_paper
from exam_packages.source import load_source

SAMPLE = Path(__file__).resolve().parents[2] / "exam_packages" / "samples" / "demo_exam.yaml"


_SAMPLE_DOC = load_source(SAMPLE).exam_doc


@pytest.fixture
def doc() -> dict[str, Any]:
    return copy.deepcopy(_SAMPLE_DOC)


def _one(doc: dict[str, Any], qid: str, answer: Any) -> tuple[str, Decimal, str]:
    report = grade(doc, {qid: answer})
    q = next(g for g in report.questions if g.qid == qid)
    return q.status, q.points, q.detail


@pytest.mark.parametrize(
    ("qid", "answer", "status", "points"),
    [
        ("capital", "b", "correct", "1"),
        ("capital", "a", "wrong", "0"),
        ("capital", None, "unanswered", "0"),
        ("vectors", ["a", "c"], "correct", "1"),
        ("vectors", ["c"], "partial", "0.5"),
        ("vectors", ["a", "b"], "wrong", "0"),           # one hit, one wrong pick -> 0
        ("vectors", ["a", "b", "c"], "partial", "0.5"),
        ("vectors", [], "unanswered", "0"),
        ("light-speed", True, "correct", "1"),
        ("light-speed", False, "wrong", "0"),
        ("gravity", "9.81", "correct", "2"),
        ("gravity", "9.86", "correct", "2"),             # at the tolerance edge
        ("gravity", "9,79", "correct", "2"),             # decimal comma
        ("gravity", "9.87", "wrong", "0"),
        ("gravity", "  ", "unanswered", "0"),
        ("unit", "  НЬЮТОН ", "correct", "1"),           # case-insensitive exact, trimmed
        ("unit", "Newton", "correct", "1"),
        ("unit", "Н", "correct", "1"),                   # regex, case-sensitive
        ("unit", "n", "wrong", "0"),                     # regex is case-sensitive
        ("unit", "Джоуль", "wrong", "0"),
        ("match-units", {"p1": "p1", "p2": "p2", "p3": "p3"}, "correct", "1"),
        ("match-units", {"p1": "p1", "p2": "p3", "p3": "p2"}, "partial", "0.33"),
        ("match-units", {"p1": "p2"}, "wrong", "0"),
        ("order-planets", ["i1", "i2", "i3", "i4"], "correct", "1"),
        ("order-planets", ["i2", "i1", "i3", "i4"], "wrong", "0"),
        ("explain", "Әрекет = қарсы әрекет", "manual", "0"),
        ("explain", "", "unanswered", "0"),
    ],
)
def test_each_type(doc: dict[str, Any], qid: str, answer: Any, status: str,
                   points: str) -> None:
    got_status, got_points, _ = _one(doc, qid, answer)
    assert (got_status, got_points) == (status, Decimal(points))


@pytest.mark.parametrize(
    ("qid", "answer", "detail"),
    [
        ("capital", ["b"], "invalid answer: not an option id"),
        ("capital", "z", "invalid answer: not an option id"),
        ("vectors", ["a", "a"], "invalid answer: not a list of distinct option ids"),
        ("light-speed", "true", "invalid answer: not true/false"),
        ("gravity", 9.81, "invalid answer: not a number"),
        ("gravity", "nine", "invalid answer: not a number"),
        ("unit", 5, "invalid answer: not text"),
        ("unit", "newton " * 40, "invalid answer: longer than 200 characters"),
        ("match-units", {"p1": "zz"}, "invalid answer: not a mapping of pair ids"),
        ("order-planets", ["i1", "i1", "i2", "i3"], "invalid answer: not an ordering"),
    ],
)
def test_malformed_answers_are_wrong_not_errors(doc: dict[str, Any], qid: str, answer: Any,
                                                detail: str) -> None:
    status, points, got = _one(doc, qid, answer)
    assert status == "wrong" and points == 0
    assert got.startswith(detail)


def _doc_with(question: dict[str, Any]) -> dict[str, Any]:
    return {"sections": [], "questions": {"q": question}}


def test_ordering_partial_and_matching_all_or_nothing() -> None:
    ordering = {"type": "ordering", "text": "t", "scoring": "partial", "points": 4,
                "items": [{"id": x, "text": x} for x in "abcd"],
                "correct_order": ["a", "b", "c", "d"]}
    report = grade(_doc_with(ordering), {"q": ["a", "b", "d", "c"]})
    assert (report.questions[0].status, report.questions[0].points) == ("partial", Decimal(2))
    matching = {"type": "matching", "text": "t", "scoring": "all_or_nothing",
                "pairs": [{"id": x, "left": x, "right": x.upper()} for x in "ab"]}
    report = grade(_doc_with(matching), {"q": {"a": "a", "b": "a"}})
    assert report.questions[0].status == "wrong"


def test_short_exact_case_sensitive_and_nfc() -> None:
    question = {"type": "short", "text": "t", "accept": [
        {"pattern": "Қазақстан", "mode": "exact", "case_sensitive": True},
        {"pattern": r"(the )?  capital", "mode": "regex", "case_sensitive": False},
    ]}
    doc = _doc_with(question)
    decomposed = "Қазақстан".replace("Қ", "К\u0326")  # not the same letter: must not match
    assert grade(doc, {"q": "қазақстан"}).questions[0].status == "wrong"
    assert grade(doc, {"q": "Қазақстан"}).questions[0].status == "correct"
    assert grade(doc, {"q": decomposed}).questions[0].status == "wrong"
    nfd = "Cafe\u0301"
    accents = _doc_with({"type": "short", "text": "t",
                         "accept": [{"pattern": "Café", "mode": "exact"}]})
    assert grade(accents, {"q": nfd}).questions[0].status == "correct"
    assert grade(doc, {"q": "THE   Capital"}).questions[0].status == "wrong"
    assert grade(doc, {"q": "  capital"}).questions[0].status == "wrong"


def test_numeric_extremes_are_exact_and_safe() -> None:
    doc = _doc_with({"type": "numeric", "text": "t", "answer": "1", "tolerance": "0.1"})
    edge = "1." + "1" * 40
    assert grade(doc, {"q": "1.1" + "0" * 60 + "1"}).questions[0].status == "wrong"
    assert grade(doc, {"q": "1.1" + "0" * 60}).questions[0].status == "correct"
    assert grade(doc, {"q": edge}).questions[0].status == "wrong"
    for huge in ("1e999999999", "-1e-999999999"):
        assert grade(doc, {"q": huge}).questions[0].status == "wrong"
    too_long = grade(doc, {"q": "1" * 101}).questions[0]
    assert (too_long.status, too_long.detail) == ("wrong",
                                                  "invalid answer: longer than 100 characters")


def test_numeric_without_tolerance_is_exact() -> None:
    doc = _doc_with({"type": "numeric", "text": "t", "answer": "2.50"})
    assert grade(doc, {"q": "2.5"}).questions[0].status == "correct"
    assert grade(doc, {"q": "2.51"}).questions[0].status == "wrong"
    assert grade(doc, {"q": 2}).questions[0].status == "wrong"


def test_totals_manual_and_paper_filter(doc: dict[str, Any]) -> None:
    paper = make_paper(doc, {"shuffle_questions": True, "shuffle_options": True}, "s-1")
    on_paper = [e["id"] for e in paper["questions"]]
    pool = {"gravity", "incline", "unit"}
    missing = next(iter(pool - set(on_paper)))
    answers = {"capital": "b", "light-speed": True, "explain": "текст", missing: "x",
               "vectors": ["c"]}
    before = copy.deepcopy(answers)
    report = grade(doc, answers, paper)
    assert [q.qid for q in report.questions] == on_paper
    assert report.ignored_answers == [missing]
    assert report.total == Decimal("2.5")
    assert report.manual_pending == ["explain"]
    assert report.manual_max == Decimal(5)
    expected_max = sum(Decimal(doc["questions"][q].get("points", 1)) for q in on_paper)
    assert report.max_total == expected_max
    assert answers == before
    data = report_to_dict(report)
    assert data["total"] == "2.50" and data["manual_pending"] == ["explain"]
    text = render_report(report)
    assert "pending manual grading: explain (up to 5 points)" in text
    assert f"answers to questions not on the paper (ignored): {missing}" in text


def test_all_questions_without_paper(doc: dict[str, Any]) -> None:
    report = grade(doc, {})
    assert {q.qid for q in report.questions} == set(doc["questions"])
    assert all(q.status == "unanswered" for q in report.questions)
    assert report.total == 0


def test_bad_paper_refused(doc: dict[str, Any]) -> None:
    with pytest.raises(InputError, match="paper: question 'nope' is not in the exam"):
        grade(doc, {}, {"seed": "x", "questions": [{"id": "nope"}]})


def test_model_answers_get_full_marks(doc: dict[str, Any]) -> None:
    report = grade(doc, model_answers(doc))
    statuses = {q.qid: q.status for q in report.questions}
    assert statuses.pop("explain") == "unanswered"
    assert set(statuses.values()) == {"correct"}
    assert report.total == report.max_total - Decimal(5)


def test_allowed_regexes_still_work() -> None:
    doc = _doc_with({"type": "short", "text": "t", "accept": [
        {"pattern": r"\d+([.,]\d+)? ?(m|метр)", "mode": "regex"}]})
    assert grade(doc, {"q": "3,5 метр"}).questions[0].status == "correct"
    assert grade(doc, {"q": "3,5 km"}).questions[0].status == "wrong"


any_answer = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=8) | st.sampled_from(["a", "b", "p1", "p2", "i1", "9.81", "Н"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3) |
                                                                st.sampled_from(["p1", "p2"]),
                                                                inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["capital", "vectors", "light-speed", "gravity", "unit",
                                        "match-units", "order-planets", "explain", "ghost"]),
                       any_answer))
def test_any_answers_grade_without_error(answers: dict[str, Any]) -> None:
    report = grade(_SAMPLE_DOC, answers)
    for q in report.questions:
        assert Decimal(0) <= q.points <= q.max_points
        assert q.status in ("correct", "partial", "wrong", "unanswered", "manual")


def test_an_untouched_ordering_is_graded_as_it_was_shown_like_moodle() -> None:
    """qtype_ordering submits the order on the screen even when the student never moved
    an item; with the paper we know that order, so the grade is Moodle's."""
    ordering = {"type": "ordering", "text": "t", "scoring": "partial", "points": 4,
                "items": [{"id": x, "text": x} for x in "abcd"],
                "correct_order": ["a", "b", "c", "d"]}
    doc = {"sections": [{"id": "s", "questions": ["q"], "shuffle": False}],
           "questions": {"q": ordering}}
    paper = make_paper(doc, {"shuffle_questions": False, "shuffle_options": True}, "seed-7")
    shown = paper["questions"][0]["items"]
    untouched = grade(doc, {}, paper).questions[0]
    assert untouched.points == grade(doc, {"q": shown}, paper).questions[0].points
    assert untouched.status != "unanswered"
    assert untouched.detail == "never moved: graded in the order shown, as Moodle does"
    assert grade(doc, {}).questions[0].status == "unanswered"  # no paper: order unknown
    moved = grade(doc, {"q": ["a", "b", "c", "d"]}, paper).questions[0]
    assert moved.points == Decimal(4)  # a real answer is graded as given
