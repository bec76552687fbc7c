"""The student window is usable on a small screen and at double scale.

At 800×600 (and, in a child process, with QT_SCALE_FACTOR=2 on a 1600×1200 screen)
the real window walks every page; at each stop the window must fit the screen, and
no visible label or button may show a text wider than the widget (a clipped text).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.client_ui.page_walk import walk

pytestmark = [pytest.mark.qt, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def clipped(window: QWidget) -> list[str]:
    """Visible single-line labels and buttons whose text is wider than they are."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() \
                and widget.pixmap().isNull() and "<" not in widget.text():
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&") \
                if widget.buddy() is not None else widget.text()
            need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            room = widget.contentsRect().width()
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = metrics.horizontalAdvance(widget.text().replace("&", "")) + 12
            room = widget.width()
        else:
            continue
        if need > room + 1:
            found.append(f"{type(widget).__name__} {widget.text()!r}: {need}px in {room}px")
    return found


def check_walk(demo_world: Any, tmp_path: Path, qtbot: Any, qapp: Any, *, size: tuple[int, int],
               lang: str) -> list[str]:
    problems: list[str] = []

    def visit(name: str, w: Any) -> None:
        qapp.processEvents()
        hint = w.minimumSizeHint()
        if hint.width() > size[0] or hint.height() > size[1]:
            problems.append(f"{name}: the window needs {hint.width()}×{hint.height()}")
        problems.extend(f"{name}: {p}" for p in clipped(w))

    walk(demo_world, tmp_path, qtbot, visit, lang=lang, size=size)
    return list(dict.fromkeys(problems))


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_every_page_fits_800x600_without_clipped_text(demo_world, tmp_path, qtbot, qapp, lang):
    problems = check_walk(demo_world, tmp_path, qtbot, qapp, size=(800, 600), lang=lang)
    assert not problems, "\n".join(problems)


def test_every_page_fits_at_double_scale(demo_world, tmp_path):
    """QT_SCALE_FACTOR must be set before Qt starts: a child process does the walk.
    A 1600×1200 screen at scale 2 is 800×600 logical pixels."""
    trust = tmp_path / "trust.json"
    demo_world.trust.save(trust)
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    code = ("import sys; from tests.client_ui.test_layout import main_scaled; "
            "sys.exit(main_scaled(*sys.argv[1:]))")
    args = [demo_world.url, demo_world.exam_id, str(trust), str(tmp_path)]
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "walked 13 stops at scale 2" in proc.stdout


class _Bot:
    """What ``walk`` needs of pytest-qt's qtbot, for the child process."""

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 (qtbot's name)
        self.widget = widget

    def waitUntil(self, cond: Any, timeout: int) -> None:  # noqa: N802
        import time

        from PySide6.QtWidgets import QApplication

        end = time.monotonic() + timeout / 1000
        while not cond():
            assert time.monotonic() < end, "timed out"
            QApplication.processEvents()
            time.sleep(0.01)


def main_scaled(url: str, exam_id: str, trust: str, tmp: str) -> int:
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from exam_packages.trust import TrustStore

    app = QApplication.instance() or QApplication([])
    assert app.devicePixelRatio() == 2.0, app.devicePixelRatio()
    demo_world = SimpleNamespace(url=url, exam_id=exam_id, trust=TrustStore.load(Path(trust)))
    problems: list[str] = []
    stops: list[str] = []

    def visit(name: str, w: Any) -> None:
        stops.append(name)
        app.processEvents()
        hint = w.minimumSizeHint()
        if hint.width() > 800 or hint.height() > 600:
            problems.append(f"{name}: the window needs {hint.width()}×{hint.height()}")
        problems.extend(f"{name}: {p}" for p in clipped(w))

    from client.ui.exam_mode import ExamMode

    ExamMode.full_screen = False  # offscreen Qt sizes full screen in device pixels at scale 2
    walk(demo_world, Path(tmp), _Bot(), visit, size=(800, 600))
    print(f"walked {len(stops)} stops at scale 2")
    print("\n".join(dict.fromkeys(problems)))
    return 1 if problems else 0
