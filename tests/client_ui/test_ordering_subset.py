"""qtype_ordering's "select a subset of items" on the real path: imported with the CLI,
built and signed; each paper shows its own subset (random items, or a contiguous run),
the real widget lists only those and is reordered by keyboard; ``emtihan-author grade``
grades against the subset's correct order, as Moodle's correctresponse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from client.ui.i18n import TextBinder
from client.ui.questions import OrderingQuestion, make_question_widget
from exam_packages.package import open_package
from exam_packages.paper import make_paper, paper_order
from exam_packages.trust import TrustStore

from .moodle_pkg import DATA, build_from_xml, grade_rows


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = build_from_xml(DATA / "moodle_ordering_subset.xml", tmp_path_factory.mktemp("os"))
    return tmp, open_package(tmp / "m.emtihan", TrustStore.load(tmp / "trust.json"),
                             check_window=False)


def _entries(opened: Any, seed: str) -> dict[str, Any]:
    _, package = opened
    paper = make_paper(package.exam_doc, package.manifest["exam"]["policy"], seed)
    return {e["id"]: e for e in paper["questions"]}


def test_import_sets_moodles_subset(opened: Any) -> None:
    questions = opened[1].exam_doc["questions"]
    assert (questions["q1"]["select"], questions["q1"]["select_count"]) == ("random", 3)
    assert (questions["q2"]["select"], questions["q2"]["select_count"]) == ("contiguous", 3)
    assert (questions["q3"]["select"], questions["q3"]["select_count"]) == ("random", 2)
    seen = set()
    for seed in map(str, range(12)):
        entries = _entries(opened, seed)
        assert len(entries["q1"]["items"]) == 3
        order = questions["q2"]["correct_order"]
        run = sorted(entries["q2"]["items"], key=order.index)
        start = order.index(run[0])
        assert run == order[start:start + 3]  # contiguous
        seen.add(frozenset(entries["q1"]["items"]))
    assert len(seen) > 1  # each paper draws its own subset


def _move_to(qtbot: Any, widget: OrderingQuestion, wanted: list[str]) -> None:
    """Select the item that belongs first and press "Move up" (Space) until it is there,
    then the next, ... (keyboard only)."""
    for target, item_id in enumerate(wanted):
        row = next(i for i in range(widget.list.count())
                   if widget.list.item(i).data(Qt.ItemDataRole.UserRole) == item_id)
        widget.list.setCurrentRow(row)
        widget.up.setFocus()
        for _ in range(row - target):
            qtbot.keyClick(widget.up, Qt.Key.Key_Space)


def test_subset_answered_by_keyboard_graded_as_moodle(opened: Any, tmp_path: Path,
                                                      qtbot: Any) -> None:
    tmp, package = opened
    question = package.exam_doc["questions"]["q1"]
    entry = _entries(opened, "3")["q1"]
    widget = make_question_widget(question, paper_order(entry), {}, TextBinder())
    assert isinstance(widget, OrderingQuestion)
    qtbot.addWidget(widget)
    widget.show()
    shown = [widget.list.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(widget.list.count())]
    assert shown == entry["items"]
    a, b, c = (i for i in question["correct_order"] if i in shown)
    # one item in its place, two swapped; one that needs moves from the shown order
    wanted = next(w for w in ([b, a, c], [a, c, b], [c, b, a]) if w != shown)
    _move_to(qtbot, widget, wanted)
    answer = widget.answer()
    assert answer == wanted
    row = next(r for r in grade_rows(tmp, tmp_path, "3", {"q1": answer})
               if r["question"] == "q1")
    # ABSOLUTE_POSITION over Moodle's correctresponse (the 3 shown): 1 of 3 right, of 3 marks
    assert (row["status"], row["points"], row["max"]) == ("partial", "1.00", "3")
