"""The attempt state machine against the fake HTTP layer with a real signed package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from client.core.api import ServerClient
from client.core.clock import parse_iso_utc
from client.core.eventlog import WARNING
from client.core.handin import open_handin
from client.core.session import AttemptSession, SessionConfig, Step
from exam_packages.errors import (
    InputError,
    OfflineError,
    SessionStateError,
    UntrustedSignerError,
)
from exam_packages.grading import grade
from exam_packages.pkg_testing import PackageKeys, build_sample
from tests.support.clocks import FakeClock

from .fakes import BASE, FakeState, fake_session


@pytest.fixture
def world(tmp_path: Path) -> tuple[FakeState, PackageKeys, SessionConfig]:
    keys = PackageKeys.generate()
    built = build_sample(tmp_path, keys, encrypt=True)
    assert built.content_key is not None
    state = FakeState(package=built.path.read_bytes(), content_key=built.content_key,
                      exam_id="phys-101-final",
                      server_time="2026-12-01T09:00:00Z", deadline="2026-12-01T10:30:00Z")
    clock = FakeClock(wall=parse_iso_utc("2026-12-01T08:59:00Z"))  # local clock 60 s slow
    config = SessionConfig(data_dir=tmp_path / "client", trust=keys.trust(), clock=clock)
    return state, keys, config


def _server(state: FakeState) -> ServerClient:
    client = ServerClient(BASE, session=fake_session(state))
    client.sleep = lambda s: None  # type: ignore[attr-defined]
    return client


def _to_started(session: AttemptSession) -> None:
    session.sign_in("phys-101-final", "s1", "K7P-2QX")
    session.download_package()
    session.check_bandwidth()
    session.record_check("camera", {"fps": 25.0, "brightness": 120}, True)
    session.record_check("audio", {"level_dbfs": -20.5}, True)
    session.finish_checks()
    session.consent(True)
    session.record_identity({"outcome": "no_match", "distance": 0.61}, final=False)
    assert session.step == Step.CONSENTED
    session.record_identity({"outcome": "review", "distance": 0.55}, {"id_portrait": b"jpg"})
    session.start()


def test_full_flow_online(world: tuple[FakeState, PackageKeys, SessionConfig]) -> None:
    state, keys, config = world
    session = AttemptSession(config, _server(state))
    with pytest.raises(SessionStateError, match="needs the attempt to be identity_done"):
        session.start()
    _to_started(session)
    assert session.step == Step.STARTED
    assert session.remaining_s() == 5400
    assert session.seed == f"{state.attempt_id}|s1"
    assert sorted(session.question_ids()) == ["q1", "q2", "q3"]
    session.set_answer("q1", "a")
    session.set_answer("q3", "9.80")
    session.set_flag("q2", True)
    with pytest.raises(InputError, match="q9 is not on this paper"):
        session.set_answer("q9", "x")
    session.report("focus_lost", {"seconds": 4}, severity=WARNING, thumbnail=b"thumb")
    config.clock.advance(600)  # type: ignore[attr-defined]
    assert session.remaining_s() == 4800
    outcome = session.submit()
    assert not outcome.queued and session.step == Step.SUBMITTED
    assert outcome.receipt is not None
    assert outcome.receipt["receipt"]["attempt_id"] == state.attempt_id
    upload = next(iter(state.uploads.values()))
    assert json.loads(upload["meta"]["flags"]) == {"high": 0, "low": 2}
    opened = open_handin(upload["data"], keys.results)
    assert opened.answers == {"q1": "a", "q3": "9.80"}
    assert opened.document["flags"] == ["q2"]
    assert opened.document["remaining_s"] == 4800
    assert opened.identity_images == {"id_portrait": b"jpg"}
    assert list(opened.evidence.values()) == [b"thumb"]
    report = grade(session.exam_doc, opened.answers, opened.document["paper"])
    assert report.total == 2  # q1 and q3 right, q2 unanswered
    with pytest.raises(SessionStateError, match="handed in"):
        session.report("late_event")
    session.close()


def test_required_check_missing_blocks(world: tuple[FakeState, PackageKeys, SessionConfig]
                                       ) -> None:
    state, _keys, config = world
    session = AttemptSession(config, _server(state))
    session.sign_in("phys-101-final", "s1", "K7P-2QX")
    session.download_package()
    session.record_check("camera", {"ok": False}, False)
    with pytest.raises(SessionStateError, match="camera, audio, bandwidth"):
        session.finish_checks()
    assert session.step == Step.PACKAGE_READY
    session.close()


def test_declined_consent_blocks(world: tuple[FakeState, PackageKeys, SessionConfig]) -> None:
    state, _keys, config = world
    session = AttemptSession(config, _server(state))
    session.sign_in("phys-101-final", "s1", "K7P-2QX")
    session.download_package()
    for name in ("camera", "audio", "bandwidth"):
        session.record_check(name, {}, True)
    session.finish_checks()
    with pytest.raises(SessionStateError, match="Consent to proctoring is needed"):
        session.consent(False)
    assert session.step == Step.CHECKS_DONE
    session.close()


def test_crash_resume_offline_then_queued_then_online(
        world: tuple[FakeState, PackageKeys, SessionConfig]) -> None:
    state, keys, config = world
    session = AttemptSession(config, _server(state))
    _to_started(session)
    session.set_answer("q1", "b")
    session.set_answer("q2", True)
    config.clock.advance(100)  # type: ignore[attr-defined]
    session.close()  # the process dies here (the log file is closed by the OS)
    config.clock.advance(20)  # type: ignore[attr-defined]
    config.clock.set_wall(config.clock.wall() - 3600)  # type: ignore[attr-defined]
    resumed = AttemptSession.resume_offline(config, "phys-101-final", "s1", _server(state))
    assert resumed.step == Step.STARTED and resumed.answers == {"q1": "b", "q2": True}
    assert resumed.remaining_s() == 5400 - 120
    assert resumed.paper == session.paper
    state.fail = ["refused"] * 20  # the network is gone
    outcome = resumed.submit()
    assert outcome.queued and resumed.step == Step.SUBMITTING
    assert "cannot be reached" in outcome.job.last_error
    state.fail = []
    config.clock.advance(30)  # type: ignore[attr-defined]
    outcome = resumed.retry_outbox()
    assert not outcome.queued and resumed.step == Step.SUBMITTED
    upload = next(iter(state.uploads.values()))
    assert int(upload["meta"]["offline_s"]) == 30
    opened = open_handin(upload["data"], keys.results)
    kinds = [json.loads(line)["kind"] for line in opened.log_bytes.splitlines()]
    assert "resumed" in kinds and kinds[-1] == "seal"
    resumed.close()


def test_sign_in_again_resumes_and_resyncs(world: tuple[FakeState, PackageKeys, SessionConfig]
                                           ) -> None:
    state, _keys, config = world
    session = AttemptSession(config, _server(state))
    _to_started(session)
    session.set_answer("q1", "a")
    session.close()
    state.server_time = "2026-12-01T09:10:00Z"  # the server says 10 minutes passed
    again = AttemptSession(config, _server(state))
    again.sign_in("phys-101-final", "s1", "K7P-2QX")
    assert again.step == Step.STARTED and again.answers == {"q1": "a"}
    assert again.remaining_s() == 4800
    assert state.start_keys[0] == state.start_keys[1]  # the same attempt key, decrypted
    again.close()


def test_report_before_sign_in_is_refused(world: tuple[FakeState, PackageKeys, SessionConfig]
                                          ) -> None:
    state, _keys, config = world
    session = AttemptSession(config, _server(state))
    with pytest.raises(SessionStateError, match="Sign in first"):
        session.report("focus_lost")
    assert not (config.data_dir / "attempts").exists()


def test_offline_at_sign_in_is_offline_error(world: tuple[FakeState, PackageKeys, SessionConfig]
                                             ) -> None:
    state, _keys, config = world
    state.fail = ["refused"]
    session = AttemptSession(config, _server(state))
    with pytest.raises(OfflineError, match="cannot be reached"):
        session.sign_in("phys-101-final", "s1", "K7P-2QX")
    assert session.step == Step.NEW


def test_untrusted_package_is_refused_and_state_kept(
        world: tuple[FakeState, PackageKeys, SessionConfig], tmp_path: Path) -> None:
    state, _keys, config = world
    other = PackageKeys.generate()
    (tmp_path / "other").mkdir()
    state.package = build_sample(tmp_path / "other", other, encrypt=True).path.read_bytes()
    session = AttemptSession(config, _server(state))
    session.sign_in("phys-101-final", "s1", "K7P-2QX")
    with pytest.raises(UntrustedSignerError):
        session.download_package()
    assert session.step == Step.SIGNED_IN and session.manifest == {}
    assert not (config.data_dir / "rollback.json").exists()
    session.close()


def test_answers_refused_after_time_is_up(world: tuple[FakeState, PackageKeys, SessionConfig]
                                          ) -> None:
    state, _keys, config = world
    session = AttemptSession(config, _server(state))
    _to_started(session)
    session.set_answer("q1", "a")
    config.clock.advance(5400)  # type: ignore[attr-defined]
    assert session.remaining_s() == 0
    with pytest.raises(SessionStateError, match="Time is up"):
        session.set_answer("q1", "b")
    assert session.answers == {"q1": "a"}
    assert session.submit().receipt is not None  # handing in still works
    session.close()


def test_lost_attempt_key_is_replaced_and_logged(
        world: tuple[FakeState, PackageKeys, SessionConfig]) -> None:
    state, keys, config = world
    session = AttemptSession(config, _server(state))
    _to_started(session)
    session.set_answer("q1", "a")
    session.close()
    (session.attempt_dir / "attempt_key.bin").unlink()
    (config.data_dir / "packages" / "phys-101-final.emtihan").unlink()  # also re-downloaded
    again = AttemptSession(config, _server(state))
    again.sign_in("phys-101-final", "s1", "K7P-2QX")
    assert again.step == Step.STARTED and again.answers == {"q1": "a"}
    assert len(state.start_keys) == 2 and state.start_keys[0] != state.start_keys[1]
    outcome = again.submit()
    opened = open_handin(next(iter(state.uploads.values()))["data"], keys.results)
    assert outcome.receipt is not None and b'"kind":"attempt_key_replaced"' in opened.log_bytes
    again.close()


def test_damaged_local_attempt_is_set_aside(
        world: tuple[FakeState, PackageKeys, SessionConfig]) -> None:
    state, _keys, config = world
    session = AttemptSession(config, _server(state))
    _to_started(session)
    session.set_answer("q1", "a")
    session.close()
    for name in ("autosave.bin", "autosave.prev.bin"):
        path = session.attempt_dir / name
        if path.exists():
            path.write_bytes(b"EMA1" + b"\x00" * 60)
    again = AttemptSession(config, _server(state))
    again.sign_in("phys-101-final", "s1", "K7P-2QX")
    assert again.step == Step.SIGNED_IN and again.answers == {}
    assert "The saved copy of this attempt on this computer is damaged" in again.warnings[0]
    aside = [p.name for p in session.attempt_dir.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1
    again.close()


def test_crash_while_sealing_the_hand_in_is_finished_on_resume(
        world: tuple[FakeState, PackageKeys, SessionConfig],
        monkeypatch: pytest.MonkeyPatch) -> None:
    state, keys, config = world
    session = AttemptSession(config, _server(state))
    _to_started(session)
    session.set_answer("q1", "a")

    def power_loss(*args: object, **kwargs: object) -> None:
        raise RuntimeError("power loss")

    monkeypatch.setattr(session.outbox, "enqueue", power_loss)
    with pytest.raises(RuntimeError, match="power loss"):
        session.submit()
    session.close()
    assert state.uploads == {}
    resumed = AttemptSession.resume_offline(config, "phys-101-final", "s1", _server(state))
    assert resumed.step == Step.SUBMITTING
    outcome = resumed.retry_outbox()
    assert outcome.receipt is not None and resumed.step == Step.SUBMITTED
    opened = open_handin(next(iter(state.uploads.values()))["data"], keys.results)
    assert opened.answers == {"q1": "a"}
    resumed.close()
