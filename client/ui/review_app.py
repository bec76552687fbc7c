"""``emtihan-review``: the invigilator review tool (PySide6)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from .review.main_window import ReviewWindow

    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("Emtihan review")
    window = ReviewWindow()
    window.show()
    window.sign_in()
    return int(app.exec())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
