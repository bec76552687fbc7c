"""Human decisions on flags and sessions, signed by the invigilator's Ed25519 key.

The software only points: nothing here decides anything by itself. A session
decision can only be *final* (cleared / violation confirmed) once every flag of
the session has received a human decision.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import EmtihanError, InputError, SignatureError

DECISION_FORMAT = "emtihan-review-decision"
DECISION_VERSION = 1
MAX_NOTE_CHARS = 4000


class Outcome(StrEnum):
    CLEARED = "cleared"
    VIOLATION_CONFIRMED = "violation_confirmed"
    NEEDS_FOLLOW_UP = "needs_follow_up"

    @property
    def label(self) -> str:
        return {
            "cleared": "Cleared",
            "violation_confirmed": "Violation confirmed",
            "needs_follow_up": "Needs follow-up",
        }[self.value]


FINAL_OUTCOMES = frozenset({Outcome.CLEARED, Outcome.VIOLATION_CONFIRMED})


def utc_now() -> str:
    """RFC 3339 UTC with milliseconds, so decisions of one second keep their order."""
    now = datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """Hex SHA-256 of the raw 32-byte public key (as ``author_key_id``)."""
    return hashlib.sha256(raw_public(key)).hexdigest()


@dataclass(frozen=True)
class SignedDecision:
    """A decision record, its canonical bytes' signature and the signer's key."""

    record: dict[str, Any]
    signature: bytes
    public_key: bytes

    @property
    def scope(self) -> str:
        return str(self.record["scope"])

    @property
    def outcome(self) -> Outcome:
        return Outcome(self.record["outcome"])

    @property
    def flag_seq(self) -> int | None:
        seq = self.record.get("flag_seq")
        return int(seq) if seq is not None else None

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.record,
            "signature": base64.b64encode(self.signature).decode("ascii"),
            "public_key": base64.b64encode(self.public_key).decode("ascii"),
        }

    def verify(self) -> None:
        """Check the signature over the canonical bytes; raise ``SignatureError``."""
        try:
            public = Ed25519PublicKey.from_public_bytes(self.public_key)
            public.verify(self.signature, canonical_bytes(self.record))
        except (InvalidSignature, ValueError) as exc:
            raise SignatureError("The decision signature does not match its content.") from exc
        if self.record.get("reviewer_key_id") != key_id(public):
            raise SignatureError("The decision names another reviewer key than its signer's.")


def _clean_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise InputError(
            f"The note is longer than {MAX_NOTE_CHARS} characters.", code="note_too_long"
        )
    return note


def sign_decision(
    private_key: Ed25519PrivateKey,
    *,
    reviewer: str,
    attempt_id: str,
    exam_id: str,
    outcome: Outcome,
    note: str,
    evidence_hash: str,
    flag_seq: int | None = None,
    decided_at: str | None = None,
) -> SignedDecision:
    """Build and sign one decision. ``evidence_hash`` binds it to the log reviewed."""
    record: dict[str, Any] = {
        "format": DECISION_FORMAT,
        "version": DECISION_VERSION,
        "attempt_id": attempt_id,
        "exam_id": exam_id,
        "scope": "session" if flag_seq is None else "flag",
        "flag_seq": flag_seq,
        "outcome": Outcome(outcome).value,
        "note": _clean_note(note),
        "reviewer": reviewer,
        "reviewer_key_id": key_id(private_key.public_key()),
        "evidence_hash": evidence_hash,
        "decided_at": decided_at or utc_now(),
    }
    signature = private_key.sign(canonical_bytes(record))
    return SignedDecision(record, signature, raw_public(private_key.public_key()))


@dataclass
class DecisionBook:
    """Decisions for one session: per flag and for the session as a whole.

    ``flag_seqs`` are the sequence numbers of the flagged events of the log.
    """

    attempt_id: str
    flag_seqs: tuple[int, ...]
    flags: dict[int, SignedDecision] = field(default_factory=dict)
    session: SignedDecision | None = None

    def undecided_flags(self) -> list[int]:
        return [seq for seq in self.flag_seqs if seq not in self.flags]

    def check_session_outcome(self, outcome: Outcome) -> None:
        """Raise ``InputError`` if ``outcome`` would be final with flags undecided."""
        missing = self.undecided_flags()
        if Outcome(outcome) in FINAL_OUTCOMES and missing:
            listed = ", ".join(f"#{seq}" for seq in missing)
            raise InputError(
                f"Every flag needs a human decision before the session decision can be final; "
                f"undecided: {listed}.",
                code="flags_undecided",
            )

    def add(self, decision: SignedDecision) -> None:
        """Record a signed decision after checking it belongs here and is consistent."""
        decision.verify()
        if decision.record.get("attempt_id") != self.attempt_id:
            raise InputError("This decision is for a different session.", code="wrong_session")
        if decision.scope == "flag":
            seq = decision.flag_seq
            if seq not in self.flag_seqs:
                raise InputError(f"There is no flag #{seq} in this session.", code="unknown_flag")
            self.flags[seq] = decision
            return
        self.check_session_outcome(decision.outcome)
        self.session = decision

    @property
    def is_final(self) -> bool:
        return self.session is not None and self.session.outcome in FINAL_OUTCOMES

    def load(self, decisions: Iterable[SignedDecision]) -> list[str]:
        """Replay decisions oldest first (flags before the session on a tie); later ones
        replace earlier ones. Returns the messages of those that were refused."""
        refused = []
        for decision in sorted(decisions, key=replay_key):
            try:
                self.add(decision)
            except EmtihanError as exc:
                refused.append(exc.user_message)
        return refused


def replay_key(decision: SignedDecision) -> tuple[str, int]:
    return str(decision.record.get("decided_at", "")), 0 if decision.scope == "flag" else 1


def decision_from_json(data: Mapping[str, Any]) -> SignedDecision:
    """Parse the ``to_json`` shape; raise ``InputError`` on a malformed record."""
    try:
        record = dict(data["decision"])
        signature = base64.b64decode(data["signature"], validate=True)
        public_key = base64.b64decode(data["public_key"], validate=True)
        Outcome(record["outcome"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError("A stored decision is malformed.", code="bad_decision") from exc
    return SignedDecision(record, signature, public_key)
