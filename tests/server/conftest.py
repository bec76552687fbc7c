from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from server_stub.storage import PostgresStorage, SqlStorage
from tests.support.clocks import FakeServerClock as FakeClock

from .helpers import EXAM, ROSTER, T0, Running, make_package

PG_DSN = os.environ.get("EMTIHAN_TEST_PG_DSN")


def start_running(tmp_path: Path, storage: SqlStorage | None = None,
                  **overrides: Any) -> Running:
    """A server on loopback with one published exam (window T0-60 .. T0+3600) and a roster."""
    data = tmp_path / "data"
    init_data_dir(data, ServerConfig(scrypt_n=2**10))
    clock = FakeClock(T0)
    server = EmbeddedServer(data, clock=clock, storage=storage, **overrides)
    run = Running(server, "", clock)
    service = server.services.service
    built = make_package(tmp_path, run.keys, encrypted=True)
    run.content_key = built.content_key
    service.publish(built.path, built.key_path)
    service.import_roster(ROSTER, EXAM)
    run.url = server.start()
    return run


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    run = start_running(tmp_path)
    yield run
    run.server.stop()


def pg_storage() -> PostgresStorage:
    """A PostgreSQL storage in a schema of its own (skips without EMTIHAN_TEST_PG_DSN)."""
    if not PG_DSN:
        pytest.skip("PostgreSQL tests need EMTIHAN_TEST_PG_DSN (see docs/server-ops.md)")
    try:
        return PostgresStorage(PG_DSN, schema="t_" + secrets.token_hex(6))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "not reachable"
        pytest.skip(f"PostgreSQL at EMTIHAN_TEST_PG_DSN not reachable: {exc}")


@pytest.fixture(params=["sqlite", "postgres"])
def running_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Running]:
    """Like ``running``, once on SQLite and once on PostgreSQL (when configured)."""
    storage = pg_storage() if request.param == "postgres" else None
    run = start_running(tmp_path, storage, max_versions_per_attempt=100)
    yield run
    run.server.stop(close_storage=storage is None)
    if storage is not None:
        storage.drop_schema()
        storage.close()
