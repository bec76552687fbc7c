"""Student client performance (run manually; not part of pytest).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_client_perf.py [--seconds 20]

Each figure is measured in a fresh process and printed with a baseline from the
same run:

1. cold start to first window: the student window (all pages, translations,
   question widgets) shown, against a bare ``QApplication`` + empty ``QWidget``;
2. peak RSS during an exam with proctoring running (the window on the exam page,
   the verifier's analysers loaded and fed camera frames from a video file, the
   hash-chained event log written): goal < 500 MB; baseline: the window alone;
3. CPU share of the proctoring worker (thread CPU time / wall time) at the
   client's configured analysis interval and at 5 frames/s: goal < 50 % of one core;
4. the periodic running-software scan (client/core/environment.py): CPU time of one scan
   over all processes, as a share of one core at the policy's interval: goal < 1 %;
   baseline: listing the same processes' pids and names only.

5. ``--bundle EXE_OR_ARCHIVE``: cold start of the bundled client (``bash .ci/dev bundle``;
   an archive is unpacked into an empty directory first) to its first window on a private
   Xvfb, started with ``env -i`` and a fresh HOME; baseline: ``python -m client.ui.app``
   from the venv on the same X server. The first start after unpacking and the median of 3.

Autosave latency is measured by ``benchmarks/bench_client.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIP = ROOT.parent / "shared" / "faces" / "face_recognition" / "examples"
CLIP = CLIP / "short_hamilton_clip.mp4"

BARE = """
import time, json; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([]); w = QWidget(); w.show(); app.processEvents()
print(json.dumps({"s": time.perf_counter() - t0}))
"""

WINDOW = """
import time, json; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from client.core.clock import SystemClock
from tests.support.fake_backend import FakeBackend
from client.ui.i18n import I18n
from client.ui.window import StudentWindow
app = QApplication([])
w = StudentWindow(FakeBackend(SystemClock()), I18n(), open_camera=None,
                  server_url="http://127.0.0.1:1", exam_id="demo", student_id="s1")
w.show(); app.processEvents()
print(json.dumps({"s": time.perf_counter() - t0}))
"""


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_child(code: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True, timeout=600).stdout
    return json.loads(out.strip().splitlines()[-1])


def proctoring_child(interval: float, seconds: float, with_proctor: bool) -> dict:
    code = f"""
import json, sys, threading, time, tempfile
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from PySide6.QtWidgets import QApplication
from client.core.clock import SystemClock
from client.core.devices import VideoFileCamera
from client.core.eventlog import EventLog
from client.core.proctor import Proctor
from tests.support.fake_backend import FakeBackend
from client.ui.i18n import I18n
from client.ui.window import StudentWindow
from benchmarks.bench_client_perf import _peak_rss_mb
app = QApplication([])
w = StudentWindow(FakeBackend(SystemClock()), I18n(), open_camera=None,
                  server_url="http://127.0.0.1:1", exam_id="demo", student_id="s1")
w.show(); app.processEvents()
result = {{"frames": 0, "cpu_share": 0.0}}
if {with_proctor!r}:
    log = EventLog(Path(tempfile.mkdtemp()) / "log")
    proctor = Proctor.with_verifier(log.append)
    cam = VideoFileCamera({str(CLIP)!r}, loop=True, realtime=False)
    def work():
        start_cpu, start = time.thread_time(), time.monotonic()
        nxt = start
        while time.monotonic() - start < {seconds!r}:
            ok, frame = cam.read()
            proctor.process_frame(time.monotonic(), frame)
            result["frames"] += 1
            nxt += {interval!r}
            time.sleep(max(0.0, nxt - time.monotonic()))
        result["cpu_share"] = (time.thread_time() - start_cpu) / (time.monotonic() - start)
    t = threading.Thread(target=work); t.start()
    while t.is_alive():
        app.processEvents(); time.sleep(0.05)
    t.join()
