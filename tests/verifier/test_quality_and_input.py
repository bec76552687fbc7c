"""Quality gates and bad input: typed errors or reasons, never a crash."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from exam_packages.errors import FaceAnalysisError, ImageDecodeError
from verifier.faces import detect_faces
from verifier.identity import IdentityVerifier
from verifier.imageio import decode_image, normalise_frame, read_video_frames
from verifier.quality import face_reasons, frame_reasons

from .conftest import EX, fit_canvas

pytestmark = pytest.mark.needs_faces


def _png(img: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", img)
    assert ok
    return bytes(buf)


def _codes(img, config, engine):
    faces = detect_faces(img, config, engine=engine)
    assert len(faces) == 1
    return [r.code for r in face_reasons(img, faces[0], config)]


@pytest.fixture(scope="module")
def frontal(cache):
    return fit_canvas(cache.image(EX / "obama.jpg"))


def test_good_frame_has_no_reasons(frontal, config, engine):
    assert _codes(frontal, config, engine) == []


def test_too_dark(frontal, config, engine):
    dark = (frontal.astype(np.float64) * 0.22).astype(np.uint8)
    assert _codes(dark, config, engine) == ["too_dark"]


def test_too_bright(frontal, config, engine):
    bright = np.clip(frontal.astype(np.float64) * 0.35 + 190, 0, 255).astype(np.uint8)
    assert "too_bright" in _codes(bright, config, engine)


def test_backlight(frontal, config, engine):
    faces = detect_faces(frontal, config, engine=engine)
    f = faces[0]
    backlit = frontal.copy()
    mask = np.ones(frontal.shape[:2], dtype=bool)
    mask[f.top : f.bottom, f.left : f.right] = False
    backlit[mask] = 250
    face = backlit[f.top : f.bottom, f.left : f.right].astype(np.float64)
    backlit[f.top : f.bottom, f.left : f.right] = (face * 0.45).astype(np.uint8)
    assert "backlight" in _codes(backlit, config, engine)


def test_blurred(frontal, config, engine):
    blurred = cv2.GaussianBlur(frontal, (0, 0), 4)
    codes = _codes(blurred, config, engine)
    assert codes == ["blurred"]


def test_face_too_small(frontal, config, engine, cache):
    small = cv2.resize(cache.image(EX / "obama.jpg"), None, fx=0.32, fy=0.32)
    canvas = np.full((480, 640, 3), 90, dtype=np.uint8)
    canvas[100 : 100 + small.shape[0], 200 : 200 + small.shape[1]] = small
    faces = detect_faces(canvas, config, engine=engine)
    assert faces, "upscaled detection should still find the face"
    assert "face_too_small" in [r.code for r in face_reasons(canvas, faces[0], config)]


def test_face_cut_off(cache, config, engine):
    img = cache.image(EX / "obama.jpg")
    faces = detect_faces(img, config, engine=engine)
    f = faces[0]
    cropped = img[:, f.left + f.width // 8 :]  # cut the left edge of the face
    found = detect_faces(cropped, config, engine=engine)
    assert found
    assert "face_cut_off" in [r.code for r in face_reasons(cropped, found[0], config)]


def test_eyes_closed_reason_from_landmarks(frontal, config, engine):
    from dataclasses import replace

    face = detect_faces(frontal, config, engine=engine)[0]
    marks = face.landmarks.copy()
    for eye in (slice(36, 42), slice(42, 48)):
        centre = marks[eye, 1].mean()
        marks[eye, 1] = centre + (marks[eye, 1] - centre) * 0.2  # squash the eyelids
    reasons = face_reasons(frontal, replace(face, landmarks=marks), config)
    assert [r.code for r in reasons] == ["eyes_closed"]
    assert reasons[0].values["eye_aspect_ratio"] < config.closed_eye_ratio


def test_no_face_reason(config):
    reasons = frame_reasons(np.zeros((10, 10, 3), np.uint8), [], config)
    assert [(r.code, r.message) for r in reasons] == [
        ("no_face", "No face found. Look straight at the camera.")
    ]


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The image is empty."),
        (b"not an image at all", "The image could not be read (corrupt or unsupported file)."),
    ],
)
def test_garbage_bytes(data, message):
    with pytest.raises(ImageDecodeError) as info:
        decode_image(data)
    assert info.value.user_message == message
    assert info.value.code == "image_decode"


def test_truncated_jpeg(cache):
    ok, buf = cv2.imencode(".jpg", cache.image(EX / "obama.jpg"))
    data = bytes(buf)[: len(buf) // 3]
    try:
        img = decode_image(data)
    except ImageDecodeError as exc:
        assert "could not be" in exc.user_message
    else:  # libjpeg fills the missing part with gray: still a valid BGR frame
        assert img.dtype == np.uint8 and img.ndim == 3


def test_truncated_png():
    data = _png(np.full((200, 200, 3), 128, np.uint8))[:60]
    with pytest.raises(ImageDecodeError) as info:
        decode_image(data)
    assert "could not be" in info.value.user_message


def test_gray_rgba_and_16bit_are_normalised(cache):
    img = cache.image(EX / "obama_small.jpg")
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    rgba = cv2.cvtColor(img, cv2.COLOR_BGR2BGRA)
    deep = img.astype(np.uint16) * 257
    gray_bgr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    for variant, expected in ((gray, gray_bgr), (rgba, img), (deep, img)):
        out = decode_image(_png(variant))
        assert out.dtype == np.uint8 and out.shape == img.shape
        assert np.abs(out.astype(int) - expected.astype(int)).mean() < 1.0


def test_transparent_pixels_become_white():
    rgba = np.zeros((32, 32, 4), np.uint8)
    out = normalise_frame(rgba)
    assert out.shape == (32, 32, 3) and int(out.min()) == 255


def test_tiny_image_refused():
    with pytest.raises(ImageDecodeError) as info:
        decode_image(_png(np.zeros((8, 8, 3), np.uint8)))
    assert info.value.user_message == "The image is too small (8x8 pixels)."


def test_float_frame_refused():
    with pytest.raises(ImageDecodeError) as info:
        normalise_frame(np.zeros((40, 40, 3), np.float32))
    assert info.value.user_message == "Unsupported pixel type float32."


def test_huge_image_is_downscaled_before_detection(cache, config, engine):
    face = cache.image(EX / "obama.jpg")
    big = cv2.resize(face, (9000, 12000), interpolation=cv2.INTER_NEAREST)  # 108 Mpx
    ok, buf = cv2.imencode(".jpg", big, [cv2.IMWRITE_JPEG_QUALITY, 70])
    del big
    assert ok
    img = decode_image(bytes(buf))
    assert max(img.shape[:2]) <= 2048
    assert len(detect_faces(img, config, engine=engine)) == 1


def test_empty_and_missing_video(tmp_path):
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    with pytest.raises(FaceAnalysisError) as info:
        read_video_frames(empty)
    assert info.value.code in {"video_unreadable", "video_empty"}
    with pytest.raises(FaceAnalysisError) as info:
        read_video_frames(tmp_path / "nope.mp4")
    assert info.value.code == "video_unreadable"
    assert info.value.user_message.startswith("Video file not found")


def test_video_without_faces_gives_review(tmp_path, faces_root, cache, config, engine):
    path = tmp_path / "blank.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (320, 240))
    for i in range(10):
        writer.write(np.full((240, 320, 3), 100 + i, np.uint8))
    writer.release()
    frames = [f for _, f in read_video_frames(path, every_s=0.2)]
    assert 3 <= len(frames) <= 10
    doc = cache.image(faces_root / "id_docs/passporteye/passport-td3.jpg")
    decision = IdentityVerifier(config, engine).check(doc, frames)
    assert decision.outcome == "review"
    assert [r.code for r in decision.reasons] == ["live_no_usable_frame", "no_face"]
