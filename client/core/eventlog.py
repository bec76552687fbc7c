"""Append-only, hash-chained event log of one attempt (Qt-free).

One canonical JSON line per record::

    {"seq", "t_mono", "t_wall", "kind", "severity", "data", "thumb_sha256"?, "prev_hash", "hash"}

``hash = SHA-256(bytes.fromhex(prev_hash) || canonical_bytes(record without "hash"))`` and
the first record has ``prev_hash = "0" * 64``.  ``t_mono`` and ``t_wall`` are integer
milliseconds (canonical JSON has no floats); ``severity`` is 0 info, 1 notice,
2 warning, 3 alert.

``EventLog.seal(attempt_key)`` appends a final ``{"kind": "seal", "data": {"count": n}}``
record and returns an Ed25519 signature over ``SEAL_CONTEXT + bytes.fromhex(final_hash)``.
:func:`verify_log` checks the whole chain plus the seal and raises
:class:`~exam_packages.errors.EventLogError` (with ``.seq``) naming the first bad record
for an edited, deleted, reordered, truncated or appended-after-seal log, and
:class:`~exam_packages.errors.SignatureError` (message naming the seal's seq) when the
signature does not verify with the attempt public key.

Evidence: a thumbnail (JPEG bytes) is kept only for events with
``severity >= EvidenceBudget.min_severity``; it is stored once as ``thumbs/<sha256>.jpg`` and
the record carries ``thumb_sha256``.  The total thumbnail bytes stay under
``EvidenceBudget.max_bytes``; when a new one does not fit, the oldest thumbnail of the
lowest severity is deleted first (the new one itself if it ranks lowest), and every
drop is logged as an ``evidence_dropped`` record.  Budget math (docs/client.md): the
hand-in must upload in about a minute on a 512 kbit/s link at ~75 % efficiency:
512_000 / 8 * 0.75 * 60 s = 2.88 MB, so the default budget is 2_880_000 bytes
(about 120 thumbnails of 24 KB).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import EventLogError, SessionStateError, SignatureError
from exam_packages.keys import atomic_write

from .clock import Clock, SystemClock

GENESIS_HASH = "0" * 64
SEAL_CONTEXT = b"emtihan-eventlog-seal-v1\x00"
INFO, NOTICE, WARNING, ALERT = 0, 1, 2, 3
LINK_KBPS = 512
DEFAULT_BUDGET_BYTES = LINK_KBPS * 1000 // 8 * 75 // 100 * 60  # 2_880_000
_FIELDS = {"seq", "t_mono", "t_wall", "kind", "severity", "data", "prev_hash", "hash"}
_OPTIONAL = {"thumb_sha256"}


@dataclass(frozen=True)
class EvidenceBudget:
    """Which events keep a thumbnail and how many bytes all thumbnails may take."""

    min_severity: int = WARNING
    max_bytes: int = DEFAULT_BUDGET_BYTES


@dataclass
class _Thumb:
    sha: str
    seq: int
    severity: int
    size: int


def record_hash(prev_hash: str, body: dict[str, Any]) -> str:
    """The chain hash of one record (``body`` without its ``hash`` field)."""
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical_bytes(body)).hexdigest()


def _seal_message(final_hash: str) -> bytes:
    return SEAL_CONTEXT + bytes.fromhex(final_hash)


class EventLog:
    """The attempt's event log in ``directory`` (created; reopened after a crash).

    Thread-safe: the UI thread and a proctoring worker may both call :meth:`append`.
    ``sync_every=1`` fsyncs every record (what a power loss needs); larger values fsync
    once per batch (see benchmarks/bench_client.py for the cost).
    """

    LOG_NAME = "events.jsonl"
    SIG_NAME = "events.sig"
    THUMBS = "thumbs"

    def __init__(
        self,
        directory: Path,
        *,
        clock: Clock | None = None,
        budget: EvidenceBudget | None = None,
        sync_every: int = 1,
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / self.THUMBS).mkdir(exist_ok=True)
        self.path = self.directory / self.LOG_NAME
        self.clock = clock or SystemClock()
        self.budget = budget or EvidenceBudget()
        self.sync_every = max(1, sync_every)
        self._lock = threading.Lock()
        self._records: list[dict[str, Any]] = self._load()
        self._thumbs: dict[str, _Thumb] = self._load_thumbs()
        self._unsynced = 0
        self._fh = open(self.path, "ab")  # noqa: SIM115 - closed in close()

    # ------------------------------------------------------------------ reading
    @property
    def head_hash(self) -> str:
        return self._records[-1]["hash"] if self._records else GENESIS_HASH

    @property
    def next_seq(self) -> int:
        return len(self._records)

    @property
    def sealed(self) -> bool:
        return bool(self._records) and self._records[-1]["kind"] == "seal"

    def records(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self._records]

    def read_bytes(self) -> bytes:
        with self._lock:
            self._fh.flush()
            return self.path.read_bytes()

    def evidence(self) -> dict[str, bytes]:
        """Thumbnails still kept, by sha256 hex."""
        with self._lock:
            return {sha: self._thumb_path(sha).read_bytes() for sha in self._thumbs}

    def evidence_bytes(self) -> int:
        with self._lock:
            return sum(t.size for t in self._thumbs.values())

    def signature(self) -> bytes | None:
        sig = self.directory / self.SIG_NAME
        return sig.read_bytes() if sig.exists() else None

    # ------------------------------------------------------------------ writing
    def append(
        self,
        kind: str,
        data: dict[str, Any] | None = None,
        *,
        severity: int = INFO,
        thumbnail: bytes | None = None,
    ) -> dict[str, Any]:
        """Append one record (and maybe its thumbnail); returns the record written."""
        with self._lock:
            if self.sealed:
                raise SessionStateError("The event log is sealed; nothing can be added.")
            refused, victims = self._plan_thumbnail(severity, thumbnail)
            sha = None
            if thumbnail is not None and severity >= self.budget.min_severity and not refused:
                sha = self._store_thumb(thumbnail, self.next_seq, severity)
            record = self._write(kind, data or {}, severity, sha)
            if thumbnail is not None and refused:
                self._write_drop(record["seq"], hashlib.sha256(thumbnail).hexdigest(),
                                 len(thumbnail), refused)
            for victim in victims:
                self._drop(victim)
            return record

    def flush(self) -> None:
        with self._lock:
            self._sync()

    def seal(self, attempt_key: Ed25519PrivateKey) -> bytes:
        """Append the seal record, fsync, sign the final hash; returns the signature."""
        with self._lock:
            if not self.sealed:
                self._write("seal", {"count": self.next_seq}, INFO, None)
            self._sync()
            signature = attempt_key.sign(_seal_message(self.head_hash))
            atomic_write(self.directory / self.SIG_NAME, signature, 0o600)
            return signature

    def close(self) -> None:
        with self._lock:
            if not self._fh.closed:
                self._sync()
                self._fh.close()

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ internals
    def _write(self, kind: str, data: dict[str, Any], severity: int, sha: str | None) -> dict:
        body: dict[str, Any] = {
            "seq": self.next_seq,
            "t_mono": int(self.clock.monotonic() * 1000),
            "t_wall": int(self.clock.wall() * 1000),
            "kind": kind,
            "severity": int(severity),
            "data": data,
            "prev_hash": self.head_hash,
        }
        if sha is not None:
            body["thumb_sha256"] = sha
        record = dict(body, hash=record_hash(self.head_hash, body))
        self._fh.write(canonical_bytes(record) + b"\n")
        self._records.append(record)
        self._unsynced += 1
        if self._unsynced >= self.sync_every:
            self._sync()
        return record

    def _sync(self) -> None:
        if self._fh.closed:
            return
        self._fh.flush()
        if self._unsynced:
            os.fsync(self._fh.fileno())
        self._unsynced = 0

    def _plan_thumbnail(self, severity: int, thumb: bytes | None) -> tuple[str, list[_Thumb]]:
        """(why a flagged thumbnail is refused, or "", and which old ones make room)."""
        if thumb is None or severity < self.budget.min_severity:
            return "", []
        if len(thumb) > self.budget.max_bytes:
            return "larger than the whole evidence budget", []
        if hashlib.sha256(thumb).hexdigest() in self._thumbs:
            return "", []  # the same picture is already kept
        used = sum(t.size for t in self._thumbs.values())
        victims: list[_Thumb] = []
        for old in sorted(self._thumbs.values(), key=lambda t: (t.severity, t.seq)):
            if used + len(thumb) <= self.budget.max_bytes:
                break
            if old.severity > severity:
                return "new thumbnail ranks lowest", []
            victims.append(old)
            used -= old.size
        return "", victims

    def _thumb_path(self, sha: str) -> Path:
        return self.directory / self.THUMBS / f"{sha}.jpg"

    def _store_thumb(self, thumb: bytes, seq: int, severity: int) -> str:
        sha = hashlib.sha256(thumb).hexdigest()
        if sha not in self._thumbs:
            atomic_write(self._thumb_path(sha), thumb, 0o600)
            self._thumbs[sha] = _Thumb(sha, seq, severity, len(thumb))
        return sha

    def _drop(self, victim: _Thumb) -> None:
        self._thumbs.pop(victim.sha, None)
        self._thumb_path(victim.sha).unlink(missing_ok=True)
        self._write_drop(victim.seq, victim.sha, victim.size, "evidence budget")

    def _write_drop(self, seq: int, sha: str, size: int, reason: str) -> None:
        data = {"event_seq": seq, "thumb_sha256": sha, "bytes": size, "reason": reason}
        self._write("evidence_dropped", data, NOTICE, None)

    def _load(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        raw = self.path.read_bytes()
        complete = raw[: raw.rfind(b"\n") + 1]
        if complete != raw:  # power loss mid-line: drop the torn tail
            with open(self.path, "r+b") as fh:
                fh.truncate(len(complete))
                os.fsync(fh.fileno())
        return check_chain(complete, require_seal=False)

    def _load_thumbs(self) -> dict[str, _Thumb]:
        thumbs: dict[str, _Thumb] = {}
        for rec in self._records:
            sha = rec.get("thumb_sha256")
            if sha and self._thumb_path(sha).exists():
                size = self._thumb_path(sha).stat().st_size
                thumbs.setdefault(sha, _Thumb(sha, rec["seq"], rec["severity"], size))
            if rec["kind"] == "evidence_dropped":
                thumbs.pop(rec["data"].get("thumb_sha256", ""), None)
        return thumbs


# ---------------------------------------------------------------------- verification
def _parse_line(line: bytes, seq: int) -> dict[str, Any]:
    try:
        record = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise EventLogError(
            f"Event log record {seq} is not valid JSON (truncated or edited).", seq=seq
        ) from None
    if not isinstance(record, dict) or not _FIELDS <= set(record) <= _FIELDS | _OPTIONAL:
        raise EventLogError(f"Event log record {seq} has the wrong fields.", seq=seq)
    return record


def _check_record(record: dict[str, Any], seq: int, prev_hash: str) -> None:
    if record["seq"] != seq:
        raise EventLogError(
            f"Event log record {seq} is missing or out of order "
            f"(found seq {record['seq']!r}): records were deleted or reordered.",
            seq=seq,
        )
    if record["prev_hash"] != prev_hash:
        raise EventLogError(
            f"Event log record {seq} does not link to record {seq - 1}.", seq=seq
        )
    body = {k: v for k, v in record.items() if k != "hash"}
    try:
        expected = record_hash(prev_hash, body)
    except Exception:  # noqa: BLE001 - any unhashable content is an edit
        expected = ""
    if record["hash"] != expected:
        raise EventLogError(f"Event log record {seq} was altered (hash mismatch).", seq=seq)


def check_chain(lines: bytes, *, require_seal: bool = True) -> list[dict[str, Any]]:
    """Parse and check the hash chain; returns the records.  Raises EventLogError."""
    parts = lines.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    elif parts:
        raise EventLogError(
            f"Event log record {len(parts) - 1} is cut off (truncated).", seq=len(parts) - 1
        )
    records: list[dict[str, Any]] = []
    prev = GENESIS_HASH
    for seq, line in enumerate(parts):
        if records and records[-1]["kind"] == "seal":
            raise EventLogError(
                f"Event log record {seq} was appended after the log was sealed.", seq=seq
            )
        record = _parse_line(line, seq)
        _check_record(record, seq, prev)
        records.append(record)
        prev = record["hash"]
    if require_seal and (not records or records[-1]["kind"] != "seal"):
        raise EventLogError(
            f"Event log ends before record {len(records)}: no seal record (truncated).",
            seq=len(records),
        )
    return records


def verify_log(lines: bytes, attempt_public: bytes, signature: bytes) -> None:
    """Verify chain + seal + signature of a complete log; returns None or raises."""
    records = check_chain(lines, require_seal=True)
    seal = records[-1]
    if seal["data"] != {"count": seal["seq"]}:
        raise EventLogError(f"Event log seal record {seal['seq']} is malformed.", seq=seal["seq"])
    try:
        Ed25519PublicKey.from_public_bytes(attempt_public).verify(
            signature, _seal_message(seal["hash"])
        )
    except (InvalidSignature, ValueError):
        raise SignatureError(
            f"Event log seal (record {seal['seq']}) is not signed by this attempt's key."
        ) from None
