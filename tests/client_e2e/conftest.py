"""Fixtures of the end-to-end student test: a private PulseAudio, the thread-leak guard."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Pulse:
    proc: subprocess.Popen[bytes] | None
    env: dict[str, str]
    sink: str = "e2e_sink"
    source: str = "e2e_mic"


def _start_pulse(run_dir: Path) -> tuple[Pulse | None, str]:
    exe, parec = shutil.which("pulseaudio"), shutil.which("parec")
    if exe is None or parec is None:
        return None, ("pulseaudio/parec not installed "
                      "(apt-get install -y pulseaudio pulseaudio-utils)")
    socket = run_dir / "native"
    env = {"PULSE_SERVER": f"unix:{socket}", "PULSE_RUNTIME_PATH": str(run_dir),
           "XDG_RUNTIME_DIR": str(run_dir)}
    cmd = [exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
           "--use-pid-file=no", "--disable-shm",
           f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
           "--load=module-null-sink sink_name=e2e_sink",
           "--load=module-virtual-source source_name=e2e_mic master=e2e_sink.monitor",
           "--load=module-always-sink"]
    proc = subprocess.Popen(cmd, env=dict(os.environ, HOME=str(run_dir), **env),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        if socket.exists():
            pactl = dict(os.environ, **env)
            for args in (["set-default-sink", "e2e_sink"], ["set-default-source", "e2e_mic"]):
                subprocess.run(["pactl", *args], env=pactl, check=False, timeout=10,
                               capture_output=True)
            return Pulse(proc, env), ""
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace")[-300:] if proc.stderr else ""
            return None, f"pulseaudio could not start: {err.strip()}"
        time.sleep(0.05)
    proc.terminate()
    proc.wait(5)
    return None, "pulseaudio did not create its socket within 5 s"


@pytest.fixture(scope="module")
def pulse() -> Iterator[tuple[Pulse | None, str]]:
    """(daemon, "") or (None, why): the caller skips only the audio part without it."""
    run_dir = Path(tempfile.mkdtemp(prefix="emtihan-e2e-pulse-"))
    daemon, reason = _start_pulse(run_dir)
    yield daemon, reason
    if daemon is not None and daemon.proc is not None:
        daemon.proc.terminate()
        daemon.proc.wait(5)
    shutil.rmtree(run_dir, ignore_errors=True)


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    """Fail the test if a UI QThread of this process is still running when it ends
    (the student processes report their own count in their ``@@THREADS`` line)."""
    yield
    from client.ui.workers import running_threads

    deadline = time.monotonic() + 5.0
    while running_threads() and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.02)
    left = running_threads()
    assert not left, f"{len(left)} QThread(s) still running at the end of the test"
