"""Import GIFT (Moodle's plain-text question format).

Supported: multiple choice (``=right ~wrong``, weights ``~%50%`` -> multiple
answers with partial credit), true/false (``{T}``, ``{TRUE}``, ``{F}``,
``{FALSE}``), short answer (``{=a =b}``), numeric (``{#3.14:0.01}``,
``{#1..2}``, ``{#=5:0 =%50%4:1}``), essay (``{}``), matching
(``{=a -> b}``), ``$CATEGORY:`` (-> sections), titles ``::title::``, format
tags ``[html]``/``[markdown]``/``[plain]``/``[moodle]``, ``//`` comments,
feedback (``#...``, ``####...``, dropped) and the escapes ``\\~ \\= \\# \\{ \\}
\\: \\n``. A question that cannot be read is reported with its line and
skipped; the rest of the file is still imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .errors import InputError
from .importing import DocBuilder, ImportResult, decimal_text, default_meta, html_to_text

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

    A blank line inside an open ``{`` does not end the question, unless the
    next line clearly starts a new one (``::title::`` or ``$CATEGORY:``), so an
    unclosed brace spoils only its own question.
    """
    current: list[str] = []
    start, depth, gap = 0, 0, False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            gap = True
            continue
        starts_new = line.startswith(("::", "$CATEGORY:"))
        if current and gap and (depth == 0 or starts_new):
            yield start, current
            current, depth = [], 0
        gap = False
        if not current:
            start = number
        current.append(line)
        depth = max(depth + line.count("{") - line.count("}"), 0)
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


def _answer_text(raw: str) -> tuple[Decimal | None, str]:
    """Strip weight and feedback; return (weight or None, plain text)."""
    raw = raw.split("#", 1)[0].strip()
    weight = None
    match = _WEIGHT_RE.match(raw)
    if match:
        weight = Decimal(match.group(1))
        raw = raw[match.end():].strip()
    return weight, _restore(raw)


def _choice(body: str) -> dict[str, Any]:
    options, correct, weighted = [], [], False
    for index, (marker, raw) in enumerate(_split_answers(body)):
        weight, text = _answer_text(raw)
        oid = chr(ord("a") + index) if index < 26 else f"o{index + 1}"
        options.append({"id": oid, "text": text})
        if weight is not None:
            weighted = True
        if (marker == "=" and weight is None) or (weight is not None and weight > 0):
            correct.append(oid)
    if weighted and len(correct) > 1:
        return {"type": "multiple", "options": options, "correct": correct,
                "scoring": "partial"}
    if len(correct) > 1:
        raise _GiftError("more than one answer is marked '=' in a multiple-choice question")
    return {"type": "single", "options": options, "correct": correct}


def _short(body: str) -> dict[str, Any]:
    accept = []
    for _, raw in _split_answers(body):
        weight, text = _answer_text(raw)
        if weight is None or weight >= 100:
            accept.append({"pattern": text, "mode": "exact", "case_sensitive": False})
    return {"type": "short", "accept": accept}


def _numeric(body: str) -> dict[str, Any]:
    body = body[1:].strip()
    if body.startswith("="):
        candidates = [_answer_text(raw) for _, raw in _split_answers(body)]
        chosen = [t for w, t in candidates if w is None or w >= 100]
        if not chosen:
            raise _GiftError("numeric question has no 100% answer")
        body = chosen[0]
    else:
        body = _restore(body.split("#", 1)[0].strip())
    try:
        if ".." in body:
            low, high = (Decimal(decimal_text(x, "range")) for x in body.split("..", 1))
            if low > high:
                raise _GiftError(f"range {body!r} is empty")
            middle, half = (low + high) / 2, (high - low) / 2
            return {"type": "numeric", "answer": decimal_text(str(middle), "answer"),
                    "tolerance": decimal_text(str(half), "tolerance")}
        value, _, tolerance = body.partition(":")
        out = {"type": "numeric", "answer": decimal_text(value, "answer")}
        if tolerance.strip() and Decimal(decimal_text(tolerance, "tolerance")) != 0:
            out["tolerance"] = decimal_text(tolerance, "tolerance")
        return out
    except InputError as exc:
        raise _GiftError(f"numeric answer {body!r} is not a number") from exc


def _matching(body: str) -> dict[str, Any]:
    pairs: list[dict[str, str]] = []
    for marker, raw in _split_answers(body):
        if marker != "=" or "->" not in raw:
            raise _GiftError("every matching answer must look like '=left -> right'")
        left, right = raw.split("->", 1)
        pairs.append({"id": f"p{len(pairs) + 1}", "left": _restore(left.strip()),
                      "right": _restore(right.split("#", 1)[0].strip())})
    return {"type": "matching", "pairs": pairs}


def _answer_block(body: str) -> dict[str, Any]:
    body = body.split("####", 1)[0].strip()
    if not body:
        return {"type": "essay"}
    head = body.split("#", 1)[0].strip()
    if head.upper() in _TF:
        return {"type": "truefalse", "correct": _TF[head.upper()]}
    if body.startswith("#"):
        return _numeric(body)
    if "->" in body:
        return _matching(body)
    if "~" in body:
        return _choice(body)
    if body.startswith("="):
        return _short(body)
    raise _GiftError(f"cannot read the answer block {{{_restore(body)}}}")


def _parse_question(block: str) -> tuple[str, dict[str, Any]]:
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
    if text.count("{") != 1 or text.count("}") != 1 or text.index("{") > text.index("}"):
        if "{" not in text and "}" not in text:
            raise _GiftError("no answer block {...}: descriptions are not supported",
                             "description")
        raise _GiftError("expected exactly one answer block {...} (use \\{ \\} for braces)")
    before, rest = text.split("{", 1)
    body, after = rest.split("}", 1)
    stem = f"{before.strip()} _____ {after.strip()}" if after.strip() else before.strip()
    stem = _restore(stem)
    if is_html:
        stem = html_to_text(stem)[0]
    question = _answer_block(body)
    return title, {"text": stem or title, **question}


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
        try:
            title, question = _parse_question(block)
        except _GiftError as exc:
            title_match = _TITLE_RE.match(block)
            name = _restore(title_match.group(1)) if title_match else ""
            builder.skip(name, exc.kind, str(exc), line)
            continue
        builder.add(question, title, question["type"], line)
    if not found:
        raise InputError("GIFT: no questions found")
    title = builder.sections[0]["title"] if builder.sections else "Imported exam"
    return builder.result(default_meta(title))
