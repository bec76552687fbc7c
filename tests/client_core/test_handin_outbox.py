from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from client.core.eventlog import WARNING, EventLog
from client.core.handin import HandinInputs, build_payload, open_handin, parse_payload
from client.core.outbox import Outbox
from exam_packages.envelope import seal_result
from exam_packages.errors import EventLogError, LocalStateError, MalformedPackageError
from tests.support.clocks import FakeClock


def _inputs(tmp_path: Path, key: Ed25519PrivateKey) -> HandinInputs:
    with EventLog(tmp_path / "log", clock=FakeClock()) as log:
        log.append("exam_started")
        log.append("no_face", severity=WARNING, thumbnail=b"jpeg-bytes")
        sig = log.seal(key)
        return HandinInputs(attempt_id="att_" + "1" * 32, exam_id="e", exam_version=1,
                            student_id="s", seed="att|s", paper={"questions": []},
                            answers={"q1": "a"}, log_bytes=log.read_bytes(), log_signature=sig,
                            evidence=log.evidence())


def _reseal(payload: bytes, inst: X25519PrivateKey, key: Ed25519PrivateKey) -> bytes:
    return seal_result(payload, {"format": "emtihan-handin-v1"}, inst.public_key(), key)


def _replace(payload: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(payload)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info))
    return out.getvalue()


def test_payload_round_trip(tmp_path: Path) -> None:
    key, inst = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    inputs = _inputs(tmp_path, key)
    opened = open_handin(_reseal(build_payload(inputs), inst, key), inst)
    assert opened.answers == {"q1": "a"} and list(opened.evidence.values()) == [b"jpeg-bytes"]
    assert opened.document["event_log"]["records"] == 3
    assert build_payload(inputs) == build_payload(inputs)  # deterministic


def test_tampered_evidence_is_refused(tmp_path: Path) -> None:
    key, inst = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    inputs = _inputs(tmp_path, key)
    sha = next(iter(inputs.evidence))
    payload = _replace(build_payload(inputs), f"evidence/{sha}.jpg", b"other")
    with pytest.raises(MalformedPackageError, match="does not match its hash"):
        open_handin(_reseal(payload, inst, key), inst)


def test_tampered_log_inside_bundle_names_seq(tmp_path: Path) -> None:
    key, inst = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    inputs = _inputs(tmp_path, key)
    lines = inputs.log_bytes.split(b"\n")
    lines[0] = lines[0].replace(b"exam_started", b"exam_startet")
    payload = _replace(build_payload(inputs), "events.jsonl", b"\n".join(lines))
    with pytest.raises(EventLogError, match="record 0 was altered"):
        open_handin(_reseal(payload, inst, key), inst)


def test_not_a_bundle(tmp_path: Path) -> None:
    with pytest.raises(MalformedPackageError, match="not a valid bundle"):
        parse_payload(b"not a zip")


def test_outbox_persists_and_damaged_job_is_typed_error(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox", FakeClock())
    job = outbox.enqueue(b"envelope", "att_1", {"high": 1})
    again = Outbox(tmp_path / "outbox", FakeClock())
    assert [j.job_id for j in again.pending()] == [job.job_id]
    assert again.envelope_path(job).read_bytes() == b"envelope"
    assert outbox.enqueue(b"envelope", "att_1").job_id == job.job_id  # idempotent
    (tmp_path / "outbox" / job.job_id / "job.json").write_text("{broken")
    with pytest.raises(LocalStateError, match=f"outbox entry {job.job_id} is damaged"):
        again.pending()
    assert again.envelope_path(job).read_bytes() == b"envelope"
