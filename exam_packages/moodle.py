"""Import Moodle XML question banks.

Supported, graded as Moodle grades them (see docs/authoring.md, "Moodle
question types"): multichoice, truefalse, shortanswer, numerical (units),
essay, matching (distractors), ordering (grading types, subsets),
cloze/multianswer (MULTIRESPONSE too), gapselect, ddwtos, description,
calculated/calculatedsimple/calculatedmulti and randomsamatch (variants);
categories become sections; base64 ``<file>`` elements and Moodle 1.9
``<image_base64>`` become media. Every source question is listed
in the report as imported, changed (what) or skipped (why), never dropped
silently. Reading is streamed and safe: see :mod:`exam_packages.moodle_xml`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import BinaryIO

from .errors import InputError
from .importing import DocBuilder, ImportResult, default_meta
from .moodle_calculated import import_calculated
from .moodle_cloze import cloze, ddwtos, gapselect
from .moodle_ordering import ordering
from .moodle_randomsamatch import RandomMatches
from .moodle_types import CONVERTERS as TYPE_CONVERTERS
from .moodle_types import MoodleQuestion, text_of
from .moodle_xml import MAX_XML_BYTES, iter_questions

__all__ = ["MAX_XML_BYTES", "import_moodle_xml"]

UNSUPPORTED = {
    "ddimageortext": "drag-and-drop onto an image is not supported",
    "ddmarker": "drag-and-drop markers are not supported",
    "random": "random questions draw from the Moodle question bank, which is not in the "
              "export (use a section with draw: k)",
}
CONVERTERS = {**TYPE_CONVERTERS, "ordering": ordering, "cloze": cloze, "multianswer": cloze,
              "gapselect": gapselect, "ddwtos": ddwtos}


def _convert(element: ET.Element, builder: DocBuilder, line: int, path: str,
             matches: RandomMatches) -> None:
    qtype = element.get("type", "")
    builder.begin(text_of(element.find("name")).strip(), qtype, line)
    if qtype in ("calculated", "calculatedsimple", "calculatedmulti"):
        import_calculated(element, builder, line)
        return
    if qtype == "randomsamatch":  # built once every short-answer question is known
        matches.defer(element, line, path, builder)
        return
    question = MoodleQuestion(element, builder)
    pair = matches.stem_and_answer(question) if qtype == "shortanswer" else None
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
    if builder.entries[-1].status != "skipped":
        matches.add_shortanswer(path, pair)


def import_moodle_xml(source: bytes | BinaryIO) -> ImportResult:
    """Convert a Moodle XML export (bytes, or a binary file read in chunks)."""
    builder, matches = DocBuilder(), RandomMatches()
    count, path = 0, ""
    for element, line in iter_questions(source):
        count += 1
        if element.get("type", "") == "category":
            path = text_of(element.find("category")).strip()
            title = path.rstrip("/").rsplit("/", 1)[-1].replace("$course$", "").strip()
            builder.start_section(title or "Imported")
            continue
        _convert(element, builder, line, path, matches)
    matches.finish(builder)
    if not count:
        raise InputError("Moodle XML: the file contains no <question> elements")
    if not builder.entries:
        builder.notes.append(f"the file holds only {count} categories, no questions")
    title = builder.sections[0]["title"] if builder.sections else "Imported exam"
    return builder.result(default_meta(title))
