"""``emtihan-server export``: bundles + receipts + decisions of one exam into a folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import ids
from .service import ExamService, Principal

ADMIN = Principal("admin")


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                    "utf-8")


def export_exam(service: ExamService, exam_id: str, out: Path) -> int:
    """Write ``<out>/<attempt_id>/{<sha256>.bin,<sha256>.receipt.json,decisions.json}``
    and ``<out>/sessions.json``; returns the number of bundles written."""
    ids.check_id("exam_id", exam_id)
    out.mkdir(parents=True, exist_ok=True)
    sessions = service.sessions(ADMIN, exam_id)
    count = 0
    for session in sessions:
        folder = out / session["attempt_id"]
        folder.mkdir(exist_ok=True)
        purged = service.storage.purged_blobs(session["attempt_id"])
        for sub in service.storage.list_submissions(session["attempt_id"]):
            if sub["sha256"] in purged:  # deleted under the retention policy: receipt only
                _write_json(folder / f"{sub['sha256']}.receipt.json",
                            service.receipt(ADMIN, session["attempt_id"], sub["sha256"]))
                continue
            with open(folder / f"{sub['sha256']}.bin", "wb") as fh:
                for chunk in service.blobs.read_range(sub["blob_key"], 0, sub["size"] - 1):
                    fh.write(chunk)
            _write_json(folder / f"{sub['sha256']}.receipt.json",
                        service.receipt(ADMIN, session["attempt_id"], sub["sha256"]))
            count += 1
        _write_json(folder / "decisions.json", service.decisions(ADMIN, session["attempt_id"]))
    _write_json(out / "sessions.json", sessions)
    return count
