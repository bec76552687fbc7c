"""Local wipe after the signed receipt (Qt-free).

Once the server's signed receipt for a hand-in is verified, nothing of the attempt
needs to stay on this computer (often a shared family or lab PC). ``wipe_attempt``
deletes the attempt folder's autosave snapshots, the encrypted attempt key, the
event log and its seal, the evidence thumbnails, the ID and live images (inside the
autosave), the key salt, any ``*.corrupt`` / ``<student>.damaged-*`` copies, the
sealed result and its job in the outbox, and the at-rest key in the keyring. It
keeps one file, ``receipt.json``::

    {"format": "emtihan-local-record", "exam_id", "student_id", "attempt_id",
     "handed_in_at", "receipt_sha256", "receipt": {signed receipt as received},
     "wipe": "pending" | "done", "wiped_at"}

Files are deleted, not overwritten: on SSDs and journaling or copy-on-write file
systems an overwrite lands in new blocks, so it would promise what it cannot keep.
What protects deleted blocks is that everything sensitive was encrypted at rest
with a key that is deleted too (docs/client.md, "Keys at rest").

Crash safety: the record is written with ``"wipe": "pending"`` before anything is
deleted and set to ``"done"`` after; ``finish_pending_wipes`` (run when a session
is created, i.e. at every start) finishes a pending wipe, and also one whose
receipt was stored in the outbox just before a crash, before the record existed.
Nothing is deleted for an attempt without a verified receipt.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import LocalStateError
from exam_packages.keys import fsync_dir

from .autosave import atomic_write
from .clock import Clock, iso_utc
from .localkeys import KeySource
from .outbox import Outbox, OutboxJob

RECORD = "receipt.json"
FORMAT = "emtihan-local-record"
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def attempt_folder(data_dir: Path, exam_id: str, student_id: str) -> Path:
    if not (_SAFE.fullmatch(exam_id) and _SAFE.fullmatch(student_id)):
        raise LocalStateError("The receipt names an exam or student that is not a valid id.")
    return Path(data_dir) / "attempts" / exam_id / student_id


def read_record(folder: Path) -> dict[str, Any] | None:
    """The local record of a handed-in attempt, or None if there is none."""
    path = Path(folder) / RECORD
    if not path.exists():
        return None
    try:
        record = json.loads(path.read_bytes())
    except ValueError:
        raise LocalStateError(f"The local receipt record {path} is damaged.") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise LocalStateError(f"The local receipt record {path} has an unknown format.")
    return record


def _write_record(folder: Path, record: dict[str, Any]) -> None:
    atomic_write(Path(folder) / RECORD, json.dumps(record, ensure_ascii=False,
                                                   sort_keys=True).encode("utf-8"), 0o600)


def make_record(receipt_doc: dict[str, Any], exam_id: str, student_id: str) -> dict[str, Any]:
    body = receipt_doc.get("receipt", {})
    return {"format": FORMAT, "exam_id": exam_id, "student_id": student_id,
            "attempt_id": str(body.get("attempt_id", "")),
            "handed_in_at": str(body.get("received_at", "")),
            "receipt_sha256": hashlib.sha256(canonical_bytes(receipt_doc)).hexdigest(),
            "receipt": receipt_doc, "wipe": "pending", "wiped_at": None}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _delete(folder: Path, outbox: Outbox, attempt_id: str, keys: KeySource) -> None:
    for job in outbox.jobs():
        if job.attempt_id == attempt_id:
            _remove(outbox.directory / job.job_id)
    if folder.exists():
        for entry in folder.iterdir():
            if entry.name != RECORD:
                _remove(entry)
        for aside in folder.parent.glob(f"{folder.name}.damaged-*"):
            _remove(aside)
        fsync_dir(folder)
    keys.forget(folder)


def wipe_attempt(data_dir: Path, record: dict[str, Any], outbox: Outbox,
                 keys: KeySource, clock: Clock) -> dict[str, Any]:
    """Delete everything of the attempt of ``record`` (``make_record`` of a verified
    receipt); keep the record."""
    folder = attempt_folder(data_dir, record["exam_id"], record["student_id"])
    folder.mkdir(parents=True, exist_ok=True)
    _write_record(folder, record)  # "pending": a crash from here on is finished at start
    return _finish(folder, record, outbox, keys, clock)


def _finish(folder: Path, record: dict[str, Any], outbox: Outbox, keys: KeySource,
            clock: Clock) -> dict[str, Any]:
    _delete(folder, outbox, record["attempt_id"], keys)
    record = dict(record, wipe="done", wiped_at=iso_utc(clock.wall()))
    _write_record(folder, record)
    return record


def finish_pending_wipes(data_dir: Path, outbox: Outbox, keys: KeySource,
                         clock: Clock) -> list[str]:
    """Finish wipes a crash interrupted; returns the attempt ids wiped now."""
    done: list[str] = []
    for path in sorted(Path(data_dir).glob(f"attempts/*/*/{RECORD}")):
        record = read_record(path.parent)
        if record is not None and record.get("wipe") == "pending":
            _finish(path.parent, record, outbox, keys, clock)
            done.append(record["attempt_id"])
    for job in outbox.jobs():  # receipt stored, then the crash came before the record
        body = (job.receipt or {}).get("receipt", {})
        if job.done and job.attempt_id not in done and body.get("exam_id"):
            record = make_record(job.receipt or {}, str(body["exam_id"]),
                                 str(body.get("student_id", "")))
            done.append(wipe_attempt(data_dir, record, outbox, keys, clock)["attempt_id"])
    return done


def receipt_job(receipt_doc: dict[str, Any]) -> OutboxJob:
    """The finished outbox job of a wiped attempt, rebuilt from its receipt."""
    body = receipt_doc.get("receipt", {})
    return OutboxJob(job_id="", attempt_id=str(body.get("attempt_id", "")),
                     sha256=str(body.get("sha256", "")), size=int(body.get("size", 0)),
                     queued_wall=0.0, state="done", receipt=receipt_doc)
