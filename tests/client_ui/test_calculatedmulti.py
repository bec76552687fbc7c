"""Calculated multichoice on the real path: imported with the CLI, built and signed; the
paper seed picks the variant, the real widget shows its computed options and is answered
by keyboard; ``emtihan-author grade`` gives Moodle's multichoice mark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from client.ui.i18n import TextBinder
from client.ui.questions import make_question_widget
from exam_packages.package import open_package
from exam_packages.paper import make_paper, paper_order
from exam_packages.trust import TrustStore

from .moodle_pkg import DATA, build_from_xml, grade_rows


def test_variant_by_seed_answered_and_graded(tmp_path: Path, qtbot: Any) -> None:
    package = build_from_xml(DATA / "moodle_calculatedmulti.xml", tmp_path / "pkg")
    opened = open_package(package / "m.emtihan", TrustStore.load(package / "trust.json"),
                          check_window=False)
    policy = opened.manifest["exam"]["policy"]
    drawn = {s: make_paper(opened.exam_doc, policy, s)["questions"] for s in "abcdefgh"}
    assert all(len(q) == 1 for q in drawn.values())
    assert {q[0]["id"] for q in drawn.values()} == {"q1-v1", "q1-v2"}  # the seed picks
    entry = drawn["a"][0]
    question = opened.exam_doc["questions"][entry["id"]]
    widget = make_question_widget(question, paper_order(entry), {}, TextBinder())
    qtbot.addWidget(widget)
    widget.show()
    right = question["options"][0]["text"]  # a + b, written with 2 decimals
    button = next(b for b in widget.buttons.values() if b.text() == right)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    answer = widget.answer()
    rows = grade_rows(package, tmp_path, "a", {entry["id"]: answer})
    assert [(r["question"], r["status"], r["points"]) for r in rows] == [
        (entry["id"], "correct", "2.00")]
