"""The identity record (what the student is told = what is logged) and the camera verdict."""

from __future__ import annotations

import pytest

from client.core.camera_check import CameraJudge, CameraStats
from client.core.identity import IdentityRecord, record_of
from exam_packages.errors import InputError
from verifier.attempt import combine, without_liveness
from verifier.identity import IdentityDecision
from verifier.liveness import LivenessResult, StepResult
from verifier.quality import reason

FACE_MATCH = IdentityDecision("match", 0.21, 0.4, (0.34, 0.46))
ASKED = ("blink", "turn_left")
LIVE_OK = LivenessResult(True, [StepResult("blink", True), StepResult("turn_left", True)], [])


def test_the_record_is_the_verifiers_decision_and_a_failed_liveness_is_never_a_match():
    live = LivenessResult(False, [StepResult("blink", False), StepResult("turn_left", True)],
                          [reason("liveness_incomplete", missing="blink")])
    decision = combine(FACE_MATCH, live, ASKED)  # the rule, in the verifier
    record = record_of(decision.to_dict(), attempt=1)
    assert record.outcome == decision.outcome == "review" and not record.liveness_passed
    assert [(s.name, s.passed) for s in record.steps] == [("blink", False), ("turn_left", True)]
    assert record.messages == ["Not all liveness steps were completed."]
    assert record.verifier["identity_outcome"] == "match"  # kept for the record


def test_a_match_without_a_passed_liveness_is_refused():
    data = combine(FACE_MATCH, LIVE_OK, (*ASKED, "turn_right")).to_dict()  # step not judged
    assert data["outcome"] == "match"  # a foreign or broken decision: the client does not
    with pytest.raises(InputError) as info:  # decide again, it refuses to record it
        record_of(data, attempt=1)
    assert str(info.value) == "identity decision: a match without a passed liveness check"
    with pytest.raises(InputError, match="identity decision: no liveness result"):
        record_of({"outcome": "match"}, attempt=1)


def test_no_liveness_run_is_review():
    record = record_of(without_liveness(FACE_MATCH).to_dict(), attempt=1)
    assert record.outcome == "review" and record.steps == () and not record.liveness_passed
    assert record.messages == ["The liveness check was not run."]


def test_record_round_trips_through_signed_json():
    record = record_of(combine(FACE_MATCH, LIVE_OK, ASKED).to_dict(), attempt=2)
    data = record.to_dict()
    assert data["distance"] == "0.21" and data["review_band"] == ["0.34", "0.46"]  # no floats
    back = IdentityRecord.from_dict(data)
    assert back.outcome == "match" and back.distance == pytest.approx(0.21)
    assert back.steps == record.steps and back.attempt == 2


def test_a_foreign_outcome_is_refused():
    with pytest.raises(InputError, match="unknown identity outcome 'accept'"):
        IdentityRecord.from_dict({"outcome": "accept"})


def test_worst_outcome_keeps_an_earlier_mismatch():
    mismatch = IdentityDecision("no_match", 0.6, 0.4, (0.34, 0.46))
    first = record_of(combine(mismatch, LIVE_OK, ASKED).to_dict(), attempt=1)
    second = IdentityRecord("match", attempt=2, tries=(first.brief(),))
    assert second.worst_outcome() == "no_match"


GOOD = CameraStats(640, 480, 15, 120, 1)
NO_FACE = CameraStats(640, 480, 15, 120, 0)


def test_camera_verdict_does_not_flicker_with_single_frames():
    judge = CameraJudge(window_s=2.0)
    seen = [judge.add(t * 0.33, GOOD if t % 4 else NO_FACE)[0] for t in range(30)]
    first_ok = seen.index(True)
    assert first_ok <= 8 and all(seen[first_ok:])  # one bad frame in four: stays OK


def test_camera_verdict_turns_back_only_when_mostly_failing():
    judge = CameraJudge(window_s=2.0)
    for t in range(8):
        judge.add(t * 0.33, GOOD)
    assert judge.ok
    states = [judge.add(3 + t * 0.33, NO_FACE) for t in range(8)]
    assert states[0][0] is True  # one bad sample changes nothing
    assert states[-1] == (False, ["No face visible: sit in front of the camera, face uncovered."])


def test_camera_verdict_needs_enough_samples():
    judge = CameraJudge(min_samples=3)
    assert judge.add(0.0, GOOD) == (False, ["Checking the camera… keep your face in the picture."])
