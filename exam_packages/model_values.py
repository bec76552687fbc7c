"""Numbers of the questions document: exact decimals and Moodle's grades."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import InputError
from .moodle_rules import ALLOWED_FRACTIONS

DECIMAL_RE = re.compile(r"-?\d+(\.\d+)?")


def parse_decimal(value: Any, where: str) -> Decimal:
    """Read an integer or a decimal string like ``"9.81"`` (floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InputError(f"{where}: expected an integer or a decimal string, got {value!r}")
    if isinstance(value, str) and not DECIMAL_RE.fullmatch(value):
        raise InputError(f"{where}: not a decimal number like \"9.81\": {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards
        raise InputError(f"{where}: not a decimal number: {value!r}") from exc


def moodle_fraction(where: str, value: Any, low: int = -1) -> Decimal:
    """A Moodle grade: a decimal string in Moodle's list of allowed grades."""
    fraction = parse_decimal(value, where)
    if fraction not in ALLOWED_FRACTIONS or fraction < low:
        raise InputError(f"{where}: {value!r} is not one of Moodle's grades (1, 0.9, 0.8333333, "
                         "0.8, 0.75, 0.7, 0.6666667, ... 0.05, 0 and their negatives)")
    return fraction


def gap_fraction(where: str, value: Any) -> Decimal:
    """A MULTIRESPONSE gap's grade: Moodle scales the positive grades to add up to 1 and
    stores them to 7 decimals, so any such value in [-1, 1] is allowed there."""
    fraction = parse_decimal(value, where)
    if not -1 <= fraction <= 1 or fraction != round(fraction, 7):
        raise InputError(f"{where}: {value!r} is not a grade between -1 and 1 with at most "
                         "7 decimals")
    return fraction
