"""JSON from outside, parsed with an explicit nesting-depth bound.

Python's ``json`` module recurses once per nesting level: a document of a few
kilobytes nested ~1000 deep raises ``RecursionError`` in ``json.loads`` or in
whatever walks the result later (the canonical encoder, pydantic). Every place
that parses JSON it did not write itself goes through :func:`loads`, which
measures the depth first with a linear scan (strings are skipped, so brackets
inside text do not count) and refuses deeper documents with a typed error.

* ``json_depth(raw) -> int`` - the maximum nesting depth of ``[``/``{`` in
  ``raw`` (bytes or str), strings skipped; no parsing.
* ``loads(raw, what, *, error=MalformedPackageError, max_depth=MAX_JSON_DEPTH,
  **json_kwargs) -> Any`` - depth check, UTF-8 decode, ``json.loads``; any
  failure (bad UTF-8, bad JSON, too deep) raises ``error(message)``, never
  ``RecursionError`` or ``ValueError``.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from .errors import EmtihanError, MalformedPackageError

__all__ = ["MAX_JSON_DEPTH", "json_depth", "loads"]

MAX_JSON_DEPTH = 64
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = [0] * 256
for _open in b"[{":
    _STEP[_open] = 1
for _close in b"]}":
    _STEP[_close] = -1


def json_depth(raw: bytes | bytearray | str) -> int:
    """Maximum bracket nesting of ``raw`` outside strings (0 for a scalar)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else bytes(raw)
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKET)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads(
    raw: bytes | bytearray | str, what: str, *, error: type[EmtihanError] = MalformedPackageError,
    max_depth: int = MAX_JSON_DEPTH, **json_kwargs: Any,
) -> Any:
    """``json.loads`` with a depth bound; every failure is ``error`` (see module doc)."""
    depth = json_depth(raw)
    if depth > max_depth:
        raise error(f"{what} is nested too deeply ({depth} levels; at most {max_depth})")
    try:
        text = raw if isinstance(raw, str) else bytes(raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{what} is not valid UTF-8") from exc
    try:
        return json.loads(text, **json_kwargs)
    except (ValueError, RecursionError) as exc:
        raise error(f"{what} is not valid JSON: {exc}") from exc
