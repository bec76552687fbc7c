"""Moodle random short-answer matching (qtype_randomsamatch) -> matching variants.

Moodle draws ``choose`` short-answer questions of the question's category (and its
subcategories with ``subcats``) when an attempt starts, and asks to match their texts
with their right answers. The short-answer questions must be in the same export: the
question is converted after the whole file was read. Every way to choose them (or 100 of
them, drawn deterministically, when there are more) becomes a ``matching`` variant in a
``draw: 1`` section, so the paper seed picks one set, uniformly as Moodle does, and it
is graded as Moodle's matching (the share of stems matched right).
"""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .importing import DocBuilder, ImportEntry
from .moodle_types import MoodleQuestion, text_of
from .paper import SeededStream

MAX_SETS = 100


@dataclass
class _Deferred:
    element: ET.Element
    line: int
    path: str
    entry: ImportEntry | None
    base: str


@dataclass
class RandomMatches:
    """Short-answer questions by category path, and the randomsamatch questions to build."""

    pool: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    deferred: list[_Deferred] = field(default_factory=list)

    @staticmethod
    def stem_and_answer(question: MoodleQuestion) -> tuple[str, str] | None:
        """A short-answer question's text and its first 100 % answer, as Moodle shows them."""
        for answer in question.answers():
            try:
                right = Decimal(answer.get("fraction", "0")) == 100
            except InvalidOperation:
                continue
            if right and text_of(answer).strip():
                return question.html(question.element.find("questiontext")), \
                    text_of(answer).strip()
        return None

    def add_shortanswer(self, path: str, pair: tuple[str, str] | None) -> None:
        if pair is not None and pair[0]:
            self.pool.setdefault(path, []).append(pair)

    def defer(self, element: ET.Element, line: int, path: str, builder: DocBuilder) -> None:
        self.deferred.append(_Deferred(element, line, path, builder.pause(),
                                       f"q{len(builder.entries)}"))

    def finish(self, builder: DocBuilder) -> None:
        for item in self.deferred:
            if item.entry is not None:
                builder.resume(item.entry)
            _build(item, self._pairs(item), builder)

    def _pairs(self, item: _Deferred) -> list[tuple[str, str]]:
        subcats = (item.element.findtext("subcats") or "1").strip() in ("1", "true")
        return [pair for path, pairs in self.pool.items()
                if path == item.path or (subcats and path.startswith(item.path + "/"))
                for pair in pairs]


def _sets(name: str, total: int, choose: int) -> list[tuple[int, ...]]:
    """Every ``choose`` of ``total`` (in order), or MAX_SETS of them drawn from the name."""
    if math.comb(total, choose) <= MAX_SETS:
        return list(itertools.combinations(range(total), choose))
    stream = SeededStream(name or "randomsamatch", "randomsamatch")
    found: set[tuple[int, ...]] = set()
    while len(found) < MAX_SETS:
        found.add(tuple(sorted(stream.shuffled(range(total))[:choose])))
    return sorted(found)


def _build(item: _Deferred, pairs: list[tuple[str, str]], builder: DocBuilder) -> None:
    question = MoodleQuestion(item.element, builder)
    raw = (item.element.findtext("choose") or "").strip()
    choose = int(raw) if raw.isdigit() else 0
    if choose < 2:
        builder.skip(question.name, "randomsamatch", f"'choose' must be 2 or more, got "
                     f"{raw or 'nothing'}", item.line)
        return
    if len(pairs) < choose:
        builder.skip(question.name, "randomsamatch", f"it draws {choose} short-answer "
                     f"questions from its category, and this export has {len(pairs)} there",
                     item.line)
        return
    base = question.base("matching")
    variants: list[dict[str, Any]] = []
    for chosen in _sets(question.name, len(pairs), choose):
        variant = {**base, "scoring": "partial", "pairs": [
            {"id": f"p{n + 1}", "left": pairs[i][0], "right": pairs[i][1]}
            for n, i in enumerate(chosen)]}
        variants.append(variant)
    if math.comb(len(pairs), choose) > MAX_SETS:
        question.change(f"{MAX_SETS} of the {math.comb(len(pairs), choose)} possible sets of "
                        "questions are offered")
    question.change("the short-answer questions it draws from are also questions of the "
                    "exam (as in the export); remove them if they were only its pool")
    title = item.path.rstrip("/").rsplit("/", 1)[-1].replace("$course$", "").strip()
    builder.start_section(title or "Imported")
    builder.add_variants(variants, question.name, "randomsamatch", item.line, base=item.base,
                         what=f"sets of {choose} short-answer questions")
