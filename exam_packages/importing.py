"""What the Moodle XML and GIFT importers share: result type, HTML -> text,
default meta, media naming, and writing an editable YAML source."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from .errors import InputError
from .model import normalize_meta, validate_exam_doc
from .model_questions import validate_question

PLUGINFILE = "@@PLUGINFILE@@/"
_SAFE_NAME_RE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class SkippedQuestion:
    """A question that was not imported, and why."""

    name: str
    qtype: str
    reason: str
    line: int | None = None


@dataclass
class ImportEntry:
    """One source question: ``imported``, ``changed`` (imported with the listed
    changes) or ``skipped`` (with the reason)."""

    name: str
    qtype: str
    line: int | None = None
    status: str = "imported"
    qid: str | None = None
    changes: list[str] = field(default_factory=list)
    reason: str = ""


@dataclass
class ImportResult:
    meta: dict[str, Any]
    exam_doc: dict[str, Any]
    media: dict[str, bytes] = field(default_factory=dict)
    entries: list[ImportEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> list[SkippedQuestion]:
        return [SkippedQuestion(e.name, e.qtype, e.reason, e.line) for e in self.entries
                if e.status == "skipped"]

    @property
    def counts(self) -> dict[str, Any]:
        imported = Counter(q["type"] for q in self.exam_doc["questions"].values())
        skipped = Counter(s.qtype for s in self.skipped)
        changed = sum(1 for e in self.entries if e.status == "changed")
        return {"imported": sum(imported.values()), "skipped": sum(skipped.values()),
                "changed": changed,
                "imported_by_type": dict(sorted(imported.items())),
                "skipped_by_type": dict(sorted(skipped.items()))}


def safe_media_name(name: str) -> str:
    """A file name safe for ``media/``: basename only, no odd characters."""
    base = unquote(name).replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _SAFE_NAME_RE.sub("_", base).strip("._") or "image"
    return cleaned[:100]


def decimal_text(value: str, where: str) -> str:
    """``"3.1400000"`` -> ``"3.14"``; refuses anything that is not a finite number."""
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise InputError(f"{where}: not a number: {value!r}") from exc
    if not number.is_finite():
        raise InputError(f"{where}: not a finite number: {value!r}")
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def image_marker(attrs: dict[str, str | None],
                 media_map: dict[str, str]) -> tuple[str, list[str]]:
    """``<img>`` -> ``![alt](media/name)`` (embedded) or ``[image: alt]`` + its URL."""
    src = attrs.get("src") or ""
    alt = (attrs.get("alt") or "").replace("]", ")").replace("[", "(")
    if src.startswith(PLUGINFILE):
        name = safe_media_name(src[len(PLUGINFILE):])
        return f"![{alt}](media/{media_map.get(name, name)})", []
    return f"[image: {alt or src}]", [src]


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}

    def __init__(self, media_map: dict[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media_map = media_map
        self.skip = 0
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "img":
            self._image(dict(attrs))
        elif tag in ("a", "source", "audio", "video", "embed", "object"):
            self._link(dict(attrs))
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def _link(self, attrs: dict[str, str | None]) -> None:
        target = attrs.get("href") or attrs.get("src") or attrs.get("data") or ""
        if target.startswith(PLUGINFILE):
            self.external.append("link:" + safe_media_name(target[len(PLUGINFILE):]))

    def _image(self, attrs: dict[str, str | None]) -> None:
        marker, external = image_marker(attrs, self.media_map)
        self.parts.append(marker)
        self.external.extend(external)


def html_to_text(html: str, media_map: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """Plain text from Moodle HTML; ``@@PLUGINFILE@@`` images become ``![](media/..)``.

    Returns the text and the list of external image URLs that were not kept
    (and ``link:<name>`` for embedded files that are linked, not shown).
    """
    parser = _TextExtractor(media_map or {})
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return joined, parser.external


def default_meta(title: str = "Imported exam", now: datetime | None = None) -> dict[str, Any]:
    """Placeholder meta the author edits: tomorrow 08:00-12:00 UTC, 60 minutes."""
    start = (now or datetime.now(UTC)).astimezone(UTC).replace(
        hour=8, minute=0, second=0, microsecond=0) + timedelta(days=1)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    return normalize_meta({
        "exam_id": "imported-exam", "version": 1, "title": title or "Imported exam",
        "language": "en", "opens_at": start.strftime(fmt),
        "closes_at": (start + timedelta(hours=4)).strftime(fmt), "duration_s": 3600,
    })


class DocBuilder:
    """Collects imported questions into sections, validating each one, and keeps
    one :class:`ImportEntry` per source question (never a silent drop)."""

    def __init__(self) -> None:
        self.questions: dict[str, Any] = {}
        self.sections: list[dict[str, Any]] = []
        self.media: dict[str, bytes] = {}
        self.entries: list[ImportEntry] = []
        self.notes: list[str] = []
        self._current: dict[str, Any] | None = None
        self._entry: ImportEntry | None = None

    def start_section(self, title: str) -> None:
        self._current = {"id": f"s{len(self.sections) + 1}", "title": title, "questions": []}
        self.sections.append(self._current)

    def add_media(self, name: str, data: bytes) -> str:
        """Store a file; returns its final name (renamed if the name is taken)."""
        final, counter = name, 1
        while final in self.media and self.media[final] != data:
            counter += 1
            stem, dot, ext = name.rpartition(".")
            final = f"{stem}-{counter}.{ext}" if dot else f"{name}-{counter}"
        self.media[final] = data
        return final

    def begin(self, name: str, qtype: str, line: int | None = None) -> ImportEntry:
        """Start the report entry of the next source question."""
        self._entry = ImportEntry(name, qtype, line)
        self.entries.append(self._entry)
        return self._entry

    def pause(self) -> ImportEntry | None:
        """Set the current entry aside (its question is converted later, see ``resume``)."""
        entry, self._entry = self._entry, None
        return entry

    def resume(self, entry: ImportEntry) -> None:
        self._entry = entry

    def change(self, message: str) -> None:
        """Record something the current question loses or changes on import."""
        if self._entry is None:
            self.notes.append(message)
        elif message not in self._entry.changes:
            self._entry.changes.append(message)

    def skip(self, name: str, qtype: str, reason: str, line: int | None = None) -> None:
        entry = self._entry or self.begin(name, qtype, line)
        entry.status, entry.reason, entry.qid, entry.qtype = "skipped", reason, None, qtype
        self._entry = None

    def add(self, question: dict[str, Any], name: str, source_type: str,
            line: int | None = None) -> None:
        if self._entry is None:
            self.begin(name, source_type, line)
        qid = f"q{len(self.entries)}"
        if name:
            question = {**question, "title": name}
        try:
            validate_question(qid, question, set(self.media))
        except InputError as exc:
            self.skip(name, source_type, exc.user_message.replace(f"question {qid}", "question"),
                      line)
            return
        assert self._entry is not None
        self._entry.qid = qid
        self._entry.status = "changed" if self._entry.changes else "imported"
        self._entry = None
        self.questions[qid] = question
        if self._current is None:
            self.start_section("Imported")
        assert self._current is not None
        self._current["questions"].append(qid)

    def add_variants(self, variants: list[dict[str, Any]], name: str, source_type: str,
                     line: int | None = None, *, base: str = "",
                     what: str = "variants precomputed from the dataset") -> None:
        """One source question precomputed as variants: its own ``draw: 1`` section
        (the paper seed picks the variant); the current section continues after it."""
        if self._entry is None:
            self.begin(name, source_type, line)
        base = base or f"q{len(self.entries)}"
        qids = [f"{base}-v{i + 1}" for i in range(len(variants))]
        try:
            for qid, variant in zip(qids, variants, strict=True):
                validate_question(qid, {**variant, "title": name} if name else variant,
                                  set(self.media))
        except InputError as exc:
            self.skip(name, source_type, exc.user_message.replace(f"question {qids[0]}",
                                                                  "question"), line)
            return
        assert self._entry is not None
        continuing = self._current["title"] if self._current else "Imported"
        self.start_section(f"{continuing}: {name}" if name else continuing)
        assert self._current is not None
        self._current["draw"] = 1
        for qid, variant in zip(qids, variants, strict=True):
            self.questions[qid] = {**variant, "title": name} if name else variant
            self._current["questions"].append(qid)
        self._entry.changes.append(f"{len(qids)} {what}; the paper seed picks one")
        self._entry.status, self._entry.qid = "changed", f"{qids[0]}..{qids[-1]}"
        self._entry = None
        self.start_section(continuing)

    def result(self, meta: dict[str, Any]) -> ImportResult:
        sections = [s for s in self.sections if s["questions"]]
        doc = {"sections": sections, "questions": self.questions}
        if self.questions:
            validate_exam_doc(doc, set(self.media))
        return ImportResult(meta=meta, exam_doc=doc, media=dict(self.media),
                            entries=list(self.entries), notes=list(self.notes))


def render_import_report(result: ImportResult) -> str:
    """Every source question: imported, imported with changes (what), or skipped (why)."""
    counts = result.counts
    by_type = ", ".join(f"{k}: {v}" for k, v in counts["imported_by_type"].items()) or "none"
    lines = [f"imported {counts['imported']} question(s) ({by_type}), "
             f"{counts['changed']} of them with changes",
             f"skipped {counts['skipped']} question(s)"]
    for entry in result.entries:
        where = f" (line {entry.line})" if entry.line else ""
        head = f"  {entry.status:<8} {entry.name or '(no name)'} [{entry.qtype}]{where}"
        if entry.status == "skipped":
            lines.append(f"{head}: {entry.reason}")
        else:
            lines.append(f"{head} -> {entry.qid}")
            lines.extend(f"             - {change}" for change in entry.changes)
    lines.extend(f"note: {note}" for note in result.notes)
    if result.media:
        lines.append(f"media: {', '.join(sorted(result.media))}")
    return "\n".join(lines)


def report_to_json(result: ImportResult) -> dict[str, Any]:
    """The import report as JSON-ready data."""
    return {"counts": result.counts, "notes": list(result.notes),
            "questions": [{"name": e.name, "type": e.qtype, "line": e.line, "status": e.status,
                           "id": e.qid, "changes": list(e.changes), "reason": e.reason}
                          for e in result.entries]}


def write_source(result: ImportResult, out_dir: Path, name: str = "exam.yaml") -> Path:
    """Write an editable YAML source plus ``media/``; returns the source path."""
    if not result.exam_doc["questions"]:
        reasons = "; ".join(f"{s.name or '(no name)'}"
                            f"{f' (line {s.line})' if s.line else ''}: {s.reason}"
                            for s in result.skipped)
        raise InputError(f"nothing to write: no question could be imported ({reasons})")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    media_dir = out_dir / "media"
    if result.media:
        media_dir.mkdir(exist_ok=True)
        for file_name, data in result.media.items():
            (media_dir / file_name).write_bytes(data)
    questions = result.exam_doc["questions"]
    source: dict[str, Any] = {
        "exam": result.meta,
        "sections": [
            {**{k: v for k, v in s.items() if k != "questions"},
             "questions": [{"id": qid, **questions[qid]} for qid in s["questions"]]}
            for s in result.exam_doc["sections"]
        ],
    }
    path = out_dir / name
    header = "# Imported exam source: check the 'exam' block (id, title, window) before building.\n"
    path.write_text(header + yaml.safe_dump(source, allow_unicode=True, sort_keys=False,
                                            width=100), encoding="utf-8")
    return path
