"""Moodle's gap questions: cloze (multianswer) with embedded answers such as
``{2:SHORTANSWER:=Paris#Right~%50%Marseille}`` -> a ``cloze`` question with one gap
per embedded answer; gapselect and ddwtos (``[[1]]`` = choice 1) -> ``gapselect``
/ ``ddwtos`` questions with ``[[g1]]`` gaps."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from .errors import InputError
from .importing import decimal_text, html_to_text
from .moodle_rules import allowed_fraction
from .moodle_types import (
    ConvertError,
    MoodleQuestion,
    fraction_text,
    option_id,
    short_rule,
    text_of,
)

_GAP_RE = re.compile(r"\{(\d*):([A-Za-z_]+):((?:\\.|[^\\}])*)\}", re.DOTALL)
_BROKEN_GAP_RE = re.compile(r"\{\d*:[A-Z_]+\}")
_ALT_SPLIT_RE = re.compile(r"(?<!\\)~")
CHOICE = {"MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH",
          "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"}
MULTI = {"MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S", "MRS",
         "MULTIRESPONSE_HS", "MRHS"}
SHORT = {"SHORTANSWER": False, "SA": False, "MW": False,
         "SHORTANSWER_C": True, "SAC": True, "MWC": True}
NUMERIC = {"NUMERICAL", "NM"}
SHUFFLED = {"MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS",
            "MULTIRESPONSE_S", "MRS", "MULTIRESPONSE_HS", "MRHS"}


def _unescape(text: str) -> str:
    return re.sub(r"\\([~}#{:=%\\/\"])", r"\1", text)


class Alternative(NamedTuple):
    grade: Decimal
    text: str
    feedback: str
    specific: bool = False  # the grade was written as %n% (not '=' or nothing)


def _alternatives(body: str) -> list[Alternative]:
    """``=a#fb~%50%b~c`` -> (1, "a", "fb"), (0.5, "b", ""), (0, "c", "")."""
    out = []
    for alternative in _ALT_SPLIT_RE.split(body):
        raw, feedback = (re.split(r"(?<!\\)#", alternative, maxsplit=1) + [""])[:2]
        raw = raw.strip()
        grade = Decimal(0)
        match = re.match(r"%(-?\d+(?:\.\d+)?)%", raw)
        if raw.startswith("="):
            grade, raw = Decimal(1), raw[1:]
        elif match:
            allowed = allowed_fraction(Decimal(match.group(1)) / 100)
            if allowed is None:
                raise ConvertError(f"invalid grade {match.group(1)}% in an embedded answer")
            grade, raw = allowed, raw[match.end():]
        text = html_to_text(_unescape(raw.strip()))[0]
        out.append(Alternative(grade, text, html_to_text(_unescape(feedback.strip()))[0],
                               bool(match) and not raw.startswith("=")))
    return out


def _option_feedback(gap: dict[str, Any], alts: list[Alternative]) -> None:
    by_option = {o["id"]: a.feedback for o, a in zip(gap["options"], alts, strict=True)
                 if a.feedback}
    if by_option:
        gap["answer_feedback"] = by_option


def _choice_gap(alts: list[Alternative]) -> dict[str, Any]:
    ids = [option_id(i) for i in range(len(alts))]
    gap: dict[str, Any] = {"type": "single",
                           "options": [{"id": i, "text": a.text} for i, a in zip(ids, alts,
                                                                               strict=True)],
                           "correct": [i for i, a in zip(ids, alts, strict=True) if a.grade == 1]}
    if len(alts) < 2:
        raise ConvertError("a MULTICHOICE gap needs at least two choices")
    if len(gap["correct"]) != 1:
        raise ConvertError("a MULTICHOICE gap needs exactly one choice with grade 100%")
    fractions = {i: fraction_text(a.grade) for i, a in zip(ids, alts, strict=True)
                 if a.grade != 0}
    if set(fractions.values()) != {"1"}:
        gap["fractions"] = fractions
    _option_feedback(gap, alts)
    return gap


def _numeric_gap(alts: list[Alternative]) -> dict[str, Any]:
    answers = []
    for grade, text, feedback, _ in alts:
        value, _, tolerance = text.partition(":")
        try:
            entry: dict[str, Any] = {"answer": "*" if value.strip() == "*" else
                                     decimal_text(value, "answer")}
            if tolerance.strip() and decimal_text(tolerance, "tolerance") != "0":
                entry["tolerance"] = decimal_text(tolerance, "tolerance").lstrip("-")
        except InputError as exc:
            raise ConvertError(f"NUMERICAL gap answer {text!r} is not a number") from exc
        if grade != 1:
            entry["fraction"] = fraction_text(max(grade, Decimal(0)))
        if feedback:
            entry["feedback"] = feedback
        answers.append(entry)
    return {"type": "numeric", "answers": answers}


