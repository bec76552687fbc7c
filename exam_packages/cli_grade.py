"""``emtihan-author grade``: an author's answers file against a package (``--answers``),
or a student's sealed result envelope (``--key``), see :mod:`cli_commands`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import cli_commands as cmd
from .author_grading import (
    breakdown_csv,
    grade_answers,
    gradebook_csv,
    parse_answers_file,
    summary,
)
from .errors import InputError
from .grading import render_report, report_to_dict
from .package import open_package
from .pkg_tools import read_content_unverified
from .trust import TrustStore

MAX_ANSWERS_BYTES = 64 << 20


def add_grade_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="ENVELOPE|PACKAGE",
                        help="a result envelope (with --key) or, with --answers, a package")
    parser.add_argument("--answers", metavar="FILE.json",
                        help="grade this answers file against PACKAGE (no envelope needed)")
    parser.add_argument("--key", metavar="INSTITUTION_KEY",
                        help="institution results private key (X25519), for an envelope")
    parser.add_argument("--package", metavar="PKG", help="the package, for an envelope")
    parser.add_argument("--trust", metavar="FILE",
                        help="trust file (required for an envelope; with --answers it also "
                             "checks the package's signature)")
    parser.add_argument("--csv", metavar="FILE",
                        help="with --answers: write grades for Moodle's gradebook import")
    parser.add_argument("--breakdown", metavar="FILE",
                        help="with --answers: write one CSV row per student and question")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def cmd_grade(args: argparse.Namespace) -> int:
    if args.answers:
        return _grade_answers(args)
    missing = [flag for flag, value in (("--key", args.key), ("--package", args.package),
                                        ("--trust", args.trust)) if not value]
    if missing:
        raise InputError(f"grading an envelope needs {', '.join(missing)} (or give "
                         "--answers FILE.json to grade an answers file against a package)")
    args.envelope = args.source
    return cmd.cmd_grade(args)


def _grade_answers(args: argparse.Namespace) -> int:
    key = cmd._content_key(args)
    package = Path(args.source)
    if args.trust:
        opened = open_package(package, TrustStore.load(Path(args.trust)), content_key=key,
                              check_window=False)
        manifest, doc = opened.manifest, opened.exam_doc
    else:
        manifest, doc = read_content_unverified(package, key)
    exam = manifest["exam"]
    entries = parse_answers_file(cmd._read_input(args.answers, MAX_ANSWERS_BYTES))
    grades = grade_answers(doc, exam.get("policy", {}), entries)
    if args.csv:
        Path(args.csv).write_text(gradebook_csv(grades, exam["title"]), encoding="utf-8")
    if args.breakdown:
        Path(args.breakdown).write_text(breakdown_csv(grades), encoding="utf-8")
    if args.json:
        print(json.dumps({"exam_id": exam["exam_id"], "version": exam["version"],
                          "signature_checked": bool(args.trust), "summary": summary(grades),
                          "students": [{"student_id": g.student_id, "seed": g.seed,
                                        **report_to_dict(g.report)} for g in grades]},
                         ensure_ascii=False, indent=2))
        return 0
    if not args.trust:
        print("(signature not checked; pass --trust FILE to verify it)")
    print(f"exam {exam['exam_id']} version {exam['version']}: {len(grades)} student(s)")
    for g in grades:
        seed = f", seed {g.seed}" if g.seed else ""
        print(f"\n== {g.student_id}{seed}")
        print(render_report(g.report))
    for flag, path in (("grades (Moodle gradebook CSV)", args.csv),
                       ("per-question breakdown", args.breakdown)):
        if path:
            print(f"wrote {flag}: {path}")
    return 0
