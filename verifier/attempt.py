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

:meth:`AttemptVerifier.decide_stream` decides while the challenge is being
captured: the ID portrait is searched and encoded first (while the student
performs the challenge), then each frame is analysed as it arrives
(:class:`verifier.capture.FrameFeed`); when the capture ends only the frames not
yet analysed and the final comparison are left.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from exam_packages.errors import InputError

from .capture import checked_time
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


def without_liveness(identity: IdentityDecision) -> AttemptDecision:
    """The decision when no liveness challenge was run (the headless demo): never a match."""
    return combine(identity, LivenessResult(False, [], [reason("liveness_not_run")]), ())


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
        """:meth:`decide_stream` over frames already captured."""
        return self.decide_stream(id_image, challenge, frames)

    def decide_stream(self, id_image: np.ndarray, challenge: LivenessChallenge,
                      frames: Iterable[np.ndarray],
                      portrait: Portrait | Reason | None = None) -> AttemptDecision:
        """The decision over frames stamped by the camera source
        (:class:`verifier.capture.TimedFrame`), analysed as the iteration yields them
        (a :class:`~verifier.capture.FrameFeed` yields them while they are captured).
        The ID portrait (``portrait``, when already found in ``id_image``) is searched
        before the first frame is read.  Frames without a
        capture time (or going back in time) cannot time the challenge: the liveness
        fails with ``liveness_no_capture_time`` (so the outcome is at best ``review``);
        the iteration is still read to its end."""
        if portrait is None:
            portrait = self.portrait(id_image)
        evaluator = LivenessEvaluator(challenge, self.config, self.engine)
        failed: InputError | None = None
        last: float | None = None
        for index, frame in enumerate(frames):
            if failed is not None:
                continue  # read to the end: the decision comes when the capture is over
            try:
                last = checked_time(frame, index, last)
            except InputError as exc:
                failed = exc
                continue
            evaluator.feed(last, np.asarray(frame))
        if failed is not None:
            result = LivenessResult(False, [], [reason("liveness_no_capture_time",
                                                       detail=failed.user_message)])
            return combine(self.compare(portrait, None), result, challenge.steps)
        result = evaluator.result()
        return combine(self.compare(portrait, result.template), result, challenge.steps)


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
