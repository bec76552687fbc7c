"""Timeline of one session: every log record, flags highlighted, thumbnail and
the per-flag decision form beside the table."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.review_core.content import TimelineEntry
from client.review_core.decisions import DecisionBook
from client.review_core.events import event_text
from client.review_core.texts import N_

from ..i18n import Lazy, tr
from .widgets import DecisionForm, ImagePanel


def headers() -> list[str]:
    return ["#", tr("Time (UTC)"), "+mm:ss", tr("Severity"), tr("Event"), tr("Decision")]
SEVERITY_COLOURS = {3: QColor("#fde2e1"), 2: QColor("#fff4d6")}
UNTRUSTED = QColor("#b3261e")
NARROW = 120  # px


def _clock(offset: int | None) -> str:
    if offset is None:
        return ""
    sign = "-" if offset < 0 else ""
    minutes, seconds = divmod(abs(offset), 60)
    return f"{sign}{minutes:02d}:{seconds:02d}"


def _time_of_day(t_wall: str) -> str:
    """``08:04:05`` of ``2027-01-15 08:04:05Z`` (the date is in the selected event's detail),
    so the event's words get the width; anything else as it is."""
    return t_wall[11:19] if len(t_wall) == 20 and t_wall[10] == " " else t_wall


class TimelineTab(QWidget):
    """Emits ``decide(flag_seq, outcome, note)`` when a flag decision is submitted."""

    decide = Signal(int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._shown: list[TimelineEntry] = []
        self._book: DecisionBook | None = None
        self._broken: int | None = None
        self.flags_only = QCheckBox()
        self.flags_only.toggled.connect(self._fill)
        self.table = QTableWidget(0, len(headers()))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.thumb = ImagePanel(N_("Flag thumbnail"), 240)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.form = DecisionForm(N_("Decision on this flag"))
        self.form.submitted.connect(self._submitted)
        self.form.setEnabled(False)
        side = QVBoxLayout()
        side.addWidget(self.thumb)
        side.addWidget(self.detail)
        side.addWidget(self.form)
        side.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.flags_only)
        left.addWidget(self.table)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(side, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language; the table is filled again, the selection kept."""
        self.flags_only.setText(tr("Flagged events only"))
        self.table.setHorizontalHeaderLabels(headers())
        self.form.retranslate()
        self.refresh_decisions()

    def set_session(self, entries: list[TimelineEntry], book: DecisionBook | None,
                    broken_seq: int | None = None) -> None:
        self._entries, self._book, self._broken = entries, book, broken_seq
        self._fill()

    def refresh_decisions(self) -> None:
        selected = self.selected_entry()
        self._fill()
        if selected is not None:
            self.select_seq(selected.seq)

    def _fill(self) -> None:
        only = self.flags_only.isChecked()
        self._shown = [e for e in self._entries if e.flagged or not only]
        self.table.setRowCount(len(self._shown))
        for row, entry in enumerate(self._shown):
            values = (str(entry.seq), _time_of_day(entry.t_wall), _clock(entry.offset_s),
                      tr(entry.severity_label), event_text(entry), self._decision_text(entry))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                colour = SEVERITY_COLOURS.get(min(entry.severity, 3))
                if colour is not None:
                    item.setBackground(QBrush(colour))
                if column in (1, 4):  # the whole date and the whole event, if cut
                    item.setToolTip(entry.t_wall if column == 1 else value)
                if self._untrusted(entry):
                    item.setForeground(QBrush(UNTRUSTED))
                    item.setToolTip(tr("Recorded at or after the point where the hash chain "
                                       "breaks: this record cannot be trusted."))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in (3, 5):  # severity and decision words are long in kk/ru: the event first
            header.resizeSection(column, min(header.sectionSize(column), NARROW))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._selected()

    def _untrusted(self, entry: TimelineEntry) -> bool:
        return self._broken is not None and entry.seq >= self._broken

    def _decision_text(self, entry: TimelineEntry) -> str:
        if not entry.flagged:
            return "⚠ " + tr("chain broken") if self._untrusted(entry) else ""
        decision = self._book.flags.get(entry.seq) if self._book else None
        return tr(decision.outcome.label) if decision else "⚠ " + tr("undecided")

    def shown_entries(self) -> list[TimelineEntry]:
        return list(self._shown)

    def selected_entry(self) -> TimelineEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def select_seq(self, seq: int) -> None:
        for row, entry in enumerate(self._shown):
            if entry.seq == seq:
                self.table.selectRow(row)
                return

    def _selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.thumb.set_image(None, N_("select an event"))
            self.detail.setText("")
            self.form.setEnabled(False)
            return
        missing = (N_("thumbnail dropped (evidence budget)") if entry.thumb_missing
                   else N_("no thumbnail"))
        self.thumb.set_image(entry.thumbnail, missing)
        self.detail.setText(f"<b>#{entry.seq} {escape(entry.kind)}</b> — "
                            f"{escape(tr(entry.severity_label))}<br>{escape(entry.t_wall)}<br>"
                            f"{escape(event_text(entry))}")
        self.form.setEnabled(entry.flagged and self._book is not None)
        decision = self._book.flags.get(entry.seq) if self._book else None
        if not entry.flagged:
            self.form.reset(N_("Not a flag: no decision needed."))
        elif decision is not None:
            self.form.reset(N_("Current: {outcome} by {reviewer} ({when})"),
                            outcome=Lazy(decision.outcome.label),
                            reviewer=decision.record["reviewer"],
                            when=decision.record["decided_at"])
        else:
            self.form.reset()

    def _submitted(self, outcome: str, note: str) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.flagged:
            self.decide.emit(entry.seq, outcome, note)

