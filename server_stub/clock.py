"""Time helpers: one injectable clock, RFC 3339 UTC strings with Z."""

from __future__ import annotations

import time
from datetime import UTC, datetime


class Clock:
    """Wall clock in whole seconds since the epoch (tests: ``tests.support.clocks``)."""

    def now(self) -> int:
        return int(time.time())




def to_iso(ts: int) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_iso(text: str) -> int:
    """Parse ``YYYY-MM-DDTHH:MM:SSZ`` (UTC) into epoch seconds; ValueError otherwise."""
    if not isinstance(text, str) or not text.endswith("Z"):
        raise ValueError(f"not a UTC RFC 3339 time: {text!r}")
    parsed = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return int(parsed.timestamp())
