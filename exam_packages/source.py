"""Human-writable exam sources (YAML or JSON) -> canonical meta + questions doc.

See ``docs/authoring.md`` for the format. Authors may write friendly forms
(``correct: b``, ``answer: 9.81``, options as a list of strings, matching pairs
as a mapping, ordering items in their correct order); :func:`load_source`
normalises them to the canonical document of ``docs/package-format.md`` and
validates the result. Errors name the file, the question and the line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import normalize_meta, validate_exam_doc
from .source_questions import normalize_question

MAX_SOURCE_BYTES = 16 * 1024 * 1024
_QUESTION_RE = re.compile(r"question ([A-Za-z0-9][A-Za-z0-9_-]*)")


@dataclass
class ExamSource:
    """A loaded source: canonical meta, canonical questions doc, media files."""

    meta: dict[str, Any]
    exam_doc: dict[str, Any]
    media: dict[str, Path] = field(default_factory=dict)
    path: Path | None = None


class LineDict(dict[str, Any]):
    """A mapping that remembers the source line where it starts (1-based)."""

    line: int | None = None


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps line numbers and reads floats as exact decimals."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, bool | int):
            key = str(key).lower() if isinstance(key, bool) else str(key)
        if not isinstance(key, str):
            raise InputError(f"line {key_node.start_mark.line + 1}: keys must be strings")
        if key in out:
            raise InputError(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        return Decimal(text)
    except ArithmeticError as exc:
        raise InputError(f"line {node.start_mark.line + 1}: not a finite number: "
                         f"{text!r}") from exc


# YAML 1.1 reads yes/no/on/off/y/n as booleans ("the Norway problem"): an option
# id `n` or an answer `no` would silently become false. Only true/false are booleans.
_BOOL_TAG = "tag:yaml.org,2002:bool"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def _parse(path: Path, raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text") from exc
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: line {exc.lineno}: {exc.msg}") from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise InputError(f"{path}: {line}{exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: {exc}") from exc


def _plain(value: Any) -> Any:
    """Turn YAML scalars (datetimes, decimals) into canonical JSON values."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _line_of(obj: Any) -> str:
    line = getattr(obj, "line", None)
    return f" (line {line})" if line else ""


def _collect_questions(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Any]]:
    """Return (question entries, sections) from top-level and inline questions."""
    top = data.get("questions", [])
    if not isinstance(top, list):
        raise InputError(f"'questions' must be a list{_line_of(data)}")
    sections = data.get("sections", [])
    if not isinstance(sections, list):
        raise InputError(f"'sections' must be a list{_line_of(data)}")
    entries = list(top)
    for section in sections:
        if isinstance(section, dict):
            entries.extend(q for q in section.get("questions", []) if isinstance(q, dict))
    return entries, sections


def _build_doc(data: dict[str, Any], lines: dict[str, int]) -> dict[str, Any]:
    entries, raw_sections = _collect_questions(data)
    questions: dict[str, Any] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise InputError(f"question #{index + 1}: expected a mapping")
        qid = entry.get("id", f"q{index + 1}")
        if not isinstance(qid, str):
            qid = str(qid)
        if qid in questions:
            raise InputError(f"question {qid}{_line_of(entry)}: duplicate question id")
        questions[qid] = normalize_question(qid, entry)
        line = getattr(entry, "line", None)
        if line:
            lines[qid] = line
    sections: list[dict[str, Any]] = []
    placed: set[str] = set()
    for index, raw in enumerate(raw_sections):
        if not isinstance(raw, dict):
            raise InputError(f"sections[{index}]: expected a mapping")
        section = {k: v for k, v in raw.items() if k != "questions"}
        section.setdefault("id", f"s{index + 1}")
        ids = [str(q.get("id")) if isinstance(q, dict) else q for q in raw.get("questions", [])]
        section["questions"] = ids
        placed.update(i for i in ids if isinstance(i, str))
        sections.append(section)
    rest = [qid for qid in questions if qid not in placed]
    if rest:
        sections.append({"id": "main" if not sections else "more", "questions": rest})
    return {"sections": sections, "questions": questions}


def _fill_ids(data: dict[str, Any]) -> None:
    """Give inline questions without an id a stable free one (q1, q2, ...)."""
    entries = [entry for container in [data.get("questions", [])] + [
        s.get("questions", []) for s in data.get("sections", []) if isinstance(s, dict)
    ] if isinstance(container, list) for entry in container if isinstance(entry, dict)]
    taken = {str(entry["id"]) for entry in entries if "id" in entry}
    counter = 0
    for entry in entries:
        counter += 1
        if "id" not in entry:
            while f"q{counter}" in taken:
                counter += 1
            entry["id"] = f"q{counter}"
            taken.add(entry["id"])


def source_from_data(data: Any, base: Path, where: str = "source") -> ExamSource:
    """Normalise parsed source data; ``base`` is the folder holding ``media/``."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a mapping at the top")
    unknown = set(data) - {"exam", "sections", "questions", "media_dir"}
    if unknown:
        raise InputError(f"{where}: unknown top-level field {sorted(unknown)[0]!r}")
    if "exam" not in data:
        raise InputError(f"{where}: missing the 'exam' block")
    lines: dict[str, int] = {}
    try:
        meta = normalize_meta(_plain(data["exam"]))
        _fill_ids(data)
        doc = _plain(_build_doc(data, lines))
        media = _media(base / str(data.get("media_dir", "media")))
        validate_exam_doc(doc, set(media))
    except InputError as exc:
        raise InputError(f"{where}: {_with_line(exc.user_message, lines)}") from exc
    return ExamSource(meta=meta, exam_doc=doc, media=media)


def _with_line(message: str, lines: dict[str, int]) -> str:
    match = _QUESTION_RE.match(message)
    if match is None or match.group(1) not in lines or "(line " in message:
        return message
    qid = match.group(1)
    return message.replace(f"question {qid}", f"question {qid} (line {lines[qid]})", 1)


def _media(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir()) if p.is_file() and
            not p.name.startswith(".")}


def load_source(path: Path) -> ExamSource:
    """Load a ``.yaml``/``.yml``/``.json`` exam source and its ``media/`` folder."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    if len(raw) > MAX_SOURCE_BYTES:
        raise InputError(f"{path}: larger than {MAX_SOURCE_BYTES} bytes")
    try:
        data = _parse(path, raw)
    except InputError as exc:
        if exc.user_message.startswith(str(path)):
            raise
        raise InputError(f"{path}: {exc.user_message}") from exc
    source = source_from_data(data, path.parent, str(path))
    source.path = path
    return source
