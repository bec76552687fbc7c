"""``emtihan-review``: the invigilator review tool (PySide6)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .i18n import LANGUAGES, I18n
from .review.main_window import ReviewWindow


def build_window(i18n: I18n | None = None) -> ReviewWindow:
    """The main window, shown, with the sign-in dialog queued right after; ``i18n``: the
    language switch in its toolbar."""
    window = ReviewWindow(i18n)
    window.show()
    QTimer.singleShot(0, window.sign_in)
    return window


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv)
    parser = argparse.ArgumentParser(prog="emtihan-review", description=__doc__)
    parser.add_argument("--lang", choices=sorted(LANGUAGES), default="en",
                        help="language of the review tool at start (kk: Kazakh, ru: Russian, "
                        "en: English); it can be switched in the toolbar")
    options, qt_args = parser.parse_known_args(args[1:])
    app = QApplication.instance() or QApplication(args[:1] + qt_args)
    app.setApplicationName("Emtihan review")
    i18n = I18n(app)
    i18n.set_language(options.lang)
    window = build_window(i18n)
    code = int(app.exec())
    window.runner.wait()
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
