"""kill -9 of the server process mid-upload: restart, resume, nothing lost or duplicated."""

from __future__ import annotations

import hashlib
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from exam_packages.envelope import seal_result
from exam_packages.pkg_testing import PackageKeys
from server_stub.app import build_services
from server_stub.config import ServerConfig, init_data_dir

from .helpers import CODES, EXAM, ROSTER, attempt_key, make_package, meta
from .procs import ServerProcess

TUS = {"Tus-Resumable": "1.0.0"}
pytestmark = pytest.mark.slow


@pytest.fixture
def server_proc(tmp_path: Path) -> Iterator[tuple[ServerProcess, PackageKeys]]:
    data = tmp_path / "data"
    init_data_dir(data, ServerConfig(scrypt_n=2**10))
    keys = PackageKeys.generate()
    now = int(time.time())
    built = make_package(tmp_path, keys, opens=now - 60, closes=now + 3600)
    service = build_services(data).service
    service.publish(built.path, None)
    service.import_roster(ROSTER, EXAM)
    service.storage.close()
    proc = ServerProcess(data)
    proc.start()
    yield proc, keys
    if proc.proc is not None and proc.proc.poll() is None:
        proc.kill9()


def _patch_then_hang(url: str, token: str, loc: str, body: bytes, sent: int) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    head = (f"PATCH {loc} HTTP/1.1\r\nHost: {host}\r\nTus-Resumable: 1.0.0\r\n"
            f"Authorization: Bearer {token}\r\nUpload-Offset: 50000\r\n"
            f"Content-Type: application/offset+octet-stream\r\nContent-Length: {len(body)}\r\n\r\n")
    sock.sendall(head.encode() + body[:sent])
    return sock


def test_kill9_mid_upload_then_resume(server_proc: tuple[ServerProcess, PackageKeys]) -> None:
    proc, keys = server_proc
    private, public = attempt_key()
    with httpx.Client(base_url=proc.url, timeout=10) as c:
        token = c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": "s1",
                                               "access_code": CODES["s1"]}).json()["token"]
        c.headers["Authorization"] = f"Bearer {token}"
        attempt = c.post(f"/v1/exams/{EXAM}/start", json={"public_key": public}).json()
        data = seal_result(os.urandom(300_000), {}, keys.results.public_key(), private)
        sha = hashlib.sha256(data).hexdigest()
        loc = c.post("/v1/uploads", headers={**TUS, "Upload-Length": str(len(data)),
                     "Upload-Metadata": meta(attempt_id=attempt["attempt_id"], sha256=sha)}
                     ).headers["Location"]
        acked = c.patch(loc, content=data[:50_000], headers={
            **TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
        assert acked.status_code == 204
    hanging = _patch_then_hang(proc.url, token, loc, data[50_000:], 100_000)
    time.sleep(0.3)  # let the server receive some of it before the kill (no assertion on time)
    proc.kill9()
    hanging.close()
    proc.start()
    with httpx.Client(base_url=proc.url, timeout=10,
                      headers={"Authorization": f"Bearer {token}"}) as c:
        offset = int(c.head(loc, headers=TUS).headers["Upload-Offset"])
        assert 50_000 <= offset < len(data)  # acknowledged bytes survived the kill
        done = c.patch(loc, content=data[offset:], headers={
            **TUS, "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream"})
        assert done.status_code == 204
        receipt = c.get(f"/v1/attempts/{attempt['attempt_id']}/receipt").json()
    proc.kill9()
    proc.start()
    with httpx.Client(base_url=proc.url, timeout=10,
                      headers={"Authorization": f"Bearer {token}"}) as c:
        again = c.post("/v1/uploads", headers={**TUS, "Upload-Length": str(len(data)),
                       "Upload-Metadata": meta(attempt_id=attempt["attempt_id"], sha256=sha)})
        assert c.head(again.headers["Location"], headers=TUS).headers["Upload-Offset"] == str(
            len(data))
        same = c.get(f"/v1/attempts/{attempt['attempt_id']}/receipt").json()
    assert same == receipt and receipt["receipt"]["sha256"] == sha
    service = build_services(proc.data).service
    subs = service.storage.list_submissions(attempt["attempt_id"])
    assert len(subs) == 1
    stored = b"".join(service.blobs.read_range(subs[0]["blob_key"], 0, len(data) - 1))
    assert stored == data
