"""Continuous proctoring analysers over camera frames and microphone blocks.

Per frame (downscaled to ``analysis_width``): brightness/variance for a
covered camera; HOG every ``detect_every`` frames and template-matching
tracking of a single face in between; 68-point landmarks for head pose;
an identity encoding on the full-resolution crop every ``encode_every_s``.
Conditions become events only on transitions (sustained start, and an
"<kind>_ended" info event), never once per frame.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from .audio import VoiceDetector
from .config import VerifierConfig
from .events import ProctorEvent, Severity, Sustained, thumbnail
from .face_adapter import FaceEngine, RawDetection, default_engine
from .faces import Face, detect_faces, encode_face
from .geometry import head_pose
from .identity import Template
from .imageio import normalise_frame


@dataclass(frozen=True)
class _Kind:
    severity: Severity
    message: str


KINDS = {
    "no_face": _Kind("medium", "No face visible in the camera picture."),
    "several_faces": _Kind("high", "More than one face visible."),
    "different_person": _Kind("high", "The person in front of the camera may not be the student."),
    "looking_away": _Kind("low", "The student looked away from the screen for a while."),
    "camera_covered": _Kind("high", "The camera seems covered or the picture is dark."),
    "voice": _Kind("medium", "Speech was detected on the microphone."),
}


class SessionAnalyser:
    def __init__(
        self,
        config: VerifierConfig | None = None,
        template: Template | None = None,
        engine: FaceEngine | None = None,
    ) -> None:
        self.config = cfg = config or VerifierConfig()
        self.template = template
        self._engine = engine
        # frames are already downscaled: detect at that size, no further scaling
        self._det_cfg = replace(cfg, detect_max_side=1 << 30, detect_min_side=1)
        self._conds = {
            "no_face": Sustained(cfg.no_face_s, cfg.release_s),
            "several_faces": Sustained(cfg.several_faces_s, cfg.release_s),
            "different_person": Sustained(
                cfg.different_person_s, 0.0, max_gap_s=2.5 * cfg.encode_every_s
            ),
            "looking_away": Sustained(cfg.looking_away_s, cfg.release_s),
            "camera_covered": Sustained(cfg.covered_s, cfg.release_s),
            "voice": Sustained(cfg.voice_s, cfg.release_s),
        }
        self._voice = VoiceDetector(cfg)
        self._frame_no = 0
        self._faces: list[Face] = []
        self._patch: np.ndarray | None = None
        self._last_encode_t: float | None = None
        self.last_values: dict[str, float] = {}

    @property
    def engine(self) -> FaceEngine:
        if self._engine is None:
            self._engine = default_engine()
        return self._engine

    # ------------------------------------------------------------------ video
    def process_frame(self, t: float, frame: np.ndarray) -> list[ProctorEvent]:
        frame = normalise_frame(frame)
        scale = min(1.0, self.config.analysis_width / frame.shape[1])
        small = frame
        if scale < 1.0:
            small = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
        mean, std = float(gray.mean()), float(gray.std())
        covered = mean < self.config.covered_mean or std < self.config.covered_std
        events = self._update("camera_covered", t, covered, frame, {"mean": mean, "std": std})
        if covered:
            self._faces, self._patch = [], None
            return events
        faces = self._locate(small, gray)
        n = len(faces)
        events += self._update("no_face", t, n == 0, frame, {"faces": n})
        events += self._update("several_faces", t, n > 1, frame, {"faces": n})
        if n == 1:
            pose = head_pose(faces[0].landmarks, small.shape)
            away = (
                abs(pose.yaw) > self.config.looking_away_yaw_deg
                or abs(pose.pitch) > self.config.looking_away_pitch_deg
            )
            values = {"yaw_deg": pose.yaw, "pitch_deg": pose.pitch}
            events += self._update("looking_away", t, away, frame, values)
            events += self._identity(t, frame, faces[0], scale)
        return events

    def _locate(self, small: np.ndarray, gray: np.ndarray) -> list[Face]:
        k = max(1, self.config.detect_every)
        tracked = self._track(small, gray) if self._frame_no % k else None
        self._frame_no += 1
        if tracked is not None:
            self._faces = tracked
            return tracked
        self._faces = detect_faces(small, self._det_cfg, engine=self.engine)
        self._patch = None
        if len(self._faces) == 1:
            f = self._faces[0]
            self._patch = gray[max(f.top, 0) : f.bottom, max(f.left, 0) : f.right].copy()
        return self._faces

    def _track(self, small: np.ndarray, gray: np.ndarray) -> list[Face] | None:
        """Move the single face box by template matching; None -> run the detector."""
        if len(self._faces) != 1 or self._patch is None or self._patch.size == 0:
            return None if self._faces else []
        f, patch = self._faces[0], self._patch
        ph, pw = patch.shape
        x0, y0 = max(f.left - pw // 2, 0), max(f.top - ph // 2, 0)
        x1, y1 = min(f.right + pw // 2, gray.shape[1]), min(f.bottom + ph // 2, gray.shape[0])
        window = gray[y0:y1, x0:x1]
        if window.shape[0] < ph or window.shape[1] < pw:
            return None
        scores = cv2.matchTemplate(window, patch, cv2.TM_CCOEFF_NORMED)
        _, best, _, (bx, by) = cv2.minMaxLoc(scores)
        if best < 0.5:
            return None  # lost: detect again
        box = RawDetection(y0 + by, x0 + bx + pw, y0 + by + ph, x0 + bx, f.score)
        marks = self.engine.landmarks(np.ascontiguousarray(small[:, :, ::-1]), box)
        return [Face(box.top, box.right, box.bottom, box.left, f.score, marks)]

    def _identity(
        self, t: float, frame: np.ndarray, face: Face, scale: float
    ) -> list[ProctorEvent]:
        if self.template is None:
            return []
        last = self._last_encode_t
        if last is not None and t - last < self.config.encode_every_s:
            return []
        self._last_encode_t = t
        inv = 1.0 / scale
        full = replace(
            face,
            top=round(face.top * inv),
            right=round(face.right * inv),
            bottom=round(face.bottom * inv),
            left=round(face.left * inv),
            landmarks=face.landmarks * inv,
        )
        dist = self.template.distance(encode_face(frame, full, engine=self.engine))
        self.last_values["distance"] = dist
        different = dist > self.config.match_threshold
        return self._update("different_person", t, different, frame, {"distance": dist})

    # ------------------------------------------------------------------ audio
    def process_audio(self, t: float, samples: np.ndarray, sample_rate: int) -> list[ProctorEvent]:
        events: list[ProctorEvent] = []
        for t_frame, ratio in self._voice.feed(t, samples, sample_rate):
            present = ratio >= self.config.voice_ratio
            events += self._update("voice", t_frame, present, None, {"speech_ratio": ratio})
        return events

    # ----------------------------------------------------------------- events
    def _update(
        self, kind: str, t: float, present: bool, frame: np.ndarray | None, values: dict
    ) -> list[ProctorEvent]:
        cond = self._conds[kind]
        since = cond.since
        change = cond.update(t, present)
        if change is None:
            return []
        spec = KINDS[kind]
        if change == "start":
            thumb = None
            if frame is not None:
                thumb = thumbnail(frame, self.config.thumb_width, self.config.thumb_quality)
            start = cond.since if cond.since is not None else t
            return [ProctorEvent(kind, start, t, spec.severity, values, thumb, spec.message)]
        start = since if since is not None else t
        message = f"Ended: {spec.message}"
        return [ProctorEvent(f"{kind}_ended", start, t, "info", values, None, message)]
