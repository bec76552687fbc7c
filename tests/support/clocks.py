"""Hand-driven clocks for tests and scripted runs (test doubles stay out of the product)."""

from __future__ import annotations

from server_stub.clock import Clock


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



class FakeServerClock(Clock):
    """The server's clock, moved by hand."""

    def __init__(self, start: int) -> None:
        self.t = start

    def now(self) -> int:
        return self.t

    def advance(self, seconds: int) -> None:
        self.t += seconds

