"""Automatic grading of answers against the questions document.

Answers are ``{qid: answer}`` in the one schema of :mod:`exam_packages.answers`;
an answer of the wrong shape is graded ``wrong`` with the schema's reason.
Points are :class:`~decimal.Decimal`; partial credit is rounded half-up to
0.01. Essays are never scored automatically: they are reported as ``manual``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .answers import AnswerShapeError, check_answer, is_unanswered
from .model import question_points
from .model_answers import model_answers
from .moodle_rules import choice_fraction, numeric_fraction, ordering_fraction
from .paper import paper_question_ids, validate_paper

__all__ = ["STATUSES", "GradeReport", "QuestionGrade", "grade", "grade_question",
           "model_answers", "normalize_text", "parse_number", "render_report",
           "report_to_dict", "short_matches"]

STATUSES = ("correct", "partial", "wrong", "unanswered", "manual", "info")
_CENT = Decimal("0.01")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class QuestionGrade:
    qid: str
    type: str
    status: str
    points: Decimal
    max_points: Decimal
    detail: str = ""


@dataclass
class GradeReport:
    questions: list[QuestionGrade] = field(default_factory=list)
    ignored_answers: list[str] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        """Points scored automatically."""
        return sum((q.points for q in self.questions), Decimal(0))

    @property
    def max_total(self) -> Decimal:
        """Maximum points of every question on the paper (manual ones included)."""
        return sum((q.max_points for q in self.questions), Decimal(0))

    @property
    def manual_pending(self) -> list[str]:
        return [q.qid for q in self.questions if q.status == "manual"]

    @property
    def manual_max(self) -> Decimal:
        return sum((q.max_points for q in self.questions if q.status == "manual"), Decimal(0))


def normalize_text(value: str) -> str:
    """Unicode NFC, trimmed, inner whitespace runs collapsed to one space."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", value)).strip()


def _fraction_status(fraction: Decimal) -> str:
    if fraction >= 1:
        return "correct"
    return "partial" if fraction > 0 else "wrong"


def _choice(q: dict[str, Any], answer: Any) -> Decimal:
    if "fractions" in q:
        return choice_fraction(q, answer)
    correct = set(q["correct"])
    if q["type"] == "single":
        return Decimal(answer in correct)
    chosen = set(answer)
    if q.get("scoring", "all_or_nothing") == "all_or_nothing":
        return Decimal(chosen == correct)
    hits, misses = len(chosen & correct), len(chosen - correct)
    return max(Decimal(0), Decimal(hits - misses) / len(correct))


def _truefalse(q: dict[str, Any], answer: Any) -> Decimal:
    return Decimal(answer is q["correct"])


def short_matches(rule: dict[str, Any], answer: str) -> bool:
    """Whether a normalised short answer matches one ``accept`` rule."""
    given = normalize_text(answer)
    pattern = rule["pattern"]
    case = bool(rule.get("case_sensitive", False))
    if rule.get("mode", "exact") == "regex":
        flags = 0 if case else re.IGNORECASE
        return re.fullmatch(unicodedata.normalize("NFC", pattern), given, flags) is not None
    expected = normalize_text(pattern)
    return given == expected if case else given.casefold() == expected.casefold()


def _short(q: dict[str, Any], answer: Any) -> Decimal:
    """The grade of the first accepted answer that matches (Moodle's order rule)."""
    for rule in q["accept"]:
        if short_matches(rule, answer):
            return Decimal(rule.get("fraction", 1))
    return Decimal(0)


