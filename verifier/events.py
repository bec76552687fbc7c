"""Proctoring events and the "sustained condition" helper used by the analysers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import cv2
import numpy as np

Severity = Literal["info", "low", "medium", "high"]


@dataclass(frozen=True)
class ProctorEvent:
    kind: str  # e.g. "no_face", "no_face_ended", "several_faces", "voice"
    t_start: float  # when the condition began (seconds, session clock)
    t: float  # when it was confirmed (sustained) or ended
    severity: Severity
    values: dict[str, Any]
    thumbnail_jpeg: bytes | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        """JSON/canonical-safe: times in integer milliseconds, floats as decimal strings
        (signed data refuses floats, see exam_packages.canonical)."""
        return {
            "kind": self.kind,
            "t_start_ms": round(self.t_start * 1000),
            "t_ms": round(self.t * 1000),
            "severity": self.severity,
            "values": {k: _safe(v) for k, v in self.values.items()},
            "has_thumbnail": self.thumbnail_jpeg is not None,
            "message": self.message,
        }


def _safe(value: Any) -> Any:
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float | np.floating):
        return f"{float(value):.3f}"
    if isinstance(value, np.integer):
        return int(value)
    return str(value)


class Sustained:
    """Turns a per-frame boolean into start/end transitions.

    ``update`` returns "start" once the condition has held for ``hold_s``,
    "end" once it has been absent for ``release_s`` after a start, else None.
    Observations further apart than ``max_gap_s`` (dropped frames or audio)
    do not count as one continuous run.
    """

    def __init__(self, hold_s: float, release_s: float, max_gap_s: float = 2.0) -> None:
        self.hold_s, self.release_s, self.max_gap_s = hold_s, release_s, max_gap_s
        self.since: float | None = None  # first time seen in the current run
        self.absent_since: float | None = None
        self.active = False
        self._last_t: float | None = None

    def update(self, t: float, present: bool) -> str | None:
        if self._last_t is not None and t - self._last_t > self.max_gap_s and not self.active:
            self.since = None
        self._last_t = t
        if present:
            self.absent_since = None
            if self.since is None:
                self.since = t
            if not self.active and t - self.since >= self.hold_s:
                self.active = True
                return "start"
            return None
        if not self.active:
            self.since = None
            return None
        if self.absent_since is None:
            self.absent_since = t
        if t - self.absent_since >= self.release_s:
            self.active, self.since, self.absent_since = False, None, None
            return "end"
        return None


def thumbnail(frame: np.ndarray, width: int, quality: int) -> bytes | None:
    """Small JPEG (``width`` px wide) for evidence; None if encoding fails."""
    h, w = frame.shape[:2]
    if w <= 0 or h <= 0:
        return None
    scale = width / w
    small = cv2.resize(frame, (width, max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    return bytes(buf) if ok else None
