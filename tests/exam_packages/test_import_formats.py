"""Moodle XML and GIFT import on committed inputs, and writing a YAML source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exam_packages.errors import InputError
from exam_packages.gift import import_gift
from exam_packages.grading import grade
from exam_packages.importing import html_to_text, render_import_report, write_source
from exam_packages.moodle import import_moodle_xml
from exam_packages.source import load_source

DATA = Path(__file__).resolve().parent / "data" / "import"
XML = (DATA / "moodle_all_types.xml").read_bytes()
GIFT = (DATA / "all_constructs.gift").read_text(encoding="utf-8")


def _by_title(doc: dict, title: str) -> dict:
    return next(q for q in doc["questions"].values() if q.get("title") == title)


def test_moodle_imports_every_supported_type() -> None:
    result = import_moodle_xml(XML)
    doc = result.exam_doc
    assert result.counts["imported_by_type"] == {
        "cloze": 1, "essay": 1, "matching": 1, "multiple": 1, "numeric": 1, "ordering": 1,
        "short": 2, "single": 1, "truefalse": 1}
    capital = _by_title(doc, "Capital KZ")
    assert capital["text"] == ("<p>Қазақстанның астанасы?<br>Which is the <b>capital</b> "
                               "city?</p>")
    assert capital["format"] == "html"  # emphasis kept in the rich-text subset
    assert capital["points"] == 2
    assert capital["correct"] == ["b"] and capital["options"][1]["text"] == "Астана"
    vectors = _by_title(doc, "Vectors")
    assert vectors["type"] == "multiple" and vectors["correct"] == ["a", "c"]
    assert vectors["fractions"] == {"a": "0.5", "b": "-0.5", "c": "0.5"}
    assert _by_title(doc, "Light")["correct"] is True
    unit = _by_title(doc, "Force unit")
    assert unit["accept"] == [
        {"pattern": "newton", "mode": "exact", "case_sensitive": False},
        {"pattern": "Ньютон.*", "mode": "regex", "case_sensitive": False},
        {"pattern": "N", "mode": "exact", "case_sensitive": False, "fraction": "0.5"}]
    assert _by_title(doc, "Symbol")["accept"][0]["case_sensitive"] is True
    gravity = _by_title(doc, "Gravity")
    assert (gravity["answers"], gravity["points"]) == (
        [{"answer": "9.81", "tolerance": "0.05"}], "2.5")
    essay = _by_title(doc, "Third law")
    assert essay["text"] == "Explain Newton's third law." and essay["points"] == 5
    assert [p["left"] for p in _by_title(doc, "Units")["pairs"]] == ["Force", "Energy"]
    planets = _by_title(doc, "Planets")
    assert [i["text"] for i in planets["items"]] == ["Mercury", "Venus", "Earth"]
    assert planets["correct_order"] == ["i1", "i2", "i3"]
    assert planets["scoring"] == "relative_next_exclude_last"  # Moodle's default
    cloze = _by_title(doc, "Cloze one")
    assert cloze["text"] == "Fill [[g1]] in."
    assert cloze["gaps"] == [{"id": "g1", "type": "short", "accept": [
        {"pattern": "Astana", "mode": "exact", "case_sensitive": False}]}]


def test_moodle_categories_become_sections() -> None:
    doc = import_moodle_xml(XML).exam_doc
    assert [s["title"] for s in doc["sections"]] == ["Механика", "Units & numbers"]
    assert len(doc["sections"][0]["questions"]) == 3
    assert len(doc["sections"][1]["questions"]) == 7


def test_moodle_base64_image_becomes_media() -> None:
    result = import_moodle_xml(XML)
    assert set(result.media) == {"arrow_pic.png"}
    assert result.media["arrow_pic.png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert "![arrow](media/arrow_pic.png)" in _by_title(result.exam_doc, "Vectors")["text"]


def test_moodle_unsupported_reported_and_counted() -> None:
    result = import_moodle_xml(XML)
    assert result.counts["skipped"] == 2
    assert result.counts["skipped_by_type"] == {"calculated": 1, "multichoice": 1}
    assert [(s.name, s.line) for s in result.skipped] == [("Calc", 80), ("No right answer", 84)]
    reasons = {s.name: s.reason for s in result.skipped}
    assert reasons["Calc"] == "calculated question without datasets"
    assert reasons["No right answer"] == ("a one-answer question needs exactly one answer "
                                          "with grade 100% (this one has 0)")
    report = render_import_report(result)
    assert "skipped 2 question(s)" in report
    assert "skipped  Calc [calculated] (line 80): calculated question without" in report
    assert "imported Capital KZ [multichoice] (line 7) -> q1" in report  # its feedback is kept
    assert result.exam_doc["questions"]["q1"]["answer_feedback"]
    assert "imported Light [truefalse] (line 28) -> q3" in report
    assert len(result.entries) == 12  # every source question (not categories) is listed


def test_moodle_malformed_xml_has_line() -> None:
    bad = b"<?xml version='1.0'?>\n<quiz>\n<question type='essay'>\n</quiz>\n"
    with pytest.raises(InputError) as info:
        import_moodle_xml(bad)
    assert info.value.user_message.startswith("Moodle XML: malformed XML at line 4, column")


@pytest.mark.parametrize(
    "doc",
    [
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        b'"&lol;&lol;&lol;&lol;">]>\n<quiz>&lol2;</quiz>',
        b'<?xml version="1.0"?><!doctype quiz SYSTEM "file:///etc/passwd"><quiz/>',
        b'<quiz><!ENTITY x "y"></quiz>',
    ],
)
def test_moodle_dtd_and_entities_refused(doc: bytes) -> None:
    with pytest.raises(InputError) as info:
        import_moodle_xml(doc)
    assert info.value.user_message == ("Moodle XML: DTDs and entity declarations (<!DOCTYPE, "
                                       "<!ENTITY) are not allowed")


def test_moodle_wrong_root_and_empty() -> None:
    with pytest.raises(InputError, match="the root element must be <quiz>, not <html>"):
        import_moodle_xml(b"<html/>")
    with pytest.raises(InputError, match="contains no <question> elements"):
        import_moodle_xml(b"<quiz></quiz>")


def test_moodle_bad_base64_is_noted_and_question_skipped() -> None:
    xml = (b"<quiz><question type='essay'><name><text>Pic</text></name><questiontext>"
           b"<text><![CDATA[<img src=\"@@PLUGINFILE@@/x.png\">]]></text>"
           b"<file name='x.png' encoding='base64'>!!notbase64!!</file></questiontext>"
           b"</question></quiz>")
    result = import_moodle_xml(xml)
    assert result.media == {}
    assert result.skipped[0].reason == ("question.text: image 'media/x.png' is not in "
                                        "the package")
    assert result.entries[0].changes == ["file x.png is not valid base64 and was not imported"]


def test_html_to_text_images_and_entities() -> None:
    text, external = html_to_text('<p>a&amp;b<br/>c <img src="http://x/y.png" alt="y"> '
                                  '<img src="@@PLUGINFILE@@/d%C3%A9.png"></p>', {})
    assert text == "a&b\nc [image: y] ![](media/d_.png)"
    assert external == ["http://x/y.png"]


def test_gift_imports_all_constructs() -> None:
    result = import_gift(GIFT)
    doc = result.exam_doc
    assert result.counts["imported"] == 13
    capital = _by_title(doc, "Capital")
    assert capital["type"] == "single" and capital["correct"] == ["a"]
    assert capital["text"] == "Қазақстанның астанасы қай қала?"
    vectors = _by_title(doc, "Vectors")
    assert (vectors["type"], vectors["correct"], vectors["text"]) == (
        "multiple", ["a", "c"], "Какие величины векторные?")
    assert vectors["fractions"] == {"a": "0.5", "b": "-0.5", "c": "0.5"}
    assert _by_title(doc, "Light")["correct"] is True
    assert _by_title(doc, "Sound in vacuum")["correct"] is False
    assert [(r["pattern"], r.get("fraction")) for r in _by_title(doc, "Unit")["accept"]] == [
        ("newton", None), ("Ньютон", None), ("N", "0.5")]  # =%50%N is half marks
    pi = _by_title(doc, "Pi")
    assert (pi["answer"], pi["tolerance"]) == ("3.14", "0.01")
    rng = _by_title(doc, "Range")
    assert (rng["answer"], rng["tolerance"]) == ("1.5", "0.5")
    assert _by_title(doc, "Multi numeric")["answers"] == [
        {"answer": "5"}, {"answer": "4", "tolerance": "1", "fraction": "0.5"}]
    assert _by_title(doc, "No answer") == {"type": "description", "title": "No answer",
                                           "text": "Just a description without answer block."}
    essay = _by_title(doc, "Essay")
    assert essay == {"type": "essay", "title": "Essay",
                     "text": "Explain Newton's third law {in your own words}."}
    assert [(p["left"], p["right"]) for p in _by_title(doc, "Match")["pairs"]] == [
        ("Force", "N"), ("Energy", "J"), ("Power", "W")]
    escapes = _by_title(doc, "Escapes")
    assert escapes["text"] == "Which is written a=b: c~d#e?"
    assert escapes["accept"][0]["pattern"] == "a=b: c~d#e"
    untitled = next(q for q in doc["questions"].values() if "title" not in q)
    assert untitled["text"] == "The capital of France is _____ since 987."
    assert [s["title"] for s in doc["sections"]] == ["Негіздер", "Numbers"]


def test_gift_malformed_reported_with_line() -> None:
    result = import_gift(GIFT)
    skipped = [(s.name, s.qtype, s.line) for s in result.skipped]
    assert skipped == [("Broken", "malformed", 46), ("Also broken", "malformed", 48)]
    assert result.skipped[0].reason == ("the answer block '{' is never closed (the question "
                                        "ends at the next blank line)")
    assert result.skipped[1].reason == ("more than one answer is marked '=' in a "
                                        "multiple-choice question")
    assert result.counts["skipped"] == 2
    sound = next(e for e in result.entries if e.name == "Sound in vacuum")
    assert (sound.status, sound.changes) == ("imported", [])
    # {FALSE#...}: the first feedback is for the wrong answer (Moodle's GIFT rule)
    assert result.exam_doc["questions"][sound.qid]["answer_feedback"] == {
        "true": "No medium, no sound."}


def test_gift_empty_refused() -> None:
    with pytest.raises(InputError, match="GIFT: no questions found"):
        import_gift("// only a comment\n\n")


@pytest.mark.parametrize("importer", ["moodle", "gift"])
def test_written_source_round_trips(tmp_path: Path, importer: str) -> None:
    result = import_moodle_xml(XML) if importer == "moodle" else import_gift(GIFT)
    path = write_source(result, tmp_path / "src")
    loaded = load_source(path)
    assert loaded.exam_doc == result.exam_doc
    assert loaded.meta == result.meta
    assert {n: p.read_bytes() for n, p in loaded.media.items()} == result.media
    report = grade(loaded.exam_doc, {})
    assert len(report.questions) == result.counts["imported"]


gift_text = st.lists(st.sampled_from(list("{}=~#:%->\\$/\n TFab1.5[]") + [
    "::", "//", "$CATEGORY:", "\n\n", "->", "#1..2", "~%50%"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(gift_text)
def test_gift_never_crashes(text: str) -> None:
    try:
        result = import_gift(text)
    except InputError as exc:
        assert exc.user_message.startswith("GIFT: ")
        return
    assert result.counts["imported"] + result.counts["skipped"] >= 1


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: f"<quiz>{t}</quiz>".encode()))
def test_moodle_never_crashes(data: bytes) -> None:
    try:
        import_moodle_xml(data)
    except InputError as exc:
        assert exc.user_message.startswith("Moodle XML: ")
