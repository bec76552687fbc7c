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
