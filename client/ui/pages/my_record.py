"""The student's own view: what was recorded about them, and the invigilator's decisions.

Opened from the receipt page ("What was &recorded about me"). The summary comes from
``backend.my_record()`` (``client.core.my_record.MyRecord``, kept in memory only: the
files were wiped after the receipt); the decisions from ``backend.my_decisions()``
(server, once the exam office released them), fetched in a worker thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..i18n import Lazy, TextBinder, tr
from ..workers import TaskHandle, run_task

SEVERITY = {2: "warning", 3: "alert"}
OUTCOMES = {"cleared": "Cleared", "violation_confirmed": "Violation confirmed",
            "needs_follow_up": "Needs follow-up"}
THUMB_PX = 120


def _picture(data: bytes) -> QLabel:
    label = QLabel()
    pixmap = QPixmap()
    if pixmap.loadFromData(data):
        label.setPixmap(pixmap.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
    else:
        label.setText("—")
    return label


def _text(binder: TextBinder, source: str, /, **kw: Any) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    binder.bind(label.setText, source, **kw)
    return label


class MyRecordDialog(QDialog):
    def __init__(self, backend: Any, binder: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend, self.binder = backend, binder
        self.task: TaskHandle | None = None
        self.record = backend.my_record()
        binder.bind(self.setWindowTitle, "What was recorded about you")
        outer = QVBoxLayout(self)
        body = QWidget()
        self.body = QVBoxLayout(body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._summary()
        self._decisions()
        close = QPushButton()
        binder.bind(close.setText, "&Close")
        close.clicked.connect(self.accept)
        outer.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(640, 560)

    # -- what this computer recorded (in memory) --------------------------------------------
    def _summary(self) -> None:
        r, add = self.record, self.body.addWidget
        if r is None:
            add(_text(self.binder, "Nothing to show: the summary exists only until this "
                                   "program is closed after the hand-in."))
            return
        add(_text(self.binder, "Shown from memory only: these files were deleted from this "
                               "computer after the receipt. Your university keeps your hand-in "
                               "for {evidence} days after the exam closes, and the decisions "
                               "and receipt records for {records} days.",
                  evidence=r.evidence_days, records=r.records_days))
        add(_text(self.binder, "Identity check: {text}", text=Lazy(r.identity_text)))
        pictures = QHBoxLayout()
        for name in sorted(r.identity_images):
            pictures.addWidget(_picture(r.identity_images[name]))
        pictures.addStretch(1)
        self.body.addLayout(pictures)
        if not r.flags:
            add(_text(self.binder, "No flags were recorded."))
        else:
            add(_text(self.binder, "Flags recorded ({count} of {events} events):",
                      count=len(r.flags), events=r.events))
        grid = QGridLayout()
        for row, flag in enumerate(r.flags):
            grid.addWidget(QLabel(flag.at), row, 0)
            grid.addWidget(_text(self.binder, SEVERITY.get(flag.severity, "alert")), row, 1)
            grid.addWidget(_text(self.binder, flag.text, kind=flag.kind), row, 2)
            thumb = r.thumbnails.get(flag.thumbnail_sha256 or "")
            if thumb is not None:
                grid.addWidget(_picture(thumb), row, 3)
        self.flag_rows = len(r.flags)
        self.body.addLayout(grid)
        if r.dropped_evidence:
            add(_text(self.binder, "{count} evidence pictures were dropped to keep the hand-in "
                                   "small; the log says which.", count=r.dropped_evidence))

    # -- the invigilator's decisions (server) ----------------------------------------------
    def _decisions(self) -> None:
        self.fetch = QPushButton()
        self.binder.bind(self.fetch.setText, "&Check the invigilator's decisions")
        self.fetch.clicked.connect(self.check_decisions)
        self.decision_text = QLabel()
        self.decision_text.setWordWrap(True)
        self.decision_text.setObjectName("message")
        self.body.addWidget(self.fetch, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.decision_text)
        self.body.addStretch(1)

    def check_decisions(self) -> None:
        if self.task is not None and self.task.pending:
            return
        self.fetch.setEnabled(False)
        self.binder.bind(self.decision_text.setText, "Asking the exam server…")
        self.task = run_task(lambda _p: self.backend.my_decisions(), self._shown, self._failed)

    def _shown(self, answer: dict[str, Any]) -> None:
        self.fetch.setEnabled(True)
        if not answer.get("released"):
            self.binder.bind(self.decision_text.setText,
                             "The exam office has not released the decisions yet.")
            return
        lines = [tr("Decisions released on {date}:").format(date=answer.get("released_at"))]
        for item in answer.get("decisions", []):
            d = item["decision"]
            scope = (tr("Whole exam") if d.get("scope") == "session"
                     else tr("Flag #{seq}").format(seq=d.get("flag_seq")))
            outcome = tr(OUTCOMES.get(str(d.get("outcome")), str(d.get("outcome"))))
            note = f" — {d['note']}" if d.get("note") else ""
            lines.append(f"{scope}: {outcome}{note}")
        if len(lines) == 1:
            lines.append(tr("No decision was recorded on your attempt."))
        self.decision_text.setText("\n".join(lines))

    def _failed(self, why: str) -> None:
        self.fetch.setEnabled(True)
        self.binder.bind(self.decision_text.setText, "Could not fetch the decisions: {why}",
                         why=why)

    def done(self, result: int) -> None:
        if self.task is not None:
            self.task.wait(40_000)  # the request has its own timeouts (5 s connect, 30 s read)
        super().done(result)
