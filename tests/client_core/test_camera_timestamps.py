"""Camera sources stamp every frame with its capture time (verifier.capture contract)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from client.core.devices import SyntheticCamera, VideoFileCamera
from verifier.capture import capture_time, timed_sequence


def _read(source, n):
    frames = []
    for _ in range(n):
        ok, frame = source.read()
        assert ok
        frames.append(frame)
    return frames


def test_synthetic_camera_frames_carry_times_at_its_rate():
    frames = _read(SyntheticCamera(fps=15.0), 4)
    times = [capture_time(f) for f in frames]
    assert times == [1 / 15, 2 / 15, 3 / 15, 4 / 15]
    assert [t for t, _ in timed_sequence(frames)] == times


def test_video_file_camera_uses_media_time_or_the_clock(tmp_path: Path):
    path = tmp_path / "clip.avi"
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (64, 48))
    for i in range(3):
        out.write(np.full((48, 64, 3), 40 * i, np.uint8))
    out.release()
    fast = VideoFileCamera(path, loop=True, realtime=False)
    assert [capture_time(f) for f in _read(fast, 5)] == [0.1, 0.2, 0.3, 0.4, 0.5]  # loops on
    clock = [100.0]
    live = VideoFileCamera(path, loop=False, realtime=True, now=lambda: clock[0],
                           sleep=lambda s: None)
    times = []
    for _ in range(2):
        clock[0] += 0.1  # the camera delivers when the clock says so
        times.append(capture_time(_read(live, 1)[0]))
    assert times == [pytest.approx(100.1), pytest.approx(100.2)]
    fast.close()
    live.close()
