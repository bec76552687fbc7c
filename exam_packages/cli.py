"""``emtihan-author``: keys, building, signing, verifying, previewing, importing, grading.

Every deliberate failure is an :class:`EmtihanError`, caught once in
:func:`main` and printed as ``error: <message>`` with exit code 2; anything
unexpected exits with code 1 and a short message.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import cli_commands as cmd
from . import cli_grade
from .errors import EmtihanError

Handler = Callable[[argparse.Namespace], int]


def _passphrase_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-env", metavar="VAR",
                        help="environment variable holding the private key's passphrase")


def _content_key_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content-key", metavar="FILE",
                        help="content key file written by `build --encrypt` (<package>.key)")


def _add(sub: argparse._SubParsersAction, name: str, handler: Handler,
         help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text,
                                                     description=help_text)
    parser.set_defaults(handler=handler)
    return parser


def _key_commands(sub: argparse._SubParsersAction) -> None:
    p = _add(sub, "keygen", cmd.cmd_keygen,
             "create a key pair: an author signing key (Ed25519) or an institution results "
             "key (X25519); the public half goes to PATH.pub")
    p.add_argument("--kind", choices=["author", "results"], required=True)
    p.add_argument("--out", required=True, metavar="PATH", help="private key file (0600)")
    p.add_argument("--force", action="store_true", help="overwrite an existing key file")
    _passphrase_arg(p)
    p = _add(sub, "trust", cmd.cmd_trust,
             "add author public keys to a trust file (created if missing)")
    p.add_argument("public_keys", nargs="+", metavar="PUB", help="author public key (.pub)")
    p.add_argument("--out", required=True, metavar="FILE", help="trust file (JSON)")
    p.add_argument("--name", action="append", default=[],
                   help="display name of each key, in order (default: file name)")


def _package_commands(sub: argparse._SubParsersAction) -> None:
    p = _add(sub, "build", cmd.cmd_build, "build and sign a package from a YAML/JSON source")
    p.add_argument("source", metavar="SOURCE")
    p.add_argument("--author-key", required=True, metavar="K", help="author private key")
    p.add_argument("--recipient", required=True, metavar="PUB",
                   help="institution results public key (X25519)")
    p.add_argument("--out", required=True, metavar="PKG")
    p.add_argument("--encrypt", action="store_true",
                   help="encrypt the content; the content key is written to PKG.key")
    _passphrase_arg(p)
    p = _add(sub, "sign", cmd.cmd_sign,
             "re-sign a built package with another author key (files are checked first)")
    p.add_argument("package", metavar="PKG")
    p.add_argument("--author-key", required=True, metavar="K")
    p.add_argument("--out", required=True, metavar="OUT")
    _passphrase_arg(p)
    p = _add(sub, "verify", cmd.cmd_verify,
             "verify a package: container, signature against the trust file, window, files, and "
             "the questions when they are readable")
    p.add_argument("package", metavar="PKG")
    p.add_argument("--trust", required=True, metavar="FILE")
    p.add_argument("--now", metavar="ISO", help="check the window at this time (with zone)")
    p.add_argument("--no-window", action="store_true", help="do not check the exam window")
    p.add_argument("--rollback-store", metavar="FILE",
                   help="refuse a version older than the one recorded in FILE (JSON, created "
                        "if missing) and record this one")
    _content_key_arg(p)
    p = _add(sub, "inspect", cmd.cmd_inspect, "show a package's manifest (NOT verified)")
    p.add_argument("package", metavar="PKG")
    p = _add(sub, "preview", cmd.cmd_preview, "print the shuffled paper for a seed")
    p.add_argument("package", metavar="PKG")
    p.add_argument("--seed", required=True, metavar="N")
    p.add_argument("--trust", metavar="FILE", help="also verify the signature")
    _content_key_arg(p)


def _other_commands(sub: argparse._SubParsersAction) -> None:
    for name, handler, what, arg in (
        ("import-moodle", cmd.cmd_import_moodle, "a Moodle XML export", "xml"),
        ("import-gift", cmd.cmd_import_gift, "a GIFT text file", "file"),
    ):
        p = _add(sub, name, handler, f"convert {what} into a YAML source + media folder")
        p.add_argument(arg, metavar=arg.upper())
        p.add_argument("--out", required=True, metavar="SOURCE_DIR")
        p.add_argument("--force", action="store_true", help="overwrite SOURCE_DIR/exam.yaml")
    p = _add(sub, "grade", cli_grade.cmd_grade,
             "grade an answers file against a package (--answers), or decrypt a result "
             "envelope and grade it (--key, --package, --trust)")
    cli_grade.add_grade_arguments(p)
    _passphrase_arg(p)
    _content_key_arg(p)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="emtihan-author",
        description="Build, sign, verify, preview, import and grade Emtihan exam packages.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _key_commands(sub)
    _package_commands(sub)
    _other_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    handler: Handler = args.handler
    try:
        return handler(args)
    except EmtihanError as exc:
        print(f"error: {exc.user_message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the one top-level catch for the unexpected
        print(f"error: unexpected failure ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
