"""The exam countdown, safe against the student moving the system clock.

At start the server gives ``deadline`` and ``server_time``.  The timer keeps
``server_offset = server_time - wall_at_receipt`` and a monotonic anchor
``(mono_at_anchor, remaining_at_anchor)``.  The rule (docs/client.md, "Time"):

* While the process runs: ``remaining = remaining_at_anchor - (mono_now - mono_at_anchor)``.
  The wall clock is not used at all, so moving it either way changes nothing.
* Resume in the same boot (kill -9, crash): the monotonic clock kept running, so
  ``remaining = saved_remaining - (mono_now - saved_mono)`` — exact.
* Resume after a reboot (power loss; the monotonic origin restarted):
  ``remaining = min(saved_remaining, deadline - (wall_now + server_offset))``: never more
  than at the last save, and less if the (offset-corrected) wall clock says so.
  Only the time the machine was off can be won by moving the clock back, and
  :meth:`ExamTimer.resync` with a fresh ``server_time`` (the client re-calls start when
  online) makes the server's value authoritative again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .clock import Clock


@dataclass(frozen=True)
class TimeSnapshot:
    """What an autosave records about time."""

    deadline: float  # server Unix time
    server_offset: float
    remaining: float
    wall: float
    mono: float
    boot_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeSnapshot:
        return cls(
            deadline=float(data["deadline"]),
            server_offset=float(data["server_offset"]),
            remaining=float(data["remaining"]),
            wall=float(data["wall"]),
            mono=float(data["mono"]),
            boot_id=str(data["boot_id"]),
        )


class ExamTimer:
    """Remaining exam time from server deadline + monotonic anchors."""

    def __init__(self, clock: Clock, deadline: float, server_offset: float, remaining: float):
        self.clock = clock
        self.deadline = deadline
        self.server_offset = server_offset
        self._anchor_mono = clock.monotonic()
        self._anchor_remaining = max(0.0, remaining)

    @classmethod
    def start(cls, clock: Clock, deadline: float, server_time: float) -> ExamTimer:
        """Anchor at the server's answer to start (both Unix seconds)."""
        offset = server_time - clock.wall()
        return cls(clock, deadline, offset, deadline - server_time)

    @classmethod
    def restore(cls, clock: Clock, saved: TimeSnapshot) -> ExamTimer:
        """Rebuild after a crash or power loss (see the module docstring)."""
        if clock.boot_id() == saved.boot_id and clock.monotonic() >= saved.mono:
            remaining = saved.remaining - (clock.monotonic() - saved.mono)
        else:
            by_wall = saved.deadline - (clock.wall() + saved.server_offset)
            remaining = min(saved.remaining, by_wall)
        return cls(clock, saved.deadline, saved.server_offset, min(remaining, saved.remaining))

    def remaining(self) -> float:
        """Seconds left, never negative."""
        elapsed = self.clock.monotonic() - self._anchor_mono
        return max(0.0, self._anchor_remaining - max(0.0, elapsed))

    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def server_now(self) -> float:
        """Best estimate of the server's clock now (for the hand-in record)."""
        return self.deadline - self.remaining()

    def resync(self, server_time: float, deadline: float | None = None) -> None:
        """A fresh server answer is authoritative (it may also grant extra time)."""
        if deadline is not None:
            self.deadline = deadline
        self.server_offset = server_time - self.clock.wall()
        self._anchor_mono = self.clock.monotonic()
        self._anchor_remaining = max(0.0, self.deadline - server_time)

    def snapshot(self) -> TimeSnapshot:
        return TimeSnapshot(
            deadline=self.deadline,
            server_offset=self.server_offset,
            remaining=self.remaining(),
            wall=self.clock.wall(),
            mono=self.clock.monotonic(),
            boot_id=self.clock.boot_id(),
        )
