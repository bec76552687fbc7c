"""Storage and blob back-ends: SQLite always, PostgreSQL and S3 when configured.

PostgreSQL: set EMTIHAN_TEST_PG_DSN (e.g. postgresql://postgres@127.0.0.1:54329/emtihan_test);
each test uses its own schema, dropped afterwards.
"""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server_stub.blobs import BlobError, LocalBlobStore, S3BlobStore
from server_stub.storage import PostgresStorage, SqliteStorage, SqlStorage

from .procs import S3_ENDPOINT, real_s3

PG_DSN = os.environ.get("EMTIHAN_TEST_PG_DSN")


def _pg_storage() -> Iterator[SqlStorage]:
    if not PG_DSN:
        pytest.skip("PostgreSQL tests need EMTIHAN_TEST_PG_DSN (see docs/server-ops.md)")
    schema = "t_" + secrets.token_hex(6)
    try:
        storage = PostgresStorage(PG_DSN, schema=schema)
    except Exception as exc:  # noqa: BLE001 - any connection failure means "not reachable"
        pytest.skip(f"PostgreSQL at EMTIHAN_TEST_PG_DSN not reachable: {exc}")
    yield storage
    storage.drop_schema()
    storage.close()


@pytest.fixture(params=["sqlite", "postgres"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStorage]:
    if request.param == "sqlite":
        store = SqliteStorage(tmp_path / "s.db")
        yield store
        store.close()
    else:
        yield from _pg_storage()


def _attempt(attempt_id: str, student: str = "s1", key: str = "k1") -> dict[str, Any]:
    return {"attempt_id": attempt_id, "exam_id": "e", "student_id": student,
            "public_key": key, "started_at": 10, "deadline": 100}


def _sub_row(version: int, sha: str) -> dict[str, Any]:
    return {"attempt_id": "att_1", "sha256": sha, "size": 3, "version": version,
            "received_at": 50, "late": 0, "late_s": 0, "flags": "{}", "blob_key": "b/x",
            "receipt": f"r{version}", "signature": "sig"}


def test_one_attempt_per_student(storage: SqlStorage) -> None:
    first = storage.create_attempt(_attempt("att_1"))
    second = storage.create_attempt(_attempt("att_2", key="k2"))
    assert second["attempt_id"] == first["attempt_id"] == "att_1"
    assert storage.get_attempt("att_2") is None
    storage.change_attempt_key("att_1", "k2", 20)
    assert storage.attempt_keys("att_1") == ["k1", "k2"]
    assert storage.get_attempt("att_1")["public_key"] == "k2"


def test_record_submission_idempotent_and_versioned(storage: SqlStorage) -> None:
    storage.create_attempt(_attempt("att_1"))
    row, created = storage.record_submission(None, "att_1", "a" * 64,
                                             lambda v: _sub_row(v, "a" * 64))
    again, created_again = storage.record_submission(None, "att_1", "a" * 64,
                                                     lambda v: _sub_row(v, "a" * 64))
    newer, _ = storage.record_submission(None, "att_1", "b" * 64,
                                         lambda v: _sub_row(v, "b" * 64))
    assert (created, created_again) == (True, False)
    assert again["receipt"] == row["receipt"] == "r1"
    assert newer["version"] == 2
    assert [s["sha256"] for s in storage.list_submissions("att_1")] == ["a" * 64, "b" * 64]


def test_failed_transaction_rolls_back(storage: SqlStorage) -> None:
    storage.create_attempt(_attempt("att_1"))

    def explode(version: int) -> dict[str, Any]:
        raise RuntimeError("signing failed")

    with pytest.raises(RuntimeError, match="signing failed"):
        storage.record_submission(None, "att_1", "a" * 64, explode)
    assert storage.list_submissions("att_1") == []


def test_full_flow_over_http_on_storage(storage: SqlStorage, tmp_path: Path) -> None:
    """The HTTP flow on this storage back-end (PostgreSQL included when configured)."""
    from server_stub.config import ServerConfig, init_data_dir
    from server_stub.embedded import EmbeddedServer
    from tests.support.clocks import FakeServerClock as FakeClock

    from .helpers import EXAM, ROSTER, T0, Running, make_package, upload

    init_data_dir(tmp_path / "data", ServerConfig(scrypt_n=2**10))
    clock = FakeClock(T0)
    server = EmbeddedServer(tmp_path / "data", clock=clock, storage=storage)
    run = Running(server, "", clock)
    server.services.service.publish(make_package(tmp_path, run.keys).path, None)
    server.services.service.import_roster(ROSTER, EXAM)
    run.url = server.start()
    try:
        token = run.login()
        started, private = run.start(token)
        data = run.result(private, 10_000)
        assert upload(run, token, started["attempt_id"], data).status_code == 204
        with run.client(token) as c:
            receipt = c.get(f"/v1/attempts/{started['attempt_id']}/receipt").json()
        assert receipt["receipt"]["size"] == len(data)
    finally:
        server.stop(close_storage=False)


class FakeS3:
    """Enough of boto3's S3 client for S3BlobStore."""

    def __init__(self) -> None:
        self.objects: dict[tuple[str, str], bytes] = {}

    def upload_file(self, filename: str, bucket: str, key: str) -> None:
        self.objects[(bucket, key)] = Path(filename).read_bytes()

    def put_object(self, Bucket: str, Key: str, Body: Any) -> None:  # noqa: N803
        self.objects[(Bucket, Key)] = Body.read()

    def head_object(self, Bucket: str, Key: str) -> dict[str, int]:  # noqa: N803
        return {"ContentLength": len(self.objects[(Bucket, Key)])}

    def get_object(self, Bucket: str, Key: str, Range: str) -> dict[str, Any]:  # noqa: N803
        start, end = (int(x) for x in Range.removeprefix("bytes=").split("-"))
        return {"Body": io.BytesIO(self.objects[(Bucket, Key)][start:end + 1])}

    def delete_object(self, Bucket: str, Key: str) -> None:  # noqa: N803
        self.objects.pop((Bucket, Key), None)

    def list_objects_v2(self, Bucket: str, Prefix: str) -> dict[str, Any]:  # noqa: N803
        return {"Contents": [{"Key": k} for b, k in self.objects if b == Bucket
                             and k.startswith(Prefix)]}


def _s3_store() -> S3BlobStore:
    """The S3 server over HTTP when EMTIHAN_TEST_S3_ENDPOINT is set, else an in-memory fake."""
    if S3_ENDPOINT:
        return real_s3()
    return S3BlobStore("bucket", prefix="p/", client=FakeS3())


@pytest.mark.parametrize("kind", ["local", "s3"])
def test_blob_store_roundtrip(kind: str, tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path / "blobs") if kind == "local" else _s3_store()
    src = tmp_path / "src"
    src.write_bytes(bytes(range(256)) * 1000)
    store.put_file("submissions/att_1/abc", src)
    assert store.exists("submissions/att_1/abc") and store.size("submissions/att_1/abc") == 256000
    assert b"".join(store.read_range("submissions/att_1/abc", 10, 19)) == bytes(range(10, 20))
    store.delete("submissions/att_1/abc")
    assert not store.exists("submissions/att_1/abc")


@pytest.mark.parametrize("key", ["../etc/passwd", "submissions/../../x", "/abs", "a//b", ""])
def test_blob_keys_cannot_escape(key: str, tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path / "blobs")
    with pytest.raises(BlobError, match="invalid blob key"):
        store.exists(key)
    assert list((tmp_path / "blobs").iterdir()) == []


def test_postgres_reconnects_after_connection_loss() -> None:
    for storage in _pg_storage():
        storage.create_attempt(_attempt("att_1"))
        for conn in storage._pool._idle:  # type: ignore[attr-defined]  # noqa: SLF001
            conn.close()  # simulate the database dropping us
        assert storage.get_attempt("att_1")["student_id"] == "s1"


def test_large_blobs_go_to_s3_as_multipart_uploads(tmp_path: Path) -> None:
    store = real_s3()
    src = tmp_path / "big"
    src.write_bytes(os.urandom(S3BlobStore.MULTIPART_BYTES + 1000))
    try:
        store.put_file("submissions/att_1/big", src)
        head = store.client.head_object(Bucket=store.bucket, Key=store.prefix +
                                        "submissions/att_1/big")
        assert head["ETag"].strip('"').endswith("-2")  # two parts: multipart upload
        assert store.size("submissions/att_1/big") == src.stat().st_size
        tail = b"".join(store.read_range("submissions/att_1/big", src.stat().st_size - 10,
                                         src.stat().st_size - 1))
        assert tail == src.read_bytes()[-10:]
    finally:
        store.delete("submissions/att_1/big")
