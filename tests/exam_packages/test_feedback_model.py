"""Feedback fields and policy (model_feedback): one negative test per check, and which
feedback an answer earns (feedback.py, Moodle's choice of per-answer feedback)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from exam_packages.errors import InputError
from exam_packages.feedback import combined_feedback, specific_feedback
from exam_packages.model import validate_meta
from exam_packages.model_feedback import feedback_policy
from exam_packages.model_questions import validate_question

CHOICE: dict[str, Any] = {
    "type": "single", "text": "Pick", "options": [{"id": "a", "text": "A"},
                                                  {"id": "b", "text": "B"}],
    "correct": ["a"], "answer_feedback": {"a": "Yes.", "b": "No."},
    "combined_feedback": {"correct": "Right.", "incorrect": "Wrong."},
    "hints": ["Think."], "grader_info": "Only A.", "feedback": "General."}
META = {"exam_id": "e", "version": 1, "title": "T", "language": "en",
        "opens_at": "2026-12-01T08:00:00Z", "closes_at": "2026-12-01T12:00:00Z",
        "duration_s": 60}


def test_valid_feedback_fields_and_policy() -> None:
    validate_question("q", CHOICE, set())
    validate_meta({**META, "policy": {"feedback": "after_handin"}})
    assert feedback_policy({}) == "none" and feedback_policy(None) == "none"


def test_policy_value_refused() -> None:
    meta = {**META, "policy": {"feedback": "always"}}
    with pytest.raises(InputError, match=r"exam.policy.feedback: expected one of none, "
                                         r"after_handin, got 'always'"):
        validate_meta(meta)
    assert meta["policy"] == {"feedback": "always"}


@pytest.mark.parametrize(("change", "message"), [
    ({"combined_feedback": {"right": "x"}}, "combined_feedback: 'right' is not one of correct, "
                                            "incorrect, partial"),
    ({"combined_feedback": {"correct": " "}}, "combined_feedback.correct: expected a non-empty"),
    ({"answer_feedback": {"z": "x"}}, "answer_feedback: 'z' is not one of a, b"),
    ({"hints": []}, "hints: expected a list of 1 to 20 texts"),
    ({"hints": ["ok", 3]}, r"hints\[1\]: expected a non-empty string"),
    ({"grader_info": ""}, "grader_info: expected a non-empty string"),
    ({"feedback": 5}, "feedback: expected a string"),
])
def test_bad_feedback_field_refused(change: dict[str, Any], message: str) -> None:
    question = {**copy.deepcopy(CHOICE), **change}
    with pytest.raises(InputError, match=message):
        validate_question("q", question, set())


def test_rule_feedback_must_be_text() -> None:
    short = {"type": "short", "text": "?", "accept": [{"pattern": "x", "feedback": ""}]}
    with pytest.raises(InputError, match=r"accept\[0\].feedback: expected a non-empty string"):
        validate_question("q", short, set())
    numeric = {"type": "numeric", "text": "?", "answers": [{"answer": "1", "feedback": 2}]}
    with pytest.raises(InputError, match=r"answers\[0\].feedback: expected a non-empty string"):
        validate_question("q", numeric, set())


def test_truefalse_feedback_keys() -> None:
    question = {"type": "truefalse", "text": "?", "correct": True,
                "answer_feedback": {"yes": "x"}}
    with pytest.raises(InputError, match="'yes' is not one of false, true"):
        validate_question("q", question, set())


def test_specific_feedback_follows_moodle() -> None:
    multiple = {**CHOICE, "type": "multiple", "correct": ["a"]}
    assert specific_feedback(CHOICE, "b") == ["No."]
    assert specific_feedback(multiple, ["b", "a"]) == ["Yes.", "No."]  # option order
    assert specific_feedback(CHOICE, "zz") == []  # a malformed answer earns none
    numeric = {"type": "numeric", "text": "?", "units": [{"unit": "m", "multiplier": "1"},
                                                         {"unit": "cm", "multiplier": "100"}],
               "answers": [{"answer": "2", "feedback": "Two metres."},
                           {"answer": "*", "fraction": "0", "feedback": "Anything else."}]}
    assert specific_feedback(numeric, "200 cm") == ["Two metres."]  # scaled by the unit
    assert specific_feedback(numeric, "3 m") == ["Anything else."]
    short = {"type": "short", "text": "?", "accept": [
        {"pattern": "cat", "feedback": "Meow."}, {"pattern": "c.*", "mode": "regex"}]}
    assert specific_feedback(short, "CAT") == ["Meow."]
    assert specific_feedback(short, "cow") == []  # the first match has no feedback
    assert combined_feedback(CHOICE, "unanswered") == "Wrong."  # Moodle's "gave up"
    assert combined_feedback(CHOICE, "partial") == ""
    assert combined_feedback(CHOICE, "manual") == ""
