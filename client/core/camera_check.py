"""The camera check's verdict, decided over a window of samples with hysteresis.

One sample (:class:`CameraStats`) arrives a few times a second from the preview
thread, computed on the very frames the preview shows.  A single frame decides
nothing: the check turns OK once most samples of the last ``window_s`` seconds
are good, and turns back to failing only once most of them are bad, so the
verdict (and the Continue button) does not flicker with every frame.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

SHOWN_TEXTS = ("Checking the camera… keep your face in the picture.",)


@dataclass(frozen=True)
class CameraStats:
    width: int
    height: int
    fps: float
    brightness: float  # mean grey level 0..255 (of the largest face when one is found)
    faces: int | None  # None: no face detector available


def camera_verdict(stats: CameraStats) -> tuple[bool, list[str]]:
    """Pass/fail and the fix hints (English source texts) for one sample."""
    hints: list[str] = []
    if stats.width < 640 or stats.height < 360:
        hints.append("The picture is too small: choose a camera with at least 640×360.")
    if stats.fps < 10:
        hints.append("The camera is too slow: close other programs that use it.")
    if stats.brightness < 60:
        hints.append("Too dark: turn on a light in front of you.")
    elif stats.brightness > 210:
        hints.append("Too bright: move away from the window or lamp behind the camera.")
    if stats.faces == 0:
        hints.append("No face visible: sit in front of the camera, face uncovered.")
    elif stats.faces is not None and stats.faces > 1:
        hints.append("More than one face visible: you must be alone.")
    return (not hints, hints)


class CameraJudge:
    """``add(t, stats)`` -> the current (ok, hints) over the last ``window_s`` seconds.

    OK once at least ``enter`` of the window's samples pass (and at least ``min_samples``
    were seen); failing again only when fewer than ``leave`` of them pass.
    """

    def __init__(self, window_s: float = 2.0, enter: float = 0.6, leave: float = 0.3,
                 min_samples: int = 3) -> None:
        self.window_s, self.enter, self.leave = window_s, enter, leave
        self.min_samples = min_samples
        self.samples: deque[tuple[float, bool, tuple[str, ...]]] = deque()
        self.ok = False

    def add(self, t: float, stats: CameraStats) -> tuple[bool, list[str]]:
        passed, hints = camera_verdict(stats)
        self.samples.append((t, passed, tuple(hints)))
        while self.samples and self.samples[0][0] < t - self.window_s:
            self.samples.popleft()
        share = sum(p for _t, p, _h in self.samples) / len(self.samples)
        if not self.ok and share >= self.enter and len(self.samples) >= self.min_samples:
            self.ok = True
        elif self.ok and share < self.leave:
            self.ok = False
        return self.ok, [] if self.ok else self.hints()

    def hints(self) -> list[str]:
        """The window's hints, most frequent first (what to fix)."""
        counts = Counter(h for _t, _p, hints in self.samples for h in hints)
        return [h for h, _n in counts.most_common()] or [SHOWN_TEXTS[0]]
