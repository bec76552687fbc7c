"""The review tool's main window: session list (filter/sort) beside the session view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
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
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from client.review_core.api import HttpReviewServer
from client.review_core.codec import HandinCodec
from client.review_core.decisions import Outcome
from client.review_core.exam import LoadedExam, default_key_path, load_exam, paper_for
from client.review_core.export import SessionRecord
from client.review_core.paper import ReconstructedPaper
from client.review_core.service import (
    Reviewer,
    ReviewService,
    load_institution_key,
    load_invigilator_key,
)
from client.review_core.texts import N_
from exam_packages.errors import EmtihanError

from ..i18n import LANGUAGES, I18n, Lazy, LazyCall, TextBinder, tr, trf
from .exports import ExportActions
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
FILTERS = (N_("All"), N_("Handed in"), N_("In progress"))


def connect_service(data: SignInData) -> ReviewService:
    """Blocking: build the HTTP client and load both keys (scrypt: run in a worker)."""
    server = HttpReviewServer(data.server_url, data.token)
    institution = load_institution_key(data.institution_key, data.institution_passphrase or None)
    signer = load_invigilator_key(data.invigilator_key, data.invigilator_passphrase or None)
    return ReviewService(server, HandinCodec(), institution, Reviewer(data.reviewer, signer))


class ReviewWindow(ExportActions, QMainWindow):
    """``i18n``: the language switch shown in the toolbar (every text follows a switch)."""

    def __init__(self, i18n: I18n | None = None) -> None:
        super().__init__()
        install()
        self.i18n = i18n
        self.binder = TextBinder()
        self.binder.bind(self.setWindowTitle, "Emtihan — invigilator review")
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(1400, room.width()) if room else 1400,
                    min(860, room.height()) if room else 860)  # never wider than the screen
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
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self._say(N_("Not signed in."))
        if i18n is not None:
            i18n.changed.connect(lambda _code: self.retranslate())

    def retranslate(self) -> None:
        """Every text again in the current language (after a language switch)."""
        self.binder.retranslate()
        for index, label in enumerate(FILTERS):
            self.status_filter.setItemText(index, tr(label))
        self.model.retranslate()
        self.view.retranslate()
        if self.i18n is not None:
            self.language.setCurrentIndex(self.language.findData(self.i18n.language))

    def _say(self, text: str, /, **kwargs: Any) -> None:
        """The status line: ``text`` (English source) in the current language."""
        self.binder.bind(self.status.setText, text, **kwargs)

    # ------------------------------------------------------------------ layout
    def _build_toolbar(self) -> None:
        bar = self.addToolBar("")
        self.binder.bind(bar.setWindowTitle, "Review")
        bar.setMovable(False)
        self.toolbar_actions: dict[str, QAction] = {}
        for key, text, slot in (("signin", N_("Sign in…"), self.sign_in),
                                ("refresh", N_("Refresh"), self.refresh),
                                ("open", N_("Open session"), self.open_selected),
                                ("openall", N_("Open all"), self.open_all),
                                ("package", N_("Load exam package…"), self.choose_package),
                                ("pdf", N_("Export PDF…"), self.choose_pdf),
                                ("csv", N_("Export CSV…"), self.choose_csv)):
            action = QAction(self)
            self.binder.bind(action.setText, text)
            action.triggered.connect(slot)
            bar.addAction(action)
            self.toolbar_actions[key] = action
        if self.i18n is not None:
            self._language_switch(bar, self.i18n)

    def _language_switch(self, bar: QToolBar, i18n: I18n) -> None:
        bar.addSeparator()
        label = QLabel()
        self.binder.bind(label.setText, "&Language:")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n.language))
        label.setBuddy(self.language)
        self.language.activated.connect(
            lambda _i: i18n.set_language(self.language.currentData()))
        bar.addWidget(label)
        bar.addWidget(self.language)

    def _build_list(self) -> QWidget:
        self.search = QLineEdit()
        self.binder.bind(self.search.setPlaceholderText, "Search student, name or attempt")
        self.search.textChanged.connect(self.proxy.set_text)
        self.status_filter = QComboBox()
        for label, value in zip(FILTERS, ("", "submitted", "started"), strict=True):
            self.status_filter.addItem(tr(label), value)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData()))
        self.late_only = QCheckBox()
        self.binder.bind(self.late_only.setText, "Late")
        self.late_only.toggled.connect(self.proxy.set_late_only)
        self.flagged_only = QCheckBox()
        self.binder.bind(self.flagged_only.setText, "Flagged")
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
             failed: Callable[[str], None] | None = None, **what_args: Any) -> None:
        """Run ``fn`` in a worker; ``what`` (English source, filled from ``what_args``)."""
        doing = LazyCall(lambda: trf(what, **what_args))
        self._say("{what}…", what=doing)

        def on_error(message: str) -> None:
            self._say(N_("{what} failed: {message}"), what=doing,
                      message=LazyCall(lambda: tr_core(message)))
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
        self._run(N_("Signing in"), lambda: connect_service(data),
                  lambda service: self.attach(service, data.exam_id))

    def attach(self, service: ReviewService, exam_id: str) -> None:
        self.service, self.exam_id = service, exam_id
        self.binder.bind(self.setWindowTitle, "Emtihan — review of {exam} — {reviewer}",
                         exam=exam_id, reviewer=service.reviewer.name)
        self.refresh()

    def refresh(self) -> None:
        service, exam_id = self.service, self.exam_id
        if service is None:
            self._say(N_("Sign in first."))
            return
        self._run(N_("Loading sessions"), lambda: service.sessions(exam_id), self._sessions_loaded)

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
        self._say(N_("{count} session(s) of {exam}."), count=len(records), exam=self.exam_id)

    # ------------------------------------------------------------------ open
    def open_selected(self) -> None:
        record, service = self.selected_record(), self.service
        if record is None or service is None:
            self._say(N_("Select a session first."))
            return
        exam = self.exam
        self._run(N_("Opening {student}"), lambda: self._open_blocking(service, record, exam),
                  self._opened, student=record.summary.student_id)

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
        self._say(N_("Opened {student}: {verification}."), student=record.summary.student_id,
                  verification=LazyCall(lambda: verification_text(record)))

    def open_all(self) -> None:
        """Open every handed-in session in one background task (exam-wide CSV, sorting)."""
        service, exam = self.service, self.exam
        if service is None:
            self._say(N_("Sign in first."))
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
            self._say(N_("Opened {count} session(s); {bad} with problems."),
                      count=len(results), bad=bad)
            self._row_changed(self.table.currentIndex(), self.table.currentIndex())

        self._run(N_("Opening {count} session(s)"), work, done, count=len(todo))

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
            form.set_status(exc.user_message, error=True, core=True)
            return
        form.set_status(N_("Signing and sending…"))

        def done(_result: object) -> None:
            book.add(decision)
            self.model.replace(record)
            self.view.refresh_decisions()
            what = (LazyCall(lambda: tr("Session")) if seq is None
                    else LazyCall(lambda: trf("Flag #{seq}", seq=seq)))
            self._say(N_("{what}: {outcome} — signed and recorded."), what=what,
                      outcome=Lazy(Outcome(outcome).label))

        self._run(N_("Recording the decision"), lambda: service.submit(decision), done,
                  lambda message: form.set_status(message, error=True, core=True))

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
        self._run(N_("Verifying the exam package"), lambda: load_exam(package, trust, key),
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
        self._say(N_("Exam package {exam} v{version} verified and loaded."),
                  exam=exam.exam_id, version=exam.version)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.wait()
        super().closeEvent(event)
