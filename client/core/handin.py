"""The hand-in bundle: what the student's client seals and uploads (Qt-free).

The payload is a zip (entries stored, names fixed) sealed with
:func:`exam_packages.envelope.seal_result` to the manifest's recipient key and signed
by the attempt key::

    handin.json              canonical JSON, see below
    events.jsonl             the sealed event log (client.core.eventlog)
    events.sig               Ed25519 seal signature of the log (64 bytes)
    evidence/<sha256>.jpg    thumbnails of flagged events that are still in the budget
    identity/id_portrait.jpg optional: the portrait cut from the ID document
    identity/live_<n>.jpg    optional: live frames used for the identity decision

``handin.json``::

    {"format": "emtihan-handin", "version": 1,
     "attempt_id", "exam_id", "exam_version", "student_id", "seed",
     "paper": {...make_paper output...}, "answers": {qid: answer}, "flags": [qid],
     "system_checks": {"camera": {...}, "audio": {...}, "bandwidth": {...}},
     "identity": {"outcome", "distance", "threshold", "liveness", "attempts", ...},
     "consent": {...}, "submitted_at": RFC 3339 (server time estimate), "remaining_s": int,
     "event_log": {"sha256": hex of events.jsonl, "final_hash": hex, "records": n},
     "evidence": [sha256 hex, ...]}

The envelope ``meta`` (readable by the server, not encrypted) is only
``{"format": "emtihan-handin-v1", "attempt_id", "exam_id"}``.

API: ``build_payload(HandinInputs) -> bytes``, ``seal_handin(inputs, recipient_public,
attempt_key) -> bytes`` and, for the invigilator side, ``open_handin(blob,
institution_private, expected_attempt_public=None) -> HandinContents`` which also
verifies the event log against the envelope's attempt key.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from exam_packages.canonical import canonical_bytes
from exam_packages.envelope import open_result, seal_result
from exam_packages.errors import MalformedPackageError

from .eventlog import check_chain, verify_log

FORMAT = "emtihan-handin"
META_FORMAT = "emtihan-handin-v1"
MAX_ENTRIES = 5000


@dataclass
class HandinInputs:
    attempt_id: str
    exam_id: str
    exam_version: int
    student_id: str
    seed: str
    paper: dict[str, Any]
    answers: dict[str, Any]
    log_bytes: bytes
    log_signature: bytes
    flags: list[str] = field(default_factory=list)
    evidence: dict[str, bytes] = field(default_factory=dict)
    system_checks: dict[str, Any] = field(default_factory=dict)
    identity: dict[str, Any] = field(default_factory=dict)
    identity_images: dict[str, bytes] = field(default_factory=dict)  # "id_portrait", "live_0"
    consent: dict[str, Any] = field(default_factory=dict)
    submitted_at: str = ""
    remaining_s: int = 0


@dataclass
class HandinContents:
    """An opened hand-in (what the invigilator sees)."""

    document: dict[str, Any]
    log_bytes: bytes
    log_signature: bytes
    evidence: dict[str, bytes]
    identity_images: dict[str, bytes]
    meta: dict[str, Any]
    attempt_public_key: bytes
    sha256: str

    @property
    def answers(self) -> dict[str, Any]:
        return dict(self.document.get("answers", {}))


def handin_document(inputs: HandinInputs) -> dict[str, Any]:
    records = check_chain(inputs.log_bytes, require_seal=True)
    return {
        "format": FORMAT, "version": 1,
        "attempt_id": inputs.attempt_id, "exam_id": inputs.exam_id,
        "exam_version": inputs.exam_version, "student_id": inputs.student_id,
        "seed": inputs.seed, "paper": inputs.paper, "answers": inputs.answers,
        "flags": list(inputs.flags), "system_checks": inputs.system_checks,
        "identity": inputs.identity, "consent": inputs.consent,
        "submitted_at": inputs.submitted_at, "remaining_s": int(inputs.remaining_s),
        "event_log": {"sha256": hashlib.sha256(inputs.log_bytes).hexdigest(),
                      "final_hash": records[-1]["hash"], "records": len(records)},
        "evidence": sorted(inputs.evidence),
    }


def build_payload(inputs: HandinInputs) -> bytes:
    """The zip payload (deterministic entry order, stored)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            zf.writestr(info, data)

        put("handin.json", canonical_bytes(handin_document(inputs)))
        put("events.jsonl", inputs.log_bytes)
        put("events.sig", inputs.log_signature)
        for sha in sorted(inputs.evidence):
            put(f"evidence/{sha}.jpg", inputs.evidence[sha])
        for name in sorted(inputs.identity_images):
            put(f"identity/{name}.jpg", inputs.identity_images[name])
    return out.getvalue()


def seal_handin(inputs: HandinInputs, recipient_public: X25519PublicKey,
                attempt_key: Ed25519PrivateKey) -> bytes:
    meta = {"format": META_FORMAT, "attempt_id": inputs.attempt_id, "exam_id": inputs.exam_id}
    return seal_result(build_payload(inputs), meta, recipient_public, attempt_key)


def parse_payload(payload: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """handin.json + every other entry by name; raises MalformedPackageError."""
    import json

    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise MalformedPackageError("The hand-in has too many entries.")
            entries = {info.filename: zf.read(info) for info in infos}
        document = json.loads(entries.pop("handin.json"))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise MalformedPackageError("The hand-in payload is not a valid bundle.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise MalformedPackageError("The hand-in payload has an unknown format.")
    return document, entries


def open_handin(blob: bytes, institution_private: X25519PrivateKey,
                expected_attempt_public: bytes | None = None) -> HandinContents:
    """Decrypt, check the envelope signature, the event log chain + seal signature."""
    opened = open_result(blob, institution_private,
                         expected_attempt_public=expected_attempt_public)
    document, entries = parse_payload(opened.payload)
    log_bytes = entries.get("events.jsonl", b"")
    log_sig = entries.get("events.sig", b"")
    verify_log(log_bytes, opened.attempt_public_key, log_sig)
    evidence = {name[len("evidence/"):-len(".jpg")]: data for name, data in entries.items()
                if name.startswith("evidence/")}
    for sha, data in evidence.items():
        if hashlib.sha256(data).hexdigest() != sha:
            raise MalformedPackageError(f"Evidence file {sha[:12]}… does not match its hash.")
    images = {name[len("identity/"):-len(".jpg")]: data for name, data in entries.items()
              if name.startswith("identity/")}
    return HandinContents(document=document, log_bytes=log_bytes, log_signature=log_sig,
                          evidence=evidence, identity_images=images, meta=opened.meta,
                          attempt_public_key=opened.attempt_public_key, sha256=opened.sha256)
