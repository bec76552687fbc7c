"""A full-marks answer for every objective question, in the schema of
:mod:`exam_packages.answers` (for demos, self-checks and the contract tests)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .moodle_rules import numeric_answers


def _short(q: dict[str, Any]) -> str | None:
    exact = [r["pattern"] for r in q["accept"]
             if r.get("mode", "exact") == "exact" and Decimal(r.get("fraction", 1)) == 1]
    return exact[0] if exact else None


def _numeric(q: dict[str, Any]) -> str | None:
    best = [e["answer"] for e in numeric_answers(q)
            if e["answer"] != "*" and Decimal(e.get("fraction", 1)) == 1]
    if not best:
        return None
    units = [u["unit"] for u in q.get("units") or [] if Decimal(u["multiplier"]) == 1]
    if not units:
        return str(best[0])
    return f"{units[0]} {best[0]}" if q.get("units_left") else f"{best[0]} {units[0]}"


def model_answer(q: dict[str, Any]) -> Any:
    """A full-marks answer to one question, or ``None`` (essays, descriptions,
    short answers whose only full-mark answers are regexes, ordering subsets)."""
    qtype = q["type"]
    if qtype == "single":
        return q["correct"][0]
    if qtype in ("multiple",):
        return list(q["correct"])
    if qtype == "truefalse":
        return q["correct"]
    if qtype == "numeric":
        return _numeric(q)
    if qtype == "short":
        return _short(q)
    if qtype == "matching":
        return {p["id"]: p["id"] for p in q["pairs"]}
    if qtype == "ordering":  # a subset (select_count) depends on the paper: no answer here
        return None if "select_count" in q else list(q["correct_order"])
    if qtype in ("gapselect", "ddwtos"):
        return {g["id"]: g["correct"] for g in q["gaps"]}
    if qtype == "cloze":
        gaps = {g["id"]: model_answer(g) for g in q["gaps"]}
        return {k: v for k, v in gaps.items() if v is not None} or None
    return None


def model_answers(exam_doc: dict[str, Any]) -> dict[str, Any]:
    """A full-marks answer for every objective question (essays are left out).

    Short answers use the first ``exact`` pattern with grade 1, or are omitted
    when every such answer is a regex. Useful for demos and self-checks.
    """
    answers = {qid: model_answer(q) for qid, q in exam_doc["questions"].items()}
    return {qid: a for qid, a in answers.items() if a is not None}
