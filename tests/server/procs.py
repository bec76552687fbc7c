"""Real ``emtihan-server serve`` subprocesses for the crash and scale tests; a real S3 store.

S3: ``EMTIHAN_TEST_S3_ENDPOINT`` (``.ci/dev`` starts moto's S3 server over HTTP).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from server_stub.blobs import S3BlobStore
from server_stub.nginx import nginx_config

REPO = Path(__file__).resolve().parents[2]
S3_ENDPOINT = os.environ.get("EMTIHAN_TEST_S3_ENDPOINT")
S3_BUCKET = os.environ.get("EMTIHAN_TEST_S3_BUCKET", "emtihan-test")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def real_s3(prefix: str | None = None) -> S3BlobStore:
    """A store on the real S3 endpoint (bucket created if missing), else skip."""
    if not S3_ENDPOINT:
        pytest.skip("needs an S3 server: EMTIHAN_TEST_S3_ENDPOINT (bash .ci/dev test starts one)")
    pytest.importorskip("boto3", reason="real S3 test needs boto3")
    store = S3BlobStore(S3_BUCKET, prefix=prefix or f"t{secrets.token_hex(4)}/",
                        endpoint_url=S3_ENDPOINT)
    try:
        store.client.head_bucket(Bucket=S3_BUCKET)
    except Exception:  # noqa: BLE001 - missing bucket (or unreachable: create says which)
        store.client.create_bucket(Bucket=S3_BUCKET)
    return store


def empty_s3(store: S3BlobStore) -> None:
    """Delete every object under the store's prefix (test clean-up)."""
    page = store.client.list_objects_v2(Bucket=store.bucket, Prefix=store.prefix)
    for obj in page.get("Contents", []):
        store.client.delete_object(Bucket=store.bucket, Key=obj["Key"])


class ServerProcess:
    def __init__(self, data: Path, workers: int = 1, port: int | None = None) -> None:
        self.data, self.workers, self.port = data, workers, port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server_stub.cli", "serve", "--data", str(self.data),
             "--port", str(self.port), "--workers", str(self.workers)], cwd=REPO,
            stdout=subprocess.DEVNULL, start_new_session=True)
        for _ in range(400):
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise AssertionError("server subprocess did not come up")

    def kill9(self) -> None:
        """SIGKILL the server and its worker processes (its own process group)."""
        assert self.proc is not None
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.kill9()


class Nginx:
    """Debian's nginx with the config of ``emtihan-server nginx-config``, on a free port."""

    def __init__(self, folder: Path, upstreams: list[str]) -> None:
        binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                           else None)
        if binary is None:
            pytest.skip("nginx is not installed (apt-get install nginx; .ci/dev does)")
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        conf = folder / "nginx.conf"
        conf.write_text(nginx_config(upstreams, f"127.0.0.1:{self.port}", prefix=folder,
                                     workers="1", run_as_root=os.geteuid() == 0))
        self.proc = subprocess.Popen([binary, "-c", str(conf), "-p", str(folder), "-g",
                                      "daemon off;"], stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                httpx.get(f"{self.url}/v1/health", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        self.stop()
        raise AssertionError("nginx did not come up")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.wait(timeout=10)
