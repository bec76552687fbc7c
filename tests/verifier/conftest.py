"""Shared fixtures: photo paths, a session-wide engine and an encoding cache."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from verifier.config import VerifierConfig
from verifier.faces import detect_faces, encode_face
from verifier.imageio import read_image_file

FACES = (Path(__file__).resolve().parents[2] / ".." / "shared" / "faces").resolve()
FR = FACES / "face_recognition"
EX = FR / "examples"


def need_faces() -> None:
    if not FACES.is_dir():
        pytest.skip("shared test photos not available")


@pytest.fixture(scope="session")
def faces_root() -> Path:
    need_faces()
    return FACES


@pytest.fixture(scope="session")
def config() -> VerifierConfig:
    return VerifierConfig()


@pytest.fixture(scope="session")
def engine():
    need_faces()
    from verifier.face_adapter import default_engine

    return default_engine()


class EncodingCache:
    def __init__(self, engine, config: VerifierConfig) -> None:
        self.engine, self.config = engine, config
        self._images: dict[Path, np.ndarray] = {}
        self._enc: dict[Path, np.ndarray] = {}

    def image(self, path: Path) -> np.ndarray:
        if path not in self._images:
            self._images[path] = read_image_file(path)
        return self._images[path]

    def encoding(self, path: Path) -> np.ndarray:
        if path not in self._enc:
            img = self.image(path)
            faces = detect_faces(img, self.config, engine=self.engine)
            assert faces, f"no face in {path}"
            self._enc[path] = encode_face(img, faces[0], engine=self.engine)
        return self._enc[path]


@pytest.fixture(scope="session")
def cache(engine, config) -> EncodingCache:
    return EncodingCache(engine, config)


def fit_canvas(img: np.ndarray, width: int = 640, height: int = 480) -> np.ndarray:
    """Letterbox ``img`` into a webcam-sized frame."""
    scale = min(width / img.shape[1], height / img.shape[0])
    small = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    canvas = np.full((height, width, 3), 90, dtype=np.uint8)
    y = (height - small.shape[0]) // 2
    x = (width - small.shape[1]) // 2
    canvas[y : y + small.shape[0], x : x + small.shape[1]] = small
    return canvas


def noisy(frame: np.ndarray, rng: np.random.Generator, sigma: float = 3.0) -> np.ndarray:
    """Sensor-like noise so consecutive synthetic frames are not byte-identical."""
    noise = rng.normal(0.0, sigma, frame.shape)
    return np.clip(frame.astype(np.float64) + noise, 0, 255).astype(np.uint8)
