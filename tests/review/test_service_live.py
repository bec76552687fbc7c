"""ReviewService over the embedded server and real client-made bundles."""

from __future__ import annotations

import pytest

from client.review_core.api import HttpReviewServer
from client.review_core.codec import HandinCodec
from client.review_core.decisions import Outcome
from client.review_core.service import (
    Reviewer,
    ReviewService,
    load_institution_key,
    load_invigilator_key,
)
from exam_packages.errors import InputError, ServerError

from .world import PASSPHRASE, World


def _service(world: World) -> ReviewService:
    return ReviewService(
        HttpReviewServer(world.url, world.token()), HandinCodec(),
        load_institution_key(world.institution_key_path, PASSPHRASE),
        Reviewer("Dr. Aida Sarsen", load_invigilator_key(world.invigilator_key_path, PASSPHRASE)))


def _record(service: ReviewService, world: World, student: str):
    records = {r.summary.student_id: r for r in service.sessions(world.exam_id)}
    return records[student]


def test_lists_sessions_with_status_and_lateness(world: World) -> None:
    records = {r.summary.student_id: r.summary for r in _service(world).sessions(world.exam_id)}
    assert set(records) == {"s1", "s2", "s3", "s4"}
    assert records["s4"].status == "started" and not records["s4"].submitted
    assert records["s2"].late and records["s2"].late_s == 420
    assert not records["s1"].late


def test_clean_bundle_opens_verified(world: World) -> None:
    service = _service(world)
    opened = service.open(_record(service, world, "s2")).opened
    assert opened is not None
    assert not opened.tampered, opened.problems
    content = opened.content
    assert content.attempt_id == world.attempts["s2"]
    assert content.flag_counts() == {"alert": 1, "warning": 1}
    assert all(flag.thumbnail for flag in content.flags())
    assert content.identity.outcome == "match"  # as logged by the client (client.core.identity)
    assert content.identity.review_band == "0.34 – 0.46"
    assert content.identity.steps == (("blink", True), ("turn_left", True))
    assert content.identity.liveness == "passed" and content.identity.reasons == ()
    assert content.identity.id_portrait and len(content.identity.live_frames) == 2


def test_tampered_bundle_is_shown_as_tampered(world: World) -> None:
    service = _service(world)
    record = service.open(_record(service, world, "s3"))
    opened = record.opened
    assert opened is not None and opened.tampered
    assert "Event log: Event log record 3 was altered (hash mismatch)." in opened.problems
    assert ("Log summary: The event log differs from the one the hand-in document names."
            in opened.problems)
    assert len(opened.content.timeline()) == 8  # the data is still there to look at
    assert opened.broken_seq == 3
    assert record.decisions is not None


def test_unsubmitted_session_cannot_be_opened(world: World) -> None:
    service = _service(world)
    with pytest.raises(InputError, match="not been handed in") as info:
        service.open(_record(service, world, "s4"))
    assert info.value.code == "not_submitted"


def test_decisions_are_signed_posted_and_reloaded(world: World) -> None:
    service = _service(world)
    record = service.open(_record(service, world, "s2"))
    book = record.decisions
    assert book is not None and len(book.flag_seqs) == 2
    with pytest.raises(InputError, match="undecided"):
        service.decide(record, Outcome.CLEARED, "all fine")
    assert book.session is None
    for seq in book.flag_seqs:
        service.decide(record, Outcome.CLEARED, f"flag {seq}: a poster behind", flag_seq=seq)
    service.decide(record, Outcome.CLEARED, "no violation")
    again = _service(world).open(_record(service, world, "s2"))
    assert again.decisions is not None and again.decisions.is_final
    assert again.decisions.session is not None
    assert again.decisions.session.record["note"] == "no violation"


def test_wrong_token_is_refused(world: World) -> None:
    server = HttpReviewServer(world.url, "not-a-token")
    with pytest.raises(ServerError, match="refused the invigilator token") as info:
        server.list_sessions(world.exam_id)
    assert info.value.status == 401


def test_wrong_passphrase_is_refused(world: World) -> None:
    with pytest.raises(InputError) as info:
        load_institution_key(world.institution_key_path, b"wrong")
    assert info.value.code == "bad_passphrase"


def test_invigilator_key_is_not_an_institution_key(world: World) -> None:
    with pytest.raises(InputError, match="not an institution results key"):
        load_institution_key(world.invigilator_key_path, PASSPHRASE)
