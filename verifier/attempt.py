"""The identity decision of one attempt: ID portrait + liveness challenge + continuity.

This is the object the student client shows and records, and the review tool
reads back (``AttemptDecision.to_dict()``).  The rule, defined once here:

* the live template is built from frames spread over the liveness challenge
  (see :mod:`verifier.continuity`), compared with the ID portrait by
  :meth:`IdentityVerifier.compare` (match / review / no_match);
* when the liveness challenge fails (a step missing or timed out, a flat
  picture, a break in continuity, a frozen stream...), the outcome is never
  ``match``: a would-be ``match`` or ``review`` becomes ``review`` and the
  liveness reasons are added; ``no_match`` stays ``no_match``;
* a retry uses a fresh random order (:class:`ChallengeSchedule`).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from exam_packages.errors import InputError

from .capture import timed_sequence
from .id_document import Portrait
from .identity import IdentityDecision, IdentityVerifier, Outcome
from .liveness import LivenessChallenge, LivenessEvaluator, LivenessResult
from .quality import Reason, reason


@dataclass(frozen=True)
class AttemptDecision:
    outcome: Outcome
    identity: IdentityDecision
    liveness: LivenessResult
    challenge: tuple[str, ...]

    @property
    def reasons(self) -> list[Reason]:
        extra = [] if self.liveness.passed else self.liveness.reasons
        return [*self.identity.reasons, *extra]

    @property
    def distance(self) -> float | None:
        return self.identity.distance

    def to_dict(self) -> dict[str, Any]:
        out = self.identity.to_dict()
        out.update(
            outcome=self.outcome,
            identity_outcome=self.identity.outcome,
            reasons=[r.to_dict() for r in self.reasons],
            challenge=list(self.challenge),
            liveness=self.liveness.to_dict(),
        )
        return out


def combine(identity: IdentityDecision, liveness: LivenessResult,
            challenge: Sequence[str]) -> AttemptDecision:
    outcome: Outcome = identity.outcome
    if not liveness.passed and outcome != "no_match":
        outcome = "review"
    return AttemptDecision(outcome, identity, liveness, tuple(challenge))


class AttemptVerifier(IdentityVerifier):
    """The identity verifier plus the liveness challenge over the capture."""

    def liveness(self, challenge: LivenessChallenge,
                 timed: Sequence[tuple[float, np.ndarray]]) -> LivenessResult:
        evaluator = LivenessEvaluator(challenge, self.config, self.engine)
        for t, frame in timed:
            evaluator.feed(t, frame)
        return evaluator.result()

    def decide(self, id_image: np.ndarray, challenge: LivenessChallenge,
               timed: Sequence[tuple[float, np.ndarray]]) -> AttemptDecision:
        """``timed``: ``(capture_t, BGR frame)`` of the whole challenge, in capture order."""
        return self.decide_with_portrait(self.portrait(id_image), challenge, timed)

    def decide_with_portrait(self, portrait: Portrait | Reason, challenge: LivenessChallenge,
                             timed: Sequence[tuple[float, np.ndarray]]) -> AttemptDecision:
        """:meth:`decide` with the ID portrait already found (evaluations reuse it)."""
        result = self.liveness(challenge, timed)
        return combine(self.compare(portrait, result.template), result, challenge.steps)

    def decide_frames(self, id_image: np.ndarray, challenge: LivenessChallenge,
                      frames: Sequence[np.ndarray]) -> AttemptDecision:
        """Frames stamped by the camera source (:class:`verifier.capture.TimedFrame`).
        Frames without a capture time cannot time the challenge: the liveness fails
        with ``liveness_no_capture_time`` (so the outcome is at best ``review``)."""
        try:
            timed = timed_sequence(frames)
        except InputError as exc:
            failed = LivenessResult(False, [], [reason("liveness_no_capture_time",
                                                       detail=exc.user_message)])
            return combine(self.compare(self.portrait(id_image), None), failed, challenge.steps)
        return self.decide(id_image, challenge, timed)


class ChallengeSchedule:
    """Random challenge orders for the tries of one attempt, never repeating an order
    while unused ones remain."""

    def __init__(self, rng: random.Random, steps: int = 3) -> None:
        self.rng, self.steps = rng, steps
        self.used: set[tuple[str, ...]] = set()

    def next(self) -> LivenessChallenge:
        challenge = LivenessChallenge.fresh(self.rng, self.used, self.steps)
        self.used.add(challenge.steps)
        return challenge
