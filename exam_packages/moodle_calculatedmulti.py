"""Moodle calculated multichoice (qtype_calculatedmulti) -> single/multiple variants.

As for calculated questions (:mod:`.moodle_calculated`), each dataset item becomes one
variant in a ``draw: 1`` section. In a variant the question text has its wildcards and
``{=..}`` formulas replaced, and each answer's text has its ``{=..}`` formulas computed
and written with that answer's ``correctanswerformat``/``correctanswerlength``
(qtype_calculated_variable_substituter::format_float: decimals, or significant figures);
the variant is then the multichoice question Moodle shows, graded as multichoice.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .importing import decimal_text
from .moodle_calculated import INLINE_RE, MAX_VARIANTS, calculate, dataset_variants, substitute
from .moodle_types import MoodleQuestion, multichoice, text_of

_ZEROS = "0" * 40


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _significant(x: Decimal, length: int) -> str:
    """format_float with ``correctanswerformat`` 2: ``length`` significant figures, in
    scientific notation below 0.001 or from 100000 on (Moodle's own algorithm)."""
    if x == 0:
        return "0"
    sign, answer, p10 = ("-" if x < 0 else ""), abs(x), 0
    while answer < 1:
        p10, answer = p10 - 1, answer * 10
    while answer >= 1:
        p10, answer = p10 + 1, answer / 10
    answer = answer.quantize(Decimal(1).scaleb(-length), ROUND_HALF_UP)
    if answer >= 1:
        p10, answer = p10 + 1, answer / 10
    if p10 < -2 or p10 > 4:
        text = _plain(answer * 10)
        if length > 1:
            text = (text + ("." if len(text) == 1 else "") + _ZEROS)[:length + 1]
        return f"{sign}{text}e{p10 - 1}"
    value = answer.scaleb(p10)
    if Decimal("0.1") <= value.scaleb(-length):
        return sign + _plain(value)
    text = _plain(value)
    text += ("." if text.isdigit() else "") + _ZEROS
    return sign + text[:length + (2 - p10 if p10 < 1 else 1)]


def format_float(x: Decimal, length: str, fmt: str) -> str:
    """qtype_calculated's format_float: ``fmt`` 1 = ``length`` decimals, 2 = significant
    figures; anything else = the plain value."""
    if not length.strip().isdigit():
        return decimal_text(str(x), "value")
    digits = int(length)
    if fmt.strip() == "1":
        return format(x.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP), "f")
    if fmt.strip() == "2":
        return _significant(x, max(digits, 1))
    return decimal_text(str(x), "value")


def _answer_text(answer: ET.Element, values: dict[str, str]) -> str:
    length = answer.findtext("correctanswerlength") or ""
    fmt = answer.findtext("correctanswerformat") or ""
    text = INLINE_RE.sub(lambda m: format_float(calculate(m.group(1), values), length, fmt),
                          text_of(answer))
    return substitute(text, values)


def calculatedmulti_variants(q: MoodleQuestion) -> list[dict[str, Any]]:
    """One single/multiple question per dataset item (see the module docstring)."""
    out = []
    for values in dataset_variants(q.element):
        element = copy.deepcopy(q.element)
        question_text = element.find("questiontext/text")
        if question_text is not None:
            question_text.text = substitute(question_text.text or "", values)
        for answer, source in zip(element.findall("answer"), q.answers(), strict=True):
            text = answer.find("text")
            if text is not None:
                text.text = _answer_text(source, values)
        out.append(multichoice(MoodleQuestion(element, q.builder)))
    if len(out) == MAX_VARIANTS:
        q.change(f"only the first {MAX_VARIANTS} dataset items are used")
    return out
