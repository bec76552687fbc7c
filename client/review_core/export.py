"""CSV export of an exam's sessions (one row per attempt).

Rows carry what the server lists plus what this invigilator established
locally: verification outcome, identity outcome, flag counts from the decrypted
log, auto-grade, and the human decisions. Cells that would start a spreadsheet
formula are prefixed with a quote (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from .api import SessionSummary
from .bundle import OpenedSession
from .decisions import DecisionBook

COLUMNS = (
    "attempt_id", "exam_id", "student_id", "name", "status", "submitted_at", "late", "late_s",
    "verification", "problems", "identity", "flags_alert", "flags_warning", "flags_decided",
    "score", "max_score", "session_decision", "final", "reviewer",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class SessionRecord:
    """Everything known about one session in the review tool."""

    summary: SessionSummary
    opened: OpenedSession | None = None
    decisions: DecisionBook | None = None
    score: str = ""
    max_score: str = ""
    open_error: str = ""  # why the bundle could not be opened at all (tampered / wrong key)

    @property
    def verification(self) -> str:
        if self.open_error:
            return "UNREADABLE — " + self.open_error
        if self.opened is None:
            return "not opened"
        return "TAMPERED / INCOMPLETE" if self.opened.tampered else "verified"

    @property
    def identity(self) -> str:
        if self.opened is None:
            return ""
        return self.opened.content.identity.outcome or "no evidence"


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _flag_cells(record: SessionRecord) -> tuple[object, object, str]:
    if record.opened is None:
        flags = record.summary.announced_flags
        return flags.get("alert", ""), flags.get("warning", ""), ""
    counts = record.opened.content.flag_counts()
    total = sum(counts.values())
    book = record.decisions
    decided = total - len(book.undecided_flags()) if book else 0
    return counts.get("alert", 0), counts.get("warning", 0), f"{decided}/{total}"


def row(record: SessionRecord) -> list[str]:
    s = record.summary
    alert, warning, decided = _flag_cells(record)
    book = record.decisions
    session = book.session if book else None
    values: list[object] = [
        s.attempt_id, s.exam_id, s.student_id, s.name, s.status, s.submitted_at,
        "yes" if s.late else "no", s.late_s, record.verification,
        "; ".join(record.opened.problems) if record.opened else "", record.identity,
        alert, warning, decided, record.score, record.max_score,
        session.outcome.label if session else "", "yes" if book and book.is_final else "no",
        session.record.get("reviewer", "") if session else "",
    ]
    return [_safe(value) for value in values]


def export_csv(records: Iterable[SessionRecord]) -> str:
    """The CSV text (UTF-8 when written; RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(row(record))
    return buffer.getvalue()
