"""Test support shared by the Qt suites: a private PulseAudio and the thread-leak guard."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Pulse:
    proc: subprocess.Popen[bytes]
    env: dict[str, str]  # what a client process needs to talk to this daemon
    sink: str
    source: str


def start_private_pulse(run_dir: Path, sink: str, source: str) -> tuple[Pulse | None, str]:
    """A PulseAudio of our own on ``run_dir/native``: a null sink and a virtual source on
    its monitor, so what is played to the sink is read back from the source.
    Returns (daemon, "") or (None, why it could not start)."""
    exe, pactl = shutil.which("pulseaudio"), shutil.which("pactl")
    if exe is None or pactl is None:
        return None, ("pulseaudio is not installed "
                      "(apt-get install -y pulseaudio pulseaudio-utils libpulse0)")
    socket = run_dir / "native"
    env = {"PULSE_SERVER": f"unix:{socket}", "PULSE_RUNTIME_PATH": str(run_dir),
           "XDG_RUNTIME_DIR": str(run_dir)}
    cmd = [exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
           "--use-pid-file=no", "--disable-shm",
           f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
           f"--load=module-null-sink sink_name={sink}",
           f"--load=module-virtual-source source_name={source} master={sink}.monitor",
           "--load=module-always-sink"]
    proc = subprocess.Popen(cmd, env=dict(os.environ, HOME=str(run_dir), **env),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        if socket.exists():
            for args in (["set-default-sink", sink], ["set-default-source", source]):
                subprocess.run([pactl, *args], env=dict(os.environ, **env), check=False,
                               timeout=10, capture_output=True)
            return Pulse(proc, env, sink, source), ""
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace")[-300:] if proc.stderr else ""
            return None, f"pulseaudio could not start: {err.strip()}"
        time.sleep(0.05)
    proc.terminate()
    proc.wait(5)
    return None, "pulseaudio did not create its socket within 5 s"


def stop_pulse(daemon: Pulse | None) -> None:
    if daemon is not None:
        daemon.proc.terminate()
        daemon.proc.wait(5)


def fail_on_running_threads(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Body of the autouse fixtures: fail the test if a UI QThread is still running."""
    yield
    from client.ui.workers import running_threads

    deadline = time.monotonic() + 5.0
    while running_threads() and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.02)
    left = running_threads()
    assert not left, f"{len(left)} QThread(s) still running at the end of the test"
