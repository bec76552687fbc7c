"""Key generation and key files.

Public API (others call these exact names):

* ``generate_signing_key() -> Ed25519PrivateKey`` - author / attempt / server keys.
* ``generate_results_key() -> X25519PrivateKey`` - institution results key.
* ``save_private_key(key, path, passphrase=None)`` - PKCS#8 PEM, created with mode
  0600 atomically (temp file in the same directory + ``os.replace``); encrypted
  with ``BestAvailableEncryption`` when a passphrase is given.
* ``load_private_key(path, passphrase=None)`` - a missing or wrong passphrase
  raises :class:`InputError` (codes ``passphrase_required`` / ``bad_passphrase``).
* ``save_public_key(key, path)`` / ``load_public_key(path)`` - SubjectPublicKeyInfo PEM.
* ``raw_public_bytes(pub) -> bytes`` - the raw 32 bytes of an Ed25519/X25519 public key.
* ``key_id(pub) -> str`` - hex SHA-256 of the raw public bytes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from .errors import InputError

PrivateKey = Ed25519PrivateKey | X25519PrivateKey
PublicKey = Ed25519PublicKey | X25519PublicKey

__all__ = [
    "PrivateKey",
    "PublicKey",
    "atomic_write",
    "fsync_dir",
    "generate_results_key",
    "generate_signing_key",
    "key_id",
    "load_private_key",
    "load_public_key",
    "raw_public_bytes",
    "save_private_key",
    "save_public_key",
]


def generate_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def generate_results_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (POSIX: fsync the directory)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically with file mode ``mode``.

    temp file in the same directory + fsync + rename + fsync of the directory,
    so after a crash or power loss the file is either the old or the new one.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def save_private_key(key: PrivateKey, path: Path, passphrase: bytes | None = None) -> None:
    if passphrase is not None and not passphrase:
        raise InputError("the passphrase must not be empty")
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    atomic_write(Path(path), pem, 0o600)


def _read(path: Path, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {what} file {path}: {exc.strerror or exc}") from exc


def load_private_key(path: Path, passphrase: bytes | None = None) -> PrivateKey:
    data = _read(path, "private key")
    encrypted = b"ENCRYPTED PRIVATE KEY" in data
    if encrypted and not passphrase:
        raise InputError(
            f"private key file {path} is protected by a passphrase; none was given",
            code="passphrase_required",
        )
    try:
        key = serialization.load_pem_private_key(data, password=passphrase if encrypted else None)
    except (ValueError, TypeError) as exc:
        if encrypted:
            raise InputError(
                f"wrong passphrase for private key file {path}", code="bad_passphrase"
            ) from exc
        raise InputError(f"{path} is not a PEM private key") from exc
    if not isinstance(key, Ed25519PrivateKey | X25519PrivateKey):
        raise InputError(f"{path}: only Ed25519 and X25519 keys are supported")
    return key


def save_public_key(key: PublicKey, path: Path) -> None:
    pem = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    atomic_write(Path(path), pem, 0o644)


def load_public_key(path: Path) -> PublicKey:
    data = _read(path, "public key")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise InputError(f"{path} is not a PEM public key") from exc
    if not isinstance(key, Ed25519PublicKey | X25519PublicKey):
        raise InputError(f"{path}: only Ed25519 and X25519 keys are supported")
    return key


def raw_public_bytes(pub: PublicKey) -> bytes:
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(pub: PublicKey) -> str:
    return hashlib.sha256(raw_public_bytes(pub)).hexdigest()
