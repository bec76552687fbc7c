"""Property: any byte mutation of a valid package is refused with a VerificationError.

Never accepted, never another exception type. The container layout check makes
every byte of a package covered (entry data by the signed manifest, everything
else by the canonical layout), so even timestamp or comment bytes count.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exam_packages.errors import VerificationError
from exam_packages.package import BuildResult, open_package, verify_package
from exam_packages.pkg_testing import WINDOW_NOW, PackageKeys, build_sample

KEYS = PackageKeys.generate()
TRUST = KEYS.trust()


def _build(encrypt: bool) -> tuple[bytes, BuildResult]:
    with tempfile.TemporaryDirectory() as tmp:
        result = build_sample(Path(tmp), KEYS, encrypt=encrypt,
                              media={"a.png": b"\x89PNG" + bytes(300), "b.png": b"GIF89a" * 20})
        return result.path.read_bytes(), result


PLAIN, _ = _build(False)
ENCRYPTED, ENCRYPTED_RESULT = _build(True)


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
    pos = draw(st.integers(0, len(data) - 1))
    if kind == "flip":
        mask = draw(st.integers(1, 255))
        return data[:pos] + bytes([data[pos] ^ mask]) + data[pos + 1:]
    if kind == "insert":
        return data[:pos] + bytes([draw(st.integers(0, 255))]) + data[pos:]
    if kind == "delete":
        return data[:pos] + data[pos + 1:]
    return data[:pos]


def _must_refuse(data: bytes, content_key: bytes | None) -> None:
    with pytest.raises(VerificationError):
        verify_package(data, TRUST, now=WINDOW_NOW)
    with pytest.raises(VerificationError):
        open_package(data, TRUST, now=WINDOW_NOW, content_key=content_key)


def test_unmutated_packages_are_accepted() -> None:
    verify_package(PLAIN, TRUST, now=WINDOW_NOW)
    open_package(ENCRYPTED, TRUST, now=WINDOW_NOW, content_key=ENCRYPTED_RESULT.content_key)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated=mutations(PLAIN))
def test_mutated_plain_package_is_refused(mutated: bytes) -> None:
    _must_refuse(mutated, None)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated=mutations(ENCRYPTED))
def test_mutated_encrypted_package_is_refused(mutated: bytes) -> None:
    _must_refuse(mutated, ENCRYPTED_RESULT.content_key)


def test_every_single_byte_flip_is_refused() -> None:
    """Exhaustive companion to the random test: flip the low bit of each byte in turn."""
    refused_kinds: set[str] = set()
    for pos in range(len(PLAIN)):
        mutated = PLAIN[:pos] + bytes([PLAIN[pos] ^ 0x01]) + PLAIN[pos + 1:]
        with pytest.raises(VerificationError) as info:
            verify_package(mutated, TRUST, now=WINDOW_NOW)
        refused_kinds.add(type(info.value).__name__)
    assert {"IntegrityError", "MalformedPackageError"} <= refused_kinds
