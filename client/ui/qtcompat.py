"""Work-arounds for bugs of the installed PySide6.

PySide6 6.12.0 on CPython 3.11: ``SignalInstance.emit(arg, ...)`` (with at
least one argument) returns ``True`` without taking a reference for it, so
every emit lowers the reference count of ``True`` by one.  After enough emits
(or at interpreter exit) CPython aborts with "bool_dealloc: deallocating True
or False".  :func:`emit` measures the leak once at import and gives back the
missing references; on a fixed PySide (or a CPython with immortal ``True``)
the measured leak is 0 and :func:`emit` is a plain ``emit``.  Every signal the
UI emits from Python goes through :func:`emit`.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    sig = Signal(object)


def _measure_leak(rounds: int = 64) -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.sig.emit(None)
    lost = before - sys.getrefcount(True)
    _give_back(True, lost)  # repair what the probe itself took
    return round(lost / rounds) if lost > 0 else 0


def _give_back(obj: object, count: int) -> None:
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


LEAK_PER_EMIT = _measure_leak()


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)`` without PySide 6.12's reference leak on ``True``."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if LEAK_PER_EMIT and args and isinstance(result, bool):
        _give_back(result, LEAK_PER_EMIT)
