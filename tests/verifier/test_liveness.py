"""Liveness challenge.

What the passing tests prove (see docs/verifier.md): head turns are detected on
real photos (frontal -> turned, the turned photo mirrored for the other side)
and on the real Hamilton clip; the blink state machine is tested with scripted
landmarks (a fake engine), because no real photo/video here shows closed eyes.
"""

from __future__ import annotations

import random

import cv2
import numpy as np
import pytest

from exam_packages.errors import InputError
from verifier.config import VerifierConfig
from verifier.face_adapter import RawDetection
from verifier.faces import detect_faces
from verifier.imageio import read_video_frames
from verifier.liveness import STEPS, LivenessChallenge, LivenessEvaluator

from .conftest import EX, fit_canvas, noisy

pytestmark = pytest.mark.needs_faces


def test_random_order_comes_from_injected_rng():
    orders = {LivenessChallenge.random(random.Random(seed)).steps for seed in range(40)}
    assert len(orders) == 6  # every permutation of the three steps occurs
    for order in orders:
        assert sorted(order) == sorted(STEPS)
    a = LivenessChallenge.random(random.Random(7), steps=2)
    b = LivenessChallenge.random(random.Random(7), steps=2)
    assert a == b and len(a.steps) == 2


def test_bad_challenge_refused():
    with pytest.raises(InputError) as info:
        LivenessChallenge.random(random.Random(1), steps=4)
    assert str(info.value) == "liveness challenge needs 1..3 steps"
    with pytest.raises(InputError) as info:
        LivenessChallenge(("smile",))
    assert "liveness steps must be taken from" in str(info.value)


@pytest.fixture(scope="module")
def poses(cache):
    frontal = fit_canvas(cache.image(EX / "obama.jpg"))
    turned = fit_canvas(cache.image(EX / "obama2.jpg"))  # yaw ~ -33: nose to image left
    return {"frontal": frontal, "turn_right": turned, "turn_left": cv2.flip(turned, 1)}


def test_static_photo_repeated_fails_as_frozen(poses, config, engine):
    ev = LivenessEvaluator(LivenessChallenge(("turn_left", "blink")), config, engine)
    for i in range(15):
        ev.feed(i * 0.2, poses["frontal"])
    result = ev.result()
    assert not result.passed
    codes = [r.code for r in result.reasons]
    assert codes == ["liveness_frozen", "liveness_incomplete"]
    assert result.reasons[1].values["missing"] == "turn_left,blink"
    assert not any(s.passed for s in result.steps)


def test_still_photo_with_sensor_noise_still_fails(poses, config, engine):
    rng = np.random.default_rng(3)
    ev = LivenessEvaluator(LivenessChallenge(("blink", "turn_right")), config, engine)
    for i in range(15):
        ev.feed(i * 0.2, noisy(poses["frontal"], rng))
    result = ev.result()
    assert not result.passed
    assert [r.code for r in result.reasons] == ["liveness_incomplete"]


def test_turns_on_real_photos_in_asked_order_but_photo_switches_are_cuts(poses, config, engine):
    rng = np.random.default_rng(5)
    script = ["frontal", "frontal", "turn_left", "turn_left", "frontal", "turn_right", "turn_right"]
    ev = LivenessEvaluator(LivenessChallenge(("turn_left", "turn_right")), config, engine)
    for i, name in enumerate(script):
        ev.feed(i * 0.3, noisy(poses[name], rng))
    result = ev.result()
    assert [s.passed for s in result.steps] == [True, True]  # the turns are seen ...
    assert [s.t_done for s in result.steps] == [pytest.approx(0.9), pytest.approx(1.8)]
    assert result.steps[0].detail["yaw_deg"] > config.turn_yaw_deg
    # ... but two different photographs shown in turn are not one continuous capture
    assert not result.passed
    assert [r.code for r in result.reasons] == ["continuity_cut"]
    assert result.reasons[0].values["difference"] > config.cut_diff


def test_turns_in_wrong_order_do_not_count(poses, config, engine):
    rng = np.random.default_rng(6)
    script = ["frontal", "turn_left", "turn_left", "frontal"]
    ev = LivenessEvaluator(LivenessChallenge(("turn_right", "turn_left")), config, engine)
    for i, name in enumerate(script):
        ev.feed(i * 0.3, noisy(poses[name], rng))
    result = ev.result()
    assert not result.passed
    assert [s.passed for s in result.steps] == [False, False]


