"""safejson: a depth bound before parsing, typed errors only (never RecursionError)."""

from __future__ import annotations

import pytest

from exam_packages import safejson
from exam_packages.canonical import canonical_bytes
from exam_packages.errors import InputError, LocalStateError, MalformedPackageError


@pytest.mark.parametrize(("raw", "depth"), [
    (b"1", 0), (b"[]", 1), (b'{"a":[{"b":[]}]}', 4), (b'["[[[[", "}}"]', 1),
    (b'["\\"[[[", {"k\\\\":[]}]', 3), ("[[\u0434]]", 2),
])
def test_depth_skips_strings(raw: bytes | str, depth: int) -> None:
    assert safejson.json_depth(raw) == depth


def test_too_deep_is_refused_before_parsing_with_the_callers_error() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(MalformedPackageError, match=r"x is nested too deeply \(100000 levels"):
        safejson.loads(deep, "x")
    with pytest.raises(LocalStateError, match="nested too deeply"):
        safejson.loads(deep.decode(), "x", error=LocalStateError)
    assert safejson.loads(b"[[1]]", "x", max_depth=2) == [[1]]
    with pytest.raises(InputError, match="nested too deeply"):
        safejson.loads(b"[[1]]", "x", max_depth=1, error=InputError)


def test_bad_bytes_and_bad_json_are_typed() -> None:
    with pytest.raises(MalformedPackageError, match="not valid UTF-8"):
        safejson.loads(b'"\xff"', "x")
    with pytest.raises(MalformedPackageError, match="not valid JSON"):
        safejson.loads(b"[1,", "x")


def test_canonical_encoder_refuses_lone_surrogates_and_deep_values() -> None:
    with pytest.raises(InputError, match="lone surrogate"):
        canonical_bytes({"note": "\ud800"})
    value: list = []
    for _ in range(2000):
        value = [value]
    with pytest.raises(InputError, match="nested more than 100 levels"):
        canonical_bytes(value)
