"""Where the autosave key of an attempt lives: never beside the data in plain.

Two sources (docs/client.md, "Keys at rest"):

* :class:`KeyringKeys` — 32 random bytes per attempt folder in the OS keyring
  (``keyring``: Secret Service on Linux, Credential Manager on Windows, Keychain on
  macOS), under service ``emtihan-autosave`` and a name derived from the folder path.
  Works offline, so a crash resume needs no network.
* :class:`ServerSecretKeys` — when no real keyring is available (headless Linux,
  no Secret Service; ``keyring``'s fail/null/plaintext back-ends do not count):
  the key is HKDF-SHA256 of a 32-byte secret the server keeps for this exam and
  student and releases only to a signed-in student
  (``GET /v1/exams/{id}/local-secret``), salted with 16 random bytes stored in the
  folder (``key.salt``, useless without the secret). The key exists only in memory:
  after a crash the student signs in again (online) before the autosave opens.

:func:`default_keys` picks the keyring when one is usable, else the server secret.
``forget(folder)`` deletes the key (the local wipe after the receipt calls it).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from exam_packages.errors import LocalStateError
from exam_packages.keys import atomic_write

SERVICE = "emtihan-autosave"
SALT_NAME = "key.salt"
_NOT_A_KEYRING = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class KeyUnavailableError(LocalStateError):
    """The key of a saved attempt cannot be had right now (keyring locked or missing the
    entry, server secret not released yet). The files are fine: never set them aside."""

    code = "key_unavailable"


class KeySource(Protocol):
    name: str

    def on_sign_in(self, server: Any, exam_id: str, folder: Path) -> None:
        """Called after a successful sign-in (``server`` is a ``ServerClient``)."""

    def key_for(self, folder: Path, *, create: bool) -> bytes:
        """The 32-byte key of ``folder``; a new one if ``create`` and none exists yet;
        ``LocalStateError`` if there is none to be had."""

    def forget(self, folder: Path) -> None:
        """Delete the key of ``folder`` (no error if there is none)."""


def _account(folder: Path) -> str:
    return hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:32]


def usable_keyring() -> Any | None:
    """The OS keyring back-end, or None if keyring has only a fail/null/plaintext one."""
    try:
        import keyring
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring install means "no keyring"
        return None
    name = type(backend).__module__
    if getattr(backend, "priority", 0) <= 0 or name.startswith(_NOT_A_KEYRING):
        return None
    return backend


class KeyringKeys:
    name = "keyring"

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def on_sign_in(self, server: Any, exam_id: str, folder: Path) -> None:
        return None

    def key_for(self, folder: Path, *, create: bool) -> bytes:
        account = _account(folder)
        try:
            stored = self.backend.get_password(SERVICE, account)
            if stored is None and create:
                stored = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
                self.backend.set_password(SERVICE, account, stored)
        except Exception as exc:  # noqa: BLE001 - locked or broken keyring
            raise KeyUnavailableError(f"The system keyring could not be used: {exc}") from exc
        if stored is None:
            raise KeyUnavailableError(
                "The key of this saved attempt is not in the system keyring.")
        key = base64.b64decode(stored)
        if len(key) != 32:
            raise LocalStateError("The key of this saved attempt in the keyring is damaged.")
        return key

    def forget(self, folder: Path) -> None:
        try:
            self.backend.delete_password(SERVICE, _account(folder))
        except Exception:  # noqa: BLE001 - keyring.errors.PasswordDeleteError: none stored
            return


class ServerSecretKeys:
    name = "server"

    def __init__(self) -> None:
        self._secrets: dict[str, bytes] = {}  # folder account -> secret, memory only

    def on_sign_in(self, server: Any, exam_id: str, folder: Path) -> None:
        self.unlock(folder, server.local_secret(exam_id))

    def unlock(self, folder: Path, secret: bytes) -> None:
        """Remember ``secret`` (32 bytes from the server) for ``folder``, in memory only."""
        self._secrets[_account(folder)] = secret

    def key_for(self, folder: Path, *, create: bool) -> bytes:
        secret = self._secrets.get(_account(folder))
        if secret is None:
            raise KeyUnavailableError("This saved attempt can be opened only after signing "
                                      "in to the exam server again.")
        salt_path = Path(folder) / SALT_NAME
        if not salt_path.exists():
            if not create:
                raise KeyUnavailableError("The key salt of this saved attempt is missing.")
            atomic_write(salt_path, secrets.token_bytes(16), 0o600)
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt_path.read_bytes(),
                    info=b"emtihan-autosave-v1")
        return hkdf.derive(secret)

    def forget(self, folder: Path) -> None:
        self._secrets.pop(_account(folder), None)
        (Path(folder) / SALT_NAME).unlink(missing_ok=True)


def default_keys() -> KeySource:
    backend = usable_keyring()
    return KeyringKeys(backend) if backend is not None else ServerSecretKeys()
