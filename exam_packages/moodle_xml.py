"""Reading Moodle XML safely and in bounded memory.

The file is fed to expat in 64 KiB chunks; each top-level ``<question>`` is built
as a small element tree, handed over with the line it starts on, and dropped,
so memory is bounded by the largest question (plus what is imported), never by
the whole document tree. DTDs and entity declarations are refused (no entity
expansion, no external entities); bytes that are not UTF-8 and malformed XML are
reported with their line.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pyexpat import ExpatError, ParserCreate, errors
from typing import Any, BinaryIO

from .errors import InputError

MAX_XML_BYTES = 64 * 1024 * 1024
CHUNK = 64 * 1024
_FORBIDDEN_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_FORBIDDEN = ("Moodle XML: DTDs and entity declarations (<!DOCTYPE, <!ENTITY) are not "
              "allowed")


class _Forbidden(Exception):
    pass


def check_bytes(data: bytes) -> None:
    """Size, encoding and DTD checks on a whole file, before any parsing."""
    if len(data) > MAX_XML_BYTES:
        raise InputError(f"Moodle XML: file larger than {MAX_XML_BYTES} bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:1024]:
        raise InputError("Moodle XML: only UTF-8 files are supported (this one looks like "
                         "UTF-16; save it as UTF-8)")
    declared = _DECLARED_RE.match(data[:200])
    if declared and declared.group(1).decode("ascii").lower() not in ("utf-8", "utf8"):
        raise InputError(f"Moodle XML: line 1: encoding {declared.group(1).decode()!r} is not "
                         "supported; Moodle exports UTF-8 (save the file as UTF-8)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"Moodle XML: line {line}, column {column}: bytes that are not "
                         "UTF-8 (save the file as UTF-8)") from exc
    if _FORBIDDEN_RE.search(data):
        raise InputError(_FORBIDDEN)


class _Reader:
    """expat handlers building one ``<question>`` tree at a time."""

    def __init__(self) -> None:
        self.parser = ParserCreate()
        self.parser.buffer_text = True
        self.depth = 0
        self.root: str | None = None
        self.builder: ET.TreeBuilder | None = None
        self.line = 0
        self.ready: list[tuple[ET.Element, int]] = []
        p = self.parser
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.data
        p.StartDoctypeDeclHandler = self.forbid
        p.EntityDeclHandler = self.forbid

    def forbid(self, *args: Any) -> None:
        raise _Forbidden()

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth == 1:
            self.root = name
            if name != "quiz":
                raise InputError(f"Moodle XML: the root element must be <quiz>, not <{name}>")
        elif self.depth == 2 and name == "question":
            self.builder, self.line = ET.TreeBuilder(), self.parser.CurrentLineNumber
        if self.builder is not None:
            self.builder.start(name, attrs)

    def end(self, name: str) -> None:
        if self.builder is not None:
            self.builder.end(name)
            if self.depth == 2:
                self.ready.append((self.builder.close(), self.line))
                self.builder = None
        self.depth -= 1

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    def feed(self, chunk: bytes, final: bool) -> None:
        try:
            self.parser.Parse(chunk, final)
        except _Forbidden as exc:
            raise InputError(_FORBIDDEN) from exc
        except ExpatError as exc:
            message = errors.messages.get(exc.code, "malformed XML")  # type: ignore[attr-defined]
            raise InputError(f"Moodle XML: malformed XML at line {exc.lineno}, column "
                             f"{exc.offset + 1}: {message}") from exc


def iter_questions(source: bytes | BinaryIO) -> Iterator[tuple[ET.Element, int]]:
    """Each top-level ``<question>`` element with the line of its start tag."""
    if isinstance(source, bytes):
        check_bytes(source)
        source = io.BytesIO(source)
    reader = _Reader()
    total = 0
    while True:
        chunk = source.read(CHUNK)
        total += len(chunk)
        if total > MAX_XML_BYTES:
            raise InputError(f"Moodle XML: file larger than {MAX_XML_BYTES} bytes")
        reader.feed(chunk, final=not chunk)
        yield from reader.ready
        reader.ready.clear()
        if not chunk:
            break
    if reader.root is None:
        raise InputError("Moodle XML: the file is empty")
