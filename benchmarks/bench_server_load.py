"""Load benchmark of the exam server (run manually; bounded).

N simulated students each sign in, start, upload a ~200 KB result envelope with
tus (create + PATCH) and fetch the signed receipt, over loopback with asyncio +
httpx and bounded concurrency. The server runs as a real ``emtihan-server serve
--workers W`` subprocess for each W of ``--workers``, on SQLite or PostgreSQL
(``--storage``, DSN from --pg-dsn / EMTIHAN_TEST_PG_DSN, a schema of its own per
run) with local or S3 blobs (``--blobs``; EMTIHAN_TEST_S3_ENDPOINT, else a moto
server started here), behind Debian's nginx when installed (``--no-nginx`` to
skip). Baseline measured in the same run, for each W: a bare uvicorn ASGI
endpoint with W workers (behind the same nginx) that accepts the same bytes
(POST, 204), with the same concurrency.

    .venv/bin/python benchmarks/bench_server_load.py                # 1000 students
    .venv/bin/python benchmarks/bench_server_load.py --workers 1,2 --storage postgresql \
        --blobs s3
    .venv/bin/python benchmarks/bench_server_load.py --students 200 --profile /tmp/prof
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
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
from server_stub.nginx import nginx_config  # noqa: E402
from server_stub.storage import PostgresStorage  # noqa: E402

EXAM = "bench-exam"
MOTO_PIDS: list[int] = []  # the S3 server this run started (its CPU is reported)
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


async def one_student(c: httpx.AsyncClient, i: int, blob: bytes, private: Ed25519PrivateKey,
                      stats: Stats) -> None:
    t0 = time.perf_counter()
    for _ in range(20):  # "busy" (scrypt slots taken): wait as told, like a student would
        r = await c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": f"st{i}",
                                                 "access_code": f"code{i}"})
        if r.status_code != 429:
            break
        stats.add("busy", 0.0)
        await asyncio.sleep(float(r.headers.get("Retry-After", "1")))
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


def prepare(data: Path, students: int, scrypt_n: int, storage: str, *, blobs: str,
            endpoint: str | None) -> PackageKeys:
    init_data_dir(data, ServerConfig(scrypt_n=scrypt_n, storage=storage, blobs=blobs,
                                     s3_endpoint=endpoint, purge_interval_s=0,
                                     trust_forwarded_for=True))
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


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def lost_and_duplicated(data: Path, receipts: set[str]) -> tuple[int, int]:
    service = build_services(data).service
    admin = service.create_token("admin", 600)[0]
    sessions = service.sessions(service.authenticate(admin), EXAM)
    service.storage.close()
    handed_in = {s["attempt_id"] for s in sessions if s["status"] == "submitted"}
    return len(receipts - handed_in), sum(max(0, s["versions"] - 1) for s in sessions)


@contextmanager
def process(cmd: list[str], cwd: Path, up_url: str) -> Iterator[subprocess.Popen[bytes]]:
    """A subprocess (own process group) that answers ``up_url``; killed with its children."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_up(up_url, proc)
        yield proc
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, 2)  # SIGINT: py-spy writes its profile, uvicorn stops
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()


@contextmanager
def front(port: int, folder: Path, use_nginx: bool) -> Iterator[tuple[str, list[int]]]:
    """The URL the students use (nginx in front of ``port``, or the port) and nginx's pid."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not use_nginx or not Path(binary).exists():
        yield f"http://127.0.0.1:{port}", []
        return
    folder.mkdir(parents=True, exist_ok=True)
    listen = free_port()
    (folder / "nginx.conf").write_text(nginx_config(
        [f"127.0.0.1:{port}"], f"127.0.0.1:{listen}", prefix=folder, workers="1",
        run_as_root=os.geteuid() == 0))
    with process([binary, "-c", str(folder / "nginx.conf"), "-p", str(folder), "-g",
                  "daemon off;"], folder, f"http://127.0.0.1:{listen}/") as proc:
        yield f"http://127.0.0.1:{listen}", [proc.pid]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes and their current children."""
    total = 0.0
    for pid in pids:
        with suppress(psutil.Error):
            proc = psutil.Process(pid)
            for p in [proc, *proc.children(recursive=True)]:
                with suppress(psutil.Error):
                    times = p.cpu_times()
                    total += times.user + times.system
    return total


