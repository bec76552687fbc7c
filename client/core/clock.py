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


class FakeClock:
    """A hand-driven clock for tests and scripted runs."""

    def __init__(self, wall: float = 1_800_000_000.0, monotonic: float = 1000.0) -> None:
        self._wall = wall
        self._mono = monotonic
        self._boots = 0

    def monotonic(self) -> float:
        return self._mono

    def wall(self) -> float:
        return self._wall

    def boot_id(self) -> str:
        return f"fake-boot-{self._boots}"

    def advance(self, seconds: float) -> None:
        """Real time passes: both clocks move."""
        self._wall += seconds
        self._mono += seconds

    def set_wall(self, wall: float) -> None:
        """The student changes the system clock: only wall time jumps."""
        self._wall = wall

    def reboot(self, monotonic: float = 5.0) -> None:
        """Power loss: the monotonic origin restarts."""
        self._mono = monotonic
        self._boots += 1


def iso_utc(unix: float) -> str:
    """RFC 3339 UTC with a Z, whole seconds."""
    return datetime.fromtimestamp(int(unix), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso_utc(text: str) -> float:
    """Parse an RFC 3339 timestamp (``Z`` or offset) into Unix seconds."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()
