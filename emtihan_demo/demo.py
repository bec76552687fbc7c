"""``emtihan-demo``: the whole product on one machine.

1. with a window, keeps everything in one persistent data directory (``--data-dir``,
   default ``$XDG_DATA_HOME/emtihan-demo``; ``--fresh`` wipes it), so closing the student
   window and running the demo again resumes the same attempt; headless (CI) it uses a
   fresh temporary directory unless ``--data-dir`` is given (see ``emtihan_demo.world``);
2. creates (or reuses) an author signing key and the institution results key
   (passphrase-protected);
3. builds, signs, encrypts and publishes ``exam_packages/samples/demo_exam.yaml`` (only
   when it is missing), starts the embedded exam server on 127.0.0.1;
4. imports a one-student roster (only when it is missing);
5. opens the PySide6 student client (``client.ui.app.run_student_app``) or, with
   ``--headless`` (or when no display / no UI is available, said plainly), runs the
   student flow scripted through ``client.core``: sign in, download + verify, bandwidth,
   camera (the shared Hamilton clip or a synthetic source, said which), audio
   (simulated), consent, identity (verifier), exam with a simulated crash + resume,
   hand-in, signed receipt;
6. plays the invigilator: headless, it downloads the ciphertext, decrypts it with the
   institution key, verifies log/signatures/receipt and prints the automatic grade;
   with a screen, it opens the review tool (``emtihan_demo.review``) signed in to the
   same server once the student window closes.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from exam_packages.errors import EmtihanError

from .world import CODE, PASSPHRASE, STUDENT, DemoWorld, default_data_dir, say, setup_world, wipe


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="emtihan-demo", description=__doc__.split("\n")[0])
    parser.add_argument("--headless", action="store_true",
                        help="run the scripted student flow without a window")
    parser.add_argument("--data-dir", type=Path,
                        help="keep the demo here (default with a window: "
                             f"{default_data_dir()}; headless: a temporary directory)")
    parser.add_argument("--fresh", action="store_true",
                        help="delete the demo data directory first and start over")
    parser.add_argument("--video", type=Path, help="camera video file or image folder")
    parser.add_argument("--id-image", type=Path, help="photo of an ID document")
    parser.add_argument("--no-review", action="store_true",
                        help="with a screen: do not open the review tool after the exam")
    parser.add_argument("--no-verifier", action="store_true",
                        help="skip face analysis (identity recorded as not run)")
    return parser


def data_dir(args: argparse.Namespace) -> tuple[Path, bool]:
    """Where the demo lives and whether it is a temporary directory (removed at the end).

    With a window the demo persists in one directory, so closing the student window and
    running the demo again resumes the same attempt; the headless run (CI) starts from a
    fresh temporary directory unless ``--data-dir`` is given.
    """
    if args.data_dir is not None:
        return args.data_dir, False
    if args.headless or not has_display():
        return Path(tempfile.mkdtemp(prefix="emtihan-demo-")), True
    return default_data_dir(), False


def has_display() -> bool:
    """A screen a window can appear on (offscreen/minimal Qt platforms are not one)."""
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def try_gui(world: DemoWorld, args: argparse.Namespace) -> int | None:
    """Run the PySide6 client; None (with the reason said) when it cannot run here."""
    if not has_display():
        say("[client] No display is available, so the PySide6 window cannot open; "
            "running the headless student flow instead.")
        return None
    from .student import CLIP

    try:
        from client.ui.app import run_student_app
    except ImportError as exc:
        say(f"[client] The PySide6 student client is not available ({exc}); "
            "running the headless student flow instead.")
        return None
    config = {"base_url": world.url, "exam_id": world.exam_id, "student_id": STUDENT,
              "access_code": CODE, "data_dir": str(world.base / "client"),
              "trust": world.trust, "video": str(args.video or CLIP) if (args.video or
                                                                         CLIP.exists()) else None}
    say(f"[client] opening the PySide6 student client (camera: {config['video'] or 'webcam'})")
    code = int(run_student_app(config))
    if args.no_review:
        return code
    from .review import open_review

    say("[invigilator] opening the review tool on the same server")
    return open_review(world, PASSPHRASE) or code


def _say_resume(base: Path) -> None:
    attempts = base / "client" / "attempts"
    if attempts.exists() and any(attempts.rglob("*")):
        say(f"[demo] continuing the demo saved in {base} (the same attempt resumes at sign-in;"
            " run with --fresh to start over)")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.monotonic()
    base, temporary = data_dir(args)
    if args.fresh and not temporary:
        wipe(base)
    _say_resume(base)
    world = None
    try:
        world = setup_world(base)
        code = None if args.headless else try_gui(world, args)
        if code is None:
            from .flow import invigilate, run_headless_student

            attempt_id = run_headless_student(world, args, random.Random(2026))
            invigilate(world, attempt_id)
            code = 0
        say(f"[demo] finished in {time.monotonic() - started:.1f} s")
        return code
    except EmtihanError as exc:
        say(f"[demo] FAILED: {exc.user_message}")
        return 1
    finally:
        if world is not None:
            world.server.stop()
        if temporary:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
