"""Metadata storage: one interface, SQLite (default, WAL) and PostgreSQL (psycopg 3).

All SQL lives in :mod:`server_stub.sql`. Each implementation serialises access
to its single connection with a lock; FastAPI runs sync endpoints in threads.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from exam_packages.errors import EmtihanError

from . import sql
from .errors import Unavailable

Row = dict[str, Any]


class StorageError(EmtihanError):
    code = "storage"


class StorageUnavailable(Unavailable):
    """The database cannot be reached (restart, failover)."""

    what = "database"


class SqlStorage:
    """The storage interface, written once over a DB-API connection."""

    kind = "sql"

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # -- dialect hooks -------------------------------------------------
    def _execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    @contextmanager
    def _transaction(self, *, durable: bool = False) -> Iterator[None]:
        """``durable``: the commit must survive power loss, not only a process crash."""
        raise NotImplementedError
        yield  # pragma: no cover

    def close(self) -> None:
        raise NotImplementedError

    def _ensure_connected(self) -> None:
        """Re-open a connection the database dropped (PostgreSQL restart)."""

    @contextmanager
    def upload_lock(self, upload_id: str, timeout_s: float) -> Iterator[None]:
        """Hold the one lock of an upload (all server processes); TimeoutError if busy."""
        raise NotImplementedError
        yield  # pragma: no cover

    # -- helpers ---------------------------------------------------------
    def _one(self, statement: str, params: Sequence[Any]) -> Row | None:
        with self._lock:
            self._ensure_connected()
            row = self._execute(statement, params).fetchone()
        return dict(row) if row is not None else None

    def _all(self, statement: str, params: Sequence[Any]) -> list[Row]:
        with self._lock:
            self._ensure_connected()
            return [dict(r) for r in self._execute(statement, params).fetchall()]

    def _write(self, statement: str, params: Sequence[Any]) -> None:
        with self._lock, self._transaction():
            self._execute(statement, params)

    def create_schema(self) -> None:
        with self._lock, self._transaction():
            for statement in sql.SCHEMA:
                self._execute(statement)

    # -- exams, roster, tokens -------------------------------------------
    def put_exam(self, row: Row) -> None:
        cols = ("exam_id", "version", "title", "opens_at", "closes_at", "duration_s",
                "package_key", "package_sha256", "package_size", "content_key", "manifest",
                "published_at")
        self._write(sql.UPSERT_EXAM, [row[c] for c in cols])

    def get_exam(self, exam_id: str) -> Row | None:
        return self._one(sql.GET_EXAM, [exam_id])

    def put_student(self, exam_id: str, student_id: str, name: str, code_hash: str,
                    extra_time_s: int) -> None:
        self._write(sql.UPSERT_STUDENT, [exam_id, student_id, name, code_hash, extra_time_s])

    def get_student(self, exam_id: str, student_id: str) -> Row | None:
        return self._one(sql.GET_STUDENT, [exam_id, student_id])

    def put_token(self, token_hash: str, role: str, exam_id: str | None,
                  student_id: str | None, *, created_at: int, expires_at: int) -> None:
        self._write(sql.INSERT_TOKEN,
                    [token_hash, role, exam_id, student_id, created_at, expires_at])

    def get_token(self, token_hash: str) -> Row | None:
        return self._one(sql.GET_TOKEN, [token_hash])

    def rotate_student_token(self, token_hash: str, exam_id: str, student_id: str, *,
                             created_at: int, expires_at: int) -> None:
        """Sign-in: the student's earlier tokens are revoked as the new one is stored."""
        with self._lock, self._transaction():
            self._execute(sql.DELETE_STUDENT_TOKENS, [exam_id, student_id])
            self._execute(sql.DELETE_EXPIRED_TOKENS, [created_at])
            self._execute(sql.INSERT_TOKEN, [token_hash, "student", exam_id, student_id,
                                             created_at, expires_at])

    def revoke_tokens(self, *, token_hash: str | None = None, role: str | None = None,
                      exam_id: str | None = None, student_id: str | None = None) -> int:
        """Delete one token, every token of a role, or a student's tokens; returns how many."""
        if token_hash is not None:
            statement, params = sql.DELETE_TOKEN, [token_hash]
        elif exam_id is not None and student_id is not None:
            statement, params = sql.DELETE_STUDENT_TOKENS, [exam_id, student_id]
        elif role is not None:
            statement, params = sql.DELETE_ROLE_TOKENS, [role]
        else:
            raise StorageError("revoke_tokens: say which tokens")
        with self._lock, self._transaction():
            return int(self._execute(statement, params).rowcount)

    # -- sign-in throttling (server_stub.throttle) ------------------------
    def add_auth_failure(self, failure_id: str, at: int, address: str, kind: str,
                         subject: str) -> None:
        self._write(sql.INSERT_AUTH_FAILURE, [failure_id, at, address, kind, subject])

    def delete_auth_failure(self, failure_id: str) -> None:
        self._write(sql.DELETE_AUTH_FAILURE, [failure_id])

    def purge_auth_failures(self, before: int) -> None:
        self._write(sql.PURGE_AUTH_FAILURES, [before])

    def count_auth_failures(self, kind: str, since: int, *, address: str | None = None,
                            subject: str | None = None) -> tuple[int, int | None]:
        """(failures after ``since``, time of the oldest) for an address, subject or both."""
        if address is not None and subject is not None:
            row = self._one(sql.COUNT_FAILURES_PAIR, [kind, subject, address, since])
        elif address is not None:
            row = self._one(sql.COUNT_FAILURES_ADDRESS, [kind, address, since])
        else:
            row = self._one(sql.COUNT_FAILURES_SUBJECT, [kind, subject, since])
        assert row is not None
        return int(row["n"]), row["first"]

    def login_limits(self, subject: str, address: str, since: int, known_since: int) -> Row:
        """Wrong codes since ``since`` per pair / address / subject (``*_n``, ``*_first``)
        and ``known``: the subject signed in from the address after ``known_since``."""
        row = self._one(sql.LOGIN_LIMITS, [subject, address, subject, address, address, address,
                                           subject, subject, subject, address, known_since,
                                           since, address, subject])
        assert row is not None
        return row

    def mark_auth_known(self, subject: str, address: str, at: int) -> None:
        self._write(sql.UPSERT_AUTH_KNOWN, [subject, address, at])

    def is_auth_known(self, subject: str, address: str, since: int) -> bool:
        return self._one(sql.GET_AUTH_KNOWN, [subject, address, since]) is not None

    # -- attempts ---------------------------------------------------------
    def create_attempt(self, row: Row) -> Row:
        """Insert unless the student already has an attempt; return the stored attempt."""
        with self._lock, self._transaction(durable=True):
            self._execute(sql.INSERT_ATTEMPT, [row["attempt_id"], row["exam_id"],
                          row["student_id"], row["public_key"], row["started_at"],
                          row["deadline"]])
            stored = dict(self._execute(sql.GET_ATTEMPT_BY_STUDENT,
                                        [row["exam_id"], row["student_id"]]).fetchone())
            if stored["attempt_id"] == row["attempt_id"]:
                self._execute(sql.INSERT_ATTEMPT_KEY,
                              [row["attempt_id"], row["public_key"], row["started_at"]])
        return stored

    def get_attempt(self, attempt_id: str) -> Row | None:
        return self._one(sql.GET_ATTEMPT, [attempt_id])

    def get_attempt_by_student(self, exam_id: str, student_id: str) -> Row | None:
        return self._one(sql.GET_ATTEMPT_BY_STUDENT, [exam_id, student_id])

    def list_attempts(self, exam_id: str) -> list[Row]:
        return self._all(sql.LIST_ATTEMPTS, [exam_id])

    def change_attempt_key(self, attempt_id: str, public_key: str, at: int) -> None:
        with self._lock, self._transaction():
            self._execute(sql.SET_ATTEMPT_KEY, [public_key, attempt_id])
            self._execute(sql.INSERT_ATTEMPT_KEY, [attempt_id, public_key, at])

    def attempt_keys(self, attempt_id: str) -> list[str]:
        """Every public key ever registered for the attempt (base64)."""
        return [r["public_key"] for r in self._all(sql.LIST_ATTEMPT_KEYS, [attempt_id])]

    def count_attempt_keys(self, attempt_id: str) -> int:
        row = self._one(sql.COUNT_ATTEMPT_KEYS, [attempt_id])
        return int(row["n"]) if row else 0

    # -- uploads and submissions -----------------------------------------
    def create_upload(self, row: Row) -> None:
        cols = ("upload_id", "attempt_id", "length", "sha256", "flags", "offline_s",
                "upload_offset", "created_at", "completed")
        self._write(sql.INSERT_UPLOAD, [row[c] for c in cols])

    def get_upload(self, upload_id: str) -> Row | None:
        return self._one(sql.GET_UPLOAD, [upload_id])

    def set_upload_offset(self, upload_id: str, offset: int) -> None:
        self._write(sql.SET_UPLOAD_OFFSET, [offset, upload_id])

    def complete_upload(self, upload_id: str) -> None:
        self._write(sql.COMPLETE_UPLOAD, [upload_id])

    def open_uploads(self, attempt_id: str) -> list[str]:
        """Incomplete uploads of an attempt, oldest first."""
        return [r["upload_id"] for r in self._all(sql.LIST_OPEN_UPLOADS, [attempt_id])]

    def delete_upload(self, upload_id: str) -> None:
        self._write(sql.DELETE_UPLOAD, [upload_id])

    def record_submission(self, upload_id: str | None, attempt_id: str, sha256: str,
                          make_row: Callable[[int], Row]) -> tuple[Row, bool]:
        """Atomically hand in: returns (submission, created).

        The same (attempt, sha256) twice yields the stored row; otherwise the
        row built by ``make_row(version)`` is inserted and the upload marked
        complete in the same transaction.
        """
        cols = ("attempt_id", "sha256", "size", "version", "received_at", "late", "late_s",
                "flags", "blob_key", "receipt", "signature")
        with self._lock, self._transaction(durable=True):
            existing = self._execute(sql.GET_SUBMISSION, [attempt_id, sha256]).fetchone()
            created = existing is None
            if existing is None:
                count = self._execute(sql.COUNT_SUBMISSIONS, [attempt_id]).fetchone()
                row = make_row(int(dict(count)["n"]) + 1)
                self._execute(sql.INSERT_SUBMISSION, [row[c] for c in cols])
            else:
                row = dict(existing)
            if upload_id is not None:
                self._execute(sql.COMPLETE_UPLOAD, [upload_id])
        return row, created

    def get_submission(self, attempt_id: str, sha256: str) -> Row | None:
        return self._one(sql.GET_SUBMISSION, [attempt_id, sha256])

    def list_submissions(self, attempt_id: str) -> list[Row]:
        return self._all(sql.LIST_SUBMISSIONS, [attempt_id])

    # -- decisions --------------------------------------------------------
    def add_decision(self, decision_id: str, attempt_id: str, decision: str, *,
                     public_key: str, signature: str, received_at: int) -> None:
        self._write(sql.INSERT_DECISION,
                    [decision_id, attempt_id, decision, public_key, signature, received_at])

    def list_decisions(self, attempt_id: str) -> list[Row]:
        return self._all(sql.LIST_DECISIONS, [attempt_id])

    # -- retention (server_stub/purge.py, server_stub/privacy.py) -----------------
    def list_exams(self) -> list[Row]:
        return self._all(sql.LIST_EXAMS, [])

    def list_students(self, exam_id: str) -> list[str]:
        return [r["student_id"] for r in self._all(sql.LIST_STUDENTS, [exam_id])]

    def _count(self, statement: str, params: Sequence[Any]) -> int:
        with self._lock, self._transaction():
            return max(0, int(self._execute(statement, params).rowcount))

    def set_hold(self, scope: str, target_id: str, reason: str, at: int) -> None:
        self._write(sql.UPSERT_HOLD, [scope, target_id, reason, at])

    def clear_hold(self, scope: str, target_id: str) -> bool:
        return self._count(sql.DELETE_HOLD, [scope, target_id]) > 0

    def list_holds(self) -> list[Row]:
        return self._all(sql.LIST_HOLDS, [])

    def mark_blob_purged(self, attempt_id: str, sha256: str, at: int) -> None:
        self._write(sql.INSERT_PURGED, [attempt_id, sha256, at])

    def purged_blobs(self, attempt_id: str) -> set[str]:
        return {r["sha256"] for r in self._all(sql.LIST_PURGED, [attempt_id])}

    def release_decisions(self, exam_id: str, at: int | None) -> None:
        """Release the exam's decisions to its students (``at=None`` withdraws)."""
        if at is None:
            self._write(sql.DELETE_RELEASE, [exam_id])
        else:
            self._write(sql.UPSERT_RELEASE, [exam_id, at])

    def decisions_release(self, exam_id: str) -> Row | None:
        return self._one(sql.GET_RELEASE, [exam_id])

    def local_secret(self, exam_id: str, student_id: str, new_secret: str, at: int) -> str:
        """The student's local-key secret for this exam (``new_secret`` if none yet)."""
        with self._lock, self._transaction(durable=True):
            self._execute(sql.INSERT_LOCAL_SECRET, [exam_id, student_id, new_secret, at])
            row = self._execute(sql.GET_LOCAL_SECRET, [exam_id, student_id]).fetchone()
        return str(dict(row)["secret"])

    def delete_expired_tokens(self, now: int) -> int:
        return self._count(sql.DELETE_EXPIRED_TOKENS, [now])

    def delete_attempt(self, attempt_id: str) -> None:
        """Every row about an attempt, in one transaction (blobs are deleted before)."""
        with self._lock, self._transaction():
            for statement in (sql.DELETE_DECISIONS, sql.DELETE_SUBMISSIONS,
                              sql.DELETE_ATTEMPT_KEYS, sql.DELETE_UPLOADS_OF_ATTEMPT,
                              sql.DELETE_PURGED, sql.DELETE_ATTEMPT):
                self._execute(statement, [attempt_id])

    def upload_ids(self, attempt_id: str) -> list[str]:
        return [r["upload_id"] for r in self._all(sql.LIST_UPLOADS_OF_ATTEMPT, [attempt_id])]

    def delete_student(self, exam_id: str, student_id: str) -> None:
        """The roster row, sign-in tokens and local-key secret of a student."""
        with self._lock, self._transaction():
            for statement in (sql.DELETE_STUDENT_TOKENS, sql.DELETE_LOCAL_SECRET,
                              sql.DELETE_STUDENT):
                self._execute(statement, [exam_id, student_id])


