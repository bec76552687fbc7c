"""``emtihan-verify liveness VIDEO --order ...`` as a user runs it (a real subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from .corpus import HOLDERS, sequence

pytestmark = [pytest.mark.needs_faces, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
ORDER = ("turn_left", "blink", "turn_right")


def _write_video(path: Path, frames) -> Path:
    h, w = frames[0].shape[:2]
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15.0, (w, h))
    for frame in frames:
        out.write(np.asarray(frame))
    out.release()
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "verifier.cli", *args], capture_output=True,
                          text=True, timeout=240, env=env, cwd=ROOT, check=False)


@pytest.fixture(scope="module")
def videos(tmp_path_factory, cache, faces_root, engine):
    tmp = tmp_path_factory.mktemp("videos")
    photo = cache.image(faces_root / HOLDERS["leslie"][0])
    live = sequence("bona_fide", ORDER, "320x240", holder=photo, other=photo, engine=engine,
                    seed=4)
    still = sequence("still_noise", ORDER, "320x240", holder=photo, other=photo, engine=engine,
                     seed=4)
    return {"live": _write_video(tmp / "live.avi", live),
            "still": _write_video(tmp / "still.avi", still)}


def test_live_video_passes_with_steps_printed(videos, faces_root):
    doc = faces_root / HOLDERS["leslie"][1]
    run = _run("liveness", str(videos["live"]), "--order", ",".join(ORDER), "--id", str(doc))
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if line.startswith("step ")] == [
        "step 1 turn_left", "step 2 blink", "step 3 turn_right"]
    assert all(": passed (done at " in line for line in lines if line.startswith("step "))
    assert "liveness: passed" in lines and "outcome: match" in lines


def test_still_video_fails_with_reasons(videos):
    run = _run("liveness", str(videos["still"]), "--order", ",".join(ORDER))
    assert run.returncode == 1
    assert "liveness: FAILED" in run.stdout
    assert "reason: liveness_incomplete: Not all liveness steps were completed." in run.stdout
    assert "step 1 turn_left: FAILED (not done)" in run.stdout


def test_wrong_order_fails(videos):
    run = _run("liveness", str(videos["live"]), "--order", "turn_right,blink,turn_left")
    assert run.returncode == 1 and "liveness: FAILED" in run.stdout


@pytest.mark.parametrize("content", [b"not a video at all", b""])
def test_unusable_input_exits_2_without_traceback(tmp_path, content):
    bad = tmp_path / "clip.mp4"
    bad.write_bytes(content)
    run = _run("liveness", str(bad), "--order", "blink")
    assert run.returncode == 2
    assert "\nerror: The video" in "\n" + run.stderr  # ffmpeg may print its own line first
    assert "Traceback" not in run.stderr


def test_bad_order_exits_2(videos):
    run = _run("liveness", str(videos["still"]), "--order", "blink,smile")
    assert run.returncode == 2
    assert "liveness steps must be taken from" in run.stderr
