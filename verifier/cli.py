"""``emtihan-verify``: evaluation and one-off identity checks.

    emtihan-verify eval PAIRS.csv [--out PAIRS_OUT.csv] [--config cfg.json]
    emtihan-verify check ID_IMAGE LIVE_IMAGE_OR_VIDEO [--config cfg.json]
    emtihan-verify liveness VIDEO --order blink,turn_left,turn_right [--id ID_IMAGE]
    emtihan-verify pairs FACES_ROOT OUT.csv      (build a pair list from MANIFEST.csv files)

Exit status: 0 done (``liveness``: the challenge passed), 1 the liveness challenge
failed, 2 unusable input (unreadable file, bad options).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from exam_packages.errors import EmtihanError, InputError

from .attempt import AttemptVerifier
from .config import VerifierConfig
from .evaluation import evaluate, format_report, write_pairs_out
from .identity import IdentityVerifier
from .imageio import read_image_file, read_video_frames
from .liveness import LivenessChallenge
from .pairs import build_pairs, read_manifests, read_pairs_csv, unique_photos, write_pairs_csv

VIDEO_SUFFIXES = {".mp4", ".avi", ".mov", ".mkv", ".webm"}


def _config(path: str | None) -> VerifierConfig:
    if path is None:
        return VerifierConfig()
    try:
        return VerifierConfig.from_json(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(f"Cannot read config {path}: {exc.strerror}") from exc


def _cmd_eval(args: argparse.Namespace) -> int:
    config = _config(args.config)
    report = evaluate(read_pairs_csv(Path(args.pairs)), config)
    sweep = [round(x, 3) for x in np.arange(0.30, 0.701, 0.02)]
    print(format_report(report, sweep))
    if args.out:
        write_pairs_out(report, Path(args.out))
        print(f"per-pair distances and outcomes: {args.out}")
    return 0


def _cmd_liveness(args: argparse.Namespace) -> int:
    config = _config(args.config)
    steps = tuple(s.strip() for s in args.order.split(",") if s.strip())
    challenge = LivenessChallenge(steps)
    timed = read_video_frames(Path(args.video), every_s=1.0 / 15.0, max_frames=450)
    verifier = AttemptVerifier(config)
    if args.id:
        decision = verifier.decide(read_image_file(args.id), challenge, timed)
        result = decision.liveness
    else:
        result = verifier.liveness(challenge, timed)
    print(f"video: {args.video}: {len(timed)} frames, {timed[-1][0] - timed[0][0]:.1f} s")
    for number, step in enumerate(result.steps, start=1):
        when = "not done" if step.t_done is None else f"done at {step.t_done:.2f} s"
        detail = ", ".join(f"{k} {v}" for k, v in step.detail.items())
        print(f"step {number} {step.name}: {'passed' if step.passed else 'FAILED'} ({when}"
              f"{'; ' + detail if detail else ''})")
    print("measures: " + ", ".join(f"{k} {v}" for k, v in result.measures.items()))
    print(f"liveness: {'passed' if result.passed else 'FAILED'}")
    for r in result.reasons:
        print(f"reason: {r.code}: {r.message} {r.values if r.values else ''}".rstrip())
    if args.id:
        dist = "n/a" if decision.distance is None else f"{decision.distance:.3f}"
        print(f"identity: {decision.identity.outcome} (distance {dist})")
        print(f"outcome: {decision.outcome}")
    return 0 if result.passed else 1


def _live_frames(path: Path) -> list[np.ndarray]:
    if path.suffix.lower() in VIDEO_SUFFIXES:
        return [frame for _, frame in read_video_frames(path, every_s=0.5, max_frames=20)]
    return [read_image_file(path)]


def _cmd_check(args: argparse.Namespace) -> int:
    verifier = IdentityVerifier(_config(args.config))
    decision = verifier.check(read_image_file(args.id_image), _live_frames(Path(args.live)))
    dist = "n/a" if decision.distance is None else f"{decision.distance:.3f}"
    low, high = decision.review_band
    print(f"outcome: {decision.outcome}")
    print(f"distance: {dist}  threshold: {decision.threshold:.3f}  "
          f"review band: [{low:.3f}, {high:.3f}]")
    for r in decision.reasons:
        print(f"reason: {r.code}: {r.message}")
    return 0


def _cmd_pairs(args: argparse.Namespace) -> int:
    images = unique_photos(read_manifests(Path(args.root)))
    pairs = build_pairs(images)
    write_pairs_csv(pairs, Path(args.out))
    same = sum(p.same for p in pairs)
    print(f"{len(images)} images, {same} genuine and {len(pairs) - same} impostor pairs")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="emtihan-verify", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_eval = sub.add_parser("eval", help="FMR/FNMR/ROC over a pairs CSV")
    p_eval.add_argument("pairs")
    p_eval.add_argument("--out", help="write per-pair distances and outcomes to this CSV")
    p_eval.add_argument("--config")
    p_eval.set_defaults(func=_cmd_eval)
    p_live = sub.add_parser("liveness", help="run the liveness challenge on a video file")
    p_live.add_argument("video")
    p_live.add_argument("--order", required=True,
                        help="comma-separated steps, e.g. blink,turn_left,turn_right")
    p_live.add_argument("--id", help="ID document image: also print the identity decision")
    p_live.add_argument("--config")
    p_live.set_defaults(func=_cmd_liveness)
    p_check = sub.add_parser("check", help="ID document vs live image or video")
    p_check.add_argument("id_image")
    p_check.add_argument("live")
    p_check.add_argument("--config")
    p_check.set_defaults(func=_cmd_check)
    p_pairs = sub.add_parser("pairs", help="build a pairs CSV from MANIFEST.csv folders")
    p_pairs.add_argument("root")
    p_pairs.add_argument("out")
    p_pairs.set_defaults(func=_cmd_pairs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, a usage error is 2
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except EmtihanError as exc:
        print(f"error: {exc.user_message}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
