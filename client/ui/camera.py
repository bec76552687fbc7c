"""Camera preview and camera check: a ``QThread`` reading a frame source.

A frame source is the core's ``CameraSource`` (``read() -> (ok, BGR frame)``,
``close()``); :func:`open_camera` picks ``VideoFileCamera`` or ``OpenCVCamera``.
:class:`CameraWorker` emits preview images and, a few times a second,
:class:`CameraStats`; :func:`camera_verdict`
(``client.core.camera_check``) turns stats into pass/fail plus fix hints, and
``CameraJudge`` decides over a window of them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Protocol

import cv2
import numpy as np
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

from client.core.camera_check import CameraStats, camera_verdict
from exam_packages.errors import EmtihanError

from .errors import error_source
from .i18n import tr
from .qtcompat import emit
from .workers import register_thread

log = logging.getLogger(__name__)
FaceCounter = Callable[[np.ndarray], Any]


class FrameSource(Protocol):
    """``client.core.devices.CameraSource`` (VideoFileCamera, OpenCVCamera, ...) fits."""

    def read(self) -> tuple[bool, np.ndarray | None]: ...

    def close(self) -> None: ...


def open_camera(spec: str | None) -> FrameSource:
    """``--camera PATH`` (video file, image folder, image) or a webcam index (default 0)."""
    from client.core.devices import OpenCVCamera, VideoFileCamera

    if spec is None or spec.isdigit():
        return OpenCVCamera(int(spec or 0))
    return VideoFileCamera(spec, loop=True, realtime=True)


def default_face_counter() -> FaceCounter | None:
    """The core's face counter (the verifier's detector), if it can be loaded."""
    try:
        from client.core.devices import default_face_counter as core_counter

        return core_counter(wait=False)  # skips a count while the identity check uses dlib
    except Exception:  # the preview still works without a detector
        log.warning("no face detector available", exc_info=True)
        return None


def to_qimage(frame: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class CameraWorker(QThread):
    """Reads frames until stopped; paced to ``max_fps``; never raises."""

    frame_ready = Signal(QImage)
    frame_array = Signal(object)  # the BGR ndarray, for identity capture and proctoring
    stats_ready = Signal(object)  # CameraStats
    user_message = Signal(str)

    def __init__(
        self,
        open_source: Callable[[], FrameSource],
        face_counter: FaceCounter | None = None,
        max_fps: float = 15.0,
        detect_every: int = 10,
    ) -> None:
        super().__init__()
        self._open_source = open_source
        self._face_counter = face_counter
        self._period = 1.0 / max_fps
        self._detect_every = detect_every
        self.frames_read = 0
        register_thread(self)

    def stop(self, timeout_ms: int = 5000) -> bool:
        self.requestInterruption()
        return self.wait(timeout_ms)

    def run(self) -> None:
        try:
            source = self._open_source()
        except EmtihanError as exc:
            emit(self.user_message, error_source(exc))
            return
        except Exception as exc:
            log.exception("camera open failed")
            msg = tr("The camera could not be started: {detail}").format(detail=exc)
            emit(self.user_message, msg)
            return
        try:
            self._loop(source)
        except Exception as exc:
            log.exception("camera failed")
            emit(self.user_message, tr("The camera stopped: {detail}").format(detail=exc))
        finally:
            source.close()

    def _loop(self, source: FrameSource) -> None:
        started = time.monotonic()
        ours = 0.0  # time spent on our own work (preview, face count): not the camera's
        faces: int | None = None
        face_grey: float | None = None
        while not self.isInterruptionRequested():
            t0 = time.monotonic()
            ok, frame = source.read()
            if not ok or frame is None:
                emit(self.user_message, tr("The camera sends no picture."))
                return
            t_read = time.monotonic()
            self.frames_read += 1
            emit(self.frame_ready, to_qimage(frame))
            emit(self.frame_array, frame)
            if self._face_counter is not None and self.frames_read % self._detect_every == 1:
                counted = count_faces(self._face_counter, frame)
                if counted is not None:  # None: skipped, dlib busy; the last count stands
                    faces, face_grey = counted
            if self.frames_read % 5 == 0:
                self._stats(frame, self.frames_read / max(t_read - started - ours, 1e-6),
                            face_grey, faces)
            ours += time.monotonic() - t_read
            rest = self._period - (time.monotonic() - t0)
            if rest > 0:
                self.msleep(int(rest * 1000))

    def _stats(self, frame: np.ndarray, fps: float, face_grey: float | None,
               faces: int | None) -> None:
        """The camera's own frame rate: a slow computer (face count, preview) must not
        make a good camera fail the check."""
        h, w = frame.shape[:2]
        grey = face_grey
        if grey is None:
            grey = float(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY).mean())
        emit(self.stats_ready, CameraStats(w, h, fps, grey, faces))


def count_faces(counter: FaceCounter, frame: np.ndarray) -> tuple[int, float | None] | None:
    """Number of faces, and the mean grey of the largest face (lighting on the face matters,
    not a dark room behind it); the counter returns an int or boxes (top/right/bottom/left),
    or None when it skipped this frame (then None here too)."""
    found = counter(frame)
    if found is None:
        return None
    if isinstance(found, int):
        return found, None
    if not found:
        return 0, None
    box = max(found, key=lambda b: (b.bottom - b.top) * (b.right - b.left))
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    region = grey[max(0, box.top):box.bottom, max(0, box.left):box.right]
    return len(found), float(region.mean()) if region.size else None


__all__ = ["CameraStats", "CameraWorker", "camera_verdict", "count_faces", "open_camera",
           "to_qimage"]
