"""The exam page: questions in the paper's order, navigator, flags, countdown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exam_packages.errors import EmtihanError
from exam_packages.paper import paper_order

from ..backend import ExamStart, StudentBackend
from ..errors import error_source
from ..i18n import Lazy, TextBinder, trf
from ..qtcompat import emit
from ..questions import QuestionWidget, make_question_widget

WARN_AT = (600, 60)  # seconds: 10 and 1 minute


def format_remaining(seconds: float) -> str:
    s = max(0, int(seconds + 0.999))
    return f"{s // 3600:d}:{s % 3600 // 60:02d}:{s % 60:02d}"


class ExamPage(QWidget):
    submit_requested = Signal(bool)  # auto
    warning = Signal(int)  # seconds threshold reached (600 or 60)

    def __init__(self, backend: StudentBackend, binder: TextBinder) -> None:
        super().__init__()
        self.backend = backend
        self.binder = binder
        self.widgets: list[QuestionWidget] = []
        self.ids: list[str] = []
        self.flags: set[str] = set()
        self.current = 0
        self.linear = False
        self.warned: set[int] = set()
        self.finished = False
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.tick)
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)  # a long (trilingual) exam title wraps on small screens
        self.title.setMinimumWidth(200)
        self.clock_label = QLabel("0:00:00")
        self.clock_label.setObjectName("countdown")
        self.clock_label.setAccessibleName("time left")
        top.addWidget(self.title, 1)
        top.addWidget(self.clock_label)
        outer.addLayout(top)
        self.banner = QLabel()
        self.banner.setObjectName("warningBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        self.notice = QLabel()  # exam mode (issue 13): what was recorded, in words
        self.notice.setObjectName("hint")
        self.notice.setWordWrap(True)
        self.notice.hide()
        outer.addWidget(self.notice)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        nav_box = QVBoxLayout()
        self.nav_title = QLabel()
        self.binder.bind(self.nav_title.setText, "Questions")
        nav_box.addWidget(self.nav_title)
        self.nav_grid = QGridLayout()
        nav_box.addLayout(self.nav_grid)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.binder.bind(self.legend.setText, "✓ answered   ⚑ flagged for review")
        nav_box.addWidget(self.legend)
        nav_box.addStretch(1)
        nav_frame = QFrame()
        nav_frame.setLayout(nav_box)
        nav_frame.setFixedWidth(250)
        self.nav_grid.setSpacing(6)
        body.addWidget(nav_frame)
        body.addLayout(self._build_question_area(), 1)
        outer.addLayout(self._build_buttons())
        outer.addWidget(self._build_confirm())

    def _build_question_area(self) -> QVBoxLayout:
        col = QVBoxLayout()
        head = QHBoxLayout()
        self.position = QLabel()
        self.position.setObjectName("questionPosition")
        self.flag_button = QPushButton()
        self.flag_button.setCheckable(True)
        self.binder.bind(self.flag_button.setText, "⚑ Flag for review")
        self.flag_button.toggled.connect(self._flag_toggled)
        head.addWidget(self.position, 1)
        head.addWidget(self.flag_button)
        col.addLayout(head)
        self.stack = QStackedWidget()
        col.addWidget(self.stack, 1)
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("hint")
        col.addWidget(self.autosave_label)
        return col

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.finish_button = QPushButton()
        self.binder.bind(self.prev_button.setText, "← &Previous")
        self.binder.bind(self.next_button.setText, "&Next →")
        self.binder.bind(self.finish_button.setText, "&Finish exam…")
        # QShortcut objects, not setShortcut(): a button's "&" mnemonic text replaces those
        for keys, action in (("Ctrl+Left", lambda: self.go(self.current - 1)),
                             ("Ctrl+Right", lambda: self.go(self.current + 1)),
                             ("Ctrl+F", self.flag_button.toggle)):
            QShortcut(QKeySequence(keys), self, action)
        self.prev_button.clicked.connect(lambda: self.go(self.current - 1))
        self.next_button.clicked.connect(lambda: self.go(self.current + 1))
        self.finish_button.clicked.connect(self.ask_finish)
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.finish_button)
        return row

    def _build_confirm(self) -> QFrame:
        self.confirm = QFrame()
        self.confirm.setObjectName("confirmBar")
        row = QHBoxLayout(self.confirm)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.hand_in_button = QPushButton()
        self.back_button = QPushButton()
        self.binder.bind(self.hand_in_button.setText, "&Hand in now")
        self.binder.bind(self.back_button.setText, "&Back to the exam")
        self.hand_in_button.clicked.connect(lambda: self.finish(auto=False))
        self.back_button.clicked.connect(self.confirm.hide)
        row.addWidget(self.confirm_text, 1)
        row.addWidget(self.back_button)  # first, and focused: Enter goes back, not hands in
        row.addWidget(self.hand_in_button)
        self.confirm.hide()
        return self.confirm

    # -- loading ---------------------------------------------------------------------------
    def load(self, start: ExamStart) -> None:
        self.title.setText(start.title)
        self.linear = start.policy.get("navigation") == "linear"
        docs = start.exam_doc["questions"]
        for entry in start.paper["questions"]:
            qid = entry["id"]
            # the paper's order of options, matching right-hand sides or ordering items
            widget = make_question_widget(docs[qid], paper_order(entry), start.media,
                                          self.binder)
            if qid in start.answers:
                widget.set_answer(start.answers[qid])
            widget.changed.connect(lambda q=qid, w=widget: self._changed(q, w))
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(widget)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.stack.addWidget(scroll)
            self.widgets.append(widget)
            self.ids.append(qid)
        self.flags = set(start.flags)
        self._build_navigator()
        self.go(0)
        self.tick()
        self.timer.start()

    def _build_navigator(self) -> None:
        self.nav_buttons: list[QPushButton] = []
        for i in range(len(self.ids)):
            button = QPushButton()
            button.setObjectName("navButton")
            button.setFixedSize(52, 40)
            button.clicked.connect(lambda _c=False, n=i: self.go(n))
            self.nav_grid.addWidget(button, i // 4, i % 4)
            self.nav_buttons.append(button)
        self._refresh_nav()

    def _refresh_nav(self) -> None:
        for i, button in enumerate(self.nav_buttons):
            mark = ("✓" if self.widgets[i].answered() else "") + (
                "⚑" if self.ids[i] in self.flags else "")
            button.setText(f"{i + 1}{mark}")
            button.setProperty("current", i == self.current)
            button.setProperty("answered", self.widgets[i].answered())
            button.setEnabled(not self.linear or i == self.current)
            button.setAccessibleName(trf("Question {n}", n=i + 1) + (" " + mark if mark else ""))
            button.style().unpolish(button)
            button.style().polish(button)

    # -- navigation ------------------------------------------------------------------------
    def go(self, index: int) -> None:
        if not 0 <= index < len(self.widgets) or self.finished:
            return
        if self.linear and index < self.current:
            return
        self.current = index
        self.stack.setCurrentIndex(index)
        self.binder.bind(self.position.setText, "Question {n} of {total}",
                         n=index + 1, total=len(self.widgets))
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(self.ids[index] in self.flags)
        self.flag_button.blockSignals(False)
        self.prev_button.setEnabled(index > 0 and not self.linear)
        self.next_button.setEnabled(index < len(self.widgets) - 1)
        self._refresh_nav()
        self.widgets[index].setFocus()
        self.widgets[index].focusNextChild()

    def _changed(self, qid: str, widget: QuestionWidget) -> None:
        try:
            self.backend.save_answer(qid, widget.answer())
        except EmtihanError as exc:
            self.binder.bind(self.autosave_label.setText, "Not saved: {why}",
                             why=Lazy(error_source(exc)))
        else:
            self.binder.bind(self.autosave_label.setText, "All answers saved on this computer.")
        self._refresh_nav()

    def _flag_toggled(self, on: bool) -> None:
        qid = self.ids[self.current]
        (self.flags.add if on else self.flags.discard)(qid)
        try:
            self.backend.set_flag(qid, on)
        except EmtihanError as exc:
            self.binder.bind(self.autosave_label.setText, "Not saved: {why}",
                             why=Lazy(error_source(exc)))
        self._refresh_nav()

    def show_notice(self, text: str, **kw: Any) -> None:
        """Tell the student what the exam mode recorded (translated, re-translated)."""
        self.binder.bind(self.notice.setText, text, **kw)
        self.notice.show()

    def answers(self) -> dict[str, Any]:
        return {q: w.answer() for q, w in zip(self.ids, self.widgets, strict=True)}

    # -- time and finishing ----------------------------------------------------------------
    def tick(self) -> None:
        if self.finished:
            return
        left = self.backend.remaining_s()
        self.clock_label.setText(format_remaining(left))
        for limit in WARN_AT:
            if left <= limit and limit not in self.warned and left > 0:
                self.warned.add(limit)
                self._warn(limit)
        if left <= 0:
            self.finish(auto=True)

    def _warn(self, limit: int) -> None:
        if limit >= 600:
            self.binder.bind(self.banner.setText,
                             "10 minutes left. Your answers are saved; check flagged questions.")
        else:
            self.binder.bind(self.banner.setText,
                             "1 minute left! The exam is handed in automatically at 0:00.")
        self.banner.show()
        self.clock_label.setProperty("urgent", True)
        self.clock_label.style().unpolish(self.clock_label)
        self.clock_label.style().polish(self.clock_label)
        emit(self.warning, limit)

    def ask_finish(self) -> None:
        """The confirmation bar: what is unanswered and flagged; "Back" has the focus."""
        done = sum(w.answered() for w in self.widgets)
        numbers = [(i + 1, qid) for i, qid in enumerate(self.ids)]
        unanswered = ", ".join(str(n) for n, _q in numbers if not self.widgets[n - 1].answered())
        flagged = ", ".join(str(n) for n, q in numbers if q in self.flags)
        self.binder.bind(
            self.confirm_text.setText,
            "You answered {done} of {total} questions. Unanswered: {unanswered}. "
            "Flagged for review: {flagged}. After handing in you cannot change your answers.",
            done=done, total=len(self.widgets), unanswered=unanswered or Lazy("none"),
            flagged=flagged or Lazy("none"))
        self.confirm.show()
        self.back_button.setFocus()

    def finish(self, auto: bool) -> None:
        if self.finished:
            return
        self.finished = True
        self.timer.stop()
        self.confirm.hide()
        for w in (self.prev_button, self.next_button, self.finish_button, self.stack):
            w.setEnabled(False)
        emit(self.submit_requested, auto)

    def stop(self) -> None:
        self.timer.stop()
