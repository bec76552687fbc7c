"""Retention purge with an injected clock: what goes, what stays, holds respected.

Runs on SQLite and (with EMTIHAN_TEST_PG_DSN) PostgreSQL, with local and S3 blobs
(the in-memory S3 client of test_storage, or a real endpoint when configured).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from client.review_core.decisions import Outcome, sign_decision
from exam_packages.package import build_package
from exam_packages.pkg_testing import sample_exam_doc, sample_meta
from server_stub.clock import to_iso
from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from server_stub.purge import DAY, purge
from server_stub.storage import SqliteStorage, SqlStorage
from tests.support.clocks import FakeServerClock as FakeClock

from .helpers import EXAM, T0, Running, upload
from .test_storage import _pg_storage, _s3_store

CLOSES = T0 + 3600
ROSTER3 = ("student_id,name,access_code\ns1,Aida,code-one\ns2,Bolat,code-two\n"
           "s3,Dana,code-three\n")
CODES = {"s1": "code-one", "s2": "code-two", "s3": "code-three"}


@dataclass
class World:
    run: Running
    attempts: dict[str, str]
    shas: dict[str, str]
    keys: dict = field(default_factory=dict)  # student -> attempt private key

    @property
    def admin(self) -> str:
        return self.run.staff_token("admin")  # fresh: the fake clock moves by days

    @property
    def service(self):  # type: ignore[no-untyped-def]
        return self.run.server.services.service

    def http(self, token: str) -> httpx.Client:
        return self.run.client(token)

    def login(self, student: str) -> str:
        with self.run.client() as c:
            r = c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": student,
                                               "access_code": CODES[student]})
        assert r.status_code == 200, r.text
        return str(r.json()["token"])


def _storage(kind: str, tmp_path: Path) -> Iterator[SqlStorage]:
    if kind == "sqlite":
        store = SqliteStorage(tmp_path / "s.db")
        yield store
        store.close()
    else:
        yield from _pg_storage()


def _decide(world: World, student: str, outcome: Outcome, flag_seq: int | None = None,
            at: str = "2027-01-01T00:00:00.000Z") -> None:
    key = Ed25519PrivateKey.generate()
    signed = sign_decision(key, reviewer="inv", attempt_id=world.attempts[student],
                           exam_id=EXAM, outcome=outcome, note="", evidence_hash="0" * 64,
                           flag_seq=flag_seq, decided_at=at)
    with world.http(world.run.staff_token()) as c:
        r = c.post(f"/v1/review/sessions/{world.attempts[student]}/decisions",
                   json=signed.to_json())
    assert r.status_code == 201, r.text


@pytest.fixture(params=["sqlite-local", "sqlite-s3", "postgres-local", "postgres-s3"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    db, blobs = request.param.split("-")
    for storage in _storage(db, tmp_path):
        init_data_dir(tmp_path / "data", ServerConfig(scrypt_n=2**10))
        clock = FakeClock(T0)
        server = EmbeddedServer(tmp_path / "data", clock=clock, storage=storage)
        if blobs == "s3":
            server.services.service.blobs = _s3_store()
        run = Running(server, "", clock)
        meta = sample_meta(EXAM, 1)
        meta.update(opens_at=to_iso(T0 - 60), closes_at=to_iso(CLOSES), duration_s=1800)
        meta["policy"]["retention"] = {"evidence_days": 10, "records_days": 40}
        media = tmp_path / "diagram.png"
        media.write_bytes(b"\x89PNG\r\n\x1a\n")
        built = build_package(meta, sample_exam_doc(), {"diagram.png": media},
                              tmp_path / "p.emtihan", run.keys.author,
                              run.keys.results.public_key())
        service = server.services.service
        service.publish(built.path, None)
        service.import_roster(ROSTER3, EXAM)
        run.url = server.start()
        world = World(run, {}, {})
        for student in CODES:
            token = world.login(student)
            started, private = run.start(token)
            world.attempts[student] = started["attempt_id"]
            world.keys[student] = private
            data = run.result(private, 3000)
            assert upload(run, token, started["attempt_id"], data).status_code == 204
            world.shas[student] = service.storage.list_submissions(
                started["attempt_id"])[0]["sha256"]
        try:
            yield world
        finally:
            server.stop(close_storage=False)


def _blob_there(world: World, student: str) -> bool:
    sub = world.service.storage.list_submissions(world.attempts[student])
    return bool(sub) and world.service.blobs.exists(sub[0]["blob_key"])


def test_purge_with_fake_clock_goes_stays_and_holds(world: World) -> None:
    service, att = world.service, world.attempts
    _decide(world, "s2", Outcome.NEEDS_FOLLOW_UP)  # open review: kept
    with world.http(world.admin) as c:
        r = c.put(f"/v1/admin/holds/attempt/{att['s3']}", json={"reason": "appeal 12/2027"})
        assert r.status_code == 200, r.text
    keys = {s: service.storage.list_submissions(att[s])[0]["blob_key"] for s in CODES}

    world.run.clock.t = CLOSES + 10 * DAY - 1
    assert purge(service).handins == [] and all(_blob_there(world, s) for s in CODES)

    world.run.clock.t = CLOSES + 10 * DAY
    dry = purge(service, dry_run=True)
    assert dry.handins == [f"{att['s1']}/{world.shas['s1']}"] and _blob_there(world, "s1")
    report = purge(service)
    assert report.handins == dry.handins
    assert report.open_review == [att["s2"]] and report.held == [att["s3"]]
    assert not service.blobs.exists(keys["s1"]) and _blob_there(world, "s2")
    assert _blob_there(world, "s3")
    # the receipt record stays: the student can still fetch the signed receipt
    with world.http(world.login("s1")) as c:
        assert c.get(f"/v1/attempts/{att['s1']}/receipt").status_code == 200
    with world.http(world.run.staff_token()) as c:
        gone = c.get(f"/v1/review/sessions/{att['s1']}/bundle")
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "purged"
    assert purge(service).handins == []  # idempotent

    world.run.clock.t = CLOSES + 40 * DAY
    report = purge(service)
    assert report.attempts == [att["s1"]] and service.storage.get_attempt(att["s1"]) is None
    assert service.storage.get_attempt(att["s2"]) is not None
    assert report.students == []  # the roster stays while any attempt is kept

    _decide(world, "s2", Outcome.CLEARED, at="2027-01-02T00:00:00.000Z")
    with world.http(world.admin) as c:
        assert c.delete(f"/v1/admin/holds/attempt/{att['s3']}").status_code == 204
    report = purge(service)
    assert sorted(report.attempts) == sorted([att["s2"], att["s3"]]) and report.decisions == 2
    assert not any(service.blobs.exists(keys[s]) for s in CODES)
    assert sorted(report.students) == [f"{EXAM}/{s}" for s in sorted(CODES)]
    assert service.storage.get_student(EXAM, "s1") is None
    assert service.storage.get_exam(EXAM) is not None  # the package is not personal data


def test_announced_flags_keep_the_evidence_until_a_person_decides(world: World) -> None:
    service, att = world.service, world.attempts
    token = world.login("s1")
    data = world.run.result(world.keys["s1"], 2000)  # handed in again, with two flags
    assert upload(world.run, token, att["s1"], data, flags='{"high": 1, "low": 1}'
                  ).status_code == 204
    world.run.clock.t = CLOSES + 10 * DAY
    report = purge(service)
    assert att["s1"] in report.open_review and not any(
        h.startswith(att["s1"]) for h in report.handins)
    assert _blob_there(world, "s1")
    _decide(world, "s1", Outcome.CLEARED)
    report = purge(service)
    assert att["s1"] not in report.open_review and len(
        [h for h in report.handins if h.startswith(att["s1"])]) == 2
    assert not _blob_there(world, "s1")


def test_exam_hold_keeps_everything_and_needs_admin(world: World) -> None:
    service = world.service
    with world.http(world.run.staff_token()) as c:  # an invigilator may not set holds
        r = c.put(f"/v1/admin/holds/exam/{EXAM}", json={"reason": "x"})
    assert r.status_code == 403 and service.storage.list_holds() == []
    with world.http(world.admin) as c:
        r = c.put(f"/v1/admin/holds/exam/{EXAM}", json={"reason": "  "})
        assert r.status_code == 422 and service.storage.list_holds() == []
        assert c.put(f"/v1/admin/holds/exam/{EXAM}", json={"reason": "court order"}
                     ).status_code == 200
    world.run.clock.t = CLOSES + 400 * DAY
    report = purge(service)
    assert sorted(report.held) == sorted(world.attempts.values())
    assert report.handins == [] and all(_blob_there(world, s) for s in CODES)
    assert service.storage.get_student(EXAM, "s1") is not None


def test_review_open_rules() -> None:
    from server_stub.purge import review_open

    def row(scope: str, outcome: str, at: str) -> dict[str, str]:
        import json
        return {"decision": json.dumps({"scope": scope, "outcome": outcome, "decided_at": at})}

    assert not review_open([])
    assert review_open([], flagged=True)  # flags announced, nobody has decided yet: kept
    assert not review_open([row("session", "cleared", "1")], flagged=True)
    assert review_open([row("flag", "cleared", "1")])  # flags decided, session not yet
    assert review_open([row("session", "cleared", "1"), row("session", "needs_follow_up", "2")])
    assert not review_open([row("session", "needs_follow_up", "1"),
                            row("session", "violation_confirmed", "2")])
