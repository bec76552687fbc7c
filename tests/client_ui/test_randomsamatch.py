"""Random short-answer matching on the real path: imported with the CLI, built and
signed; the paper seed picks the set, the real matching widget is answered by keyboard;
``emtihan-author grade`` gives Moodle's matching mark (share of stems right)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from client.ui.i18n import TextBinder
from client.ui.questions import MatchingQuestion, make_question_widget
from exam_packages.package import open_package
from exam_packages.paper import make_paper, paper_order
from exam_packages.trust import TrustStore

from .moodle_pkg import DATA, build_from_xml, grade_rows, pick


def test_drawn_set_answered_and_graded(tmp_path: Path, qtbot: Any) -> None:
    package = build_from_xml(DATA / "moodle_randomsamatch.xml", tmp_path / "pkg")
    opened = open_package(package / "m.emtihan", TrustStore.load(package / "trust.json"),
                          check_window=False)
    policy = opened.manifest["exam"]["policy"]
    drawn = set()
    for seed in map(str, range(10)):
        ids = [q["id"] for q in make_paper(opened.exam_doc, policy, seed)["questions"]]
        drawn.update(i for i in ids if i.startswith("q1-v"))
        assert sum(i.startswith("q1-v") for i in ids) == 1  # one set per paper
    assert len(drawn) > 1
    entry = next(e for e in make_paper(opened.exam_doc, policy, "3")["questions"]
                 if e["id"].startswith("q1-v"))
    question = opened.exam_doc["questions"][entry["id"]]
    widget = make_question_widget(question, paper_order(entry), {}, TextBinder())
    assert isinstance(widget, MatchingQuestion)
    qtbot.addWidget(widget)
    widget.show()
    first, second, third = question["pairs"]
    pick(qtbot, widget.combos[first["id"]], first["right"])
    pick(qtbot, widget.combos[second["id"]], third["right"])  # wrong
    answer = widget.answer()
    rows = grade_rows(package, tmp_path, "3", {entry["id"]: answer})
    row = next(r for r in rows if r["question"] == entry["id"])
    assert (row["status"], row["points"], row["max"]) == ("partial", "1.00", "3")
