"""Open a handed-in result bundle locally and verify everything about it.

The invigilator's machine decrypts the ciphertext with the institution private
key, then checks, one by one and independently:

* the attempt signature: the envelope is signed by the attempt key the server
  registered at start (or one of its recorded key changes);
* the server receipt: Ed25519 over ``canonical_bytes(receipt)`` under the key
  of ``GET /v1/server-key``, naming this attempt and these exact bytes;
* the event log hash chain, and that its last hash is the one the envelope signs.

A failed check never hides the data: :class:`OpenedSession` carries the
content *and* the list of :class:`Check` results; ``tampered`` is true if any
failed, and the UI shows a red "log tampered / incomplete" banner.
Only a bundle that cannot be decrypted at all raises (``DecryptionError``).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import EmtihanError, SignatureError, VerificationError

from .content import SessionContent


@dataclass(frozen=True)
class Check:
    """One verification step and its outcome (``message`` says why it failed)."""

    name: str
    ok: bool
    message: str
    seq: int | None = None  # first bad event-log record, when the check names one


@dataclass(frozen=True)
class OpenedEnvelope:
    """A decrypted envelope: its content and the attempt key that signed it."""

    content: SessionContent
    attempt_public_key: bytes
    meta: Mapping[str, Any] = field(default_factory=dict)
    extra_checks: tuple[Check, ...] = ()


class BundleCodec(Protocol):
    """Decrypts a result blob (raises ``DecryptionError``/``VerificationError``)."""

    def open(self, blob: bytes, institution_private: Any) -> OpenedEnvelope: ...


def verify_event_log(content: SessionContent, attempt_public_key: bytes) -> None:
    """Hash chain, seal and seal signature by the attempt key (client.core.eventlog)."""
    from client.core.eventlog import verify_log

    verify_log(content.log_bytes, attempt_public_key, content.log_signature)


@dataclass
class OpenedSession:
    attempt_id: str
    bundle_sha256: str
    content: SessionContent
    checks: list[Check] = field(default_factory=list)
    receipt: dict[str, Any] = field(default_factory=dict)

    @property
    def tampered(self) -> bool:
        return any(not check.ok for check in self.checks)

    @property
    def broken_seq(self) -> int | None:
        """The first event-log record that cannot be trusted (None if the chain holds)."""
        seqs = [c.seq for c in self.checks if not c.ok and c.seq is not None]
        return min(seqs) if seqs else None

    @property
    def problems(self) -> list[str]:
        return [f"{check.name}: {check.message}" for check in self.checks if not check.ok]


def _run(name: str, step: Callable[[], None], ok_message: str) -> Check:
    try:
        step()
    except VerificationError as exc:
        seq = getattr(exc, "seq", None)
        return Check(name, False, exc.user_message, seq if isinstance(seq, int) else None)
    return Check(name, True, ok_message)


def verify_receipt(
    receipt_doc: Mapping[str, Any], server_key: bytes, attempt_id: str, bundle_sha256: str
) -> None:
    """Raise ``SignatureError``/``VerificationError`` unless the receipt covers this bundle."""
    if not receipt_doc:
        raise SignatureError("The server has no receipt for this hand-in.")
    try:
        receipt = receipt_doc["receipt"]
        signature = base64.b64decode(receipt_doc["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(server_key).verify(signature, canonical_bytes(receipt))
    except (KeyError, TypeError, ValueError, InvalidSignature, EmtihanError) as exc:
        raise SignatureError("The server receipt's signature does not verify.") from exc
    if receipt.get("attempt_id") != attempt_id:
        raise VerificationError("The receipt is for another attempt.", code="receipt_mismatch")
    if receipt.get("sha256") != bundle_sha256:
        raise VerificationError(
            "The receipt was issued for different bytes than the bundle downloaded.",
            code="receipt_mismatch",
        )


def verify_attempt_key(
    envelope_key: bytes, registered: Sequence[bytes], key_changes: int = 0
) -> None:
    """The envelope must be signed by a key the server registered for this attempt.

    The review list carries only the attempt's current key; after a key change
    (crash resume on a new machine) an older key is reported as such, not as forged.
    """
    if not registered:
        raise SignatureError("The server has no attempt key on record to check the signature.")
    if envelope_key in registered:
        return
    if key_changes:
        raise SignatureError(
            f"The result is signed by an earlier attempt key, not the current one (the key "
            f"changed {key_changes} time(s)); ask the server operator for the key history."
        )
    raise SignatureError(
        "The result is signed by a key that was never registered for this attempt."
    )


@dataclass(frozen=True)
class BundleInputs:
    """Everything downloaded for one session (the blob stays ciphertext until here)."""

    attempt_id: str
    blob: bytes
    receipt: Mapping[str, Any]
    server_key: bytes
    registered_keys: Sequence[bytes]
    key_changes: int = 0


def open_session(
    inputs: BundleInputs,
    institution_private: Any,
    codec: BundleCodec,
) -> OpenedSession:
    """Decrypt and verify; raises only when nothing at all can be read."""
    digest = hashlib.sha256(inputs.blob).hexdigest()
    opened = codec.open(inputs.blob, institution_private)
    content = opened.content
    checks = [
        Check("Decryption", True, "The bundle opened with the institution key."),
        _run(
            "Attempt signature",
            lambda: verify_attempt_key(opened.attempt_public_key, inputs.registered_keys,
                                       inputs.key_changes),
            "Signed by the attempt key registered at start.",
        ),
        _run(
            "Server receipt",
            lambda: verify_receipt(inputs.receipt, inputs.server_key, inputs.attempt_id, digest),
            "The server's signed receipt covers exactly these bytes.",
        ),
        _run(
            "Event log",
            lambda: verify_event_log(content, opened.attempt_public_key),
            f"Hash chain intact over {len(content.log)} records, seal signed by the attempt.",
        ),
        *opened.extra_checks,
    ]
    if content.attempt_id and content.attempt_id != inputs.attempt_id:
        checks.append(Check("Attempt id", False, "The result names another attempt."))
    return OpenedSession(inputs.attempt_id, digest, content, checks, dict(inputs.receipt))
