"""Package downloads with S3 blobs: ranged GETs through the server vs presigned S3 URLs.

A real ``emtihan-server serve`` subprocess with ``"blobs": "s3://..."`` on an S3
server over HTTP (``--s3-endpoint``, default: a moto server started here). N
downloads of one published package, C at a time, (a) through the server's
``GET /v1/exams/{id}/package`` (what the client does; Range/If-Range resumable) and
(b) straight from S3 with a presigned URL (the baseline, same run). Reports MB/s,
the ratio, and the server's CPU seconds per downloaded MB (what (a) costs the server).

    .venv/bin/python benchmarks/bench_s3_download.py [--size-mb 8] [--downloads 16]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_server_load import free_port, start_moto, wait_up  # noqa: E402
from exam_packages.package import build_package  # noqa: E402
from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta  # noqa: E402
from server_stub.app import build_services  # noqa: E402
from server_stub.blobs import S3BlobStore  # noqa: E402
from server_stub.clock import to_iso  # noqa: E402
from server_stub.config import ServerConfig, init_data_dir  # noqa: E402

EXAM = "dl-exam"


def publish(data: Path, size_mb: int, endpoint: str) -> tuple[str, int]:
    bucket = "bench-dl"
    store = S3BlobStore(bucket, endpoint_url=endpoint)
    try:
        store.client.create_bucket(Bucket=bucket)
    except Exception:  # noqa: BLE001 - exists already
        pass
    init_data_dir(data, ServerConfig(blobs=f"s3://{bucket}/b{os.getpid()}", s3_endpoint=endpoint,
                                     scrypt_n=2**10, purge_interval_s=0))
    keys = PackageKeys.generate()
    meta = sample_meta(EXAM, 1)
    now = int(time.time())
    meta.update(opens_at=to_iso(now - 60), closes_at=to_iso(now + 7200), duration_s=3600)
    media = data / "diagram.png"
    media.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(size_mb * 1024 * 1024))
    built = build_package(meta, sample_exam_doc(), {"diagram.png": media}, data / "p.emtihan",
                          keys.author, keys.results.public_key())
    service = build_services(data).service
    row = service.publish(built.path, None)
    service.import_roster("s1,Student,code1\n", EXAM)
    service.storage.close()
    return row["package_key"], int(row["package_size"])


async def fetch_all(urls: list[tuple[str, dict[str, str]]], concurrency: int) -> float:
    sem = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(timeout=120) as c:
        async def one(url: str, headers: dict[str, str]) -> None:
            async with sem, c.stream("GET", url, headers=headers) as r:
                r.raise_for_status()
                async for _ in r.aiter_bytes(64 * 1024):
                    pass
        t0 = time.perf_counter()
        await asyncio.gather(*(one(u, h) for u, h in urls))
    return time.perf_counter() - t0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size-mb", type=int, default=8)
    p.add_argument("--downloads", type=int, default=16)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--s3-endpoint", default=os.environ.get("EMTIHAN_TEST_S3_ENDPOINT"))
    args = p.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    moto, endpoint = (None, args.s3_endpoint) if args.s3_endpoint else start_moto()
    server = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            key, size = publish(data, args.size_mb, endpoint)
            port = free_port()
            server = subprocess.Popen([sys.executable, "-m", "server_stub.cli", "serve",
                                       "--data", str(data), "--port", str(port)], cwd=ROOT,
                                      stdout=subprocess.DEVNULL)
            url = f"http://127.0.0.1:{port}"
            wait_up(f"{url}/v1/health", server)
            token = httpx.post(f"{url}/v1/auth/login", json={
                "exam_id": EXAM, "student_id": "s1", "access_code": "code1"}).json()["token"]
            store = build_services(data).service.blobs
            assert isinstance(store, S3BlobStore)
            signed = store.client.generate_presigned_url("get_object", Params={
                "Bucket": store.bucket, "Key": store.prefix + key}, ExpiresIn=600)
            cpu = psutil.Process(server.pid)
            before = sum(cpu.cpu_times()[:2])
            through = asyncio.run(fetch_all(
                [(f"{url}/v1/exams/{EXAM}/package", {"Authorization": f"Bearer {token}"})]
                * args.downloads, args.concurrency))
            server_cpu = sum(cpu.cpu_times()[:2]) - before
            direct = asyncio.run(fetch_all([(signed, {})] * args.downloads, args.concurrency))
    finally:
        for proc in (server, moto):
            if proc is not None:
                proc.terminate()
                proc.wait()
    mb = size * args.downloads / 1e6
    print(f"{args.downloads} downloads of a {size / 1e6:.1f} MB package, {args.concurrency} at "
          f"a time, S3 at {endpoint}")
    print(f"  through the server (ranged GET): {through:6.2f} s  {mb / through:7.1f} MB/s  "
          f"server CPU {server_cpu / mb * 1000:.1f} ms/MB")
    print(f"  presigned URL straight from S3:  {direct:6.2f} s  {mb / direct:7.1f} MB/s")
    print(f"  ratio server / presigned: {direct / through:.2f}")


if __name__ == "__main__":
    main()
