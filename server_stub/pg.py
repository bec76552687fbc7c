"""PostgreSQL storage (psycopg 3, ``pip install 'psycopg[binary]'``).

The SQL and the storage interface are :class:`server_stub.storage.SqlStorage`'s; here
are the connections. Each server process keeps a small pool (``POOL``): a thread
holds one connection for one storage call (re-entrant within it), so threads of a
process no longer queue behind one connection's round trips. Upload locks are
session advisory locks on connections of their own, kept idle in a second pool.
A lost server answers 503 (``StorageUnavailable``); the next call reconnects.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from . import sql
from .storage import SqlStorage, StorageError, StorageUnavailable

POOL = 4        # connections for storage calls, per process
LOCK_POOL = 8   # idle connections kept for upload locks, per process


class _Pool:
    """``with pool:`` holds one connection for this thread (re-entrant): ``pool.conn``."""

    def __init__(self, connect: Callable[[], Any], size: int) -> None:
        self._connect = connect
        self._idle: list[Any] = []
        self._free = threading.BoundedSemaphore(size)
        self._local = threading.local()

    @property
    def conn(self) -> Any:
        return self._local.conn

    @conn.setter
    def conn(self, value: Any) -> None:
        self._local.conn = value

    def __enter__(self) -> _Pool:
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            self._free.acquire()
            try:
                conn = self._idle.pop() if self._idle else None
                if conn is None or conn.broken or conn.closed:
                    conn = self._connect()
            except BaseException:
                self._free.release()
                raise
            self._local.conn = conn
        self._local.depth = depth + 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._local.depth -= 1
        if self._local.depth == 0:
            conn, self._local.conn = self._local.conn, None
            if conn.broken or conn.closed:
                conn.close()
            else:
                self._idle.append(conn)
            self._free.release()

    def close(self) -> None:
        while self._idle:
            self._idle.pop().close()


class PostgresStorage(SqlStorage):
    """PostgreSQL via psycopg 3 (``pip install psycopg[binary]``); optional ``schema``."""

    kind = "postgres"

    def __init__(self, dsn: str, schema: str | None = None) -> None:
        super().__init__()
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise StorageError("PostgreSQL support needs psycopg: pip install "
                               "'psycopg[binary]'") from exc
        self._dsn, self.schema = dsn, schema
        self._idle_lock_conns: list[Any] = []  # list.append/pop are atomic under the GIL
        self._psycopg, self._dict_row = psycopg, dict_row
        self._pool = _Pool(self._connect, POOL)
        self._lock = self._pool  # type: ignore[assignment]  # "hold a connection", re-entrant
        self.create_schema()  # the first connection: fails early when unreachable

    def _connect(self) -> Any:
        from psycopg import sql as pgsql
        try:
            conn = self._psycopg.connect(self._dsn, autocommit=True, row_factory=self._dict_row,
                                         connect_timeout=5)
        except self._psycopg.OperationalError as exc:
            raise StorageUnavailable(exc) from exc
        except self._psycopg.Error as exc:
            raise StorageError(f"cannot connect to PostgreSQL: {exc}") from exc
        if self.schema is not None:
            conn.execute(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(
                pgsql.Identifier(self.schema)))
            conn.execute(pgsql.SQL("SET search_path TO {}").format(
                pgsql.Identifier(self.schema)))
        return conn

    def _ensure_connected(self) -> None:
        if self._pool.conn.broken or self._pool.conn.closed:
            self._pool.conn = self._connect()

    def drop_schema(self) -> None:
        """Drop this storage's own schema (tests and benchmarks clean up with it)."""
        from psycopg import sql as pgsql
        if self.schema is not None:
            with self._lock:
                self._pool.conn.execute(pgsql.SQL("DROP SCHEMA {} CASCADE").format(
                    pgsql.Identifier(self.schema)))

    def _execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._pool.conn.execute(sql.for_postgres(statement), tuple(params))
        except self._psycopg.OperationalError as exc:  # server gone: the next call reconnects
            self._pool.close()  # the idle connections went with it: one 503, not one each
            raise StorageUnavailable(exc) from exc

    @contextmanager
    def _transaction(self, *, durable: bool = False) -> Iterator[None]:
        self._ensure_connected()
        try:
            with self._pool.conn.transaction():  # PostgreSQL commits are always durable
                yield
        except self._psycopg.OperationalError as exc:
            self._pool.close()
            raise StorageUnavailable(exc) from exc

    @contextmanager
    def upload_lock(self, upload_id: str, timeout_s: float) -> Iterator[None]:
        """A session advisory lock on a connection of its own (one per holder), taken from
        a small pool of idle lock connections (a new PostgreSQL session per PATCH cost
        more than the PATCH); released with ``pg_advisory_unlock``."""
        conn = self._lock_conn(max(1, int(timeout_s * 1000)))
        key = ["upload:" + upload_id]
        try:
            conn.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", key)
        except self._psycopg.errors.LockNotAvailable:
            self._idle_lock_conns.append(conn)
            raise TimeoutError(upload_id) from None
        except self._psycopg.OperationalError as exc:
            conn.close()
            raise StorageUnavailable(exc) from exc
        try:
            yield
        finally:
            self._release_lock_conn(conn, key)

    def _lock_conn(self, timeout_ms: int) -> Any:
        while self._idle_lock_conns:
            conn = self._idle_lock_conns.pop()
            if not (conn.broken or conn.closed):
                return conn
        try:
            conn = self._psycopg.connect(self._dsn, autocommit=True, connect_timeout=5)
            conn.execute(f"SET lock_timeout = {timeout_ms}")
        except self._psycopg.Error as exc:
            raise StorageUnavailable(exc) from exc
        return conn

    def _release_lock_conn(self, conn: Any, key: list[str]) -> None:
        try:
            conn.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", key)
        except self._psycopg.Error:
            conn.close()  # ending the session releases the lock
            return
        if len(self._idle_lock_conns) < LOCK_POOL:
            self._idle_lock_conns.append(conn)
        else:
            conn.close()

    def close(self) -> None:
        self._pool.close()
        while self._idle_lock_conns:
            self._idle_lock_conns.pop().close()
