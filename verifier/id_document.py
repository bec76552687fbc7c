"""Find and encode the holder's portrait on a photo/scan of an ID document.

Documents are often photographed sideways or upside down, and many carry a
second, smaller "ghost" portrait.  We try the rotations 0, 90, 270, 180 (HOG
only finds upright faces); per rotation the largest plausible face is the
candidate, and the candidate with the highest HOG score wins (sideways
documents can give weak false faces).  A confident score stops the search.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from exam_packages.errors import FaceAnalysisError

from .config import VerifierConfig
from .face_adapter import FaceEngine, default_engine
from .faces import Face, detect_faces, encode_face
from .quality import Reason, blur_score, face_crop, reason

ROTATIONS: tuple[int, ...] = (0, 90, 270, 180)
# sideways documents give weak false faces (HOG scores 0.36-0.53 measured); real
# portraits score >= 0.66, most > 1.0
STRONG_SCORE = 1.0
_ROTATE_CODES = {
    90: cv2.ROTATE_90_CLOCKWISE,
    180: cv2.ROTATE_180,
    270: cv2.ROTATE_90_COUNTERCLOCKWISE,
}


@dataclass(frozen=True)
class Portrait:
    image: np.ndarray  # BGR crop around the portrait, upright
    face: Face  # coordinates inside ``image``
    rotation: int  # clockwise degrees applied to the document to make it upright
    encoding: np.ndarray
    reasons: tuple[Reason, ...]  # non-blocking quality remarks (e.g. blurred)


def rotate(bgr: np.ndarray, degrees: int) -> np.ndarray:
    if degrees == 0:
        return bgr
    return cv2.rotate(bgr, _ROTATE_CODES[degrees])


def _id_config(config: VerifierConfig) -> VerifierConfig:
    # portraits are small: detect on a larger image, with upsampling
    return replace(
        config,
        detect_max_side=max(config.detect_max_side, 1024),
        detect_min_side=max(config.detect_min_side, 600),
        upsample=config.id_upsample,
    )


def _crop_around(bgr: np.ndarray, face: Face) -> tuple[np.ndarray, Face]:
    h, w = bgr.shape[:2]
    pad_x, pad_y = face.width // 2, face.height // 2
    x0, y0 = max(face.left - pad_x, 0), max(face.top - pad_y, 0)
    x1, y1 = min(face.right + pad_x, w), min(face.bottom + pad_y, h)
    moved = replace(
        face,
        top=face.top - y0,
        bottom=face.bottom - y0,
        left=face.left - x0,
        right=face.right - x0,
        landmarks=face.landmarks - np.array([x0, y0], dtype=np.float64),
    )
    return np.ascontiguousarray(bgr[y0:y1, x0:x1]), moved


def locate_portrait(
    document: np.ndarray, config: VerifierConfig, *, engine: FaceEngine | None = None
) -> tuple[np.ndarray, Face, int]:
    """(upright document, portrait face, rotation); raises FaceAnalysisError if none."""
    engine = engine or default_engine()
    cfg = _id_config(config)
    best: tuple[np.ndarray, Face, int] | None = None
    for degrees in ROTATIONS:
        upright = rotate(document, degrees)
        faces = detect_faces(upright, cfg, engine=engine)
        if faces and (best is None or faces[0].score > best[1].score):
            best = (upright, faces[0], degrees)
        if best is not None and best[1].score >= STRONG_SCORE:
            return best  # a confident face: the other rotations cannot beat it
    if best is not None:
        return best
    raise FaceAnalysisError(
        "No portrait found on the ID document. Photograph the whole document, flat and sharp.",
        code="id_no_portrait",
    )


def find_portrait(
    document: np.ndarray, config: VerifierConfig, *, engine: FaceEngine | None = None
) -> Portrait:
    """Locate, crop and encode the portrait of ``document`` (BGR uint8)."""
    engine = engine or default_engine()
    upright, face, degrees = locate_portrait(document, config, engine=engine)
    encoding = encode_face(upright, face, engine=engine)
    crop, moved = _crop_around(upright, face)
    remarks: list[Reason] = []
    sharpness = blur_score(face_crop(upright, face))
    if sharpness < config.blur_min_laplacian:
        remarks.append(reason("id_portrait_quality", laplacian_var=sharpness))
    return Portrait(crop, moved, degrees, encoding, tuple(remarks))
