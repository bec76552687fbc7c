"""exam_packages.paper: deterministic, valid, seed-dependent papers."""

from __future__ import annotations

import copy
import hashlib
import hmac
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exam_packages.errors import InputError
from exam_packages.model import validate_exam_doc
from exam_packages.paper import SeededStream, make_paper, paper_question_ids, validate_paper
from exam_packages.source import load_source

SAMPLE = Path(__file__).resolve().parents[2] / "exam_packages" / "samples" / "demo_exam.yaml"
POLICY = {"shuffle_questions": True, "shuffle_options": True}


def _question(qtype: str, n: int) -> dict[str, Any]:
    if qtype in ("single", "multiple"):
        return {"type": qtype, "text": "t", "options": [{"id": f"o{i}", "text": f"x{i}"}
                                                       for i in range(n)], "correct": ["o0"]}
    if qtype == "matching":
        return {"type": qtype, "text": "t",
                "pairs": [{"id": f"p{i}", "left": f"l{i}", "right": f"r{i}"} for i in range(n)]}
    if qtype == "ordering":
        return {"type": qtype, "text": "t", "items": [{"id": f"i{i}", "text": f"x{i}"}
                                                     for i in range(n)],
                "correct_order": [f"i{i}" for i in range(n)]}
    return {"type": "essay", "text": "t"}


@st.composite
def exam_docs(draw: st.DrawFn) -> dict[str, Any]:
    questions: dict[str, Any] = {}
    sections: list[dict[str, Any]] = []
    for s in range(draw(st.integers(1, 3))):
        ids = []
        for _ in range(draw(st.integers(1, 6))):
            qid = f"q{len(questions)}"
            qtype = draw(st.sampled_from(["single", "multiple", "matching", "ordering", "essay"]))
            questions[qid] = _question(qtype, draw(st.integers(2, 6)))
            ids.append(qid)
        section: dict[str, Any] = {"id": f"s{s}", "questions": ids}
        if draw(st.booleans()):
            section["draw"] = draw(st.integers(1, len(ids)))
        sections.append(section)
    for _ in range(draw(st.integers(0, 2))):  # questions outside any section
        questions[f"q{len(questions)}"] = _question("essay", 0)
    doc = {"sections": sections, "questions": questions}
    validate_exam_doc(doc, set())
    return doc


seeds = st.text(min_size=1, max_size=20)
policies = st.fixed_dictionaries({"shuffle_questions": st.booleans(),
                                  "shuffle_options": st.booleans()})


@settings(max_examples=60, deadline=None)
@given(exam_docs(), policies, seeds)
def test_same_seed_same_paper_and_paper_is_valid(doc: dict[str, Any], policy: dict[str, Any],
                                                 seed: str) -> None:
    before = copy.deepcopy(doc)
    paper = make_paper(doc, policy, seed)
    assert paper == make_paper(copy.deepcopy(doc), dict(policy), seed)
    assert doc == before
    assert paper["seed"] == seed
    validate_paper(doc, paper)
    shown = paper_question_ids(paper)
    assert len(shown) == len(set(shown))
    for section in doc["sections"]:
        in_section = [q for q in shown if q in section["questions"]]
        assert len(in_section) == section.get("draw", len(section["questions"]))
        if not policy["shuffle_questions"]:
            assert in_section == [q for q in section["questions"] if q in in_section]
    unsectioned = {q for q in doc["questions"]} - {q for s in doc["sections"]
                                                   for q in s["questions"]}
    assert unsectioned <= set(shown)
    for entry in paper["questions"]:
        question = doc["questions"][entry["id"]]
        if question["type"] in ("single", "multiple") and not policy["shuffle_options"]:
            assert entry["options"] == [o["id"] for o in question["options"]]
        if question["type"] == "ordering":
            assert entry["items"] != question["correct_order"]
        if question["type"] == "matching":
            assert entry["right_order"] != [p["id"] for p in question["pairs"]]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(), min_size=0, max_size=30), seeds, st.text(max_size=10))
def test_shuffle_is_a_permutation(items: list[int], seed: str, context: str) -> None:
    out = SeededStream(seed, context).shuffled(items)
    assert sorted(out) == sorted(items)
    assert out == SeededStream(seed, context).shuffled(items)


def test_different_seeds_generally_differ() -> None:
    doc = load_source(SAMPLE).exam_doc
    papers = {repr(make_paper(doc, POLICY, f"student-{i}")) for i in range(40)}
    assert len(papers) > 30


def test_draw_uses_every_pool_question_across_seeds() -> None:
    doc = load_source(SAMPLE).exam_doc
    seen: set[str] = set()
    for i in range(40):
        seen.update(paper_question_ids(make_paper(doc, POLICY, str(i))))
    assert {"gravity", "incline", "unit"} <= seen
    for i in range(10):
        shown = paper_question_ids(make_paper(doc, POLICY, str(i)))
        assert len([q for q in shown if q in {"gravity", "incline", "unit"}]) == 2


def test_stream_matches_the_documented_construction() -> None:
    """Any implementation (e.g. another language) can reproduce the first draw."""
    digest = hmac.new(b"seed", b"emtihan-paper-v1|ctx|0", hashlib.sha256).digest()
    expected = int.from_bytes(digest[:8], "big") % 7
    assert SeededStream("seed", "ctx").below(7) == expected


def test_empty_seed_refused() -> None:
    doc = load_source(SAMPLE).exam_doc
    with pytest.raises(InputError, match="paper seed must be a non-empty string"):
        make_paper(doc, POLICY, "")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda p: p["questions"].append({"id": "ghost"}), "paper: question 'ghost' is not in"),
        (lambda p: p["questions"].append(dict(p["questions"][0])), "appears twice"),
        (lambda p: next(e for e in p["questions"] if e["id"] == "capital")["options"].pop(),
         "paper: question capital.options is not a permutation"),
        (lambda p: next(e for e in p["questions"] if e["id"] == "order-planets")
         .__setitem__("items", ["i1", "i1", "i2", "i3"]),
         "paper: question order-planets.items is not a permutation"),
    ],
)
def test_validate_paper_rejects_bad_papers(mutate: Any, message: str) -> None:
    doc = load_source(SAMPLE).exam_doc
    paper = make_paper(doc, POLICY, "x")
    mutate(paper)
    with pytest.raises(InputError, match=message):
        validate_paper(doc, paper)
