"""Camera frames that carry their capture time.

The contract between a camera source and the verifier: a source returns a
:class:`TimedFrame` (a BGR ``numpy.ndarray`` with a ``capture_t`` attribute, in
seconds on a monotonic clock), so the frame can travel through the UI (Qt
signals, lists, copies) unchanged and the liveness challenge is timed by when
the camera took each picture, not by its position in a list.

``capture_time(frame)`` reads it back; ``None`` for a plain array.

:class:`FrameFeed` hands frames over one by one *while they are captured*
(camera side: ``put`` each frame, ``close`` after the last one; analysing side:
iterate), so the liveness challenge is analysed during the capture and only the
remainder is left when the last frame has been taken.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Iterable, Iterator, Sequence
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
        out.append((checked_time(frame, index, out[-1][0] if out else None),
                    np.asarray(frame)))
    return out


def checked_time(frame: np.ndarray, index: int, previous: float | None) -> float:
    """The capture time of ``frame`` (the ``index``-th), which must not be before
    ``previous``; :class:`InputError` otherwise."""
    t = capture_time(frame)
    if t is None:
        raise InputError(f"frame {index} has no capture time (camera source must stamp it)")
    if previous is not None and t < previous:
        raise InputError(f"frame {index} was captured before the previous one")
    return t


_END = object()


class FrameFeed:
    """Frames handed from the capture to the analysis while they are captured.

    Thread-safe.  The capture side calls :meth:`put` for every frame and :meth:`close`
    after the last one; the analysing side iterates, blocking until the next frame;
    the iteration ends once the feed is closed and every frame put before has been
    read.  :meth:`cancel` (the capture was abandoned) ends it at once, dropping what
    is left.  Once frames flow, no frame for ``idle_timeout_s`` ends the iteration too,
    as ``stalled`` (a camera that stopped must not block the analysis for ever); before
    the first frame it waits (the analysis may start before the capture does).
    """

    def __init__(self, idle_timeout_s: float | None = 30.0) -> None:
        self.idle_timeout_s = idle_timeout_s
        self._queue: queue.Queue[Any] = queue.Queue()
        self.closed = self.cancelled = self.stalled = self._ended = False
        self.closed_at: float | None = None  # time.monotonic() of close()
        self.count = 0  # frames put

    def put(self, frame: np.ndarray) -> None:
        """One more captured frame (ignored once closed)."""
        if not self.closed:
            self.count += 1
            self._queue.put(frame)

    def close(self) -> None:
        """The capture is over: the analysis finishes the frames already put."""
        if not self.closed:
            self.closed, self.closed_at = True, time.monotonic()
            self._queue.put(_END)

    def cancel(self) -> None:
        """The capture was abandoned: the analysis stops at its next frame."""
        self.cancelled = True
        self.close()

    def __iter__(self) -> Iterator[np.ndarray]:
        started = False
        while not (self.cancelled or self._ended):
            try:
                item = self._queue.get(timeout=self.idle_timeout_s if started else None)
            except queue.Empty:
                self.stalled = True
                return
            if item is _END:
                self._ended = True  # read to its end: a further iteration yields nothing
                return
            started = True
            yield item


def flatten_steps(frames: Sequence[Sequence[np.ndarray]]) -> list[np.ndarray]:
    """Frames captured step by step (``frames[i]`` during step ``i``), in capture order."""
    return [frame for step in frames for frame in step]