result["rss_mb"] = _peak_rss_mb()
print(json.dumps(result))
"""
    return run_child(code)


def environment_scan_share(repeats: int = 20) -> dict:
    """CPU seconds of one periodic scan and of a bare process listing (this process)."""
    import time

    import psutil

    from client.core.environment import PeriodicScan

    scan = PeriodicScan({})
    t0 = time.process_time()
    for _ in range(repeats):
        scan.seen.clear()
        scan.scan()
    per_scan = (time.process_time() - t0) / repeats
    t0 = time.process_time()
    for _ in range(repeats):
        procs = [p.info for p in psutil.process_iter(["name"])]
    bare = (time.process_time() - t0) / repeats
    return {"scan_s": per_scan, "bare_s": bare, "processes": len(procs),
            "interval_s": scan.interval_s, "share": per_scan / scan.interval_s}


def _until_window(argv: list[str], env: dict[str, str], display: str) -> float:
    """Seconds from spawning ``argv`` to an ``Emtihan`` window mapped on ``display``."""
    import time

    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while time.perf_counter() - t0 < 180:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Emtihan"],
                                   env={"DISPLAY": display}, capture_output=True, check=False)
            if found.stdout.strip():
                return time.perf_counter() - t0
            if proc.poll() is not None:
                raise RuntimeError(f"{argv[-5:]} exited {proc.returncode}: "
                                   f"{proc.stderr.read().decode()[-500:] if proc.stderr else ''}")
            time.sleep(0.05)
        raise RuntimeError("no window within 180 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def bundle_cold_start(bundle: Path) -> None:
    import tarfile
    import tempfile
    import time

    with tempfile.TemporaryDirectory() as tmp:
        exe = bundle
        if bundle.suffix == ".gz":
            with tarfile.open(bundle) as tar:
                tar.extractall(tmp, filter="tar")
            exe = next(Path(tmp).glob("*/emtihan-student"))
        home = Path(tmp) / "home"
        home.mkdir()
        from exam_packages.keys import generate_signing_key
        from exam_packages.trust import TrustStore

        trust = Path(tmp) / "trust.json"  # the client refuses to start without one
        TrustStore.from_keys([("bench", generate_signing_key().public_key())]).save(trust)
        args = ["--trust", str(trust), "--server", "http://127.0.0.1:9"]
        display = ":97"
        xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten",
                                 "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        try:
            clean = {"HOME": str(home), "PATH": "/usr/bin:/bin", "DISPLAY": display}
            runs = [_until_window(["env", "-i", *[f"{k}={v}" for k, v in clean.items()],
                                   str(exe), *args], {}, display) for _ in range(3)]
            venv_env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                            PYTHONPATH=str(ROOT))
            base = [_until_window([sys.executable, "-m", "client.ui.app", *args], venv_env,
                                  display) for _ in range(3)]
        finally:
            xvfb.terminate()
            xvfb.wait(timeout=30)
    print(f"bundled client cold start to first window: first {runs[0]:.2f} s, median "
          f"{statistics.median(runs):.2f} s; venv client {statistics.median(base):.2f} s; "
          f"ratio {statistics.median(runs) / statistics.median(base):.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--scan-only", action="store_true",
                        help="only the running-software scan (4.)")
    parser.add_argument("--bundle", type=Path, help="only the bundle's cold start (5.)")
    args = parser.parse_args()
    if args.bundle is not None:
        bundle_cold_start(args.bundle)
        return
    sys.path.insert(0, str(ROOT))
    from client.ui.window import PROCTOR_EVERY_S

    env = environment_scan_share()
    print(f"running-software scan: {1000 * env['scan_s']:.1f} ms CPU per scan of "
          f"{env['processes']} processes (bare listing {1000 * env['bare_s']:.1f} ms, ratio "
          f"{env['scan_s'] / env['bare_s']:.1f}x); every {env['interval_s']:.0f} s that is "
          f"{100 * env['share']:.3f}% of one core (goal < 1%)")
    if args.scan_only:
        return
    bare = statistics.median(run_child(BARE)["s"] for _ in range(3))
    window = statistics.median(run_child(WINDOW)["s"] for _ in range(3))
    print(f"cold start to first window: {window:.2f} s; bare Qt window {bare:.2f} s; "
          f"ratio {window / bare:.1f}x")
    base = proctoring_child(PROCTOR_EVERY_S, 1, with_proctor=False)
    for interval in (PROCTOR_EVERY_S, 0.2):
        run = proctoring_child(interval, args.seconds, with_proctor=True)
        print(f"proctoring every {interval:.1f} s ({1 / interval:.1f} frames/s) for "
              f"{args.seconds:.0f} s: {run['frames']} frames, worker CPU "
              f"{100 * run['cpu_share']:.1f}% of one core (goal < 50%); peak RSS "
              f"{run['rss_mb']:.0f} MB (goal < 500 MB) vs window alone {base['rss_mb']:.0f} MB "
              f"(ratio {run['rss_mb'] / base['rss_mb']:.2f}x)")

if __name__ == "__main__":
    main()
