"""The review paper shows the Moodle question types readably, with the author's feedback."""

from __future__ import annotations

from pathlib import Path

from client.review_core.paper import paper_html, reconstruct
from exam_packages.paper import make_paper
from exam_packages.source import load_source

SAMPLE = Path(__file__).resolve().parents[2] / "exam_packages" / "samples" / "moodle_types.yaml"


def test_gap_answers_and_feedback_are_readable() -> None:
    source = load_source(SAMPLE)
    doc = source.exam_doc
    doc["questions"]["pets"]["feedback"] = "Cats like mats."
    answers = {"pets": {"g1": "a", "g2": "d"},
               "cities": {"g1": "a", "g2": "Marseille"},
               "gravity": "985 cm/s^2"}
    paper = reconstruct(doc, source.meta["policy"], "s1", answers)
    items = {item.qid: item for item in paper.items}
    assert items["pets"].text == "The [1] sat on the [2]."
    assert items["pets"].answer == "[1] cat; [2] hat"
    assert items["pets"].grade.status == "partial"
    assert items["cities"].answer == "[1] California; [2] Marseille; [3] —"
    assert str(items["cities"].grade.points) == "2.00"  # gaps of 1, 2, 1 points: 1 + 0.5 * 2
    assert items["gravity"].grade.status == "correct"
    assert items["intro"].grade.status == "info"
    html = paper_html(paper)
    assert "<b>Feedback:</b> Cats like mats." in html
    assert "information (not graded)" in html


def test_per_question_shuffle_off_keeps_option_order() -> None:
    source = load_source(SAMPLE)
    policy = {**source.meta["policy"], "shuffle_options": True}
    for seed in ("1", "2", "3", "4"):
        entry = next(e for e in make_paper(source.exam_doc, policy, seed)["questions"]
                     if e["id"] == "primes")
        assert entry["options"] == ["a", "b", "c"]
