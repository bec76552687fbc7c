"""Import GIFT (Moodle's plain-text question format).

Supported, graded as Moodle does: multiple choice (with an ``=`` answer it is
one-answer, ``~%50%`` weights are partial grades; without one it is
several-answers with the weights as grades), true/false (``{T}``, ``{TRUE}``,
``{F}``, ``{FALSE}``), short answer (``{=a =%50%b}``, graded answers),
numeric (``{#3.14:0.01}``, ``{#1..2}``, ``{#=5:0 =%50%4:1}``), essay
(``{}``), matching (``{=a -> b}``), descriptions (no answer block),
``$CATEGORY:`` (-> sections), titles ``::title::``, format tags
``[html]``/``[markdown]``/``[plain]``/``[moodle]``, ``//`` comments, general
feedback ``####...`` and per-answer feedback ``#...`` (kept: model_feedback),
and the escapes ``\\~ \\= \\# \\{ \\} \\: \\n``. Grades must be in Moodle's list.
As in Moodle a blank line ends a question, so a question that cannot be read
is reported with its name and line and the next one is read normally.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .errors import InputError
from .importing import DocBuilder, ImportResult, decimal_text, default_meta, html_to_text
from .moodle_rules import allowed_fraction
from .richtext import latex_to_images

_ESCAPES = {"\\~": "\ue000", "\\=": "\ue001", "\\#": "\ue002", "\\{": "\ue003",
            "\\}": "\ue004", "\\:": "\ue005", "\\n": "\n", "\\\\": "\ue006"}
_RESTORE = {"\ue000": "~", "\ue001": "=", "\ue002": "#", "\ue003": "{", "\ue004": "}",
            "\ue005": ":", "\ue006": "\\"}
_ESCAPE_RE = re.compile(r"\\[~=#{}:n\\]")
_TITLE_RE = re.compile(r"^::(.*?)::", re.DOTALL)
_FORMAT_RE = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT_RE = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TF = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class _GiftError(Exception):
    """One question could not be read; ``kind`` is reported as its type."""

    def __init__(self, message: str, kind: str = "malformed") -> None:
        super().__init__(message)
        self.kind = kind


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


def _restore(text: str) -> str:
    for key, value in _RESTORE.items():
        text = text.replace(key, value)
    return text


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (first line number, lines) for each blank-line separated block.

    As in Moodle, a blank line always ends a question: an unclosed ``{`` spoils
    only its own question, and the next one is read normally.
    """
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if current:
                yield start, current
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        yield start, current


def _split_answers(body: str) -> list[tuple[str, str]]:
    """Split an answer block into (marker, text) with marker '=' or '~'."""
    parts = re.split(r"([=~])", body)
    out: list[tuple[str, str]] = []
    for index in range(1, len(parts), 2):
        out.append((parts[index], parts[index + 1]))
    if parts[0].strip():
        raise _GiftError(f"unexpected text {_restore(parts[0].strip())!r} before the first "
                         "answer")
    return out


def _weight(raw: str) -> tuple[Decimal | None, str]:
    match = _WEIGHT_RE.match(raw)
    if not match:
        return None, raw
    allowed = allowed_fraction(Decimal(match.group(1)) / 100)
    if allowed is None:
        raise _GiftError(f"invalid grade {match.group(1)}%: Moodle accepts only its list of "
                         "grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, "
                         "33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 % "
                         "and their negatives)")
    return allowed, raw[match.end():].strip()


def _answer_text(raw: str, changes: list[str]) -> tuple[Decimal | None, str]:
    """Strip weight and feedback; return (weight or None, plain text)."""
    weight, text, _ = _answer_parts(raw)
    return weight, text


def _answer_parts(raw: str) -> tuple[Decimal | None, str, str]:
    """(weight or None, plain text, the answer's ``#feedback`` or '')."""
    raw, _, feedback = raw.partition("#")
    weight, raw = _weight(raw.strip())
    return weight, _restore(raw.strip()), _restore(feedback.strip())


def _note(changes: list[str], message: str) -> None:
    if message not in changes:
        changes.append(message)


