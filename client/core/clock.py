"""Clocks behind a tiny interface so tests inject time instead of sleeping.

``Clock.monotonic()`` is seconds from an arbitrary origin that never goes back
while the process runs (it restarts after a reboot); ``Clock.wall()`` is the
system's Unix time, which a student can move either way.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def wall(self) -> float: ...

    def boot_id(self) -> str: ...


class SystemClock:
    """The real clocks."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()

    def boot_id(self) -> str:
        """Changes on every boot, so monotonic readings are only compared within one boot."""
        try:
            return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        except OSError:  # not Linux: assume a reboot happened (the safe side)
            return f"unknown-{os.getpid()}"




def iso_utc(unix: float) -> str:
    """RFC 3339 UTC with a Z, whole seconds."""
    return datetime.fromtimestamp(int(unix), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso_utc(text: str) -> float:
    """Parse an RFC 3339 timestamp (``Z`` or offset) into Unix seconds."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()
