"""The review tool's main window: session list (filter/sort) beside the session view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from client.review_core.api import HttpReviewServer
from client.review_core.codec import HandinCodec
from client.review_core.decisions import Outcome
from client.review_core.exam import LoadedExam, default_key_path, load_exam, paper_for
from client.review_core.export import SessionRecord, export_csv
from client.review_core.paper import ReconstructedPaper
from client.review_core.report import report_images, session_report_html
from client.review_core.service import (
    Reviewer,
    ReviewService,
    load_institution_key,
    load_invigilator_key,
)
from exam_packages.errors import EmtihanError

from ..i18n import tr, trf
from .pdf import write_pdf
from .session_view import SessionView
from .sessions_model import (
    FLAGS_COLUMN,
    RECORD_ROLE,
    SessionFilterProxy,
    SessionTableModel,
    verification_text,
)
from .signin import SignInData, SignInDialog
from .texts import install, tr_core
from .workers import TaskRunner

Paper = ReconstructedPaper | str


def connect_service(data: SignInData) -> ReviewService:
    """Blocking: build the HTTP client and load both keys (scrypt: run in a worker)."""
    server = HttpReviewServer(data.server_url, data.token)
    institution = load_institution_key(data.institution_key, data.institution_passphrase or None)
    signer = load_invigilator_key(data.invigilator_key, data.invigilator_passphrase or None)
    return ReviewService(server, HandinCodec(), institution, Reviewer(data.reviewer, signer))


class ReviewWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        install()
        self.setWindowTitle(tr("Emtihan — invigilator review"))
        self.resize(1400, 860)
        self.service: ReviewService | None = None
        self.exam_id = ""
        self.exam: LoadedExam | None = None
        self.papers: dict[str, Paper] = {}
        self.runner = TaskRunner(self)
        self.runner.busy_changed.connect(self._busy)
        self.model = SessionTableModel(self)
        self.proxy = SessionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = SessionView()
        self.view.decide_flag.connect(self._decide_flag)
        self.view.decide_session.connect(self._decide_session)
        self.view.load_package.connect(self.choose_package)
        self._build_toolbar()
        splitter = QSplitter()
        splitter.addWidget(self._build_list())
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 740])
        self.setCentralWidget(splitter)
        self.status = QLabel(tr("Not signed in."))
        self.statusBar().addWidget(self.status, 1)

    # ------------------------------------------------------------------ layout
    def _build_toolbar(self) -> None:
        bar = self.addToolBar(tr("Review"))
        bar.setMovable(False)
        self.toolbar_actions: dict[str, QAction] = {}
        for key, text, slot in (("signin", tr("Sign in…"), self.sign_in),
                                ("refresh", tr("Refresh"), self.refresh),
                                ("open", tr("Open session"), self.open_selected),
                                ("openall", tr("Open all"), self.open_all),
                                ("package", tr("Load exam package…"), self.choose_package),
                                ("pdf", tr("Export PDF…"), self.choose_pdf),
                                ("csv", tr("Export CSV…"), self.choose_csv)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            bar.addAction(action)
            self.toolbar_actions[key] = action

    def _build_list(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search student, name or attempt"))
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_filter = QComboBox()
        for label, value in ((tr("All"), ""), (tr("Handed in"), "submitted"),
                             (tr("In progress"), "started")):
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData()))
        self.late_only = QCheckBox(tr("Late"))
        self.late_only.toggled.connect(self.proxy.set_late_only)
        self.flagged_only = QCheckBox(tr("Flagged"))
        self.flagged_only.toggled.connect(self.proxy.set_flagged_only)
        filters = QHBoxLayout()
        for widget in (self.search, self.status_filter, self.late_only, self.flagged_only):
            filters.addWidget(widget)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        return box

    # ------------------------------------------------------------------ helpers
    def _run(self, what: str, fn: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[str], None] | None = None) -> None:
        self.status.setText(what + "…")

        def on_error(message: str) -> None:
            self.status.setText(trf("{what} failed: {message}", what=what,
                                    message=tr_core(message)))
            if failed is not None:
                failed(message)

        self.runner.run(fn, done, on_error)

    def _busy(self, busy: bool) -> None:
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def selected_record(self) -> SessionRecord | None:
        index = self.table.selectionModel().currentIndex()
        return self.proxy.data(index, RECORD_ROLE) if index.isValid() else None

    def select_attempt(self, attempt_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            record = self.proxy.data(self.proxy.index(row, 0), RECORD_ROLE)
            if record.summary.attempt_id == attempt_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return

    def _media(self) -> dict[str, bytes]:
        return self.exam.images() if self.exam else {}

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.proxy.data(current, RECORD_ROLE) if current.isValid() else None
        self.view.show_record(record)
        self.view.show_paper(self.papers.get(record.summary.attempt_id) if record else None,
                             self._media())

    # ------------------------------------------------------------------ sign in / list
    def sign_in(self) -> None:
        dialog = SignInDialog(self)
        if dialog.exec():
            self.sign_in_with(dialog.data())

    def sign_in_with(self, data: SignInData) -> None:
        self._run(tr("Signing in"), lambda: connect_service(data),
                  lambda service: self.attach(service, data.exam_id))

    def attach(self, service: ReviewService, exam_id: str) -> None:
        self.service, self.exam_id = service, exam_id
        self.setWindowTitle(trf("Emtihan — review of {exam} — {reviewer}", exam=exam_id,
                                reviewer=service.reviewer.name))
        self.refresh()

    def refresh(self) -> None:
        service, exam_id = self.service, self.exam_id
        if service is None:
            self.status.setText(tr("Sign in first."))
            return
        self._run(tr("Loading sessions"), lambda: service.sessions(exam_id), self._sessions_loaded)

    def _sessions_loaded(self, records: list[SessionRecord]) -> None:
        known = {r.summary.attempt_id: r for r in self.model.records()}
        merged = []
        for record in records:
            old = known.get(record.summary.attempt_id)
            same = old is not None and old.summary.sha256 == record.summary.sha256
            merged.append(SessionRecord(record.summary, old.opened, old.decisions, old.score,
                                        old.max_score) if same and old else record)
        self.model.set_records(merged)
        self.table.sortByColumn(FLAGS_COLUMN, Qt.SortOrder.DescendingOrder)
        self.status.setText(trf("{count} session(s) of {exam}.", count=len(records),
                                exam=self.exam_id))

    # ------------------------------------------------------------------ open
    def open_selected(self) -> None:
        record, service = self.selected_record(), self.service
        if record is None or service is None:
            self.status.setText(tr("Select a session first."))
            return
        exam = self.exam
        self._run(trf("Opening {student}", student=record.summary.student_id),
                  lambda: self._open_blocking(service, record, exam), self._opened)

    @staticmethod
    def _open_blocking(service: ReviewService, record: SessionRecord,
                       exam: LoadedExam | None) -> tuple[SessionRecord, Paper | None]:
        opened = service.open_or_mark(record)
        paper = paper_for(exam, opened.opened.content) if exam and opened.opened else None
        if isinstance(paper, ReconstructedPaper):
            opened.score, opened.max_score = paper.score, paper.max_score
        return opened, paper

    def _opened(self, result: tuple[SessionRecord, Paper | None]) -> None:
        record, paper = result
        if paper is not None:
            self.papers[record.summary.attempt_id] = paper
        self.model.replace(record)
        self.select_attempt(record.summary.attempt_id)
        self.view.show_record(record)
        self.view.show_paper(paper, self._media())
        self.status.setText(trf("Opened {student}: {verification}.",
                                student=record.summary.student_id,
                                verification=verification_text(record)))

    def open_all(self) -> None:
        """Open every handed-in session in one background task (exam-wide CSV, sorting)."""
        service, exam = self.service, self.exam
        if service is None:
            self.status.setText(tr("Sign in first."))
            return
        todo = [r for r in self.model.records() if r.summary.submitted and r.opened is None]

        def work() -> list[tuple[SessionRecord, Paper | None]]:
            return [self._open_blocking(service, record, exam) for record in todo]

        def done(results: list[tuple[SessionRecord, Paper | None]]) -> None:
            for record, paper in results:
                if paper is not None:
                    self.papers[record.summary.attempt_id] = paper
                self.model.replace(record)
            bad = sum(1 for record, _ in results if record.open_error or
                      (record.opened and record.opened.tampered))
            self.status.setText(trf("Opened {count} session(s); {bad} with problems.",
                                    count=len(results), bad=bad))
            self._row_changed(self.table.currentIndex(), self.table.currentIndex())

        self._run(trf("Opening {count} session(s)", count=len(todo)), work, done)

    # ------------------------------------------------------------------ decisions
    def _decide_flag(self, seq: int, outcome: str, note: str) -> None:
        self._decide(self.view.timeline.form, outcome, note, seq)

    def _decide_session(self, outcome: str, note: str) -> None:
        self._decide(self.view.session_form, outcome, note, None)

    def _decide(self, form: Any, outcome: str, note: str, seq: int | None) -> None:
        """Sign in the GUI thread, post in a worker, record locally once the server took it."""
        record, service = self.view.record, self.service
        if record is None or service is None or record.decisions is None:
            return
        book = record.decisions
        try:
            decision = service.prepare_decision(record, Outcome(outcome), note, seq)
        except EmtihanError as exc:
            form.set_status(tr_core(exc.user_message), error=True)
            return
        form.set_status(tr("Signing and sending…"))

        def done(_result: object) -> None:
            book.add(decision)
            self.model.replace(record)
            self.view.refresh_decisions()
            what = tr("Session") if seq is None else trf("Flag #{seq}", seq=seq)
            self.status.setText(trf("{what}: {outcome} — signed and recorded.", what=what,
                                    outcome=tr(Outcome(outcome).label)))

        self._run(tr("Recording the decision"), lambda: service.submit(decision), done,
                  lambda message: form.set_status(tr_core(message), error=True))

    # ------------------------------------------------------------------ package
    def choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Exam package"), "",
                                              "Emtihan (*.emtihan)")
        if not path:
            return
        trust, _ = QFileDialog.getOpenFileName(self, tr("Author trust file"), "",
                                               "JSON (*.json)")
        if trust:
            self.load_package(Path(path), Path(trust), default_key_path(Path(path)))

    def load_package(self, package: Path, trust: Path, key: Path | None) -> None:
        self._run(tr("Verifying the exam package"), lambda: load_exam(package, trust, key),
                  self._package_loaded, self.view.show_paper)

    def _package_loaded(self, exam: LoadedExam) -> None:
        self.exam = exam
        self.papers.clear()
        for record in self.model.records():
            if record.opened is not None:
                paper = paper_for(exam, record.opened.content)
                self.papers[record.summary.attempt_id] = paper
                if isinstance(paper, ReconstructedPaper):
                    record.score, record.max_score = paper.score, paper.max_score
                    self.model.replace(record)
        current = self.view.record
        self.view.show_paper(self.papers.get(current.summary.attempt_id) if current else None,
                             self._media())
        self.status.setText(trf("Exam package {exam} v{version} verified and loaded.",
                                exam=exam.exam_id, version=exam.version))

    # ------------------------------------------------------------------ export
    def choose_pdf(self) -> None:
        if self.view.record is None:
            self.status.setText(tr("Select a session first."))
            return
        name = f"report-{self.view.record.summary.student_id}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, tr("Session report"), name, "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Runs in the GUI thread: Qt's text layout and painting are not thread-safe."""
        record = self.view.record
        if record is None:
            return
        reviewer = self.service.reviewer.name if self.service else ""
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        html = session_report_html(record, self.papers.get(record.summary.attempt_id), stamp,
                                   reviewer)
        title = trf("Session report {attempt}", attempt=record.summary.attempt_id)
        write_pdf(html, report_images(record) | self._media(), path, title)
        self.status.setText(trf("Report written to {path}.", path=path))

    def choose_csv(self) -> None:
        name = f"{self.exam_id or 'exam'}-sessions.csv"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export sessions"), name, "CSV (*.csv)")
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        Path(path).write_text(export_csv(self.model.records()), encoding="utf-8", newline="")
        self.status.setText(trf("{count} session(s) exported to {path}.",
                                count=self.model.rowCount(), path=path))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.wait()
        super().closeEvent(event)
