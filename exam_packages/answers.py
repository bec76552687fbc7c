"""The one answer schema per question type (the contract between every layer).

An answer is plain JSON without floats. For each question type:

========== =====================================================================
single     one option id (``str``)
multiple   a list of distinct option ids (may be empty only when unanswered)
truefalse  ``true`` or ``false``
short      text, at most :data:`MAX_SHORT_ANSWER_CHARS` characters
numeric    a decimal string such as ``"9.81"`` (``,`` is accepted as decimal mark)
essay      text, at most :data:`MAX_ESSAY_CHARS` characters
matching   ``{pair_id: chosen_pair_id}`` for some or all left-hand items (a chosen
           id may also be a distractor's: Moodle's extra wrong answers)
ordering   a list of every item id exactly once (with ``select_count``: of the
           paper's ``select_count`` items)
gapselect  ``{gap_id: choice_id}`` for some or all gaps (a choice of the gap's group)
ddwtos     the same as gapselect
cloze      ``{gap_id: value}``, each value in the schema of the gap's type
           (single: an option id, multiple: a list of option ids, short: text,
           numeric: a number)
description no answer (always unanswered)
========== =====================================================================

A numeric question with ``units`` takes the number followed (or, with
``units_left``, preceded) by a unit: ``"985 cm/s^2"``.

``None`` (or an empty string, list or mapping) means unanswered. The student
widgets produce these shapes, the session checks them before autosave, grading
checks them before scoring, and the review paper shows them: one definition,
validated where it crosses a layer (:func:`check_answer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .errors import InputError
from .moodle_rules import split_number

MAX_SHORT_ANSWER_CHARS = 200
MAX_NUMBER_CHARS = 100
MAX_ESSAY_CHARS = 100_000
NUMBER_RE = re.compile(r"[-+]?\d+([.,]\d+)?([eE][-+]?\d+)?")


class AnswerShapeError(InputError):
    """An answer does not have the shape its question type requires."""

    code = "answer_shape"


def is_unanswered(answer: Any) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    return isinstance(answer, list | dict) and not answer


def _ids(question: dict[str, Any], field: str) -> list[str]:
    return [str(entry["id"]) for entry in question.get(field) or []]


def _single(q: dict[str, Any], answer: Any) -> None:
    if not isinstance(answer, str) or answer not in _ids(q, "options"):
        raise AnswerShapeError("not an option id")


def _multiple(q: dict[str, Any], answer: Any) -> None:
    ids = _ids(q, "options")
    if not isinstance(answer, list) or not all(isinstance(a, str) and a in ids for a in answer) \
            or len(set(answer)) != len(answer):
        raise AnswerShapeError("not a list of distinct option ids")


def _truefalse(q: dict[str, Any], answer: Any) -> None:
    if not isinstance(answer, bool):
        raise AnswerShapeError("not true/false")


def _text(limit: int) -> Callable[[dict[str, Any], Any], None]:
    def check(q: dict[str, Any], answer: Any) -> None:
        if not isinstance(answer, str):
            raise AnswerShapeError("not text")
        if len(answer) > limit:
            raise AnswerShapeError(f"longer than {limit} characters")
    return check


def _numeric(q: dict[str, Any], answer: Any) -> None:
    if not isinstance(answer, str):
        raise AnswerShapeError("not a number written as text")
    if len(answer) > MAX_NUMBER_CHARS:
        raise AnswerShapeError(f"longer than {MAX_NUMBER_CHARS} characters")
    if q.get("units"):
        if split_number(answer, bool(q.get("units_left", False))) is None:
            raise AnswerShapeError("not a number with an optional unit")
    elif not NUMBER_RE.fullmatch(answer.strip()):
        raise AnswerShapeError("not a number")


def matching_choices(q: dict[str, Any]) -> list[str]:
    """The right-hand choices of a matching question: its pairs', then its distractors'."""
    return _ids(q, "pairs") + _ids(q, "distractors")


def _matching(q: dict[str, Any], answer: Any) -> None:
    ids, choices = _ids(q, "pairs"), matching_choices(q)
    if not isinstance(answer, dict) or not all(
        k in ids and isinstance(v, str) and v in choices for k, v in answer.items()
    ):
        raise AnswerShapeError("not a mapping of pair ids to right-hand choice ids")


def _ordering(q: dict[str, Any], answer: Any) -> None:
    ids = _ids(q, "items")
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
        raise AnswerShapeError("not an ordering of the item ids")
    if "select_count" in q:  # the paper's subset of the items
        if len(answer) != q["select_count"] or len(set(answer)) != len(answer) \
                or not set(answer) <= set(ids):
            raise AnswerShapeError(f"not an ordering of {q['select_count']} of the item ids")
    elif sorted(answer) != sorted(ids):
        raise AnswerShapeError("not an ordering of the item ids")


def _description(q: dict[str, Any], answer: Any) -> None:
    raise AnswerShapeError("a description takes no answer")


def gap_choices(q: dict[str, Any], gap_id: str) -> list[dict[str, Any]]:
    """The choices offered in one gap of a gapselect/ddwtos question: its group's."""
    by_id = {c["id"]: c for c in q["choices"]}
    correct = next(g["correct"] for g in q["gaps"] if g["id"] == gap_id)
    group = by_id[correct].get("group", 1)
    return [c for c in q["choices"] if c.get("group", 1) == group]


def _select_gaps(q: dict[str, Any], answer: Any) -> None:
    gaps = {g["id"] for g in q["gaps"]}
    if not isinstance(answer, dict) or not all(k in gaps for k in answer):
        raise AnswerShapeError("not a mapping of gap ids to choice ids")
    for gap, choice in answer.items():
        if choice not in [c["id"] for c in gap_choices(q, gap)]:
            raise AnswerShapeError(f"{choice!r} is not a choice of gap {gap}")


def _cloze(q: dict[str, Any], answer: Any) -> None:
    gaps = {g["id"]: g for g in q["gaps"]}
    if not isinstance(answer, dict) or not all(k in gaps for k in answer):
        raise AnswerShapeError("not a mapping of gap ids to answers")
    for gap, value in answer.items():
        if not is_unanswered(value):
            try:
                CHECKS[gaps[gap]["type"]](gaps[gap], value)
            except AnswerShapeError as exc:
                raise AnswerShapeError(f"gap {gap}: {exc.user_message}") from exc


CHECKS: dict[str, Callable[[dict[str, Any], Any], None]] = {
    "single": _single, "multiple": _multiple, "truefalse": _truefalse,
    "short": _text(MAX_SHORT_ANSWER_CHARS), "numeric": _numeric,
    "essay": _text(MAX_ESSAY_CHARS), "matching": _matching, "ordering": _ordering,
    "description": _description, "gapselect": _select_gaps, "ddwtos": _select_gaps,
    "cloze": _cloze,
}


def check_answer(question: dict[str, Any], answer: Any) -> None:
    """Raise :class:`AnswerShapeError` unless ``answer`` fits ``question``'s type.

    Unanswered values (``None``, ``""``, ``[]``, ``{}``) always fit.
    """
    if is_unanswered(answer):
        return
    check = CHECKS.get(str(question.get("type")))
    if check is None:
        raise AnswerShapeError(f"unknown question type {question.get('type')!r}")
    check(question, answer)
