"""Moodle-equivalence table: for every supported type, responses and the mark Moodle
gives (out of 100), from Moodle's documented rules and its own question-type tests
(question/type/*/tests/question_test.php; qtype_ordering's question_test.php uses the
six "Modular Object Oriented Dynamic Learning Environment" items below)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from exam_packages.answers import check_answer
from exam_packages.grading import grade_question
from exam_packages.model_questions import validate_question

WORDS = ["Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"]
M, OBJ, ORI, DYN, LEA, ENV = WORDS


def _options(*fractions: str) -> dict[str, Any]:
    ids = [chr(ord("a") + i) for i in range(len(fractions))]
    return {"options": [{"id": i, "text": f"option {i}"} for i in ids],
            "fractions": dict(zip(ids, fractions, strict=True))}


def _multi(*fractions: str) -> dict[str, Any]:
    q = {"type": "multiple", "text": "Pick", **_options(*fractions)}
    q["correct"] = [k for k, v in q["fractions"].items() if Decimal(v) > 0]
    return q


def _single(*fractions: str) -> dict[str, Any]:
    q = {"type": "single", "text": "Pick", **_options(*fractions)}
    q["correct"] = [k for k, v in q["fractions"].items() if Decimal(v) == 1]
    return q


def _ordering(scoring: str) -> dict[str, Any]:
    return {"type": "ordering", "text": "Order", "scoring": scoring,
            "items": [{"id": w, "text": w} for w in WORDS], "correct_order": list(WORDS)}


SHORT = {"type": "short", "text": "Which animal?", "accept": [  # test_question_maker 'frogtoad'
    {"pattern": "frog", "mode": "exact"}, {"pattern": "toad", "fraction": "0.8"},
    {"pattern": ".*", "mode": "regex", "fraction": "0"}]}
GRAVITY = {"type": "numeric", "text": "g?", "answers": [
    {"answer": "9.81", "tolerance": "0.05"}, {"answer": "10", "fraction": "0.5"}],
    "units": [{"unit": "m/s^2", "multiplier": "1"}, {"unit": "cm/s^2", "multiplier": "100"}],
    "unit_grading": "out_of_mark", "unit_penalty": "0.1"}
GRAVITY_MAX = {**GRAVITY, "unit_grading": "out_of_max", "unit_penalty": "0.2"}
GRAVITY_OPTIONAL = {**GRAVITY, "unit_grading": "optional"}
PI = {"type": "numeric", "text": "pi?", "answers": [
    {"answer": "3.14", "tolerance": "0"}, {"answer": "3.142", "fraction": "0.9"},
    {"answer": "*", "fraction": "0"}]}
FOX = {"type": "gapselect", "text": "The [[g1]] brown [[g2]] jumped over the [[g3]] dog.",
       "choices": [{"id": "quick", "text": "quick", "group": 1},
                   {"id": "fox", "text": "fox", "group": 2},
                   {"id": "lazy", "text": "lazy", "group": 3},
                   {"id": "slow", "text": "slow", "group": 1},
                   {"id": "dog", "text": "dog", "group": 2},
                   {"id": "assiduous", "text": "assiduous", "group": 3}],
       "gaps": [{"id": "g1", "correct": "quick"}, {"id": "g2", "correct": "fox"},
                {"id": "g3", "correct": "lazy"}]}
CLOZE = {"type": "cloze", "text": "[[g1]] / [[g2]] / [[g3]]", "gaps": [
    {"id": "g1", "type": "single", "options": [{"id": "a", "text": "California"},
                                               {"id": "b", "text": "Arizona"}],
     "correct": ["a"]},
    {"id": "g2", "type": "short", "points": "2",
     "accept": [{"pattern": "Paris"}, {"pattern": "Marseille", "fraction": "0.5"}]},
    {"id": "g3", "type": "numeric", "answer": "4"}]}

MATCH = {"type": "matching", "text": "Match", "pairs": [
    {"id": f"p{i}", "left": f"L{i}", "right": f"R{i}"} for i in (1, 2, 3)]}

MATCH_SAME = {"type": "matching", "text": "Match", "pairs": [
    {"id": "p1", "left": "L1", "right": "R1"}, {"id": "p2", "left": "L2", "right": "R2"},
    {"id": "p3", "left": "L3", "right": "R1"}]}
MATCH_D = {**MATCH, "distractors": [{"id": "d1", "text": "R4"}, {"id": "d2", "text": "R5"}]}

TABLE: list[tuple[str, dict[str, Any], Any, str]] = [
    # multichoice, several answers: sum of the ticked grades, clamped to [0, 1]
    ("multi 2 of 4 right", _multi("0.5", "-1", "0.5", "-1"), ["a", "c"], "100.00"),
    ("multi one of two right", _multi("0.5", "-1", "0.5", "-1"), ["a"], "50.00"),
    ("multi right + wrong", _multi("0.5", "-1", "0.5", "-1"), ["a", "b"], "0.00"),
    ("multi everything ticked", _multi("0.5", "-1", "0.5", "-1"), list("abcd"), "0.00"),
    ("multi 70/30/-100, tick 30", _multi("0.7", "0.3", "-1"), ["b"], "30.00"),
    ("multi 70/30/-100, tick all", _multi("0.7", "0.3", "-1"), list("abc"), "0.00"),
    ("multi thirds", _multi("0.3333333", "0.3333333", "0.3333333"), list("abc"), "100.00"),
    ("multi one third", _multi("0.3333333", "0.3333333", "0.3333333", "-1"), ["a"], "33.33"),
    # multichoice, one answer: the chosen option's grade (negative grades count)
    ("single right", _single("1", "0.5", "0", "-0.5"), "a", "100.00"),
    ("single half", _single("1", "0.5", "0", "-0.5"), "b", "50.00"),
    ("single wrong", _single("1", "0.5", "0", "-0.5"), "c", "0.00"),
    ("single negative", _single("1", "0.5", "0", "-0.5"), "d", "-50.00"),
    # shortanswer: the first matching answer in order
    ("short frog", SHORT, "frog", "100.00"),
    ("short toad", SHORT, "toad", "80.00"),
    ("short Toad (case-insensitive)", SHORT, "Toad", "80.00"),
    ("short anything else", SHORT, "newt", "0.00"),
    # numerical: first answer within tolerance; units scale, then the unit penalty
    ("num exact", GRAVITY, "9.81 m/s^2", "100.00"),
    ("num cm/s^2 scaled", GRAVITY, "985 cm/s^2", "100.00"),
    ("num in tolerance", GRAVITY, "9.77 m/s^2", "100.00"),
    ("num missing unit, out of mark", GRAVITY, "9.81", "90.00"),
    ("num unknown unit", GRAVITY, "9.81 km", "90.00"),
    ("num partial answer", GRAVITY, "10 m/s^2", "50.00"),
    ("num partial answer, no unit", GRAVITY, "10", "45.00"),
    ("num partial, no unit, out of max", GRAVITY_MAX, "10", "30.00"),
    ("num wrong unit scale", GRAVITY, "9.81 cm/s^2", "90.00"),
    ("num no penalty when optional", GRAVITY_OPTIONAL, "9.81", "100.00"),
    ("num wrong", GRAVITY, "12 m/s^2", "0.00"),
    ("num decimal comma", GRAVITY, "9,81 m/s^2", "100.00"),
    ("num pi", PI, "3.14", "100.00"),
    ("num pi 90%", PI, "3.142", "90.00"),
    ("num pi anything else (*)", PI, "3", "0.00"),
    # qtype_ordering, each grading type (question_test.php)
    ("ord all-or-nothing right", _ordering("all_or_nothing"), WORDS, "100.00"),
    ("ord all-or-nothing one off", _ordering("all_or_nothing"),
     [ORI, OBJ, DYN, LEA, ENV, M], "0.00"),
    ("ord absolute 4 of 6", _ordering("absolute_position"),
     [ENV, OBJ, ORI, DYN, LEA, M], "66.67"),
    ("ord absolute 1 of 6", _ordering("absolute_position"),
     [ORI, OBJ, DYN, LEA, ENV, M], "16.67"),
    ("ord next excl. last 0.6", _ordering("relative_next_exclude_last"),
     [ENV, OBJ, ORI, DYN, LEA, M], "60.00"),
    ("ord next excl. last 0.4", _ordering("relative_next_exclude_last"),
     [ORI, OBJ, DYN, LEA, ENV, M], "40.00"),
    ("ord next excl. last reversed", _ordering("relative_next_exclude_last"),
     WORDS[::-1], "0.00"),
    ("ord next incl. last 0.5", _ordering("relative_next_include_last"),
     [ENV, OBJ, ORI, DYN, LEA, M], "50.00"),
    ("ord one prev/next", _ordering("relative_one_previous_and_next"),
     [ORI, OBJ, DYN, LEA, ENV, M], "33.33"),
    ("ord one prev/next reversed", _ordering("relative_one_previous_and_next"),
     WORDS[::-1], "0.00"),
    ("ord all prev/next 0.6", _ordering("relative_all_previous_and_next"),
     [ORI, OBJ, DYN, LEA, ENV, M], "60.00"),
    ("ord all prev/next 2/3", _ordering("relative_all_previous_and_next"),
     [OBJ, ORI, DYN, LEA, ENV, M], "66.67"),
    ("ord longest ordered 5/6", _ordering("longest_ordered_subset"),
     [OBJ, ORI, DYN, LEA, ENV, M], "83.33"),
    ("ord longest ordered reversed", _ordering("longest_ordered_subset"), WORDS[::-1], "0.00"),
    ("ord longest contiguous 5/6", _ordering("longest_contiguous_subset"),
     [OBJ, ORI, DYN, LEA, ENV, M], "83.33"),
    ("ord relative to correct reversed", _ordering("relative_to_correct"),
     WORDS[::-1], "40.00"),
    ("ord relative to correct 2/3", _ordering("relative_to_correct"),
     [OBJ, ORI, DYN, LEA, ENV, M], "66.67"),
    # gapselect / ddwtos: share of gaps right
    ("gapselect all right", FOX, {"g1": "quick", "g2": "fox", "g3": "lazy"}, "100.00"),
    ("gapselect 2 of 3", FOX, {"g1": "quick", "g2": "dog", "g3": "lazy"}, "66.67"),
    ("gapselect 1 given", FOX, {"g1": "quick"}, "33.33"),
    ("ddwtos 2 of 3", {**FOX, "type": "ddwtos"}, {"g1": "slow", "g2": "fox", "g3": "lazy"},
     "66.67"),
    # truefalse; match (share of stems matched right)
    ("truefalse right", {"type": "truefalse", "text": "T?", "correct": True}, True, "100.00"),
    ("truefalse wrong", {"type": "truefalse", "text": "T?", "correct": True}, False, "0.00"),
    ("match 2 of 3", MATCH, {"p1": "p1", "p2": "p2", "p3": "p1"}, "66.67"),
    ("match all", MATCH, {"p1": "p1", "p2": "p2", "p3": "p3"}, "100.00"),
    # qtype_match: a distractor (an answer without a stem) is a wrong choice for every stem
    ("match with distractor chosen", MATCH_D, {"p1": "p1", "p2": "d1", "p3": "p3"}, "66.67"),
    ("match all, distractors offered", MATCH_D, {"p1": "p1", "p2": "p2", "p3": "p3"},
     "100.00"),
    # qtype_match offers an answer text once: two stems with the answer "R1" share a choice
    ("match shared answer text", MATCH_SAME, {"p1": "p3", "p2": "p2", "p3": "p1"}, "100.00"),
    ("match shared text, other stem wrong", MATCH_SAME, {"p1": "p1", "p2": "p1", "p3": "p3"},
     "66.67"),
    # multianswer (cloze): gap grades weighted by gap points
    ("cloze all right", CLOZE, {"g1": "a", "g2": "Paris", "g3": "4"}, "100.00"),
    ("cloze partial", CLOZE, {"g1": "a", "g2": "Marseille", "g3": "5"}, "50.00"),
    ("cloze one gap", CLOZE, {"g2": "Paris"}, "50.00"),
]


@pytest.mark.parametrize(("name", "question", "answer", "moodle_mark"), TABLE,
                         ids=[row[0] for row in TABLE])
def test_marks_equal_moodle(name: str, question: dict[str, Any], answer: Any,
                            moodle_mark: str) -> None:
    question = {**question, "points": "100"}
    validate_question("q1", question, set())
    check_answer(question, answer)
    result = grade_question("q1", question, answer)
    assert result.points == Decimal(moodle_mark), (name, result)


def test_every_gradable_type_is_in_the_table() -> None:
    from exam_packages.grading import SCORERS

    covered = {row[1]["type"] for row in TABLE}
    assert set(SCORERS) == covered
