"""``emtihan-review``: the invigilator review tool (PySide6)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .review.main_window import ReviewWindow


def build_window() -> ReviewWindow:
    """The main window, shown, with the sign-in dialog queued right after."""
    window = ReviewWindow()
    window.show()
    QTimer.singleShot(0, window.sign_in)
    return window


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Emtihan review")
    window = build_window()
    code = int(app.exec())
    window.runner.wait()
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