def test_step_timeout(poses, config, engine):
    rng = np.random.default_rng(8)
    ev = LivenessEvaluator(LivenessChallenge(("turn_left",)), config, engine)
    for t in (0.0, 5.0, 10.5, 11.0):
        ev.feed(t, noisy(poses["frontal"], rng))
    result = ev.result()
    # frames 5 s apart: the stream also paused (continuity)
    assert [r.code for r in result.reasons] == ["liveness_step_timeout", "continuity_gap"]
    assert result.reasons[0].values["step"] == "turn_left"
    assert ev.done
    # a late, correct turn cannot revive a failed challenge
    for i, name in enumerate(["frontal", "turn_left", "turn_left"]):
        ev.feed(12.0 + i * 0.3, noisy(poses[name], rng))
    assert not ev.result().passed and not ev.result().steps[0].passed


@pytest.mark.slow
def test_hamilton_clip_head_turns(faces_root, config, engine):
    path = faces_root / "face_recognition/examples/short_hamilton_clip.mp4"
    clip = read_video_frames(path, every_s=0.0, max_frames=275)
    frames = clip[83:211]  # one camera shot, 2.77 s .. 7.0 s (film cuts at frames 82 and 211)
    ev = LivenessEvaluator(LivenessChallenge(("turn_right", "turn_left")), config, engine)
    for t, frame in frames:
        ev.feed(t, frame)
    result = ev.result()
    assert result.passed, result.reasons
    # the clip has no blink: a challenge with a blink must fail on it
    ev = LivenessEvaluator(LivenessChallenge(("blink",)), config, engine)
    for t, frame in frames:
        ev.feed(t, frame)
    blink = ev.result()
    assert not blink.passed
    assert blink.reasons[0].code == "liveness_incomplete"
    # across the film cut into the shot (a profile close-up before it), continuity breaks
    ev = LivenessEvaluator(LivenessChallenge(("turn_right", "turn_left")), config, engine)
    for t, frame in clip[60:211]:
        ev.feed(t, frame)
    spliced = ev.result()
    assert not spliced.passed
    assert "continuity_cut" in [r.code for r in spliced.reasons]


class ScriptedEngine:
    """Fake engine: frame brightness indexes a list of landmark sets."""

    def __init__(self, landmark_sets: list[np.ndarray]) -> None:
        self.sets = landmark_sets

    def detect(self, rgb, upsample):
        return [RawDetection(100, 400, 400, 100, 2.0)]

    def landmarks(self, rgb, box):
        return self.sets[int(rgb[0, 0, 0]) // 10].copy()

    def encode(self, rgb, box):  # continuity samples: one person throughout
        return np.ones(128)


def _closed(marks: np.ndarray, factor: float) -> np.ndarray:
    out = marks.copy()
    for eye in (slice(36, 42), slice(42, 48)):
        centre = out[eye, 1].mean()
        out[eye, 1] = centre + (out[eye, 1] - centre) * factor
    return out


def test_blink_state_machine_with_scripted_landmarks(poses, engine):
    # the fake engine knows whole frames only: no face-window tracking
    config = VerifierConfig(detect_min_side=1, detect_max_side=4096, liveness_full_detect_every=1)
    real = detect_faces(poses["frontal"], config, engine=engine)[0].landmarks
    # rescale into the fake box 100..400 used by ScriptedEngine
    base = (real - real.min(axis=0)) / np.ptp(real, axis=0).max() * 280 + 110  # keeps the shape
    sets = [base, _closed(base, 0.15)]
    fake = ScriptedEngine(sets)
    rng = np.random.default_rng(9)

    def frame(index: int) -> np.ndarray:  # the fake engine reads the index from any pixel
        return noisy(np.full((480, 640, 3), index * 10 + 5, np.uint8), rng, sigma=1.0)

    ev = LivenessEvaluator(LivenessChallenge(("blink",)), config, fake)
    for i, idx in enumerate([0, 0, 1, 0]):
        ev.feed(i * 0.1, frame(idx))
    assert ev.result().passed, ev.result().reasons
    half = LivenessEvaluator(LivenessChallenge(("blink",)), config, fake)
    for i, idx in enumerate([0, 0, 1, 1]):  # eyes close but never reopen
        half.feed(i * 0.1, frame(idx))
    result = half.result()
    assert not result.passed
    assert [r.code for r in result.reasons] == ["liveness_incomplete"]
