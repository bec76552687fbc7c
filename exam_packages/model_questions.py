"""Per-type validation of one question of the questions document."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import InputError

QUESTION_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
ITEM_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
DECIMAL_RE = re.compile(r"-?\d+(\.\d+)?")
MEDIA_REF_RE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
MAX_PATTERN_LEN = 500

COMMON_FIELDS = {"type", "text", "points", "title", "feedback"}
TYPE_FIELDS: dict[str, set[str]] = {
    "single": {"options", "correct"},
    "multiple": {"options", "correct", "scoring"},
    "truefalse": {"correct"},
    "short": {"accept"},
    "numeric": {"answer", "tolerance"},
    "essay": set(),
    "matching": {"pairs", "scoring"},
    "ordering": {"items", "correct_order", "scoring"},
}
QUESTION_TYPES = tuple(TYPE_FIELDS)
SCORINGS = ("all_or_nothing", "partial")


def parse_decimal(value: Any, where: str) -> Decimal:
    """Read an integer or a decimal string like ``"9.81"`` (floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InputError(f"{where}: expected an integer or a decimal string, got {value!r}")
    if isinstance(value, str) and not DECIMAL_RE.fullmatch(value):
        raise InputError(f"{where}: not a decimal number like \"9.81\": {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards
        raise InputError(f"{where}: not a decimal number: {value!r}") from exc


def _text(qid: str, field: str, value: Any, media: set[str]) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"question {qid}.{field}: must be a non-empty string")
    for ref in MEDIA_REF_RE.findall(value):
        if not ref.startswith("media/"):
            raise InputError(f"question {qid}.{field}: image {ref!r} must be under media/")
        if ref[len("media/"):] not in media:
            raise InputError(f"question {qid}.{field}: image {ref!r} is not in the package")


def _entries(qid: str, field: str, value: Any, keys: tuple[str, ...],
             media: set[str]) -> list[str]:
    """Check a list of ``{id, <keys>}`` entries; return their ids in order."""
    if not isinstance(value, list) or len(value) < 2:
        raise InputError(f"question {qid}.{field}: expected a list of at least 2 entries")
    ids: list[str] = []
    for index, entry in enumerate(value):
        where = f"{field}[{index}]"
        if not isinstance(entry, dict) or set(entry) != {"id", *keys}:
            raise InputError(f"question {qid}.{where}: expected exactly the fields "
                             f"{', '.join(('id', *keys))}")
        eid = entry["id"]
        if not isinstance(eid, str) or not ITEM_ID_RE.fullmatch(eid):
            raise InputError(f"question {qid}.{where}.id: invalid id {eid!r}")
        if eid in ids:
            raise InputError(f"question {qid}.{field}: duplicate id {eid!r}")
        ids.append(eid)
        for key in keys:
            _text(qid, f"{where}.{key}", entry[key], media)
    return ids


def _correct_ids(qid: str, question: dict[str, Any], ids: list[str], exactly_one: bool) -> None:
    correct = question.get("correct")
    if correct is None or correct == []:
        raise InputError(f"question {qid} has no correct answer")
    if not isinstance(correct, list) or not all(isinstance(c, str) for c in correct):
        raise InputError(f"question {qid}.correct: expected a list of option ids")
    if exactly_one and len(correct) != 1:
        raise InputError(f"question {qid}.correct: a single-choice question needs exactly "
                         f"one correct option, got {len(correct)}")
    if len(set(correct)) != len(correct):
        raise InputError(f"question {qid}.correct: an option is listed twice")
    for cid in correct:
        if cid not in ids:
            raise InputError(f"question {qid}.correct: {cid!r} is not an option id")


def _scoring(qid: str, question: dict[str, Any]) -> None:
    if "scoring" in question and question["scoring"] not in SCORINGS:
        raise InputError(f"question {qid}.scoring: expected 'all_or_nothing' or 'partial', "
                         f"got {question['scoring']!r}")


def _single(qid: str, q: dict[str, Any], media: set[str]) -> None:
    ids = _entries(qid, "options", q.get("options"), ("text",), media)
    _correct_ids(qid, q, ids, exactly_one=True)


def _multiple(qid: str, q: dict[str, Any], media: set[str]) -> None:
    ids = _entries(qid, "options", q.get("options"), ("text",), media)
    _correct_ids(qid, q, ids, exactly_one=False)
    _scoring(qid, q)


def _truefalse(qid: str, q: dict[str, Any], media: set[str]) -> None:
    if "correct" not in q:
        raise InputError(f"question {qid} has no correct answer")
    if not isinstance(q["correct"], bool):
        raise InputError(f"question {qid}.correct: expected true or false")


def _short(qid: str, q: dict[str, Any], media: set[str]) -> None:
    from .regex_safety import check_pattern

    accept = q.get("accept")
    if not accept:
        raise InputError(f"question {qid} has no correct answer")
    if not isinstance(accept, list):
        raise InputError(f"question {qid}.accept: expected a list")
    for index, rule in enumerate(accept):
        where = f"question {qid}.accept[{index}]"
        if not isinstance(rule, dict) or "pattern" not in rule:
            raise InputError(f"{where}: expected a mapping with a 'pattern'")
        unknown = set(rule) - {"pattern", "mode", "case_sensitive"}
        if unknown:
            raise InputError(f"{where}: unknown field {sorted(unknown)[0]!r}")
        pattern = rule["pattern"]
        if not isinstance(pattern, str) or not pattern.strip():
            raise InputError(f"{where}.pattern: must be a non-empty string")
        if len(pattern) > MAX_PATTERN_LEN:
            raise InputError(f"{where}.pattern: longer than {MAX_PATTERN_LEN} characters")
        mode = rule.get("mode", "exact")
        if mode not in ("exact", "regex"):
            raise InputError(f"{where}.mode: expected 'exact' or 'regex', got {mode!r}")
        if not isinstance(rule.get("case_sensitive", False), bool):
            raise InputError(f"{where}.case_sensitive: expected true or false")
        if mode == "regex":
            check_pattern(pattern, where)


def _numeric(qid: str, q: dict[str, Any], media: set[str]) -> None:
    if "answer" not in q:
        raise InputError(f"question {qid} has no correct answer")
    parse_decimal(q["answer"], f"question {qid}.answer")
    if "tolerance" in q:
        tol = parse_decimal(q["tolerance"], f"question {qid}.tolerance")
        if tol < 0:
            raise InputError(f"question {qid}.tolerance: must not be negative")


def _essay(qid: str, q: dict[str, Any], media: set[str]) -> None:
    return None


def _matching(qid: str, q: dict[str, Any], media: set[str]) -> None:
    if not q.get("pairs"):
        raise InputError(f"question {qid} has no correct answer")
    _entries(qid, "pairs", q["pairs"], ("left", "right"), media)
    _scoring(qid, q)


def _ordering(qid: str, q: dict[str, Any], media: set[str]) -> None:
    ids = _entries(qid, "items", q.get("items"), ("text",), media)
    order = q.get("correct_order")
    if not order:
        raise InputError(f"question {qid} has no correct answer")
    if not isinstance(order, list) or sorted(map(str, order)) != sorted(ids) \
            or len(order) != len(ids):
        raise InputError(f"question {qid}.correct_order: must list every item id exactly once")
    _scoring(qid, q)


CHECKERS: dict[str, Callable[[str, dict[str, Any], set[str]], None]] = {
    "single": _single, "multiple": _multiple, "truefalse": _truefalse, "short": _short,
    "numeric": _numeric, "essay": _essay, "matching": _matching, "ordering": _ordering,
}


def validate_question(qid: Any, question: Any, media: set[str]) -> None:
    """Check one question of any type; raise :class:`InputError` naming ``qid``."""
    if not isinstance(qid, str) or not QUESTION_ID_RE.fullmatch(qid):
        raise InputError(f"question id {qid!r} must match [A-Za-z0-9][A-Za-z0-9._-]{{0,63}}")
    if not isinstance(question, dict):
        raise InputError(f"question {qid}: expected a mapping")
    qtype = question.get("type")
    if not isinstance(qtype, str) or qtype not in TYPE_FIELDS:
        raise InputError(f"question {qid}.type: unknown type {qtype!r}; expected one of "
                         f"{', '.join(QUESTION_TYPES)}")
    unknown = set(question) - COMMON_FIELDS - TYPE_FIELDS[qtype]
    if unknown:
        raise InputError(f"question {qid}: unknown field {sorted(unknown)[0]!r} for type {qtype}")
    _text(qid, "text", question.get("text"), media)
    for key in ("title", "feedback"):
        if key in question and not isinstance(question[key], str):
            raise InputError(f"question {qid}.{key}: expected a string")
    if "points" in question:
        points = parse_decimal(question["points"], f"question {qid}.points")
        if points <= 0:
            raise InputError(f"question {qid}.points: must be positive")
    CHECKERS[qtype](qid, question, media)
