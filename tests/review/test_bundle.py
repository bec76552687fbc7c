from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from client.core.eventlog import ALERT, WARNING, EventLog
from client.review_core.bundle import (
    BundleInputs,
    OpenedEnvelope,
    open_session,
    verify_attempt_key,
    verify_receipt,
)
from client.review_core.content import SessionContent
from client.review_core.decisions import raw_public
from exam_packages.canonical import canonical_bytes
from exam_packages.errors import DecryptionError, SignatureError, VerificationError
from tests.support.clocks import FakeClock

ATTEMPT = "att_" + "a" * 32
BLOB = b"ciphertext-bytes"


def _sealed_log(tmp_path: Path, key: Ed25519PrivateKey) -> tuple[bytes, bytes, dict]:
    clock = FakeClock()
    with EventLog(tmp_path / "log", clock=clock) as log:
        log.append("exam_started")
        clock.advance(30)
        log.append("multiple_faces", {"faces": 2}, severity=ALERT, thumbnail=b"\xff\xd8a")
        clock.advance(30)
        log.append("gaze_away", {"seconds": 6}, severity=WARNING, thumbnail=b"\xff\xd8b")
        signature = log.seal(key)
        return log.read_bytes(), signature, log.evidence()


class FakeCodec:
    """Stands in for the envelope: returns prepared content, refuses a wrong key."""

    def __init__(self, content: SessionContent, signer: bytes) -> None:
        self.content, self.signer = content, signer

    def open(self, blob: bytes, institution_private: Any) -> OpenedEnvelope:
        if institution_private != "institution-key":
            raise DecryptionError("The bundle cannot be decrypted with this key.")
        return OpenedEnvelope(self.content, self.signer)


def _receipt(server: Ed25519PrivateKey, sha: str, attempt: str = ATTEMPT) -> dict:
    receipt = {"attempt_id": attempt, "exam_id": "phys", "sha256": sha, "size": len(BLOB),
               "late": False, "late_s": 0, "version": 1, "received_at": "2026-12-01T10:00:00Z"}
    sig = server.sign(canonical_bytes(receipt))
    return {"receipt": receipt, "signature": base64.b64encode(sig).decode(), "key_id": "k"}


@pytest.fixture()
def world(tmp_path: Path) -> dict:
    attempt = Ed25519PrivateKey.generate()
    server = Ed25519PrivateKey.generate()
    log_bytes, log_sig, thumbs = _sealed_log(tmp_path, attempt)
    content = SessionContent(attempt_id=ATTEMPT, log_bytes=log_bytes, log_signature=log_sig,
                             thumbnails=thumbs)
    inputs = BundleInputs(ATTEMPT, BLOB, _receipt(server, hashlib.sha256(BLOB).hexdigest()),
                          raw_public(server.public_key()), [raw_public(attempt.public_key())])
    return {"attempt": attempt, "server": server, "content": content, "inputs": inputs}


def test_intact_bundle_verifies(world: dict) -> None:
    codec = FakeCodec(world["content"], world["inputs"].registered_keys[0])
    opened = open_session(world["inputs"], "institution-key", codec)
    assert not opened.tampered, opened.problems
    assert [c.name for c in opened.checks] == [
        "Decryption", "Attempt signature", "Server receipt", "Event log"]
    assert opened.content.flag_counts() == {"alert": 1, "warning": 1}
    assert all(e.thumbnail for e in opened.content.flags())


def test_edited_log_is_tampered_but_still_shown(world: dict) -> None:
    content: SessionContent = world["content"]
    content.log_bytes = content.log_bytes.replace(b'"faces":2', b'"faces":1')
    codec = FakeCodec(content, world["inputs"].registered_keys[0])
    opened = open_session(world["inputs"], "institution-key", codec)
    assert opened.tampered
    assert opened.problems == ["Event log: Event log record 1 was altered (hash mismatch)."]
    assert len(opened.content.timeline()) == 4


def test_truncated_log_is_incomplete(world: dict) -> None:
    content: SessionContent = world["content"]
    content.log_bytes = b"".join(content.log_bytes.splitlines(keepends=True)[:2])
    opened = open_session(world["inputs"], "institution-key",
                          FakeCodec(content, world["inputs"].registered_keys[0]))
    assert opened.problems == [
        "Event log: Event log ends before record 2: no seal record (truncated)."]


def test_result_signed_by_unregistered_key_is_flagged(world: dict) -> None:
    stranger = raw_public(Ed25519PrivateKey.generate().public_key())
    opened = open_session(world["inputs"], "institution-key", FakeCodec(world["content"], stranger))
    assert opened.tampered
    assert opened.problems[0] == (
        "Attempt signature: The result is signed by a key that was never registered "
        "for this attempt.")


def test_wrong_institution_key_raises(world: dict) -> None:
    codec = FakeCodec(world["content"], world["inputs"].registered_keys[0])
    with pytest.raises(DecryptionError, match="cannot be decrypted"):
        open_session(world["inputs"], "another-key", codec)


def test_receipt_for_other_bytes_fails(world: dict) -> None:
    inputs: BundleInputs = world["inputs"]
    with pytest.raises(VerificationError, match="different bytes") as info:
        verify_receipt(inputs.receipt, inputs.server_key, ATTEMPT, "0" * 64)
    assert info.value.code == "receipt_mismatch"


def test_receipt_for_other_attempt_fails(world: dict) -> None:
    inputs: BundleInputs = world["inputs"]
    receipt = _receipt(world["server"], hashlib.sha256(BLOB).hexdigest(), "att_" + "b" * 32)
    with pytest.raises(VerificationError, match="another attempt"):
        verify_receipt(receipt, inputs.server_key, ATTEMPT, hashlib.sha256(BLOB).hexdigest())


def test_forged_receipt_fails(world: dict) -> None:
    inputs: BundleInputs = world["inputs"]
    doc = dict(inputs.receipt)
    doc["receipt"] = dict(doc["receipt"], late=True)
    with pytest.raises(SignatureError, match="receipt's signature"):
        verify_receipt(doc, inputs.server_key, ATTEMPT, hashlib.sha256(BLOB).hexdigest())


def test_no_registered_key_fails() -> None:
    with pytest.raises(SignatureError, match="no attempt key on record"):
        verify_attempt_key(b"k" * 32, [])


def test_key_after_change_is_named_as_such() -> None:
    with pytest.raises(SignatureError, match=r"earlier attempt key.*changed 1 time"):
        verify_attempt_key(b"old" * 10 + b"ab", [b"new" * 10 + b"ab"], key_changes=1)
