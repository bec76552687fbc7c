"""Make analyser/verifier output safe for canonical JSON (no floats, string keys)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any


def json_safe(value: Any) -> Any:
    """Floats become decimal strings (4 places, trailing zeros kept off), tuples lists,
    numpy scalars their Python value, anything else unknown its ``str``."""
    if hasattr(value, "item") and not isinstance(value, list | dict | str | bytes):
        try:
            value = value.item()
        except (TypeError, ValueError):
            value = str(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return format(Decimal(str(round(value, 4))).normalize(), "f")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [json_safe(v) for v in value]
    if hasattr(value, "to_dict"):
        return json_safe(value.to_dict())
    return str(value)
