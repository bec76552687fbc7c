"""The review window over the embedded server with real bundles (pytest-qt, offscreen)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from client.review_core.decisions import Outcome  # noqa: E402
from client.ui.review.main_window import ReviewWindow, connect_service  # noqa: E402
from client.ui.review.sessions_model import (  # noqa: E402
    FLAGS_COLUMN,
    RECORD_ROLE,
    TIMING_COLUMN,
    VERIFICATION_COLUMN,
)
from client.ui.review.signin import SignInData  # noqa: E402

from .world import PASSPHRASE, World  # noqa: E402

pytestmark = pytest.mark.qt
WAIT_MS = 30000


def _signin(world: World, token: str | None = None) -> SignInData:
    return SignInData(world.url, token or world.token(), world.exam_id, "Dr. Aida Sarsen",
                      world.institution_key_path, PASSPHRASE, world.invigilator_key_path,
                      PASSPHRASE)


def _idle(qtbot, window: ReviewWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WAIT_MS)


@pytest.fixture()
def window(qtbot, world: World, no_thread_leak: None) -> Iterator[ReviewWindow]:
    win = ReviewWindow()
    qtbot.addWidget(win)
    win.show()
    win.attach(connect_service(_signin(world)), world.exam_id)
    _idle(qtbot, win)
    assert win.model.rowCount() == 4
    yield win
    win.runner.wait()
    _idle(qtbot, win)


def _shown_students(win: ReviewWindow) -> set[str]:
    return {win.proxy.data(win.proxy.index(r, 0), RECORD_ROLE).summary.student_id
            for r in range(win.proxy.rowCount())}


def _open(qtbot, win: ReviewWindow, world: World, student: str) -> None:
    win.select_attempt(world.attempts[student])
    win.open_selected()
    _idle(qtbot, win)
    assert win.view.record is not None and win.view.record.opened is not None, win.status.text()


def test_filters_and_sorting(qtbot, window: ReviewWindow) -> None:
    window.late_only.setChecked(True)
    assert _shown_students(window) == {"s2"}
    window.late_only.setChecked(False)
    window.flagged_only.setChecked(True)
    assert _shown_students(window) == {"s2", "s3"}
    window.flagged_only.setChecked(False)
    window.status_filter.setCurrentIndex(window.status_filter.findData("started"))
    assert _shown_students(window) == {"s4"}
    window.status_filter.setCurrentIndex(0)
    window.search.setText("dana")
    assert _shown_students(window) == {"s3"}
    window.search.setText("")
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    order = [window.proxy.data(window.proxy.index(r, 0)) for r in range(window.proxy.rowCount())]
    assert order == sorted(order)
    timing = window.proxy.data(window.proxy.index(order.index("s2"), TIMING_COLUMN))
    assert timing == "Late +7 min"
    assert window.proxy.data(window.proxy.index(order.index("s4"), TIMING_COLUMN)) == \
        "In progress"
    window.table.sortByColumn(FLAGS_COLUMN, Qt.SortOrder.DescendingOrder)
    flags = [window.proxy.data(window.proxy.index(r, FLAGS_COLUMN)) for r in range(4)]
    assert flags[:2] == ["1 alert · 1 warn", "1 alert · 1 warn"]  # announced at upload


def test_tampered_bundle_shows_red_banner(qtbot, window: ReviewWindow, world: World) -> None:
    _open(qtbot, window, world, "s3")
    banner = window.view.banner
    assert banner.kind == "bad" and banner.isVisibleTo(window)
    assert "LOG TAMPERED / INCOMPLETE" in banner.text()
    assert "Event log record 3 was altered" in banner.text()
    table = window.view.timeline.table
    assert table.rowCount() == 8  # the data is shown with the warning
    assert [table.item(r, 5).text() for r in range(8)][2:4] == ["", "⚠ chain broken"]
    overview = window.view.overview.toPlainText()
    assert "alert: 1, warning: 1; in the decrypted log: warning: 1 ⚠ differs" in overview
    row = [r for r in range(window.proxy.rowCount())
           if window.proxy.data(window.proxy.index(r, 0)) == "s3"][0]
    assert window.proxy.data(window.proxy.index(row, VERIFICATION_COLUMN)) == "⚠ TAMPERED"
    assert window.proxy.data(window.proxy.index(row, FLAGS_COLUMN)) == "1 warn"


def test_clean_bundle_identity_and_timeline(qtbot, window: ReviewWindow, world: World) -> None:
    _open(qtbot, window, world, "s2")
    assert window.view.banner.kind == "ok"
    identity = window.view.identity
    assert not identity.portrait.pixmap().isNull()
    assert not identity.frames[0].pixmap().isNull() and not identity.frames[1].pixmap().isNull()
    summary = identity.summary.text()
    assert "0.3012" in summary and "0.34 – 0.46" in summary and "Review band" in summary
    # in words, as the student was told, with each liveness step
    assert "Identity confirmed automatically." in summary
    assert "Blink twice. — passed ✓" in summary and "{'passed'" not in summary
    timeline = window.view.timeline
    timeline.flags_only.setChecked(True)
    assert [e.seq for e in timeline.shown_entries()] == [3, 4]
    timeline.select_seq(3)
    assert not timeline.thumb.pixmap().isNull()
    assert timeline.form.isEnabled()


def test_decisions_need_every_flag(qtbot, window: ReviewWindow, world: World) -> None:
    _open(qtbot, window, world, "s2")
    view = window.view
    form = view.session_form
    cleared = form.outcome.findData(Outcome.CLEARED.value)
    assert not form.outcome.model().item(cleared).isEnabled()
    view.timeline.flags_only.setChecked(True)
    for seq in (3, 4):
        view.timeline.select_seq(seq)
        flag_form = view.timeline.form
        flag_form.outcome.setCurrentIndex(flag_form.outcome.findData("needs_follow_up"))
        flag_form.note.setPlainText(f"check flag {seq} with the proctor")
        flag_form.button.click()
        _idle(qtbot, window)
    book = view.record.decisions
    assert sorted(book.flags) == [3, 4] and not book.is_final
    assert form.outcome.model().item(cleared).isEnabled()
    form.outcome.setCurrentIndex(form.outcome.findData(Outcome.VIOLATION_CONFIRMED.value))
    form.note.setPlainText("second person visible twice")
    form.button.click()
    _idle(qtbot, window)
    assert book.is_final, form.status.text()
    assert "second person visible twice" in view.history.toPlainText()
    reloaded = connect_service(_signin(world)).open(view.record)
    assert reloaded.decisions is not None and reloaded.decisions.is_final


def test_final_decision_refused_while_flags_open(qtbot, window: ReviewWindow,
                                                 world: World) -> None:
    _open(qtbot, window, world, "s3")
    record = window.view.record
    window._decide_session(Outcome.CLEARED.value, "looks fine")
    # the tamperer downgraded the alert (#3) to a notice: only #4 is still a flag
    assert window.view.session_form.status.text().endswith("undecided: #4.")
    assert record.decisions.session is None


def test_paper_csv_and_pdf(qtbot, window: ReviewWindow, world: World, tmp_path: Path) -> None:
    _open(qtbot, window, world, "s1")
    window.load_package(world.package, world.trust_path, world.content_key_path)
    _idle(qtbot, window)
    html = window.view.paper.toPlainText()
    assert "Қазақстанның астанасы" in html and "Automatic total" in html
    assert window.papers[world.attempts["s1"]].warnings == []  # seed and paper agree
    csv_path = tmp_path / "sessions.csv"
    window.export_csv(csv_path)
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(csv_path.read_text("utf-8")))}
    assert set(rows) == {"s1", "s2", "s3", "s4"}
    assert rows["s1"]["verification"] == "verified"
    assert rows["s1"]["score"] == window.papers[world.attempts["s1"]].score
    assert rows["s4"]["verification"] == "not opened"
    pdf = tmp_path / "report.pdf"
    window.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_bad_package_key_is_reported(qtbot, window: ReviewWindow, world: World,
                                     tmp_path: Path) -> None:
    _open(qtbot, window, world, "s1")
    wrong = tmp_path / "wrong.key"
    wrong.write_text("00" * 32 + "\n")
    window.load_package(world.package, world.trust_path, wrong)
    _idle(qtbot, window)
    assert window.exam is None
    assert "failed" in window.status.text()


def test_bad_token_reported_in_status(qtbot, world: World, no_thread_leak: None) -> None:
    win = ReviewWindow()
    qtbot.addWidget(win)
    win.sign_in_with(_signin(world, token="forged-token"))
    _idle(qtbot, win)
    assert win.service is not None  # keys loaded; listing refused
    assert "refused the invigilator token" in win.status.text()
    assert win.model.rowCount() == 0



class CorruptingServer:
    """The real server, but one attempt's bundle arrives with a flipped byte
    (altered in storage or in transit)."""

    def __init__(self, inner: object, attempt_id: str) -> None:
        self.inner, self.attempt_id = inner, attempt_id

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def download_bundle(self, attempt_id: str) -> bytes:
        blob = bytearray(self.inner.download_bundle(attempt_id))  # type: ignore[attr-defined]
        if attempt_id == self.attempt_id:
            blob[len(blob) // 2] ^= 0x01
        return bytes(blob)


def test_unreadable_bundle_is_shown_loudly_and_open_all(qtbot, window: ReviewWindow,
                                                        world: World, tmp_path: Path) -> None:
    service = window.service
    service.server = CorruptingServer(service.server, world.attempts["s1"])
    window.open_all()
    _idle(qtbot, window)
    assert "Opened 3 session(s); 2 with problems." in window.status.text()
    window.select_attempt(world.attempts["s1"])
    banner = window.view.banner
    assert banner.kind == "bad" and "BUNDLE CANNOT BE OPENED" in banner.text()
    row = [r for r in range(window.proxy.rowCount())
           if window.proxy.data(window.proxy.index(r, 0)) == "s1"][0]
    assert window.proxy.data(window.proxy.index(row, VERIFICATION_COLUMN)) == "⚠ UNREADABLE"
    csv_path = tmp_path / "all.csv"
    window.export_csv(csv_path)
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(csv_path.read_text("utf-8")))}
    assert rows["s1"]["verification"].startswith("UNREADABLE — ")
    assert rows["s2"]["verification"] == "verified"
    assert rows["s3"]["verification"] == "TAMPERED / INCOMPLETE"
    assert rows["s3"]["flags_decided"] == "0/1"
