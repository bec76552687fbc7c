"""The attempt decision (a failed liveness is never accepted), capture times, fresh
orders, continuity breaks and the detection retry."""

from __future__ import annotations

import pickle
import random
import threading
import time

import cv2
import numpy as np
import pytest

from exam_packages.errors import EnrolmentError, InputError
from verifier.attempt import AttemptVerifier, ChallengeSchedule, combine
from verifier.capture import FrameFeed, capture_time, stamp, timed_sequence
from verifier.continuity import ContinuityCheck
from verifier.faces import Face, detect_faces
from verifier.identity import IdentityDecision, IdentityVerifier
from verifier.liveness import STEPS, LivenessChallenge, LivenessResult
from verifier.quality import reason

from .conftest import EX

BAND = (0.34, 0.46)


def test_timed_frames_keep_their_capture_time():
    frame = stamp(np.zeros((20, 30, 3), np.uint8), 12.5)
    assert capture_time(frame.copy()) == 12.5 and capture_time(frame[2:5]) == 12.5
    assert capture_time(pickle.loads(pickle.dumps(frame))) == 12.5
    assert capture_time(np.zeros(3)) is None


def test_unstamped_or_backwards_frames_are_refused():
    plain = np.zeros((20, 30, 3), np.uint8)
    with pytest.raises(InputError) as info:
        timed_sequence([stamp(plain, 1.0), plain])
    assert str(info.value) == "frame 1 has no capture time (camera source must stamp it)"
    with pytest.raises(InputError) as info:
        timed_sequence([stamp(plain, 2.0), stamp(plain, 1.0)])
    assert str(info.value) == "frame 1 was captured before the previous one"


def _identity(outcome):
    reasons = [] if outcome == "match" else [reason("no_match", distance=0.6)]
    return IdentityDecision(outcome, 0.2 if outcome == "match" else 0.6, 0.4, BAND, reasons)


def test_failed_liveness_is_never_a_match():
    failed = LivenessResult(False, [], [reason("liveness_flat", step="turn_left", parallax=0.02)])
    decision = combine(_identity("match"), failed, ("turn_left",))
    assert decision.outcome == "review" and decision.identity.outcome == "match"
    assert [r.code for r in decision.reasons] == ["liveness_flat"]
    assert decision.to_dict()["outcome"] == "review"
    assert decision.to_dict()["liveness"]["reasons"][0]["code"] == "liveness_flat"
    assert combine(_identity("no_match"), failed, ("blink",)).outcome == "no_match"
    passed = LivenessResult(True, [], [])
    assert combine(_identity("match"), passed, ("blink",)).outcome == "match"


def test_frames_without_capture_time_give_review(engine, config):
    blank = np.full((240, 320, 3), 128, np.uint8)
    decision = AttemptVerifier(config, engine).decide_frames(
        blank, LivenessChallenge(("blink",)), [blank, blank])
    assert decision.outcome == "review"
    assert [r.code for r in decision.reasons] == [
        "id_no_portrait", "liveness_no_capture_time"]
    assert not decision.liveness.passed


def test_retries_get_a_fresh_order():
    schedule = ChallengeSchedule(random.Random(3))
    orders = [schedule.next().steps for _ in range(6)]
    assert len(set(orders)) == 6 and all(sorted(o) == sorted(STEPS) for o in orders)
    assert sorted(schedule.next().steps) == sorted(STEPS)  # all used: any order again


def _face(x, y, w):
    return Face(top=y, right=x + w, bottom=y + w, left=x, score=1.0,
                landmarks=np.zeros((68, 2)))


def test_face_box_jump_breaks_continuity(config):
    check = ContinuityCheck(config, engine=None)
    check.observe(0.0, None, [_face(100, 100, 120)], 0.0)
    check.observe(0.07, 3.0, [_face(110, 100, 120)], 0.0)
    assert check.reasons() == []
    check.observe(0.14, 4.0, [_face(300, 100, 120)], 0.0)
    [jump] = check.reasons()
    assert jump.code == "continuity_face_jump" and jump.values["moved"] > config.jump_ratio
    assert jump.message.startswith("Your face jumped to another place in the picture.")


def test_face_lost_breaks_continuity_unless_turned_away_briefly(config):
    frontal = ContinuityCheck(config, engine=None)
    frontal.observe(0.0, None, [_face(100, 100, 120)], 0.0)
    for t in (0.1, 0.3, 0.7):
        frontal.observe(t, 2.0, [], None)
    assert [r.code for r in frontal.reasons()] == ["continuity_face_lost"]
    turned = ContinuityCheck(config, engine=None)
    turned.observe(0.0, None, [_face(100, 100, 120)], 35.0)  # turned beyond the detector
    for t in (0.1, 0.5, 1.0):
        turned.observe(t, 2.0, [], None)
    turned.observe(1.1, 2.0, [_face(104, 100, 120)], 20.0)
    assert turned.reasons() == [] and turned.wants_sample(1.1)  # re-identified at once


