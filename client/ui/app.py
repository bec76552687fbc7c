"""``emtihan-student``: the PySide6 student client.

    emtihan-student [--server URL] [--exam ID] [--student ID] [--camera PATH|INDEX]
                    [--lang kk|ru|en] [--data-dir DIR] [--trust FILE]
    emtihan-student --check-environment [--json]
    emtihan-student --version

``run_student_app(config)`` is what ``emtihan-demo`` calls with a dict:
``base_url, exam_id, student_id, access_code, data_dir, trust, video`` (optional
``lang``, ``backend``: tests inject a backend there; the product has no fake mode).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from exam_packages.errors import EmtihanError

from ..version import __version__
from .backend import StudentBackend
from .camera import default_face_counter, open_camera
from .i18n import LANGUAGES, I18n
from .window import StudentWindow


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="emtihan-student", description="Emtihan student client")
    p.add_argument("--server", default="", help="exam server URL, e.g. https://exams.example")
    p.add_argument("--exam", default="", help="exam code")
    p.add_argument("--student", default="", help="student id")
    p.add_argument("--camera", default=None,
                   help="video file / image folder to use as the camera, or a webcam index")
    p.add_argument("--lang", choices=sorted(LANGUAGES), default="en")
    p.add_argument("--data-dir", type=Path, default=Path.home() / ".emtihan")
    p.add_argument("--trust", type=Path, default=None, help="trusted author keys file")
    p.add_argument("--check-environment", action="store_true",
                   help="list remote-control, screen-sharing and recording software and "
                        "virtual-machine signs (what the system check shows), then exit")
    p.add_argument("--json", action="store_true", help="with --check-environment: JSON")
    p.add_argument("--version", action="version", version=f"emtihan-student {__version__}")
    return p


def check_environment_cli(as_json: bool) -> int:
    """``--check-environment``: the system check's scan under the default policy; exit 0."""
    import json

    from client.core.environment import check_environment, describe

    report = check_environment()
    print(json.dumps(report.to_dict(), indent=2) if as_json else describe(report))
    return 0


def make_backend(config: dict[str, Any]) -> StudentBackend:
    if config.get("backend") is not None:
        return config["backend"]  # type: ignore[no-any-return]
    from .core_backend import CoreBackend

    return CoreBackend.from_config(config)


def run_student_app(config: dict[str, Any]) -> int:
    """Open the student window and run until it is closed; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n = I18n()
    i18n.set_language(str(config.get("lang") or "en"))
    try:
        backend = make_backend(config)
    except EmtihanError as exc:
        print(exc.user_message, file=sys.stderr)
        return 2
    camera = config.get("video") or config.get("camera")
    window = StudentWindow(
        backend, i18n,
        open_camera=lambda: open_camera(None if camera is None else str(camera)),
        face_counter=default_face_counter(),
        server_url=str(config.get("base_url") or ""),
        exam_id=str(config.get("exam_id") or ""),
        student_id=str(config.get("student_id") or ""))
    if config.get("access_code"):
        window.signin.code.setText(str(config["access_code"]))
    window.show()
    code = int(app.exec())  # type: ignore[union-attr]
    window.shutdown()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.check_environment:
        return check_environment_cli(args.json)
    config: dict[str, Any] = {"base_url": args.server, "exam_id": args.exam,
                              "student_id": args.student, "camera": args.camera,
                              "lang": args.lang, "data_dir": str(args.data_dir),
                              "trust": args.trust}
    return run_student_app(config)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
