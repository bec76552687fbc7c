"""Face detection on BGR frames: downscale, HOG, plausibility filter, encoding.

Coordinates in :class:`Face` are always in the ORIGINAL frame, whatever scale
detection ran at.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .config import VerifierConfig
from .face_adapter import FaceEngine, RawDetection, default_engine
from .geometry import is_plausible_face


@dataclass(frozen=True)
class Face:
    top: int
    right: int
    bottom: int
    left: int
    score: float
    landmarks: np.ndarray  # (68, 2) in frame coordinates

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def area(self) -> int:
        return max(self.width, 0) * max(self.height, 0)

    def touches_border(self, shape: tuple[int, ...], margin: int) -> bool:
        h, w = shape[0], shape[1]
        return (
            self.left <= margin
            or self.top <= margin
            or self.right >= w - margin
            or self.bottom >= h - margin
        )


def _to_rgb(bgr: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(bgr[:, :, ::-1])


def detection_scale(shape: tuple[int, ...], config: VerifierConfig) -> float:
    longest = max(shape[0], shape[1])
    if longest > config.detect_max_side:
        return config.detect_max_side / longest
    if longest < config.detect_min_side:
        return min(config.detect_min_side / longest, 4.0)
    return 1.0


def detect_faces(
    bgr: np.ndarray,
    config: VerifierConfig,
    *,
    engine: FaceEngine | None = None,
    upsample: int | None = None,
    retry: bool = False,
) -> list[Face]:
    """Plausible faces in ``bgr``, largest first.

    With ``retry``, when nothing is found at the analysis size (``detect_max_side``)
    and the image is larger than that, detection runs once more on the original
    (capped at ``retry_max_side`` to bound the time) with HOG upsampling
    ``retry_upsample``: a clear face in a large photo can be too small, or score
    below ``min_detection_score``, once the photo is shrunk to 640 px.
    """
    engine = engine or default_engine()
    faces = _detect_at(bgr, config, engine, detection_scale(bgr.shape, config), upsample)
    if faces or not retry or max(bgr.shape[:2]) <= config.detect_max_side:
        return faces
    scale = min(1.0, config.retry_max_side / max(bgr.shape[:2]))
    return _detect_at(bgr, config, engine, scale, config.retry_upsample)


def _detect_at(
    bgr: np.ndarray, config: VerifierConfig, engine: FaceEngine, scale: float,
    upsample: int | None,
) -> list[Face]:
    small = bgr
    if scale != 1.0:
        interp = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_LINEAR
        small = cv2.resize(bgr, None, fx=scale, fy=scale, interpolation=interp)
    rgb = _to_rgb(small)
    raw = engine.detect(rgb, config.upsample if upsample is None else upsample)
    faces: list[Face] = []
    for det in raw:
        if det.score < config.min_detection_score:
            continue
        marks = engine.landmarks(rgb, det)
        if not is_plausible_face(marks, float(det.right - det.left)):
            continue
        faces.append(_rescale(det, marks, scale))
    faces.sort(key=lambda f: f.area, reverse=True)
    return faces


def _rescale(det: RawDetection, marks: np.ndarray, scale: float) -> Face:
    inv = 1.0 / scale
    return Face(
        top=round(det.top * inv),
        right=round(det.right * inv),
        bottom=round(det.bottom * inv),
        left=round(det.left * inv),
        score=det.score,
        landmarks=marks * inv,
    )


def encode_face(bgr: np.ndarray, face: Face, *, engine: FaceEngine | None = None) -> np.ndarray:
    """128-d encoding of ``face`` computed on a crop of the full-resolution frame."""
    engine = engine or default_engine()
    h, w = bgr.shape[:2]
    pad_x, pad_y = face.width // 2 + 1, face.height // 2 + 1
    x0, y0 = max(face.left - pad_x, 0), max(face.top - pad_y, 0)
    x1, y1 = min(face.right + pad_x, w), min(face.bottom + pad_y, h)
    crop = _to_rgb(bgr[y0:y1, x0:x1])
    box = RawDetection(face.top - y0, face.right - x0, face.bottom - y0, face.left - x0, face.score)
    return engine.encode(crop, box)


def unit(vec: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 1e-12 else vec


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """Euclidean distance between unit-normalised encodings (0 .. 2)."""
    return float(np.linalg.norm(unit(a) - unit(b)))
