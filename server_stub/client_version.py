"""``min_client_version``: refuse sign-in from student clients older than the minimum.

The client sends ``client_version`` (``client/version.py``) with ``POST /v1/auth/login``.
Versions compare by their dotted numbers (``0.10.0`` > ``0.9.3``); a missing or malformed
version counts as older than any minimum. The refusal (HTTP 426, code ``client_too_old``)
is what the client shows, translated, with what to do (docs/server-ops.md).
"""

from __future__ import annotations

import re

from exam_packages.errors import ApiError

_VERSION = re.compile(r"^\d{1,6}(\.\d{1,6}){0,3}$")


def parse_version(text: str | None) -> tuple[int, ...] | None:
    """``"1.2.3"`` -> ``(1, 2, 3)``; None for anything else."""
    if not text or not _VERSION.match(text):
        return None
    return tuple(int(part) for part in text.split("."))


def check_client_version(sent: str | None, minimum: str) -> None:
    """Raise ``client_too_old`` when a minimum is set and ``sent`` is below it."""
    if not minimum:
        return
    floor = parse_version(minimum)
    if floor is None:
        raise ValueError(f"min_client_version {minimum!r} is not a dotted version")
    have = parse_version(sent)
    width = max(len(floor), len(have or ()))
    if have is None or have + (0,) * (width - len(have)) < floor + (0,) * (width - len(floor)):
        raise ApiError(f"student client {sent or 'without a version'} is older than the "
                       f"minimum {minimum}: install the current student client",
                       status=426, code="client_too_old")
