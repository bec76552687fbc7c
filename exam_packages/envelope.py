"""Result envelope: answers + event log + evidence sealed to the institution key.

Layout (all integers big-endian)::

    magic      8 bytes   b"EMTRES1\\n"
    hlen       4 bytes   length of the header (at most 1 MiB)
    header     hlen      canonical JSON, see below
    signature  64 bytes  Ed25519(attempt key, b"emtihan-result-v1\\x00" || header)
    ciphertext rest      content_crypto stream (b"EMT1" || file_nonce || 64 KiB chunks),
                         path/AAD "emtihan-result"

Header (canonical JSON)::

    {"version": 1, "alg": "X25519-HKDF-SHA256+AES-256-GCM-STREAM-64K",
     "attempt_public_key": b64 raw Ed25519, "recipient_key_id": hex sha256 of raw X25519,
     "ephemeral_public_key": b64 raw X25519, "meta": {...},
     "ciphertext_sha256": hex, "ciphertext_size": int}

Payload key: ``shared = X25519(ephemeral_private, recipient_public)``;
``key = HKDF-SHA256(shared, salt=ephemeral_public || recipient_public,
info=b"emtihan-result-v1|" || attempt_public_raw, length=32)``; the payload is
then encrypted with :func:`content_crypto.encrypt_stream` under ``key``.
Binding the attempt key into the KDF means a header re-signed with another
attempt key no longer decrypts.

(``cryptography`` 50 ships single-shot HPKE; it has no streaming/exporter API
and the project supports ``cryptography>=42``, so this explicit construction,
which is what HPKE's DHKEM(X25519, HKDF-SHA256) base mode does, is used.)

API:

* ``seal_result(payload, meta, recipient_public, attempt_key) -> bytes``
* ``seal_result_to(payload, meta, recipient_public, attempt_key, dst) -> None``
* ``verify_result_signature(blob, *, expected_attempt_public=None) -> None`` -
  no private key needed (the server uses it): signature + ciphertext hash/size.
* ``read_result_header(blob) -> dict`` - the header, NOT verified.
* ``open_result(blob, institution_private, *, expected_attempt_public=None) -> OpenedResult``
  with ``meta``, ``payload``, ``attempt_public_key`` (raw 32 bytes) and
  ``sha256`` (hex SHA-256 of the whole envelope, the value the server stores
  and names in its receipt).

``blob`` is ``bytes`` or a readable binary stream positioned at the envelope start.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import shutil
import tempfile
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .canonical import canonical_bytes
from .content_crypto import HashingWriter, decrypt_stream, encrypt_stream
from .errors import DecryptionError, IntegrityError, MalformedPackageError, SignatureError
from .keys import key_id, raw_public_bytes
from .manifest import parse_canonical_json

__all__ = [
    "OpenedResult",
    "open_result",
    "read_result_header",
    "seal_result",
    "seal_result_to",
    "verify_result_signature",
]

MAGIC = b"EMTRES1\n"
ALG = "X25519-HKDF-SHA256+AES-256-GCM-STREAM-64K"
SIG_CONTEXT = b"emtihan-result-v1\x00"
AAD_PATH = "emtihan-result"
MAX_HEADER = 1 << 20
_HEADER_KEYS = {"version", "alg", "attempt_public_key", "recipient_key_id",
                "ephemeral_public_key", "meta", "ciphertext_sha256", "ciphertext_size"}
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class OpenedResult:
    meta: dict[str, Any]
    payload: bytes
    attempt_public_key: bytes
    sha256: str


def _payload_key(shared: bytes, eph_raw: bytes, recipient_raw: bytes, attempt_raw: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=eph_raw + recipient_raw,
        info=b"emtihan-result-v1|" + attempt_raw,
    ).derive(shared)


def seal_result_to(
    payload: bytes | BinaryIO, meta: dict[str, Any], recipient_public: X25519PublicKey,
    attempt_key: Ed25519PrivateKey, dst: BinaryIO,
) -> None:
    canonical_bytes(meta)
    src = io.BytesIO(payload) if isinstance(payload, bytes | bytearray) else payload
    ephemeral = X25519PrivateKey.generate()
    eph_raw = raw_public_bytes(ephemeral.public_key())
    recipient_raw = raw_public_bytes(recipient_public)
    attempt_raw = raw_public_bytes(attempt_key.public_key())
    key = _payload_key(ephemeral.exchange(recipient_public), eph_raw, recipient_raw, attempt_raw)
    with tempfile.SpooledTemporaryFile(max_size=8 << 20) as spool:
        hashing = HashingWriter(spool)  # type: ignore[arg-type]
        encrypt_stream(src, hashing, key, AAD_PATH)
        header = canonical_bytes({
            "version": 1, "alg": ALG,
            "attempt_public_key": base64.b64encode(attempt_raw).decode("ascii"),
            "recipient_key_id": key_id(recipient_public),
            "ephemeral_public_key": base64.b64encode(eph_raw).decode("ascii"),
            "meta": meta,
            "ciphertext_sha256": hashing.digest.hexdigest(),
            "ciphertext_size": hashing.size,
        })
        dst.write(MAGIC + len(header).to_bytes(4, "big") + header)
        dst.write(attempt_key.sign(SIG_CONTEXT + header))
        spool.seek(0)
        shutil.copyfileobj(spool, dst, 1 << 20)


def seal_result(
    payload: bytes | BinaryIO, meta: dict[str, Any], recipient_public: X25519PublicKey,
    attempt_key: Ed25519PrivateKey,
) -> bytes:
    out = io.BytesIO()
    seal_result_to(payload, meta, recipient_public, attempt_key, out)
    return out.getvalue()


# -- reading ----------------------------------------------------------------------------


def _stream(blob: bytes | BinaryIO) -> BinaryIO:
    return io.BytesIO(blob) if isinstance(blob, bytes | bytearray) else blob


def _b64_32(value: Any, what: str) -> bytes:
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except binascii.Error:
        raw = b""
    if len(raw) != 32:
        raise MalformedPackageError(f"result envelope: {what} is not a base64 32-byte key")
    return raw


def _parse_header(raw: bytes) -> dict[str, Any]:
    header = parse_canonical_json(raw, "result envelope header")
    if not isinstance(header, dict) or set(header) != _HEADER_KEYS:
        raise MalformedPackageError("result envelope header: unexpected fields")
    if header["version"] != 1 or header["alg"] != ALG:
        raise MalformedPackageError("result envelope: unsupported version or algorithm")
    if not isinstance(header["meta"], dict) or type(header["ciphertext_size"]) is not int:
        raise MalformedPackageError("result envelope header: bad meta or ciphertext_size")
    for field in ("ciphertext_sha256", "recipient_key_id"):
        if not isinstance(header[field], str) or not _HEX64.fullmatch(header[field]):
            raise MalformedPackageError(f"result envelope header: bad {field}")
    _b64_32(header["attempt_public_key"], "attempt_public_key")
    _b64_32(header["ephemeral_public_key"], "ephemeral_public_key")
    return header


def _read_head(src: BinaryIO, outer: HashingWriter) -> tuple[dict[str, Any], bytes, bytes]:
    prefix = src.read(len(MAGIC) + 4)
    if len(prefix) != len(MAGIC) + 4 or prefix[: len(MAGIC)] != MAGIC:
        raise MalformedPackageError("not an Emtihan result envelope (bad magic)")
    size = int.from_bytes(prefix[len(MAGIC):], "big")
    if size > MAX_HEADER:
        raise MalformedPackageError("result envelope header is too large")
    raw = src.read(size)
    signature = src.read(64)
    if len(raw) != size or len(signature) != 64:
        raise MalformedPackageError("result envelope is truncated")
    outer.write(prefix + raw + signature)
    return _parse_header(raw), raw, signature


def read_result_header(blob: bytes | BinaryIO) -> dict[str, Any]:
    """The parsed header WITHOUT verifying anything (routing/display only)."""
    return _read_head(_stream(blob), HashingWriter())[0]


def _check_signature(
    header: dict[str, Any], raw: bytes, signature: bytes, expected: bytes | None
) -> bytes:
    attempt_raw = _b64_32(header["attempt_public_key"], "attempt_public_key")
    if expected is not None and attempt_raw != expected:
        raise SignatureError("the result is signed by a different attempt key than registered")
    try:
        Ed25519PublicKey.from_public_bytes(attempt_raw).verify(signature, SIG_CONTEXT + raw)
    except InvalidSignature as exc:
        raise SignatureError("the result envelope signature is invalid (header altered)") from exc
    return attempt_raw


def _check_ciphertext(header: dict[str, Any], inner: HashingWriter) -> None:
    if inner.size != header["ciphertext_size"] or (
        inner.digest.hexdigest() != header["ciphertext_sha256"]
    ):
        raise IntegrityError("the result ciphertext does not match its signed hash")


class _Tee:
    """Reads from ``src`` and feeds every byte read into the hashers."""

    def __init__(self, src: BinaryIO, *hashers: HashingWriter) -> None:
        self.src = src
        self.hashers = hashers

    def read(self, size: int = -1) -> bytes:
        data = self.src.read(size)
        for hasher in self.hashers:
            hasher.write(data)
        return data


def verify_result_signature(
    blob: bytes | BinaryIO, *, expected_attempt_public: bytes | None = None
) -> None:
    src = _stream(blob)
    header, raw, signature = _read_head(src, HashingWriter())
    _check_signature(header, raw, signature, expected_attempt_public)
    inner = HashingWriter()
    while chunk := src.read(1 << 20):
        inner.write(chunk)
    _check_ciphertext(header, inner)


def open_result(
    blob: bytes | BinaryIO, institution_private: X25519PrivateKey, *,
    expected_attempt_public: bytes | None = None,
) -> OpenedResult:
    src = _stream(blob)
    outer = HashingWriter()
    header, raw, signature = _read_head(src, outer)
    attempt_raw = _check_signature(header, raw, signature, expected_attempt_public)
    recipient = institution_private.public_key()
    if header["recipient_key_id"] != key_id(recipient):
        raise DecryptionError("this result is sealed to a different institution key")
    eph_raw = _b64_32(header["ephemeral_public_key"], "ephemeral_public_key")
    try:
        shared = institution_private.exchange(X25519PublicKey.from_public_bytes(eph_raw))
    except ValueError as exc:
        raise DecryptionError("the result envelope has an invalid ephemeral key") from exc
    key = _payload_key(shared, eph_raw, raw_public_bytes(recipient), attempt_raw)
    inner = HashingWriter()
    plain = io.BytesIO()
    decrypt_stream(_Tee(src, inner, outer), plain, key, AAD_PATH)  # type: ignore[arg-type]
    _check_ciphertext(header, inner)
    return OpenedResult(
        meta=header["meta"], payload=plain.getvalue(), attempt_public_key=attempt_raw,
        sha256=outer.digest.hexdigest(),
    )
