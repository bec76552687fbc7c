"""Load benchmark of the exam server (run manually; bounded).

N simulated students each sign in, start, upload a ~200 KB result envelope with
tus (create + PATCH) and fetch the signed receipt, over loopback with asyncio +
httpx and bounded concurrency. The server runs as a real ``emtihan-server
serve`` subprocess (SQLite, and PostgreSQL when --pg-dsn / EMTIHAN_BENCH_PG_DSN
is given). Baseline measured in the same run: a bare uvicorn ASGI endpoint that
accepts the same bytes (POST, 204) in a subprocess, with the same concurrency.

    .venv/bin/python benchmarks/bench_server_load.py                # 1000 students
    .venv/bin/python benchmarks/bench_server_load.py --students 200 # scaled down
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exam_packages.envelope import seal_result  # noqa: E402
from exam_packages.package import build_package  # noqa: E402
from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta  # noqa: E402
from server_stub.app import build_services  # noqa: E402
from server_stub.clock import to_iso  # noqa: E402
from server_stub.config import ServerConfig, init_data_dir  # noqa: E402
from server_stub.storage import PostgresStorage  # noqa: E402

EXAM = "bench-exam"
BARE_APP = '''
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    n = 0
    while True:
        m = await receive()
        n += len(m.get("body", b""))
        if not m.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})
'''


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    receipts: set[str] = field(default_factory=set)

    def add(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(400):
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise SystemExit("server did not start")


def prepare(data: Path, students: int, scrypt_n: int, storage: str) -> PackageKeys:
    init_data_dir(data, ServerConfig(scrypt_n=scrypt_n, storage=storage))
    keys = PackageKeys.generate()
    meta = sample_meta(EXAM, 1)
    now = int(time.time())
    meta.update(opens_at=to_iso(now - 60), closes_at=to_iso(now + 7200), duration_s=3600)
    media = data / "diagram.png"
    media.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(256))
    built = build_package(meta, sample_exam_doc(), {"diagram.png": media}, data / "p.emtihan",
                          keys.author, keys.results.public_key())
    service = build_services(data).service
    service.publish(built.path, None)
    roster = "".join(f"st{i},Student {i},code{i}\n" for i in range(students))
    service.import_roster(roster, EXAM)
    service.storage.close()
    return keys


async def one_student(c: httpx.AsyncClient, i: int, blob: bytes, private: Ed25519PrivateKey,
                      stats: Stats) -> None:
    t0 = time.perf_counter()
    r = await c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": f"st{i}",
                                             "access_code": f"code{i}"})
    r.raise_for_status()
    auth = {"Authorization": f"Bearer {r.json()['token']}"}
    t1 = time.perf_counter()
    stats.add("login", t1 - t0)
    pub = base64.b64encode(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    r = await c.post(f"/v1/exams/{EXAM}/start", json={"public_key": pub.decode()}, headers=auth)
    r.raise_for_status()
    attempt = r.json()["attempt_id"]
    t2 = time.perf_counter()
    stats.add("start", t2 - t1)
    sha = hashlib.sha256(blob).hexdigest()
    metadata = (f"attempt_id {base64.b64encode(attempt.encode()).decode()},"
                f"sha256 {base64.b64encode(sha.encode()).decode()}")
    tus = {**auth, "Tus-Resumable": "1.0.0"}
    r = await c.post("/v1/uploads", headers={**tus, "Upload-Length": str(len(blob)),
                                             "Upload-Metadata": metadata})
    r.raise_for_status()
    r = await c.patch(r.headers["Location"], content=blob, headers={
        **tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    r.raise_for_status()
    r = await c.get(f"/v1/attempts/{attempt}/receipt", headers=auth)
    r.raise_for_status()
    t3 = time.perf_counter()
    stats.add("submit", t3 - t2)
    stats.add("student", t3 - t0)
    if r.json()["receipt"]["sha256"] == sha:
        stats.receipts.add(attempt)


async def run_students(url: str, blobs: list[tuple[bytes, Ed25519PrivateKey]],
                       concurrency: int) -> tuple[Stats, float]:
    stats, sem = Stats(), asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as c:
        async def guarded(i: int) -> None:
            async with sem:
                try:
                    await one_student(c, i, *blobs[i], stats)
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    stats.errors.append(f"st{i}: {type(exc).__name__}: {exc}")
        t0 = time.perf_counter()
        await asyncio.gather(*(guarded(i) for i in range(len(blobs))))
    return stats, time.perf_counter() - t0


async def run_bare(url: str, blobs: list[tuple[bytes, Ed25519PrivateKey]],
                   concurrency: int) -> float:
    sem = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60,
                                 limits=httpx.Limits(max_connections=concurrency)) as c:
        async def post(blob: bytes) -> None:
            async with sem:
                (await c.post("/", content=blob)).raise_for_status()
        t0 = time.perf_counter()
        await asyncio.gather(*(post(b) for b, _ in blobs))
    return time.perf_counter() - t0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def lost(data: Path, receipts: set[str]) -> int:
    service = build_services(data).service
    admin = service.create_token("admin", 600)[0]
    sessions = service.sessions(service.authenticate(admin), EXAM)
    service.storage.close()
    handed_in = {s["attempt_id"] for s in sessions if s["status"] == "submitted"}
    duplicates = sum(s["versions"] - 1 for s in sessions)
    return len(receipts - handed_in) + duplicates


def bench_backend(name: str, storage: str, args: argparse.Namespace) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        keys = prepare(data, args.students, args.scrypt_n, storage)
        blobs = []
        for _ in range(args.students):
            private = Ed25519PrivateKey.generate()
            blobs.append((seal_result(os.urandom(args.size), {}, keys.results.public_key(),
                                      private), private))
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "server_stub.cli", "serve", "--data",
                                 str(data), "--port", str(port)], cwd=ROOT,
                                stdout=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_up(f"{url}/v1/health", proc)
            stats, wall = asyncio.run(run_students(url, blobs, args.concurrency))
        finally:
            proc.terminate()
            proc.wait()
        lost_count = lost(data, stats.receipts)
    print(f"\n[{name}] {args.students} students, {len(blobs[0][0])} B results, "
          f"concurrency {args.concurrency}: wall {wall:.1f} s, "
          f"{len(stats.receipts) / wall:.1f} submissions/s")
    print(f"  errors {len(stats.errors)}, lost or duplicated submissions {lost_count}")
    for e in stats.errors[:5]:
        print(f"    {e}")
    for kind, values in stats.latencies.items():
        print(f"  {kind:8s} p50 {pct(values, 0.5):7.1f} ms  p99 {pct(values, 0.99):7.1f} ms"
              f"  mean {statistics.mean(values) * 1000:7.1f} ms")
    return len(stats.receipts) / wall


def bench_bare(args: argparse.Namespace) -> float:
    blobs = [(os.urandom(args.size), Ed25519PrivateKey.generate())
             for _ in range(args.students)]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "bare_app.py").write_text(BARE_APP)
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "bare_app:app", "--port",
                                 str(port), "--log-level", "warning"], cwd=tmp)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_up(url, proc)
            wall = asyncio.run(run_bare(url, blobs, args.concurrency))
        finally:
            proc.terminate()
            proc.wait()
    rate = args.students / wall
    print(f"\n[bare uvicorn baseline] {args.students} POSTs of {args.size} B: "
          f"wall {wall:.1f} s, {rate:.1f} requests/s")
    return rate


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--students", type=int, default=1000)
    p.add_argument("--size", type=int, default=200_000)
    p.add_argument("--concurrency", type=int, default=50)
    p.add_argument("--scrypt-n", type=int, default=2**12,
                   help="access-code hash cost for the bench roster (server default 2**14)")
    p.add_argument("--pg-dsn", default=os.environ.get("EMTIHAN_BENCH_PG_DSN"))
    args = p.parse_args()
    baseline = bench_bare(args)
    results = {"sqlite": bench_backend("sqlite", "sqlite", args)}
    if args.pg_dsn:
        PostgresStorage(args.pg_dsn).close()  # fail early if unreachable
        _reset_pg(args.pg_dsn)
        results["postgres"] = bench_backend("postgres", args.pg_dsn, args)
    print("\nsubmission throughput / bare uvicorn request throughput (same bytes, same run):")
    for name, rate in results.items():
        print(f"  {name:8s} {rate / baseline:.3f}")


def _reset_pg(dsn: str) -> None:
    """Drop our tables in the bench database so each run starts empty."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        for table in ("exams", "students", "tokens", "attempts", "attempt_keys", "uploads",
                      "submissions", "decisions"):
            conn.execute(psycopg.sql.SQL("DROP TABLE IF EXISTS {}").format(
                psycopg.sql.Identifier(table)))


if __name__ == "__main__":
    main()
