"""Issue 10: parallel PATCHes to one tus upload (a client retrying after a timeout).

N threads send the same bytes, or different chunks, to one upload at the same
moment and then resume the way the client does (HEAD, PATCH from the server's
offset). Every run must end with exactly one hand-in of exactly these bytes and
no 5xx, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable

import httpx
import pytest

from .helpers import Running, meta

pytestmark = pytest.mark.slow
TUS = {"Tus-Resumable": "1.0.0"}
PATCH = {**TUS, "Content-Type": "application/offset+octet-stream"}
THREADS = 8
ROUNDS = 4


def _create(c: httpx.Client, attempt: str, data: bytes) -> str:
    r = c.post("/v1/uploads", headers={**TUS, "Upload-Length": str(len(data)), "Upload-Metadata":
               meta(attempt_id=attempt, sha256=hashlib.sha256(data).hexdigest())})
    assert r.status_code == 201, r.text
    return str(r.headers["Location"])


def _resume(c: httpx.Client, location: str, data: bytes, statuses: list[int]) -> None:
    """What the client does after any non-final error: HEAD, then PATCH the rest."""
    for _ in range(50):
        head = c.head(location, headers=TUS)
        statuses.append(head.status_code)
        offset = int(head.headers["Upload-Offset"])
        if offset == len(data):
            return
        r = c.patch(location, content=data[offset:], headers={**PATCH,
                                                                "Upload-Offset": str(offset)})
        statuses.append(r.status_code)
    raise AssertionError("the upload never completed")


def _storm(running: Running, token: str, location: str, data: bytes,
           first: Callable[[int], tuple[int, bytes]]) -> list[int]:
    statuses: list[int] = []
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            with running.client(token) as c:
                offset, body = first(index)
                barrier.wait()
                r = c.patch(location, content=body, headers={**PATCH,
                                                             "Upload-Offset": str(offset)})
                statuses.append(r.status_code)
                _resume(c, location, data, statuses)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return statuses


def _rounds(running: Running, first_for: Callable[[bytes], Callable[[int], tuple[int, bytes]]]
            ) -> None:
    token = running.login()
    started, private = running.start(token)
    attempt = started["attempt_id"]
    storage = running.server.services.service.storage
    for round_no in range(ROUNDS):
        data = running.result(private, 200_000)
        with running.client(token) as c:
            location = _create(c, attempt, data)
        statuses = _storm(running, token, location, data, first_for(data))
        assert all(s < 500 for s in statuses), statuses
        subs = storage.list_submissions(attempt)
        assert len(subs) == round_no + 1, (round_no, statuses)
        assert subs[-1]["sha256"] == hashlib.sha256(data).hexdigest()
        with running.client(running.staff_token()) as c:
            bundle = c.get(f"/v1/review/sessions/{attempt}/bundle")
        assert bundle.content == data


def test_parallel_patches_of_the_same_bytes(running_db: Running) -> None:
    _rounds(running_db, lambda data: lambda index: (0, data))


def test_parallel_patches_of_different_chunks(running_db: Running) -> None:
    def first_for(data: bytes) -> Callable[[int], tuple[int, bytes]]:
        size = len(data) // THREADS + 1
        return lambda index: (index * size, data[index * size:(index + 1) * size])

    _rounds(running_db, first_for)