class SqliteStorage(SqlStorage):
    """SQLite in WAL mode.

    Every commit survives kill -9 (WAL). Commits that hand something to a
    student (attempt creation = the clock; submission = the receipt) are also
    fsynced (``synchronous=FULL``) so they survive power loss; the rest
    (tokens, tus offsets) run with ``synchronous=NORMAL``: after a power cut
    the client at worst signs in again or resends a chunk.
    """

    kind = "sqlite"

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self._lock_dir = Path(path).parent / "locks"
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None,
                                     timeout=30)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self.create_schema()

    def _execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(statement, tuple(params))

    @contextmanager
    def _transaction(self, *, durable: bool = False) -> Iterator[None]:
        if self._conn.in_transaction:
            yield
            return
        if durable:
            self._conn.execute("PRAGMA synchronous=FULL")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        finally:
            if durable:
                self._conn.execute("PRAGMA synchronous=NORMAL")

    @contextmanager
    def upload_lock(self, upload_id: str, timeout_s: float) -> Iterator[None]:
        """An exclusive ``flock`` on ``locks/<upload_id>.lock`` next to the database."""
        self._lock_dir.mkdir(exist_ok=True)
        fd = os.open(self._lock_dir / f"{upload_id}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise TimeoutError(upload_id) from None
                    time.sleep(0.01)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def open_storage(url: str, data_dir: Path) -> SqlStorage:
    """``sqlite`` (file ``server.db`` in the data dir) or a ``postgresql://`` DSN."""
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStorage(url)
    if url in ("", "sqlite"):
        return SqliteStorage(data_dir / "server.db")
    raise StorageError(f"unknown storage {url!r}: use 'sqlite' or a postgresql:// DSN")


from .pg import PostgresStorage  # noqa: E402 - re-exported; pg builds on SqlStorage above
