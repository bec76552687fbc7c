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
from client.review_core.content import SEVERITY_LABELS, findings_line
from client.review_core.decisions import FINAL_OUTCOMES, Outcome
from client.review_core.export import SessionRecord
from client.review_core.paper import ReconstructedPaper, paper_html
from client.review_core.texts import N_

from ..i18n import tr, trf
from .identity_tab import IdentityTab
from .texts import tr_core
from .timeline_tab import TimelineTab
from .widgets import Banner, DecisionForm


def banner_text(opened: OpenedSession) -> tuple[str, str]:
    if opened.tampered:
        problems = "<br>".join(f"• {escape(tr_core(c.name))}: {escape(tr_core(c.message))}"
                               for c in opened.checks if not c.ok)
        return "bad", ("⚠ " + tr("LOG TAMPERED / INCOMPLETE — do not rely on this session's "
                                 "data without follow-up.") + f"<br>{problems}")
    return "ok", "✔ " + tr("Verified: decrypted locally, attempt signature, server receipt and "
                           "event-log hash chain all check out.")


def overview_html(record: SessionRecord) -> str:
    s, opened = record.summary, record.opened
    rows = [(tr("Student"), f"{s.student_id} — {s.name}"), (tr("Attempt"), s.attempt_id),
            (tr("Exam"), s.exam_id), (tr("Started"), s.started_at),
            (tr("Deadline"), s.deadline), (tr("Handed in"), s.submitted_at or "—"),
            (tr("Timing"), trf("late by {seconds} s", seconds=s.late_s) if s.late
             else tr("on time")),
            (tr("Hand-in versions"), str(s.versions)),
            (tr("Attempt key changes"), str(s.key_changes)), *_flags_row(record)]
    html = f"<h3>{tr('Session')}</h3>" + _table(rows)
    if opened is None:
        return html
    html += f"<h3>{tr('Verification')}</h3>" + _table(
        [(("✔ " if c.ok else "✘ ") + tr_core(c.name), tr_core(c.message))
         for c in opened.checks],
        bad_rows={"✘ " + tr_core(c.name) for c in opened.checks if not c.ok})
    checks = opened.content.system_checks
    html += f"<h3>{tr('System checks before the exam')}</h3>"
    html += _table([_check_row(k, v) for k, v in sorted(checks.items())]) if checks else \
        f"<p>{tr('No system-check results in the bundle.')}</p>"
    receipt = opened.receipt.get("receipt") or {}
    if receipt:
        html += f"<h3>{tr('Server receipt')}</h3>" + _table(
            [(_field(k), _fmt(v)) for k, v in sorted(receipt.items())])
    return html


def _field(key: str) -> str:
    """A receipt or measurement field in words; an unknown one as its code."""
    return tr(FIELD_NAMES[key]) if key in FIELD_NAMES else key


def _fmt(value: object) -> str:
    """A recorded value; the client's own English texts (hints, errors) translated."""
    if isinstance(value, dict):
        return ", ".join(f"{_field(k)}: {_fmt(v)}" for k, v in sorted(value.items()))
    if isinstance(value, list | tuple):
        return "; ".join(_fmt(v) for v in value)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return tr_core(value) if isinstance(value, str) else str(value)


def _check_row(name: str, value: object) -> tuple[str, str]:
    """A system check: its pass/fail state first, then the measured details."""
    shown = tr(SYSTEM_CHECKS[name]) if name in SYSTEM_CHECKS else name
    key = "ok" if isinstance(value, dict) and "ok" in value else "passed"
    if isinstance(value, dict) and isinstance(value.get(key), bool):
        rest = {k: v for k, v in value.items() if k != key}
        if isinstance(rest.get("findings"), list):  # the exam mode's programs, in a line
            found, more = findings_line(rest["findings"])
            rest["findings"] = found + (f" (+{more})" if more else "") or tr("none")
        state = "✔ " + tr("passed") if value[key] else "✘ " + tr("FAILED")
        return shown, state + (f" — {_fmt(rest)}" if rest else "")
    return shown, _fmt(value)


