from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from client.core.devices import (
    LevelMeter,
    SyntheticCamera,
    VideoFileCamera,
    beep_sequence,
    camera_check,
    check_digits_answer,
    level_dbfs,
    make_digits,
)
from client.core.eventlog import ALERT, INFO, NOTICE, WARNING, EventLog
from client.core.proctor import Proctor
from exam_packages.errors import DeviceError
from tests.support.clocks import FakeClock

FACES = Path(__file__).resolve().parents[2] / ".." / "shared" / "faces"
CLIP = FACES / "face_recognition" / "examples" / "short_hamilton_clip.mp4"


def test_video_file_camera_reads_and_loops() -> None:
    if not CLIP.exists():
        pytest.skip("shared clip missing")
    cam = VideoFileCamera(CLIP, loop=True, realtime=False)
    assert cam.fps > 0 and cam.resolution[0] > 0
    frames = 0
    for _ in range(300):
        ok, frame = cam.read()
        assert ok and frame is not None and frame.shape[1] == cam.resolution[0]
        frames += 1
    cam.close()
    assert frames == 300


def test_image_folder_camera_without_loop_ends(tmp_path: Path) -> None:
    for i in range(3):
        cv2.imwrite(str(tmp_path / f"f{i}.png"), np.full((240, 320, 3), 40 * i, np.uint8))
    cam = VideoFileCamera(tmp_path, loop=False, realtime=False, fps=5)
    got = [cam.read() for _ in range(4)]
    assert [ok for ok, _ in got] == [True, True, True, False]
    assert cam.resolution == (320, 240)


def test_unreadable_sources_raise_device_error(tmp_path: Path) -> None:
    with pytest.raises(DeviceError, match="No images found"):
        VideoFileCamera(tmp_path)
    bad = tmp_path / "x.mp4"
    bad.write_bytes(b"not a video")
    with pytest.raises(DeviceError, match="x.mp4"):
        VideoFileCamera(bad)


def test_camera_check_good_and_hints() -> None:
    good = camera_check(SyntheticCamera(fps=15), seconds=1, face_counter=lambda f: 1)
    assert good.ok and good.frames == 15 and good.hints == [] and good.faces == 1
    assert good.to_dict()["width"] == 640
    dark = camera_check(SyntheticCamera(brightness=10), seconds=1, face_counter=lambda f: 0)
    assert not dark.ok
    assert dark.hints == ["The picture is too dark: turn on a light in front of you.",
                          "No face is visible: sit in front of the camera, face in the middle."]
    two = camera_check(SyntheticCamera(), seconds=1, face_counter=lambda f: 2)
    assert two.hints == ["More than one face is visible: you must be alone in the picture."]


def test_camera_check_with_real_detector_on_photo() -> None:
    photo = FACES / "face_recognition" / "examples" / "obama.jpg"
    if not photo.exists():
        pytest.skip("shared photos missing")
    face = cv2.imread(str(photo))
    result = camera_check(SyntheticCamera(face_image=face), seconds=0.2, face_samples=1)
    assert result.faces == 1 and result.ok


def test_audio_level_and_digits() -> None:
    t = np.arange(16000) / 16000
    sine = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    assert level_dbfs(sine) == pytest.approx(20 * np.log10(0.5 / np.sqrt(2)), abs=0.01)
    assert level_dbfs(np.zeros(100, np.int16)) == -120.0
    assert level_dbfs((sine * 32767).astype(np.int16)) == pytest.approx(level_dbfs(sine), abs=0.01)
    meter = LevelMeter()
    assert meter.update(sine) == pytest.approx(1 + level_dbfs(sine) / 60)
    assert meter.heard_voice()
    digits = make_digits(random.Random(7), 3)
    assert len(digits) == 3 and set(digits) <= set("12345")
    audio = beep_sequence("21", rate=8000)
    expected = 0.3 + 2 * 0.2 + 0.7 + 1 * 0.2 + 0.7
    assert len(audio) == pytest.approx(expected * 8000, abs=3)
    assert check_digits_answer("314", " 3 1-4 ") and not check_digits_answer("314", "341")


@dataclass
class _Event:
    kind: str
    severity: str
    thumbnail_jpeg: bytes | None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "severity": self.severity}


class _Analyser:
    def process_frame(self, t: float, frame: np.ndarray) -> list[_Event]:
        return [_Event("no_face", "high", b"jpg-high"), _Event("face_ok", "info", b"jpg-info")]

    def process_audio(self, t: float, samples: np.ndarray, rate: int) -> list[_Event]:
        return [_Event("voice", "low", None)]


def test_proctor_writes_events_with_thumbnails_only_for_flags(tmp_path: Path) -> None:
    with EventLog(tmp_path / "log", clock=FakeClock()) as log:
        proctor = Proctor(log.append, _Analyser())
        written = proctor.process_frame(0.0, np.zeros((10, 10, 3), np.uint8))
        written += proctor.process_audio(0.0, np.zeros(160, np.int16), 16000)
        written.append(proctor.focus_lost(3.6))
        written.append(proctor.extra_screen(2))
        written.append(proctor.extra_screen(3, thumbnail=b"desktop"))
        assert [(r["kind"], r["severity"]) for r in written] == [
            ("no_face", ALERT), ("face_ok", INFO), ("voice", NOTICE),
            ("focus_lost", WARNING), ("extra_screen", ALERT), ("extra_screen", ALERT)]
        assert "thumb_sha256" in written[0] and "thumb_sha256" not in written[1]
        assert written[3]["data"] == {"seconds": 4}
        assert "thumb_sha256" not in written[4] and written[5]["data"] == {"screens": 3}
        assert log.evidence() == {written[0]["thumb_sha256"]: b"jpg-high",
                                  written[5]["thumb_sha256"]: b"desktop"}
        log.seal(Ed25519PrivateKey.generate())


def test_proctor_with_real_analyser_flags_covered_camera(tmp_path: Path) -> None:
    with EventLog(tmp_path / "log", clock=FakeClock()) as log:
        proctor = Proctor.with_verifier(log.append)
        black = np.zeros((240, 320, 3), np.uint8)
        written = []
        for i in range(60):
            written += proctor.process_frame(i * 0.5, black)
        kinds = [r["kind"] for r in written]
        assert "camera_covered" in kinds
        covered = written[kinds.index("camera_covered")]
        assert covered["severity"] >= WARNING


def test_realtime_pacing_skips_and_waits_with_injected_clock(tmp_path: Path) -> None:
    for i in range(20):
        cv2.imwrite(str(tmp_path / f"{i:02d}.png"), np.full((48, 64, 3), i * 10, np.uint8))
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    cam = VideoFileCamera(tmp_path, loop=False, realtime=True, fps=10, now=lambda: now[0],
                          sleep=sleep)
    ok, first = cam.read()  # t=0: frame 0, no wait
    assert ok and first is not None and int(first[0, 0, 0]) == 0 and slept == []
    ok, second = cam.read()  # still t=0: must wait 0.1 s for frame 1
    assert second is not None and int(second[0, 0, 0]) == 10
    assert slept == [pytest.approx(0.1)]
    now[0] += 0.75  # the caller was slow: frames 2..8 are skipped like a live camera
    ok, late = cam.read()
    assert late is not None and int(late[0, 0, 0]) == 80
