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
import tempfile
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


def fake_credentials() -> None:
    """moto accepts any credentials; boto3 only needs some (CI sets the same)."""
    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):
        os.environ.setdefault(name, value)


def wait_http(url: str, tries: int = 200) -> bool:
    """True once ``url`` answers at all (any status)."""
    for _ in range(tries):
        try:
            httpx.get(url, timeout=1)
            return True
        except httpx.TransportError:
            time.sleep(0.05)
    return False


def real_s3(prefix: str | None = None) -> S3BlobStore:
    """A store on the real S3 endpoint (bucket created if missing), else skip."""
    if not S3_ENDPOINT:
        pytest.skip("needs an S3 server: EMTIHAN_TEST_S3_ENDPOINT (bash .ci/dev test starts one)")
    pytest.importorskip("boto3", reason="real S3 test needs boto3")
    fake_credentials()
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
        if not wait_http(f"{self.url}/v1/health"):
            self.stop()
            raise AssertionError("nginx did not come up")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.wait(timeout=10)


class MotoServer:
    """A private S3 server (moto) that a test may stop and start again (it forgets)."""

    def __init__(self, bucket: str = "faults") -> None:
        self.binary = Path(sys.executable).parent / "moto_server"
        if not self.binary.exists():
            pytest.skip("moto[server] is not installed (the dev extra)")
        pytest.importorskip("boto3", reason="needs boto3")
        fake_credentials()
        self.port, self.bucket = free_port(), bucket
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([str(self.binary), "-H", "127.0.0.1", "-p",
                                      str(self.port)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        try:
            wait_http(f"{self.url}/moto-api/")
            S3BlobStore(self.bucket, endpoint_url=self.url).client.create_bucket(
                Bucket=self.bucket)
        except BaseException:
            self.stop()  # never leave the server behind
            raise

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


class PrivatePostgres:
    """A PostgreSQL cluster of the test's own (initdb as ``postgres``) that it may restart."""

    def __init__(self) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not bins or os.geteuid() != 0 or shutil.which("su") is None:
            pytest.skip("needs root and PostgreSQL's initdb (apt-get install postgresql)")
        self.bin, self.port = bins[-1].parent, free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="emtihan-pg-"))
        os.chmod(self.dir, 0o755)
        shutil.chown(self.dir, "postgres")
        self.dsn = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._su(f"{self.bin}/initdb -A trust -U postgres -D {self.dir}/data >/dev/null")

    def _su(self, command: str) -> None:
        subprocess.run(["su", "postgres", "-s", "/bin/sh", "-c", command], check=True,
                       stdout=subprocess.DEVNULL)

    def start(self) -> None:
        self._su(f"{self.bin}/pg_ctl -s -D {self.dir}/data -l {self.dir}/log -w -o "
                 f"'-h 127.0.0.1 -p {self.port} -k {self.dir} -F' start")

    def stop(self) -> None:
        self._su(f"{self.bin}/pg_ctl -s -D {self.dir}/data -m fast -w stop")

    def remove(self) -> None:
        if (self.dir / "data" / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
