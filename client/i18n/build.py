"""Extract the UI's source strings, write Qt ``.ts`` files from the catalogue, compile ``.qm``.

    python -m client.i18n.build          # writes emtihan_kk.ts/.qm and emtihan_ru.ts/.qm
    python -m client.i18n.build --check  # lists strings that have no translation

Source strings are found in ``client/ui`` by reading the code (no running):
the first argument of ``tr``/``trf``/``Lazy``, the text argument of
``binder.bind(setter, text)``, the string arguments of page constructors
(``super().__init__(binder, title, intro)`` / ``Page(binder, title, intro)``),
the pages' ``_box(title)``, ``_status(text)``, ``_show(label, text)`` helpers,
``hints.append(text)`` and the ``STEPS``, ``CHECK_NAMES`` and ``RECEIPT_ROWS`` tables.
Translations live in ``catalogue.py`` (English -> Kazakh, Russian).
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
UI = HERE.parent / "ui"
CONTEXT = "Emtihan"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
LANGS = {"kk": 0, "ru": 1}
TABLES = ("STEPS", "CHECK_NAMES", "RECEIPT_ROWS", "STEP_TEXT", "OUTCOME_TEXT", "SHOWN_TEXTS",
          "ERROR_TEXT", "PACKAGE_CHECKS", "CONNECTION", "PACKAGE_BAD", "SIGN_IN_AGAIN",
          "CATEGORY_NAMES", "LIST_COLUMNS", "SYSTEM_CHECKS", "FIELD_NAMES", "CORE_TEXTS",
          # the consent page's texts (client/ui/backend.py)
          "RECORDED_DURING_EXAM", "RESULTS_DESTINATION", "CONSENT_CONTACT")
# Qt-free modules whose texts the UI shows (identity outcomes and steps, camera hints,
# event kinds); the review core marks its texts with ``N_``/``t`` (client/review_core/texts.py)
SHOWN_TABLES = (HERE.parent / "core" / "identity.py", HERE.parent / "core" / "camera_check.py",
                HERE.parent / "core" / "my_record.py",
                *sorted((HERE.parent / "review_core").glob("*.py")))


def _strings(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value


def _from_call(call: ast.Call) -> Iterator[str]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    args = call.args
    if name in ("tr", "trf", "Lazy", "append", "_box", "_status", "show_notice", "N_",
                "t") and args:
        yield from _strings(args[0])
    elif name in ("bind", "_show") and len(args) >= 2:
        yield from _strings(args[1])
    elif name in ("__init__", "Page") and len(args) >= 3:
        for arg in args[1:3]:
            yield from _strings(arg)


def _targets(node: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    return list(node.targets) if isinstance(node, ast.Assign) else [node.target]


def extract(root: Path = UI) -> set[str]:
    """Every translatable source string used in ``root``."""
    found: set[str] = set()
    for path in [*sorted(root.rglob("*.py")), *(p for p in SHOWN_TABLES if root == UI)]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found.update(_from_call(node))
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None and any(
                    isinstance(t, ast.Name) and t.id in TABLES for t in _targets(node)):
                found.update(_strings(node.value))
                for elt in getattr(node.value, "elts", None) or getattr(node.value, "values", []):
                    found.update(_strings(elt))
    return {s for s in found if PLACEHOLDER.sub("", s).strip(" .:…")}


def missing(found: set[str]) -> list[str]:
    from .catalogue import CATALOGUE

    return sorted(s for s in found if s not in CATALOGUE)


def bad_placeholders() -> list[str]:
    from .catalogue import CATALOGUE

    bad = []
    for src, translations in CATALOGUE.items():
        want = sorted(PLACEHOLDER.findall(src))
        for text in translations:
            if sorted(PLACEHOLDER.findall(text)) != want:
                bad.append(f"{src!r} -> {text!r}")
    return bad


def write_ts(lang: str, path: Path) -> None:
    from .catalogue import CATALOGUE

    index = LANGS[lang]
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{lang}">', "<context>",
             f"    <name>{CONTEXT}</name>"]
    for src in sorted(CATALOGUE):
        lines += ["    <message>", f"        <source>{escape(src)}</source>",
                  f"        <translation>{escape(CATALOGUE[src][index])}</translation>",
                  "    </message>"]
    lines += ["</context>", "</TS>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def lrelease() -> str:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(exe) if exe.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6)")
    return found


def build() -> list[Path]:
    out = []
    for lang in LANGS:
        ts = HERE / f"emtihan_{lang}.ts"
        qm = ts.with_suffix(".qm")
        write_ts(lang, ts)
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        out += [ts, qm]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--check", action="store_true")
    args = p.parse_args(argv)
    todo = missing(extract())
    bad = bad_placeholders()
    for s in todo:
        print(f"untranslated: {s!r}")
    for s in bad:
        print(f"placeholders differ: {s}")
    if args.check:
        return 1 if todo or bad else 0
    for path in build():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
