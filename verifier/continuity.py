"""Identity continuity during the liveness challenge.

The challenge proves something only if the person who blinks and turns is the
person whose face is compared with the ID document, through the whole capture:

* a face in every frame: gaps up to ``max_face_gap_s`` (a blink or a fast move
  can lose a detection), or up to ``max_turned_gap_s`` when the face was last
  seen turned (the frontal detector loses a head turned beyond ~40 deg); the
  first face after any gap is encoded and compared like every sample;
* no cut (the whole picture changes between two frames: ``cut_diff``) and no
  face-box jump (the face moves by more than ``jump_ratio`` of its width, or
  changes size by 1.5x, between two frames less than ``jump_window_s`` apart);
* no pause in the stream longer than ``max_frame_gap_s``;
* the same person: a frame is encoded every ``continuity_every_s`` and at the
  frame that completes each step; every pair of these encodings must be closer
  than ``continuity_threshold``.  The template compared with the ID document is
  built from these samples, spread over the whole challenge (near-frontal frames
  that pass the enrolment quality gates first).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .config import VerifierConfig
from .face_adapter import FaceEngine
from .faces import Face, distance, encode_face
from .identity import Template
from .quality import Reason, frame_reasons, reason

JUMP_SCALE = 1.5


@dataclass(frozen=True)
class Sample:
    t: float
    encoding: np.ndarray
    yaw: float
    usable: bool  # passed the enrolment quality gates
    step: str  # the step this frame completed, "" for a periodic sample


class ContinuityCheck:
    def __init__(self, config: VerifierConfig, engine: FaceEngine) -> None:
        self.config, self.engine = config, engine
        self.samples: list[Sample] = []
        self.breaks: dict[str, Reason] = {}  # first break of each kind
        self._last_t: float | None = None
        self._last_face: tuple[float, Face] | None = None
        self._no_face_since: float | None = None
        self._last_sample_t: float | None = None
        self._last_yaw = 0.0
        self._after_gap = False

    def _break(self, code: str, **values: object) -> None:
        self.breaks.setdefault(code, reason(code, **values))

    def observe(self, t: float, thumb_diff: float | None, faces: list[Face],
                yaw: float | None = None) -> None:
        """Every frame: time gap, cut, face presence and face-box jumps (``yaw`` of the
        face when there is exactly one)."""
        cfg = self.config
        if self._last_t is not None and t - self._last_t > cfg.max_frame_gap_s:
            self._break("continuity_gap", t=t, gap_s=t - self._last_t)
        self._last_t = t
        if thumb_diff is not None and thumb_diff > cfg.cut_diff:
            self._break("continuity_cut", t=t, difference=thumb_diff)
        if len(faces) != 1:
            if self._no_face_since is None:
                self._no_face_since = t
            self._check_face_gap(t)
            return
        self._check_face_gap(t)
        if self._no_face_since is not None:
            self._after_gap = True
        self._no_face_since = None
        self._last_yaw = abs(yaw or 0.0)
        face = faces[0]
        if self._last_face is not None:
            self._check_jump(t, face, *self._last_face)
        self._last_face = (t, face)

    def _check_face_gap(self, t: float) -> None:
        if self._no_face_since is None:
            return
        cfg = self.config
        turned = self._last_yaw >= cfg.turn_yaw_deg
        limit = cfg.max_turned_gap_s if turned else cfg.max_face_gap_s
        if t - self._no_face_since > limit:
            lost = t - self._no_face_since
            self._break("continuity_face_lost", t=self._no_face_since, seconds=lost)

    def _check_jump(self, t: float, face: Face, last_t: float, last: Face) -> None:
        if t - last_t > self.config.jump_window_s:
            return
        centre = np.array([(face.left + face.right) / 2, (face.top + face.bottom) / 2])
        before = np.array([(last.left + last.right) / 2, (last.top + last.bottom) / 2])
        moved = float(np.linalg.norm(centre - before)) / max(last.width, 1)
        size = max(face.width, 1) / max(last.width, 1)
        if moved > self.config.jump_ratio or not 1 / JUMP_SCALE < size < JUMP_SCALE:
            self._break("continuity_face_jump", t=t, moved=moved, size_ratio=size)

    def finish(self, t_end: float | None) -> None:
        if t_end is not None:
            self._check_face_gap(t_end)

    def wants_sample(self, t: float) -> bool:
        """Every ``continuity_every_s``; every ``continuity_every_s / 4`` while no sample
        has passed the enrolment gates yet (the template needs one)."""
        last = self._last_sample_t
        period = self.config.continuity_every_s
        if not any(s.usable for s in self.samples):
            period /= 4.0
        return self._after_gap or last is None or t - last >= period

    def add_sample(self, t: float, frame: np.ndarray, face: Face, yaw: float,
                   step: str = "") -> None:
        encoding = encode_face(frame, face, engine=self.engine)
        usable = not frame_reasons(frame, [face], self.config)
        self.samples.append(Sample(t, encoding, yaw, usable, step))
        self._last_sample_t = t
        self._after_gap = False

    def template(self) -> Template | None:
        """Up to ``max_enrol_frames`` samples spread over the challenge: usable and
        near-frontal first, then usable, then any."""
        limit = self.config.turn_yaw_deg
        for pick in (lambda s: s.usable and abs(s.yaw) < limit, lambda s: s.usable):
            chosen = [s for s in self.samples if pick(s)]
            if chosen:
                spread = _spread(chosen, self.config.max_enrol_frames)
                return Template.from_encodings([s.encoding for s in spread],
                                               [s.t for s in spread])
        return None

    def person_changed(self) -> Reason | None:
        worst: tuple[float, Sample, Sample] | None = None
        for a, b in itertools.combinations(self.samples, 2):
            d = distance(a.encoding, b.encoding)
            if worst is None or d > worst[0]:
                worst = (d, a, b)
        if worst is None or worst[0] <= self.config.continuity_threshold:
            return None
        dist, a, b = worst
        return reason("continuity_person_changed", distance=dist, t_a=a.t, t_b=b.t)

    def reasons(self) -> list[Reason]:
        out = list(self.breaks.values())
        changed = self.person_changed()
        if changed is not None:
            out.append(changed)
        return out

    def max_pair_distance(self) -> float:
        pairs = itertools.combinations(self.samples, 2)
        return max((distance(a.encoding, b.encoding) for a, b in pairs), default=0.0)


def _spread(items: list[Sample], limit: int) -> list[Sample]:
    if len(items) <= limit:
        return items
    idx = np.linspace(0, len(items) - 1, limit).round().astype(int)
    return [items[i] for i in sorted(set(idx))]
