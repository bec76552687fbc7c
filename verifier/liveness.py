"""Randomised liveness challenge: blink, turn head left, turn head right.

The order comes from an injected RNG, so a pre-recorded video is unlikely to
perform the steps in the asked order within the time limits.  Each step must
be completed in order within ``step_timeout_s``:

* blink: the eye aspect ratio (EAR) drops below 65 % of the open-eye level seen
  in this step and comes back above 85 % of it;
* turn_left / turn_right: the head is first near-frontal (|yaw| below half the
  threshold), then yaw goes beyond ``turn_yaw_deg`` in the asked direction on
  two consecutive frames.  "Left" is the subject's own left: in an unmirrored
  camera image the nose moves to the image right (yaw > 0, see HeadPose).

A still photo shown to the camera, or a frozen video, changes neither EAR nor
yaw and fails; frozen input is also reported explicitly.  A photo or screen
tilted and rotated to fake the turns moves as one plane: ``liveness_flat``
(:mod:`verifier.planarity`).  The same person must stay in front of the camera
through the whole challenge (:mod:`verifier.continuity`); the identity
template is built from frames spread over the challenge.

Times are capture times from the camera source (:mod:`verifier.capture`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from exam_packages.errors import InputError

from .config import VerifierConfig
from .continuity import ContinuityCheck
from .face_adapter import FaceEngine, default_engine
from .faces import Face
from .geometry import eye_aspect_ratio, head_pose
from .identity import Template
from .imageio import normalise_frame
from .planarity import PlanarityCheck
from .quality import Reason, reason
from .tracking import FaceTracker

STEPS: tuple[str, ...] = ("blink", "turn_left", "turn_right")
Rng = random.Random
CLOSED_FRACTION = 0.65
REOPEN_FRACTION = 0.85
MIN_OPEN_EAR = 0.18


@dataclass(frozen=True)
class LivenessChallenge:
    steps: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.steps or any(s not in STEPS for s in self.steps):
            raise InputError(f"liveness steps must be taken from {STEPS}")

    @classmethod
    def random(cls, rng: random.Random, steps: int = 3) -> LivenessChallenge:
        if not 1 <= steps <= len(STEPS):
            raise InputError(f"liveness challenge needs 1..{len(STEPS)} steps")
        order = list(STEPS)
        rng.shuffle(order)
        return cls(tuple(order[:steps]))

    @classmethod
    def fresh(cls, rng: Rng, used: set[tuple[str, ...]], steps: int = 3
              ) -> LivenessChallenge:
        """A random order not in ``used`` (a retry must not repeat an order a replayed
        recording could have been made for); any order once all have been used."""
        for _ in range(50):
            challenge = cls.random(rng, steps)
            if challenge.steps not in used:
                return challenge
        return cls.random(rng, steps)


@dataclass
class StepResult:
    name: str
    passed: bool = False
    t_start: float | None = None
    t_done: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LivenessResult:
    passed: bool
    steps: list[StepResult]
    reasons: list[Reason]
    template: Template | None = None  # from frames spread over the challenge
    measures: dict[str, Any] = field(default_factory=dict)  # parallax, samples, frames

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "steps": [vars(s).copy() for s in self.steps],
            "reasons": [r.to_dict() for r in self.reasons],
            "measures": dict(self.measures),
        }


class LivenessEvaluator:
    """Feed frames in capture order with :meth:`feed`, then read :meth:`result`."""

    def __init__(
        self,
        challenge: LivenessChallenge,
        config: VerifierConfig | None = None,
        engine: FaceEngine | None = None,
    ) -> None:
        self.challenge = challenge
        self.config = config or VerifierConfig()
        self._engine = engine
        self.steps = [StepResult(name) for name in challenge.steps]
        self._index = 0
        self._failed: Reason | None = None
        self._last_t: float | None = None
        self._prev_small: np.ndarray | None = None
        self._frames = self._frozen = self._no_face = self._several = 0
        self._open_ref = 0.0
        self._closed_seen = self._frontal_seen = False
        self._turn_frames = 0
        self._planarity = PlanarityCheck(self.config.turn_yaw_deg)
        self._tracker: FaceTracker | None = None
        self._continuity: ContinuityCheck | None = None

    @property
    def done(self) -> bool:
        """A step failed, or every step passed (frames after that are still analysed for
        continuity and parallax, up to the end of the capture)."""
        return self._failed is not None or self._index >= len(self.steps)

    def feed(self, t: float, frame: np.ndarray) -> None:
        """Process one camera frame captured at ``t`` seconds (monotonic clock)."""
        if self._failed is not None or (self._last_t is not None and t <= self._last_t):
            return
        self._last_t = t
        frame = normalise_frame(frame)
        self._frames += 1
        diff = self._thumb_diff(frame)
        step = self.steps[min(self._index, len(self.steps) - 1)]
        if step.t_start is None:
            step.t_start = t
        if not self.done and t - step.t_start > self.config.step_timeout_s:
            self._failed = reason("liveness_step_timeout", step=step.name)
            step.detail["timeout"] = True
            return
        faces = self._track(frame)
        assert self._continuity is not None
        if len(faces) != 1:
            self._continuity.observe(t, diff, faces)
            self._no_face += not faces
            self._several += len(faces) > 1
            return
        yaw = head_pose(faces[0].landmarks, frame.shape).yaw
        self._continuity.observe(t, diff, faces, yaw)
        self._analyse(t, frame, faces[0], step, yaw)

    def _track(self, frame: np.ndarray) -> list[Face]:
        if self._tracker is None:
            engine = self._engine = self._engine or default_engine()
            self._tracker = FaceTracker(self.config, engine)
            self._continuity = ContinuityCheck(self.config, engine)
        return self._tracker.faces(frame)

    def _analyse(self, t: float, frame: np.ndarray, face: Face, step: StepResult,
                 yaw: float) -> None:
        assert self._continuity is not None
        marks = face.landmarks
        ear = eye_aspect_ratio(marks)
        self._planarity.observe(yaw, marks)
        if not self.done and self._advance(step, ear, yaw):
            step.passed, step.t_done = True, t
            step.detail.update({"ear": round(ear, 3), "yaw_deg": round(yaw, 1)})
            self._index += 1
            self._open_ref, self._closed_seen, self._frontal_seen = 0.0, False, False
            self._turn_frames = 0
            self._continuity.add_sample(t, frame, face, yaw, step.name)
        elif self._continuity.wants_sample(t):
            self._continuity.add_sample(t, frame, face, yaw)

    def _thumb_diff(self, frame: np.ndarray) -> float | None:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        small = cv2.resize(gray, (64, 48), interpolation=cv2.INTER_AREA).astype(np.float32)
        diff = None
        if self._prev_small is not None:
            diff = float(np.abs(small - self._prev_small).mean())
            self._frozen += diff < self.config.frozen_diff
        self._prev_small = small
        return diff

    def _advance(self, step: StepResult, ear: float, yaw: float) -> bool:
        if step.name == "blink":
            # the eyes look wider in a turned head: only near-frontal frames set the open level
            return self._blink(ear, abs(yaw) < self.config.turn_yaw_deg / 2.0)
        sign = 1.0 if step.name == "turn_left" else -1.0
        if abs(yaw) < self.config.turn_yaw_deg / 2.0:
            self._frontal_seen = True
        if self._frontal_seen and sign * yaw > self.config.turn_yaw_deg:
            self._turn_frames += 1
        else:
            self._turn_frames = 0
        return self._turn_frames >= 2

    def _blink(self, ear: float, frontal: bool) -> bool:
        if not self._closed_seen:
            if frontal:
                self._open_ref = max(self._open_ref, ear)
            if self._open_ref >= MIN_OPEN_EAR and ear < CLOSED_FRACTION * self._open_ref:
                self._closed_seen = True
            return False
        return ear > REOPEN_FRACTION * self._open_ref

    def _flat_reasons(self) -> tuple[list[Reason], dict[str, float]]:
        measured = self._planarity.parallax_by_direction()
        passed = {s.name for s in self.steps if s.passed and s.name.startswith("turn_")}
        flat = {d: measured.get(d, 0.0) for d in passed
                if measured.get(d, 0.0) < self.config.flat_parallax}
        if not flat:
            return [], measured
        worst = min(flat, key=lambda k: flat[k])
        return [reason("liveness_flat", step=worst, parallax=flat[worst])], measured

    def result(self) -> LivenessResult:
        reasons: list[Reason] = []
        pairs = max(self._frames - 1, 0)
        if pairs and self._frozen * 2 > pairs:
            reasons.append(reason("liveness_frozen", frozen_pairs=self._frozen, pairs=pairs))
        if self._several:
            reasons.append(reason("several_faces", frames=self._several))
        if self._failed is not None:
            reasons.append(self._failed)
        elif self._index < len(self.steps):
            missing = [s.name for s in self.steps if not s.passed]
            reasons.append(reason("liveness_incomplete", missing=",".join(missing)))
        if self._no_face and not all(s.passed for s in self.steps):
            reasons.append(reason("no_face", frames=self._no_face))
        flat, parallax = self._flat_reasons()
        reasons += flat
        template, measures = None, {"frames": self._frames, "parallax": {
            d: round(v, 3) for d, v in sorted(parallax.items())}}
        if self._continuity is not None:
            self._continuity.finish(self._last_t)
            reasons += self._continuity.reasons()
            template = self._continuity.template()
            measures["samples"] = len(self._continuity.samples)
            measures["max_sample_distance"] = round(self._continuity.max_pair_distance(), 3)
        passed = not reasons and all(s.passed for s in self.steps)
        steps = [StepResult(**vars(s)) for s in self.steps]
        return LivenessResult(passed, steps, reasons, template, measures)
