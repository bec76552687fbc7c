"""Parallax test: does the face move like a 3D head or like a flat picture?

When a real head turns, the nose tip (in front of the face) and the face
contour (behind it) move by different amounts: no single planar homography
maps the frontal landmarks onto the turned ones.  A photo or a screen, however
it is tilted or rotated, is one plane: its landmarks map through one
homography up to the landmark detector's noise.

``parallax(ref, cur)`` fits a homography on the landmarks of the face outside
the nose (contour, brows, eyes, mouth) and returns how far the nose points are
from where that plane predicts them, in inter-ocular distances.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from .geometry import LEFT_EYE, RIGHT_EYE

NOSE = list(range(27, 36))
PLANE = [i for i in range(60) if i not in NOSE]  # contour, brows, eyes, outer mouth
BAND_DEG = (20.0, 38.0)  # head-pose yaw of the frames judged


def _iod(marks: np.ndarray) -> float:
    return float(np.linalg.norm(marks[LEFT_EYE].mean(axis=0) - marks[RIGHT_EYE].mean(axis=0)))


def parallax(ref: np.ndarray, cur: np.ndarray) -> float:
    """RMS distance of the nose landmarks from the plane fitted on the rest (in IODs)."""
    src = ref[PLANE].astype(np.float64).reshape(-1, 1, 2)
    dst = cur[PLANE].astype(np.float64).reshape(-1, 1, 2)
    hom, _ = cv2.findHomography(src, dst, 0)
    iod = _iod(cur)
    if hom is None or iod < 1e-6:
        return 0.0
    nose = cv2.perspectiveTransform(ref[NOSE].astype(np.float64).reshape(-1, 1, 2), hom)
    err = np.linalg.norm(nose.reshape(-1, 2) - cur[NOSE], axis=1)
    return float(np.sqrt(np.mean(err**2)) / iod)


@dataclass
class PlanarityCheck:
    """Collects landmarks through the whole capture; judges each turn direction at the end.

    The judged frames are those turned between 20 and 38 deg (head pose), also after the
    step was passed (the frames completing a step are the least turned ones).  Above ~40
    deg the landmark fit on a foreshortened photo degrades and can look 3D (a sheet turned
    55 deg gave single-frame values up to 0.16), below 20 deg a head shows little
    parallax; a high percentile of the band is kept (see ``parallax_by_direction``)."""

    turn_yaw_deg: float
    frontal: list[tuple[float, np.ndarray]] = field(default_factory=list)  # (|yaw|, marks)
    turned: dict[str, list[tuple[float, np.ndarray]]] = field(default_factory=dict)

    def observe(self, yaw: float, marks: np.ndarray) -> None:
        if abs(yaw) < self.turn_yaw_deg / 2.0:
            self.frontal.append((abs(yaw), marks))
        elif abs(yaw) > self.turn_yaw_deg * 0.75:
            side = "turn_left" if yaw > 0 else "turn_right"
            self.turned.setdefault(side, []).append((abs(yaw), marks))

    def parallax_by_direction(self) -> dict[str, float]:
        """Per direction, the 90th percentile of the parallax against the most frontal
        frame over the frames in the judged band (all turned frames when fewer than two
        are in it)."""
        if not self.frontal:
            return {}
        ref = min(self.frontal, key=lambda item: item[0])[1]
        out: dict[str, float] = {}
        for direction, frames in self.turned.items():
            band = [m for yaw, m in frames if BAND_DEG[0] <= yaw <= BAND_DEG[1]]
            chosen = band if len(band) >= 2 else [m for _, m in frames]
            out[direction] = float(np.percentile([parallax(ref, m) for m in chosen], 90))
        return out
