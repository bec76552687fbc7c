"""Validation of the manifest "exam" block and of the questions document.

The on-disk form is the plain dict described in ``docs/package-format.md``;
these functions check it and raise :class:`InputError` with a message that
names the question id and the field. Both the authoring tools and the package
reader call them.
"""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from .errors import InputError
from .model_feedback import check_feedback_policy
from .model_questions import QUESTION_TYPES, parse_decimal, validate_question

__all__ = [
    "DEFAULT_POLICY",
    "QUESTION_TYPES",
    "normalize_meta",
    "parse_decimal",
    "parse_utc",
    "question_points",
    "retention_of",
    "validate_exam_doc",
    "validate_meta",
]

EXAM_ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
UTC_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
SECTION_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")

DEFAULT_POLICY: dict[str, Any] = {
    "shuffle_questions": True,
    "shuffle_options": True,
    "navigation": "free",
    "required_checks": {
        "camera": True,
        "headset": True,
        "identity": True,
        "min_bandwidth_kbps": 512,
    },
    "identity_retries": 3,
    # days after the exam closes: hand-ins (answers, event log, evidence thumbnails, ID and
    # live images: one encrypted envelope) are deleted after evidence_days; the records
    # (signed invigilator decisions, receipt records: hash, time, lateness) after
    # records_days. The consent page shows both (docs/package-format.md).
    "retention": {"evidence_days": 30, "records_days": 365},
}
# no default filled in (so packages built before them keep their bytes): "environment" (the
# client's own list applies), "feedback" (none: model_feedback.feedback_policy)
OPTIONAL_POLICY = {"environment", "feedback"}
META_FIELDS = {"exam_id", "version", "title", "language", "opens_at", "closes_at",
               "duration_s", "policy"}
REQUIRED_META = META_FIELDS - {"policy"}


def parse_utc(value: Any, field: str) -> datetime:
    """Parse an RFC 3339 UTC timestamp of the form ``2026-12-01T08:00:00Z``."""
    if not isinstance(value, str) or not UTC_RE.fullmatch(value):
        raise InputError(f"exam.{field}: expected an RFC 3339 UTC time like "
                         f"2026-12-01T08:00:00Z, got {value!r}")
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError as exc:
        raise InputError(f"exam.{field}: not a valid date/time: {value!r}") from exc


def question_points(question: dict[str, Any]) -> Decimal:
    """The maximum points of a question: ``points``, by default 1; a description
    has none; a cloze question defaults to the sum of its gaps' points (as Moodle)."""
    if question.get("type") == "description":
        return Decimal(0)
    if question.get("type") == "cloze" and "points" not in question:
        return sum((parse_decimal(g.get("points", 1), "points") for g in question["gaps"]),
                   Decimal(0))
    return parse_decimal(question.get("points", 1), "points")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_policy(policy: Any) -> None:
    if not isinstance(policy, dict):
        raise InputError("exam.policy: expected a mapping")
    unknown = set(policy) - set(DEFAULT_POLICY) - OPTIONAL_POLICY
    if unknown:
        raise InputError(f"exam.policy: unknown field {sorted(unknown)[0]!r}")
    for key in ("shuffle_questions", "shuffle_options"):
        if key in policy and not isinstance(policy[key], bool):
            raise InputError(f"exam.policy.{key}: expected true or false")
    if "navigation" in policy and policy["navigation"] not in ("free", "linear"):
        raise InputError("exam.policy.navigation: expected 'free' or 'linear', "
                         f"got {policy['navigation']!r}")
    if "identity_retries" in policy and (
        not _is_int(policy["identity_retries"]) or policy["identity_retries"] < 0
    ):
        raise InputError("exam.policy.identity_retries: expected an integer >= 0")
    _check_required(policy.get("required_checks", {}))
    if "retention" in policy:
        _check_retention(policy["retention"])
    _check_environment(policy.get("environment", {}))
    if "feedback" in policy:
        check_feedback_policy(policy["feedback"])


