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

import re
import xml.etree.ElementTree as ET
from pyexpat import ParserCreate
from typing import Any

from .errors import InputError
from .importing import DocBuilder, ImportResult, default_meta
from .moodle_cloze import cloze
from .moodle_types import CONVERTERS as TYPE_CONVERTERS
from .moodle_types import MoodleQuestion, text_of

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


UNSUPPORTED = {
    "calculated": "calculated questions are not supported yet (precompute the variants "
                  "as separate numeric questions in a section with draw: 1)",
    "calculatedsimple": "calculated questions are not supported yet",
    "calculatedmulti": "calculated multichoice questions are not supported yet",
    "ddimageortext": "drag-and-drop onto an image is not supported",
    "ddmarker": "drag-and-drop markers are not supported",
    "randomsamatch": "random short-answer matching draws from the Moodle question bank, "
                     "which is not in the export",
    "random": "random questions draw from the Moodle question bank, which is not in the "
              "export (use a section with draw: k)",
}
CONVERTERS = {**TYPE_CONVERTERS, "cloze": cloze, "multianswer": cloze}


def _convert(element: ET.Element, builder: DocBuilder, line: int) -> None:
    qtype = element.get("type", "")
    builder.begin(text_of(element.find("name")).strip(), qtype, line)
    question = MoodleQuestion(element, builder)
    if qtype not in CONVERTERS:
        reason = UNSUPPORTED.get(qtype, f"question type {qtype!r} is not supported")
        builder.skip(question.name, qtype, reason, line)
        return
    try:
        converted = CONVERTERS[qtype](question)
    except InputError as exc:
        builder.skip(question.name, qtype, exc.user_message, line)
        return
    builder.add(converted, question.name, qtype, line)


def import_moodle_xml(data: bytes) -> ImportResult:
    """Convert a Moodle XML export; see the module docstring."""
    root = _parse(data)
    elements = root.findall("question")
    if not elements:
        raise InputError("Moodle XML: the file contains no <question> elements")
    builder = DocBuilder()
    for element, line in zip(elements, _question_lines(data), strict=True):
        if element.get("type", "") == "category":
            path = text_of(element.find("category")).strip()
            title = path.rstrip("/").rsplit("/", 1)[-1].replace("$course$", "").strip()
            builder.start_section(title or "Imported")
            continue
        _convert(element, builder, line)
    if not builder.entries:
        builder.notes.append(f"the file holds only {len(elements)} categories, no questions")
    title = builder.sections[0]["title"] if builder.sections else "Imported exam"
    return builder.result(default_meta(title))
