"""Key sources for tests only: an in-memory keyring back-end and a fixed key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from keyring.errors import PasswordDeleteError


class MemoryKeyring:
    """A keyring back-end kept in a dict (stands in for Secret Service in tests).

    Deliberately not a ``keyring.backend.KeyringBackend`` subclass: those register
    themselves, and keyring would then pick this one as the process's default."""

    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


class StaticKeys:
    """One fixed key for every folder (used across a subprocess boundary)."""

    name = "static"

    def __init__(self, key: bytes) -> None:
        self.key = key

    def on_sign_in(self, server: Any, exam_id: str, folder: Path) -> None:
        return None

    def key_for(self, folder: Path, *, create: bool) -> bytes:
        return self.key

    def forget(self, folder: Path) -> None:
        return None
