"""Moodle's grading rules, re-implemented in exact decimals.

Each function returns the *fraction* (0..1, or negative where Moodle allows it)
that Moodle's question type gives to a response; :mod:`exam_packages.grading`
multiplies it by the question's points. The rules follow Moodle's own
``question/type/*/question.php`` (multichoice, shortanswer, numerical,
qtype_ordering) and are pinned by ``tests/exam_packages/test_moodle_equivalence.py``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

# question_bank::fraction_options_full(): the grades Moodle's editing form offers.
GRADE_VALUES = tuple(Decimal(v) for v in (
    "1", "0.9", "0.8333333", "0.8", "0.75", "0.7", "0.6666667", "0.6", "0.5", "0.4",
    "0.3333333", "0.3", "0.25", "0.2", "0.1666667", "0.1428571", "0.125", "0.1111111",
    "0.1", "0.05"))
ALLOWED_FRACTIONS = frozenset(GRADE_VALUES) | frozenset(-v for v in GRADE_VALUES) | {Decimal(0)}
_MATCH_DELTA = Decimal("0.00001")  # match_grade_options(): "slightly fuzzy test"

ORDERING_SCORINGS = (
    "all_or_nothing", "absolute_position", "relative_next_exclude_last",
    "relative_next_include_last", "relative_one_previous_and_next",
    "relative_all_previous_and_next", "longest_ordered_subset",
    "longest_contiguous_subset", "relative_to_correct",
)
UNIT_GRADINGS = ("optional", "out_of_mark", "out_of_max")
UNIT_DISPLAYS = ("input", "choice", "select", "none")
_NUMBER_PREFIX_RE = re.compile(r"\s*([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*",
                               re.DOTALL)


def allowed_fraction(value: Decimal) -> Decimal | None:
    """The Moodle grade ``value`` stands for, or ``None`` if Moodle refuses it."""
    for allowed in ALLOWED_FRACTIONS:
        if abs(value - allowed) < _MATCH_DELTA:
            return allowed
    return None


def clamp01(value: Decimal) -> Decimal:
    return min(max(value, Decimal(0)), Decimal(1))


# --- multichoice -----------------------------------------------------------------------------

def choice_fraction(q: dict[str, Any], answer: Any) -> Decimal:
    """qtype_multichoice: single = the chosen option's grade; multiple = the sum of the
    chosen options' grades, clamped to [0, 1]."""
    fractions = {k: Decimal(v) for k, v in q["fractions"].items()}
    if q["type"] == "single":
        return fractions.get(answer, Decimal(0))
    return clamp01(sum((fractions.get(a, Decimal(0)) for a in answer), Decimal(0)))


# --- shortanswer -----------------------------------------------------------------------------

def wildcard_regex(pattern: str) -> str:
    """Moodle's shortanswer pattern (``*`` = anything, ``\\*`` = a star) as a regex."""
    parts = re.split(r"(?<!\\)\*+", pattern)
    return ".*".join(re.escape(p.replace("\\*", "*")) for p in parts)


# --- numerical -------------------------------------------------------------------------------

def split_number(text: str, units_left: bool = False) -> tuple[Decimal, str] | None:
    """``"985 cm/s^2"`` -> (985, ``"cm/s^2"``); ``None`` when there is no number."""
    text = unicodedata.normalize("NFC", str(text)).strip()
    if units_left:
        match = re.fullmatch(r"\s*(.*?)\s*([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?)\s*",
                             text, re.DOTALL)
        if match is None:
            return None
        unit, number = match.group(1), match.group(2)
    else:
        match = _NUMBER_PREFIX_RE.fullmatch(text)
        if match is None:
            return None
        number, unit = match.group(1), match.group(2)
    try:
        return Decimal(number.replace(",", ".")), unit.strip()
    except InvalidOperation:
        return None


def numeric_fraction(q: dict[str, Any], answer: str) -> Decimal:
    """qtype_numerical::grade_response: first answer within tolerance (scaled by the
    unit's multiplier first, then unscaled), then the unit penalty."""
    matched = numeric_match(q, answer)
    return matched[1] if matched is not None else Decimal(0)


def numeric_match(q: dict[str, Any], answer: str) -> tuple[dict[str, Any], Decimal] | None:
    """The answer entry that grades ``answer`` (its feedback is shown) and the grade."""
    parsed = split_number(answer, bool(q.get("units_left", False)))
    if parsed is None:
        return None
    value, unit = parsed
    units = {u["unit"]: Decimal(u["multiplier"]) for u in q.get("units") or []}
    known = unit in units
    scaled = value / units[unit] if known else value
    for entry in numeric_answers(q):
        fraction = Decimal(entry.get("fraction", "1"))
        if _within(entry, scaled):
            return entry, fraction if known else _unit_penalty(q, fraction)
        if _within(entry, value):
            return entry, _unit_penalty(q, fraction)
    return None


