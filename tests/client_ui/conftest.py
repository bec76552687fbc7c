"""Fixtures for the student UI tests: offscreen Qt, thread-leak guard, PulseAudio loopback."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.qt_support import Pulse, fail_on_running_threads, start_private_pulse, stop_pulse

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
    yield from fail_on_running_threads(qapp)


@pytest.fixture(scope="session", autouse=True)
def _pulse_daemon() -> Iterator[tuple[Pulse | None, str]]:
    """Started for the whole session, before any test touches QtMultimedia."""
    daemon, reason = start_private_pulse(_PULSE_DIR, "emtihan_sink", "emtihan_mic")
    yield daemon, reason
    stop_pulse(daemon)
    shutil.rmtree(_PULSE_DIR, ignore_errors=True)


@pytest.fixture()
def pulse(_pulse_daemon: tuple[Pulse | None, str]) -> Pulse:
    """A private PulseAudio: null sink + virtual source on its monitor (loopback)."""
    daemon, reason = _pulse_daemon
    if daemon is None:
        pytest.skip(reason)
    return daemon


@pytest.fixture(scope="module")
def demo_world(tmp_path_factory):
    """The demo's embedded server with the signed sample exam, for walks on the real core."""
    from emtihan_demo import setup_world

    world = setup_world(tmp_path_factory.mktemp("demo-world"))
    yield world
    world.server.stop()


@pytest.fixture()
def fresh_demo_world(tmp_path):
    """A demo world of the test's own: for tests that stop its server or need the demo
    student's first attempt."""
    from emtihan_demo import setup_world

    world = setup_world(tmp_path / "demo")
    yield world
    world.server.stop()
