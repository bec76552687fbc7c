"""GIFT read as Moodle reads it: graded answers, blank lines end questions, names in errors."""

from __future__ import annotations

from decimal import Decimal

from exam_packages.gift import import_gift
from exam_packages.grading import grade
from exam_packages.importing import render_import_report


def test_unclosed_brace_spoils_only_its_question() -> None:
    text = ("::Open:: never closed {=a ~b\n\n::One:: 1+1? {=2 ~3}\n\n"
            "::Two:: Sky is blue {T}\n\n::Three:: Name? {=Ann}\n")
    result = import_gift(text)
    assert [(e.name, e.status) for e in result.entries] == [
        ("Open", "skipped"), ("One", "imported"), ("Two", "imported"), ("Three", "imported")]
    assert result.entries[0].reason.startswith("the answer block '{' is never closed")
    assert "skipped  Open [malformed] (line 1): the answer block" in render_import_report(result)


def test_untitled_error_named_by_its_text() -> None:
    result = import_gift("What is {=a =b ~c}\n\n")
    assert result.skipped[0].name == "What is"


def test_graded_answers_score_as_moodle() -> None:
    text = ("::S:: Capital of France? {=Paris =%50%Marseille}\n\n"
            "::N:: Five? {#=5:0 =%50%4:0}\n\n"
            "::C:: Pick {=right ~%50%half ~wrong}\n\n"
            "::M:: Primes {~%50%2 ~%50%3 ~%-100%4}\n")
    doc = import_gift(text).exam_doc
    ids = {q["title"]: qid for qid, q in doc["questions"].items()}
    answers = {ids["S"]: "Marseille", ids["N"]: "4", ids["C"]: "b", ids["M"]: ["a", "b", "c"]}
    report = grade(doc, answers)
    assert [q.points for q in report.questions] == [Decimal("0.50"), Decimal("0.50"),
                                                    Decimal("0.50"), Decimal("0.00")]


def test_invalid_weight_refused_with_reason() -> None:
    result = import_gift("::W:: Pick {~%33%a ~%67%b}\n")
    assert result.skipped[0].reason.startswith("invalid grade 33%: Moodle accepts only")


def test_general_and_per_answer_feedback_kept() -> None:
    result = import_gift("::F:: Pick {=a#yes ~b#no ####Because a.}\n\n"
                         "::T:: Sky is green {F#It is blue, look up.#Right.}\n\n"
                         "::S:: Capital? {=Paris#Yes. =%50%paris#Capital letter! }\n\n"
                         "::N:: Pi? {#3.14:0.01#Close enough.}\n")
    pick, sky, capital, pi = result.exam_doc["questions"].values()
    assert pick["feedback"] == "Because a."
    assert pick["answer_feedback"] == {"a": "yes", "b": "no"}
    # Moodle's GIFT order: the first feedback is for a wrong answer, the second for a right one
    assert sky["answer_feedback"] == {"false": "Right.", "true": "It is blue, look up."}
    assert [r.get("feedback") for r in capital["accept"]] == ["Yes.", "Capital letter!"]
    assert pi["answers"] == [{"answer": "3.14", "tolerance": "0.01", "feedback": "Close enough."}]
    assert all(e.changes == [] for e in result.entries)


def test_latex_in_gift_becomes_an_image() -> None:
    import pytest

    pytest.importorskip("ziamath")
    result = import_gift("::L:: What is $$\\sqrt\\{16\\}$$? {#4}\n")  # GIFT escapes braces
    question = next(iter(result.exam_doc["questions"].values()))
    assert question["text"].startswith("What is ![\\sqrt{16}](media/math-")
    assert len(result.media) == 1
