"""Student client core benchmark (run manually; not part of pytest).

    .venv/bin/python benchmarks/bench_client.py            # ~15 s
    .venv/bin/python benchmarks/bench_client.py --skip-link

Prints ratios against baselines measured in the same run:

1. event log appends/s with fsync per record, fsync per batch of 20, and no fsync,
   against a plain "write a line + fsync" loop (the floor for durable appends);
2. autosave latency per answer change (median, p95) and saves/s (AES-GCM + temp +
   fsync + rename) against a plain "write + fsync + rename" of the same JSON;
3. the bandwidth check through a loopback TCP proxy throttled to 512 kbit/s each way:
   how long it takes (goal: 2-4 s) and measured/configured throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from client.core.api import ServerClient  # noqa: E402
from client.core.autosave import AutosaveStore  # noqa: E402
from client.core.clock import SystemClock  # noqa: E402
from client.core.eventlog import EventLog  # noqa: E402
from client.core.localkeys import ServerSecretKeys  # noqa: E402
from client.core.timer import ExamTimer  # noqa: E402

LINK_BPS = 512_000 // 8


def _rate(n: int, fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn(n)
    return n / (time.perf_counter() - t0)


def bench_eventlog(tmp: Path, n: int) -> None:
    def baseline(count: int) -> None:
        with open(tmp / "plain.jsonl", "ab") as fh:
            for i in range(count):
                fh.write(json.dumps({"seq": i, "kind": "tick", "data": {"i": i}}).encode() + b"\n")
                fh.flush()
                os.fsync(fh.fileno())

    base = _rate(n, baseline)
    print(f"event log: plain line+fsync baseline {base:,.0f}/s")
    for label, sync in (("fsync each", 1), ("fsync per 20", 20), ("no fsync", 10**9)):
        log = EventLog(tmp / f"log-{sync}", sync_every=sync)

        def run(count: int, log: EventLog = log) -> None:
            for i in range(count):
                log.append("tick", {"i": i})

        rate = _rate(n, run)
        log.close()
        print(f"  {label:13s} {rate:9,.0f}/s  = {rate / base:5.2f}x baseline")


def _timed(n: int, fn) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def bench_autosave(tmp: Path, n: int) -> None:
    answers = {f"q{i}": f"answer number {i} " * 5 for i in range(60)}
    doc = json.dumps({"answers": answers}).encode()

    def baseline() -> None:
        tmp_file = tmp / "plain.tmp"
        with open(tmp_file, "wb") as fh:
            fh.write(doc)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_file, tmp / "plain.json")

    base = _timed(n, baseline)
    clock = SystemClock()
    timer = ExamTimer.start(clock, clock.wall() + 3600, clock.wall())
    keys = ServerSecretKeys()  # the fallback key source: HKDF of a server secret, in memory
    keys.unlock(tmp / "att", os.urandom(32))
    store = AutosaveStore(tmp / "att", keys)
    ours = _timed(n, lambda: store.save("att_x", answers, timer))
    med, p95 = statistics.median(ours), sorted(ours)[int(0.95 * (len(ours) - 1))]
    print(f"autosave ({len(doc)} B of answers): {len(ours) / sum(ours):,.0f} saves/s, latency "
          f"median {1000 * med:.2f} ms, p95 {1000 * p95:.2f} ms = "
          f"{med / statistics.median(base):.2f}x the plain write+fsync+rename median "
          f"({1000 * statistics.median(base):.2f} ms)")


class ThrottledProxy:
    """127.0.0.1 TCP proxy; each direction limited to ``bps`` bytes/s (token bucket)."""

    def __init__(self, target_port: int, bps: int) -> None:
        self.target_port, self.bps = target_port, bps
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.threads: list[threading.Thread] = []
        self.stopping = False
        self._spawn(self._accept)

    def _spawn(self, target, *args) -> None:  # type: ignore[no-untyped-def]
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stopping:
            try:
                client, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:  # closed
                break
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self._spawn(self._pipe, client, upstream)
            self._spawn(self._pipe, upstream, client)

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        free_at = 0.0  # when the (serialising) link is free again; no credit while idle
        try:
            while data := src.recv(2048):
                now = time.monotonic()
                free_at = max(free_at, now) + len(data) / self.bps
                time.sleep(free_at - now)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self.stopping = True
        self.sock.close()


def bench_link(tmp: Path) -> None:
    from server_stub.config import init_data_dir
    from server_stub.embedded import EmbeddedServer

    init_data_dir(tmp / "server")
    server = EmbeddedServer(tmp / "server")
    server.start()
    proxy = ThrottledProxy(server.port, LINK_BPS)
    try:
        token, _ = server.services.service.create_token("invigilator", 3600)  # needs sign-in
        client = ServerClient(f"http://127.0.0.1:{proxy.port}", timeout=(5, 30))
        client.token = token
        direct_client = ServerClient(server.base_url)
        direct_client.token = token
        direct = direct_client.measure_bandwidth()
        t0 = time.perf_counter()
        result = client.measure_bandwidth()
        took = time.perf_counter() - t0
        client.close()
    finally:
        proxy.close()
        server.stop()
    print(f"bandwidth check over a 512 kbit/s link: took {took:.2f} s (goal 2-4 s); measured "
          f"down {result.download_kbps} kbit/s = {result.download_kbps / 512:.2f}x, up "
          f"{result.upload_kbps} kbit/s = {result.upload_kbps / 512:.2f}x of the link; "
          f"unthrottled loopback down {direct.download_kbps} kbit/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--appends", type=int, default=300)
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--skip-link", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_eventlog(Path(tmp), args.appends)
        bench_autosave(Path(tmp), args.saves)
        if not args.skip_link:
            bench_link(Path(tmp))


if __name__ == "__main__":
    main()