def parse_number(answer: Any) -> Decimal:
    """A student's number: ``9.81``, ``9,81`` (decimal comma), ``-1.2e3``; never a float."""
    try:
        return Decimal(str(answer).strip().replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the schema guards
        raise AnswerShapeError("not a number") from exc


def _numeric(q: dict[str, Any], answer: Any) -> Decimal:
    return numeric_fraction(q, answer)


def _matching(q: dict[str, Any], answer: Any) -> Decimal:
    """qtype_match: Moodle offers each answer text once, so a stem is right when the
    chosen choice has the text of its right answer (stems may share a choice)."""
    texts = {p["id"]: p["right"] for p in q["pairs"]}
    texts.update({d["id"]: d["text"] for d in q.get("distractors", [])})
    right = sum(1 for p in q["pairs"] if texts.get(answer.get(p["id"])) == p["right"])
    if q.get("scoring", "partial") == "all_or_nothing":
        return Decimal(right == len(q["pairs"]))
    return Decimal(right) / len(q["pairs"])


def _ordering(q: dict[str, Any], answer: Any) -> Decimal:
    """With ``select_count`` the correct order is that of the items shown (Moodle's
    correctresponse of the subset)."""
    order = [i for i in q["correct_order"] if i in answer]
    return ordering_fraction(q.get("scoring", "all_or_nothing"), answer, order)


def _select_gaps(q: dict[str, Any], answer: Any) -> Decimal:
    """qtype_gapselect / qtype_ddwtos: the share of gaps filled with their right choice."""
    right = sum(1 for g in q["gaps"] if answer.get(g["id"]) == g["correct"])
    return Decimal(right) / len(q["gaps"])


def _cloze(q: dict[str, Any], answer: Any) -> Decimal:
    """qtype_multianswer: each gap's grade weighted by its points."""
    total, weight = Decimal(0), Decimal(0)
    for gap in q["gaps"]:
        points = Decimal(gap.get("points", 1))
        weight += points
        value = answer.get(gap["id"])
        if not is_unanswered(value):
            total += SCORERS[gap["type"]](gap, value) * points
    return total / weight


SCORERS: dict[str, Callable[[dict[str, Any], Any], Decimal]] = {
    "single": _choice, "multiple": _choice, "truefalse": _truefalse, "short": _short,
    "numeric": _numeric, "matching": _matching, "ordering": _ordering,
    "gapselect": _select_gaps, "ddwtos": _select_gaps, "cloze": _cloze,
}


def grade_question(qid: str, question: dict[str, Any], answer: Any) -> QuestionGrade:
    """Grade one answer; never raises for a malformed answer (it is ``wrong``)."""
    qtype = question["type"]
    maximum = question_points(question)
    if qtype == "description":
        return QuestionGrade(qid, qtype, "info", Decimal(0), maximum, "not graded")
    if is_unanswered(answer):
        return QuestionGrade(qid, qtype, "unanswered", Decimal(0), maximum)
    if qtype == "essay":
        return QuestionGrade(qid, qtype, "manual", Decimal(0), maximum, "needs a human grader")
    try:
        check_answer(question, answer)
        fraction = SCORERS[qtype](question, answer)
    except AnswerShapeError as exc:
        return QuestionGrade(qid, qtype, "wrong", Decimal(0), maximum,
                             f"invalid answer: {exc.user_message}")
    points = (maximum * fraction).quantize(_CENT, rounding=ROUND_HALF_UP)
    return QuestionGrade(qid, qtype, _fraction_status(fraction), points, maximum)


def _all_ids(exam_doc: dict[str, Any]) -> list[str]:
    ordered = [qid for s in exam_doc.get("sections") or [] for qid in s["questions"]]
    placed = set(ordered)
    return ordered + sorted(q for q in exam_doc["questions"] if q not in placed)


UNTOUCHED_ORDERING = "never moved: graded in the order shown, as Moodle does"


def _shown_orderings(exam_doc: dict[str, Any], paper: dict[str, Any]) -> dict[str, list[str]]:
    """The item order each ordering question of ``paper`` showed the student (the paper's
    shuffle or subset, else the authored order): what Moodle submits for an ordering
    question the student never moved (qtype_ordering: the response is always complete)."""
    out: dict[str, list[str]] = {}
    for entry in paper["questions"]:
        question = exam_doc["questions"][entry["id"]]
        if question["type"] == "ordering":
            items = entry.get("items")
            out[entry["id"]] = list(items) if isinstance(items, list) else [
                str(i["id"]) for i in question["items"]]
    return out


def grade(exam_doc: dict[str, Any], answers: dict[str, Any],
          paper: dict[str, Any] | None = None) -> GradeReport:
    """Grade ``answers``; with a ``paper`` only its questions count (in its order)."""
    if paper is not None:
        validate_paper(exam_doc, paper)
        qids = paper_question_ids(paper)
    else:
        qids = _all_ids(exam_doc)
    answers = answers if isinstance(answers, dict) else {}
    shown = _shown_orderings(exam_doc, paper) if paper is not None else {}
    report = GradeReport()
    for qid in qids:
        answer = answers.get(qid)
        if qid in shown and is_unanswered(answer):  # Moodle grades it as it was shown
            result = grade_question(qid, exam_doc["questions"][qid], shown[qid])
            report.questions.append(replace(result, detail=UNTOUCHED_ORDERING))
            continue
        report.questions.append(grade_question(qid, exam_doc["questions"][qid], answer))
    report.ignored_answers = sorted(set(map(str, answers)) - set(qids))
    return report


def report_to_dict(report: GradeReport) -> dict[str, Any]:
    """A JSON-ready form (points as decimal strings)."""
    return {
        "total": str(report.total),
        "max_total": str(report.max_total),
        "manual_pending": report.manual_pending,
        "manual_max": str(report.manual_max),
        "ignored_answers": list(report.ignored_answers),
        "questions": [
            {"id": q.qid, "type": q.type, "status": q.status, "points": str(q.points),
             "max": str(q.max_points), "detail": q.detail}
            for q in report.questions
        ],
    }


def render_report(report: GradeReport) -> str:
    """A plain-text per-question breakdown."""
    width = max([len(q.qid) for q in report.questions] + [8])
    lines = [f"{'question':<{width}}  {'type':<9}  {'status':<10}  points"]
    for q in report.questions:
        extra = f"  ({q.detail})" if q.detail else ""
        lines.append(f"{q.qid:<{width}}  {q.type:<9}  {q.status:<10}  "
                     f"{q.points}/{q.max_points}{extra}")
    auto_max = report.max_total - report.manual_max
    lines.append(f"automatic total: {report.total}/{auto_max}")
    if report.manual_pending:
        lines.append(f"pending manual grading: {', '.join(report.manual_pending)} "
                     f"(up to {report.manual_max} points)")
    lines.append(f"maximum: {report.max_total}")
    if report.ignored_answers:
        lines.append(f"answers to questions not on the paper (ignored): "
                     f"{', '.join(report.ignored_answers)}")
    return "\n".join(lines)
