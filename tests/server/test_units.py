"""Small pure pieces: Range parsing, access-code hashes, tus metadata, ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exam_packages.errors import ApiError, VerificationError
from server_stub import ids, security
from server_stub.ranges import parse_range
from server_stub.tus import parse_metadata
from server_stub.uploads import parse_flags


@given(size=st.integers(0, 10_000), header=st.text(max_size=30) | st.from_regex(
    r"bytes=[0-9]{0,5}-[0-9]{0,5}", fullmatch=True))
def test_parse_range_in_bounds_or_416(size: int, header: str) -> None:
    try:
        span = parse_range(header, size)
    except ApiError as exc:
        assert exc.status == 416 and exc.code == "range_not_satisfiable"
        return
    assert span is not None
    start, end = span
    assert 0 <= start <= end < size


def test_no_range_header() -> None:
    assert parse_range(None, 10) is None


def test_access_code_hash_roundtrip_and_mismatch() -> None:
    stored = security.hash_access_code("Қ7-код", n=2**10)
    assert "Қ7-код" not in stored and stored.startswith("scrypt$1024$")
    assert security.verify_access_code("Қ7-код", stored) is None
    with pytest.raises(VerificationError, match="wrong access code"):
        security.verify_access_code("other", stored)
    with pytest.raises(VerificationError, match="wrong access code"):
        security.verify_access_code("x", "scrypt$99999999999$AA==$AA==")


def test_two_hashes_of_one_code_differ() -> None:
    assert security.hash_access_code("a", n=2**10) != security.hash_access_code("a", n=2**10)


def test_tus_metadata_parsing() -> None:
    assert parse_metadata("attempt_id YXR0XzE=,empty") == {"attempt_id": "att_1", "empty": ""}
    with pytest.raises(ApiError, match="not base64") as err:
        parse_metadata("sha256 !!!")
    assert err.value.code == "bad_metadata"


@pytest.mark.parametrize("flags", ['{"high": -1}', '{"High": 1}', '{"a": true}', "[]", "{"])
def test_bad_flags(flags: str) -> None:
    with pytest.raises(ApiError, match="flags must be JSON") as err:
        parse_flags(flags)
    assert err.value.status == 400


@pytest.mark.parametrize("value", ["../x", "A", "a/b", "", "a..b", ".hidden"])
def test_ids_refuse_path_like(value: str) -> None:
    with pytest.raises(ApiError, match="invalid format") as err:
        ids.check_id("exam_id", value)
    assert err.value.code == "invalid_id"
