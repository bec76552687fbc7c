"""The identity record (what the student is told = what is logged) and the camera verdict."""

from __future__ import annotations

import pytest

from client.core.camera_check import CameraJudge, CameraStats
from client.core.identity import IdentityRecord, combine
from exam_packages.errors import InputError

FACE_MATCH = {"outcome": "match", "distance": 0.21, "threshold": 0.4,
              "review_band": [0.34, 0.46], "reasons": []}
LIVE_OK = {"passed": True, "reasons": [],
           "steps": [{"name": "blink", "passed": True}, {"name": "turn_left", "passed": True}]}


def test_a_failed_liveness_is_never_a_match():
    live = {"passed": False, "steps": [{"name": "blink", "passed": False},
                                       {"name": "turn_left", "passed": True}],
            "reasons": [{"code": "liveness_incomplete",
                         "message": "Not all liveness steps were completed."}]}
    record = combine(FACE_MATCH, live, attempt=1, asked=("blink", "turn_left"))
    assert record.outcome == "review" and not record.liveness_passed
    assert [(s.name, s.passed) for s in record.steps] == [("blink", False), ("turn_left", True)]
    assert record.messages == ["Not all liveness steps were completed."]


def test_a_step_missing_from_the_result_counts_as_not_passed():
    record = combine(FACE_MATCH, LIVE_OK, attempt=1, asked=("blink", "turn_left", "turn_right"))
    assert record.outcome == "review" and record.steps[2].passed is False
    assert record.messages == ["The liveness check did not pass."]


def test_record_round_trips_through_signed_json():
    record = combine(FACE_MATCH, LIVE_OK, attempt=2, asked=("blink", "turn_left"))
    data = record.to_dict()
    assert data["distance"] == "0.21" and data["review_band"] == ["0.34", "0.46"]  # no floats
    back = IdentityRecord.from_dict(data)
    assert back.outcome == "match" and back.distance == pytest.approx(0.21)
    assert back.steps == record.steps and back.attempt == 2


def test_a_foreign_outcome_is_refused():
    with pytest.raises(InputError, match="unknown identity outcome 'accept'"):
        IdentityRecord.from_dict({"outcome": "accept"})


def test_worst_outcome_keeps_an_earlier_mismatch():
    first = combine({"outcome": "no_match", "distance": 0.6}, LIVE_OK, attempt=1,
                    asked=("blink", "turn_left"))
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
