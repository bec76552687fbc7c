"""Streaming chunked AES-256-GCM: round trips and every kind of tampering."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from exam_packages.content_crypto import (
    CHUNK_SIZE,
    HEADER_SIZE,
    TAG_SIZE,
    content_key_id,
    decrypt_bytes,
    decrypt_stream,
    encrypt_bytes,
    generate_content_key,
    load_content_key,
    save_content_key,
)
from exam_packages.errors import DecryptionError, InputError

KEY = bytes(range(32))
PATH = "media/diagram.png.enc"
SEALED = CHUNK_SIZE + TAG_SIZE


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE])
def test_round_trip_sizes(size: int) -> None:
    data = os.urandom(size)
    sealed = encrypt_bytes(data, KEY, PATH)
    chunks = max(1, -(-size // CHUNK_SIZE))  # an exact multiple has no extra empty chunk
    assert len(sealed) == HEADER_SIZE + size + chunks * TAG_SIZE
    assert decrypt_bytes(sealed, KEY, PATH) == data


def test_stream_round_trip_writes_plaintext_progressively() -> None:
    data = os.urandom(2 * CHUNK_SIZE + 10)
    out = io.BytesIO()
    assert decrypt_stream(io.BytesIO(encrypt_bytes(data, KEY, PATH)), out, KEY, PATH) == len(data)
    assert out.getvalue() == data


def test_wrong_key() -> None:
    sealed = encrypt_bytes(b"secret", KEY, PATH)
    with pytest.raises(DecryptionError, match="decryption failed at chunk 0"):
        decrypt_bytes(sealed, b"\x01" * 32, PATH)


def test_wrong_path_is_associated_data() -> None:
    sealed = encrypt_bytes(b"secret", KEY, PATH)
    with pytest.raises(DecryptionError, match="media/other.png.enc: decryption failed"):
        decrypt_bytes(sealed, KEY, "media/other.png.enc")


def test_bit_flip() -> None:
    sealed = bytearray(encrypt_bytes(os.urandom(CHUNK_SIZE * 2), KEY, PATH))
    sealed[HEADER_SIZE + SEALED + 5] ^= 0x01
    with pytest.raises(DecryptionError, match="decryption failed at chunk 1"):
        decrypt_bytes(bytes(sealed), KEY, PATH)


def test_truncation_at_chunk_boundary() -> None:
    sealed = encrypt_bytes(os.urandom(CHUNK_SIZE * 2 + 7), KEY, PATH)
    with pytest.raises(DecryptionError, match="decryption failed at chunk 1"):
        decrypt_bytes(sealed[: HEADER_SIZE + 2 * SEALED], KEY, PATH)


def test_reordered_chunks() -> None:
    sealed = encrypt_bytes(os.urandom(CHUNK_SIZE * 3), KEY, PATH)
    body = sealed[HEADER_SIZE:]
    swapped = sealed[:HEADER_SIZE] + body[SEALED:2 * SEALED] + body[:SEALED] + body[2 * SEALED:]
    with pytest.raises(DecryptionError, match="decryption failed at chunk 0"):
        decrypt_bytes(swapped, KEY, PATH)


def test_appended_chunk() -> None:
    sealed = encrypt_bytes(os.urandom(CHUNK_SIZE), KEY, PATH)
    with pytest.raises(DecryptionError, match="decryption failed at chunk"):
        decrypt_bytes(sealed + sealed[HEADER_SIZE:], KEY, PATH)


def test_bad_header() -> None:
    with pytest.raises(DecryptionError, match="bad header"):
        decrypt_bytes(b"NOPE" + bytes(40), KEY, PATH)


def test_content_key_file_round_trip_and_mode(tmp_path: Path) -> None:
    key = generate_content_key()
    save_content_key(key, tmp_path / "exam.emtihan.key")
    assert (tmp_path / "exam.emtihan.key").stat().st_mode & 0o777 == 0o600
    assert load_content_key(tmp_path / "exam.emtihan.key") == key
    assert len(content_key_id(key)) == 16


def test_bad_content_key_file(tmp_path: Path) -> None:
    (tmp_path / "bad.key").write_text("zz" * 32)
    with pytest.raises(InputError, match="is not a content key file"):
        load_content_key(tmp_path / "bad.key")
