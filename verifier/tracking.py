"""Cheap per-frame face finding for the liveness challenge.

A full-frame HOG detection costs ~35 ms on a 640x480 frame here; the
challenge needs every frame (a blink lasts 3-5 frames at 15 fps).  Between
full detections (every ``liveness_full_detect_every`` frames, which also
catch a second face or a face elsewhere), the detector runs only on a window
around the last face, shrunk so the face is ~``ROI_FACE_PX`` wide (~5 ms).
The face must be *detected* in every frame, not extrapolated: a frame where
neither search finds it counts as a frame without a face.
"""

from __future__ import annotations

import cv2
import numpy as np

from .config import VerifierConfig
from .face_adapter import FaceEngine, RawDetection
from .faces import Face, detect_faces
from .geometry import is_plausible_face

ROI_FACE_PX = 90.0  # HOG at upsample 0 finds faces from ~80 px
LANDMARK_FACE_PX = 160.0  # landmarks need no more resolution than this
ROI_MARGIN = 0.6  # window = face box grown by this fraction of its size on each side


class FaceTracker:
    def __init__(self, config: VerifierConfig, engine: FaceEngine) -> None:
        self.config, self.engine = config, engine
        self._last: Face | None = None
        self._count = 0
        self.full_detections = 0

    def faces(self, frame: np.ndarray) -> list[Face]:
        """Faces in ``frame`` (BGR), largest first."""
        every = max(self.config.liveness_full_detect_every, 1)
        self._count += 1
        if self._last is not None and (self._count - 1) % every:
            face = self._in_window(frame, self._last)
            if face is not None:
                self._last = face
                return [face]
        self.full_detections += 1
        faces = detect_faces(frame, self.config, engine=self.engine)
        self._last = faces[0] if len(faces) == 1 else None
        return faces

    def _in_window(self, frame: np.ndarray, last: Face) -> Face | None:
        h, w = frame.shape[:2]
        mx, my = int(last.width * ROI_MARGIN), int(last.height * ROI_MARGIN)
        x0, y0 = max(last.left - mx, 0), max(last.top - my, 0)
        x1, y1 = min(last.right + mx, w), min(last.bottom + my, h)
        if x1 - x0 < 32 or y1 - y0 < 32:
            return None
        # landmarks on the window with the face at most LANDMARK_FACE_PX wide, HOG smaller
        fine = min(1.0, LANDMARK_FACE_PX / max(last.width, 1))
        window = frame[y0:y1, x0:x1]
        if fine < 1.0:
            window = cv2.resize(window, None, fx=fine, fy=fine, interpolation=cv2.INTER_AREA)
        rgb = np.ascontiguousarray(window[:, :, ::-1])
        coarse = min(1.0, ROI_FACE_PX / max(last.width * fine, 1))
        small = rgb
        if coarse < 1.0:
            small = cv2.resize(rgb, None, fx=coarse, fy=coarse, interpolation=cv2.INTER_AREA)
        minimum = self.config.min_detection_score
        found = [d for d in self.engine.detect(small, 0) if d.score >= minimum]
        if len(found) != 1:
            return None
        d, up = found[0], 1.0 / coarse
        box = RawDetection(round(d.top * up), round(d.right * up), round(d.bottom * up),
                           round(d.left * up), d.score)
        marks = self.engine.landmarks(rgb, box)
        if not is_plausible_face(marks, float(box.right - box.left)):
            return None
        inv = 1.0 / fine
        box = RawDetection(round(box.top * inv), round(box.right * inv), round(box.bottom * inv),
                           round(box.left * inv), box.score)
        marks = marks * inv
        return Face(top=box.top + y0, right=box.right + x0, bottom=box.bottom + y0,
                    left=box.left + x0, score=box.score,
                    landmarks=marks + np.array([x0, y0], dtype=np.float64))
