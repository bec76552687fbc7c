"""Moodle's shufflechoices for gapselect/ddwtos on the real path: imported with the CLI,
built and signed; the paper records each student's order of the choices; the real widget
offers each gap's group in that order; graded by ``emtihan-author grade``; the review
paper shows the order the student saw."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from client.review_core.paper import paper_html, reconstruct
from client.ui.i18n import TextBinder
from client.ui.questions import make_question_widget
from exam_packages.package import open_package
from exam_packages.paper import make_paper, paper_order
from exam_packages.trust import TrustStore

from .moodle_pkg import DATA, build_from_xml, grade_rows, pick


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_from_xml(DATA / "moodle_gapselect_shuffle.xml", tmp_path_factory.mktemp("gs"))


def _texts(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_each_student_sees_the_papers_order(package: Path, tmp_path: Path,
                                            qtbot: Any) -> None:
    opened = open_package(package / "m.emtihan", TrustStore.load(package / "trust.json"),
                          check_window=False)
    doc, policy = opened.exam_doc, opened.manifest["exam"]["policy"]
    weather = doc["questions"]["q1"]
    assert weather["shuffle"] is True and doc["questions"]["q2"]["shuffle"] is True
    orders = set()
    for seed in ("s1", "s2", "s3", "s4", "s5", "s6"):
        entry = next(e for e in make_paper(doc, policy, seed)["questions"] if e["id"] == "q1")
        assert sorted(entry["choices"]) == sorted(c["id"] for c in weather["choices"])
        orders.add(tuple(entry["choices"]))
    assert len(orders) > 1  # shuffled per student, deterministic per seed
    entry = next(e for e in make_paper(doc, policy, "s2")["questions"] if e["id"] == "q1")
    widget = make_question_widget(weather, paper_order(entry), {}, TextBinder())
    qtbot.addWidget(widget)
    widget.show()
    texts = {c["id"]: c["text"] for c in weather["choices"]}
    shown = [texts[c] for c in entry["choices"]]
    assert _texts(widget.combos["g1"]) == [t for t in shown if t in ("cold", "hot", "mild")]
    assert _texts(widget.combos["g2"]) == [t for t in shown if t in ("short", "long", "bright")]
    pick(qtbot, widget.combos["g1"], "cold")
    pick(qtbot, widget.combos["g2"], "long")
    answer = widget.answer()
    row = next(r for r in grade_rows(package, tmp_path, "s2", {"q1": answer})
               if r["question"] == "q1")
    assert (row["status"], row["points"]) == ("partial", "1.00")  # one gap of two, of 2
    paper = reconstruct(doc, policy, "s2", {"q1": answer})
    assert paper.items[[i.qid for i in paper.items].index("q1")].shown_order == tuple(shown)
    assert f"<i>Choices in the order shown:</i> {', '.join(shown)}" in paper_html(paper)
