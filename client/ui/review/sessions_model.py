"""The session list: a table model over ``SessionRecord`` and a filter/sort proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from client.review_core.events import identity_words
from client.review_core.export import SessionRecord

from ..i18n import tr, trf
from .texts import tr_core

LIST_COLUMNS = ("Student", "Name", "Handed in", "Timing", "Identity", "Flags", "Verification",
           "Decision")  # translated when shown

FLAGS_COLUMN, TIMING_COLUMN, VERIFICATION_COLUMN = 5, 3, 6
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
RED = QColor("#fde2e1")
AMBER = QColor("#fff4d6")
Index = QModelIndex | QPersistentModelIndex


def _timing(record: SessionRecord) -> tuple[str, int]:
    s = record.summary
    if not s.submitted:
        return tr("In progress"), -1
    if s.late:
        return trf("Late +{minutes} min", minutes=max(1, round(s.late_s / 60))), s.late_s
    return tr("On time"), 0


def _flags(record: SessionRecord, label: str) -> int | None:
    if record.opened is not None:
        return record.opened.content.flag_counts().get(label, 0)
    value = record.summary.announced_flags.get(label)
    return None if value is None else int(value)


def _decision(record: SessionRecord) -> str:
    book = record.decisions
    if book is None:
        return ""
    if book.session is not None:
        label = tr(book.session.outcome.label)
        return label if book.is_final else trf("{outcome} (open)", outcome=label)
    missing = len(book.undecided_flags())
    if missing:
        return trf("{count} flag(s) open", count=missing)
    return tr("Session open")


def _flag_cell(record: SessionRecord) -> tuple[str, int]:
    alert, warning = _flags(record, "alert"), _flags(record, "warning")
    if alert is None and warning is None:
        return "", -1
    alert, warning = alert or 0, warning or 0
    if not alert and not warning:
        return tr("none"), 0
    parts = [trf("{count} alert", count=alert) if alert else "",
             trf("{count} warn", count=warning) if warning else ""]
    return " · ".join(p for p in parts if p), alert * 10_000 + warning


def _verification(record: SessionRecord) -> str:
    if record.open_error:
        return "⚠ " + tr("UNREADABLE")
    if record.opened is None:
        return "—"
    return "⚠ " + tr("TAMPERED") if record.opened.tampered else "✔ " + tr("verified")


def verification_text(record: SessionRecord) -> str:
    """``SessionRecord.verification`` in words of the current language."""
    if record.open_error:
        return trf("UNREADABLE — {why}", why=tr_core(record.open_error))
    if record.opened is None:
        return tr("not opened")
    return tr("TAMPERED / INCOMPLETE") if record.opened.tampered else tr("verified")


def identity_text(record: SessionRecord) -> str:
    """The identity outcome of the student's client, in words (unknown codes as they are)."""
    return identity_words(record.identity)


def cell(record: SessionRecord, column: int) -> tuple[str, Any]:
    """(display text, sort key) of one cell."""
    s = record.summary
    values: list[tuple[str, Any]] = [
        (s.student_id, s.student_id.lower()),
        (s.name, s.name.lower()),
        (s.submitted_at[5:16].replace("T", " "), s.submitted_at),
        _timing(record),
        (identity_text(record), record.identity),
        _flag_cell(record),
        (_verification(record), _verification(record)),
        (_decision(record), _decision(record)),
    ]
    return values[column]


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[SessionRecord] = []

    def set_records(self, records: list[SessionRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers and cells again in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LIST_COLUMNS) - 1)
        if self._records:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._records) - 1, len(LIST_COLUMNS) - 1))

    def records(self) -> list[SessionRecord]:
        return list(self._records)

    def replace(self, record: SessionRecord) -> None:
        for row, old in enumerate(self._records):
            if old.summary.attempt_id == record.summary.attempt_id:
                self._records[row] = record
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                return

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(LIST_COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(LIST_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role == RECORD_ROLE:
            return record
        text, key = cell(record, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return key
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        return None

    @staticmethod
    def _tooltip(record: SessionRecord) -> str:
        lines = [f"{record.summary.attempt_id}",
                 trf("handed in {when}", when=record.summary.submitted_at or "—")]
        if record.opened is not None and record.opened.tampered:
            lines += [f"{tr_core(c.name)}: {tr_core(c.message)}"
                      for c in record.opened.checks if not c.ok]
        if record.open_error:
            lines.append(tr_core(record.open_error))
        return "\n".join(lines)

    @staticmethod
    def _background(record: SessionRecord, column: int) -> QBrush | None:
        if record.open_error or (record.opened is not None and record.opened.tampered):
            return QBrush(RED)
        if column == TIMING_COLUMN and record.summary.late:
            return QBrush(AMBER)
        if column == FLAGS_COLUMN and (_flags(record, "alert") or 0) > 0:
            return QBrush(AMBER)
        return None


class SessionFilterProxy(QSortFilterProxyModel):
    """Free text (student id, name, attempt id) plus status / late / flagged toggles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._status = ""
        self._late_only = False
        self._flagged_only = False

    def _change(self, attr: str, value: object) -> None:
        """Qt >= 6.10 wants begin/endFilterChange around a filter change."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, attr, value)
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            setattr(self, attr, value)
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._change("_text", text.strip().lower())

    def set_status(self, status: str) -> None:
        self._change("_status", status)

    def set_late_only(self, value: bool) -> None:
        self._change("_late_only", value)

    def set_flagged_only(self, value: bool) -> None:
        self._change("_flagged_only", value)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        record: SessionRecord = model.data(model.index(row, 0, parent), RECORD_ROLE)
        s = record.summary
        haystack = f"{s.student_id} {s.name} {s.attempt_id}".lower()
        if self._text and self._text not in haystack:
            return False
        if self._status and s.status != self._status:
            return False
        if self._late_only and not s.late:
            return False
        flagged = (_flags(record, "alert") or 0) + (_flags(record, "warning") or 0)
        return not (self._flagged_only and flagged == 0)
