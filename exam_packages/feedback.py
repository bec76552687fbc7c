"""Which feedback an answer earns, as Moodle picks it (fields: :mod:`.model_feedback`).

* per answer: the chosen option's (single), every ticked option's (multiple), the
  chosen value's (true/false), the first matching rule's (short), the entry that
  graded the number (numeric); per gap in a cloze question, numbered ``[1]``...;
* combined: ``correct`` / ``partial`` / ``incorrect`` by the grade; an unanswered
  question gets ``incorrect`` (Moodle's "gave up" state has that feedback class);
  an essay none (it is graded by hand).

:func:`student_feedback` is what the student sees after the hand-in, only when the
exam's ``policy.feedback`` is ``after_handin``; the review paper shows all of it
(and hints and grader information) whatever the policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .answers import AnswerShapeError, check_answer, is_unanswered
from .grading import grade, short_matches
from .model_feedback import feedback_policy
from .moodle_rules import numeric_match

_GAP_RE = re.compile(r"\[\[([A-Za-z0-9][A-Za-z0-9._-]{0,31})\]\]")
COMBINED_BY_STATUS = {"correct": "correct", "partial": "partial", "wrong": "incorrect",
                      "unanswered": "incorrect"}


@dataclass(frozen=True)
class QuestionFeedback:
    """The feedback of one question of the student's paper."""

    number: int
    qid: str
    text: str  # the question text, gaps shown as [1], [2]
    general: str
    specific: tuple[str, ...]
    combined: str


def gap_numbers(question: dict[str, Any]) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for gid in _GAP_RE.findall(str(question.get("text", ""))):
        numbers.setdefault(gid, len(numbers) + 1)
    return numbers


def shown_text(question: dict[str, Any]) -> str:
    """The question text with gaps shown as ``[1]``, ``[2]`` (as the student saw them)."""
    numbers = gap_numbers(question)
    return _GAP_RE.sub(lambda m: f"[{numbers.get(m.group(1), 0)}]", str(question.get("text", "")))


def _rule_feedback(question: dict[str, Any], answer: Any) -> list[str]:
    qtype = question["type"]
    by_answer = question.get("answer_feedback") or {}
    if qtype == "single":
        return [by_answer[answer]] if answer in by_answer else []
    if qtype == "multiple":
        return [by_answer[o["id"]] for o in question["options"]
                if o["id"] in answer and o["id"] in by_answer]
    if qtype == "truefalse":
        key = "true" if answer is True else "false"
        return [by_answer[key]] if key in by_answer else []
    if qtype == "short":
        rule = next((r for r in question["accept"] if short_matches(r, answer)), None)
        return [rule["feedback"]] if rule and "feedback" in rule else []
    if qtype == "numeric":
        matched = numeric_match(question, answer)
        return [matched[0]["feedback"]] if matched and "feedback" in matched[0] else []
    if qtype == "cloze":
        numbers = gap_numbers(question)
        out = []
        for gap in sorted(question["gaps"], key=lambda g: numbers.get(g["id"], 0)):
            value = answer.get(gap["id"])
            if not is_unanswered(value):
                out += [f"[{numbers.get(gap['id'], 0)}] {text}"
                        for text in _rule_feedback(gap, value)]
        return out
    return []


def specific_feedback(question: dict[str, Any], answer: Any) -> list[str]:
    """The per-answer feedback ``answer`` earns (none for a malformed answer)."""
    if is_unanswered(answer):
        return []
    try:
        check_answer(question, answer)
    except AnswerShapeError:
        return []
    return _rule_feedback(question, answer)


def combined_feedback(question: dict[str, Any], status: str) -> str:
    """The combined feedback for a grade status (``correct``, ``partial``, ``wrong``...)."""
    key = COMBINED_BY_STATUS.get(status)
    return str((question.get("combined_feedback") or {}).get(key, "")) if key else ""


def paper_feedback(exam_doc: dict[str, Any], paper: dict[str, Any],
                   answers: dict[str, Any]) -> list[QuestionFeedback]:
    """Every question of ``paper`` that has feedback for these answers, in paper order."""
    report = grade(exam_doc, answers, paper)
    out = []
    for number, result in enumerate(report.questions, start=1):
        question = exam_doc["questions"][result.qid]
        item = QuestionFeedback(number, result.qid, shown_text(question),
                                str(question.get("feedback", "")).strip(),
                                tuple(specific_feedback(question, answers.get(result.qid))),
                                combined_feedback(question, result.status))
        if item.general or item.specific or item.combined:
            out.append(item)
    return out


def student_feedback(exam_doc: dict[str, Any], policy: dict[str, Any] | None,
                     paper: dict[str, Any], answers: dict[str, Any]) -> list[QuestionFeedback]:
    """What the student is shown after the hand-in: nothing unless ``policy.feedback`` is
    ``after_handin``."""
    if feedback_policy(policy) != "after_handin":
        return []
    return paper_feedback(exam_doc, paper, answers)