def _check_retention(retention: Any) -> None:
    if not isinstance(retention, dict):
        raise InputError("exam.policy.retention: expected a mapping")
    unknown = set(retention) - set(DEFAULT_POLICY["retention"])
    if unknown:
        raise InputError(f"exam.policy.retention: unknown field {sorted(unknown)[0]!r}")
    merged = {**DEFAULT_POLICY["retention"], **retention}
    for key in ("evidence_days", "records_days"):
        if not _is_int(merged[key]) or not 1 <= merged[key] <= 36500:
            raise InputError(f"exam.policy.retention.{key}: expected a whole number of days "
                             "between 1 and 36500")
    if merged["records_days"] < merged["evidence_days"]:
        raise InputError("exam.policy.retention.records_days must not be shorter than "
                         "evidence_days")


def _check_environment(env: Any) -> None:
    """``policy.environment`` (issue 13): scan interval, per-category action and lists."""
    if not isinstance(env, dict) or set(env) - {"scan_interval_s", "actions", "lists"}:
        raise InputError("exam.policy.environment: expected a mapping of scan_interval_s, "
                         "actions and lists")
    interval = env.get("scan_interval_s", 60)
    if not isinstance(interval, int | float) or isinstance(interval, bool) or interval < 10:
        raise InputError("exam.policy.environment.scan_interval_s: expected seconds >= 10")
    for cat, action in (env.get("actions") or {}).items():
        if action not in ("allow", "ask_to_close", "flag"):
            raise InputError(f"exam.policy.environment.actions.{cat}: expected allow, "
                             "ask_to_close or flag")
    for cat, lists in (env.get("lists") or {}).items():
        if not isinstance(lists, dict) or not all(
                isinstance(lists.get(k, []), list)
                and all(isinstance(x, str) for x in lists.get(k, []))
                for k in ("names", "paths")):
            raise InputError(f"exam.policy.environment.lists.{cat}: expected names and "
                             "paths as lists of strings")


def _check_required(checks: Any) -> None:
    if not isinstance(checks, dict):
        raise InputError("exam.policy.required_checks: expected a mapping")
    known = DEFAULT_POLICY["required_checks"]
    for key, value in checks.items():
        if key not in known:
            raise InputError(f"exam.policy.required_checks: unknown field {key!r}")
        if key == "min_bandwidth_kbps":
            if not _is_int(value) or value < 0:
                raise InputError("exam.policy.required_checks.min_bandwidth_kbps: "
                                 "expected an integer >= 0")
        elif not isinstance(value, bool):
            raise InputError(f"exam.policy.required_checks.{key}: expected true or false")


def validate_meta(meta: dict[str, Any]) -> None:
    """Check the manifest "exam" block; ``policy`` may be partial or absent."""
    if not isinstance(meta, dict):
        raise InputError("exam: expected a mapping")
    unknown = set(meta) - META_FIELDS
    if unknown:
        raise InputError(f"exam: unknown field {sorted(unknown)[0]!r}")
    missing = REQUIRED_META - set(meta)
    if missing:
        raise InputError(f"exam: missing field {sorted(missing)[0]!r}")
    if not isinstance(meta["exam_id"], str) or not EXAM_ID_RE.fullmatch(meta["exam_id"]):
        raise InputError(f"exam.exam_id: {meta['exam_id']!r} must match "
                         "[a-z0-9][a-z0-9._-]{0,63}")
    if not _is_int(meta["version"]) or meta["version"] < 1:
        raise InputError(f"exam.version: expected a positive integer, got {meta['version']!r}")
    if not isinstance(meta["title"], str) or not meta["title"].strip():
        raise InputError("exam.title: must be a non-empty string")
    if not isinstance(meta["language"], str) or not LANGUAGE_RE.fullmatch(meta["language"]):
        raise InputError(f"exam.language: {meta['language']!r} is not a BCP-47 tag like kk, "
                         "ru or en")
    opens = parse_utc(meta["opens_at"], "opens_at")
    closes = parse_utc(meta["closes_at"], "closes_at")
    if opens >= closes:
        raise InputError("exam.opens_at must be before exam.closes_at")
    if not _is_int(meta["duration_s"]) or meta["duration_s"] <= 0:
        raise InputError(f"exam.duration_s: expected a positive integer number of seconds, "
                         f"got {meta['duration_s']!r}")
    if "policy" in meta:
        _check_policy(meta["policy"])


