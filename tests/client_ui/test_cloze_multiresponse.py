"""Cloze MULTIRESPONSE gaps on the real path: imported with the CLI, built and signed,
answered with the check boxes of the real cloze widget (keyboard), graded by
``emtihan-author grade`` with Moodle's rules, shown in the review paper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from client.review_core.paper import reconstruct
from client.ui.i18n import TextBinder
from client.ui.questions import make_question_widget
from client.ui.questions_gaps import GapChecks
from exam_packages.package import open_package
from exam_packages.paper import make_paper, paper_order
from exam_packages.trust import TrustStore

from .moodle_pkg import DATA, build_from_xml, grade_rows, pick


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_from_xml(DATA / "moodle_cloze_multiresponse.xml", tmp_path_factory.mktemp("mr"))


def _tick(qtbot: Any, checks: GapChecks, texts: list[str]) -> None:
    for box in checks.boxes.values():
        if box.text() in texts:
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Space)


def test_multiresponse_gaps_by_keyboard_graded_as_moodle(package: Path, tmp_path: Path,
                                                         qtbot: Any) -> None:
    opened = open_package(package / "m.emtihan", TrustStore.load(package / "trust.json"),
                          check_window=False)
    question = opened.exam_doc["questions"]["q1"]
    entry = make_paper(opened.exam_doc, opened.manifest["exam"]["policy"], "s1")["questions"][0]
    widget = make_question_widget(question, paper_order(entry), {}, TextBinder())
    qtbot.addWidget(widget)
    widget.show()
    assert isinstance(widget.fields["g1"], GapChecks)
    # the _S gap shows its choices in the paper's order (Moodle shuffles them per attempt)
    assert list(widget.fields["g3"].boxes) == entry["gap_options"]["g3"]
    _tick(qtbot, widget.fields["g1"], ["2", "3"])  # two of the three primes
    _tick(qtbot, widget.fields["g2"], ["2", "4"])
    _tick(qtbot, widget.fields["g3"], ["1", "3"])
    pick(qtbot, widget.fields["g4"], "9")
    answer = widget.answer()
    assert answer == {"g1": ["a", "b"], "g2": ["a", "b"], "g3": ["a", "b"], "g4": "b"}
    widget.set_answer({"g1": ["c"]})
    assert widget.answer() == {"g1": ["c"]}
    widget.set_answer(answer)
    row = grade_rows(package, tmp_path, "s1", {"q1": answer})[0]
    # Moodle: (2 × 2/3 + 1 + 1 + 1) / 5 marks, of the question's 5
    assert (row["status"], row["points"], row["max"]) == ("partial", "4.33", "5")
    item = reconstruct(opened.exam_doc, {}, "s1", {"q1": answer}).items[0]
    assert item.answer == "[1] 2 + 3; [2] 2 + 4; [3] 1 + 3; [4] 9"
    assert item.answer_feedback == ("[1] Even prime",)
