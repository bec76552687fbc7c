"""Moodle's matching distractors (extra wrong answers) on the real path: imported with the
CLI, built and signed, the paper's shuffled right-hand list (distractors included) shown
by the real widget and answered by keyboard, graded by ``emtihan-author grade`` as Moodle
grades it (a distractor is wrong for every stem; stems alone count), shown in review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from client.review_core.paper import reconstruct
from client.ui.i18n import TextBinder
from client.ui.questions import MatchingQuestion, make_question_widget
from exam_packages.importing import render_import_report
from exam_packages.moodle import import_moodle_xml
from exam_packages.package import open_package
from exam_packages.paper import make_paper, paper_order
from exam_packages.trust import TrustStore

from .moodle_pkg import DATA, build_from_xml, grade_rows, pick

XML = DATA / "moodle_matching_distractors.xml"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_from_xml(XML, tmp_path_factory.mktemp("match"))


def test_import_keeps_distractors_once() -> None:
    result = import_moodle_xml(XML.read_bytes())
    question = result.exam_doc["questions"]["q1"]
    # "Paris" is already a right answer: Moodle offers each answer text once
    assert question["distractors"] == [{"id": "d1", "text": "Almaty"},
                                       {"id": "d2", "text": "Lyon"}]
    assert "imported Capitals [matching] (line 5) -> q1" in render_import_report(result)


def test_distractor_chosen_by_keyboard_is_graded_wrong(package: Path, tmp_path: Path,
                                                       qtbot: Any) -> None:
    opened = open_package(package / "m.emtihan", TrustStore.load(package / "trust.json"),
                          check_window=False)
    doc = opened.exam_doc
    entry = make_paper(doc, opened.manifest["exam"]["policy"], "seed-4")["questions"][0]
    assert sorted(entry["right_order"]) == ["d1", "d2", "p1", "p2"]
    widget = make_question_widget(doc["questions"]["q1"], paper_order(entry), {}, TextBinder())
    assert isinstance(widget, MatchingQuestion)
    qtbot.addWidget(widget)
    widget.show()
    for combo in widget.combos.values():  # the paper's order, distractors included
        assert [combo.itemData(i) for i in range(1, combo.count())] == entry["right_order"]
    for pair, wanted in (("p1", "Astana"), ("p2", "Lyon")):
        pick(qtbot, widget.combos[pair], wanted)
    answer = widget.answer()
    assert answer == {"p1": "p1", "p2": "d2"}
    row = grade_rows(package, tmp_path, "seed-4", {"q1": answer})[0]
    assert (row["status"], row["points"], row["max"]) == ("partial", "1.00", "2")
    item = reconstruct(doc, {}, "seed-4", {"q1": answer}).items[0]
    assert item.answer == "Kazakhstan → Astana; France → Lyon"


def test_equal_answer_texts_are_one_choice(qtbot: Any) -> None:
    """Moodle offers each answer text once: the widget too, and either stem is right."""
    from exam_packages.grading import grade_question

    question = {"type": "matching", "text": "Which are metals?", "pairs": [
        {"id": "p1", "left": "iron", "right": "metal"}, {"id": "p2", "left": "neon",
                                                        "right": "gas"},
        {"id": "p3", "left": "copper", "right": "metal"}]}
    widget = make_question_widget(question, ["p3", "p2", "p1"], {}, TextBinder())
    qtbot.addWidget(widget)
    widget.show()
    combo = widget.combos["p1"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "metal", "gas"]
    for pair, wanted in (("p1", "metal"), ("p2", "gas"), ("p3", "metal")):
        pick(qtbot, widget.combos[pair], wanted)
    answer = widget.answer()
    assert answer == {"p1": "p3", "p2": "p2", "p3": "p3"}
    assert grade_question("q", question, answer).status == "correct"
    widget.set_answer({"p1": "p1"})  # an id shown under the other one's entry
    assert widget.combos["p1"].currentText() == "metal"
