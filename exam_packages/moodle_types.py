"""Moodle XML question types -> canonical questions (used by :mod:`exam_packages.moodle`).

Each converter gets a :class:`MoodleQuestion` (one ``<question>`` with its media
resolved) and returns the canonical question; anything it cannot keep exactly
is recorded with :meth:`MoodleQuestion.change` and shows up in the import report.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import InputError
from .importing import DocBuilder, decimal_text, html_to_text, image_marker, safe_media_name
from .model_feedback import MAX_HINTS
from .moodle_rules import allowed_fraction, wildcard_regex
from .richtext import html_to_rich, latex_to_images

UNIT_GRADING = {"0": "optional", "1": "out_of_mark", "2": "out_of_max"}
UNIT_DISPLAY = {"0": "input", "1": "choice", "2": "select", "3": "none"}
COMBINED_FEEDBACK = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
COMBINED_KEYS = dict(zip(COMBINED_FEEDBACK, ("correct", "partial", "incorrect"), strict=True))
NOT_SHOWN = {"responsetemplate"}


class ConvertError(InputError):
    """This question cannot be imported; the message is the reason."""


def text_of(element: ET.Element | None, path: str = "text") -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def option_id(index: int) -> str:
    return chr(ord("a") + index) if index < 26 else f"o{index + 1}"


class MoodleQuestion:
    """One ``<question>`` with its media resolved through the builder."""

    def __init__(self, element: ET.Element, builder: DocBuilder) -> None:
        self.element = element
        self.builder = builder
        self.name = text_of(element.find("name")).strip()
        self.media_map: dict[str, str] = {}
        for parent in element.iter():
            if parent.tag in NOT_SHOWN:
                continue
            for file in parent.findall("file"):
                self._add_file(file)

    def change(self, message: str) -> None:
        self.builder.change(message)

    def _add_file(self, file: ET.Element) -> None:
        name = safe_media_name(file.get("name", "image"))
        if file.get("encoding", "base64") != "base64":
            self.change(f"file {name} has an unknown encoding and was not imported")
            return
        data = self._base64(file.text or "", name)
        if data is not None:
            self.media_map[name] = self.builder.add_media(name, data)

    def _base64(self, text: str, name: str) -> bytes | None:
        try:
            return base64.b64decode("".join(text.split()), validate=True)
        except (binascii.Error, ValueError):
            self.change(f"file {name} is not valid base64 and was not imported")
            return None

    def html(self, element: ET.Element | None) -> str:
        if element is None:
            return ""
        text, external = html_to_text(text_of(element), self.media_map)
        for url in external:
            if url.startswith("link:"):
                self.change(f"linked file {url[5:]!r} is not offered to students (only images "
                            "are shown)")
            else:
                self.change(f"external image {url!r} not imported (only embedded files are)")
        return text

    def rich(self, element: ET.Element | None) -> tuple[str, bool]:
        """The question text in the rich subset when it has structure (tables, lists,
        emphasis, sub/superscript, code), else plain; LaTeX becomes SVG images."""
        raw = text_of(element) if element is not None else ""
        external: list[str] = []

        def image(attrs: dict[str, str | None]) -> str:
            marker, missing = image_marker(attrs, self.media_map)
            external.extend(missing)
            return marker

        rich_text, is_rich = html_to_rich(raw, image)
        text = rich_text if is_rich else self.html(element)
        if is_rich:
            for url in external:
                self.change(f"external image {url!r} not imported (only embedded files are)")
        text, kept = latex_to_images(text, self.builder.add_media, unescape=is_rich)
        for source in kept:
            self.change(f"LaTeX {source[:40]!r} kept as written (not rendered)")
        return text, is_rich

    def old_image(self) -> str:
        """Moodle 1.9 ``<image>``/``<image_base64>`` -> ``![](media/..)`` (or '')."""
        name = (self.element.findtext("image") or "").strip()
        data64 = self.element.findtext("image_base64") or ""
        if not name:
            return ""
        if not data64.strip():
            self.change(f"image {name!r} refers to a course file that is not in the export")
            return ""
        data = self._base64(data64, name)
        if data is None:
            return ""
        final = self.builder.add_media(safe_media_name(name), data)
        return f"\n\n![{final}](media/{final})"

    def base(self, qtype: str) -> dict[str, Any]:
        text, is_rich = self.rich(self.element.find("questiontext"))
        text += self.old_image()
        out: dict[str, Any] = {"type": qtype, "text": text.strip()}
        if is_rich:
            out["format"] = "html"
        grade = text_of(self.element, "defaultgrade").strip()
        if grade:
            points = decimal_text(grade, "defaultgrade")
            if Decimal(points) > 0 and points != "1":
                out["points"] = int(points) if points.isdigit() else points
            elif Decimal(points) <= 0:
                self.change(f"default mark {points} is not positive: imported as 1 point")
        feedback = self.html(self.element.find("generalfeedback"))
        if feedback:
            out["feedback"] = feedback
        self._kept_feedback(out)
        return out

    def _kept_feedback(self, out: dict[str, Any]) -> None:
        """Combined feedback, hints and grader information (model_feedback fields)."""
        combined = {key: self.html(self.element.find(tag)) for tag, key in COMBINED_KEYS.items()}
        if any(combined.values()):
            out["combined_feedback"] = {k: v for k, v in combined.items() if v}
        hints = [self.html(h) for h in self.element.findall("hint")]
        hints = [h for h in hints if h]
        if len(hints) > MAX_HINTS:
            self.change(f"only the first {MAX_HINTS} of {len(hints)} hints kept")
        if hints:
            out["hints"] = hints[:MAX_HINTS]
        grader = self.html(self.element.find("graderinfo"))
        if grader:
            out["grader_info"] = grader

    def answer_feedback(self, answer: ET.Element) -> str:
        """The feedback of one ``<answer>`` (Moodle's per-answer feedback), or ''."""
        return self.html(answer.find("feedback"))

    def shuffle(self, out: dict[str, Any]) -> None:
        value = text_of(self.element, "shuffleanswers").strip().lower()
        if value in ("0", "false"):
            out["shuffle"] = False

    def answers(self) -> list[ET.Element]:
        return self.element.findall("answer")

    def fraction(self, answer: ET.Element) -> Decimal:
        """The answer's grade as one of Moodle's allowed values, or ConvertError."""
        raw = answer.get("fraction", "0")
        try:
            value = Decimal(raw) / 100
        except InvalidOperation as exc:
            raise ConvertError(f"grade {raw!r} is not a number") from exc
        allowed = allowed_fraction(value)
        if allowed is None:
            raise ConvertError(f"invalid grade {raw}% (Moodle accepts only its list of grades: "
                               "100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, "
                               "30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 % "
                               "and their negatives)")
        return allowed


def _grades(q: MoodleQuestion) -> list[Decimal]:
    fractions, invalid = [], []
    for answer in q.answers():
        try:
            fractions.append(q.fraction(answer))
        except ConvertError:
            invalid.append(answer.get("fraction", "0"))
    if invalid:
        raise ConvertError(f"invalid grade(s) {', '.join(x + '%' for x in invalid)}: Moodle "
                           "refuses grades that are not in its list (100, 90, 83.33333, 80, "
                           "75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, "
                           "14.28571, 12.5, 11.11111, 10, 5, 0 % and their negatives)")
    return fractions


def fraction_text(value: Decimal) -> str:
    return decimal_text(str(value), "fraction")


def multichoice(q: MoodleQuestion) -> dict[str, Any]:
    single = text_of(q.element, "single").strip().lower() in ("true", "1")
    out = q.base("single" if single else "multiple")
    q.shuffle(out)
    grades = _grades(q)
    options = [{"id": option_id(i), "text": q.html(a)} for i, a in enumerate(q.answers())]
    ids = [o["id"] for o in options]
    fractions = {oid: fraction_text(g) for oid, g in zip(ids, grades, strict=True) if g != 0}
    if single:
        correct = [oid for oid, g in zip(ids, grades, strict=True) if g == 1]
        if len(correct) != 1:
            raise ConvertError("a one-answer question needs exactly one answer with grade 100% "
                               f"(this one has {len(correct)})")
        if set(fractions.values()) != {"1"}:
            out["fractions"] = fractions
    else:
        correct = [oid for oid, g in zip(ids, grades, strict=True) if g > 0]
        out["fractions"] = fractions
        total = sum((g for g in grades if g > 0), Decimal(0))
        if correct and abs(total - 1) > Decimal("0.00001"):
            q.change(f"the positive grades add up to {total * 100:.5g}% (Moodle caps the "
                     "mark at 100%, as here)")
    if not correct:
        raise ConvertError("question has no correct answer")
    out.update(options=options, correct=correct)
    by_option = {oid: q.answer_feedback(a) for oid, a in zip(ids, q.answers(), strict=True)}
    if any(by_option.values()):
        out["answer_feedback"] = {k: v for k, v in by_option.items() if v}
    return out


def truefalse(q: MoodleQuestion) -> dict[str, Any]:
    out = q.base("truefalse")
    by_value = {}
    for answer in q.answers():
        value = text_of(answer).strip().lower() == "true"
        if q.fraction(answer) == 1:
            out["correct"] = value
        if q.answer_feedback(answer):
            by_value["true" if value else "false"] = q.answer_feedback(answer)
    if "correct" not in out:
        raise ConvertError("question has no correct answer")
    if by_value:
        out["answer_feedback"] = by_value
    return out


def short_rule(pattern: str, case: bool, fraction: Decimal, feedback: str = "") -> dict[str, Any]:
    """A Moodle shortanswer answer: ``*`` is a wildcard, ``\\*`` a literal star."""
    rule: dict[str, Any]
    if re.search(r"(?<!\\)\*", pattern):
        rule = {"pattern": wildcard_regex(pattern), "mode": "regex", "case_sensitive": case}
    else:
        rule = {"pattern": pattern.replace("\\*", "*"), "mode": "exact", "case_sensitive": case}
    if fraction != 1:
        rule["fraction"] = fraction_text(fraction)
    if feedback:
        rule["feedback"] = feedback
    return rule


def shortanswer(q: MoodleQuestion) -> dict[str, Any]:
    out = q.base("short")
    case = text_of(q.element, "usecase").strip() in ("1", "true")
    rules = []
    for answer, grade in zip(q.answers(), _grades(q), strict=True):
        pattern = text_of(answer).strip()
        if not pattern:
            continue
        if grade < 0:
            q.change(f"negative grade of answer {pattern!r} imported as 0")
        rules.append(short_rule(pattern, case, max(grade, Decimal(0)), q.answer_feedback(answer)))
    out["accept"] = rules
    return out


def _numeric_answers(q: MoodleQuestion) -> list[dict[str, Any]]:
    entries = []
    for answer, fraction in zip(q.answers(), _grades(q), strict=True):
        value = text_of(answer).strip()
        entry: dict[str, Any] = {"answer": "*" if value == "*" else
                                 decimal_text(value, f"answer {value!r}")}
        tolerance = text_of(answer, "tolerance").strip()
        if tolerance and Decimal(decimal_text(tolerance, "tolerance")) != 0:
            entry["tolerance"] = decimal_text(str(abs(Decimal(tolerance))), "tolerance")
        if fraction != 1:
            entry["fraction"] = fraction_text(max(fraction, Decimal(0)))
        if q.answer_feedback(answer):
            entry["feedback"] = q.answer_feedback(answer)
        entries.append(entry)
    return entries


def numerical(q: MoodleQuestion) -> dict[str, Any]:
    out = q.base("numeric")
    out["answers"] = _numeric_answers(q)
    units = []
    for unit in q.element.findall("units/unit"):
        name = text_of(unit, "unit_name").strip() or (unit.findtext("unit_name") or "").strip()
        multiplier = decimal_text(unit.findtext("multiplier") or "1", "unit multiplier")
        if name:
            units.append({"unit": name, "multiplier": multiplier})
    if units:
        out["units"] = units
        grading = UNIT_GRADING.get((q.element.findtext("unitgradingtype") or "0").strip(),
                                   "optional")
        display = UNIT_DISPLAY.get((q.element.findtext("showunits") or "0").strip(), "input")
        penalty = decimal_text(q.element.findtext("unitpenalty") or "0", "unitpenalty")
        out.update(unit_grading=grading, unit_display=display)
        if grading != "optional":
            out["unit_penalty"] = penalty
        if (q.element.findtext("unitsleft") or "0").strip() == "1":
            out["units_left"] = True
    return out


def essay(q: MoodleQuestion) -> dict[str, Any]:
    return q.base("essay")


def description(q: MoodleQuestion) -> dict[str, Any]:
    out = q.base("description")
    out.pop("points", None)
    return out


def matching(q: MoodleQuestion) -> dict[str, Any]:
    out = q.base("matching")
    q.shuffle(out)
    pairs: list[dict[str, str]] = []
    extra: list[str] = []
    for sub in q.element.findall("subquestion"):
        left = q.html(sub)
        right = text_of(sub.find("answer")).strip()
        if left:
            pairs.append({"id": f"p{len(pairs) + 1}", "left": left, "right": right})
        elif right:
            extra.append(right)  # Moodle: an extra wrong answer, offered to every item
    rights = {p["right"] for p in pairs}
    # Moodle offers each answer text once: a distractor equal to a right answer adds nothing
    extra = [t for t in dict.fromkeys(extra) if t not in rights]
    out.update(pairs=pairs, scoring="partial")
    if extra:
        out["distractors"] = [{"id": f"d{i + 1}", "text": t} for i, t in enumerate(extra)]
    return out


CONVERTERS: dict[str, Callable[[MoodleQuestion], dict[str, Any]]] = {
    "multichoice": multichoice, "truefalse": truefalse, "shortanswer": shortanswer,
    "numerical": numerical, "essay": essay, "matching": matching,
    "description": description,
}
