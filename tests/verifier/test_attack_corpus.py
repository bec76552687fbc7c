"""Presentation-attack corpus through the deployed decision (ISO/IEC 30107-3 terms).

APCER per attack species = share of attack presentations whose outcome is
``match`` (accepted); BPCER = share of bona fide presentations whose liveness
failed.  One sample per species and size here (the CI budget); the full run is
``python benchmarks/bench_verifier.py corpus`` (see docs/verifier.md).
"""

from __future__ import annotations

import threading
import time

import pytest

from verifier.attempt import AttemptVerifier
from verifier.capture import FrameFeed, timed_sequence
from verifier.identity import IdentityVerifier
from verifier.liveness import LivenessChallenge

from .corpus import ATTACKS, HOLDERS, OTHERS, SIZES, render_photo, sequence

pytestmark = [pytest.mark.needs_faces, pytest.mark.slow]

TURNS_FIRST = ("turn_left", "turn_right", "blink")  # every asked step reachable by a sheet
ORDERS = [("blink", "turn_right", "turn_left"), ("turn_right", "blink", "turn_left")]


class Corpus:
    """Photos, ID portraits (found once) and the deployed decision for one sequence."""

    def __init__(self, cache, faces_root, engine, config) -> None:
        self.cache, self.root, self.engine, self.config = cache, faces_root, engine, config
        identity = IdentityVerifier(config, engine)
        self.portraits = {who: identity.portrait(cache.image(faces_root / doc))
                          for who, (_, doc) in HOLDERS.items()}

    def photo(self, name):
        return self.cache.image(self.root / render_photo(name))

    def decide(self, kind, order, size, *, who, seed, **kw):
        frames = sequence(kind, order, size, holder=self.photo(who),
                          other=self.photo(OTHERS[who]), engine=self.engine, seed=seed, **kw)
        verifier = AttemptVerifier(self.config, self.engine)
        return verifier.decide_with_portrait(self.portraits[who], LivenessChallenge(order),
                                             timed_sequence(frames))


@pytest.fixture(scope="module")
def corpus(cache, faces_root, engine, config):
    return Corpus(cache, faces_root, engine, config)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("kind", ATTACKS)
def test_attack_is_never_accepted(kind, size, corpus):
    decision = corpus.decide(kind, TURNS_FIRST, size, who="obama", seed=11, amplitude=40.0,
                             distance=5.0)
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


def test_sheet_fakes_the_turns_and_only_parallax_stops_it(corpus, config):
    decision = corpus.decide("warped_still", TURNS_FIRST, "320x240", who="obama", seed=3,
                             amplitude=40.0, distance=8.0)
    steps = {s.name: s.passed for s in decision.liveness.steps}
    assert steps["turn_left"] and steps["turn_right"]  # head pose alone is fooled
    assert decision.identity.outcome == "match"  # it is the holder's own photo
    flat = [r for r in decision.reasons if r.code == "liveness_flat"]
    assert flat and flat[0].values["parallax"] < config.flat_parallax
    assert decision.outcome == "review"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("who,order", [("leslie", ORDERS[0]), ("biden", ORDERS[1])])
def test_bona_fide_rendered_head_passes(who, order, size, corpus, config):
    decision = corpus.decide("bona_fide", order, size, who=who, seed=5)
    live = decision.liveness
    assert live.passed, [r.to_dict() for r in live.reasons]  # BPCER 0 for this sample
    assert min(live.measures["parallax"].values()) > config.flat_parallax
    assert live.measures["max_sample_distance"] < config.continuity_threshold
    assert decision.outcome == "match" and decision.distance is not None


def test_decision_while_captured_equals_the_decision_after(corpus, faces_root, engine, config):
    """The client analyses the frames while they are captured (a FrameFeed filled by the
    camera thread): the same frames give the same decision as analysed afterwards."""
    order = ORDERS[0]
    frames = sequence("bona_fide", order, "320x240", holder=corpus.photo("leslie"),
                      other=corpus.photo(OTHERS["leslie"]), engine=engine, seed=5)
    document = corpus.cache.image(faces_root / HOLDERS["leslie"][1])
    verifier = AttemptVerifier(config, engine)
    after = verifier.decide_frames(document, LivenessChallenge(order), frames)
    feed = FrameFeed(idle_timeout_s=10.0)

    def camera() -> None:
        for frame in frames:
            time.sleep(0.005)
            feed.put(frame)
        feed.close()

    thread = threading.Thread(target=camera)
    thread.start()
    # the client passes the portrait found when the document was added
    live = verifier.decide_stream(document, LivenessChallenge(order), feed,
                                  portrait=corpus.portraits["leslie"])
    thread.join()
    assert feed.count == len(frames) and not feed.stalled and not feed.cancelled
    assert live.to_dict() == after.to_dict() and live.outcome == "match"


def test_bona_fide_head_drawn_by_opengl_passes(corpus, config):
    """The same head model drawn by a real GPU pipeline (moderngl, headless EGL: smooth
    texture sampling, multisampled edges, light fixed while the head turns)."""
    from .gl_heads import gl_renderer

    if gl_renderer() is None:
        pytest.skip("no headless OpenGL (EGL) context on this machine")
    decision = corpus.decide("bona_fide_gl", ORDERS[1], "320x240", who="obama", seed=5)
    live = decision.liveness
    assert live.passed, [r.to_dict() for r in live.reasons]
    assert min(live.measures["parallax"].values()) > config.flat_parallax
    assert decision.outcome == "match"