def cpu_groups(server: list[int], nginx: list[int]) -> dict[str, list[int]]:
    postgres = [p.pid for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres"]
    return {"server": server, "nginx": nginx, "S3 (moto)": MOTO_PIDS, "postgres*": postgres}


@contextmanager
def cpu_report(groups: dict[str, list[int]], count: int, unit: str) -> Iterator[None]:
    """Print CPU ms per ``unit`` of each group (and of this client) over the block."""
    before = {name: cpu_seconds(pids) for name, pids in groups.items()}
    client = time.process_time()
    yield
    parts = [f"{name} {(cpu_seconds(pids) - before[name]) * 1000 / count:.1f}"
             for name, pids in groups.items() if pids]
    parts.append(f"client {(time.process_time() - client) * 1000 / count:.1f}")
    print(f"  CPU ms per {unit}: {', '.join(parts)}  (*all postgres processes on the host)")


def start_moto() -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([str(Path(sys.executable).parent / "moto_server"), "-H",
                             "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    MOTO_PIDS.append(proc.pid)
    url = f"http://127.0.0.1:{port}"
    wait_up(f"{url}/moto-api/", proc)
    return proc, url


@dataclass
class Result:
    name: str
    rate: float
    bare: float = 0.0


def report(name: str, args: argparse.Namespace, stats: Stats, wall: float, *,
           lost: int, dup: int) -> float:
    rate = len(stats.receipts) / wall
    print(f"\n[{name}] {args.students} students, {args.size} B results, concurrency "
          f"{args.concurrency}: wall {wall:.1f} s, {rate:.1f} hand-ins/s")
    print(f"  errors {len(stats.errors)}, lost {lost}, duplicated {dup}")
    for e in stats.errors[:5]:
        print(f"    {e}")
    print(f"  sign-ins told 'busy, retry' (429): {len(stats.latencies.pop('busy', []))}")
    for kind, values in stats.latencies.items():
        print(f"  {kind:8s} p50 {pct(values, 0.5):7.1f} ms  p99 {pct(values, 0.99):7.1f} ms"
              f"  mean {statistics.mean(values) * 1000:7.1f} ms")
    return rate


def bench_backend(workers: int, args: argparse.Namespace, storage: str, blobs: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        keys = prepare(data, args.students, args.scrypt_n, storage, blobs=blobs,
                       endpoint=args.s3_endpoint)
        sealed = []
        for _ in range(args.students):
            private = Ed25519PrivateKey.generate()
            sealed.append((seal_result(os.urandom(args.size), {}, keys.results.public_key(),
                                       private), private))
        port = free_port()
        cmd = [sys.executable, "-m", "server_stub.cli", "serve", "--data", str(data),
               "--port", str(port), "--workers", str(workers)]
        if args.profile:
            Path(args.profile).mkdir(parents=True, exist_ok=True)
            spy = str(Path(sys.executable).parent / "py-spy")
            cmd = [spy, "record", "--subprocesses", "--format", "raw", "-r", "50", "-o",
                   f"{args.profile}/server-w{workers}.txt", "--", *cmd]
        with process(cmd, ROOT, f"http://127.0.0.1:{port}/v1/health") as proc, \
                front(port, Path(tmp) / "nginx", args.nginx) as (url, ngx):
            with cpu_report(cpu_groups([proc.pid], ngx), args.students, "hand-in"):
                stats, wall = asyncio.run(run_students(url, sealed, args.concurrency))
        lost, dup = lost_and_duplicated(data, stats.receipts)
    return report(f"emtihan, {workers} worker(s), {args.storage} + {args.blobs}"
                  f"{' behind nginx' if args.nginx else ''}", args, stats, wall, lost=lost, dup=dup)


def bench_bare(workers: int, args: argparse.Namespace) -> float:
    blobs = [(os.urandom(args.size), Ed25519PrivateKey.generate())
             for _ in range(args.students)]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "bare_app.py").write_text(BARE_APP)
        port = free_port()
        with process([sys.executable, "-m", "uvicorn", "bare_app:app", "--port", str(port),
                      "--workers", str(workers), "--log-level", "warning"], Path(tmp),
                     f"http://127.0.0.1:{port}/") as proc, \
                front(port, Path(tmp) / "nginx", args.nginx) as (url, ngx), \
                cpu_report({"server": [proc.pid], "nginx": ngx}, args.students, "request"):
            wall = asyncio.run(run_bare(url, blobs, args.concurrency))
    rate = args.students / wall
    print(f"\n[bare uvicorn, {workers} worker(s)] {args.students} POSTs of {args.size} B: "
          f"wall {wall:.1f} s, {rate:.1f} requests/s")
    return rate


def _storage(args: argparse.Namespace, tag: str) -> str:
    """SQLite, or a PostgreSQL schema of this run's own (``bench_<pid>_<tag>``)."""
    if args.storage != "postgresql":
        return "sqlite"
    if not args.pg_dsn:
        raise SystemExit("--storage postgresql needs --pg-dsn or EMTIHAN_TEST_PG_DSN")
    schema = f"bench_{os.getpid()}_{tag}"
    PostgresStorage(args.pg_dsn, schema=schema).close()  # creates the schema; fails early
    sep = "&" if "?" in args.pg_dsn else "?"
    return f"{args.pg_dsn}{sep}options=-csearch_path%3D{schema}"


def _drop(args: argparse.Namespace, tag: str) -> None:
    if args.storage == "postgresql":
        storage = PostgresStorage(args.pg_dsn, schema=f"bench_{os.getpid()}_{tag}")
        storage.drop_schema()
        storage.close()


def _s3(args: argparse.Namespace) -> subprocess.Popen[bytes] | None:
    """Credentials and bucket for ``--blobs s3``; a moto server when no endpoint is given."""
    if args.blobs != "s3":
        return None
    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):
        os.environ.setdefault(name, value)
    moto = None
    if not args.s3_endpoint:
        moto, args.s3_endpoint = start_moto()
    from server_stub.blobs import S3BlobStore
    with suppress(Exception):
        S3BlobStore("bench", endpoint_url=args.s3_endpoint).client.create_bucket(Bucket="bench")
    return moto


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--students", type=int, default=1000)
    p.add_argument("--size", type=int, default=200_000)
    p.add_argument("--concurrency", type=int, default=50)
    p.add_argument("--scrypt-n", type=int, default=2**12,
                   help="access-code hash cost for the bench roster (server default 2**14)")
    p.add_argument("--workers", default="1", help="comma-separated worker counts, e.g. 1,2")
    p.add_argument("--storage", choices=["sqlite", "postgresql"], default="sqlite")
    p.add_argument("--blobs", choices=["local", "s3"], default="local")
    p.add_argument("--pg-dsn", default=os.environ.get("EMTIHAN_TEST_PG_DSN"))
    p.add_argument("--s3-endpoint", default=os.environ.get("EMTIHAN_TEST_S3_ENDPOINT"))
    p.add_argument("--no-nginx", dest="nginx", action="store_false")
    p.add_argument("--profile", help="directory for py-spy profiles of the server (raw)")
    args = p.parse_args()
    moto = _s3(args)
    results = []
    try:
        for workers in (int(w) for w in args.workers.split(",")):
            tag = f"w{workers}"  # every run starts empty: its own schema and prefix
            blobs = f"s3://bench/run{os.getpid()}-{tag}" if args.blobs == "s3" else "local"
            bare = bench_bare(workers, args)
            try:
                rate = bench_backend(workers, args, _storage(args, tag), blobs)
            finally:
                _drop(args, tag)
            results.append(Result(f"{workers} worker(s)", rate, bare))
    finally:
        if moto is not None:
            moto.terminate()
            moto.wait()
    print("\nhand-ins/s vs bare uvicorn requests/s (same workers, same bytes, same run):")
    for r in results:
        print(f"  {r.name:12s} {r.rate:7.1f} / {r.bare:7.1f} = {r.rate / r.bare:.3f}")
    if len(results) > 1:
        print(f"  scaling {results[0].name} -> {results[-1].name}: hand-ins x"
              f"{results[-1].rate / results[0].rate:.2f}, bare x"
              f"{results[-1].bare / results[0].bare:.2f}")


if __name__ == "__main__":
    main()
