"""Camera worker on a video file, camera verdicts, task workers and the thread-leak guard."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QThread

from client.core.devices import VideoFileCamera
from client.ui.camera import CameraStats, CameraWorker, camera_verdict, count_faces, open_camera
from client.ui.workers import run_task, running_threads
from exam_packages.errors import DeviceError, NetworkError

from .conftest import CLIP

needs_clip = pytest.mark.skipif(not CLIP.exists(), reason=f"shared clip missing: {CLIP}")


@needs_clip
def test_camera_worker_reads_video_file_and_stops_cleanly(qtbot):
    worker = CameraWorker(lambda: open_camera(str(CLIP)), face_counter=lambda f: 1)
    images, stats, errors = [], [], []
    worker.frame_ready.connect(images.append)
    worker.stats_ready.connect(stats.append)
    worker.user_message.connect(errors.append)
    worker.start()
    qtbot.waitUntil(lambda: len(stats) >= 2, timeout=15000)
    assert worker.stop(5000)
    assert not worker.isRunning() and worker not in running_threads()
    assert errors == []
    assert images[0].width() == 640 and images[0].height() == 360
    last = stats[-1]
    assert (last.width, last.height, last.faces) == (640, 360, 1)
    assert last.fps > 0 and 0 <= last.brightness <= 255


def test_camera_worker_reports_a_camera_that_cannot_open(qtbot, tmp_path):
    missing = tmp_path / "nope.mp4"
    worker = CameraWorker(lambda: VideoFileCamera(missing))
    with qtbot.waitSignal(worker.user_message, timeout=5000) as sig:
        worker.start()
    assert worker.wait(5000)
    assert sig.args == ["The video nope.mp4 cannot be opened."]
    assert worker.frames_read == 0


def test_camera_worker_reports_a_camera_without_picture(qtbot):
    class Dead:
        def read(self):
            return False, None

        def close(self):
            self.closed = True

    source = Dead()
    worker = CameraWorker(lambda: source)
    with qtbot.waitSignal(worker.user_message, timeout=5000) as sig:
        worker.start()
    assert worker.wait(5000)
    assert sig.args == ["The camera sends no picture."] and source.closed


def test_camera_verdict_hints():
    assert camera_verdict(CameraStats(640, 480, 25, 120, 1)) == (True, [])
    ok, hints = camera_verdict(CameraStats(320, 240, 5, 20, 0))
    assert not ok and hints == [
        "The picture is too small: choose a camera with at least 640×360.",
        "The camera is too slow: close other programs that use it.",
        "Too dark: turn on a light in front of you.",
        "No face visible: sit in front of the camera, face uncovered."]
    assert camera_verdict(CameraStats(640, 480, 25, 230, 2))[1] == [
        "Too bright: move away from the window or lamp behind the camera.",
        "More than one face visible: you must be alone."]
    assert camera_verdict(CameraStats(640, 480, 25, 120, None)) == (True, [])


def test_count_faces_uses_largest_face_brightness():
    class Box:
        def __init__(self, top, right, bottom, left):
            self.top, self.right, self.bottom, self.left = top, right, bottom, left

    frame = np.zeros((100, 100, 3), np.uint8)
    frame[10:60, 10:60] = 200
    n, grey = count_faces(lambda f: [Box(70, 80, 80, 70), Box(10, 60, 60, 10)], frame)
    assert n == 2 and grey == pytest.approx(200, abs=1)
    assert count_faces(lambda f: 3, frame) == (3, None)
    assert count_faces(lambda f: [], frame) == (0, None)


def test_open_camera_missing_file_is_a_device_error(tmp_path):
    with pytest.raises(DeviceError, match="cannot be opened"):
        open_camera(str(tmp_path / "missing.avi"))


def test_task_result_arrives_in_gui_thread(qtbot):
    main = QThread.currentThread()
    got, progress = [], []

    def work(report):
        report(1, 2)
        report(2, 2)
        return QThread.currentThread() is not main

    handle = run_task(work, got.append, None, lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert handle.wait(5000)
    assert got == [True] and progress == [(1, 2), (2, 2)]


def test_task_error_becomes_user_message(qtbot):
    messages, results = [], []

    def fail(_report):
        raise NetworkError("The exam server does not answer.")

    run_task(fail, results.append, messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    # the student reads the text for the error's code (client/ui/errors.py), translated
    assert messages == ["No connection to the exam server. Check your internet connection "
                        "and try again."] and results == []


def test_task_error_without_a_known_code_keeps_its_message(qtbot):
    from exam_packages.errors import SessionStateError

    messages: list[str] = []

    def fail(_report):
        raise SessionStateError("These checks must pass first: camera.")

    run_task(fail, None, messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages == ["These checks must pass first: camera."]


def test_unexpected_exception_is_caught_too(qtbot):
    messages = []
    run_task(lambda _r: 1 / 0, None, messages.append)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages == ["Something went wrong: division by zero"]


@needs_clip
def test_leak_guard_sees_a_running_thread(qtbot):
    worker = CameraWorker(lambda: open_camera(str(CLIP)))
    worker.start()
    try:
        assert worker in running_threads()
    finally:
        worker.stop()
    assert worker not in running_threads()


def test_a_task_is_no_longer_pending_once_it_has_reported(qtbot):
    """A button pressed just after the result came in must start new work; the thread
    may still be ending then (CI: "Check again" was ignored and the test timed out)."""
    import threading

    release, seen = threading.Event(), []
    handle = run_task(lambda _r: release.wait(5), lambda _r: seen.append(handle.pending))
    assert handle.pending  # working
    release.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False]  # reported, even though its thread may not have ended yet
    assert handle.wait(5000) and not handle.pending


class _TimedSource:
    """A camera delivering a frame every ``period`` seconds."""

    def __init__(self, period: float) -> None:
        self.period = period
        self.frame = np.full((360, 640, 3), 120, np.uint8)

    def read(self):
        time.sleep(self.period)
        return True, self.frame

    def close(self):
        pass


def _rate(qtbot, source, counter) -> float:
    worker = CameraWorker(lambda: source, face_counter=counter, max_fps=15, detect_every=2)
    stats: list = []
    worker.stats_ready.connect(stats.append)
    worker.start()
    qtbot.waitUntil(lambda: len(stats) >= 3, timeout=20000)
    assert worker.stop(5000)
    return stats[-1].fps


def test_a_slow_computer_does_not_make_a_good_camera_too_slow(qtbot):
    def slow_count(_frame):  # face counting on a weak or busy computer: 0.3 s
        time.sleep(0.3)
        return 1

    fps = _rate(qtbot, _TimedSource(1 / 30), slow_count)
    assert fps >= 10  # the camera's rate (about 15 with the pacing), not the loop's (~5)


def test_a_slow_camera_is_still_too_slow(qtbot):
    fps = _rate(qtbot, _TimedSource(0.2), lambda _f: 1)
    assert fps < 10  # 5 frames/s from the camera itself