def _flags_row(record: SessionRecord) -> list[tuple[str, str]]:
    announced = {k: v for k, v in record.summary.announced_flags.items() if v}
    if record.opened is None or not announced:
        return []
    found = {k: v for k, v in record.opened.content.flag_counts().items() if v}
    text = trf("at upload: {announced}; in the decrypted log: {found}",
               announced=_counts(announced), found=_counts(found))
    if sum(announced.values()) != sum(found.values()):
        text += "  ⚠ " + tr("differs")
    return [(tr("Flags announced / found"), text)]


def _counts(counts: dict[str, int]) -> str:
    """``alert: 1, warning: 1`` with the severities in words (unknown labels as they are)."""
    return ", ".join(f"{tr(k) if k in SEVERITY_LABELS.values() else k}: {v}"
                     for k, v in sorted(counts.items())) or tr("none")


def _table(rows: list[tuple[str, str]], bad_rows: set[str] | None = None) -> str:
    out = []
    for key, value in rows:
        style = " style='color:#b3261e;font-weight:bold'" if bad_rows and key in bad_rows else ""
        out.append(f"<tr{style}><td style='padding-right:18px'>{escape(str(key))}</td>"
                   f"<td>{escape(str(value))}</td></tr>")
    return "<table cellspacing='3'>" + "".join(out) + "</table>"


# system checks the student's client ran before the exam (client/ui/pages/checks.py)
SYSTEM_CHECKS = {"camera": "Camera", "audio": "Headset", "bandwidth": "Connection",
                 "microphone": "Microphone", "speaker": "Speaker",
                 "environment": "Other programs"}
# fields of the server's receipt and of the client's measurements (shown as codes otherwise)
FIELD_NAMES = {"attempt_id": "Attempt", "exam_id": "Exam", "student_id": "Student",
               "late": "Late", "late_s": "Late by (s)", "received_at": "Received",
               "sha256": "SHA-256", "size": "Size (bytes)", "version": "Hand-in version",
               "device": "Device", "vad_speech": "Speech heard", "kbps": "kbit/s",
               "download_kbps": "Download (kbit/s)", "upload_kbps": "Upload (kbit/s)",
               "required_kbps": "Required (kbit/s)", "width": "Width", "height": "Height",
               "fps": "Frames/s", "brightness": "Brightness", "faces": "Faces",
               "hints": "Hints", "error": "Error", "peak_rms": "Level (RMS)",
               "typed_correctly": "Digits typed correctly",
               "student_declared": "Reported by the student", "cannot_hear": "Cannot hear",
               "findings": "Found", "blocking": "Blocking", "flagged": "Flagged"}


TAB_TITLES = (N_("Overview"), N_("Timeline"), N_("Identity"), N_("Paper"), N_("Decision"))


