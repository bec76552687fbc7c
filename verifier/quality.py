"""Quality gates with actionable reasons (a stable code + English text).

The client translates ``Reason.code``; ``Reason.message`` is the English
fallback shown by the CLI and written to logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from .config import VerifierConfig
from .faces import Face
from .geometry import eye_aspect_ratio

MESSAGES = {
    "no_face": "No face found. Look straight at the camera.",
    "several_faces": "More than one face is visible. Make sure you are alone in the picture.",
    "face_too_small": "Your face is too small. Move closer to the camera.",
    "face_cut_off": "Your face is cut off. Move to the centre of the picture.",
    "too_dark": "The picture is too dark. Turn on a light in front of you.",
    "too_bright": "The picture is too bright. Avoid direct light on the camera.",
    "backlight": (
        "Strong light behind you. Face a window or lamp instead of sitting with your back to it."
    ),
    "blurred": "The picture is blurred. Hold still and clean the camera lens.",
    "eyes_closed": "Your eyes seem closed. Keep your eyes open and look at the camera.",
    "id_no_portrait": (
        "No portrait found on the ID document. Photograph the whole document, flat and sharp."
    ),
    "id_portrait_quality": (
        "The portrait on the ID document is not usable. Take a sharper, evenly lit photo."
    ),
    "live_no_usable_frame": "No usable camera picture of your face.",
    "distance_in_review_band": (
        "The similarity is close to the threshold; an invigilator will review it."
    ),
    "no_match": "The face does not match the ID document.",
    "liveness_frozen": (
        "The camera picture does not change. Use a live camera, not a photo or video."
    ),
    "liveness_step_timeout": "A liveness step was not completed in time. Please try again.",
    "liveness_incomplete": "Not all liveness steps were completed.",
    "liveness_not_run": "The liveness check was not run.",
    "liveness_flat": (
        "The face moved like a flat picture, not like a head. Use a live camera, not a photo "
        "or a screen."
    ),
    "continuity_face_lost": (
        "Your face was not visible during the whole check. Stay in front of the camera."
    ),
    "continuity_cut": "The camera picture changed abruptly. Keep the camera still and try again.",
    "continuity_face_jump": (
        "Your face jumped to another place in the picture. Keep the camera still and try again."
    ),
    "continuity_gap": "The camera stopped sending pictures during the check. Please try again.",
    "liveness_no_capture_time": (
        "The camera pictures carry no capture time, so the check cannot be timed. Please try "
        "again."
    ),
    "continuity_person_changed": (
        "The face changed during the check. The same person must do the whole check."
    ),
}


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    values: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "values": dict(self.values)}


def reason(code: str, **values: Any) -> Reason:
    return Reason(code, MESSAGES[code], {k: _plain(v) for k, v in values.items()})


def _plain(value: Any) -> Any:
    if isinstance(value, float | np.floating):
        return round(float(value), 3)
    return value


def _gray(bgr: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)


def face_crop(bgr: np.ndarray, face: Face) -> np.ndarray:
    h, w = bgr.shape[:2]
    x0, y0 = max(face.left, 0), max(face.top, 0)
    x1, y1 = min(face.right, w), min(face.bottom, h)
    return bgr[y0:y1, x0:x1]


def blur_score(crop_bgr: np.ndarray) -> float:
    """Laplacian variance on the face crop resized to 128x128 (scale-independent)."""
    if crop_bgr.size == 0:
        return 0.0
    small = cv2.resize(_gray(crop_bgr), (128, 128), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(small, cv2.CV_64F).var())


def _background_mean(gray: np.ndarray, face: Face, default: float) -> float:
    mask = np.ones(gray.shape, dtype=bool)
    mask[max(face.top, 0) : max(face.bottom, 0), max(face.left, 0) : max(face.right, 0)] = False
    return float(gray[mask].mean()) if mask.any() else default


def lighting_reasons(bgr: np.ndarray, face: Face, config: VerifierConfig) -> list[Reason]:
    gray = _gray(bgr)
    crop = face_crop(gray[:, :, None], face)
    face_mean = float(crop.mean()) if crop.size else 0.0
    background = _background_mean(gray, face, face_mean)
    if background > 0 and face_mean / background < config.backlight_ratio:
        return [reason("backlight", face_mean=face_mean, background_mean=background)]
    if face_mean < config.dark_mean:
        return [reason("too_dark", face_mean=face_mean)]
    if face_mean > config.bright_mean:
        return [reason("too_bright", face_mean=face_mean)]
    return []


def face_reasons(
    bgr: np.ndarray, face: Face, config: VerifierConfig, *, check_border: bool = True
) -> list[Reason]:
    """Per-face gates: size, border, lighting, blur, eyes."""
    out: list[Reason] = []
    if min(face.width, face.height) < config.min_face_px:
        out.append(reason("face_too_small", face_px=min(face.width, face.height)))
    if check_border and face.touches_border(bgr.shape, config.border_margin_px):
        out.append(reason("face_cut_off"))
    out.extend(lighting_reasons(bgr, face, config))
    sharpness = blur_score(face_crop(bgr, face))
    if sharpness < config.blur_min_laplacian:
        out.append(reason("blurred", laplacian_var=sharpness))
    ear = eye_aspect_ratio(face.landmarks)
    if ear < config.closed_eye_ratio:
        out.append(reason("eyes_closed", eye_aspect_ratio=ear))
    return out


def frame_reasons(bgr: np.ndarray, faces: list[Face], config: VerifierConfig) -> list[Reason]:
    """Gates for one live enrolment frame; an empty list means the frame is usable."""
    if not faces:
        return [reason("no_face")]
    if len(faces) > 1:
        return [reason("several_faces", faces=len(faces))]
    return face_reasons(bgr, faces[0], config)
