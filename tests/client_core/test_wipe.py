"""Local wipe after the receipt, keys at rest (keyring and server-secret fallback), and the
student's own summary — the session against the fake HTTP layer with a real package."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest

from client.core import wipe as local_wipe
from client.core.clock import parse_iso_utc
from client.core.eventlog import ALERT, WARNING
from client.core.localkeys import (
    SERVICE,
    KeyringKeys,
    ServerSecretKeys,
    default_keys,
    usable_keyring,
)
from client.core.my_record import IDENTITY_TEXT, KIND_TEXT, OTHER_KIND
from client.core.session import AttemptSession, SessionConfig, Step
from exam_packages.errors import LocalStateError
from exam_packages.pkg_testing import PackageKeys, build_sample
from tests.support.clocks import FakeClock

from .fakes import FakeState
from .keysources import MemoryKeyring
from .test_session_fake import _server, _to_started

EXAM, STUDENT = "phys-101-final", "s1"


def _world(tmp_path: Path, keys: object) -> tuple[FakeState, SessionConfig]:
    pkg = PackageKeys.generate()
    built = build_sample(tmp_path, pkg, encrypt=True)
    assert built.content_key is not None
    state = FakeState(package=built.path.read_bytes(), content_key=built.content_key,
                      exam_id=EXAM, server_time="2026-12-01T09:00:00Z",
                      deadline="2026-12-01T10:30:00Z")
    clock = FakeClock(wall=parse_iso_utc("2026-12-01T09:00:00Z"))
    config = SessionConfig(data_dir=tmp_path / "client", trust=pkg.trust(), clock=clock,
                           keys=keys)  # type: ignore[arg-type]
    return state, config


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _exam(session: AttemptSession) -> None:
    _to_started(session)
    session.set_answer("q1", "a")
    session.report("focus_lost", {"seconds": 9}, severity=WARNING, thumbnail=b"thumb-1")
    session.report("several_faces", {"faces": 2}, severity=ALERT, thumbnail=b"thumb-2")


def test_nothing_deleted_before_receipt_then_only_the_record_is_left(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    state, config = _world(tmp_path, KeyringKeys(backend))
    session = AttemptSession(config, _server(state))
    _exam(session)
    folder = session.attempt_dir
    assert "local.key" not in _files(folder) and "key.salt" not in _files(folder)
    assert len(backend.items) == 1  # the autosave key is in the keyring, not in the folder
    state.fail = ["refused"] * 20
    outcome = session.submit()
    assert outcome.queued
    before = _files(config.data_dir)
    assert any(f.endswith("result.emtres") for f in before)
    assert {"autosave.bin", "attempt_key.bin", "events/events.jsonl"} <= set(_files(folder))
    state.fail = []
    outcome = session.retry_outbox()
    assert outcome.receipt is not None and session.step == Step.SUBMITTED
    assert _files(config.data_dir / "attempts") == [f"{EXAM}/{STUDENT}/receipt.json"]
    assert _files(config.data_dir / "outbox") == []
    assert backend.items == {}  # the key is gone too
    record = json.loads((folder / "receipt.json").read_text("utf-8"))
    assert record["wipe"] == "done" and record["exam_id"] == EXAM
    assert record["receipt"] == outcome.receipt and len(record["receipt_sha256"]) == 64
    assert set(record) == {"format", "exam_id", "student_id", "attempt_id", "handed_in_at",
                           "receipt_sha256", "receipt", "wipe", "wiped_at"}
    session.close()
    # the next sign-in finds the handed-in attempt and creates nothing new
    again = AttemptSession(config, _server(state))
    again.sign_in(EXAM, STUDENT, "K7P-2QX")
    assert again.step == Step.SUBMITTED and again.receipt == outcome.receipt
    assert again.retry_outbox().receipt == outcome.receipt
    assert _files(config.data_dir / "attempts") == [f"{EXAM}/{STUDENT}/receipt.json"]


@pytest.mark.parametrize("crash_at", ["before_record", "mid_delete"])
def test_crash_between_receipt_and_wipe_finishes_at_next_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_at: str) -> None:
    state, config = _world(tmp_path, KeyringKeys(MemoryKeyring()))
    session = AttemptSession(config, _server(state))
    _exam(session)

    class Crash(Exception):
        pass

    if crash_at == "before_record":
        def crash(*a: object, **k: object) -> None:
            raise Crash
        monkeypatch.setattr(local_wipe, "wipe_attempt", crash)
    else:
        real, calls = local_wipe._remove, []

        def crash_after_two(path: Path) -> None:
            calls.append(path)
            if len(calls) > 2:
                raise Crash
            real(path)
        monkeypatch.setattr(local_wipe, "_remove", crash_after_two)
    with pytest.raises(Crash):
        session.submit()
    session.close()
    monkeypatch.undo()
    left = _files(config.data_dir / "attempts")
    assert len(left) > 1  # the crash left files behind
    if crash_at == "mid_delete":
        record = local_wipe.read_record(session.attempt_dir)
        assert record is not None and record["wipe"] == "pending"
    AttemptSession(config, _server(state))  # the next start
    assert _files(config.data_dir / "attempts") == [f"{EXAM}/{STUDENT}/receipt.json"]
    assert _files(config.data_dir / "outbox") == []
    record = local_wipe.read_record(session.attempt_dir)
    assert record is not None and record["wipe"] == "done"


def test_server_secret_fallback(tmp_path: Path) -> None:
    state, config = _world(tmp_path, ServerSecretKeys())
    session = AttemptSession(config, _server(state))
    _exam(session)
    folder = session.attempt_dir
    assert (folder / "key.salt").stat().st_size == 16 and "local.key" not in _files(folder)
    assert not any(state.local_secret in (folder / f).read_bytes() for f in _files(folder))
    session.close()
    # after a crash, without signing in (no secret in memory) the autosave stays closed
    fresh = SessionConfig(config.data_dir, config.trust, config.clock, keys=ServerSecretKeys())
    with pytest.raises(LocalStateError, match="only after signing in"):
        AttemptSession.resume_offline(fresh, EXAM, STUDENT)
    before = _files(folder)
    resumed = AttemptSession(fresh, _server(state))
    resumed.sign_in(EXAM, STUDENT, "K7P-2QX")  # the server releases the secret
    assert resumed.step == Step.STARTED and resumed.answers == {"q1": "a"}
    assert set(before) <= set(_files(folder))
    resumed.close()


def test_wrong_server_secret_cannot_open_the_autosave(tmp_path: Path) -> None:
    state, config = _world(tmp_path, ServerSecretKeys())
    session = AttemptSession(config, _server(state))
    _exam(session)
    session.close()
    state.local_secret = b"x" * 32
    other = SessionConfig(config.data_dir, config.trust, config.clock, keys=ServerSecretKeys())
    client = _server(state)
    client.login(EXAM, STUDENT, "K7P-2QX")
    other.keys.on_sign_in(client, EXAM, session.attempt_dir)
    with pytest.raises(LocalStateError, match="damaged or was changed"):
        AttemptSession.resume_offline(other, EXAM, STUDENT)


def test_default_keys_prefers_a_real_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", keyring.backends.fail.Keyring)
    assert usable_keyring() is None and isinstance(default_keys(), ServerSecretKeys)
    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    chosen = default_keys()
    assert isinstance(chosen, KeyringKeys) and chosen.backend is memory


def test_keyring_entry_missing_is_a_typed_error(tmp_path: Path) -> None:
    keys = KeyringKeys(MemoryKeyring())
    with pytest.raises(LocalStateError, match="not in the system keyring"):
        keys.key_for(tmp_path, create=False)
    key = keys.key_for(tmp_path, create=True)
    assert keys.key_for(tmp_path, create=False) == key and len(key) == 32
    assert list(keys.backend.items)[0][0] == SERVICE
    keys.forget(tmp_path)
    keys.forget(tmp_path)  # twice: no error
    assert keys.backend.items == {}


def test_my_record_summary_before_the_wipe(tmp_path: Path) -> None:
    from client.i18n.catalogue import CATALOGUE

    state, config = _world(tmp_path, KeyringKeys(MemoryKeyring()))
    session = AttemptSession(config, _server(state))
    _exam(session)
    session.report("environment_flag", {"findings": []}, severity=WARNING)
    session.submit()
    mine = session.my_record
    assert mine is not None and mine.identity_outcome == "review"
    assert mine.identity_images == {"id_portrait": b"jpg"}
    kinds = [f.kind for f in mine.flags]
    assert "focus_lost" in kinds and "several_faces" in kinds
    env = next(f for f in mine.flags if f.kind == "environment_flag")
    assert env.text == ("A remote-control, screen-sharing or recording program was "
                        "running.")  # told in words, not as "Other event: environment_flag"
    flag = next(f for f in mine.flags if f.kind == "several_faces")
    assert flag.at == "2026-12-01T09:00:00Z" and flag.severity == ALERT
    assert mine.thumbnails[flag.thumbnail_sha256 or ""] == b"thumb-2"
    assert mine.evidence_days == 30 and mine.records_days == 365
    assert mine.receipt_sha256 == local_wipe.read_record(session.attempt_dir)["receipt_sha256"]
    texts = [*KIND_TEXT.values(), OTHER_KIND, *IDENTITY_TEXT.values()]
    assert [t for t in texts if t not in CATALOGUE] == []
    session.close()
