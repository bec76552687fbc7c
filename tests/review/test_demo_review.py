"""The demo's screen path: after the student hands in, the review tool opens on it."""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from emtihan_demo import PASSPHRASE, DemoWorld, setup_world
from emtihan_demo.flow import run_headless_student
from emtihan_demo.review import build_review_window


@pytest.fixture(scope="module")
def demo_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DemoWorld, str]]:
    world = setup_world(Path(tmp_path_factory.mktemp("demo-review")))
    args = argparse.Namespace(video=None, id_image=None, no_verifier=False)
    attempt_id = run_headless_student(world, args, random.Random(7))
    yield world, attempt_id
    world.server.stop()


def test_review_tool_opens_the_demo_session_verified(qtbot, demo_world, no_thread_leak) -> None:
    world, attempt_id = demo_world
    window = build_review_window(world, PASSPHRASE)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.exam is not None,
                    timeout=20000)
    window.select_attempt(attempt_id)
    window.open_selected()
    qtbot.waitUntil(lambda: "Opened" in window.status.text(), timeout=20000)
    record = window.selected_record()
    assert record is not None and record.summary.attempt_id == attempt_id
    assert record.verification == "verified", window.status.text()
    assert attempt_id in window.papers  # the paper was rebuilt from the same seed
    window.runner.wait()


def test_prepared_sign_in_values_are_printed(demo_world, capsys) -> None:
    from emtihan_demo.review import prepare_review

    world, _ = demo_world
    values = prepare_review(world, institution_passphrase=PASSPHRASE)
    out = capsys.readouterr().out
    assert "emtihan-review" in out and str(values["token"]) in out
    assert PASSPHRASE.decode() in out  # the demo's keys can be opened by hand
    assert Path(str(values["invigilator_key"])).stat().st_mode & 0o777 == 0o600
