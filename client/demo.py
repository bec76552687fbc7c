"""``emtihan-demo``: the whole product on one machine.

1. starts the embedded exam server on 127.0.0.1 with a temporary data directory;
2. creates an author signing key and the institution results key (passphrase-protected);
3. builds, signs, encrypts and publishes ``exam_packages/samples/demo_exam.yaml``;
4. imports a one-student roster;
5. opens the PySide6 student client (``client.ui.app.run_student_app``) or, with
   ``--headless`` (or when no display / no UI is available, said plainly), runs the
   student flow scripted through ``client.core``: sign in, download + verify, bandwidth,
   camera (the shared Hamilton clip or a synthetic source, said which), audio
   (simulated), consent, identity (verifier), exam with a simulated crash + resume,
   hand-in, signed receipt;
6. plays the invigilator: headless, it downloads the ciphertext, decrypts it with the
   institution key, verifies log/signatures/receipt and prints the automatic grade;
   with a screen, it opens the review tool (``client.demo_review``) signed in to the
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exam_packages.errors import EmtihanError
from exam_packages.keys import generate_results_key, generate_signing_key, save_private_key
from exam_packages.package import build_package
from exam_packages.source import load_source
from exam_packages.trust import TrustStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "exam_packages" / "samples" / "demo_exam.yaml"
STUDENT, CODE, NAME = "s-demo-01", "DEMO-2026", "Aigerim Demo"
PASSPHRASE = b"demo institution passphrase"


@dataclass
class DemoWorld:
    base: Path
    server: Any
    url: str
    exam_id: str
    trust: TrustStore
    institution_key_file: Path
    package: Path
    content_key_file: Path


def say(text: str) -> None:
    print(text, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="emtihan-demo", description=__doc__.split("\n")[0])
    parser.add_argument("--headless", action="store_true",
                        help="run the scripted student flow without a window")
    parser.add_argument("--data-dir", type=Path, help="keep everything here (default: temp)")
    parser.add_argument("--video", type=Path, help="camera video file or image folder")
    parser.add_argument("--id-image", type=Path, help="photo of an ID document")
    parser.add_argument("--no-review", action="store_true",
                        help="with a screen: do not open the review tool after the exam")
    parser.add_argument("--no-verifier", action="store_true",
                        help="skip face analysis (identity recorded as not run)")
    return parser


def setup_world(base: Path) -> DemoWorld:
    from server_stub.config import init_data_dir
    from server_stub.embedded import EmbeddedServer

    keys_dir = base / "keys"
    keys_dir.mkdir(parents=True, exist_ok=True)
    author, institution = generate_signing_key(), generate_results_key()
    inst_file = keys_dir / "institution_results.pem"
    save_private_key(institution, inst_file, PASSPHRASE)
    save_private_key(author, keys_dir / "author.pem", None)
    source = load_source(SAMPLE)
    out = base / f"{source.meta['exam_id']}.emtihan"
    built = build_package(source.meta, source.exam_doc, source.media, out, author,
                          institution.public_key(), encrypt=True)
    assert built.key_path is not None
    say(f"[author] built and signed {out.name} (encrypted, {out.stat().st_size} bytes)")
    init_data_dir(base / "server")
    server = EmbeddedServer(base / "server")
    server.services.service.publish(built.path, built.key_path)
    roster = f"student_id,name,access_code\n{STUDENT},{NAME},{CODE}\n"
    server.services.service.import_roster(roster, source.meta["exam_id"])
    url = server.start()
    say(f"[server] embedded server at {url}; exam published; roster: 1 student")
    trust = TrustStore.from_keys([("demo author", author.public_key())])
    return DemoWorld(base, server, url, source.meta["exam_id"], trust, inst_file, built.path,
                     built.key_path)


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
    from client.demo_student import CLIP

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
    from client.demo_review import open_review

    say("[invigilator] opening the review tool on the same server")
    return open_review(world, PASSPHRASE) or code


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.monotonic()
    base = args.data_dir or Path(tempfile.mkdtemp(prefix="emtihan-demo-"))
    base.mkdir(parents=True, exist_ok=True)
    world = None
    try:
        world = setup_world(base)
        code = None if args.headless else try_gui(world, args)
        if code is None:
            from client.demo_flow import invigilate, run_headless_student

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
        if args.data_dir is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