def test_cut_and_pause_break_continuity(config):
    check = ContinuityCheck(config, engine=None)
    check.observe(0.0, None, [_face(100, 100, 120)], 0.0)
    check.observe(0.07, config.cut_diff + 1, [_face(100, 100, 120)], 0.0)
    check.observe(2.0, 1.0, [_face(100, 100, 120)], 0.0)
    assert [r.code for r in check.reasons()] == ["continuity_cut", "continuity_gap"]


def _small_face_in_big_photo(cache):
    photo = cache.image(EX / "obama.jpg")  # face ~240 px wide in a 910 px photo
    canvas = np.full((3000, 4000, 3), 120, np.uint8)
    face = cv2.resize(photo, None, fx=1.25, fy=1.25, interpolation=cv2.INTER_AREA)
    canvas[1000 : 1000 + face.shape[0], 1500 : 1500 + face.shape[1]] = face
    return canvas


def test_detection_retries_on_the_original_with_upsampling(cache, engine, config):
    big = _small_face_in_big_photo(cache)  # a ~300 px face: ~48 px at the analysis size
    assert detect_faces(big, config, engine=engine) == []
    found = detect_faces(big, config, engine=engine, retry=True)
    assert len(found) == 1 and 250 < found[0].width < 380
    template = IdentityVerifier(config, engine).enrol([big])  # the enrolment path retries
    assert template.frames_used == 1


def test_failure_to_enrol_is_reported_with_reasons(engine, config):
    blank = np.full((3000, 4000, 3), 120, np.uint8)
    with pytest.raises(EnrolmentError) as info:
        IdentityVerifier(config, engine).enrol([blank])
    assert [r.code for r in info.value.reasons] == ["no_face"]



def test_the_template_names_the_capture_times_of_its_frames(config):
    from verifier.continuity import Sample

    check = ContinuityCheck(config, engine=None)
    rng = np.random.default_rng(3)
    for t, yaw, usable in ((0.0, 0.0, True), (1.0, 35.0, True), (2.0, 2.0, False),
                           (3.0, -1.0, True)):
        check.samples.append(Sample(t, rng.normal(size=128), yaw, usable, ""))
    template = check.template()
    assert template is not None and template.frames_used == 2
    assert template.capture_times == (0.0, 3.0)  # usable, near-frontal, spread


def test_frame_feed_hands_frames_over_while_captured():
    feed = FrameFeed(idle_timeout_s=5.0)
    got: list[float] = []
    reader = threading.Thread(target=lambda: got.extend(capture_time(f) for f in feed))
    reader.start()
    for t in (1.0, 1.1, 1.2):
        feed.put(stamp(np.zeros((4, 4, 3), np.uint8), t))
    feed.close()
    feed.put(stamp(np.zeros((4, 4, 3), np.uint8), 9.0))  # after the capture: ignored
    reader.join(5)
    assert got == [1.0, 1.1, 1.2] and feed.count == 3 and feed.closed_at is not None
    assert not feed.cancelled and not feed.stalled


def test_cancelled_or_stalled_feed_ends_the_analysis():
    cancelled = FrameFeed()
    cancelled.put(np.zeros((4, 4, 3), np.uint8))
    cancelled.cancel()
    assert list(cancelled) == [] and cancelled.cancelled  # what was left is dropped
    stalled = FrameFeed(idle_timeout_s=0.05)
    waiting = threading.Thread(target=lambda: list(stalled))  # no frame yet: it waits
    waiting.start()
    time.sleep(0.2)
    assert waiting.is_alive() and not stalled.stalled
    stalled.put(np.zeros((4, 4, 3), np.uint8))  # frames flow, then stop
    waiting.join(5)
    assert not waiting.is_alive() and stalled.stalled and not stalled.closed


def test_unstamped_frames_while_captured_give_review_after_the_capture(engine, config):
    blank = np.full((240, 320, 3), 128, np.uint8)
    feed = FrameFeed(idle_timeout_s=5.0)
    for frame in (stamp(blank, 1.0), blank, stamp(blank, 2.0)):
        feed.put(frame)
    feed.close()
    decision = AttemptVerifier(config, engine).decide_stream(
        blank, LivenessChallenge(("blink",)), feed)
    [late] = [r for r in decision.reasons if r.code == "liveness_no_capture_time"]
    assert late.values["detail"] == "frame 1 has no capture time (camera source must stamp it)"
    assert decision.outcome == "review" and list(feed) == []  # the feed was read to its end
