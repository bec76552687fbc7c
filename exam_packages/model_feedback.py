"""Feedback fields of a question (Moodle's feedback kinds), their validation, and the
exam policy that says whether the student sees them.

On any question (all optional, plain text; ``![alt](media/x)`` images allowed):

* ``feedback``: general feedback (Moodle's "general feedback"), for every student;
* ``combined_feedback``: ``{correct, partial, incorrect}``, chosen by the grade;
* ``hints``: a list of texts (Moodle's hints for interactive attempts; Emtihan has one
  attempt, so they are shown in review only);
* ``grader_info``: information for the grader (Moodle's essay "grader information"):
  review only, never shown to the student.

Per answer (Moodle's "feedback" of each answer):

* single / multiple / truefalse: ``answer_feedback: {option id | "true" | "false": text}``;
* short: ``feedback`` in an ``accept`` rule; numeric: ``feedback`` in an ``answers`` entry
  (the same inside cloze gaps).

``policy.feedback`` of the exam: ``none`` (default, also when absent, so older
packages keep their bytes) or ``after_handin`` (the student sees general, per-answer
and combined feedback once the hand-in is received).
"""

from __future__ import annotations

from typing import Any

from .errors import InputError

FEEDBACK_POLICIES = ("none", "after_handin")
COMBINED_KEYS = ("correct", "partial", "incorrect")
FEEDBACK_FIELDS = {"feedback", "combined_feedback", "hints", "grader_info"}
MAX_FEEDBACK_CHARS = 20_000
MAX_HINTS = 20


def feedback_policy(policy: dict[str, Any] | None) -> str:
    """``policy.feedback`` with its default (``none``)."""
    value = (policy or {}).get("feedback", "none")
    check_feedback_policy(value)
    return str(value)


def check_feedback_policy(value: Any) -> None:
    if value not in FEEDBACK_POLICIES:
        raise InputError(f"exam.policy.feedback: expected one of {', '.join(FEEDBACK_POLICIES)}, "
                         f"got {value!r}")


def check_feedback_text(where: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: expected a non-empty string")
    if len(value) > MAX_FEEDBACK_CHARS:
        raise InputError(f"{where}: longer than {MAX_FEEDBACK_CHARS} characters")


def _mapping(where: str, value: Any, keys: set[str]) -> None:
    if not isinstance(value, dict) or not value:
        raise InputError(f"{where}: expected a mapping")
    for key, text in value.items():
        if key not in keys:
            raise InputError(f"{where}: {key!r} is not one of {', '.join(sorted(keys))}")
        check_feedback_text(f"{where}.{key}", text)


def check_question_feedback(qid: str, question: dict[str, Any]) -> None:
    """The question-level feedback fields (per-rule ``feedback`` is checked with its rule)."""
    if "feedback" in question and not isinstance(question["feedback"], str):
        raise InputError(f"question {qid}.feedback: expected a string")
    if "grader_info" in question:
        check_feedback_text(f"question {qid}.grader_info", question["grader_info"])
    if "combined_feedback" in question:
        _mapping(f"question {qid}.combined_feedback", question["combined_feedback"],
                 set(COMBINED_KEYS))
    if "hints" in question:
        hints = question["hints"]
        if not isinstance(hints, list) or not hints or len(hints) > MAX_HINTS:
            raise InputError(f"question {qid}.hints: expected a list of 1 to {MAX_HINTS} texts")
        for index, hint in enumerate(hints):
            check_feedback_text(f"question {qid}.hints[{index}]", hint)
    if "answer_feedback" in question:
        if question["type"] == "truefalse":
            keys = {"true", "false"}
        else:
            keys = {str(o.get("id")) for o in question.get("options") or []
                    if isinstance(o, dict)}
        _mapping(f"question {qid}.answer_feedback", question["answer_feedback"], keys)
