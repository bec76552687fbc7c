"""Refuse short-answer regexes that could backtrack catastrophically.

Patterns are compiled at authoring time; a pattern with a repeated group that
itself contains an unbounded repeat (``(a+)+``, ``(\\w*)*``, ``(a|aa)+``) is
refused, because matching a student's answer against it can take exponential
time. Back-references and look-arounds are refused too: short answers never
need them. At most three unbounded repeats are allowed in a pattern, and the
grader caps short answers at 200 characters, so the polynomial worst case of
patterns like ``.*a.*b.*c`` stays small.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]
from typing import Any

from .errors import InputError

_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT}
_FORBIDDEN = {sre_parse.GROUPREF, sre_parse.GROUPREF_EXISTS, sre_parse.ASSERT,
              sre_parse.ASSERT_NOT}
_UNBOUNDED = sre_parse.MAXREPEAT
MAX_UNBOUNDED_REPEATS = 3


def _subpatterns(op: Any, av: Any) -> list[Any]:
    if op in _REPEATS:
        return [av[2]]
    if op == sre_parse.SUBPATTERN:
        return [av[3]]
    if op == sre_parse.BRANCH:
        return list(av[1])
    if op == sre_parse.ATOMIC_GROUP:
        return [av]
    return []


def _has_repeat(seq: Any) -> bool:
    for op, av in seq:
        if op in _REPEATS and av[1] > 1:
            return True
        if op == sre_parse.BRANCH and len(av[1]) > 1:
            return True  # alternation inside a repeat can overlap
        if any(_has_repeat(sub) for sub in _subpatterns(op, av)):
            return True
    return False


def _count_unbounded(seq: Any) -> int:
    count = 0
    for op, av in seq:
        if op in _REPEATS and av[1] == _UNBOUNDED:
            count += 1
        count += sum(_count_unbounded(sub) for sub in _subpatterns(op, av))
    return count


def _walk(seq: Any, where: str) -> None:
    for op, av in seq:
        if op in _FORBIDDEN:
            raise InputError(f"{where}.pattern: back-references and look-arounds are not allowed")
        if op in _REPEATS and av[1] == _UNBOUNDED and _has_repeat(av[2]):
            raise InputError(f"{where}.pattern: nested repetition like (a+)+ can make "
                             "matching take forever; rewrite the pattern")
        for sub in _subpatterns(op, av):
            _walk(sub, where)


def check_pattern(pattern: str, where: str) -> None:
    """Compile ``pattern`` and refuse it if it is invalid or risky."""
    try:
        re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        raise InputError(f"{where}.pattern: invalid regular expression: {exc}") from exc
    _walk(parsed, where)
    if _count_unbounded(parsed) > MAX_UNBOUNDED_REPEATS:
        raise InputError(f"{where}.pattern: more than {MAX_UNBOUNDED_REPEATS} unbounded "
                         "repeats (*, +, {n,}) make matching slow; simplify the pattern")
