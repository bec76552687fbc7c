from __future__ import annotations

import csv
import io

from client.review_core.api import SessionSummary
from client.review_core.export import COLUMNS, SessionRecord, export_csv


def _summary(**over: object) -> SessionSummary:
    data = {"attempt_id": "att_" + "c" * 32, "exam_id": "phys", "student_id": "s9",
            "name": "Aigerim", "status": "submitted", "submitted_at": "2026-12-01T10:00:00Z",
            "late": True, "late_s": 90, "flags": {"high": 2, "low": 1}} | over
    return SessionSummary.from_json(data)


def test_csv_rows_and_formula_injection() -> None:
    evil = SessionRecord(_summary(name="=HYPERLINK(\"http://x\")", student_id="s1"))
    plain = SessionRecord(_summary(status="started", late=False, late_s=0, flags={}))
    rows = list(csv.DictReader(io.StringIO(export_csv([evil, plain]))))
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["name"] == "'=HYPERLINK(\"http://x\")"
    assert rows[0]["late"] == "yes" and rows[0]["late_s"] == "90"
    assert (rows[0]["flags_alert"], rows[0]["flags_warning"]) == ("2", "1")  # announced
    assert rows[0]["verification"] == "not opened" and rows[0]["final"] == "no"
    assert rows[1]["status"] == "started" and rows[1]["flags_alert"] == ""


def test_unreadable_bundle_is_named_in_csv() -> None:
    record = SessionRecord(_summary(), open_error="The result was altered.")
    row = next(csv.DictReader(io.StringIO(export_csv([record]))))
    assert row["verification"] == "UNREADABLE — The result was altered."
