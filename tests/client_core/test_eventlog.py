from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from client.core.eventlog import (
    ALERT,
    GENESIS_HASH,
    INFO,
    NOTICE,
    WARNING,
    EventLog,
    EvidenceBudget,
    check_chain,
    record_hash,
    verify_log,
)
from exam_packages.canonical import canonical_bytes
from exam_packages.errors import EventLogError, SessionStateError, SignatureError
from tests.support.clocks import FakeClock


def _pub(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _sealed_log(tmp_path: Path, n: int = 5) -> tuple[bytes, bytes, Ed25519PrivateKey]:
    key = Ed25519PrivateKey.generate()
    clock = FakeClock()
    with EventLog(tmp_path / "log", clock=clock) as log:
        for i in range(n):
            clock.advance(1.5)
            log.append("answer_changed", {"q": f"q{i}", "i": i})
        sig = log.seal(key)
        return log.read_bytes(), sig, key


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")[:-1]


def _join(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def test_chain_verifies_and_hash_is_defined_over_canonical_body(tmp_path: Path) -> None:
    raw, sig, key = _sealed_log(tmp_path)
    assert verify_log(raw, _pub(key), sig) is None
    records = [json.loads(line) for line in _lines(raw)]
    prev = GENESIS_HASH
    for i, rec in enumerate(records):
        body = {k: v for k, v in rec.items() if k != "hash"}
        expect = hashlib.sha256(bytes.fromhex(prev) + canonical_bytes(body)).hexdigest()
        assert rec["hash"] == expect == record_hash(prev, body)
        assert rec["seq"] == i and rec["prev_hash"] == prev
        prev = rec["hash"]
    assert records[-1]["kind"] == "seal" and records[-1]["data"] == {"count": 5}
    assert records[1]["t_mono"] - records[0]["t_mono"] == 1500


def test_edited_record_names_seq(tmp_path: Path) -> None:
    raw, sig, key = _sealed_log(tmp_path)
    lines = _lines(raw)
    rec = json.loads(lines[2])
    rec["data"]["q"] = "forged"
    lines[2] = canonical_bytes(rec)
    with pytest.raises(EventLogError, match="record 2 was altered") as err:
        verify_log(_join(lines), _pub(key), sig)
    assert err.value.seq == 2


def test_deleted_line_names_seq(tmp_path: Path) -> None:
    raw, sig, key = _sealed_log(tmp_path)
    lines = _lines(raw)
    del lines[3]
    with pytest.raises(EventLogError, match="record 3 is missing or out of order") as err:
        verify_log(_join(lines), _pub(key), sig)
    assert err.value.seq == 3


def test_reordered_lines_name_seq(tmp_path: Path) -> None:
    raw, sig, key = _sealed_log(tmp_path)
    lines = _lines(raw)
    lines[1], lines[2] = lines[2], lines[1]
    with pytest.raises(EventLogError, match="record 1 is missing or out of order") as err:
        verify_log(_join(lines), _pub(key), sig)
    assert err.value.seq == 1


def test_truncated_lines_name_seq(tmp_path: Path) -> None:
    raw, sig, key = _sealed_log(tmp_path)
    lines = _lines(raw)[:4]
    with pytest.raises(EventLogError, match="ends before record 4: no seal") as err:
        verify_log(_join(lines), _pub(key), sig)
    assert err.value.seq == 4


def test_byte_truncated_record_names_seq(tmp_path: Path) -> None:
    raw, sig, key = _sealed_log(tmp_path)
    with pytest.raises(EventLogError, match="record 5 is cut off") as err:
        verify_log(raw[:-20], _pub(key), sig)
    assert err.value.seq == 5


def test_wrong_key_names_seal_seq(tmp_path: Path) -> None:
    raw, sig, _key = _sealed_log(tmp_path)
    other = Ed25519PrivateKey.generate()
    with pytest.raises(SignatureError, match=r"seal \(record 5\) is not signed"):
        verify_log(raw, _pub(other), sig)


def test_appended_after_seal_names_seq(tmp_path: Path) -> None:
    raw, sig, key = _sealed_log(tmp_path)
    lines = _lines(raw)
    last = json.loads(lines[-1])
    body = {"seq": 6, "t_mono": 1, "t_wall": 1, "kind": "answer_changed", "severity": 0,
            "data": {"q": "late"}, "prev_hash": last["hash"]}
    lines.append(canonical_bytes(dict(body, hash=record_hash(last["hash"], body))))
    with pytest.raises(EventLogError, match="record 6 was appended after the log was sealed"):
        verify_log(_join(lines), _pub(key), sig)


def test_sealed_log_refuses_append_and_file_is_unchanged(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    with EventLog(tmp_path / "log", clock=FakeClock()) as log:
        log.append("start")
        log.seal(key)
        before = log.read_bytes()
        with pytest.raises(SessionStateError, match="The event log is sealed"):
            log.append("late")
        assert log.read_bytes() == before


def test_reopen_after_crash_drops_torn_tail_and_continues_chain(tmp_path: Path) -> None:
    clock = FakeClock()
    log = EventLog(tmp_path / "log", clock=clock)
    for i in range(3):
        log.append("tick", {"i": i})
    log.close()
    path = tmp_path / "log" / EventLog.LOG_NAME
    path.write_bytes(path.read_bytes() + b'{"seq":3,"t_mo')  # power loss mid-write
    with EventLog(tmp_path / "log", clock=clock) as again:
        assert again.next_seq == 3
        again.append("tick", {"i": 3})
        key = Ed25519PrivateKey.generate()
        sig = again.seal(key)
        verify_log(again.read_bytes(), _pub(key), sig)


def test_reopen_of_tampered_log_is_refused(tmp_path: Path) -> None:
    with EventLog(tmp_path / "log", clock=FakeClock()) as log:
        log.append("a")
        log.append("b")
    path = tmp_path / "log" / EventLog.LOG_NAME
    path.write_bytes(path.read_bytes().replace(b'"a"', b'"x"'))
    with pytest.raises(EventLogError, match="record 0 was altered"):
        EventLog(tmp_path / "log", clock=FakeClock())


def test_thumbnails_only_for_flagged_events(tmp_path: Path) -> None:
    with EventLog(tmp_path / "log", clock=FakeClock(), budget=EvidenceBudget(WARNING)) as log:
        low = log.append("face_count", {"n": 1}, severity=INFO, thumbnail=b"low-jpeg")
        high = log.append("no_face", {"n": 0}, severity=WARNING, thumbnail=b"high-jpeg")
        assert "thumb_sha256" not in low
        assert high["thumb_sha256"] == hashlib.sha256(b"high-jpeg").hexdigest()
        assert log.evidence() == {high["thumb_sha256"]: b"high-jpeg"}


def test_budget_drops_oldest_lowest_severity_and_logs_it(tmp_path: Path) -> None:
    budget = EvidenceBudget(min_severity=NOTICE, max_bytes=30)
    with EventLog(tmp_path / "log", clock=FakeClock(), budget=budget) as log:
        a = log.append("e", severity=NOTICE, thumbnail=b"A" * 10)
        b = log.append("e", severity=ALERT, thumbnail=b"B" * 10)
        c = log.append("e", severity=NOTICE, thumbnail=b"C" * 10)
        d = log.append("e", severity=WARNING, thumbnail=b"D" * 10)  # must evict A (oldest NOTICE)
        kept = log.evidence()
        assert set(kept) == {b["thumb_sha256"], c["thumb_sha256"], d["thumb_sha256"]}
        drops = [r for r in log.records() if r["kind"] == "evidence_dropped"]
        assert [x["data"]["thumb_sha256"] for x in drops] == [a["thumb_sha256"]]
        assert drops[0]["data"]["event_seq"] == a["seq"]
        e = log.append("e", severity=WARNING, thumbnail=b"E" * 10)  # evicts C
        kept = log.evidence()
        assert set(kept) == {b["thumb_sha256"], d["thumb_sha256"], e["thumb_sha256"]}
        f = log.append("e", severity=NOTICE, thumbnail=b"F" * 10)  # ranks lowest: itself dropped
        assert "thumb_sha256" not in f
        assert log.evidence_bytes() == 30 and set(log.evidence()) == set(kept)
        dropped = [r["data"]["thumb_sha256"] for r in log.records()
                   if r["kind"] == "evidence_dropped"]
        assert dropped[-2:] == [c["thumb_sha256"], hashlib.sha256(b"F" * 10).hexdigest()]
        assert log.records()[-1]["kind"] == "evidence_dropped"
        check_chain(log.read_bytes(), require_seal=False)


def test_oversized_and_duplicate_thumbnails(tmp_path: Path) -> None:
    budget = EvidenceBudget(min_severity=WARNING, max_bytes=20)
    with EventLog(tmp_path / "log", clock=FakeClock(), budget=budget) as log:
        big = log.append("e", severity=ALERT, thumbnail=b"X" * 21)
        assert "thumb_sha256" not in big
        drop = log.records()[-1]
        assert drop["kind"] == "evidence_dropped"
        assert drop["data"]["reason"] == "larger than the whole evidence budget"
        first = log.append("e", severity=WARNING, thumbnail=b"Y" * 15)
        same = log.append("e", severity=WARNING, thumbnail=b"Y" * 15)  # no self-eviction
        assert first["thumb_sha256"] == same["thumb_sha256"]
        assert log.evidence_bytes() == 15 and log.records()[-1] == same
