"""Several server processes and hosts on one PostgreSQL + S3 give the results of one.

Two "hosts" are two ``serve`` processes with data dirs of their own (same key and
config; nothing shared on disk), requests alternated between them by hand: a
session signed in on one is used on the other, wrong access codes are counted
across both, a tus upload begun on one is finished on the other. Then
``serve --workers 2`` takes a burst of students while one worker is killed.
Needs EMTIHAN_TEST_PG_DSN and EMTIHAN_TEST_S3_ENDPOINT (``bash .ci/dev test``).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
import pytest

from exam_packages.envelope import seal_result
from exam_packages.pkg_testing import PackageKeys
from server_stub.app import build_services
from server_stub.config import ServerConfig, init_data_dir
from server_stub.storage import PostgresStorage

from .conftest import pg_storage
from .helpers import EXAM, attempt_key, make_package, meta
from .procs import S3_BUCKET, S3_ENDPOINT, Nginx, ServerProcess, empty_s3, real_s3

TUS = {"Tus-Resumable": "1.0.0"}
OCTETS = {**TUS, "Content-Type": "application/offset+octet-stream"}
STUDENTS = 12
pytestmark = pytest.mark.slow


@dataclass
class Cluster:
    data: Path
    keys: PackageKeys
    storage: PostgresStorage
    codes: dict[str, str]

    def host(self, name: str, workers: int = 1) -> ServerProcess:
        """A server process with a data dir of its own (a copy: same key and config)."""
        own = self.data.parent / name
        if not own.exists():
            shutil.copytree(self.data, own)
        proc = ServerProcess(own, workers=workers)
        proc.start()
        return proc


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    storage = pg_storage()
    s3 = real_s3()
    assert storage.schema is not None and PostgresStorage is not None
    sep = "&" if "?" in (os.environ["EMTIHAN_TEST_PG_DSN"]) else "?"
    dsn = f"{os.environ['EMTIHAN_TEST_PG_DSN']}{sep}options=-csearch_path%3D{storage.schema}"
    data = tmp_path / "seed"
    init_data_dir(data, ServerConfig(scrypt_n=2**10, storage=dsn, purge_interval_s=0,
                                     trust_forwarded_for=True,
                                     blobs=f"s3://{S3_BUCKET}/{s3.prefix.rstrip('/')}",
                                     s3_endpoint=S3_ENDPOINT))
    keys = PackageKeys.generate()
    now = int(time.time())
    service = build_services(data).service
    service.publish(make_package(tmp_path, keys, opens=now - 60, closes=now + 3600).path, None)
    codes = {f"p{i}": secrets.token_hex(4) for i in range(STUDENTS)}
    service.import_roster("".join(f"{s},N,{c}\n" for s, c in codes.items()), EXAM)
    service.storage.close()
    yield Cluster(data, keys, storage, codes)
    empty_s3(s3)
    storage.drop_schema()
    storage.close()


def _login(url: str, student: str, code: str) -> httpx.Response:
    return httpx.post(f"{url}/v1/auth/login", json={"exam_id": EXAM, "student_id": student,
                                                   "access_code": code}, timeout=30)


def _sealed(keys: PackageKeys, size: int) -> tuple[bytes, str, str, object]:
    private, public = attempt_key()
    data = seal_result(os.urandom(size), {}, keys.results.public_key(), private)
    return data, hashlib.sha256(data).hexdigest(), public, private


def test_two_hosts_share_sessions_throttling_and_uploads(cluster: Cluster) -> None:
    a, b = cluster.host("host-a"), cluster.host("host-b")
    try:
        token = _login(a.url, "p0", cluster.codes["p0"]).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        data, sha, public, _ = _sealed(cluster.keys, 300_000)
        started = httpx.post(f"{b.url}/v1/exams/{EXAM}/start", json={"public_key": public},
                             headers=auth, timeout=30)
        assert started.status_code == 200, started.text
        attempt_id = started.json()["attempt_id"]
        loc = httpx.post(f"{a.url}/v1/uploads", headers={**auth, **TUS, "Upload-Length": str(
            len(data)), "Upload-Metadata": meta(attempt_id=attempt_id, sha256=sha)}
        ).headers["Location"]
        first = httpx.patch(f"{b.url}{loc}", content=data[:120_000], timeout=30,
                            headers={**auth, **OCTETS, "Upload-Offset": "0"})
        assert first.status_code == 204, first.text
        second = httpx.patch(f"{a.url}{loc}", content=data[120_000:250_000], timeout=30,
                             headers={**auth, **OCTETS, "Upload-Offset": "120000"})
        assert second.status_code == 204, second.text
        offset = httpx.head(f"{b.url}{loc}", headers={**auth, **TUS}).headers["Upload-Offset"]
        assert offset == "250000"
        last = httpx.patch(f"{b.url}{loc}", content=data[250_000:], timeout=30,
                           headers={**auth, **OCTETS, "Upload-Offset": offset})
        assert last.status_code == 204, last.text
        receipts = [httpx.get(f"{h.url}/v1/attempts/{attempt_id}/receipt", headers=auth).json()
                    for h in (a, b)]
        assert receipts[0] == receipts[1] and receipts[0]["receipt"]["sha256"] == sha
        refused = [_login((a, b)[i % 2].url, "p1", "wrong").status_code for i in range(12)]
        assert refused == [401] * 10 + [429] * 2  # login_max_failures counted across hosts
    finally:
        a.stop()
        b.stop()
    service = build_services(cluster.data).service
    subs = service.storage.list_submissions(attempt_id)
    assert len(subs) == 1
    assert b"".join(service.blobs.read_range(subs[0]["blob_key"], 0, len(data) - 1)) == data
    assert service.blobs.keys(f"staging/{loc.rsplit('/', 1)[1]}/") == []  # segments gone
    service.storage.close()


def _retry(call: Callable[[], httpx.Response]) -> httpx.Response:
    """Retry like the client does: on a dropped connection and on 5xx."""
    for _ in range(40):
        try:
            r = call()
        except httpx.TransportError:
            time.sleep(0.1)
            continue
        if r.status_code < 500:
            return r
        time.sleep(0.1)
    raise AssertionError("no answer after 40 tries")


def _student(url: str, keys: PackageKeys, student: str, code: str) -> tuple[str, str]:
    token = _retry(lambda: _login(url, student, code)).json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    data, sha, public, _ = _sealed(keys, 60_000)
    attempt_id = _retry(lambda: httpx.post(f"{url}/v1/exams/{EXAM}/start", headers=h,
                        json={"public_key": public}, timeout=30)).json()["attempt_id"]
    loc = _retry(lambda: httpx.post(f"{url}/v1/uploads", timeout=30, headers={
        **h, **TUS, "Upload-Length": str(len(data)),
        "Upload-Metadata": meta(attempt_id=attempt_id, sha256=sha)})).headers["Location"]
    offset = 0
    while offset < len(data):
        _retry(lambda at=offset: httpx.patch(  # type: ignore[misc]
            f"{url}{loc}", content=data[at:at + 30_000], timeout=30,
            headers={**h, **OCTETS, "Upload-Offset": str(at)}))
        offset = int(_retry(lambda: httpx.head(f"{url}{loc}", headers={**h, **TUS}))
                     .headers["Upload-Offset"])
    receipt = _retry(lambda: httpx.get(f"{url}/v1/attempts/{attempt_id}/receipt", headers=h))
    assert receipt.json()["receipt"]["sha256"] == sha
    return attempt_id, sha


def test_workers_burst_survives_a_killed_worker(cluster: Cluster) -> None:
    server = cluster.host("host-w", workers=2)
    try:
        assert server.proc is not None
        workers = [w for w in psutil.Process(server.proc.pid).children()
                   if "spawn_main" in " ".join(w.cmdline())]
        assert len(workers) == 2
        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(_student, server.url, cluster.keys, s, c)
                       for s, c in cluster.codes.items()]
            time.sleep(1.0)  # some students are mid-way (no assertion on time)
            os.kill(workers[-1].pid, signal.SIGKILL)
            done = [f.result() for f in futures]
    finally:
        server.stop()
    service = build_services(cluster.data).service
    for attempt_id, sha in done:
        subs = service.storage.list_submissions(attempt_id)
        assert [s["sha256"] for s in subs] == [sha]  # nothing lost, nothing twice
    service.storage.close()


def test_behind_nginx_a_host_can_die(cluster: Cluster, tmp_path: Path) -> None:
    a, b = cluster.host("host-a"), cluster.host("host-b")
    proxy = Nginx(tmp_path / "nginx", [f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"])
    try:
        first = _student(proxy.url, cluster.keys, "p0", cluster.codes["p0"])
        a.kill9()  # nginx passes what it has not sent yet to the other host
        second = _student(proxy.url, cluster.keys, "p1", cluster.codes["p1"])
        refused = [_login(proxy.url, "p2", "wrong").status_code for _ in range(11)]
        assert refused == [401] * 10 + [429]
    finally:
        proxy.stop()
        a.stop()
        b.stop()
    service = build_services(cluster.data).service
    for attempt_id, sha in (first, second):
        assert [s["sha256"] for s in service.storage.list_submissions(attempt_id)] == [sha]
    service.storage.close()