def _choice(body: str, changes: list[str]) -> dict[str, Any]:
    """Moodle's rule: with an '=' answer it is one-answer ('=' is 100%), without one
    it is several-answers with the ``%weight%`` grades."""
    alternatives = _split_answers(body)
    single = any(marker == "=" for marker, _ in alternatives)
    options, grades, by_option = [], {}, {}
    for index, (marker, raw) in enumerate(alternatives):
        weight, text, feedback = _answer_parts(raw)
        oid = chr(ord("a") + index) if index < 26 else f"o{index + 1}"
        options.append({"id": oid, "text": text})
        if feedback:
            by_option[oid] = feedback
        grade = Decimal(1) if marker == "=" else (weight or Decimal(0))
        if marker == "=" and weight is not None and weight != 1:
            _note(changes, "a weight after '=' is ignored ('=' answers are 100%, as in Moodle)")
        if grade:
            grades[oid] = decimal_text(str(grade), "grade")
    if single:
        correct = [k for k, v in grades.items() if v == "1"]
        if len(correct) > 1:
            raise _GiftError("more than one answer is marked '=' in a multiple-choice question")
        out: dict[str, Any] = {"type": "single", "options": options, "correct": correct}
        if set(grades.values()) != {"1"}:
            out["fractions"] = grades
    else:
        correct = [k for k, v in grades.items() if Decimal(v) > 0]
        if not correct:
            raise _GiftError("no answer is right: mark one with '=' or give weights like ~%50%")
        out = {"type": "multiple", "options": options, "correct": correct, "fractions": grades}
    if by_option:
        out["answer_feedback"] = by_option
    return out


def _short(body: str, changes: list[str]) -> dict[str, Any]:
    accept = []
    for _, raw in _split_answers(body):
        weight, text, feedback = _answer_parts(raw)
        rule: dict[str, Any] = {"pattern": text, "mode": "exact", "case_sensitive": False}
        if weight is not None and weight != 1:
            rule["fraction"] = decimal_text(str(max(weight, Decimal(0))), "grade")
        if feedback:
            rule["feedback"] = feedback
        accept.append(rule)
    return {"type": "short", "accept": accept}


def _number(body: str) -> dict[str, Any]:
    """``3.14:0.01`` or ``1..2`` -> a numeric answer entry."""
    try:
        if ".." in body:
            low, high = (Decimal(decimal_text(x, "range")) for x in body.split("..", 1))
            if low > high:
                raise _GiftError(f"range {body!r} is empty")
            middle, half = (low + high) / 2, (high - low) / 2
            entry = {"answer": decimal_text(str(middle), "answer"),
                     "tolerance": decimal_text(str(half), "tolerance")}
        else:
            value, _, tolerance = body.partition(":")
            entry = {"answer": decimal_text(value, "answer")}
            if tolerance.strip() and Decimal(decimal_text(tolerance, "tolerance")) != 0:
                entry["tolerance"] = decimal_text(str(abs(Decimal(tolerance))), "tolerance")
    except InputError as exc:
        raise _GiftError(f"numeric answer {body!r} is not a number") from exc
    if entry.get("tolerance") == "0":
        del entry["tolerance"]
    return entry


def _numeric(body: str, changes: list[str]) -> dict[str, Any]:
    body = body[1:].strip()
    if not body.startswith("="):
        _, text, feedback = _answer_parts(body)
        if feedback:
            return {"type": "numeric", "answers": [{**_number(text), "feedback": feedback}]}
        return {"type": "numeric", **_number(text)}
    answers = []
    for _, raw in _split_answers(body):
        weight, text, feedback = _answer_parts(raw)
        entry = _number(text)
        if weight is not None and weight != 1:
            entry["fraction"] = decimal_text(str(max(weight, Decimal(0))), "grade")
        if feedback:
            entry["feedback"] = feedback
        answers.append(entry)
    if len(answers) == 1 and set(answers[0]) <= {"answer", "tolerance"}:
        return {"type": "numeric", **answers[0]}
    return {"type": "numeric", "answers": answers}


def _matching(body: str, changes: list[str]) -> dict[str, Any]:
    pairs: list[dict[str, str]] = []
    for marker, raw in _split_answers(body):
        if marker != "=" or "->" not in raw:
            raise _GiftError("every matching answer must look like '=left -> right'")
        left, right = raw.split("->", 1)
        pairs.append({"id": f"p{len(pairs) + 1}", "left": _restore(left.strip()),
                      "right": _restore(_answer_text(right, changes)[1])})
    return {"type": "matching", "pairs": pairs}


def _truefalse(body: str, correct: bool) -> dict[str, Any]:
    """``{T#feedback if wrong#feedback if right}`` (Moodle's GIFT order)."""
    parts = [_restore(p.strip()) for p in body.split("#")[1:3]]
    wrong, right = (parts + ["", ""])[:2]
    by_value = {str(correct).lower(): right, str(not correct).lower(): wrong}
    out: dict[str, Any] = {"type": "truefalse", "correct": correct}
    if any(by_value.values()):
        out["answer_feedback"] = {k: v for k, v in by_value.items() if v}
    return out


