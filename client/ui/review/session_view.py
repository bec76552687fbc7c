"""One opened session: the verification banner on top of five tabs."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from client.review_core.bundle import OpenedSession
from client.review_core.decisions import FINAL_OUTCOMES, Outcome
from client.review_core.export import SessionRecord
from client.review_core.paper import ReconstructedPaper, paper_html

from .identity_tab import IdentityTab
from .timeline_tab import TimelineTab
from .widgets import Banner, DecisionForm


def banner_text(opened: OpenedSession) -> tuple[str, str]:
    if opened.tampered:
        problems = "<br>".join(f"• {escape(p)}" for p in opened.problems)
        return "bad", ("⚠ LOG TAMPERED / INCOMPLETE — do not rely on this session's data "
                       f"without follow-up.<br>{problems}")
    return "ok", ("✔ Verified: decrypted locally, attempt signature, server receipt and "
                  "event-log hash chain all check out.")


def overview_html(record: SessionRecord) -> str:
    s, opened = record.summary, record.opened
    rows = [("Student", f"{s.student_id} — {s.name}"), ("Attempt", s.attempt_id),
            ("Exam", s.exam_id), ("Started", s.started_at), ("Deadline", s.deadline),
            ("Handed in", s.submitted_at or "—"),
            ("Timing", f"late by {s.late_s} s" if s.late else "on time"),
            ("Hand-in versions", str(s.versions)), ("Attempt key changes", str(s.key_changes)),
            *_flags_row(record)]
    html = "<h3>Session</h3>" + _table(rows)
    if opened is None:
        return html
    html += "<h3>Verification</h3>" + _table(
        [(("✔ " if c.ok else "✘ ") + c.name, c.message) for c in opened.checks], bad_rows={
            ("✘ " + c.name) for c in opened.checks if not c.ok})
    checks = opened.content.system_checks
    html += "<h3>System checks before the exam</h3>"
    html += _table([_check_row(k, v) for k, v in sorted(checks.items())]) if checks else \
        "<p>No system-check results in the bundle.</p>"
    receipt = opened.receipt.get("receipt") or {}
    if receipt:
        html += "<h3>Server receipt</h3>" + _table([(k, _fmt(v)) for k, v in
                                                      sorted(receipt.items())])
    return html


def _fmt(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_fmt(v)}" for k, v in sorted(value.items()))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _check_row(name: str, value: object) -> tuple[str, str]:
    """A system check: its pass/fail state first, then the measured details."""
    if isinstance(value, dict) and isinstance(value.get("ok"), bool):
        rest = {k: v for k, v in value.items() if k != "ok"}
        state = "✔ passed" if value["ok"] else "✘ FAILED"
        return name, state + (f" — {_fmt(rest)}" if rest else "")
    return name, _fmt(value)


def _flags_row(record: SessionRecord) -> list[tuple[str, str]]:
    announced = {k: v for k, v in record.summary.announced_flags.items() if v}
    if record.opened is None or not announced:
        return []
    found = {k: v for k, v in record.opened.content.flag_counts().items() if v}
    text = f"at upload: {_fmt(announced) or 'none'}; in the decrypted log: {_fmt(found) or 'none'}"
    if sum(announced.values()) != sum(found.values()):
        text += "  ⚠ differs"
    return [("Flags announced / found", text)]


def _table(rows: list[tuple[str, str]], bad_rows: set[str] | None = None) -> str:
    out = []
    for key, value in rows:
        style = " style='color:#b3261e;font-weight:bold'" if bad_rows and key in bad_rows else ""
        out.append(f"<tr{style}><td style='padding-right:18px'>{escape(str(key))}</td>"
                   f"<td>{escape(str(value))}</td></tr>")
    return "<table cellspacing='3'>" + "".join(out) + "</table>"


class SessionView(QWidget):
    decide_flag = Signal(int, str, str)
    decide_session = Signal(str, str)
    load_package = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: SessionRecord | None = None
        self.banner = Banner()
        self.tabs = QTabWidget()
        self.overview = QTextBrowser()
        self.timeline = TimelineTab()
        self.timeline.decide.connect(self.decide_flag)
        self.identity = IdentityTab()
        self.paper = QTextBrowser()
        self.paper_button = QPushButton("Load exam package…")
        self.paper_button.clicked.connect(self.load_package)
        paper_box = QWidget()
        paper_layout = QVBoxLayout(paper_box)
        bar = QHBoxLayout()
        bar.addWidget(self.paper_button)
        bar.addStretch(1)
        paper_layout.addLayout(bar)
        paper_layout.addWidget(self.paper)
        self.session_form = DecisionForm("Decision on the whole session")
        self.session_form.submitted.connect(self.decide_session)
        self.session_state = QLabel()
        self.session_state.setWordWrap(True)
        self.history = QTextBrowser()
        decision_box = QWidget()
        decision_layout = QVBoxLayout(decision_box)
        decision_layout.addWidget(self.session_state)
        decision_layout.addWidget(self.session_form)
        decision_layout.addWidget(QLabel("<b>Decisions on record</b>"))
        decision_layout.addWidget(self.history, 1)
        for widget, title in ((self.overview, "Overview"), (self.timeline, "Timeline"),
                              (self.identity, "Identity"), (paper_box, "Paper"),
                              (decision_box, "Decision")):
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.show_record(None)

    def show_record(self, record: SessionRecord | None) -> None:
        self.record = record
        opened = record.opened if record else None
        self.tabs.setEnabled(record is not None)
        if record is None:
            self.banner.show_message("info", "Select a session and open it to review it.")
        elif record.open_error:
            self.banner.show_message("bad", "⚠ BUNDLE CANNOT BE OPENED — tampered, truncated "
                                     f"or sealed to another key.<br>• {escape(record.open_error)}")
        elif opened is None:
            self.banner.show_message("info", "Not opened yet: press “Open session” to download, "
                                             "decrypt and verify it.")
        else:
            self.banner.show_message(*banner_text(opened))
        self.overview.setHtml(overview_html(record) if record else "")
        self.timeline.set_session(opened.content.timeline() if opened else [],
                                  record.decisions if record else None,
                                  opened.broken_seq if opened else None)
        if opened is not None:
            self.identity.set_evidence(opened.content.identity)
        self.refresh_decisions()

    def show_paper(self, paper: ReconstructedPaper | str | None,
                   images: dict[str, bytes] | None = None) -> None:
        document = self.paper.document()
        for name, data in (images or {}).items():
            image = QImage()
            if image.loadFromData(data):
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        if paper is None:
            self.paper.setHtml("<p>Load the exam package (and its content key, if encrypted) "
                               "to see the questions, the answers and the automatic grade.</p>")
        elif isinstance(paper, str):
            self.paper.setHtml(f"<p style='color:#b3261e'><b>{escape(paper)}</b></p>")
        else:
            self.paper.setHtml(paper_html(paper))

    def refresh_decisions(self) -> None:
        self.timeline.refresh_decisions()
        book = self.record.decisions if self.record else None
        self.session_form.setEnabled(book is not None)
        if book is None:
            self.session_state.setText("Open the session to record decisions.")
            self.history.setHtml("")
            return
        missing = book.undecided_flags()
        final_ok = not missing
        for index in range(self.session_form.outcome.count()):
            value = self.session_form.outcome.itemData(index)
            if value and Outcome(value) in FINAL_OUTCOMES:
                item = self.session_form.outcome.model().item(index)  # type: ignore[attr-defined]
                item.setEnabled(final_ok)
        if missing:
            self.session_state.setText(
                f"<b style='color:#8a5a00'>{len(missing)} of {len(book.flag_seqs)} flag(s) "
                "still need your decision</b> (Timeline tab) before the session decision can "
                "be final. “Needs follow-up” can be recorded at any time.")
        else:
            self.session_state.setText(f"All {len(book.flag_seqs)} flag(s) decided. "
                                       "Nothing is sanctioned automatically: you decide.")
        self.history.setHtml(history_html(self.record))


def history_html(record: SessionRecord | None) -> str:
    book = record.decisions if record else None
    if book is None:
        return ""
    entries = [*book.flags.values(), *([book.session] if book.session else [])]
    if not entries:
        return "<p>No decisions yet.</p>"
    rows = []
    for d in sorted(entries, key=lambda d: str(d.record["decided_at"])):
        what = "Session" if d.flag_seq is None else f"Flag #{d.flag_seq}"
        rows.append(f"<li><b>{what}: {d.outcome.label}</b> — {escape(str(d.record['reviewer']))}"
                    f", {escape(str(d.record['decided_at']))}<br>"
                    f"<i>{escape(str(d.record['note'])) or 'no note'}</i></li>")
    return "<ul>" + "".join(rows) + "</ul>"
