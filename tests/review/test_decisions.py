from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from client.review_core.decisions import (
    DecisionBook,
    Outcome,
    decision_from_json,
    key_id,
    sign_decision,
)
from exam_packages.canonical import canonical_bytes
from exam_packages.errors import InputError, SignatureError

ATTEMPT = "att_" + "1" * 32


def _sign(key: Ed25519PrivateKey, outcome: Outcome, flag: int | None = None, attempt=ATTEMPT):
    return sign_decision(
        key, reviewer="Dr. Aida", attempt_id=attempt, exam_id="phys-101", outcome=outcome,
        note="  looked at the frames  ", evidence_hash="ab" * 32, flag_seq=flag,
        decided_at="2026-12-01T10:00:00Z",
    )


def test_decision_is_signed_over_canonical_bytes() -> None:
    key = Ed25519PrivateKey.generate()
    decision = _sign(key, Outcome.CLEARED, flag=4)
    key.public_key().verify(decision.signature, canonical_bytes(decision.record))
    assert decision.record["scope"] == "flag"
    assert decision.record["flag_seq"] == 4
    assert decision.record["note"] == "looked at the frames"
    assert decision.record["reviewer_key_id"] == key_id(key.public_key())
    decision.verify()


def test_edited_decision_fails_verification() -> None:
    decision = _sign(Ed25519PrivateKey.generate(), Outcome.CLEARED, flag=4)
    decision.record["outcome"] = "violation_confirmed"
    with pytest.raises(SignatureError, match="does not match its content"):
        decision.verify()


def test_decision_naming_another_key_is_refused() -> None:
    decision = _sign(Ed25519PrivateKey.generate(), Outcome.CLEARED)
    other = Ed25519PrivateKey.generate()
    decision.record["reviewer_key_id"] = key_id(other.public_key())
    forged = type(decision)(decision.record, other.sign(canonical_bytes(decision.record)),
                            decision.public_key)
    with pytest.raises(SignatureError):
        forged.verify()


def test_final_session_decision_needs_every_flag_decided() -> None:
    key = Ed25519PrivateKey.generate()
    book = DecisionBook(ATTEMPT, (3, 7))
    book.add(_sign(key, Outcome.VIOLATION_CONFIRMED, flag=3))
    with pytest.raises(InputError, match=r"undecided: #7") as info:
        book.add(_sign(key, Outcome.CLEARED))
    assert info.value.code == "flags_undecided"
    assert book.session is None and not book.is_final
    assert set(book.flags) == {3}


def test_follow_up_session_decision_allowed_before_flags_decided() -> None:
    key = Ed25519PrivateKey.generate()
    book = DecisionBook(ATTEMPT, (3,))
    book.add(_sign(key, Outcome.NEEDS_FOLLOW_UP))
    assert book.session is not None and not book.is_final
    book.add(_sign(key, Outcome.CLEARED, flag=3))
    book.add(_sign(key, Outcome.CLEARED))
    assert book.is_final and book.undecided_flags() == []


def test_decision_for_unknown_flag_is_refused() -> None:
    book = DecisionBook(ATTEMPT, (3,))
    with pytest.raises(InputError, match="no flag #9") as info:
        book.add(_sign(Ed25519PrivateKey.generate(), Outcome.CLEARED, flag=9))
    assert info.value.code == "unknown_flag"
    assert book.flags == {}


def test_decision_for_other_session_is_refused() -> None:
    book = DecisionBook(ATTEMPT, (3,))
    other = "att_" + "2" * 32
    with pytest.raises(InputError, match="different session"):
        book.add(_sign(Ed25519PrivateKey.generate(), Outcome.CLEARED, flag=3, attempt=other))
    assert book.flags == {}


def test_too_long_note_is_refused() -> None:
    with pytest.raises(InputError, match="longer than 4000") as info:
        sign_decision(Ed25519PrivateKey.generate(), reviewer="r", attempt_id=ATTEMPT,
                      exam_id="e", outcome=Outcome.CLEARED, note="x" * 4001, evidence_hash="")
    assert info.value.code == "note_too_long"


def test_json_round_trip_and_malformed() -> None:
    decision = _sign(Ed25519PrivateKey.generate(), Outcome.NEEDS_FOLLOW_UP, flag=1)
    again = decision_from_json(decision.to_json())
    again.verify()
    assert again == decision
    bad = decision.to_json() | {"signature": base64.b64encode(b"x").decode() + "!"}
    with pytest.raises(InputError, match="malformed"):
        decision_from_json(bad)


def test_replay_is_ordered_by_time_not_by_list_order() -> None:
    key = Ed25519PrivateKey.generate()
    flag = sign_decision(key, reviewer="r", attempt_id=ATTEMPT, exam_id="e",
                         outcome=Outcome.CLEARED, note="", evidence_hash="", flag_seq=3,
                         decided_at="2026-12-01T10:00:00.100Z")
    session = sign_decision(key, reviewer="r", attempt_id=ATTEMPT, exam_id="e",
                            outcome=Outcome.VIOLATION_CONFIRMED, note="", evidence_hash="",
                            decided_at="2026-12-01T10:00:00.200Z")
    book = DecisionBook(ATTEMPT, (3,))
    assert book.load([session, flag]) == []
    assert book.is_final and book.session == session


def test_replay_refuses_final_decision_made_before_flags() -> None:
    key = Ed25519PrivateKey.generate()
    session = sign_decision(key, reviewer="r", attempt_id=ATTEMPT, exam_id="e",
                            outcome=Outcome.CLEARED, note="", evidence_hash="",
                            decided_at="2026-12-01T09:00:00.000Z")
    flag = sign_decision(key, reviewer="r", attempt_id=ATTEMPT, exam_id="e",
                         outcome=Outcome.CLEARED, note="", evidence_hash="", flag_seq=3,
                         decided_at="2026-12-01T10:00:00.000Z")
    book = DecisionBook(ATTEMPT, (3,))
    refused = book.load([flag, session])
    assert refused == ["Every flag needs a human decision before the session decision can be "
                       "final; undecided: #3."]
    assert book.session is None and not book.is_final
