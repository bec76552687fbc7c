"""Render docs/screenshots/review_*.png from a real world (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.review.screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QRectF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from client.review_core.report import report_images, session_report_html  # noqa: E402
from client.ui.review.main_window import ReviewWindow, connect_service  # noqa: E402
from client.ui.review.signin import SignInData, SignInDialog  # noqa: E402

from .world import PASSPHRASE, World, build_world  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _idle(win: ReviewWindow) -> None:
    deadline = QDeadlineTimer(30000)
    while win.runner.busy and not deadline.hasExpired():
        QCoreApplication.processEvents()
    for _ in range(20):
        QCoreApplication.processEvents()


def _shot(widget, name: str) -> None:
    for _ in range(10):
        QCoreApplication.processEvents()
    path = OUT / f"review_{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def _decide_first_flag(win: ReviewWindow) -> None:
    timeline = win.view.timeline
    timeline.flags_only.setChecked(True)
    timeline.select_seq(2)
    form = timeline.form
    form.outcome.setCurrentIndex(form.outcome.findData("violation_confirmed"))
    form.note.setPlainText("A second face is visible next to the student for ~20 s.")
    form.button.click()
    _idle(win)
    timeline.select_seq(3)
    form.note.setPlainText("Looked at the notes on the desk?")


def _report_png(win: ReviewWindow, name: str) -> None:
    """The PDF report's content, drawn by the same QTextDocument (there is no PDF rasteriser
    in the environment), cropped to the first ~1.5 pages."""
    record = win.view.record
    assert record is not None
    html = session_report_html(record, win.papers.get(record.summary.attempt_id),
                               "2026-12-01 14:00 UTC", "Dr. Aida Sarsen")
    document = QTextDocument()
    for key, data in (report_images(record) | win._media()).items():
        image = QImage()
        if image.loadFromData(data):
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(key), image)
    document.setHtml(html)
    document.setTextWidth(900)
    height = min(int(document.size().height()), 1500)
    image = QImage(940, height + 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(20, 20)
    document.drawContents(painter, QRectF(0, 0, 900, height))
    painter.end()
    path = OUT / f"review_{name}.png"
    image.save(str(path))
    print("wrote", path)


def render(world: World) -> None:
    data = SignInData(world.url, world.token(), world.exam_id, "Dr. Aida Sarsen",
                      world.institution_key_path, PASSPHRASE, world.invigilator_key_path,
                      PASSPHRASE)
    shown = SignInData("https://exams.example.edu", data.token, data.exam_id, data.reviewer,
                       Path("~/keys/institution-results.pem"), PASSPHRASE,
                       Path("~/keys/aida-sarsen.pem"), PASSPHRASE)
    dialog = SignInDialog(defaults=shown)
    dialog.resize(620, 380)
    _shot(dialog, "signin")
    win = ReviewWindow()
    win.resize(1500, 900)
    win.show()
    win.attach(connect_service(data), world.exam_id)
    _idle(win)
    win.load_package(world.package, world.trust_path, world.content_key_path)
    _idle(win)
    for student in ("s1", "s3", "s2"):
        win.select_attempt(world.attempts[student])
        win.open_selected()
        _idle(win)
    _shot(win, "overview")
    win.view.tabs.setCurrentIndex(1)
    _decide_first_flag(win)
    _shot(win, "timeline")
    win.view.tabs.setCurrentIndex(2)
    _shot(win, "identity")
    win.view.tabs.setCurrentIndex(3)
    _shot(win, "paper")
    win.view.tabs.setCurrentIndex(4)
    _shot(win, "decision")
    win.select_attempt(world.attempts["s3"])
    win.view.tabs.setCurrentIndex(0)
    _shot(win, "tampered")
    _report_png(win, "report_tampered")
    win.view.tabs.setCurrentIndex(1)
    win.view.timeline.flags_only.setChecked(False)
    win.view.timeline.select_seq(3)
    win.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    _shot(win, "tampered_timeline")
    win.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        world = build_world(Path(tmp))
        try:
            render(world)
        finally:
            world.server.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
