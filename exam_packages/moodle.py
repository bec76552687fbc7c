"""Import Moodle XML question banks.

Supported: multichoice (single and multiple), truefalse, shortanswer (with
``usecase``), numerical (tolerance), essay, matching, ordering; categories
become sections; base64 ``<file>`` elements become media and
``@@PLUGINFILE@@/name`` references become ``![](media/name)``. Everything else
(cloze/multianswer, calculated, drag-and-drop, description, random, ...) is
reported as skipped with a reason and counted, never silently dropped.

DTDs and entities are refused before parsing (no billion laughs, no external
entities).
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pyexpat import ParserCreate
from typing import Any

from .errors import InputError
from .importing import (
    DocBuilder,
    ImportResult,
    decimal_text,
    default_meta,
    html_to_text,
    safe_media_name,
)

MAX_XML_BYTES = 64 * 1024 * 1024
_FORBIDDEN_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_safe(data: bytes) -> None:
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"Moodle XML: file larger than {MAX_XML_BYTES} bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:1024]:
        raise InputError("Moodle XML: only UTF-8 files are supported")
    if _FORBIDDEN_RE.search(data):
        raise InputError("Moodle XML: DTDs and entity declarations (<!DOCTYPE, <!ENTITY) are "
                         "not allowed")


def _parse(data: bytes) -> ET.Element:
    _check_safe(data)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"Moodle XML: malformed XML at line {line}, column {column + 1}: "
                         f"{str(exc).split(':')[0]}") from exc
    if root.tag != "quiz":
        raise InputError(f"Moodle XML: the root element must be <quiz>, not <{root.tag}>")
    return root


def _question_lines(data: bytes) -> list[int]:
    """Line numbers of the top-level ``<question>`` start tags, in order."""
    parser = ParserCreate()
    lines: list[int] = []
    depth = 0

    def start(name: str, attrs: Any) -> None:
        nonlocal depth
        depth += 1
        if name == "question" and depth == 2:
            lines.append(parser.CurrentLineNumber)

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(data, True)
    return lines


def _text(element: ET.Element | None, path: str = "text") -> str:
    if element is None:
        return ""
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def _fraction(answer: ET.Element) -> Decimal:
    try:
        return Decimal(answer.get("fraction", "0"))
    except InvalidOperation:
        return Decimal(0)


class _Question:
    """One ``<question>`` with its media resolved through the builder."""

    def __init__(self, element: ET.Element, builder: DocBuilder) -> None:
        self.element = element
        self.builder = builder
        self.name = _text(element.find("name")).strip()
        self.media_map: dict[str, str] = {}
        for file in element.iter("file"):
            self._add_file(file)

    def _add_file(self, file: ET.Element) -> None:
        name = safe_media_name(file.get("name", "image"))
        if file.get("encoding", "base64") != "base64":
            self.builder.notes.append(f"{self.name}: file {name} has an unknown encoding")
            return
        try:
            data = base64.b64decode("".join((file.text or "").split()), validate=True)
        except (binascii.Error, ValueError):
            self.builder.notes.append(f"{self.name}: file {name} is not valid base64")
            return
        self.media_map[name] = self.builder.add_media(name, data)

    def html(self, element: ET.Element | None) -> str:
        if element is None:
            return ""
        text, external = html_to_text(_text(element), self.media_map)
        for url in external:
            self.builder.notes.append(f"{self.name}: external image {url!r} not imported")
        return text

    def base(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "", "text": self.html(self.element.find("questiontext"))}
        grade = _text(self.element, "defaultgrade").strip()
        if grade:
            points = decimal_text(grade, f"{self.name}: defaultgrade")
            if Decimal(points) > 0 and points != "1":
                out["points"] = int(points) if points.isdigit() else points
        return out

    def answers(self) -> list[ET.Element]:
        return self.element.findall("answer")


def _multichoice(q: _Question) -> dict[str, Any]:
    out = q.base()
    single = _text(q.element, "single").strip().lower() in ("true", "1")
    options, correct = [], []
    for index, answer in enumerate(q.answers()):
        oid = chr(ord("a") + index) if index < 26 else f"o{index + 1}"
        options.append({"id": oid, "text": q.html(answer)})
        fraction = _fraction(answer)
        if (single and fraction >= 100) or (not single and fraction > 0):
            correct.append(oid)
    out.update(type="single" if single else "multiple", options=options, correct=correct)
    if not single:
        out["scoring"] = "partial"
    return out


def _truefalse(q: _Question) -> dict[str, Any]:
    out = q.base()
    out["type"] = "truefalse"
    for answer in q.answers():
        if _fraction(answer) >= 100:
            out["correct"] = _text(answer).strip().lower() == "true"
    return out


def _wildcard_rule(pattern: str, case: bool) -> dict[str, Any]:
    if "*" in pattern.replace("\\*", ""):
        parts = re.split(r"(?<!\\)\*", pattern)
        regex = ".*".join(re.escape(p.replace("\\*", "*")) for p in parts)
        return {"pattern": regex, "mode": "regex", "case_sensitive": case}
    return {"pattern": pattern.replace("\\*", "*"), "mode": "exact", "case_sensitive": case}


def _shortanswer(q: _Question) -> dict[str, Any]:
    out = q.base()
    case = _text(q.element, "usecase").strip() == "1"
    rules = []
    for answer in q.answers():
        if _fraction(answer) >= 100 and _text(answer).strip():
            rules.append(_wildcard_rule(_text(answer).strip(), case))
        elif _fraction(answer) > 0:
            q.builder.notes.append(f"{q.name}: partial-credit answer "
                                   f"{_text(answer).strip()!r} dropped")
    out.update(type="short", accept=rules)
    return out


def _numerical(q: _Question) -> dict[str, Any]:
    out = q.base()
    out["type"] = "numeric"
    for answer in q.answers():
        if _fraction(answer) >= 100:
            out["answer"] = decimal_text(_text(answer), f"{q.name}: answer")
            tolerance = _text(answer, "tolerance").strip()
            if tolerance and Decimal(decimal_text(tolerance, f"{q.name}: tolerance")) != 0:
                out["tolerance"] = decimal_text(tolerance, f"{q.name}: tolerance")
            break
    if q.element.find("units/unit") is not None:
        q.builder.notes.append(f"{q.name}: units are not supported and were dropped")
    return out


def _essay(q: _Question) -> dict[str, Any]:
    out = q.base()
    out["type"] = "essay"
    return out


def _matching(q: _Question) -> dict[str, Any]:
    out = q.base()
    pairs: list[dict[str, str]] = []
    for sub in q.element.findall("subquestion"):
        left = q.html(sub)
        right = _text(sub.find("answer")).strip()
        if not left:
            q.builder.notes.append(f"{q.name}: distractor {right!r} dropped (not supported)")
            continue
        pairs.append({"id": f"p{len(pairs) + 1}", "left": left, "right": right})
    out.update(type="matching", pairs=pairs)
    return out


def _ordering(q: _Question) -> dict[str, Any]:
    out = q.base()
    items = [{"id": f"i{i + 1}", "text": q.html(a)} for i, a in enumerate(q.answers())]
    out.update(type="ordering", items=items, correct_order=[i["id"] for i in items])
    return out


CONVERTERS: dict[str, Callable[[_Question], dict[str, Any]]] = {
    "multichoice": _multichoice, "truefalse": _truefalse, "shortanswer": _shortanswer,
    "numerical": _numerical, "essay": _essay, "matching": _matching, "ordering": _ordering,
}
UNSUPPORTED = {
    "multianswer": "cloze (embedded answers) questions are not supported",
    "calculated": "calculated questions are not supported",
    "calculatedsimple": "calculated questions are not supported",
    "calculatedmulti": "calculated questions are not supported",
    "description": "a description is not a question",
    "ddwtos": "drag-and-drop into text is not supported",
    "ddimageortext": "drag-and-drop onto image is not supported",
    "ddmarker": "drag-and-drop markers are not supported",
    "gapselect": "select missing words is not supported",
    "randomsamatch": "random short-answer matching is not supported",
    "random": "random questions refer to a question bank and are not supported",
}


def import_moodle_xml(data: bytes) -> ImportResult:
    """Convert a Moodle XML export; see the module docstring."""
    root = _parse(data)
    elements = root.findall("question")
    if not elements:
        raise InputError("Moodle XML: the file contains no <question> elements")
    builder = DocBuilder()
    for element, line in zip(elements, _question_lines(data), strict=True):
        qtype = element.get("type", "")
        if qtype == "category":
            path = _text(element.find("category")).strip()
            title = path.rstrip("/").rsplit("/", 1)[-1].replace("$course$", "").strip()
            builder.start_section(title or "Imported")
            continue
        question = _Question(element, builder)
        if qtype not in CONVERTERS:
            reason = UNSUPPORTED.get(qtype, f"question type {qtype!r} is not supported")
            builder.skip(question.name, qtype, reason, line)
            continue
        try:
            converted = CONVERTERS[qtype](question)
        except InputError as exc:
            builder.skip(question.name, qtype, exc.user_message, line)
            continue
        builder.add(converted, question.name, qtype, line)
    title = builder.sections[0]["title"] if builder.sections else "Imported exam"
    return builder.result(default_meta(title))
