"""Retention purge of N handed-in attempts (SQLite + local blobs) vs a bare baseline.

    .venv/bin/python benchmarks/bench_purge.py [--attempts 1000] [--size 200000]

Baseline, measured in the same run: unlink N blob files of the same size and one
``DELETE`` + commit per attempt row in a bare SQLite file (WAL, synchronous=NORMAL,
as the server's). Ours: ``server_stub.purge.purge``
(dry run, evidence stage, records stage), which also reads each exam's policy,
holds and decisions and writes the purge markers.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server_stub.app import build_services  # noqa: E402
from server_stub.config import ServerConfig, init_data_dir  # noqa: E402
from server_stub.purge import DAY, purge  # noqa: E402
from tests.support.clocks import FakeServerClock as FakeClock  # noqa: E402

T0 = 1_800_000_000


def _world(root: Path, n: int, size: int):  # type: ignore[no-untyped-def]
    from exam_packages.package import build_package
    from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta
    from server_stub.clock import to_iso

    init_data_dir(root / "data", ServerConfig(scrypt_n=2**4))
    clock = FakeClock(T0)
    services = build_services(root / "data", clock=clock)
    service = services.service
    keys = PackageKeys.generate()
    meta = sample_meta("bench-exam", 1)
    meta.update(opens_at=to_iso(T0 - 60), closes_at=to_iso(T0 + 3600), duration_s=1800)
    media = root / "m.png"
    media.write_bytes(b"\x89PNG")
    built = build_package(meta, sample_exam_doc(), {"diagram.png": media}, root / "p.emtihan",
                          keys.author, keys.results.public_key())
    service.publish(built.path, None)
    blob = root / "blob"
    blob.write_bytes(os.urandom(size))
    for i in range(n):
        attempt = f"att_{i:032x}"
        service.storage.create_attempt({"attempt_id": attempt, "exam_id": "bench-exam",
                                        "student_id": f"s{i}", "public_key": "k",
                                        "started_at": T0, "deadline": T0 + 1800})
        key = f"submissions/{attempt}/{i:064x}"
        service.blobs.put_file(key, blob)
        service.storage.record_submission(None, attempt, f"{i:064x}", lambda v, a=attempt,
                                          k=key, i=i: {
            "attempt_id": a, "sha256": f"{i:064x}", "size": size, "version": v,
            "received_at": T0, "late": 0, "late_s": 0, "flags": "{}", "blob_key": k,
            "receipt": "{}", "signature": "s"})
    return service, clock


def _baseline(root: Path, n: int, size: int) -> float:
    folder = root / "base"
    folder.mkdir()
    data = os.urandom(size)
    for i in range(n):
        (folder / str(i)).write_bytes(data)
    db = sqlite3.connect(root / "base.db")
    db.execute("PRAGMA journal_mode=WAL")  # as the server's SQLite storage
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE a (id TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO a VALUES (?)", [(str(i),) for i in range(n)])
    db.commit()
    start = time.perf_counter()
    for i in range(n):
        (folder / str(i)).unlink()
        db.execute("DELETE FROM a WHERE id = ?", (str(i),))
        db.commit()
    took = time.perf_counter() - start
    db.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attempts", type=int, default=1000)
    parser.add_argument("--size", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = _baseline(root, args.attempts, args.size)
        service, clock = _world(root, args.attempts, args.size)
        clock.t = T0 + 3600 + 30 * DAY
        timings = {}
        for label, dry in (("dry run", True), ("evidence stage", False)):
            start = time.perf_counter()
            report = purge(service, dry_run=dry)
            timings[label] = (time.perf_counter() - start, len(report.handins))
        clock.t = T0 + 3600 + 365 * DAY
        start = time.perf_counter()
        report = purge(service)
        timings["records stage"] = (time.perf_counter() - start, len(report.attempts))
        service.storage.close()
    print(f"baseline: unlink + DELETE of {args.attempts} x {args.size} B: {base:.2f} s")
    for label, (took, count) in timings.items():
        print(f"{label:15s} {count:5d} items  {took:6.2f} s  = {took / base:5.2f}x baseline")


if __name__ == "__main__":
    main()
