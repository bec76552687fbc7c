"""Result envelope: seal to the institution key, sign with the attempt key."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exam_packages.canonical import canonical_bytes
from exam_packages.envelope import (
    MAGIC,
    SIG_CONTEXT,
    open_result,
    read_result_header,
    seal_result,
    seal_result_to,
    verify_result_signature,
)
from exam_packages.errors import (
    DecryptionError,
    IntegrityError,
    MalformedPackageError,
    SignatureError,
    VerificationError,
)
from exam_packages.keys import generate_results_key, generate_signing_key, raw_public_bytes

INSTITUTION = generate_results_key()
ATTEMPT = generate_signing_key()
ATTEMPT_RAW = raw_public_bytes(ATTEMPT.public_key())
META = {"attempt_id": "att-42", "exam_id": "phys-101-final", "version": 3}
PAYLOAD = os.urandom(150_000)


def _split(blob: bytes) -> tuple[bytes, bytes, bytes]:
    size = int.from_bytes(blob[len(MAGIC):len(MAGIC) + 4], "big")
    start = len(MAGIC) + 4
    return blob[start:start + size], blob[start + size:start + size + 64], blob[start + size + 64:]


def _assemble(header: bytes, signature: bytes, ciphertext: bytes) -> bytes:
    return MAGIC + len(header).to_bytes(4, "big") + header + signature + ciphertext


@pytest.fixture(scope="module")
def blob() -> bytes:
    return seal_result(PAYLOAD, META, INSTITUTION.public_key(), ATTEMPT)


def test_round_trip(blob: bytes) -> None:
    verify_result_signature(blob, expected_attempt_public=ATTEMPT_RAW)
    opened = open_result(blob, INSTITUTION, expected_attempt_public=ATTEMPT_RAW)
    assert opened.payload == PAYLOAD
    assert opened.meta == META
    assert opened.attempt_public_key == ATTEMPT_RAW
    assert opened.sha256 == hashlib.sha256(blob).hexdigest()
    assert read_result_header(blob)["ciphertext_size"] == len(_split(blob)[2])


def test_stream_round_trip_empty_payload() -> None:
    out = io.BytesIO()
    seal_result_to(io.BytesIO(b""), {}, INSTITUTION.public_key(), ATTEMPT, out)
    out.seek(0)
    assert open_result(out, INSTITUTION).payload == b""


def test_wrong_institution_key(blob: bytes) -> None:
    with pytest.raises(DecryptionError, match="sealed to a different institution key"):
        open_result(blob, generate_results_key())


def test_tampered_ciphertext(blob: bytes) -> None:
    tampered = bytearray(blob)
    tampered[-100] ^= 0x01
    with pytest.raises(IntegrityError, match="ciphertext does not match its signed hash"):
        verify_result_signature(bytes(tampered))
    with pytest.raises(DecryptionError, match="emtihan-result: decryption failed at chunk 2"):
        open_result(bytes(tampered), INSTITUTION)


def test_tampered_header(blob: bytes) -> None:
    header, signature, ciphertext = _split(blob)
    altered = header.replace(b'"att-42"', b'"att-43"')
    assert altered != header
    with pytest.raises(SignatureError, match="signature is invalid"):
        open_result(_assemble(altered, signature, ciphertext), INSTITUTION)
    with pytest.raises(SignatureError, match="signature is invalid"):
        verify_result_signature(_assemble(altered, signature, ciphertext))


def test_swapped_attempt_key(blob: bytes) -> None:
    """Someone re-signs a captured result with their own attempt key."""
    header, _, ciphertext = _split(blob)
    other = generate_signing_key()
    fields = json.loads(header)
    fields["attempt_public_key"] = base64.b64encode(
        raw_public_bytes(other.public_key())).decode()
    new_header = canonical_bytes(fields)
    forged = _assemble(new_header, other.sign(SIG_CONTEXT + new_header), ciphertext)
    with pytest.raises(SignatureError, match="different attempt key than registered"):
        verify_result_signature(forged, expected_attempt_public=ATTEMPT_RAW)
    with pytest.raises(SignatureError, match="different attempt key than registered"):
        open_result(forged, INSTITUTION, expected_attempt_public=ATTEMPT_RAW)
    # even without the expectation the attempt key is bound into the payload key
    with pytest.raises(DecryptionError, match="decryption failed at chunk 0"):
        open_result(forged, INSTITUTION)


def test_not_an_envelope() -> None:
    with pytest.raises(MalformedPackageError, match="bad magic"):
        verify_result_signature(b"PK\x03\x04 definitely a zip")


SMALL_BLOB = seal_result(b"answers " * 300, META, INSTITUTION.public_key(), ATTEMPT)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["flip", "insert", "delete", "truncate"]), data=st.data())
def test_any_mutation_of_an_envelope_is_refused(kind: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(SMALL_BLOB) - 1))
    if kind == "flip":
        mask = data.draw(st.integers(1, 255))
        mutated = SMALL_BLOB[:pos] + bytes([SMALL_BLOB[pos] ^ mask]) + SMALL_BLOB[pos + 1:]
    elif kind == "insert":
        mutated = SMALL_BLOB[:pos] + bytes([data.draw(st.integers(0, 255))]) + SMALL_BLOB[pos:]
    elif kind == "delete":
        mutated = SMALL_BLOB[:pos] + SMALL_BLOB[pos + 1:]
    else:
        mutated = SMALL_BLOB[:pos]
    with pytest.raises(VerificationError):
        open_result(mutated, INSTITUTION, expected_attempt_public=ATTEMPT_RAW)
    with pytest.raises(VerificationError):
        verify_result_signature(mutated, expected_attempt_public=ATTEMPT_RAW)
