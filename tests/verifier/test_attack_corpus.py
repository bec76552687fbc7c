"""Presentation-attack corpus through the deployed decision (ISO/IEC 30107-3 terms).

APCER per attack species = share of attack presentations whose outcome is
``match`` (accepted); BPCER = share of bona fide presentations whose liveness
failed.  One sample per species and size here (the CI budget); the full run is
``python benchmarks/bench_verifier.py corpus`` (see docs/verifier.md).
"""

from __future__ import annotations

import pytest

from verifier.attempt import AttemptVerifier
from verifier.capture import timed_sequence
from verifier.identity import IdentityVerifier
from verifier.liveness import LivenessChallenge

from .corpus import ATTACKS, HOLDERS, OTHERS, SIZES, render_photo, sequence

pytestmark = [pytest.mark.needs_faces, pytest.mark.slow]

TURNS_FIRST = ("turn_left", "turn_right", "blink")  # every asked step reachable by a sheet
ORDERS = [("blink", "turn_right", "turn_left"), ("turn_right", "blink", "turn_left")]


@pytest.fixture(scope="module")
def people(cache, faces_root):
    def load(name):
        return cache.image(faces_root / render_photo(name))

    return {"load": load}


@pytest.fixture(scope="module")
def portraits(cache, faces_root, engine, config):
    identity = IdentityVerifier(config, engine)
    return {who: identity.portrait(cache.image(faces_root / doc))
            for who, (_, doc) in HOLDERS.items()}


def _decide(kind, order, size, who, people, portraits, engine, config, seed, **kw):
    frames = sequence(kind, order, size, holder=people["load"](who),
                      other=people["load"](OTHERS[who]), engine=engine, seed=seed, **kw)
    verifier = AttemptVerifier(config, engine)
    return verifier.decide_with_portrait(portraits[who], LivenessChallenge(order),
                                         timed_sequence(frames))


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("kind", ATTACKS)
def test_attack_is_never_accepted(kind, size, people, portraits, engine, config):
    decision = _decide(kind, TURNS_FIRST, size, "obama", people, portraits, engine, config,
                       seed=11, amplitude=40.0, distance=5.0)
    assert decision.outcome != "match", decision.to_dict()  # APCER 0 for this sample
    codes = {r.code for r in decision.reasons}
    if kind in ("warped_still", "print"):
        # the sheet fakes the turns (yaw beyond the threshold) but moves as one plane
        assert "liveness_flat" in codes or "liveness_incomplete" in codes, codes
    if kind in ("splice", "splice_photo"):
        assert codes & {"continuity_person_changed", "continuity_cut"}, codes
    if kind == "replay":
        assert decision.identity.outcome == "no_match"
    assert not decision.liveness.passed or decision.identity.outcome == "no_match"


def test_sheet_fakes_the_turns_and_only_parallax_stops_it(people, portraits, engine, config):
    decision = _decide("warped_still", TURNS_FIRST, "320x240", "obama", people, portraits,
                       engine, config, seed=3, amplitude=40.0, distance=8.0)
    steps = {s.name: s.passed for s in decision.liveness.steps}
    assert steps["turn_left"] and steps["turn_right"]  # head pose alone is fooled
    assert decision.identity.outcome == "match"  # it is the holder's own photo
    flat = [r for r in decision.reasons if r.code == "liveness_flat"]
    assert flat and flat[0].values["parallax"] < config.flat_parallax
    assert decision.outcome == "review"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("who,order", [("leslie", ORDERS[0]), ("biden", ORDERS[1])])
def test_bona_fide_rendered_head_passes(who, order, size, people, portraits, engine, config):
    decision = _decide("bona_fide", order, size, who, people, portraits, engine, config, seed=5)
    live = decision.liveness
    assert live.passed, [r.to_dict() for r in live.reasons]  # BPCER 0 for this sample
    assert min(live.measures["parallax"].values()) > config.flat_parallax
    assert live.measures["max_sample_distance"] < config.continuity_threshold
    assert decision.outcome == "match" and decision.distance is not None