def numeric_answers(q: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``answers`` list, or the legacy single ``answer``/``tolerance`` as one entry."""
    if "answers" in q:
        return list(q["answers"])
    entry = {"answer": q["answer"], "fraction": "1"}
    if "tolerance" in q:
        entry["tolerance"] = q["tolerance"]
    return [entry]


TOLERANCE_TYPES = ("nominal", "relative", "geometric")


def _within(entry: dict[str, Any], value: Decimal) -> bool:
    """qtype_numerical_answer::within_tolerance (nominal, relative, geometric)."""
    if entry["answer"] == "*":
        return True
    with localcontext() as ctx:
        ctx.prec = 250
        expected, tolerance = Decimal(entry["answer"]), abs(Decimal(entry.get("tolerance", 0)))
        kind = entry.get("tolerance_type", "nominal")
        if kind == "relative":
            tolerance = abs(expected) * tolerance
        elif kind == "geometric":
            # as Moodle: for a negative answer this interval is empty
            return expected / (1 + tolerance) <= value <= expected * (1 + tolerance)
        return expected - tolerance <= value <= expected + tolerance


def _unit_penalty(q: dict[str, Any], fraction: Decimal) -> Decimal:
    mode = q.get("unit_grading", "optional")
    penalty = Decimal(q.get("unit_penalty", "0"))
    if mode == "out_of_mark":
        fraction -= penalty * fraction
    elif mode == "out_of_max":
        fraction -= penalty
    return max(fraction, Decimal(0))


# --- qtype_ordering --------------------------------------------------------------------------

def _next_ids(ids: list[str], include_last: bool) -> dict[str, str | None]:
    pairs: dict[str, str | None] = {a: b for a, b in zip(ids, ids[1:], strict=False)}
    if include_last and ids:
        pairs[ids[-1]] = None
    return pairs


def _neighbours(ids: list[str], everything: bool) -> dict[str, tuple[set, set]]:
    out: dict[str, tuple[set, set]] = {}
    for i, item in enumerate(ids):
        if everything:
            out[item] = (set(ids[:i]), set(ids[i + 1:]))
        else:
            out[item] = ({ids[i - 1] if i else None}, {ids[i + 1] if i + 1 < len(ids) else None})
    return out


def _ordered_subsets(positions: list[int], contiguous: bool) -> list[list[int]]:
    """qtype_ordering_question::get_ordered_subsets, step for step."""
    subsets: list[list[int]] = []
    for p, value in enumerate(positions):
        is_new, new = True, []
        for subset in subsets:
            end = positions[subset[-1]]
            if value == end + 1:
                is_new = False
                subset.append(p)
            elif not contiguous and value > end:
                is_new = False
                new.append(list(subset))
                subset.append(p)
        if is_new:
            new.append([p])
        subsets.extend(new)
    return subsets


def _longest_subset(answer: list[str], order: list[str], contiguous: bool) -> int:
    positions = [order.index(a) for a in answer]
    best = 1  # Moodle ignores subsets of one item
    found = 0
    for subset in _ordered_subsets(positions, contiguous):
        if len(subset) > best:
            best = found = len(subset)
    return found


def ordering_fraction(scoring: str, answer: list[str], order: list[str]) -> Decimal:
    """qtype_ordering_question::grade_response for each grading type."""
    n = len(order)
    if scoring in ("all_or_nothing", "absolute_position", "partial"):
        right = sum(1 for a, b in zip(answer, order, strict=True) if a == b)
        if scoring == "all_or_nothing":
            return Decimal(right == n)
        return Decimal(right) / n
    if scoring.startswith("relative_next"):
        include = scoring.endswith("include_last")
        given_next, wanted_next = _next_ids(answer, include), _next_ids(order, include)
        right = sum(1 for k, v in wanted_next.items() if given_next.get(k, "-") == v)
        return Decimal(right) / len(wanted_next) if wanted_next else Decimal(0)
    if scoring.startswith("relative_") and scoring.endswith("previous_and_next"):
        everything = scoring == "relative_all_previous_and_next"
        given, wanted = _neighbours(answer, everything), _neighbours(order, everything)
        right = sum(len(given[k][0] & w[0]) + len(given[k][1] & w[1]) for k, w in wanted.items())
        total = sum(len(w[0]) + len(w[1]) for w in wanted.values())
        return Decimal(right) / total if total else Decimal(0)
    if scoring.startswith("longest_"):
        found = _longest_subset(answer, order, scoring == "longest_contiguous_subset")
        return Decimal(found) / n
    if scoring == "relative_to_correct":
        if n < 2:
            return Decimal(answer == order)
        count = n - 1
        right = sum(max(count - abs(pos - answer.index(item)), 0) for pos, item in enumerate(order))
        return Decimal(right) / (n * count)
    raise ValueError(f"unknown ordering scoring {scoring!r}")
