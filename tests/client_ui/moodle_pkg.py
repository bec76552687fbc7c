"""Shared steps of the Moodle end-to-end tests: a Moodle XML file imported with the CLI,
built and signed into a package; keyboard helpers for the real widgets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from exam_packages import cli

DATA = Path(__file__).resolve().parents[1] / "exam_packages" / "data" / "import"


def run_cli(*argv: object) -> None:
    assert cli.main([str(a) for a in argv]) == 0


def build_from_xml(xml: Path, tmp: Path) -> Path:
    """``import-moodle`` then ``build`` (signed, not encrypted); returns ``tmp``, holding
    ``m.emtihan`` and ``trust.json``."""
    run_cli("import-moodle", xml, "--out", tmp / "src")
    run_cli("keygen", "--kind", "author", "--out", tmp / "author.key")
    run_cli("keygen", "--kind", "results", "--out", tmp / "inst.key")
    run_cli("trust", tmp / "author.key.pub", "--out", tmp / "trust.json")
    run_cli("build", tmp / "src" / "exam.yaml", "--author-key", tmp / "author.key",
            "--recipient", tmp / "inst.key.pub", "--out", tmp / "m.emtihan")
    return tmp


def pick(qtbot: Any, combo: QComboBox, text: str) -> None:
    """Choose the item with this text by keyboard (focus, then Down)."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def grade_rows(package: Path, tmp: Path, seed: str, answers: dict[str, Any]) -> list[dict]:
    """``emtihan-author grade`` on the package: the breakdown rows."""
    (tmp / "a.json").write_text(json.dumps({"seed": seed, "answers": answers}), "utf-8")
    run_cli("grade", package / "m.emtihan", "--answers", tmp / "a.json", "--trust",
            package / "trust.json", "--breakdown", tmp / "b.csv")
    return list(csv.DictReader(io.StringIO((tmp / "b.csv").read_text("utf-8"))))
