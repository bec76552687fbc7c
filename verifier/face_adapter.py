"""The only module that touches face_recognition / dlib.

face_recognition is imported lazily (it takes ~2 s and, when its models
package is missing, prints a message and calls ``quit()`` at import time).
That ``SystemExit`` is turned into :class:`FaceModelError` here.

All images passed in are RGB uint8 (face_recognition's convention); callers
in this package convert from BGR.  Boxes use face_recognition's css order
``(top, right, bottom, left)``.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from exam_packages.errors import FaceModelError

_LOCK = threading.Lock()
# dlib's detector, shape predictors and encoder are process-wide objects that are not
# safe to call from two threads at once: the client's camera thread counting faces while
# a worker ran the identity check corrupted the heap ("malloc(): invalid size", found by
# tests/client_e2e). Every call into them holds this lock.
DLIB_CALL_LOCK = threading.Lock()
_TURN = threading.local()  # .held: this thread holds DLIB_CALL_LOCK for a series of calls
_LOADED: dict[str, Any] = {}  # "api" -> module, "engine" -> DlibFaceEngine


@dataclass(frozen=True)
class RawDetection:
    top: int
    right: int
    bottom: int
    left: int
    score: float


class FaceEngine(Protocol):
    """What the verifier needs from a face library (tests may pass a fake)."""

    def detect(self, rgb: np.ndarray, upsample: int) -> list[RawDetection]: ...

    def landmarks(self, rgb: np.ndarray, box: RawDetection) -> np.ndarray: ...

    def encode(self, rgb: np.ndarray, box: RawDetection) -> np.ndarray: ...


def load_api() -> Any:
    """Import ``face_recognition.api`` once; map every failure to FaceModelError."""
    with _LOCK:
        if "api" in _LOADED:
            return _LOADED["api"]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from face_recognition import api
        except SystemExit as exc:  # face_recognition calls quit() without its models
            raise FaceModelError(
                "Face recognition models are not installed (face_recognition_models)."
            ) from exc
        except Exception as exc:
            raise FaceModelError(f"Face recognition library could not be loaded: {exc}") from exc
        _LOADED["api"] = api
        return api


@contextmanager
def _dlib_call() -> Iterator[None]:
    if getattr(_TURN, "held", False):
        yield  # inside dlib_turn(): the lock is already this thread's
        return
    with DLIB_CALL_LOCK:
        yield


@contextmanager
def dlib_turn(wait: bool = True) -> Iterator[bool]:
    """Hold dlib for a series of calls; with ``wait=False`` take it only if it is free at
    once (yields False, holding nothing, when another thread is using it).  The camera
    thread counts faces this way: it must never wait behind the identity analysis, or the
    capture would pause (the lock is not fair: a busy analysis could starve it)."""
    if not DLIB_CALL_LOCK.acquire(blocking=wait):
        yield False
        return
    _TURN.held = True
    try:
        yield True
    finally:
        _TURN.held = False
        DLIB_CALL_LOCK.release()


class DlibFaceEngine:
    """HOG detector, 68-point landmarks and the 128-d ResNet encoder from dlib."""

    def __init__(self, api: Any = None) -> None:
        self._api = api if api is not None else load_api()

    def detect(self, rgb: np.ndarray, upsample: int) -> list[RawDetection]:
        # run() also gives the detector score, used for plausibility filtering
        with _dlib_call():
            dets, scores, _ = self._api.face_detector.run(rgb, upsample, 0.0)
        return [
            RawDetection(d.top(), d.right(), d.bottom(), d.left(), float(s))
            for d, s in zip(dets, scores, strict=True)
        ]

    def _rect(self, box: RawDetection) -> Any:
        return self._api.dlib.rectangle(box.left, box.top, box.right, box.bottom)

    def landmarks(self, rgb: np.ndarray, box: RawDetection) -> np.ndarray:
        with _dlib_call():
            shape = self._api.pose_predictor_68_point(rgb, self._rect(box))
        return np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)

    def encode(self, rgb: np.ndarray, box: RawDetection) -> np.ndarray:
        # 5-point alignment, 1 jitter: the same as face_recognition.face_encodings()
        with _dlib_call():
            shape = self._api.pose_predictor_5_point(rgb, self._rect(box))
            vec = self._api.face_encoder.compute_face_descriptor(rgb, shape, 1)
        return np.asarray(vec, dtype=np.float64)


def default_engine() -> DlibFaceEngine:
    """A process-wide engine (the dlib models are ~100 MB; load them once)."""
    engine = _LOADED.get("engine")
    if engine is None:
        api = load_api()  # outside _LOCK: load_api takes it
        with _LOCK:
            engine = _LOADED.get("engine")
            if engine is None:
                engine = _LOADED["engine"] = DlibFaceEngine(api)
    return engine
