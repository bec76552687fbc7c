"""The review workflow without any UI: list, open, decide.

:class:`ReviewService` glues the server (``ReviewServer``), the envelope codec
and the keys. The Qt layer calls it from worker threads; tests call it directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from exam_packages.errors import EmtihanError, InputError, ServerError, VerificationError

from .api import ReviewServer, SessionSummary
from .bundle import BundleCodec, BundleInputs, open_session
from .decisions import DecisionBook, Outcome, SignedDecision, decision_from_json, sign_decision
from .export import SessionRecord


def load_institution_key(path: Path, passphrase: bytes | None) -> X25519PrivateKey:
    """The passphrase-protected PKCS#8 results key; ``InputError`` if it is not X25519."""
    from exam_packages.keys import load_private_key

    key = load_private_key(Path(path), passphrase)
    if not isinstance(key, X25519PrivateKey):
        raise InputError("This file is not an institution results key (X25519).",
                         code="wrong_key_type")
    return key


def load_invigilator_key(path: Path, passphrase: bytes | None) -> Ed25519PrivateKey:
    from exam_packages.keys import load_private_key

    key = load_private_key(Path(path), passphrase)
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError("This file is not an invigilator signing key (Ed25519).",
                         code="wrong_key_type")
    return key


@dataclass
class Reviewer:
    name: str
    key: Ed25519PrivateKey


@dataclass
class ReviewService:
    server: ReviewServer
    codec: BundleCodec
    institution_key: Any
    reviewer: Reviewer
    rejected_decisions: list[str] = field(default_factory=list)
    _server_key: bytes | None = None

    def sessions(self, exam_id: str) -> list[SessionRecord]:
        return [SessionRecord(summary) for summary in self.server.list_sessions(exam_id)]

    def server_key(self) -> bytes:
        if self._server_key is None:
            self._server_key = self.server.server_key()
        return self._server_key

    def open(self, record: SessionRecord) -> SessionRecord:
        """Download, decrypt, verify and load decisions; returns a new record."""
        summary = record.summary
        if not summary.submitted:
            raise InputError("This session has not been handed in yet.", code="not_submitted")
        blob = self.server.download_bundle(summary.attempt_id)
        inputs = BundleInputs(
            attempt_id=summary.attempt_id,
            blob=blob,
            receipt=self._receipt_for(summary, hashlib.sha256(blob).hexdigest()),
            server_key=self.server_key(),
            registered_keys=[summary.public_key] if summary.public_key else [],
            key_changes=summary.key_changes,
        )
        opened = open_session(inputs, self.institution_key, self.codec)
        flags = tuple(entry.seq for entry in opened.content.flags())
        book = DecisionBook(summary.attempt_id, flags)
        self._load_decisions(book)
        return SessionRecord(summary, opened, book, record.score, record.max_score)

    def open_or_mark(self, record: SessionRecord) -> SessionRecord:
        """``open``, but a bundle that fails verification before anything can be read
        (altered ciphertext, envelope signature, another institution key) comes back
        marked with ``open_error`` instead of raising: it must be shown, not skipped."""
        try:
            return self.open(record)
        except VerificationError as exc:
            return SessionRecord(record.summary, open_error=exc.user_message)

    def open_all(self, records: list[SessionRecord]) -> list[SessionRecord]:
        """Open every handed-in session not opened yet (for the exam-wide CSV)."""
        return [self.open_or_mark(r) for r in records if r.summary.submitted and r.opened is None]

    def _receipt_for(self, summary: SessionSummary, sha256: str) -> dict[str, Any]:
        try:
            return self.server.download_receipt(summary.attempt_id, sha256)
        except ServerError as exc:
            if exc.status != 404:
                raise
            return {}  # no receipt is itself a finding: the receipt check fails loudly

    def _load_decisions(self, book: DecisionBook) -> None:
        decisions = []
        for item in self.server.list_decisions(book.attempt_id):
            try:
                decisions.append(decision_from_json(item))
            except EmtihanError as exc:
                self.rejected_decisions.append(f"{book.attempt_id}: {exc.user_message}")
        for message in book.load(decisions):
            self.rejected_decisions.append(f"{book.attempt_id}: {message}")

    def prepare_decision(
        self, record: SessionRecord, outcome: Outcome, note: str, flag_seq: int | None = None
    ) -> SignedDecision:
        """Check the decision fits the session's book, then sign it (nothing is sent)."""
        if record.opened is None or record.decisions is None:
            raise InputError("Open the session before deciding.", code="not_opened")
        book = record.decisions
        if flag_seq is None:
            book.check_session_outcome(outcome)
        elif flag_seq not in book.flag_seqs:
            raise InputError(f"There is no flag #{flag_seq} in this session.", code="unknown_flag")
        return sign_decision(
            self.reviewer.key,
            reviewer=self.reviewer.name,
            attempt_id=record.summary.attempt_id,
            exam_id=record.summary.exam_id,
            outcome=outcome,
            note=note,
            evidence_hash=record.opened.bundle_sha256,
            flag_seq=flag_seq,
        )

    def submit(self, decision: SignedDecision) -> None:
        """Post a signed decision (blocking; raises ``NetworkError``)."""
        self.server.post_decision(str(decision.record["attempt_id"]), decision)

    def decide(
        self, record: SessionRecord, outcome: Outcome, note: str, flag_seq: int | None = None
    ) -> SignedDecision:
        """Sign and post one decision; the local book changes only after the server took it."""
        decision = self.prepare_decision(record, outcome, note, flag_seq)
        self.submit(decision)
        assert record.decisions is not None
        record.decisions.add(decision)
        return decision
