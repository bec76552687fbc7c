"""Faults during a hand-in by the real client (client.core's tus upload): the database or
the S3 server goes away and comes back. The server answers a clean 503 (never 500);
the client retries and the hand-in completes, its receipt verified. A sign-in while
the database is down is retried by the client's request layer.

(A worker process killed mid-burst: tests/server/test_scale.py.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from client.core.api import ServerClient
from server_stub.storage import PostgresStorage

from .conftest import start_running
from .helpers import CODES, EXAM, Running
from .procs import MotoServer, PrivatePostgres

pytestmark = pytest.mark.slow


def _hand_in(run: Running, tmp_path: Path, fault: Callable[[], None],
             repair: Callable[[], None]) -> tuple[list[int], dict[str, Any]]:
    """Hand in 300 KB (3 tus chunks) with the real client; ``fault`` after the first
    chunk, ``repair`` when the client backs off. Returns (statuses seen, receipt)."""
    token = run.login()
    started, private = run.start(token)
    path = tmp_path / "result.bin"
    path.write_bytes(run.result(private, 300_000))
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    api = ServerClient(run.url)
    api.token = token
    statuses: list[int] = []
    api.session.hooks["response"].append(lambda r, *a, **k: statuses.append(r.status_code))
    state = {"faulted": False}

    def progress(done: int, total: int) -> None:
        if 0 < done < total and not state["faulted"]:
            state["faulted"] = True
            fault()

    def backoff(seconds: float) -> None:
        repair()

    api.upload_backoff_s = 0.01  # type: ignore[attr-defined]
    api.sleep = backoff  # type: ignore[attr-defined]
    api.upload_result(path, started["attempt_id"], sha, progress=progress)
    receipt = api.fetch_receipt(started["attempt_id"], sha)
    api.close()
    return statuses, receipt


def test_postgres_restart_mid_upload_503_then_the_client_finishes(tmp_path: Path) -> None:
    pg = PrivatePostgres()
    try:
        pg.start()
        run = start_running(tmp_path, PostgresStorage(pg.dsn))
    except BaseException:
        pg.remove()
        raise
    down: list[httpx.Response] = []

    def repair() -> None:
        if not down:
            down.append(httpx.post(f"{run.url}/v1/auth/login", json={
                "exam_id": EXAM, "student_id": "s2", "access_code": CODES["s2"]}))
            pg.start()

    try:
        statuses, receipt = _hand_in(run, tmp_path, pg.stop, repair)
        pg.stop()  # again, for a sign-in: the client's JSON calls retry a 503 themselves
        api = ServerClient(run.url)
        seen: list[int] = []
        api.session.hooks["response"].append(lambda r, *a, **k: seen.append(r.status_code))
        api.sleep = lambda s: pg.start()  # type: ignore[attr-defined]
        assert api.login(EXAM, "s2", CODES["s2"])["token"]
        api.close()
    finally:
        run.server.stop()
        pg.remove()
    assert seen == [503, 200]
    assert 503 in statuses and 500 not in statuses
    assert down[0].status_code == 503 and down[0].headers["Retry-After"] == "1"
    assert down[0].json()["error"]["code"] == "unavailable"
    assert receipt["receipt"]["size"] > 300_000


def test_s3_restart_mid_upload_503_then_the_client_finishes(tmp_path: Path) -> None:
    s3 = MotoServer()
    s3.start()
    try:
        run = start_running(tmp_path, blobs=f"s3://{s3.bucket}/e", s3_endpoint=s3.url)
    except BaseException:
        s3.stop()
        raise
    try:
        statuses, receipt = _hand_in(run, tmp_path, s3.stop,
                                     lambda: s3.start() if s3.proc.poll() is not None else None)
        blobs = run.server.services.service.blobs
        key = f"submissions/{receipt['receipt']['attempt_id']}/{receipt['receipt']['sha256']}"
        assert blobs.size(key) == receipt["receipt"]["size"]
    finally:
        run.server.stop()
        s3.stop()
    assert 503 in statuses and 500 not in statuses
