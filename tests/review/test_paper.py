from __future__ import annotations

import copy
from pathlib import Path

import pytest

from client.review_core.paper import paper_html, reconstruct, try_reconstruct
from exam_packages.paper import make_paper
from exam_packages.source import load_source

SAMPLE = Path(__file__).resolve().parents[2] / "exam_packages" / "samples" / "demo_exam.yaml"


@pytest.fixture(scope="module")
def exam() -> tuple[dict, dict]:
    source = load_source(SAMPLE)
    return source.exam_doc, source.meta["policy"]


def test_paper_follows_seed_and_grades_answers(exam: tuple[dict, dict]) -> None:
    doc, policy = exam
    answers = {"capital": "b", "light-speed": False, "explain": "Because of inertia."}
    paper = reconstruct(doc, policy, "seed-1", answers)
    expected_order = [e["id"] for e in make_paper(doc, policy, "seed-1")["questions"]]
    assert [item.qid for item in paper.items] == expected_order
    by_id = {item.qid: item for item in paper.items}
    assert by_id["capital"].grade.status == "correct"
    assert [c[0] for c in by_id["capital"].choices if c[2]] == ["b"]
    assert by_id["light-speed"].grade.status == "wrong"
    assert by_id["light-speed"].answer == "false"
    assert by_id["explain"].grade.status == "manual"
    assert paper.warnings == []
    assert paper.score == str(by_id["capital"].grade.points)


def test_recorded_paper_that_differs_from_seed_is_reported(exam: tuple[dict, dict]) -> None:
    doc, policy = exam
    recorded = make_paper(doc, policy, "seed-1")
    recorded["questions"].reverse()
    paper = reconstruct(doc, policy, "seed-1", {}, recorded)
    assert paper.warnings == [
        "The paper recorded in the bundle differs from the one its seed gives "
        "(seed_mismatch); the seed's paper is shown."]


def test_html_escapes_question_text(exam: tuple[dict, dict]) -> None:
    doc, policy = copy.deepcopy(exam[0]), exam[1]
    doc["questions"]["capital"]["text"] = "<script>alert(1)</script>"
    html = paper_html(reconstruct(doc, policy, "seed-2", {"capital": "<b>"}))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_empty_seed_gives_message_not_paper(exam: tuple[dict, dict]) -> None:
    doc, policy = exam
    assert try_reconstruct(doc, policy, "", {}) == "paper seed must be a non-empty string"


def test_media_reference_becomes_image_resource() -> None:
    from client.review_core.paper import text_html

    html = text_html("Angle?\n\n![in<cline](media/incline.png) <b>")
    assert "<img src='emtihan:media/incline.png' alt='in&lt;cline' width='320'>" in html
    assert "&lt;b&gt;" in html


def test_paper_for_checks_exam_version_and_seed(exam: tuple[dict, dict]) -> None:
    from client.review_core.content import SessionContent
    from client.review_core.exam import LoadedExam, paper_for

    doc, policy = exam
    loaded = LoadedExam("demo-phys-101", 2, "Demo", doc, policy)
    content = SessionContent(attempt_id="att_1", student_id="s1", exam_id="demo-phys-101",
                             exam_version=2, seed="att_1|s1", answers={"capital": "b"})
    paper = paper_for(loaded, content)
    assert not isinstance(paper, str) and paper.warnings == []
    content.seed = "chosen-seed"
    paper = paper_for(loaded, content)
    assert not isinstance(paper, str)
    assert paper.warnings[0].startswith("The hand-in's paper seed is 'chosen-seed'")
    content.exam_version = 1
    assert paper_for(loaded, content) == (
        "This hand-in was written on version 1 of the exam; the loaded package is version 2.")