class SessionView(QWidget):
    decide_flag = Signal(int, str, str)
    decide_session = Signal(str, str)
    load_package = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: SessionRecord | None = None
        self._paper: tuple[ReconstructedPaper | str | None, dict[str, bytes] | None] = (None,
                                                                                       None)
        self.banner = Banner()
        self.tabs = QTabWidget()
        self.overview = QTextBrowser()
        self.timeline = TimelineTab()
        self.timeline.decide.connect(self.decide_flag)
        self.identity = IdentityTab()
        self.paper = QTextBrowser()
        self.paper_button = QPushButton()
        self.paper_button.clicked.connect(self.load_package)
        paper_box = QWidget()
        paper_layout = QVBoxLayout(paper_box)
        bar = QHBoxLayout()
        bar.addWidget(self.paper_button)
        bar.addStretch(1)
        paper_layout.addLayout(bar)
        paper_layout.addWidget(self.paper)
        self.session_form = DecisionForm(N_("Decision on the whole session"))
        self.session_form.submitted.connect(self.decide_session)
        self.session_state = QLabel()
        self.session_state.setWordWrap(True)
        self.history = QTextBrowser()
        decision_box = QWidget()
        decision_layout = QVBoxLayout(decision_box)
        decision_layout.addWidget(self.session_state)
        decision_layout.addWidget(self.session_form)
        self.history_label = QLabel()
        decision_layout.addWidget(self.history_label)
        decision_layout.addWidget(self.history, 1)
        for widget in (self.overview, self.timeline, self.identity, paper_box, decision_box):
            self.tabs.addTab(widget, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text again in the current language (the selected flag stays selected)."""
        self.paper_button.setText(tr("Load exam package…"))
        self.history_label.setText(f"<b>{tr('Decisions on record')}</b>")
        for index, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(index, tr(title))
        self.session_form.retranslate()
        self.identity.retranslate()
        self.timeline.retranslate()
        selected = self.timeline.selected_entry()
        self.show_record(self.record)
        if selected is not None:
            self.timeline.select_seq(selected.seq)
        self.show_paper(*self._paper)

    def show_record(self, record: SessionRecord | None) -> None:
        self.record = record
        opened = record.opened if record else None
        self.tabs.setEnabled(record is not None)
        if record is None:
            self.banner.show_message("info", tr("Select a session and open it to review it."))
        elif record.open_error:
            self.banner.show_message("bad", "⚠ " + tr(
                "BUNDLE CANNOT BE OPENED — tampered, truncated or sealed to another key.")
                + f"<br>• {escape(tr_core(record.open_error))}")
        elif opened is None:
            self.banner.show_message("info", tr("Not opened yet: press “Open session” to "
                                                "download, decrypt and verify it."))
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
        self._paper = (paper, images)
        document = self.paper.document()
        for name, data in (images or {}).items():
            image = QImage()
            if image.loadFromData(data):
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        if paper is None:
            self.paper.setHtml("<p>" + tr("Load the exam package (and its content key, if "
                                          "encrypted) to see the questions, the answers and "
                                          "the automatic grade.") + "</p>")
        elif isinstance(paper, str):
            self.paper.setHtml(f"<p style='color:#b3261e'><b>{escape(tr_core(paper))}</b></p>")
        else:
            self.paper.setHtml(paper_html(paper))

    def refresh_decisions(self) -> None:
        self.timeline.refresh_decisions()
        book = self.record.decisions if self.record else None
        self.session_form.setEnabled(book is not None)
        if book is None:
            self.session_state.setText(tr("Open the session to record decisions."))
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
                "<b style='color:#8a5a00'>" + trf("{missing} of {total} flag(s) still need "
                                                  "your decision", missing=len(missing),
                                                  total=len(book.flag_seqs)) + "</b> "
                + tr("(Timeline tab) before the session decision can be final. “Needs "
                     "follow-up” can be recorded at any time."))
        else:
            self.session_state.setText(
                trf("All {total} flag(s) decided.", total=len(book.flag_seqs)) + " "
                + tr("Nothing is sanctioned automatically: you decide."))
        self.history.setHtml(history_html(self.record))


def history_html(record: SessionRecord | None) -> str:
    book = record.decisions if record else None
    if book is None:
        return ""
    entries = [*book.flags.values(), *([book.session] if book.session else [])]
    if not entries:
        return f"<p>{tr('No decisions yet.')}</p>"
    rows = []
    for d in sorted(entries, key=lambda d: str(d.record["decided_at"])):
        what = tr("Session") if d.flag_seq is None else trf("Flag #{seq}", seq=d.flag_seq)
        rows.append(f"<li><b>{what}: {tr(d.outcome.label)}</b> — "
                    f"{escape(str(d.record['reviewer']))}"
                    f", {escape(str(d.record['decided_at']))}<br>"
                    f"<i>{escape(str(d.record['note'])) or tr('no note')}</i></li>")
    return "<ul>" + "".join(rows) + "</ul>"
