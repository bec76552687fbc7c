"""Per-type validation of one question of the questions document."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .errors import InputError
from .model_feedback import FEEDBACK_FIELDS, check_feedback_text, check_question_feedback
from .model_values import gap_fraction, moodle_fraction, parse_decimal
from .moodle_rules import (
    ORDERING_SCORINGS,
    TOLERANCE_TYPES,
    UNIT_DISPLAYS,
    UNIT_GRADINGS,
)
from .richtext import check_rich_text

QUESTION_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
ITEM_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
MEDIA_REF_RE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
MAX_PATTERN_LEN = 500

COMMON_FIELDS = {"type", "text", "points", "title", "shuffle", "format", *FEEDBACK_FIELDS}
NUMERIC_FIELDS = {"answer", "tolerance", "answers", "units", "unit_grading", "unit_penalty",
                  "unit_display", "units_left"}
TYPE_FIELDS: dict[str, set[str]] = {
    "single": {"options", "correct", "fractions", "answer_feedback"},
    "multiple": {"options", "correct", "scoring", "fractions", "answer_feedback"},
    "truefalse": {"correct", "answer_feedback"},
    "short": {"accept"},
    "numeric": NUMERIC_FIELDS,
    "essay": set(),
    "matching": {"pairs", "scoring", "distractors"},
    "ordering": {"items", "correct_order", "scoring", "select", "select_count"},
    "description": set(),
    "gapselect": {"choices", "gaps"},
    "ddwtos": {"choices", "gaps"},
    "cloze": {"gaps"},
}
QUESTION_TYPES = tuple(TYPE_FIELDS)
GAP_TYPES = ("single", "multiple", "short", "numeric")
SCORINGS = ("all_or_nothing", "partial")
GAP_MARK_RE = re.compile(r"\[\[([A-Za-z0-9][A-Za-z0-9._-]{0,31})\]\]")


def _text(qid: str, field: str, value: Any, media: set[str]) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"question {qid}.{field}: must be a non-empty string")
    for ref in MEDIA_REF_RE.findall(value):
        if not ref.startswith("media/"):
            raise InputError(f"question {qid}.{field}: image {ref!r} must be under media/")
        if ref[len("media/"):] not in media:
            raise InputError(f"question {qid}.{field}: image {ref!r} is not in the package")


def _entries(qid: str, field: str, value: Any, keys: tuple[str, ...],
             media: set[str], *, minimum: int = 2) -> list[str]:
    """Check a list of ``{id, <keys>}`` entries; return their ids in order."""
    if not isinstance(value, list) or len(value) < minimum:
        raise InputError(f"question {qid}.{field}: expected a list of at least {minimum} "
                         f"{'entries' if minimum > 1 else 'entry'}")
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


def _scoring(qid: str, question: dict[str, Any], allowed: tuple[str, ...] = SCORINGS) -> None:
    if "scoring" in question and question["scoring"] not in allowed:
        raise InputError(f"question {qid}.scoring: expected one of {', '.join(allowed)}, "
                         f"got {question['scoring']!r}")


def _fractions(qid: str, q: dict[str, Any], ids: list[str], *,
               in_gap: bool = False) -> None:
    """Per-option grades; ``correct`` must be the options they make right."""
    if "fractions" not in q:
        return
    raw = q["fractions"]
    if not isinstance(raw, dict) or not set(raw) <= set(ids):
        raise InputError(f"question {qid}.fractions: expected a mapping of option ids to grades")
    check = gap_fraction if in_gap and q["type"] == "multiple" else moodle_fraction
    grades = {k: check(f"question {qid}.fractions.{k}", v) for k, v in raw.items()}
    single = q["type"] == "single"
    right = [i for i in ids if (grades.get(i, 0) == 1 if single else grades.get(i, 0) > 0)]
    if right != list(q["correct"]):
        raise InputError(f"question {qid}.correct: must list the options with "
                         f"{'grade 1' if single else 'a positive grade'}: {right}")


def _single(qid: str, q: dict[str, Any], media: set[str]) -> None:
    ids = _entries(qid, "options", q.get("options"), ("text",), media)
    _correct_ids(qid, q, ids, exactly_one=True)
    _fractions(qid, q, ids)


def _multiple(qid: str, q: dict[str, Any], media: set[str], *, in_gap: bool = False) -> None:
    ids = _entries(qid, "options", q.get("options"), ("text",), media)
    _correct_ids(qid, q, ids, exactly_one=False)
    _scoring(qid, q)
    _fractions(qid, q, ids, in_gap=in_gap)


def _truefalse(qid: str, q: dict[str, Any], media: set[str]) -> None:
    if "correct" not in q:
        raise InputError(f"question {qid} has no correct answer")
    if not isinstance(q["correct"], bool):
        raise InputError(f"question {qid}.correct: expected true or false")


def _short(qid: str, q: dict[str, Any], media: set[str]) -> None:
    accept = q.get("accept")
    if not accept:
        raise InputError(f"question {qid} has no correct answer")
    if not isinstance(accept, list):
        raise InputError(f"question {qid}.accept: expected a list")
    for index, rule in enumerate(accept):
        _short_rule(f"question {qid}.accept[{index}]", rule)
    if not any(Decimal(r.get("fraction", 1)) == 1 for r in accept):
        raise InputError(f"question {qid}.accept: one accepted answer must have grade 1")


def _short_rule(where: str, rule: Any) -> None:
    from .regex_safety import check_pattern

    if not isinstance(rule, dict) or "pattern" not in rule:
        raise InputError(f"{where}: expected a mapping with a 'pattern'")
    unknown = set(rule) - {"pattern", "mode", "case_sensitive", "fraction", "feedback"}
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
    if "fraction" in rule:
        moodle_fraction(f"{where}.fraction", rule["fraction"], low=0)
    if "feedback" in rule:
        check_feedback_text(f"{where}.feedback", rule["feedback"])


def _numeric(qid: str, q: dict[str, Any], media: set[str]) -> None:
    if "answer" not in q and "answers" not in q:
        raise InputError(f"question {qid} has no correct answer")
    if "answer" in q and "answers" in q:
        raise InputError(f"question {qid}: give either 'answer' or 'answers', not both")
    if "answer" in q:
        _numeric_entry(f"question {qid}", {k: q[k] for k in ("answer", "tolerance") if k in q})
    else:
        entries = q["answers"]
        if not isinstance(entries, list) or not entries:
            raise InputError(f"question {qid}.answers: expected a non-empty list")
        for index, entry in enumerate(entries):
            _numeric_entry(f"question {qid}.answers[{index}]", entry)
        if not any(Decimal(e.get("fraction", 1)) == 1 for e in entries):
            raise InputError(f"question {qid}.answers: one answer must have grade 1")
    _units(qid, q)


def _numeric_entry(where: str, entry: Any) -> None:
    if not isinstance(entry, dict) or "answer" not in entry or \
            set(entry) - {"answer", "tolerance", "fraction", "tolerance_type", "feedback"}:
        raise InputError(f"{where}: expected the fields answer, tolerance, tolerance_type, "
                         "fraction, feedback")
    if "feedback" in entry:
        check_feedback_text(f"{where}.feedback", entry["feedback"])
    if entry.get("tolerance_type", "nominal") not in TOLERANCE_TYPES:
        raise InputError(f"{where}.tolerance_type: expected one of {', '.join(TOLERANCE_TYPES)}")
    if entry["answer"] != "*":
        parse_decimal(entry["answer"], f"{where}.answer")
    if "tolerance" in entry:
        tol = parse_decimal(entry["tolerance"], f"{where}.tolerance")
        if tol < 0:
            raise InputError(f"{where}.tolerance: must not be negative")
    if "fraction" in entry:
        moodle_fraction(f"{where}.fraction", entry["fraction"], low=0)


def _units(qid: str, q: dict[str, Any]) -> None:
    units = q.get("units", [])
    if not isinstance(units, list):
        raise InputError(f"question {qid}.units: expected a list of {{unit, multiplier}}")
    seen: set[str] = set()
    for index, unit in enumerate(units):
        where = f"question {qid}.units[{index}]"
        if not isinstance(unit, dict) or set(unit) != {"unit", "multiplier"} or \
                not isinstance(unit["unit"], str) or not unit["unit"].strip():
            raise InputError(f"{where}: expected a unit name and a multiplier")
        if unit["unit"] in seen:
            raise InputError(f"{where}: unit {unit['unit']!r} is listed twice")
        seen.add(unit["unit"])
        if parse_decimal(unit["multiplier"], f"{where}.multiplier") <= 0:
            raise InputError(f"{where}.multiplier: must be positive")
    for field, allowed in (("unit_grading", UNIT_GRADINGS), ("unit_display", UNIT_DISPLAYS)):
        if field in q and q[field] not in allowed:
            raise InputError(f"question {qid}.{field}: expected one of {', '.join(allowed)}")
    if "unit_penalty" in q and not 0 <= parse_decimal(q["unit_penalty"],
                                                      f"question {qid}.unit_penalty") <= 1:
        raise InputError(f"question {qid}.unit_penalty: must be between 0 and 1")
    if "units_left" in q and not isinstance(q["units_left"], bool):
        raise InputError(f"question {qid}.units_left: expected true or false")


def _essay(qid: str, q: dict[str, Any], media: set[str]) -> None:
    return None


def _matching(qid: str, q: dict[str, Any], media: set[str]) -> None:
    """``pairs`` and optional ``distractors: [{id, text}]`` (Moodle's extra wrong answers,
    offered as right-hand choices of every left-hand item)."""
    if not q.get("pairs"):
        raise InputError(f"question {qid} has no correct answer")
    ids = _entries(qid, "pairs", q["pairs"], ("left", "right"), media)
    _scoring(qid, q)
    if "distractors" in q:
        for eid in _entries(qid, "distractors", q["distractors"], ("text",), media,
                              minimum=1):
            if eid in ids:
                raise InputError(f"question {qid}.distractors: id {eid!r} is also a pair id")


def _ordering(qid: str, q: dict[str, Any], media: set[str]) -> None:
    ids = _entries(qid, "items", q.get("items"), ("text",), media)
    order = q.get("correct_order")
    if not order:
        raise InputError(f"question {qid} has no correct answer")
    if not isinstance(order, list) or sorted(map(str, order)) != sorted(ids) \
            or len(order) != len(ids):
        raise InputError(f"question {qid}.correct_order: must list every item id exactly once")
    _scoring(qid, q, ("partial", *ORDERING_SCORINGS))
    _ordering_subset(qid, q, len(ids))


def _ordering_subset(qid: str, q: dict[str, Any], count: int) -> None:
    """qtype_ordering's "select a subset": ``select: random|contiguous`` with
    ``select_count`` items (2 or more, fewer than all) drawn per paper."""
    if "select" not in q and "select_count" not in q:
        return
    if q.get("select") not in ("random", "contiguous"):
        raise InputError(f"question {qid}.select: expected 'random' or 'contiguous'")
    chosen = q.get("select_count")
    if not isinstance(chosen, int) or isinstance(chosen, bool) or not 2 <= chosen < count:
        raise InputError(f"question {qid}.select_count: expected a whole number from 2 to "
                         f"{count - 1} (fewer than the {count} items)")


def _description(qid: str, q: dict[str, Any], media: set[str]) -> None:
    if "points" in q:
        raise InputError(f"question {qid}.points: a description is not graded")


def _gap_marks(qid: str, text: Any, gap_ids: list[str]) -> None:
    marks = GAP_MARK_RE.findall(str(text))
    if sorted(marks) != sorted(gap_ids):
        raise InputError(f"question {qid}.text: every gap must appear once as [[gap id]] "
                         f"(gaps {gap_ids}, text has {marks})")


def _gap_list(qid: str, q: dict[str, Any]) -> list[dict[str, Any]]:
    gaps = q.get("gaps")
    if not isinstance(gaps, list) or not gaps:
        raise InputError(f"question {qid} has no gaps")
    ids: list[str] = []
    for index, gap in enumerate(gaps):
        gid = gap.get("id") if isinstance(gap, dict) else None
        if not isinstance(gid, str) or not ITEM_ID_RE.fullmatch(gid) or gid in ids:
            raise InputError(f"question {qid}.gaps[{index}].id: missing, invalid or duplicate")
        ids.append(gid)
    _gap_marks(qid, q.get("text"), ids)
    return gaps


def _select_gaps(qid: str, q: dict[str, Any], media: set[str]) -> None:
    """gapselect / ddwtos: ``choices: [{id, text, group?}]``, ``gaps: [{id, correct}]``."""
    choices = q.get("choices")
    if not isinstance(choices, list) or len(choices) < 2:
        raise InputError(f"question {qid}.choices: expected a list of at least 2 choices")
    ids: set[str] = set()
    for index, choice in enumerate(choices):
        where = f"question {qid}.choices[{index}]"
        if not isinstance(choice, dict) or not {"id", "text"} <= set(choice) <= \
                {"id", "text", "group"} or not ITEM_ID_RE.fullmatch(str(choice["id"])) \
                or choice["id"] in ids:
            raise InputError(f"{where}: expected a unique id, a text and an optional group")
        ids.add(choice["id"])
        _text(qid, f"choices[{index}].text", choice["text"], media)
        group = choice.get("group", 1)
        if isinstance(group, bool) or not isinstance(group, int) or group < 1:
            raise InputError(f"{where}.group: expected a positive integer")
    for index, gap in enumerate(_gap_list(qid, q)):
        if set(gap) != {"id", "correct"} or gap["correct"] not in ids:
            raise InputError(f"question {qid}.gaps[{index}]: expected an id and the id of "
                             "its correct choice")


def _cloze(qid: str, q: dict[str, Any], media: set[str]) -> None:
    """cloze: ``gaps: [{id, type: single|multiple|short|numeric, points?, <that type's
    fields>}]``."""
    for index, gap in enumerate(_gap_list(qid, q)):
        where = f"{qid}.gaps[{index}]"
        gtype = gap.get("type")
        if gtype not in GAP_TYPES:
            raise InputError(f"question {where}.type: expected one of {', '.join(GAP_TYPES)}")
        unknown = set(gap) - {"id", "type", "points", "shuffle"} - TYPE_FIELDS[gtype]
        if unknown or ("shuffle" in gap and gtype not in ("single", "multiple")):
            field = sorted(unknown)[0] if unknown else "shuffle"
            raise InputError(f"question {where}: unknown field {field!r}")
        if not isinstance(gap.get("shuffle", False), bool):
            raise InputError(f"question {where}.shuffle: expected true or false")
        if "points" in gap and parse_decimal(gap["points"], f"question {where}.points") <= 0:
            raise InputError(f"question {where}.points: must be positive")
        if gtype == "multiple":  # a MULTIRESPONSE gap
            _multiple(where, gap, media, in_gap=True)
        else:
            CHECKERS[gtype](where, gap, media)
        check_question_feedback(where, gap)


CHECKERS: dict[str, Callable[[str, dict[str, Any], set[str]], None]] = {
    "single": _single, "multiple": _multiple, "truefalse": _truefalse, "short": _short,
    "numeric": _numeric, "essay": _essay, "matching": _matching, "ordering": _ordering,
    "description": _description, "gapselect": _select_gaps, "ddwtos": _select_gaps,
    "cloze": _cloze,
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
    if "title" in question and not isinstance(question["title"], str):
        raise InputError(f"question {qid}.title: expected a string")
    check_question_feedback(qid, question)
    if "shuffle" in question and not isinstance(question["shuffle"], bool):
        raise InputError(f"question {qid}.shuffle: expected true or false")
    if question.get("format", "plain") not in ("plain", "html"):
        raise InputError(f"question {qid}.format: expected 'plain' or 'html'")
    if question.get("format") == "html":
        check_rich_text(MEDIA_REF_RE.sub("", question["text"]), f"question {qid}.text")
    if "points" in question:
        points = parse_decimal(question["points"], f"question {qid}.points")
        if points <= 0:
            raise InputError(f"question {qid}.points: must be positive")
    CHECKERS[qtype](qid, question, media)
