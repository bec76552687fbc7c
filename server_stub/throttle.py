"""Sign-in throttling: too many wrong access codes for one student lock them out briefly."""

from __future__ import annotations

import threading

from exam_packages.errors import ApiError


class LoginThrottle:
    """At most ``max_failures`` wrong codes per (exam, student) within ``window_s`` seconds.

    In memory (per server process): a restart forgets the counts, which only
    helps a student locked out by mistake.
    """

    def __init__(self, max_failures: int, window_s: int) -> None:
        self.max_failures, self.window_s = max_failures, window_s
        self._failures: dict[tuple[str, str], list[int]] = {}
        self._lock = threading.Lock()

    def check(self, key: tuple[str, str], now: int) -> None:
        with self._lock:
            recent = [t for t in self._failures.get(key, []) if now - t < self.window_s]
            self._failures[key] = recent
            if len(recent) >= self.max_failures:
                retry = self.window_s - (now - recent[0])
                raise ApiError(f"too many wrong access codes: try again in {retry} s",
                               status=429, code="rate_limited")

    def failed(self, key: tuple[str, str], now: int) -> None:
        with self._lock:
            self._failures.setdefault(key, []).append(now)

    def succeeded(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._failures.pop(key, None)
