"""The scripted student flow against a server that runs elsewhere (the bundle's check).

    emtihan-student --headless-flow --server URL --exam ID --trust FILE --data-dir DIR
                    [--video PATH] [--id-image PATH] [--no-verifier]

The same flow as ``emtihan-demo --headless`` (``emtihan_demo.flow``) but the server, its
exam and the roster are made by someone else (tests/bundle starts one on loopback); the
bundled client runs it to show that everything the student side needs is in the archive.
Prints ``ATTEMPT <id>`` once the signed receipt is verified.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

from exam_packages.errors import EmtihanError
from exam_packages.trust import TrustStore

from .world import DemoWorld, say


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="emtihan-student --headless-flow")
    p.add_argument("--server", required=True)
    p.add_argument("--exam", required=True)
    p.add_argument("--trust", type=Path, required=True)
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--video", type=Path)
    p.add_argument("--id-image", type=Path)
    p.add_argument("--no-verifier", action="store_true")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .flow import run_headless_student

    world = DemoWorld(args.data_dir, None, args.server.rstrip("/"), args.exam,
                      TrustStore.load(args.trust), Path(), Path(), Path())
    try:
        attempt_id = run_headless_student(world, args, random.Random(2026))
    except EmtihanError as exc:
        say(f"[student] FAILED: {exc.user_message}")
        return 1
    say(f"ATTEMPT {attempt_id}")
    return 0