def _answer_block(body: str, changes: list[str]) -> dict[str, Any]:
    body, _, general = body.partition("####")
    body = body.strip()
    out: dict[str, Any] = {}
    if general.strip():
        out["feedback"] = _restore(general.strip())
    if not body:
        return {"type": "essay", **out}
    head = body.split("#", 1)[0].strip()
    if head.upper() in _TF:
        return {**_truefalse(body, _TF[head.upper()]), **out}
    if body.startswith("#"):
        return {**_numeric(body, changes), **out}
    if "->" in body:
        return {**_matching(body, changes), **out}
    if "~" in body:
        return {**_choice(body, changes), **out}
    if body.startswith("="):
        return {**_short(body, changes), **out}
    raise _GiftError(f"cannot read the answer block {{{_restore(body)}}}")


def _parse_question(block: str, changes: list[str]) -> tuple[str, dict[str, Any]]:
    """Return (title, question without validation)."""
    text = block.strip()
    title = ""
    match = _TITLE_RE.match(text)
    if match:
        title, text = _restore(match.group(1).strip()), text[match.end():].strip()
    fmt = _FORMAT_RE.match(text)
    is_html = bool(fmt and fmt.group(1).lower() in ("html", "moodle"))
    if fmt:
        text = text[fmt.end():].strip()
    if "{" not in text and "}" not in text:
        stem = html_to_text(_restore(text))[0] if is_html else _restore(text)
        return title, {"type": "description", "text": stem or title}
    if text.count("{") != 1 or text.count("}") != 1 or text.index("{") > text.index("}"):
        if text.count("{") > text.count("}"):
            raise _GiftError("the answer block '{' is never closed (the question ends at the "
                             "next blank line)")
        raise _GiftError("expected exactly one answer block {...} (use \\{ \\} for braces)")
    before, rest = text.split("{", 1)
    body, after = rest.split("}", 1)
    stem = f"{before.strip()} _____ {after.strip()}" if after.strip() else before.strip()
    stem = _restore(stem)
    if is_html:
        stem = html_to_text(stem)[0]
    question = _answer_block(body, changes)
    return title, {"text": stem or title, **question}


def _name(block: str) -> str:
    """The question's title, or the start of its text (to name it in the report)."""
    title = _TITLE_RE.match(block)
    if title:
        return _restore(title.group(1).strip())
    words = _restore(block.split("{", 1)[0]).split()
    text = " ".join(words)
    return text if len(text) <= 40 else text[:39] + "…"


def decode_gift(data: bytes) -> str:
    """GIFT bytes as text: UTF-8 (with or without BOM); otherwise the line of the first
    bad byte is named."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(f"GIFT: line {line}: bytes that are not UTF-8 (Moodle's GIFT files "
                         "are UTF-8; save the file as UTF-8)") from exc


def import_gift(text: str) -> ImportResult:
    """Convert GIFT text; see the module docstring."""
    if "\x00" in text:
        raise InputError("GIFT: the text contains NUL characters")
    builder = DocBuilder()
    found = False
    for first_line, block_lines in _blocks(_protect(text.lstrip("\ufeff"))):
        line, lines = first_line, block_lines
        while lines and lines[0].startswith("$CATEGORY:"):
            path = _restore(lines[0].split(":", 1)[1].strip())
            builder.start_section(path.rstrip("/").rsplit("/", 1)[-1].replace("$course$", "")
                                  or "Imported")
            lines, line = lines[1:], line + 1
        if not lines:
            continue
        block = "\n".join(lines)
        found = True
        name = _name(block)
        entry = builder.begin(name, "gift", line)
        try:
            title, question = _parse_question(block, entry.changes)
        except _GiftError as exc:
            builder.skip(name, exc.kind, str(exc), line)
            continue
        entry.qtype = question["type"]
        question["text"], kept = latex_to_images(question["text"], builder.add_media)
        for source in kept:
            builder.change(f"LaTeX {source[:40]!r} kept as written (not rendered)")
        builder.add(question, title, question["type"], line)
    if not found:
        raise InputError("GIFT: no questions found")
    title = builder.sections[0]["title"] if builder.sections else "Imported exam"
    return builder.result(default_meta(title))
