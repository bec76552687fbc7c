"""Fixtures of the end-to-end student test: a private PulseAudio, the thread-leak guard."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.qt_support import Pulse, fail_on_running_threads, start_private_pulse, stop_pulse

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="module")
def pulse() -> Iterator[tuple[Pulse | None, str]]:
    """(daemon, "") or (None, why): the caller skips only the audio part without it."""
    run_dir = Path(tempfile.mkdtemp(prefix="emtihan-e2e-pulse-"))
    daemon, reason = start_private_pulse(run_dir, "e2e_sink", "e2e_mic")
    yield daemon, reason
    stop_pulse(daemon)
    shutil.rmtree(run_dir, ignore_errors=True)


@pytest.fixture(autouse=True)
def no_thread_left_running(qapp):
    """Fail the test if a UI QThread of this process is still running when it ends
    (the student processes report their own count in their ``@@THREADS`` line)."""
    yield from fail_on_running_threads(qapp)
