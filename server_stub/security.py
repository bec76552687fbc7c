"""Secrets: access-code hashes (scrypt), bearer tokens, the server's Ed25519 key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from exam_packages.errors import InputError, VerificationError

# scrypt cost: n=2**14, r=8, p=1 (16 MiB, ~30-60 ms). Tests may lower it.
SCRYPT_N = 2**14


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, *, length: int | None = None, what: str = "value") -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise InputError(f"{what} is not valid base64") from exc
    if length is not None and len(raw) != length:
        raise InputError(f"{what} must be {length} bytes")
    return raw


def hash_access_code(code: str, *, n: int | None = None) -> str:
    """``scrypt$n$salt_b64$hash_b64`` with a fresh 16-byte salt."""
    cost = n or SCRYPT_N
    salt = os.urandom(16)
    digest = hashlib.scrypt(code.encode("utf-8"), salt=salt, n=cost, r=8, p=1, dklen=32)
    return f"scrypt${cost}${b64(salt)}${b64(digest)}"


def verify_access_code(code: str, stored: str) -> None:
    """Constant-time check of ``code`` against a stored scrypt hash; raises on mismatch."""
    wrong = VerificationError("wrong access code", code="bad_credentials")
    try:
        scheme, cost, salt_b64, hash_b64 = stored.split("$")
        salt, expected = unb64(salt_b64), unb64(hash_b64)
        n = int(cost)
    except (ValueError, InputError):
        raise wrong from None
    if scheme != "scrypt" or not 2 <= n <= 2**20:
        raise wrong
    digest = hashlib.scrypt(code.encode("utf-8"), salt=salt, n=n, r=8, p=1, dklen=32,
                            maxmem=64 * 1024 * 1024)
    if not hmac.compare_digest(digest, expected):
        raise wrong


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Tokens are 256-bit random, so a plain SHA-256 is a safe storage hash and lookup key."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ServerKey:
    """The Ed25519 key that signs receipts; stored PKCS#8 PEM with mode 0600."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public_raw = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.key_id = hashlib.sha256(self.public_raw).hexdigest()

    @classmethod
    def create(cls, path: Path) -> ServerKey:
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        return cls(private)

    @classmethod
    def load(cls, path: Path) -> ServerKey:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(private, Ed25519PrivateKey):
            raise InputError(f"{path} is not an Ed25519 private key")
        return cls(private)

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)

    def public_key(self) -> Ed25519PublicKey:
        return self._private.public_key()
