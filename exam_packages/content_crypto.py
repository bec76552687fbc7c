"""Streaming chunked AES-256-GCM (format ``AES-256-GCM-STREAM-64K``).

Layout of an encrypted file (see docs/package-format.md, "Content encryption")::

    b"EMT1" || file_nonce (12 random bytes) || chunk_0 || ... || chunk_n

Chunk *i* is ``AES-256-GCM(file_key, nonce_i, plaintext_i, aad=path)`` where
``plaintext_i`` is 64 KiB (the last one 0..64 KiB; an empty file is one empty
final chunk), ``nonce_i = i as 11 bytes big-endian || last-flag (1 byte: 1 on
the final chunk, else 0)`` and ``file_key = HKDF-SHA256(content_key, salt=file_nonce,
info=b"emtihan-file-v1|" + path)``. ``path`` is the zip entry name of the
encrypted file (e.g. ``media/diagram.png.enc``). Truncation, reordering,
appended data or any flipped bit fails with :class:`DecryptionError`.

API: ``encrypt_stream(src, dst, key, path) -> int`` (bytes written),
``decrypt_stream(src, dst, key, path) -> int`` (plaintext bytes written; on
error, what was written so far must be discarded by the caller),
``encrypt_bytes``, ``decrypt_bytes``, ``content_key_id(key)``,
``generate_content_key()``, ``save_content_key(key, path)`` (hex + newline,
mode 0600), ``load_content_key(path)``.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import DecryptionError, InputError
from .keys import atomic_write

__all__ = [
    "ALG",
    "CHUNK_SIZE",
    "HEADER_SIZE",
    "MAGIC",
    "content_key_id",
    "decrypt_bytes",
    "decrypt_stream",
    "encrypt_bytes",
    "encrypt_stream",
    "generate_content_key",
    "load_content_key",
    "save_content_key",
]

ALG = "AES-256-GCM-STREAM-64K"
MAGIC = b"EMT1"
NONCE_SIZE = 12
HEADER_SIZE = len(MAGIC) + NONCE_SIZE
CHUNK_SIZE = 65536
TAG_SIZE = 16
KEY_SIZE = 32


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


def generate_content_key() -> bytes:
    return os.urandom(KEY_SIZE)


def content_key_id(key: bytes) -> str:
    """First 16 hex chars of SHA-256 of the content key (as in the manifest)."""
    return hashlib.sha256(key).hexdigest()[:16]


def _file_key(key: bytes, file_nonce: bytes, path: str) -> AESGCM:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_SIZE:
        raise DecryptionError("the content key must be exactly 32 bytes")
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_SIZE,
        salt=file_nonce,
        info=b"emtihan-file-v1|" + path.encode("utf-8"),
    )
    return AESGCM(hkdf.derive(bytes(key)))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _read_exact(src: BinaryIO, size: int) -> bytes:
    parts: list[bytes] = []
    while size > 0:
        data = src.read(size)
        if not data:
            break
        parts.append(data)
        size -= len(data)
    return b"".join(parts)


def _blocks(src: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """Yield ``(block, is_last)``; always at least one (possibly empty) block."""
    current = _read_exact(src, size)
    while True:
        following = _read_exact(src, size) if len(current) == size else b""
        last = not following
        yield current, last
        if last:
            return
        current = following


def encrypt_stream(src: BinaryIO, dst: Writable, key: bytes, path: str) -> int:
    file_nonce = os.urandom(NONCE_SIZE)
    aead = _file_key(key, file_nonce, path)
    aad = path.encode("utf-8")
    dst.write(MAGIC + file_nonce)
    written = HEADER_SIZE
    for index, (block, last) in enumerate(_blocks(src, CHUNK_SIZE)):
        sealed = aead.encrypt(_nonce(index, last), block, aad)
        dst.write(sealed)
        written += len(sealed)
    return written


def decrypt_stream(src: BinaryIO, dst: Writable, key: bytes, path: str) -> int:
    header = _read_exact(src, HEADER_SIZE)
    if len(header) != HEADER_SIZE or header[: len(MAGIC)] != MAGIC:
        raise DecryptionError(f"{path}: not an encrypted Emtihan file (bad header)")
    aead = _file_key(key, header[len(MAGIC) :], path)
    aad = path.encode("utf-8")
    written = 0
    for index, (block, last) in enumerate(_blocks(src, CHUNK_SIZE + TAG_SIZE)):
        try:
            plain = aead.decrypt(_nonce(index, last), block, aad)
        except (InvalidTag, ValueError) as exc:
            raise DecryptionError(
                f"{path}: decryption failed at chunk {index} "
                "(wrong content key, or the file was altered or truncated)"
            ) from exc
        dst.write(plain)
        written += len(plain)
    return written


def encrypt_bytes(data: bytes, key: bytes, path: str) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, key, path)
    return out.getvalue()


def decrypt_bytes(data: bytes, key: bytes, path: str) -> bytes:
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(data), out, key, path)
    return out.getvalue()


def save_content_key(key: bytes, path: Path) -> None:
    if len(key) != KEY_SIZE:
        raise InputError("a content key is exactly 32 bytes")
    atomic_write(Path(path), key.hex().encode("ascii") + b"\n", 0o600)


def load_content_key(path: Path) -> bytes:
    try:
        text = Path(path).read_text("ascii").strip()
        key = bytes.fromhex(text)
    except OSError as exc:
        raise InputError(f"cannot read content key file {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path} is not a content key file (64 hex characters)") from exc
    if len(key) != KEY_SIZE:
        raise InputError(f"{path} is not a content key file (64 hex characters)")
    return key


class HashingWriter:
    """A write-only sink that hashes and counts what passes through to ``dst``."""

    def __init__(self, dst: BinaryIO | None = None) -> None:
        self.dst = dst
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        if self.dst is not None:
            self.dst.write(data)
        return len(data)
