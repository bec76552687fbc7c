"""The one answer schema per question type (the contract between every layer).

An answer is plain JSON without floats. For each question type:

========== =====================================================================
single     one option id (``str``)
multiple   a list of distinct option ids (may be empty only when unanswered)
truefalse  ``true`` or ``false``
short      text, at most :data:`MAX_SHORT_ANSWER_CHARS` characters
numeric    a decimal string such as ``"9.81"`` (``,`` is accepted as decimal mark)
essay      text, at most :data:`MAX_ESSAY_CHARS` characters
matching   ``{pair_id: chosen_pair_id}`` for some or all left-hand items
ordering   a list of every item id exactly once
========== =====================================================================

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
    if not NUMBER_RE.fullmatch(answer.strip()):
        raise AnswerShapeError("not a number")


def _matching(q: dict[str, Any], answer: Any) -> None:
    ids = _ids(q, "pairs")
    if not isinstance(answer, dict) or not all(
        k in ids and isinstance(v, str) and v in ids for k, v in answer.items()
    ):
        raise AnswerShapeError("not a mapping of pair ids")


def _ordering(q: dict[str, Any], answer: Any) -> None:
    ids = _ids(q, "items")
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer) \
            or sorted(answer) != sorted(ids):
        raise AnswerShapeError("not an ordering of the item ids")


CHECKS: dict[str, Callable[[dict[str, Any], Any], None]] = {
    "single": _single, "multiple": _multiple, "truefalse": _truefalse,
    "short": _text(MAX_SHORT_ANSWER_CHARS), "numeric": _numeric,
    "essay": _text(MAX_ESSAY_CHARS), "matching": _matching, "ordering": _ordering,
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
