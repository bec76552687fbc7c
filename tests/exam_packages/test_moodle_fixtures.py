"""Every question of (equivalents of) Moodle's own XML import fixtures imports or is
reported with its reason; see data/import/moodle_fixtures/README.md for the mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from exam_packages.grading import grade, model_answers
from exam_packages.importing import render_import_report, write_source
from exam_packages.moodle import import_moodle_xml
from exam_packages.source import load_source

FIXTURES = Path(__file__).resolve().parent / "data" / "import" / "moodle_fixtures"

EXPECTED = {
    "error_invalid_grades.xml": [("skipped", "invalid grade(s) 33%: Moodle refuses grades")],
    "multianswer.xml": [("imported", "")],
    "broken_cloze_questions.xml": [
        ("skipped", "a cloze question needs at least one embedded answer"),
        ("skipped", "embedded answer {1:MULTICHOICE} has no answers"),
        ("skipped", "a MULTICHOICE gap needs at least two choices"),
        ("skipped", "a MULTICHOICE gap needs exactly one choice with grade 100%"),
        ("skipped", "NUMERICAL gap answer 'zero' is not a number")],
    "old_image_tag.xml": [("imported", ""), ("imported", "")],
    "multichoice.xml": [("changed", "linked file 'bonjour.mp3' is not offered to students")],
    "truefalse.xml": [("imported", "")],  # its per-answer feedback is kept
    "categories.xml": [("imported", "")] * 5,
    "categories_only.xml": [],
    "gapselect_ddwtos.xml": [("imported", ""), ("changed", "'unlimited' drag box"),
                             ("skipped", "gap [[4]] has no choice number 4")],
    "calculated.xml": [("changed", "3 variants precomputed from the dataset"),
                       ("skipped", "the datasets have no items in this export"),
                       ("skipped", "formula: only numbers")],
}


def test_every_fixture_is_covered() -> None:
    assert {p.name for p in FIXTURES.glob("*.xml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_questions_imported_or_reported(name: str) -> None:
    result = import_moodle_xml((FIXTURES / name).read_bytes())
    got = [(e.status, e.reason if e.status == "skipped" else "; ".join(e.changes))
           for e in result.entries]
    assert [status for status, _ in got] == [status for status, _ in EXPECTED[name]]
    for (_, detail), (_, expected) in zip(got, EXPECTED[name], strict=True):
        assert detail.startswith(expected) or expected in detail, (name, detail)
    report = render_import_report(result)
    for entry in result.entries:  # named in the report, never silent
        assert entry.name in report


def test_categories_only_file_says_so() -> None:
    result = import_moodle_xml((FIXTURES / "categories_only.xml").read_bytes())
    assert result.notes == ["the file holds only 3 categories, no questions"]


def test_cloze_with_images_round_trips_and_grades(tmp_path: Path) -> None:
    result = import_moodle_xml((FIXTURES / "multianswer.xml").read_bytes())
    cloze = result.exam_doc["questions"]["q1"]
    assert cloze["text"].count("[[g") == 4
    assert "![California flag](media/california.png)" in cloze["text"]
    assert [g["type"] for g in cloze["gaps"]] == ["single", "single", "single", "short"]
    assert cloze["gaps"][3]["accept"][1] == {"pattern": "Marseille", "mode": "exact",
                                             "case_sensitive": False, "fraction": "0.5",
                                             "feedback": "No, that is the second largest city\n."}
    loaded = load_source(write_source(result, tmp_path / "src"))
    report = grade(loaded.exam_doc, model_answers(loaded.exam_doc))
    assert report.total == report.max_total == 4
    half = grade(loaded.exam_doc, {"q1": {"g1": "a", "g2": "b", "g3": "a", "g4": "Marseille"}})
    assert half.total == 2.5  # (1 + 1 + 0 + 0.5) of 4 gaps, one point each


def test_moodle19_image_becomes_media() -> None:
    result = import_moodle_xml((FIXTURES / "old_image_tag.xml").read_bytes())
    mcq = result.exam_doc["questions"]["q2"]
    assert mcq["text"].endswith("![moodle.png](media/moodle.png)")
    assert result.media["moodle.png"][:4] == b"\x89PNG"
    assert mcq["correct"] == ["c"] and mcq["options"][2]["text"] == "right answer"


def test_categories_become_sections() -> None:
    doc = import_moodle_xml((FIXTURES / "categories.xml").read_bytes()).exam_doc
    assert [s["title"] for s in doc["sections"]] == ["Iota", "Kappa", "Lambda", "Mu"]


def test_calculated_variants_drawn_by_the_seed() -> None:
    from decimal import Decimal

    from exam_packages.grading import grade_question
    from exam_packages.paper import make_paper

    doc = import_moodle_xml((FIXTURES / "calculated.xml").read_bytes()).exam_doc
    section = next(s for s in doc["sections"] if s.get("draw") == 1)
    assert section["title"] == "Calc: Product"
    variants = [doc["questions"][qid] for qid in section["questions"]]
    assert [v["text"] for v in variants] == [
        "What is 2.5 × 4? (Hint: twice a is 5.)", "What is 3 × 10? (Hint: twice a is 6.)",
        "What is 7 × 3? (Hint: twice a is 14.)"]
    assert variants[0]["answers"] == [
        {"answer": "10", "tolerance": "0.01", "tolerance_type": "relative"},
        {"answer": "6.5", "fraction": "0.5"}]
    assert grade_question("v", variants[0], "10.09").points == Decimal("2.00")  # 1 % relative
    assert grade_question("v", variants[0], "10.2").points == Decimal("0.00")
    assert grade_question("v", variants[0], "6.5").points == Decimal("1.00")
    drawn = {tuple(e["id"] for e in make_paper(doc, {}, str(seed))["questions"]
                   if e["id"] in section["questions"]) for seed in range(12)}
    assert all(len(ids) == 1 for ids in drawn) and len(drawn) > 1  # one variant per paper


def test_gapselect_and_ddwtos_imported_and_graded() -> None:
    from exam_packages.grading import grade

    doc = import_moodle_xml((FIXTURES / "gapselect_ddwtos.xml").read_bytes()).exam_doc
    select, drag = doc["questions"]["q1"], doc["questions"]["q2"]
    assert select["text"] == "The [[g1]] brown [[g2]] jumped over the [[g3]] dog."
    assert select["gaps"] == [{"id": "g1", "correct": "c1"}, {"id": "g2", "correct": "c2"},
                              {"id": "g3", "correct": "c3"}]
    assert select["shuffle"] is False and drag["type"] == "ddwtos"
    report = grade(doc, {"q1": {"g1": "c1", "g2": "c5", "g3": "c3"},
                         "q2": {"g1": "c1", "g2": "c2", "g3": "c3"}})
    assert [str(q.points) for q in report.questions] == ["0.67", "1.00"]
