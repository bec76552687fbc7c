"""Identity check: ID-document portrait against a multi-frame live template.

Outcome rules (distance between unit-normalised 128-d encodings):
``distance < threshold - margin`` -> "match"; ``> threshold + margin`` ->
"no_match"; in between -> "review".  Unusable inputs also give "review" with
reasons: nothing is rejected automatically on a technicality.  A "match" is
downgraded to "review" when the ID portrait is blurred or when any live frame
showed several faces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from exam_packages.errors import EnrolmentError, FaceAnalysisError

from .config import VerifierConfig
from .face_adapter import FaceEngine, default_engine
from .faces import detect_faces, distance, encode_face, unit
from .id_document import Portrait, find_portrait
from .imageio import normalise_frame
from .quality import Reason, frame_reasons, reason

Outcome = Literal["match", "no_match", "review"]


@dataclass(frozen=True)
class Template:
    """Mean of the unit-normalised encodings of several good frames, renormalised."""

    vector: np.ndarray
    frames_used: int
    capture_times: tuple[float, ...] = ()  # when its frames were captured (when known)

    @classmethod
    def from_encodings(cls, encodings: Sequence[np.ndarray],
                       capture_times: Sequence[float] = ()) -> Template:
        if not encodings:
            raise EnrolmentError("No usable face to build a template from.")
        mean = np.mean([unit(np.asarray(e, dtype=np.float64)) for e in encodings], axis=0)
        return cls(unit(mean), len(encodings), tuple(capture_times))

    def distance(self, encoding: np.ndarray) -> float:
        return distance(self.vector, encoding)

    def to_dict(self) -> dict[str, Any]:
        return {"vector": [float(x) for x in self.vector], "frames_used": self.frames_used}


@dataclass(frozen=True)
class IdentityDecision:
    outcome: Outcome
    distance: float | None
    threshold: float
    review_band: tuple[float, float]
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "distance": None if self.distance is None else round(self.distance, 4),
            "threshold": self.threshold,
            "review_band": list(self.review_band),
            "reasons": [r.to_dict() for r in self.reasons],
        }


def decide(dist: float, config: VerifierConfig) -> tuple[Outcome, list[Reason]]:
    low, high = config.review_band
    if dist < low:
        return "match", []
    if dist > high:
        return "no_match", [reason("no_match", distance=dist)]
    return "review", [reason("distance_in_review_band", distance=dist)]


class IdentityVerifier:
    def __init__(self, config: VerifierConfig | None = None, engine: FaceEngine | None = None):
        self.config = config or VerifierConfig()
        self._engine = engine

    @property
    def engine(self) -> FaceEngine:
        if self._engine is None:
            self._engine = default_engine()
        return self._engine

    def enrol(self, live_frames: Sequence[np.ndarray]) -> Template:
        """Template from the good frames among ``live_frames``.

        Raises :class:`EnrolmentError` (``.reasons`` = the distinct quality
        reasons seen) when no frame passes the quality gates.
        """
        return self._enrol(live_frames)[0]

    def _enrol(self, live_frames: Sequence[np.ndarray]) -> tuple[Template, list[Reason]]:
        """(template, distinct reasons of the rejected frames)."""
        encodings: list[np.ndarray] = []
        seen: dict[str, Reason] = {}
        for raw in live_frames:
            frame = normalise_frame(raw)
            faces = detect_faces(frame, self.config, engine=self.engine, retry=True)
            problems = frame_reasons(frame, faces, self.config)
            if problems:
                for problem in problems:
                    seen.setdefault(problem.code, problem)
                continue
            encodings.append(encode_face(frame, faces[0], engine=self.engine))
            if len(encodings) >= self.config.max_enrol_frames:
                break
        if not encodings:
            reasons = tuple(seen.values()) or (reason("live_no_usable_frame"),)
            raise EnrolmentError(
                "; ".join(r.message for r in reasons), code="enrolment_failed", reasons=reasons
            )
        return Template.from_encodings(encodings), list(seen.values())

    def portrait(self, id_image: np.ndarray) -> Portrait | Reason:
        """The ID portrait, or the reason why there is none."""
        try:
            return find_portrait(normalise_frame(id_image), self.config, engine=self.engine)
        except FaceAnalysisError as exc:
            return reason(exc.code if exc.code == "id_no_portrait" else "id_portrait_quality")

    def check(self, id_image: np.ndarray, live_frames: Sequence[np.ndarray]) -> IdentityDecision:
        """Compare the ID portrait with the live frames (never raises for bad faces)."""
        portrait = self.portrait(id_image)
        if isinstance(portrait, Reason):
            return self._review([portrait])
        try:
            template, rejected = self._enrol(live_frames)
        except EnrolmentError as exc:
            found = [r for r in exc.reasons if isinstance(r, Reason)]
            return self._review([reason("live_no_usable_frame"), *found])
        except FaceAnalysisError as exc:
            return self._review([reason("live_no_usable_frame", detail=exc.user_message)])
        return self.compare(portrait, template, rejected)

    def compare(self, portrait: Portrait | Reason, template: Template | None,
                rejected: Sequence[Reason] = ()) -> IdentityDecision:
        """The deployed rule: distance with review band, downgraded to ``review`` for a
        blurred portrait or a crowd in a live frame; ``review`` when a side is missing."""
        cfg = self.config
        if isinstance(portrait, Reason):
            return self._review([portrait])
        if template is None:
            return self._review([reason("live_no_usable_frame"), *rejected])
        dist = template.distance(portrait.encoding)
        outcome, reasons = decide(dist, cfg)
        if outcome == "match" and portrait.reasons:
            outcome, reasons = "review", list(portrait.reasons)
        crowd = [r for r in rejected if r.code == "several_faces"]
        if outcome == "match" and crowd:  # someone else was in the picture at some point
            outcome, reasons = "review", crowd
        return IdentityDecision(outcome, dist, cfg.match_threshold, cfg.review_band, reasons)

    def _review(self, reasons: list[Reason]) -> IdentityDecision:
        cfg = self.config
        return IdentityDecision("review", None, cfg.match_threshold, cfg.review_band, reasons)
