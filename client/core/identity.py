"""The identity record: what the student was told, exactly as it is logged and reviewed.

One decision per identity try: the verifier's ``AttemptDecision``
(``verifier.attempt``, where the rule is defined once), read and validated by
:func:`record_of` without deciding anything again.  The same :class:`IdentityRecord` is shown to
the student (``client.ui``), signed into the event log (``identity_attempt`` and
``identity_result`` records) and read back by the review tool
(``client.review_core.codec``): there is no second interpretation anywhere.

Outcomes are the verifier's: ``match``, ``review``, ``no_match``.  A failed
liveness challenge is never a ``match`` (the verifier makes it ``review`` with the
liveness reasons; a decision saying otherwise is refused here).  Nothing is refused
automatically; ``no_match`` lets the
student try again while tries are left, then continues flagged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from exam_packages.errors import InputError

from .jsonsafe import json_safe

OUTCOMES = ("match", "review", "no_match")
STEP_NAMES = ("blink", "turn_left", "turn_right")
# What the student is asked to do, per step (English source texts, translated where shown).
STEP_TEXT = {"blink": "Blink twice.", "turn_left": "Slowly turn your head to the left.",
             "turn_right": "Slowly turn your head to the right."}
# What an outcome means, in words (the student page and the review tool say the same).
OUTCOME_TEXT = {"match": "Identity confirmed automatically.",
                "review": "Not confirmed automatically: a person must compare the faces.",
                "no_match": "The face does not match the ID document."}


@dataclass(frozen=True)
class Reason:
    code: str
    message: str  # English source text; translated where shown


@dataclass(frozen=True)
class StepOutcome:
    name: str
    passed: bool


@dataclass(frozen=True)
class IdentityRecord:
    outcome: str
    reasons: tuple[Reason, ...] = ()
    liveness_passed: bool = False
    steps: tuple[StepOutcome, ...] = ()
    distance: float | None = None
    threshold: float | None = None
    review_band: tuple[float, float] | None = None
    attempt: int = 1
    final: bool = False
    tries: tuple[Mapping[str, Any], ...] = ()  # the earlier tries (outcome, reasons), in order
    verifier: dict[str, Any] = field(default_factory=dict)  # raw figures, for the record

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise InputError(f"unknown identity outcome {self.outcome!r}")

    @property
    def messages(self) -> list[str]:
        """Distinct reason texts, in order."""
        return list(dict.fromkeys(r.message for r in self.reasons if r.message))

    def to_dict(self) -> dict[str, Any]:
        """JSON for signed data: numbers as decimal strings (``client.core.jsonsafe``)."""
        return json_safe({
            "outcome": self.outcome,
            "reasons": [{"code": r.code, "message": r.message} for r in self.reasons],
            "liveness": {"passed": self.liveness_passed,
                         "steps": [{"name": s.name, "passed": s.passed} for s in self.steps]},
            "distance": self.distance,
            "threshold": self.threshold,
            "review_band": None if self.review_band is None else list(self.review_band),
            "attempts": self.attempt,
            "final": self.final,
            "tries": [dict(t) for t in self.tries],
            "verifier": dict(self.verifier),
        })

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IdentityRecord:
        """Read a logged record back; raises :class:`InputError` on a foreign shape."""
        if not isinstance(data, Mapping):
            raise InputError("identity record: expected a mapping")
        live = data.get("liveness")
        live = live if isinstance(live, Mapping) else {}
        band = data.get("review_band")
        return cls(
            outcome=str(data.get("outcome", "")),
            reasons=tuple(_reason(r) for r in _list(data.get("reasons"))),
            liveness_passed=live.get("passed") is True,
            steps=tuple(StepOutcome(str(s.get("name", "")), s.get("passed") is True)
                        for s in _list(live.get("steps")) if isinstance(s, Mapping)),
            distance=_number(data.get("distance")),
            threshold=_number(data.get("threshold")),
            review_band=_band(band),
            attempt=int(data["attempts"]) if isinstance(data.get("attempts"), int) else 1,
            final=data.get("final") is True,
            tries=tuple(t for t in _list(data.get("tries")) if isinstance(t, Mapping)),
        )

    def brief(self) -> dict[str, Any]:
        """What a later try keeps of this one."""
        return {"attempt": self.attempt, "outcome": self.outcome,
                "reasons": [r.code or r.message for r in self.reasons],
                "liveness_passed": self.liveness_passed}

    def worst_outcome(self) -> str:
        """The most serious outcome of this try and the earlier ones."""
        seen = {self.outcome, *(str(t.get("outcome")) for t in self.tries)}
        return next(o for o in ("no_match", "review", "match") if o in seen or o == "match")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _band(value: Any) -> tuple[float, float] | None:
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = _number(value[0]), _number(value[1])
        if low is not None and high is not None:
            return (low, high)
    return None


def _reason(item: Any) -> Reason:
    if isinstance(item, Mapping):
        return Reason(str(item.get("code", "")), str(item.get("message") or item.get("code", "")))
    return Reason("", str(item))


def record_of(decision: Mapping[str, Any], *, attempt: int) -> IdentityRecord:
    """One try, as the verifier decided it: ``verifier.attempt.AttemptDecision.to_dict()``
    (outcome, reasons, challenge, liveness).  Validated, not decided again: raises
    :class:`InputError` for a foreign shape, or for a ``match`` whose liveness did not pass."""
    if not isinstance(decision, Mapping):
        raise InputError("identity decision: expected a mapping")
    live = decision.get("liveness")
    if not isinstance(live, Mapping):
        raise InputError("identity decision: no liveness result")
    judged = {str(s.get("name")): s.get("passed") is True
              for s in _list(live.get("steps")) if isinstance(s, Mapping)}
    steps = tuple(StepOutcome(str(name), judged.get(str(name), False))
                  for name in _list(decision.get("challenge")))
    live_ok = live.get("passed") is True and all(s.passed for s in steps)
    outcome = str(decision.get("outcome", ""))
    if outcome == "match" and not live_ok:
        raise InputError("identity decision: a match without a passed liveness check")
    return IdentityRecord(
        outcome=outcome, reasons=tuple(_reason(r) for r in _list(decision.get("reasons"))),
        liveness_passed=live_ok, steps=steps, distance=_number(decision.get("distance")),
        threshold=_number(decision.get("threshold")),
        review_band=_band(decision.get("review_band")), attempt=attempt,
        verifier=dict(decision))
