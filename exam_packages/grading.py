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
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any

from .answers import MAX_NUMBER_CHARS, AnswerShapeError, check_answer, is_unanswered
from .model import question_points
from .paper import paper_question_ids, validate_paper

STATUSES = ("correct", "partial", "wrong", "unanswered", "manual")
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
    return Decimal(any(short_matches(rule, answer) for rule in q["accept"]))


def parse_number(answer: Any) -> Decimal:
    """A student's number: ``9.81``, ``9,81`` (decimal comma), ``-1.2e3``; never a float."""
    try:
        return Decimal(str(answer).strip().replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the schema guards
        raise AnswerShapeError("not a number") from exc


def _numeric(q: dict[str, Any], answer: Any) -> Decimal:
    given = parse_number(answer)
    with localcontext() as ctx:  # bounds exact for any authored decimal; compare, never subtract
        ctx.prec = 2 * MAX_NUMBER_CHARS
        expected, tolerance = Decimal(q["answer"]), Decimal(q.get("tolerance", 0))
        low, high = expected - tolerance, expected + tolerance
    return Decimal(low <= given <= high)


def _matching(q: dict[str, Any], answer: Any) -> Decimal:
    ids = [p["id"] for p in q["pairs"]]
    right = sum(1 for pid in ids if answer.get(pid) == pid)
    if q.get("scoring", "partial") == "all_or_nothing":
        return Decimal(right == len(ids))
    return Decimal(right) / len(ids)


def _ordering(q: dict[str, Any], answer: Any) -> Decimal:
    order = q["correct_order"]
    if q.get("scoring", "all_or_nothing") == "all_or_nothing":
        return Decimal(answer == order)
    return Decimal(sum(1 for a, b in zip(answer, order, strict=True) if a == b)) / len(order)


SCORERS: dict[str, Callable[[dict[str, Any], Any], Decimal]] = {
    "single": _choice, "multiple": _choice, "truefalse": _truefalse, "short": _short,
    "numeric": _numeric, "matching": _matching, "ordering": _ordering,
}


def grade_question(qid: str, question: dict[str, Any], answer: Any) -> QuestionGrade:
    """Grade one answer; never raises for a malformed answer (it is ``wrong``)."""
    qtype = question["type"]
    maximum = question_points(question)
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


def grade(exam_doc: dict[str, Any], answers: dict[str, Any],
          paper: dict[str, Any] | None = None) -> GradeReport:
    """Grade ``answers``; with a ``paper`` only its questions count (in its order)."""
    if paper is not None:
        validate_paper(exam_doc, paper)
        qids = paper_question_ids(paper)
    else:
        qids = _all_ids(exam_doc)
    answers = answers if isinstance(answers, dict) else {}
    report = GradeReport()
    for qid in qids:
        report.questions.append(grade_question(qid, exam_doc["questions"][qid],
                                               answers.get(qid)))
    report.ignored_answers = sorted(set(map(str, answers)) - set(qids))
    return report


def model_answers(exam_doc: dict[str, Any]) -> dict[str, Any]:
    """A full-marks answer for every objective question (essays are left out).

    Short answers use the first ``exact`` pattern, or are omitted when every
    accepted answer is a regex. Useful for demos and self-checks.
    """
    answers: dict[str, Any] = {}
    for qid, q in exam_doc["questions"].items():
        qtype = q["type"]
        if qtype in ("single", "truefalse"):
            answers[qid] = q["correct"][0] if qtype == "single" else q["correct"]
        elif qtype == "multiple":
            answers[qid] = list(q["correct"])
        elif qtype == "numeric":
            answers[qid] = str(q["answer"])
        elif qtype == "matching":
            answers[qid] = {p["id"]: p["id"] for p in q["pairs"]}
        elif qtype == "ordering":
            answers[qid] = list(q["correct_order"])
        elif qtype == "short":
            exact = [r["pattern"] for r in q["accept"] if r.get("mode", "exact") == "exact"]
            if exact:
                answers[qid] = exact[0]
    return answers


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
