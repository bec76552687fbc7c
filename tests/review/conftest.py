from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from .world import World, build_world  # noqa: E402


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Embedded server with one exam and four attempts (see world.py)."""
    built = build_world(Path(tmp_path_factory.mktemp("review-world")))
    yield built
    built.server.stop()


@pytest.fixture()
def no_thread_leak() -> Iterator[None]:
    """Fail the test if a review worker QThread is still running afterwards."""
    from client.ui.review.workers import live_threads

    yield
    left = live_threads()
    for thread in left:
        thread.quit()
        thread.wait(5000)
    assert not left, f"{len(left)} QThread(s) left running by the test"
