"""Camera sources, the camera check and the Qt-free half of the audio check.

Camera sources implement :class:`CameraSource`: ``read() -> (ok, frame_bgr | None)``,
``fps``, ``resolution`` ``(width, height)``, ``close()``.  Every frame they return is a
``verifier.capture.TimedFrame``: the array plus ``capture_t``, seconds on the monotonic
clock when it was captured (a file played ``realtime=False`` uses its media time), so the
liveness challenge is timed by the camera, not by list positions.

* ``VideoFileCamera(path, loop=True, realtime=True)``: a video file, a folder of
  images (sorted by name) or a single image, through OpenCV.  ``realtime`` paces
  ``read()`` to the source fps (skipping frames when the caller is slow), as a real
  webcam would; tests and the headless demo use ``realtime=False``.
* ``OpenCVCamera(index=0)``: a real webcam (``DeviceError`` if it cannot be opened).
* ``SyntheticCamera(width=640, height=480, fps=15, face_image=None)``: generated
  frames (a face photo moving slightly, or a moving shape), for machines with nothing.

``camera_check(source, seconds=2.0, face_counter=default) -> CameraCheckResult`` reads
``seconds * fps`` frames, measures fps, resolution, brightness and (on a few frames)
how many faces the verifier sees, and gives fix hints in plain words.

Audio check (the UI owns the audio devices): ``level_dbfs(samples)``,
``LevelMeter`` (0..1 bar with peak hold), ``make_digits(rng, n=3)``,
``beep_sequence(digits, rate=16000)`` (digit d = d short beeps, then a pause) and
``check_digits_answer(expected, answer) -> bool``.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from exam_packages.errors import DeviceError
from verifier.capture import stamp

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}
MIN_FPS, MIN_WIDTH, MIN_HEIGHT = 10.0, 320, 240
DARK, BRIGHT = 60.0, 215.0


class CameraSource(Protocol):
    fps: float
    resolution: tuple[int, int]

    def read(self) -> tuple[bool, np.ndarray | None]: ...

    def close(self) -> None: ...


class VideoFileCamera:
    def __init__(self, path: str | Path, loop: bool = True, realtime: bool = True,
                 fps: float | None = None, *, now: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.path = Path(path)
        self._now, self._sleep = now, sleep
        self.loop, self.realtime = loop, realtime
        self._images: list[Path] = []
        self._cap: Any = None
        self._index = 0
        if self.path.is_dir():
            self._images = sorted(p for p in self.path.iterdir()
                                  if p.suffix.lower() in IMAGE_SUFFIXES)
        elif self.path.suffix.lower() in IMAGE_SUFFIXES:
            self._images = [self.path]
        else:
            self._cap = cv2.VideoCapture(str(self.path))
            if not self._cap.isOpened():
                raise DeviceError(f"The video {self.path.name} cannot be opened.")
        if not self._images and self._cap is None:
            raise DeviceError(f"No images found in {self.path}.")
        native = float(self._cap.get(cv2.CAP_PROP_FPS)) if self._cap is not None else 0.0
        self.fps = fps or (native if native > 0 else 15.0)
        first = self._peek()
        self.resolution = (int(first.shape[1]), int(first.shape[0]))
        self._t0 = self._now()
        self._served = 0  # frames returned: the media clock when not realtime

    def _peek(self) -> np.ndarray:
        ok, frame = self._next()
        if not ok or frame is None:
            raise DeviceError(f"{self.path.name} has no readable frames.")
        self._rewind()
        return frame

    def _rewind(self) -> None:
        self._index = 0
        if self._cap is not None:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)

    def _next(self) -> tuple[bool, np.ndarray | None]:
        if self._cap is not None:
            ok, frame = self._cap.read()
            self._index += 1
            return bool(ok), frame if ok else None
        if self._index >= len(self._images):
            return False, None
        frame = cv2.imread(str(self._images[self._index]))
        self._index += 1
        return frame is not None, frame

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self.realtime:
            target = int((self._now() - self._t0) * self.fps)
            if target < self._index:  # too early: wait for the next frame time
                self._sleep((self._index - target) / self.fps)
            while self._index < target:  # caller was slow: skip like a live camera
                ok, _ = self._next()
                if not ok:
                    break
        ok, frame = self._next()
        if not ok and self.loop:
            self._rewind()
            self._t0 = self._now()
            ok, frame = self._next()
        if not ok or frame is None:
            return False, None
        self._served += 1
        t = self._now() if self.realtime else self._served / self.fps
        return True, stamp(frame, t)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class OpenCVCamera:
    def __init__(self, index: int = 0) -> None:
        self._cap = cv2.VideoCapture(index)
        if not self._cap.isOpened():
            raise DeviceError(
                "The camera cannot be opened. Close other programs that use it and check "
                "that this app may use the camera."
            )
        self.fps = float(self._cap.get(cv2.CAP_PROP_FPS)) or 30.0
        self.resolution = (int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
                           int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))

    def read(self) -> tuple[bool, np.ndarray | None]:
        ok, frame = self._cap.read()
        if not ok or frame is None:
            return False, None
        return True, stamp(frame, time.monotonic())

    def close(self) -> None:
        self._cap.release()


class SyntheticCamera:
    """Generated frames; with ``face_image`` (BGR) the photo drifts a few pixels."""

    def __init__(self, width: int = 640, height: int = 480, fps: float = 15.0,
                 face_image: np.ndarray | None = None, brightness: int = 128) -> None:
        self.fps, self.resolution = fps, (width, height)
        self._n = 0
        self._brightness = brightness
        self._face = None
        if face_image is not None:
            scale = min(width / face_image.shape[1], height / face_image.shape[0]) * 0.9
            self._face = cv2.resize(face_image, None, fx=scale, fy=scale)

    def read(self) -> tuple[bool, np.ndarray | None]:
        w, h = self.resolution
        frame = np.full((h, w, 3), self._brightness, np.uint8)
        dx = int(6 * math.sin(self._n / 5))
        if self._face is not None:
            fh, fw = self._face.shape[:2]
            y, x = (h - fh) // 2, max(0, min(w - fw, (w - fw) // 2 + dx))
            frame[y:y + fh, x:x + fw] = self._face
        else:
            cv2.circle(frame, (w // 2 + dx * 5, h // 2), h // 6, (40, 90, 200), -1)
        self._n += 1
        return True, stamp(frame, self._n / self.fps)

    def close(self) -> None:
        pass


# ---------------------------------------------------------------------- camera check
@dataclass
class CameraCheckResult:
    ok: bool
    frames: int
    resolution: tuple[int, int]
    fps: float
    brightness: float
    faces: int | None  # most faces seen on the sampled frames; None = no detector
    # brightness: mean gray of the largest face found, else of the whole frame
    hints: list[str] = field(default_factory=list)
    preview: np.ndarray | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "frames": self.frames, "width": self.resolution[0],
                "height": self.resolution[1], "fps": f"{self.fps:.1f}",
                "brightness": f"{self.brightness:.0f}", "faces": self.faces,
                "hints": list(self.hints)}


FaceCounter = Callable[[np.ndarray], Any]
"""frame -> a face count (int) or a list of boxes with ``top/right/bottom/left``."""




def default_face_counter(wait: bool = True) -> FaceCounter | None:
    """Finds faces with the verifier (dlib), or None when it is not installed.  With
    ``wait=False`` the counter returns None instead of waiting while another thread uses
    dlib (the camera thread during the identity check: a capture must not pause)."""
    try:
        from verifier.config import VerifierConfig
        from verifier.face_adapter import dlib_turn
        from verifier.faces import detect_faces
    except ImportError:
        return None
    config = VerifierConfig()

    def count(frame: np.ndarray) -> Any:
        # thread-safe: verifier.face_adapter serialises every dlib call
        with dlib_turn(wait) as mine:
            return detect_faces(frame, config) if mine else None

    return count


def _faces_and_brightness(counter: FaceCounter, frames: list[np.ndarray],
                          samples: int) -> tuple[int, float | None]:
    """Most faces on the sampled frames, and the mean gray of the largest face seen."""
    step = max(1, len(frames) // samples)
    most, face_gray = 0, None
    for frame in frames[::step][:samples]:
        found = counter(frame)
        if isinstance(found, int):
            most = max(most, found)
            continue
        most = max(most, len(found))
        if found:
            box = max(found, key=lambda b: (b.bottom - b.top) * (b.right - b.left))
            gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
            region = gray[max(0, box.top):box.bottom, max(0, box.left):box.right]
            if region.size:
                face_gray = float(region.mean())
    return most, face_gray


def _hints(res: CameraCheckResult) -> list[str]:
    hints = []
    if res.frames == 0:
        return ["The camera gives no picture: close other programs that use it, check the "
                "cable and that this app may use the camera."]
    if res.brightness < DARK:
        hints.append("The picture is too dark: turn on a light in front of you.")
    if res.brightness > BRIGHT:
        hints.append("The picture is too bright: move away from the window or lamp behind you.")
    if res.fps < MIN_FPS:
        hints.append("The camera is slow: close other programs, or plug in the laptop.")
    if res.resolution[0] < MIN_WIDTH or res.resolution[1] < MIN_HEIGHT:
        hints.append("The camera resolution is too low; use another camera.")
    if res.faces == 0:
        hints.append("No face is visible: sit in front of the camera, face in the middle.")
    if res.faces is not None and res.faces > 1:
        hints.append("More than one face is visible: you must be alone in the picture.")
    return hints


def camera_check(source: CameraSource, seconds: float = 2.0,
                 face_counter: FaceCounter | None | str = "default",
                 face_samples: int = 3,
                 now: Callable[[], float] = time.monotonic) -> CameraCheckResult:
    counter = default_face_counter() if face_counter == "default" else face_counter
    wanted = max(1, int(seconds * (source.fps or 15.0)))
    frames: list[np.ndarray] = []
    t0 = now()
    for _ in range(wanted):
        ok, frame = source.read()
        if not ok or frame is None:
            break
        frames.append(frame)
    elapsed = now() - t0
    fps = len(frames) / elapsed if elapsed > 0.5 else float(source.fps)
    bright = float(np.mean([cv2.cvtColor(f, cv2.COLOR_BGR2GRAY).mean() for f in frames])
                   ) if frames else 0.0
    faces, face_gray = None, None
    if callable(counter) and frames:
        faces, face_gray = _faces_and_brightness(counter, frames, face_samples)
    res = CameraCheckResult(False, len(frames), source.resolution, fps,
                            bright if face_gray is None else face_gray, faces,
                            preview=frames[-1] if frames else None)
    res.hints = _hints(res)
    res.ok = not res.hints
    return res


# ---------------------------------------------------------------------- audio check
def level_dbfs(samples: np.ndarray) -> float:
    """RMS level in dBFS (int16 or float in [-1, 1]); silence is -120."""
    data = samples.astype(np.float64)
    if samples.dtype == np.int16:
        data = data / 32768.0
    rms = float(np.sqrt(np.mean(data ** 2))) if data.size else 0.0
    return max(-120.0, 20 * math.log10(rms)) if rms > 0 else -120.0


class LevelMeter:
    """Maps dBFS to a 0..1 bar (-60 dB = 0, 0 dB = 1) with a decaying peak hold."""

    def __init__(self, floor_db: float = -60.0, decay_per_block: float = 0.05) -> None:
        self.floor_db, self.decay = floor_db, decay_per_block
        self.level = 0.0
        self.peak = 0.0
        self.loudest_db = -120.0

    def update(self, samples: np.ndarray) -> float:
        db = level_dbfs(samples)
        self.loudest_db = max(self.loudest_db, db)
        self.level = min(1.0, max(0.0, (db - self.floor_db) / -self.floor_db))
        self.peak = max(self.level, self.peak - self.decay)
        return self.level

    def heard_voice(self, threshold_db: float = -40.0) -> bool:
        return self.loudest_db >= threshold_db


def make_digits(rng: random.Random, n: int = 3) -> str:
    """Digits 1..5 (so each is a countable number of beeps)."""
    return "".join(str(rng.randint(1, 5)) for _ in range(n))


def beep_sequence(digits: str, rate: int = 16000, freq: float = 880.0) -> np.ndarray:
    """float32 mono: digit d = d beeps of 120 ms (80 ms apart), 700 ms between digits."""
    def tone(seconds: float) -> np.ndarray:
        t = np.arange(int(rate * seconds)) / rate
        ramp = np.minimum(1.0, np.minimum(t, seconds - t) / 0.01)
        return (0.5 * np.sin(2 * np.pi * freq * t) * ramp).astype(np.float32)

    def silence(seconds: float) -> np.ndarray:
        return np.zeros(int(rate * seconds), np.float32)

    parts: list[np.ndarray] = [silence(0.3)]
    for digit in digits:
        for _ in range(int(digit)):
            parts += [tone(0.12), silence(0.08)]
        parts.append(silence(0.7))
    return np.concatenate(parts)


def check_digits_answer(expected: str, answer: str) -> bool:
    typed = "".join(ch for ch in answer if not ch.isspace() and ch not in "-,.")
    return typed == expected
