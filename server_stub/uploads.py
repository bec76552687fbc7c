"""Resumable result uploads (the domain side of tus): staging, completion, receipts.

Crash safety: a chunk is written and fsynced to ``uploads/<id>.part`` before the
new offset is committed, so the committed offset never covers bytes that are
not on disk. Completion checks size + SHA-256, stores the blob atomically, then
records submission + receipt + "upload complete" in ONE transaction; a crash
before that commit leaves the offset below the length, so the client resends
the last chunk and completion runs again (blob keys are content-addressed, so
re-storing is harmless).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from exam_packages import safejson
from exam_packages.canonical import canonical_bytes
from exam_packages.envelope import read_result_header, verify_result_signature
from exam_packages.errors import ApiError, EmtihanError, InputError

from . import ids, security
from .clock import to_iso
from .service import ExamService, Principal
from .spool import UploadSpool
from .storage import Row

MAX_OPEN_UPLOADS = 4
UPLOAD_LOCK_WAIT_S = 10.0
_SEVERITY = re.compile(r"[a-z][a-z0-9_]{0,31}")


def _bad_metadata(message: str) -> ApiError:
    return ApiError(message, status=400, code="bad_metadata")


def parse_flags(text: str | None) -> dict[str, int]:
    if text is None or text == "":
        return {}
    try:
        flags = safejson.loads(text, "flags", error=InputError, max_depth=1)
    except InputError as exc:
        raise _bad_metadata("flags must be JSON {severity: count}") from exc
    if not isinstance(flags, dict) or len(flags) > 16 or not all(
            isinstance(k, str) and _SEVERITY.fullmatch(k) and type(v) is int and 0 <= v < 2**31
            for k, v in flags.items()):
        raise _bad_metadata("flags must be JSON {severity: count} with small counts")
    return flags


def parse_offline(text: str | None) -> int | None:
    if text is None or text == "":
        return None
    if not text.isdigit() or len(text) > 9:
        raise _bad_metadata("offline_s must be a whole number of seconds")
    return int(text)


def envelope_check(path: Path, attempt_keys: list[str]) -> None:
    """The result envelope must verify and be signed by a key registered for the attempt."""
    try:
        with open(path, "rb") as fh:
            verify_result_signature(fh)
            fh.seek(0)
            signer = read_result_header(fh).get("attempt_public_key")
    except EmtihanError as exc:
        raise ApiError(f"the result envelope does not verify: {exc}", status=422,
                       code="bad_envelope") from exc
    if signer not in attempt_keys:
        raise ApiError("the result is signed by a key never registered for this attempt",
                       status=422, code="bad_envelope")


class UploadService:
    def __init__(self, service: ExamService, check_envelope: bool = True) -> None:
        self.s = service
        self.staging = service.data_dir / "uploads"
        self.staging.mkdir(parents=True, exist_ok=True)
        self.check_envelope = check_envelope
        self.spool = UploadSpool(self.staging, service.blobs)

    def _part(self, upload_id: str) -> Path:
        return self.spool.part(ids.check_id("upload_id", upload_id))

    def create(self, who: Principal, length: int, meta: dict[str, str]) -> str:
        self.s.require_role(who, "student")
        if "attempt_id" not in meta or "sha256" not in meta:
            raise _bad_metadata("Upload-Metadata needs attempt_id and sha256")
        attempt = self.s.attempt_for(who, meta["attempt_id"])
        sha = meta["sha256"].lower()
        if ids.PATTERNS["sha256"].fullmatch(sha) is None:
            raise _bad_metadata("sha256 must be 64 hex digits")
        if length > self.s.config.max_upload_bytes:
            raise ApiError("the result is larger than the server accepts", status=413,
                           code="too_large")
        flags, offline = parse_flags(meta.get("flags")), parse_offline(meta.get("offline_s"))
        done = self.s.storage.get_submission(attempt["attempt_id"], sha)
        if done is None:
            self._check_versions(attempt["attempt_id"])
        self._evict_stale(attempt["attempt_id"])
        upload_id = ids.new_upload_id()
        self.s.storage.create_upload({
            "upload_id": upload_id, "attempt_id": attempt["attempt_id"], "length": length,
            "sha256": sha, "flags": json.dumps(flags, sort_keys=True), "offline_s": offline,
            "upload_offset": length if done else 0, "created_at": self.s.clock.now(),
            "completed": 1 if done else 0})
        return upload_id

    def _check_versions(self, attempt_id: str, next_version: int | None = None) -> None:
        """At most ``max_versions_per_attempt`` different results per attempt (409)."""
        limit = self.s.config.max_versions_per_attempt
        if next_version is None:
            next_version = len(self.s.storage.list_submissions(attempt_id)) + 1
        if next_version > limit:
            raise ApiError(f"this attempt already has {limit} handed-in versions, the most "
                           "the server accepts", status=409, code="too_many_versions")

    def _evict_stale(self, attempt_id: str) -> None:
        """Keep at most MAX_OPEN_UPLOADS - 1 unfinished uploads per attempt before a new one.

        Bounds disk use without ever refusing a student: the oldest abandoned
        upload goes (a client that lost its upload URL simply starts again).
        """
        open_ids = self.s.storage.open_uploads(attempt_id)
        for upload_id in open_ids[: max(0, len(open_ids) - MAX_OPEN_UPLOADS + 1)]:
            self.s.storage.delete_upload(upload_id)
            self.spool.discard(upload_id)

    def get(self, who: Principal, upload_id: str) -> Row:
        self.s.require_role(who, "student")
        row = self.s.storage.get_upload(ids.check_id("upload_id", upload_id))
        if row is None:
            raise ApiError("upload not found", status=404, code="upload_not_found")
        self.s.attempt_for(who, row["attempt_id"])  # 404 unless it is this student's
        return row

    @contextmanager
    def _locked(self, upload_id: str) -> Iterator[None]:
        try:
            with self.s.storage.upload_lock(ids.check_id("upload_id", upload_id),
                                            UPLOAD_LOCK_WAIT_S):
                yield
        except TimeoutError:
            raise ApiError("another request is writing to this upload: ask HEAD for the "
                           "offset and resume", status=409, code="upload_busy") from None

    def write(self, who: Principal, upload_id: str, offset: int,
              chunks: Iterable[bytes]) -> tuple[int, Row]:
        """Append ``chunks`` at ``offset``; returns (new offset, upload row).

        One writer per upload at a time (:meth:`SqlStorage.upload_lock`, shared by
        every server process); the offset is checked again under the lock, so a
        second PATCH at the same offset gets 409 instead of racing the first."""
        with self._locked(upload_id):
            return self._write_locked(who, upload_id, offset, chunks)

    def _write_locked(self, who: Principal, upload_id: str, offset: int,
                      chunks: Iterable[bytes]) -> tuple[int, Row]:
        row = self.precheck(who, upload_id, offset)
        blob_key = f"submissions/{row['attempt_id']}/{row['sha256']}"
        if offset > 0 and not self._part(upload_id).exists() and self.s.blobs.exists(blob_key):
            # A crash hit after the verified blob was stored but before the commit.
            self._record(row, blob_key)
            return row["length"], row
        self.spool.catch_up(upload_id, offset)  # earlier chunks may have gone to another host
        new_offset = self._append(row, offset, chunks)
        if new_offset == row["length"]:
            self._complete(row)
        elif new_offset != offset:
            self.spool.share(upload_id, offset, new_offset)  # before the offset is committed
            self.s.storage.set_upload_offset(upload_id, new_offset)
        return new_offset, row

    def precheck(self, who: Principal, upload_id: str, offset: int) -> Row:
        """The upload, if a PATCH at ``offset`` may go ahead (409 otherwise)."""
        row = self.get(who, upload_id)
        if row["completed"]:
            raise ApiError("this upload is already complete", status=409, code="upload_complete")
        if offset != row["upload_offset"]:
            raise ApiError(f"offset {offset} differs from the server's {row['upload_offset']}",
                           status=409, code="offset_mismatch")
        return row

    def _append(self, row: Row, offset: int, chunks: Iterable[bytes]) -> int:
        part = self._part(row["upload_id"])
        fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o600)
        with os.fdopen(fd, "r+b") as fh:
            fh.truncate(offset)
            fh.seek(offset)
            written = offset
            try:
                for chunk in chunks:
                    if written + len(chunk) > row["length"]:
                        fh.truncate(offset)
                        raise ApiError("more bytes than Upload-Length", status=413,
                                       code="too_large")
                    fh.write(chunk)
                    written += len(chunk)
            finally:  # keep what arrived, even when the client went away mid-chunk
                fh.flush()
                if written < row["length"] or not self.s.blobs.shared:
                    os.fsync(fh.fileno())  # a completing chunk goes to S3, not to this disk
        return written

    def _complete(self, row: Row) -> None:
        part = self._part(row["upload_id"])
        digest = hashlib.sha256()
        with open(part, "rb") as fh:
            while chunk := fh.read(1024 * 1024):
                digest.update(chunk)
        try:
            if digest.hexdigest() != row["sha256"] or part.stat().st_size != row["length"]:
                raise ApiError("the uploaded bytes do not match the announced SHA-256; nothing"
                               " was handed in", status=422, code="hash_mismatch")
            if self.check_envelope:
                envelope_check(part, self.s.storage.attempt_keys(row["attempt_id"]))
        except ApiError:  # the upload is discarded: the client must create a new one
            self.s.storage.delete_upload(row["upload_id"])
            self.spool.discard(row["upload_id"])
            raise
        blob_key = f"submissions/{row['attempt_id']}/{row['sha256']}"
        self.s.blobs.put_file(blob_key, part, move=True)
        self._record(row, blob_key)
        # segments exist only if an earlier PATCH committed an offset (a crash between a
        # segment's PUT and its commit may leave one: the store's lifecycle rule on
        # staging/ removes it, docs/server-ops.md)
        self.spool.discard(row["upload_id"], segments=row["upload_offset"] > 0)

    def _record(self, row: Row, blob_key: str) -> None:
        """Commit hand-in + receipt + upload completion in one transaction."""
        attempt = self.s.storage.get_attempt(row["attempt_id"])
        assert attempt is not None
        now = self.s.clock.now()
        self.s.storage.record_submission(
            row["upload_id"], row["attempt_id"], row["sha256"],
            lambda version: self._submission_row(attempt, row, blob_key, now, version))

    def _submission_row(self, attempt: Row, upload: Row, blob_key: str, now: int,
                        version: int) -> Row:
        self._check_versions(attempt["attempt_id"], version)  # parallel uploads: re-checked
        late_s = max(0, now - attempt["deadline"])
        receipt: dict[str, Any] = {
            "attempt_id": attempt["attempt_id"], "exam_id": attempt["exam_id"],
            "student_id": attempt["student_id"], "sha256": upload["sha256"],
            "size": upload["length"], "received_at": to_iso(now), "late": late_s > 0,
            "late_s": late_s, "version": version}
        if upload["offline_s"] is not None:
            receipt["offline_s"] = upload["offline_s"]
        body = canonical_bytes(receipt)
        return {"attempt_id": attempt["attempt_id"], "sha256": upload["sha256"],
                "size": upload["length"], "version": version, "received_at": now,
                "late": int(late_s > 0), "late_s": late_s, "flags": upload["flags"],
                "blob_key": blob_key, "receipt": body.decode("utf-8"),
                "signature": security.b64(self.s.key.sign(body))}
