"""Canonical JSON bytes: what gets hashed and signed.

Rules (a subset of RFC 8785 that our data keeps to): UTF-8, keys sorted by code
point, no insignificant whitespace, no NaN/Infinity, floats are refused (use
integers or strings: seconds, milli-points, decimal strings) so that every
implementation produces identical bytes.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import InputError

MAX_DEPTH = 100


def _check(value: Any, path: str = "$", depth: int = 0) -> None:
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return
    if depth >= MAX_DEPTH:
        raise InputError(f"{path}: nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, float):
        raise InputError(f"{path}: floats are not allowed in signed data; use an integer or string")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InputError(f"{path}: object keys must be strings")
            _check(item, f"{path}.{key}", depth + 1)
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, f"{path}[{index}]", depth + 1)
        return
    raise InputError(f"{path}: {type(value).__name__} cannot be put in signed data")


def canonical_bytes(value: Any) -> bytes:
    """Return the canonical JSON encoding of ``value``."""
    _check(value)
    text = json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. from "\ud800" in input JSON
        raise InputError("text contains a lone surrogate (not valid Unicode)") from exc
