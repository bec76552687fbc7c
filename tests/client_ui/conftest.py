"""Fixtures for the student UI tests: offscreen Qt, thread-leak guard, PulseAudio loopback."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
_PULSE_DIR = Path(tempfile.mkdtemp(prefix="emtihan-pulse-"))
_PULSE_SOCKET = _PULSE_DIR / "native"
# Set before QtMultimedia first connects: it talks to our private daemon only.
os.environ["PULSE_SERVER"] = f"unix:{_PULSE_SOCKET}"
os.environ["PULSE_RUNTIME_PATH"] = str(_PULSE_DIR)

FACES = Path(__file__).resolve().parents[2] / ".." / "shared" / "faces"
CLIP = FACES / "face_recognition" / "examples" / "short_hamilton_clip.mp4"


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    """Fail the test if any UI thread is still running when it ends."""
    yield
    from client.ui.workers import running_threads

    deadline = time.monotonic() + 5.0
    while running_threads() and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.02)
    left = running_threads()
    assert not left, f"{len(left)} QThread(s) still running at the end of the test"


class Pulse:
    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.proc = proc
        self.sink = "emtihan_sink"
        self.source = "emtihan_mic"


def _start_pulse() -> tuple[Pulse | None, str]:
    exe = shutil.which("pulseaudio")
    if exe is None:
        return None, "pulseaudio is not installed (apt-get install -y pulseaudio libpulse0)"
    env = dict(os.environ, XDG_RUNTIME_DIR=str(_PULSE_DIR), HOME=str(_PULSE_DIR))
    cmd = [exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
           "--use-pid-file=no", "--disable-shm",
           f"--load=module-native-protocol-unix socket={_PULSE_SOCKET} auth-anonymous=1",
           "--load=module-null-sink sink_name=emtihan_sink",
           "--load=module-virtual-source source_name=emtihan_mic master=emtihan_sink.monitor",
           "--load=module-always-sink"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        if _PULSE_SOCKET.exists():
            return Pulse(proc), ""
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace")[-300:] if proc.stderr else ""
            return None, f"pulseaudio could not start: {err.strip()}"
        time.sleep(0.05)
    proc.terminate()
    proc.wait(5)
    return None, "pulseaudio did not create its socket within 5 s"


@pytest.fixture(scope="session", autouse=True)
def _pulse_daemon() -> Iterator[tuple[Pulse | None, str]]:
    """Started for the whole session, before any test touches QtMultimedia."""
    daemon, reason = _start_pulse()
    yield daemon, reason
    if daemon is not None:
        daemon.proc.terminate()
        daemon.proc.wait(5)
    shutil.rmtree(_PULSE_DIR, ignore_errors=True)


@pytest.fixture()
def pulse(_pulse_daemon: tuple[Pulse | None, str]) -> Pulse:
    """A private PulseAudio: null sink + virtual source on its monitor (loopback)."""
    daemon, reason = _pulse_daemon
    if daemon is None:
        pytest.skip(reason)
    return daemon
