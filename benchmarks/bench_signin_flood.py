"""/health latency while the server is flooded with sign-ins for made-up students.

Issue 10 measured /health going from 1 ms to 280 ms under such a flood (every
made-up id cost a full scrypt, nothing limited it). The server runs as a real
``emtihan-server serve`` subprocess (default scrypt cost); this process sends 40
parallel sign-ins with made-up ids for a few seconds and samples /health. The
baseline is /health on the same server, quiet, in the same run.

    .venv/bin/python benchmarks/bench_signin_flood.py [--seconds 6] [--threads 40]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx


def _serve(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    cli = [sys.executable, "-m", "server_stub.cli"]
    subprocess.run([*cli, "init", "--data", str(data)], check=True, capture_output=True)
    (data / "roster.csv").write_text("s1,Aida,code-one\n")
    subprocess.run([*cli, "roster", "import", str(data / "roster.csv"), "--exam", "e1",
                    "--data", str(data)], check=True, capture_output=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([*cli, "serve", "--data", str(data), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{url}/v1/health")
            return proc, url
        except httpx.TransportError:
            time.sleep(0.05)
    proc.terminate()
    raise SystemExit("the server did not start")


def _health(url: str, samples: int) -> list[float]:
    out = []
    with httpx.Client(base_url=url) as client:
        for _ in range(samples):
            started = time.perf_counter()
            client.get("/v1/health")
            out.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)
    return out


def _flood(url: str, until: float, index: int, codes: list[int]) -> None:
    with httpx.Client(base_url=url, timeout=30) as client:
        count = 0
        while time.monotonic() < until:
            count += 1
            codes.append(client.post("/v1/auth/login", json={
                "exam_id": "e1", "student_id": f"x{index}-{count}", "access_code": "x"}
            ).status_code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--threads", type=int, default=40)
    args = parser.parse_args()
    proc, url = _serve(Path(tempfile.mkdtemp()))
    try:
        quiet = _health(url, 40)
        codes: list[int] = []
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=_flood, args=(url, until, i, codes))
                   for i in range(args.threads)]
        for thread in threads:
            thread.start()
        time.sleep(1)
        loaded = _health(url, int((args.seconds - 1.5) / 0.06))
        for thread in threads:
            thread.join()
    finally:
        proc.terminate()
        proc.wait(10)
    q, flooded = statistics.median(quiet), statistics.median(loaded)
    p95 = sorted(loaded)[int(len(loaded) * 0.95)]
    answers = {code: codes.count(code) for code in sorted(set(codes))}
    print(f"/health median: quiet {q:.1f} ms, during {args.threads} parallel made-up-id "
          f"sign-ins {flooded:.1f} ms (p95 {p95:.1f} ms); ratio {flooded / q:.1f}x")
    print(f"sign-in answers: {answers} (401 = checked with scrypt, 429 = refused unchecked)")


if __name__ == "__main__":
    main()
