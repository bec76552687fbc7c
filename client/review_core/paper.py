"""The student's paper rebuilt from the exam and the attempt's seed, with answers
and the automatic grade (``exam_packages.paper`` / ``exam_packages.grading``).

The paper recorded in the bundle, if any, must equal the one the seed gives;
a difference is reported (``seed_mismatch``), never silently preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Any

from exam_packages.errors import EmtihanError
from exam_packages.grading import GradeReport, QuestionGrade, grade, is_unanswered
from exam_packages.paper import make_paper

from .texts import N_, t

STATUS_LABELS = {"correct": N_("correct"), "partial": N_("partly correct"),
                 "wrong": N_("wrong"), "unanswered": N_("not answered"),
                 "manual": N_("to grade by hand"), "info": N_("information (not graded)")}
_GAP_RE = re.compile(r"\[\[([A-Za-z0-9][A-Za-z0-9._-]{0,31})\]\]")


@dataclass(frozen=True)
class PaperItem:
    number: int
    qid: str
    type: str
    text: str
    choices: list[tuple[str, str, bool, bool]]  # (id, text, chosen, correct)
    answer: str
    grade: QuestionGrade
    feedback: str = ""
    rich: bool = False


@dataclass
class ReconstructedPaper:
    items: list[PaperItem]
    report: GradeReport
    warnings: list[str] = field(default_factory=list)

    @property
    def score(self) -> str:
        return str(self.report.total)

    @property
    def max_score(self) -> str:
        return str(self.report.max_total)


def _answer_text(question: dict[str, Any], answer: Any) -> str:
    if is_unanswered(answer):
        return "—"
    qtype = question["type"]
    if qtype == "truefalse":
        return "true" if answer is True else "false" if answer is False else str(answer)
    if qtype == "matching" and isinstance(answer, dict):
        rights = {p["id"]: p["right"] for p in question.get("pairs", [])}
        lefts = {p["id"]: p["left"] for p in question.get("pairs", [])}
        return "; ".join(f"{lefts.get(k, k)} → {rights.get(v, v)}" for k, v in answer.items())
    if qtype == "ordering" and isinstance(answer, list):
        texts = {i["id"]: i["text"] for i in question.get("items", [])}
        return " → ".join(texts.get(i, str(i)) for i in answer)
    if qtype in ("gapselect", "ddwtos", "cloze") and isinstance(answer, dict):
        return _gaps_text(question, answer)
    if isinstance(answer, list):
        return ", ".join(map(str, answer))
    return str(answer)


def _gap_value(question: dict[str, Any], gap: dict[str, Any], value: Any) -> str:
    if question["type"] in ("gapselect", "ddwtos"):
        texts = {c["id"]: c["text"] for c in question.get("choices", [])}
        return texts.get(value, str(value))
    if gap.get("type") == "single":
        return {o["id"]: o["text"] for o in gap.get("options", [])}.get(value, str(value))
    return str(value)


def _gaps_text(question: dict[str, Any], answer: dict[str, Any]) -> str:
    """``[1] cat; [2] —`` in the order the gaps appear in the text."""
    gaps = {g["id"]: g for g in question.get("gaps", [])}
    order = list(dict.fromkeys(_GAP_RE.findall(str(question.get("text", "")))))
    parts = []
    for number, gid in enumerate(order, start=1):
        value = answer.get(gid)
        shown = "—" if is_unanswered(value) else _gap_value(question, gaps.get(gid, {}), value)
        parts.append(f"[{number}] {shown}")
    return "; ".join(parts)


def _shown_text(question: dict[str, Any]) -> str:
    """Question text with gaps shown as ``[1]``, ``[2]``, as the student saw them."""
    numbers: dict[str, int] = {}
    return _GAP_RE.sub(lambda m: f"[{numbers.setdefault(m.group(1), len(numbers) + 1)}]",
                       str(question.get("text", "")))


def _choices(question: dict[str, Any], entry: dict[str, Any], answer: Any) -> list:
    if question["type"] not in ("single", "multiple"):
        return []
    texts = {o["id"]: o["text"] for o in question["options"]}
    chosen = set(answer if isinstance(answer, list) else [answer])
    correct = set(question.get("correct", []))
    return [(oid, texts[oid], oid in chosen, oid in correct) for oid in entry["options"]]


def reconstruct(
    exam_doc: dict[str, Any],
    policy: dict[str, Any],
    seed: str,
    answers: dict[str, Any],
    recorded_paper: dict[str, Any] | None = None,
) -> ReconstructedPaper:
    """Rebuild the paper from ``seed``, attach answers, grade it automatically."""
    paper = make_paper(exam_doc, policy, seed)
    warnings = []
    if recorded_paper is not None and recorded_paper.get("questions") != paper["questions"]:
        warnings.append("The paper recorded in the bundle differs from the one its seed "
                        "gives (seed_mismatch); the seed's paper is shown.")
    report = grade(exam_doc, answers, paper)
    grades = {g.qid: g for g in report.questions}
    items = []
    for number, entry in enumerate(paper["questions"], start=1):
        qid = entry["id"]
        question = exam_doc["questions"][qid]
        items.append(PaperItem(number, qid, question["type"], _shown_text(question),
                               _choices(question, entry, answers.get(qid)),
                               _answer_text(question, answers.get(qid)), grades[qid],
                               str(question.get("feedback", "")),
                               question.get("format") == "html"))
    if report.ignored_answers:
        warnings.append("Answers to questions not on this paper: "
                        + ", ".join(report.ignored_answers))
    return ReconstructedPaper(items, report, warnings)


_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(media/([^)\s]+)\)")


def text_html(text: str, rich: bool = False) -> str:
    """Question text as HTML: escaped, or (``rich``) the package's checked rich-text subset;
    ``![alt](media/x.png)`` becomes an ``emtihan:media/x.png`` image."""
    html = text if rich else escape(text).replace(chr(10), "<br>")
    return _IMAGE_RE.sub(lambda m: f"<br><img src='emtihan:media/{escape(unescape(m.group(2)))}' "
                                   f"alt='{escape(unescape(m.group(1)))}' width='320'><br>",
                         html)


def _item_html(item: PaperItem) -> str:
    g = item.grade
    colour = {"correct": "#1e6b34", "wrong": "#b3261e", "partial": "#8a5a00"}.get(
        g.status, "#44505e")
    parts = [f"<h3>{item.number}. <span style='color:#5f6b7a'>[{escape(item.qid)}, "
             f"{escape(item.type)}]</span></h3>",
             f"<p>{text_html(item.text, item.rich)}</p>"]
    if item.choices:
        rows = []
        for _oid, text, chosen, correct in item.choices:
            mark = "☑" if chosen else "☐"
            tail = f" <i>({t('correct')})</i>" if correct else ""
            rows.append(f"<li>{mark} {escape(text)}{tail}</li>")
        parts.append("<ul style='list-style:none'>" + "".join(rows) + "</ul>")
    elif item.type != "description":
        shown = t(item.answer) if item.type == "truefalse" else item.answer  # true / false
        parts.append(f"<p><b>{t('Answer:')}</b> {escape(shown)}</p>")
    parts.append(f"<p style='color:{colour}'><b>{t(STATUS_LABELS.get(g.status, g.status))}</b>"
                 f" — {t('{points}/{max} points', points=g.points, max=g.max_points)}"
                 + (f" ({escape(t(g.detail))})" if g.detail else "") + "</p>")
    if item.feedback:  # the author's feedback is always shown in review
        parts.append(f"<p><b>{t('Feedback:')}</b> {text_html(item.feedback)}</p>")
    return "".join(parts)


def paper_html(paper: ReconstructedPaper) -> str:
    """HTML for a QTextBrowser / QTextDocument (escaped; no external resources)."""
    report = paper.report
    head = "<p><b>" + t("Automatic total: {total} / {max}", total=report.total,
                        max=report.max_total - report.manual_max) + "</b>"
    if report.manual_pending:
        head += " — " + t("{count} question(s) to grade by hand (up to {points} points)",
                          count=len(report.manual_pending), points=report.manual_max)
    head += "; " + t("paper maximum {max}.", max=report.max_total) + "</p>"
    warn = "".join(f"<p style='color:#b3261e'><b>{escape(t(w))}</b></p>" for w in paper.warnings)
    return warn + head + "<hr>".join(_item_html(item) for item in paper.items)


def try_reconstruct(*args: Any, **kwargs: Any) -> ReconstructedPaper | str:
    """``reconstruct`` or the user message of why it could not be done."""
    try:
        return reconstruct(*args, **kwargs)
    except EmtihanError as exc:
        return exc.user_message
