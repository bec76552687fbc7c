"""Decoding images and videos into BGR uint8 frames (OpenCV convention).

Everything that comes from outside (uploaded ID scans, files given to the CLI)
goes through :func:`decode_image` / :func:`normalise_frame`, so the rest of
the verifier can assume ``HxWx3 uint8`` frames of a bounded size.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from exam_packages.errors import FaceAnalysisError, ImageDecodeError

MAX_DECODE_PIXELS = 150_000_000  # refuse decompression bombs before decoding (<= 450 MB BGR)
DEFAULT_MAX_SIDE = 2048  # decoded images are downscaled to this longest side
MIN_SIDE = 16


def _header_size(data: bytes) -> tuple[int, int, str]:
    """(width, height, format) from the header only, without decoding pixels."""
    try:
        with warnings.catch_warnings():  # PIL warns on > 89 Mpx; our own limit applies
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                return int(img.width), int(img.height), str(img.format or "")
    except Exception as exc:  # PIL raises many types for garbage input
        raise ImageDecodeError(
            "The image could not be read (corrupt or unsupported file)."
        ) from exc


def _reduced_flag(width: int, height: int, fmt: str, max_side: int) -> int:
    """OpenCV decodes JPEGs at 1/2, 1/4, 1/8 scale cheaply: use it for huge photos."""
    if fmt != "JPEG":
        return cv2.IMREAD_UNCHANGED
    longest = max(width, height)
    for factor, flag in ((8, cv2.IMREAD_REDUCED_COLOR_8), (4, cv2.IMREAD_REDUCED_COLOR_4),
                         (2, cv2.IMREAD_REDUCED_COLOR_2)):
        if longest // factor >= max_side:
            return flag
    return cv2.IMREAD_UNCHANGED


def decode_image(data: bytes, *, max_side: int = DEFAULT_MAX_SIDE) -> np.ndarray:
    """Decode image bytes to a BGR uint8 array no larger than ``max_side``.

    Gray, BGRA and 16-bit images are normalised.  Corrupt, truncated, empty,
    tiny and absurdly large inputs raise :class:`ImageDecodeError`.
    """
    if not data:
        raise ImageDecodeError("The image is empty.")
    width, height, fmt = _header_size(data)
    if width * height > MAX_DECODE_PIXELS:
        raise ImageDecodeError(f"The image is too large ({width}x{height} pixels).")
    if min(width, height) < MIN_SIDE:
        raise ImageDecodeError(f"The image is too small ({width}x{height} pixels).")
    flag = _reduced_flag(width, height, fmt, max_side)
    buf = np.frombuffer(data, dtype=np.uint8)
    try:
        img = cv2.imdecode(buf, flag)
    except cv2.error as exc:
        raise ImageDecodeError("The image could not be decoded.") from exc
    if img is None or img.size == 0:
        raise ImageDecodeError("The image could not be decoded (corrupt or truncated).")
    return normalise_frame(img, max_side=max_side)


def normalise_frame(img: np.ndarray, *, max_side: int | None = None) -> np.ndarray:
    """Return a contiguous BGR uint8 copy of ``img`` (gray/BGRA/16-bit accepted)."""
    if not isinstance(img, np.ndarray) or img.ndim not in (2, 3) or img.size == 0:
        raise ImageDecodeError("The frame is not an image array.")
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    elif img.dtype != np.uint8:
        raise ImageDecodeError(f"Unsupported pixel type {img.dtype}.")
    if img.ndim == 2 or img.shape[2] == 1:
        img = cv2.cvtColor(img.reshape(img.shape[0], img.shape[1]), cv2.COLOR_GRAY2BGR)
    elif img.shape[2] == 4:
        img = _flatten_alpha(img)
    elif img.shape[2] != 3:
        raise ImageDecodeError(f"Unsupported number of channels ({img.shape[2]}).")
    if min(img.shape[:2]) < MIN_SIDE:
        raise ImageDecodeError(f"The image is too small ({img.shape[1]}x{img.shape[0]} pixels).")
    if max_side is not None and max(img.shape[:2]) > max_side:
        scale = max_side / max(img.shape[:2])
        img = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(img)


def _flatten_alpha(bgra: np.ndarray) -> np.ndarray:
    """Composite over white: transparent areas of scans become paper-white."""
    alpha = bgra[:, :, 3:4].astype(np.float32) / 255.0
    rgb = bgra[:, :, :3].astype(np.float32)
    out = rgb * alpha + 255.0 * (1.0 - alpha)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def read_image_file(path: str | Path, *, max_side: int = DEFAULT_MAX_SIDE) -> np.ndarray:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ImageDecodeError(f"Cannot read image file {path}: {exc.strerror}") from exc
    return decode_image(data, max_side=max_side)


def read_video_frames(
    path: str | Path, *, every_s: float = 0.2, max_frames: int = 150,
    max_side: int = DEFAULT_MAX_SIDE,
) -> list[tuple[float, np.ndarray]]:
    """Sample ``(t_seconds, frame)`` pairs from a video file, one every ``every_s``.

    Raises :class:`FaceAnalysisError` if the file cannot be opened or holds no frame.
    """
    if not Path(path).is_file():
        raise FaceAnalysisError(f"Video file not found: {path}", code="video_unreadable")
    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            raise FaceAnalysisError(
                f"The video {path} could not be opened.", code="video_unreadable"
            )
        fps = cap.get(cv2.CAP_PROP_FPS) or 0.0
        fps = fps if 1.0 <= fps <= 240.0 else 30.0
        out: list[tuple[float, np.ndarray]] = []
        index, next_t = 0, 0.0
        while len(out) < max_frames:
            ok, frame = cap.read()
            if not ok or frame is None:
                break
            t = index / fps
            index += 1
            if t + 1e-9 >= next_t:
                out.append((t, normalise_frame(frame, max_side=max_side)))
                next_t = t + every_s
    finally:
        cap.release()
    if not out:
        raise FaceAnalysisError(f"The video {path} contains no frames.", code="video_empty")
    return out
