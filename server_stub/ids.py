"""Strict id formats: every id from a path, header, body or CSV is checked here."""

from __future__ import annotations

import re
import secrets

from exam_packages.errors import ApiError

PATTERNS: dict[str, re.Pattern[str]] = {
    "exam_id": re.compile(r"[a-z0-9][a-z0-9._-]{0,63}"),
    "student_id": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
    "attempt_id": re.compile(r"att_[0-9a-f]{32}"),
    "upload_id": re.compile(r"[0-9a-f]{32}"),
    "decision_id": re.compile(r"dec_[0-9a-f]{32}"),
    "sha256": re.compile(r"[0-9a-f]{64}"),
}


def check_id(kind: str, value: str) -> str:
    """Return ``value`` if it is a well-formed ``kind`` id, else raise ApiError(400)."""
    pattern = PATTERNS[kind]
    if not isinstance(value, str) or pattern.fullmatch(value) is None or ".." in value:
        raise ApiError(f"{kind} has an invalid format", status=400, code="invalid_id")
    return value


def new_attempt_id() -> str:
    return "att_" + secrets.token_hex(16)


def new_upload_id() -> str:
    return secrets.token_hex(16)


def new_decision_id() -> str:
    return "dec_" + secrets.token_hex(16)