def _multi_gap(alts: list[Alternative]) -> dict[str, Any]:
    """A MULTIRESPONSE gap, as qtype_multianswer_extract_question makes it: the positive
    grades are scaled to add up to 1 and, when no ``%n%`` grade is written, each wrong
    choice cancels one right one (-1/total); Moodle stores them to 7 decimals."""
    if len(alts) < 2:
        raise ConvertError("a MULTIRESPONSE gap needs at least two choices")
    total = sum((a.grade for a in alts if a.grade > 0), Decimal(0))
    if not total:
        raise ConvertError("a MULTIRESPONSE gap needs a choice with a positive grade")
    specific = any(a.specific for a in alts)
    ids = [option_id(i) for i in range(len(alts))]
    fractions = {}
    for oid, alt in zip(ids, alts, strict=True):
        grade = alt.grade / total if alt.grade > 0 else alt.grade if specific else -1 / total
        grade = grade.quantize(Decimal("0.0000001"), rounding=ROUND_HALF_UP)
        if grade:
            fractions[oid] = fraction_text(grade)
    gap: dict[str, Any] = {
        "type": "multiple", "options": [{"id": i, "text": a.text} for i, a in zip(ids, alts,
                                                                                  strict=True)],
        "correct": [i for i in ids if Decimal(fractions.get(i, "0")) > 0],
        "fractions": fractions}
    _option_feedback(gap, alts)
    return gap


def _gap(kind: str, body: str) -> dict[str, Any]:
    kind = kind.upper()
    alts = _alternatives(body)
    if kind in CHOICE:
        return _choice_gap(alts)
    if kind in SHORT:
        rules = [short_rule(a.text, SHORT[kind], max(a.grade, Decimal(0)), a.feedback)
                 for a in alts if a.text]
        if not any(Decimal(r.get("fraction", "1")) == 1 for r in rules):
            raise ConvertError("a SHORTANSWER gap needs one answer with grade 100%")
        return {"type": "short", "accept": rules}
    if kind in NUMERIC:
        return _numeric_gap(alts)
    if kind in MULTI:
        return _multi_gap(alts)
    raise ConvertError(f"unknown embedded answer type {kind!r}")


def cloze(q: MoodleQuestion) -> dict[str, Any]:
    element = q.element.find("questiontext/text")
    raw = (element.text or "") if element is not None else ""
    gaps: list[dict[str, Any]] = []

    def mark(match: re.Match[str]) -> str:
        gap = {"id": f"g{len(gaps) + 1}", **_gap(match.group(2), match.group(3))}
        if match.group(2).upper() in SHUFFLED:
            gap["shuffle"] = True  # Moodle's _S: the gap's choices shuffled per attempt
        weight = match.group(1)
        if weight and weight != "1":
            gap["points"] = int(weight) if int(weight) > 0 else 1
        gaps.append(gap)
        return f"[[{gap['id']}]]"

    replaced = _GAP_RE.sub(mark, raw)
    broken = _BROKEN_GAP_RE.search(replaced)
    if broken:
        raise ConvertError(f"embedded answer {broken.group(0)} has no answers")
    if not gaps:
        raise ConvertError("a cloze question needs at least one embedded answer {1:TYPE:...}")
    if element is not None:
        element.text = replaced
    out = q.base("cloze")
    out.pop("points", None)  # Moodle's mark is the sum of the gaps' marks
    out["gaps"] = gaps
    return out


def _gap_choices(q: MoodleQuestion, tag: str) -> list[dict[str, Any]]:
    choices = []
    for index, element in enumerate(q.element.findall(tag)):
        group = (element.findtext("group") or "1").strip()
        choices.append({"id": f"c{index + 1}", "text": html_to_text(text_of(element))[0],
                        "group": int(group) if group.isdigit() and int(group) > 0 else 1})
        if tag == "dragbox" and element.find("infinite") is not None:
            q.change("'unlimited' drag box: in Emtihan every choice can be used in any gap")
    return choices


def gapselect(q: MoodleQuestion, tag: str = "selectoption") -> dict[str, Any]:
    qtype = "gapselect" if tag == "selectoption" else "ddwtos"
    choices = _gap_choices(q, tag)
    gaps: list[dict[str, str]] = []

    def mark(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(choices):
            raise ConvertError(f"gap [[{number}]] has no choice number {number}")
        gaps.append({"id": f"g{len(gaps) + 1}", "correct": f"c{number}"})
        return f"[[g{len(gaps)}]]"

    raw = text_of(q.element.find("questiontext"))
    q.element.find("questiontext").find("text").text = re.sub(  # type: ignore[union-attr]
        r"\[\[(\d+)\]\]", mark, raw)
    out = q.base(qtype)
    q.shuffle(out)
    # Moodle's shufflechoices (exported as <shuffleanswers>, on when absent): written out,
    # since gap choices are shuffled only on an explicit ``shuffle: true`` (paper.py)
    out.setdefault("shuffle", True)
    out.update(choices=choices, gaps=gaps)
    if qtype == "ddwtos":
        q.change("drag-and-drop is answered with a select list per gap (accessible)")
    return out


def ddwtos(q: MoodleQuestion) -> dict[str, Any]:
    return gapselect(q, "dragbox")
