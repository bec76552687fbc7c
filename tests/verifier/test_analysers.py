"""Continuous analysers on synthetic camera and microphone streams."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import InputError
from verifier.analysers import SessionAnalyser
from verifier.config import VerifierConfig
from verifier.faces import detect_faces
from verifier.identity import Template

from .conftest import EX, fit_canvas, noisy

pytestmark = pytest.mark.needs_faces

FAST = VerifierConfig(encode_every_s=1.0, different_person_s=2.0)


def run(analyser, frames, fps=5.0, t0=0.0):
    events = []
    for i, frame in enumerate(frames):
        events += analyser.process_frame(t0 + i / fps, frame)
    return events


@pytest.fixture(scope="module")
def frames(cache, engine):
    rng = np.random.default_rng(11)
    obama = fit_canvas(cache.image(EX / "obama.jpg"))
    biden = fit_canvas(cache.image(EX / "knn_examples/train/biden/biden2.jpg"))
    pair = np.full((480, 640, 3), 90, np.uint8)
    pair[:, :320] = head_crop(cache.image(EX / "obama.jpg"), engine)
    pair[:, 320:] = head_crop(cache.image(EX / "biden.jpg"), engine)
    texture = cv2.GaussianBlur(rng.integers(0, 255, (480, 640, 3), dtype=np.uint8), (0, 0), 3)
    texture = cv2.normalize(texture, None, 30, 220, cv2.NORM_MINMAX)
    return {
        "obama": obama, "biden": biden, "pair": pair, "texture": texture,
        "dark": np.full((480, 640, 3), 8, np.uint8), "rng": rng,
    }


def head_crop(img, engine):
    """320x480 portrait around the largest face (face ~ 55 % of the width)."""
    face = detect_faces(img, VerifierConfig(), engine=engine)[0]
    cx, cy = (face.left + face.right) // 2, (face.top + face.bottom) // 2
    half = int(face.width * 0.9)
    x0, y0 = max(cx - half, 0), max(cy - int(half * 1.5), 0)
    crop = img[y0 : cy + int(half * 1.5), x0 : cx + half]
    return cv2.resize(crop, (320, 480), interpolation=cv2.INTER_AREA)


def stream(frames, name, n):
    return [noisy(frames[name], frames["rng"]) for _ in range(n)]


def test_no_face_after_sustain_then_ended(frames, config, engine):
    analyser = SessionAnalyser(config, None, engine)
    seq = stream(frames, "obama", 5) + stream(frames, "texture", 35) + stream(frames, "obama", 10)
    events = run(analyser, seq)
    assert [e.kind for e in events] == ["no_face", "no_face_ended"]
    start = events[0]
    assert start.t_start == pytest.approx(1.0)
    assert start.t - start.t_start == pytest.approx(config.no_face_s)
    assert start.severity == "medium"
    assert events[1].severity == "info" and events[1].thumbnail_jpeg is None


def test_several_faces(frames, config, engine):
    analyser = SessionAnalyser(config, None, engine)
    events = run(analyser, stream(frames, "obama", 3) + stream(frames, "pair", 10))
    assert [e.kind for e in events] == ["several_faces"]
    assert events[0].values["faces"] == 2 and events[0].severity == "high"


def test_different_person(frames, cache, engine):
    template = Template.from_encodings([cache.encoding(EX / "obama.jpg")])
    same = SessionAnalyser(FAST, template, engine)
    assert run(same, stream(frames, "obama", 25)) == []
    assert same.last_values["distance"] < FAST.match_threshold
    other = SessionAnalyser(FAST, template, engine)
    before = template.vector.copy()
    events = run(other, stream(frames, "obama", 5) + stream(frames, "biden", 20))
    assert [e.kind for e in events] == ["different_person"]
    assert np.array_equal(template.vector, before)  # the enrolled template never adapts
    assert float(events[0].values["distance"]) > FAST.match_threshold
    assert events[0].t - events[0].t_start >= FAST.different_person_s


def test_camera_covered(frames, config, engine):
    analyser = SessionAnalyser(config, None, engine)
    events = run(analyser, stream(frames, "obama", 3) + stream(frames, "dark", 20))
    assert [e.kind for e in events] == ["camera_covered"]
    assert events[0].values["mean"] < config.covered_mean


def test_looking_away(frames, cache, engine):
    cfg = VerifierConfig(looking_away_yaw_deg=25.0, looking_away_s=2.0)
    turned = fit_canvas(cache.image(EX / "obama2.jpg"))  # yaw ~ -33 degrees
    analyser = SessionAnalyser(cfg, None, engine)
    seq = stream(frames, "obama", 5) + [noisy(turned, frames["rng"]) for _ in range(15)]
    events = run(analyser, seq)
    assert [e.kind for e in events] == ["looking_away"]
    assert float(events[0].values["yaw_deg"]) < -25.0


def test_events_are_transitions_not_per_frame(frames, config, engine):
    analyser = SessionAnalyser(config, None, engine)
    seq = stream(frames, "dark", 50) + stream(frames, "obama", 10)
    events = run(analyser, seq)
    assert [e.kind for e in events] == ["camera_covered", "camera_covered_ended"]


def test_detector_runs_every_k_frames_and_tracks_between(frames, config, engine):
    class Counting:
        def __init__(self, inner):
            self.inner, self.detects = inner, 0

        def detect(self, rgb, upsample):
            self.detects += 1
            return self.inner.detect(rgb, upsample)

        def landmarks(self, rgb, box):
            return self.inner.landmarks(rgb, box)

        def encode(self, rgb, box):
            return self.inner.encode(rgb, box)

    counting = Counting(engine)
    analyser = SessionAnalyser(config, None, counting)
    assert run(analyser, stream(frames, "obama", 30)) == []
    assert counting.detects == 30 // config.detect_every


def test_event_dict_is_canonical_and_thumbnail_small(frames, config, engine):
    analyser = SessionAnalyser(config, None, engine)
    event = run(analyser, stream(frames, "obama", 3) + stream(frames, "pair", 10))[0]
    data = event.to_dict()
    canonical_bytes(data)  # raises on floats
    assert data["t_start_ms"] == 600 and data["has_thumbnail"] is True
    thumb = event.thumbnail_jpeg
    assert thumb is not None and thumb[:2] == b"\xff\xd8" and len(thumb) < 12_000
    decoded = cv2.imdecode(np.frombuffer(thumb, np.uint8), cv2.IMREAD_COLOR)
    assert decoded.shape[1] == config.thumb_width


# ------------------------------------------------------------------- audio


def voice_like(seconds: float, rate: int, rng: np.random.Generator) -> np.ndarray:
    """Harmonic source with a wandering pitch, formant-ish spectral tilt and syllable AM."""
    t = np.arange(int(seconds * rate)) / rate
    f0 = 130 + 25 * np.sin(2 * np.pi * 0.7 * t) + 10 * rng.standard_normal()
    phase = 2 * np.pi * np.cumsum(f0) / rate
    source = sum(np.sin(k * phase) / k for k in range(1, 15))
    syllables = np.clip(np.sin(2 * np.pi * 3.5 * t), 0, None) ** 0.7
    signal = source * (0.15 + syllables)
    return (signal / np.abs(signal).max() * 9000).astype(np.int16)


def feed_audio(analyser, samples, rate, t0=0.0, block=0.1):
    events = []
    n = int(rate * block)
    for i in range(0, len(samples), n):
        events += analyser.process_audio(t0 + i / rate, samples[i : i + n], rate)
    return events


@pytest.mark.parametrize("rate", [16000, 44100])
def test_voice_detected_and_ended(rate, config):
    rng = np.random.default_rng(2)
    analyser = SessionAnalyser(config, None, engine=None)
    events = feed_audio(analyser, voice_like(5.0, rate, rng), rate)
    events += feed_audio(analyser, np.zeros(rate * 3, np.int16), rate, t0=5.0)
    assert [e.kind for e in events] == ["voice", "voice_ended"]
    assert events[0].t - events[0].t_start >= config.voice_s
    assert events[0].thumbnail_jpeg is None


def test_silence_and_quiet_noise_are_not_voice(config):
    rng = np.random.default_rng(4)
    analyser = SessionAnalyser(config, None, engine=None)
    quiet = (rng.standard_normal(16000 * 6) * 40).astype(np.int16)  # ~ -58 dBFS room noise
    assert feed_audio(analyser, np.zeros(16000 * 6, np.int16), 16000) == []
    assert feed_audio(analyser, quiet, 16000, t0=6.0) == []


def test_bad_sample_rate_and_dtype(config):
    analyser = SessionAnalyser(config, None, engine=None)
    with pytest.raises(InputError) as info:
        analyser.process_audio(0.0, np.zeros(160, np.int16), 0)
    assert str(info.value) == "sample_rate must be positive"
    with pytest.raises(InputError) as info:
        analyser.process_audio(0.0, np.zeros(160, np.float32), 16000)
    assert str(info.value) == "audio samples must be int16, not float32"


def test_stereo_blocks_and_gaps(config):
    rng = np.random.default_rng(12)
    analyser = SessionAnalyser(config, None, engine=None)
    voice = voice_like(4.0, 16000, rng)
    stereo = np.stack([voice, voice], axis=1)
    events = feed_audio(analyser, stereo[:8000], 16000)  # 0.5 s, then a 10 s gap
    events += feed_audio(analyser, stereo, 16000, t0=10.5)
    assert [e.kind for e in events] == ["voice"]
    assert events[0].t_start >= 10.5  # the clock restarted at the gap
