"""Pinned author keys.

``TrustStore`` maps key ids (hex SHA-256 of the raw Ed25519 public key) to
pinned author public keys.

* ``TrustStore.from_keys([pub, ...] | [(name, pub), ...])``
* ``TrustStore.load(path)`` - JSON ``{"authors": [{"name": str, "public_key": b64 raw 32 bytes}]}``;
  a malformed, oversized (> 1 MiB) or too deeply nested file raises :class:`InputError`.
* ``store.save(path)``, ``store.add(name, pub)``
* ``store.get(key_id) -> Ed25519PublicKey`` raising :class:`UntrustedSignerError`.
* ``store.name_of(key_id) -> str``
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from . import safejson
from .canonical import canonical_bytes
from .errors import InputError, UntrustedSignerError
from .keys import atomic_write, key_id, raw_public_bytes

__all__ = ["TrustStore"]

MAX_TRUST_FILE = 1 << 20


class TrustStore:
    def __init__(self) -> None:
        self._keys: dict[str, tuple[str, Ed25519PublicKey]] = {}

    @classmethod
    def from_keys(
        cls, keys: Iterable[Ed25519PublicKey | tuple[str, Ed25519PublicKey]]
    ) -> TrustStore:
        store = cls()
        for item in keys:
            name, pub = item if isinstance(item, tuple) else ("", item)
            store.add(name, pub)
        return store

    def add(self, name: str, pub: Ed25519PublicKey) -> str:
        if not isinstance(pub, Ed25519PublicKey):
            raise InputError("trusted author keys must be Ed25519 public keys")
        kid = key_id(pub)
        self._keys[kid] = (name, pub)
        return kid

    def get(self, kid: str) -> Ed25519PublicKey:
        entry = self._keys.get(kid) if isinstance(kid, str) else None
        if entry is None:
            shown = kid[:16] if isinstance(kid, str) else repr(kid)
            raise UntrustedSignerError(
                f"package signed by an unknown author key ({shown}...); it is not in the trust file"
            )
        return entry[1]

    def name_of(self, kid: str) -> str:
        return self._keys[kid][0] if kid in self._keys else ""

    def key_ids(self) -> list[str]:
        return sorted(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    @classmethod
    def load(cls, path: Path) -> TrustStore:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read trust file {path}: {exc.strerror or exc}") from exc
        if len(raw) > MAX_TRUST_FILE:
            raise InputError(f"trust file {path} is larger than {MAX_TRUST_FILE} bytes")
        data = safejson.loads(raw, f"trust file {path}", error=InputError, max_depth=4)
        authors = data.get("authors") if isinstance(data, dict) else None
        if not isinstance(authors, list):
            raise InputError(f"trust file {path}: expected {{\"authors\": [...]}}")
        store = cls()
        for index, entry in enumerate(authors):
            store.add(*_parse_author(entry, f"{path}: authors[{index}]"))
        return store

    def save(self, path: Path) -> None:
        authors = [
            {"name": name, "public_key": base64.b64encode(raw_public_bytes(pub)).decode()}
            for name, pub in (self._keys[k] for k in sorted(self._keys))
        ]
        atomic_write(Path(path), canonical_bytes({"authors": authors}) + b"\n")


def _parse_author(entry: Any, where: str) -> tuple[str, Ed25519PublicKey]:
    if not isinstance(entry, dict) or not isinstance(entry.get("public_key"), str):
        raise InputError(f"{where}: expected {{\"name\": ..., \"public_key\": base64}}")
    name = entry.get("name", "")
    if not isinstance(name, str):
        raise InputError(f"{where}.name: expected a string")
    try:
        raw = base64.b64decode(entry["public_key"], validate=True)
        return name, Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise InputError(f"{where}.public_key: not a base64 raw 32-byte Ed25519 key") from exc
