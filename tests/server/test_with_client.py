"""Contract check: the real client (client.core.api.ServerClient) against this server."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .helpers import EXAM, Running, attempt_key

api = pytest.importorskip("client.core.api", reason="client core not available")


def test_client_core_end_to_end(running: Running, tmp_path: Path) -> None:
    client = api.ServerClient(running.url)
    try:
        client.login(EXAM, "s1", "code-one")
        client.pin_server_key()
        exams = client.list_exams()
        dest = client.download_package(EXAM, tmp_path / "pkg.emtihan",
                                       expected_sha256=exams[0]["package_sha256"])
        assert hashlib.sha256(Path(dest).read_bytes()).hexdigest() == exams[0]["package_sha256"]
        bandwidth = client.measure_bandwidth(down_bytes=200_000, up_bytes=100_000)
        assert bandwidth.download_kbps > 0 and bandwidth.upload_kbps > 0
        private, _ = attempt_key()
        public = private.public_key().public_bytes_raw()
        info = client.start(EXAM, public)
        assert info.content_key == running.content_key
        result = tmp_path / "result.bin"
        result.write_bytes(running.result(private, 150_000))
        sha = hashlib.sha256(result.read_bytes()).hexdigest()
        client.upload_result(result, info.attempt_id, sha, flags={"high": 1}, offline_s=7)
        receipt = client.fetch_receipt(info.attempt_id, sha)
    finally:
        client.close()
    assert receipt["receipt"]["sha256"] == sha and receipt["receipt"]["offline_s"] == 7