def retention_of(policy: dict[str, Any] | None) -> dict[str, Any]:
    """The retention block of a policy with defaults filled in (older packages have none)."""
    given = (policy or {}).get("retention") or {}
    merged = {**copy.deepcopy(DEFAULT_POLICY["retention"]), **given}
    _check_retention(merged)
    return merged


def normalize_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Validate ``meta`` and return a copy with every policy default filled in."""
    validate_meta(meta)
    out = copy.deepcopy(meta)
    given = out.get("policy", {})
    policy = copy.deepcopy(DEFAULT_POLICY)
    for key, value in given.items():
        if key in ("required_checks", "retention"):
            policy[key].update(value)
        else:
            policy[key] = value
    out["policy"] = policy
    return out


def _section_questions(sid: str, section: dict[str, Any],
                       questions: dict[str, Any]) -> list[str]:
    qids = section.get("questions")
    if not isinstance(qids, list) or not qids:
        raise InputError(f"section {sid}.questions: expected a non-empty list of ids")
    for qid in qids:
        if not isinstance(qid, str) or qid not in questions:
            raise InputError(f"section {sid}: question {qid!r} does not exist")
    return qids


def _check_sections(sections: Any, questions: dict[str, Any]) -> None:
    if not isinstance(sections, list):
        raise InputError("sections: expected a list")
    seen_sections: set[str] = set()
    owner: dict[str, str] = {}
    for index, section in enumerate(sections):
        if not isinstance(section, dict):
            raise InputError(f"sections[{index}]: expected a mapping")
        sid = section.get("id")
        if not isinstance(sid, str) or not SECTION_ID_RE.fullmatch(sid):
            raise InputError(f"sections[{index}].id: invalid section id {sid!r}")
        if sid in seen_sections:
            raise InputError(f"section {sid}: duplicate section id")
        seen_sections.add(sid)
        unknown = set(section) - {"id", "title", "draw", "questions"}
        if unknown:
            raise InputError(f"section {sid}: unknown field {sorted(unknown)[0]!r}")
        if "title" in section and not isinstance(section["title"], str):
            raise InputError(f"section {sid}.title: expected a string")
        qids = _section_questions(sid, section, questions)
        for qid in qids:
            if qid in owner:
                raise InputError(f"question {qid} is in more than one section "
                                 f"({owner[qid]} and {sid})")
            owner[qid] = sid
        if "draw" in section:
            draw = section["draw"]
            if not _is_int(draw) or not 1 <= draw <= len(qids):
                raise InputError(f"section {sid}.draw: must be an integer between 1 and "
                                 f"{len(qids)} (the pool size), got {draw!r}")


def validate_exam_doc(doc: dict[str, Any], media_names: set[str]) -> None:
    """Check the questions document; ``media_names`` are the names under ``media/``."""
    if not isinstance(doc, dict):
        raise InputError("exam document: expected a mapping")
    unknown = set(doc) - {"sections", "questions"}
    if unknown:
        raise InputError(f"exam document: unknown field {sorted(unknown)[0]!r}")
    questions = doc.get("questions")
    if not isinstance(questions, dict) or not questions:
        raise InputError("exam document: 'questions' must be a non-empty mapping")
    for qid, question in questions.items():
        validate_question(qid, question, media_names)
    _check_sections(doc.get("sections", []), questions)
