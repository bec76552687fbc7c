"""Negative and positive tests of exam_packages.model: one per rule."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exam_packages.errors import InputError
from exam_packages.model import DEFAULT_POLICY, normalize_meta, validate_exam_doc, validate_meta

META: dict[str, Any] = {
    "exam_id": "phys-101-final",
    "version": 3,
    "title": "Физика 101",
    "language": "kk",
    "opens_at": "2026-12-01T08:00:00Z",
    "closes_at": "2026-12-01T12:00:00Z",
    "duration_s": 5400,
}

DOC: dict[str, Any] = {
    "sections": [{"id": "s1", "title": "Pool", "draw": 2, "questions": ["q1", "q2", "q3"]}],
    "questions": {
        "q1": {"type": "single", "text": "Capital?", "points": 1,
               "options": [{"id": "a", "text": "Almaty"}, {"id": "b", "text": "Astana"}],
               "correct": ["b"]},
        "q2": {"type": "multiple", "text": "Vectors?", "scoring": "partial",
               "options": [{"id": "a", "text": "v"}, {"id": "b", "text": "m"},
                           {"id": "c", "text": "F"}], "correct": ["a", "c"]},
        "q3": {"type": "truefalse", "text": "c ≈ 3e8 m/s", "correct": True},
        "q4": {"type": "short", "text": "Unit?",
               "accept": [{"pattern": "newton", "mode": "exact", "case_sensitive": False}]},
        "q5": {"type": "numeric", "text": "g? ![g](media/diagram.png)", "answer": "9.81",
               "tolerance": "0.05"},
        "q6": {"type": "essay", "text": "Explain", "points": 5},
        "q7": {"type": "matching", "text": "Match",
               "pairs": [{"id": "p1", "left": "F", "right": "N"},
                         {"id": "p2", "left": "E", "right": "J"}]},
        "q8": {"type": "ordering", "text": "Order",
               "items": [{"id": "i1", "text": "one"}, {"id": "i2", "text": "two"}],
               "correct_order": ["i2", "i1"]},
    },
}
MEDIA = {"diagram.png"}


def _doc() -> dict[str, Any]:
    return copy.deepcopy(DOC)


def test_valid_meta_and_doc_pass_and_defaults_fill() -> None:
    validate_meta(META)
    validate_exam_doc(DOC, MEDIA)
    normalized = normalize_meta({**META, "policy": {"navigation": "linear",
                                                    "required_checks": {"camera": False}}})
    assert normalized["policy"]["navigation"] == "linear"
    assert normalized["policy"]["required_checks"]["camera"] is False
    assert normalized["policy"]["required_checks"]["headset"] is True
    assert normalized["policy"]["shuffle_questions"] is DEFAULT_POLICY["shuffle_questions"]
    assert "policy" not in META  # input not mutated


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"exam_id": "Phys 101"}, "exam.exam_id: 'Phys 101' must match"),
        ({"exam_id": "x" * 65}, "exam.exam_id:"),
        ({"version": 0}, "exam.version: expected a positive integer, got 0"),
        ({"version": True}, "exam.version: expected a positive integer, got True"),
        ({"title": "  "}, "exam.title: must be a non-empty string"),
        ({"language": "kazakh!"}, "exam.language: 'kazakh!' is not a BCP-47 tag"),
        ({"opens_at": "2026-12-01 08:00"}, "exam.opens_at: expected an RFC 3339 UTC time"),
        ({"closes_at": "2026-12-01T12:00:00+05:00"}, "exam.closes_at: expected an RFC 3339"),
        ({"opens_at": "2026-02-30T08:00:00Z"}, "exam.opens_at: not a valid date/time"),
        ({"closes_at": "2026-12-01T08:00:00Z"}, "exam.opens_at must be before exam.closes_at"),
        ({"duration_s": 0}, "exam.duration_s: expected a positive integer number of seconds"),
        ({"duration_s": "90"}, "exam.duration_s: expected a positive integer"),
        ({"colour": "red"}, "exam: unknown field 'colour'"),
        ({"policy": {"shuffle_question": True}}, "exam.policy: unknown field 'shuffle_question'"),
        ({"policy": {"navigation": "back"}}, "exam.policy.navigation: expected 'free' or 'linear'"),
        ({"policy": {"shuffle_options": "yes"}}, "exam.policy.shuffle_options: expected true"),
        ({"policy": {"identity_retries": -1}}, "exam.policy.identity_retries: expected an integer"),
        ({"policy": {"required_checks": {"camera": 1}}},
         "exam.policy.required_checks.camera: expected true or false"),
        ({"policy": {"required_checks": {"min_bandwidth_kbps": "fast"}}},
         "exam.policy.required_checks.min_bandwidth_kbps: expected an integer >= 0"),
        ({"policy": {"required_checks": {"gps": True}}},
         "exam.policy.required_checks: unknown field 'gps'"),
    ],
)
def test_meta_rules(change: dict[str, Any], message: str) -> None:
    meta = {**META, **change}
    before = copy.deepcopy(meta)
    with pytest.raises(InputError) as info:
        normalize_meta(meta)
    assert message in info.value.user_message
    assert meta == before


def test_meta_missing_field() -> None:
    meta = {k: v for k, v in META.items() if k != "duration_s"}
    with pytest.raises(InputError, match="exam: missing field 'duration_s'"):
        validate_meta(meta)


def _set(path: str, value: Any) -> dict[str, Any]:
    doc = _doc()
    target: Any = doc
    keys = path.split("/")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if value is KeyError:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("questions/q1/correct", KeyError, "question q1 has no correct answer"),
        ("questions/q1/correct", [], "question q1 has no correct answer"),
        ("questions/q1/correct", ["a", "b"], "question q1.correct: a single-choice question "
                                             "needs exactly one correct option, got 2"),
        ("questions/q1/correct", ["z"], "question q1.correct: 'z' is not an option id"),
        ("questions/q1/options/1/id", "a", "question q1.options: duplicate id 'a'"),
        ("questions/q1/options", [{"id": "a", "text": "x"}],
         "question q1.options: expected a list of at least 2 entries"),
        ("questions/q1/options/0/text", "", "question q1.options[0].text: must be a non-empty"),
        ("questions/q1/type", "hotspot", "question q1.type: unknown type 'hotspot'"),
        ("questions/q1/text", "", "question q1.text: must be a non-empty string"),
        ("questions/q1/points", 0, "question q1.points: must be positive"),
        ("questions/q1/points", 1.5, "question q1.points: expected an integer or a decimal"),
        ("questions/q1/hint", "x", "question q1: unknown field 'hint' for type single"),
        ("questions/q2/correct", ["a", "a"], "question q2.correct: an option is listed twice"),
        ("questions/q2/scoring", "half",
         "question q2.scoring: expected one of all_or_nothing, partial"),
        ("questions/q3/correct", KeyError, "question q3 has no correct answer"),
        ("questions/q3/correct", "true", "question q3.correct: expected true or false"),
        ("questions/q4/accept", [], "question q4 has no correct answer"),
        ("questions/q4/accept/0/mode", "glob", "question q4.accept[0].mode: expected 'exact'"),
        ("questions/q4/accept/0", {"pattern": "(a+)+", "mode": "regex"},
         "question q4.accept[0].pattern: nested repetition"),
        ("questions/q4/accept/0", {"pattern": "(a|ab)*c", "mode": "regex"},
         "question q4.accept[0].pattern: nested repetition"),
        ("questions/q4/accept/0", {"pattern": r"(x)\1", "mode": "regex"},
         "question q4.accept[0].pattern: back-references and look-arounds are not allowed"),
        ("questions/q4/accept/0", {"pattern": "a.*b.*c.*d.*", "mode": "regex"},
         "question q4.accept[0].pattern: more than 3 unbounded repeats"),
        ("questions/q4/accept/0", {"pattern": "x" * 501, "mode": "exact"},
         "question q4.accept[0].pattern: longer than 500 characters"),
        ("questions/q4/accept/0", {"pattern": "[a-", "mode": "regex"},
         "question q4.accept[0].pattern: invalid regular expression"),
        ("questions/q5/answer", KeyError, "question q5 has no correct answer"),
        ("questions/q5/answer", "9,81", "question q5.answer: not a decimal number like"),
        ("questions/q5/tolerance", "-1", "question q5.tolerance: must not be negative"),
        ("questions/q5/text", "see ![x](media/missing.png)",
         "question q5.text: image 'media/missing.png' is not in the package"),
        ("questions/q5/text", "see ![x](/etc/passwd)", "question q5.text: image '/etc/passwd' "
                                                        "must be under media/"),
        ("questions/q7/pairs", [], "question q7 has no correct answer"),
        ("questions/q7/pairs/1/id", "p1", "question q7.pairs: duplicate id 'p1'"),
        ("questions/q8/correct_order", KeyError, "question q8 has no correct answer"),
        ("questions/q8/correct_order", ["i1", "i1"], "question q8.correct_order: must list "
                                                     "every item id exactly once"),
        ("sections/0/questions", ["q1", "nope"], "section s1: question 'nope' does not exist"),
        ("sections/0/draw", 4, "section s1.draw: must be an integer between 1 and 3"),
        ("sections/0/draw", 0, "section s1.draw: must be an integer between 1 and 3"),
        ("sections/0/id", "bad id", "sections[0].id: invalid section id 'bad id'"),
    ],
)
def test_doc_rules(path: str, value: Any, message: str) -> None:
    doc = _set(path, value)
    before = copy.deepcopy(doc)
    with pytest.raises(InputError) as info:
        validate_exam_doc(doc, MEDIA)
    assert message in info.value.user_message
    assert doc == before


def test_question_in_two_sections_refused() -> None:
    doc = _doc()
    doc["sections"].append({"id": "s2", "questions": ["q4", "q1"]})
    with pytest.raises(InputError) as info:
        validate_exam_doc(doc, MEDIA)
    assert info.value.user_message == "question q1 is in more than one section (s1 and s2)"


def test_duplicate_section_id_refused() -> None:
    doc = _doc()
    doc["sections"].append({"id": "s1", "questions": ["q4"]})
    with pytest.raises(InputError, match="section s1: duplicate section id"):
        validate_exam_doc(doc, MEDIA)


def test_empty_questions_refused() -> None:
    with pytest.raises(InputError, match="'questions' must be a non-empty mapping"):
        validate_exam_doc({"sections": [], "questions": {}}, set())


def test_bad_question_id_refused() -> None:
    doc = _doc()
    doc["questions"]["bad id"] = doc["questions"].pop("q6")
    with pytest.raises(InputError, match="question id 'bad id' must match"):
        validate_exam_doc(doc, MEDIA)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5)
    | st.sampled_from(["a", "q1", "p1", "i1", "regex", "partial", "media/diagram.png"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "text", "type", "correct", "pattern", "mode", "questions",
                         "draw", "left", "right", "x"]), inner, max_size=3),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


@settings(max_examples=300, deadline=None)
@given(st.data(), json_values)
def test_any_corruption_is_input_error_or_valid(data: st.DataObject, value: Any) -> None:
    """The package reader feeds untrusted documents here: only InputError may escape."""
    doc = _doc()
    path = data.draw(st.sampled_from(_paths(doc)[1:]))
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        validate_exam_doc(doc, MEDIA)
    except InputError as exc:
        assert exc.user_message
