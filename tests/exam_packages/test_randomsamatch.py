"""qtype_randomsamatch: built from the export's short-answer questions of its category
(subcategories with subcats), one matching variant per set Moodle may draw."""

from __future__ import annotations

from pathlib import Path

from exam_packages.moodle import import_moodle_xml

XML = Path(__file__).parent / "data" / "import" / "moodle_randomsamatch.xml"


def test_every_set_of_choose_questions_is_a_variant() -> None:
    result = import_moodle_xml(XML.read_bytes())
    entry = result.entries[0]
    assert (entry.name, entry.status, entry.qid) == ("Random capitals", "changed",
                                                     "q1-v1..q1-v4")
    assert entry.changes[0].startswith("the short-answer questions it draws from are also")
    assert entry.changes[1] == "4 sets of 3 short-answer questions; the paper seed picks one"
    section = next(s for s in result.exam_doc["sections"] if s.get("draw") == 1)
    assert section["title"] == "Capitals: Random capitals"
    variants = [result.exam_doc["questions"][q] for q in section["questions"]]
    # 4 short-answer questions (one in the subcategory), 3 drawn: C(4, 3) = 4 sets
    sets = {tuple(p["left"] for p in v["pairs"]) for v in variants}
    assert len(sets) == 4 and all(len(s) == 3 for s in sets)
    assert {p["right"] for v in variants for p in v["pairs"]} == {
        "Astana", "Tashkent", "Bishkek", "Dushanbe"}  # the 100 % answers
    assert variants[0]["points"] == 3 and variants[0]["scoring"] == "partial"
    too_few = result.entries[-2]
    assert (too_few.status, too_few.reason) == (
        "skipped", "it draws 2 short-answer questions from its category, and this export "
                   "has 1 there")


def test_many_sets_are_sampled_deterministically() -> None:
    shorts = "".join(
        f"<question type='shortanswer'><name><text>s{i}</text></name><questiontext><text>"
        f"Q{i}</text></questiontext><answer fraction='100'><text>A{i}</text></answer>"
        "</question>" for i in range(12))
    xml = ("<?xml version='1.0'?><quiz><question type='category'><category><text>$course$/P"
           "</text></category></question><question type='randomsamatch'><name><text>R</text>"
           "</name><questiontext><text>Match</text></questiontext><choose>4</choose>"
           f"</question>{shorts}</quiz>").encode()
    first, again = import_moodle_xml(xml), import_moodle_xml(xml)
    assert first.exam_doc == again.exam_doc
    assert first.entries[0].changes[0] == "100 of the 495 possible sets of questions are offered"
    section = next(s for s in first.exam_doc["sections"] if s.get("draw") == 1)
    assert len(section["questions"]) == 100
