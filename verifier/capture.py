"""Camera frames that carry their capture time.

The contract between a camera source and the verifier: a source returns a
:class:`TimedFrame` (a BGR ``numpy.ndarray`` with a ``capture_t`` attribute, in
seconds on a monotonic clock), so the frame can travel through the UI (Qt
signals, lists, copies) unchanged and the liveness challenge is timed by when
the camera took each picture, not by its position in a list.

``capture_time(frame)`` reads it back; ``None`` for a plain array.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from exam_packages.errors import InputError


class TimedFrame(np.ndarray):
    """``ndarray`` subclass with ``capture_t`` (seconds, monotonic); copies keep it."""

    capture_t: float | None

    def __new__(cls, frame: np.ndarray, capture_t: float) -> TimedFrame:
        obj = np.asarray(frame).view(cls)
        obj.capture_t = float(capture_t)
        return obj

    def __array_finalize__(self, obj: Any) -> None:
        self.capture_t = getattr(obj, "capture_t", None)

    def __reduce__(self) -> Any:  # pickling (multiprocessing) keeps the time
        return (TimedFrame, (np.asarray(self), self.capture_t))


def stamp(frame: np.ndarray, capture_t: float) -> TimedFrame:
    """``frame`` (not copied) marked as captured at ``capture_t`` seconds."""
    return TimedFrame(frame, capture_t)


def capture_time(frame: np.ndarray) -> float | None:
    t = getattr(frame, "capture_t", None)
    return None if t is None else float(t)


def timed_sequence(frames: Iterable[np.ndarray]) -> list[tuple[float, np.ndarray]]:
    """``[(t, frame)]`` from time-stamped frames, refusing unstamped ones.

    Raises :class:`InputError` when a frame has no capture time or the times go
    backwards: a liveness challenge cannot be timed from list positions.
    """
    out: list[tuple[float, np.ndarray]] = []
    for index, frame in enumerate(frames):
        t = capture_time(frame)
        if t is None:
            raise InputError(f"frame {index} has no capture time (camera source must stamp it)")
        if out and t < out[-1][0]:
            raise InputError(f"frame {index} was captured before the previous one")
        out.append((t, np.asarray(frame)))
    return out


def flatten_steps(frames: Sequence[Sequence[np.ndarray]]) -> list[np.ndarray]:
    """Frames captured step by step (``frames[i]`` during step ``i``), in capture order."""
    return [frame for step in frames for frame in step]
