"""Single-range HTTP Range parsing (RFC 9110 bytes ranges)."""

from __future__ import annotations

import re

from exam_packages.errors import ApiError

# 18 digits are far beyond any blob size; longer numbers are refused before int()
# (Python refuses to convert strings of more than 4300 digits: ValueError, a 500).
_RANGE = re.compile(r"bytes=(\d{0,18})-(\d{0,18})", re.ASCII)


def _unsatisfiable(size: int) -> ApiError:
    err = ApiError(f"range not satisfiable (size {size})", status=416, code="range_not_satisfiable")
    return err


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """Return inclusive (start, end) for a ``Range`` header, None for no header.

    Only one range is supported; anything malformed or unsatisfiable raises
    ApiError(416, ``range_not_satisfiable``).
    """
    if header is None:
        return None
    match = _RANGE.fullmatch(header.strip())
    if match is None:
        raise _unsatisfiable(size)
    first, last = match.group(1), match.group(2)
    if first == "" and last == "":
        raise _unsatisfiable(size)
    if first == "":
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise _unsatisfiable(size)
        return max(0, size - suffix), size - 1
    start = int(first)
    end = size - 1 if last == "" else min(int(last), size - 1)
    if start >= size or (last != "" and int(last) < start):
        raise _unsatisfiable(size)
    return start, end
