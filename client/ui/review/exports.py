"""The review window's exports: one session's report as PDF, the session list as CSV."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from PySide6.QtWidgets import QFileDialog, QWidget

from client.review_core.export import export_csv
from client.review_core.paper import ReconstructedPaper
from client.review_core.report import report_images, session_report_html
from client.review_core.service import ReviewService
from client.review_core.texts import N_

from ..i18n import tr, trf
from .pdf import write_pdf
from .session_view import SessionView
from .sessions_model import SessionTableModel


class ExportActions:
    """Mixed into :class:`~client.ui.review.main_window.ReviewWindow` (a QWidget)."""

    view: SessionView
    papers: dict[str, ReconstructedPaper | str]
    service: ReviewService | None
    exam_id: str
    model: SessionTableModel

    def _say(self, text: str, /, **kwargs: Any) -> None:
        raise NotImplementedError

    def _media(self) -> dict[str, bytes]:
        raise NotImplementedError

    def choose_pdf(self) -> None:
        if self.view.record is None:
            self._say(N_("Select a session first."))
            return
        name = f"report-{self.view.record.summary.student_id}.pdf"
        path, _ = QFileDialog.getSaveFileName(cast(QWidget, self), tr("Session report"), name,
                                              "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Runs in the GUI thread: Qt's text layout and painting are not thread-safe.
        The report is written in the language the tool shows."""
        record = self.view.record
        if record is None:
            return
        reviewer = self.service.reviewer.name if self.service else ""
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        html = session_report_html(record, self.papers.get(record.summary.attempt_id), stamp,
                                   reviewer)
        title = trf("Session report {attempt}", attempt=record.summary.attempt_id)
        write_pdf(html, report_images(record) | self._media(), path, title)
        self._say(N_("Report written to {path}."), path=path)

    def choose_csv(self) -> None:
        name = f"{self.exam_id or 'exam'}-sessions.csv"
        path, _ = QFileDialog.getSaveFileName(cast(QWidget, self), tr("Export sessions"), name,
                                              "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        """The CSV keeps its column names and values in English: it is data for other tools."""
        Path(path).write_text(export_csv(self.model.records()), encoding="utf-8", newline="")
        self._say(N_("{count} session(s) exported to {path}."), count=self.model.rowCount(),
                  path=path)
