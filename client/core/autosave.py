"""Encrypted, crash-safe autosave of one attempt (Qt-free).

Layout of the attempt directory::

    key.salt           only with ServerSecretKeys: 16 random bytes (useless alone)
    autosave.bin       newest snapshot:  b"EMA1" || nonce(12) || AES-256-GCM(json)
    autosave.prev.bin  the previous good snapshot
    attempt_key.bin    the attempt's Ed25519 private key, encrypted the same way

Every :meth:`AutosaveStore.save` writes a temp file, fsyncs it, moves the current
snapshot to ``autosave.prev.bin`` (only if it still decrypts) and renames the temp
file into place, then fsyncs the directory.  A kill -9 or power loss at any point
leaves at least one complete snapshot.  :meth:`AutosaveStore.resume` returns the
newest snapshot that decrypts; a corrupt one is moved aside (``*.corrupt``), reported
in ``ResumeState.warnings``, and the previous good copy is kept.  Reading a
specific corrupt file raises :class:`~exam_packages.errors.LocalStateError`.

The at-rest key is never stored beside the data: it comes from a
:class:`~client.core.localkeys.KeySource` (the OS keyring, or derived from a secret
the server releases at sign-in); see docs/client.md, "Keys at rest".
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from exam_packages import safejson
from exam_packages.errors import LocalStateError
from exam_packages.keys import atomic_write as _durable_write

from .localkeys import KeySource
from .timer import ExamTimer, TimeSnapshot

MAGIC = b"EMA1"
CURRENT = "autosave.bin"
PREVIOUS = "autosave.prev.bin"
ATTEMPT_KEY = "attempt_key.bin"


@dataclass
class ResumeState:
    """What :meth:`AutosaveStore.resume` gives back."""

    attempt_id: str
    answers: dict[str, Any]
    flags: list[str]
    extra: dict[str, Any]
    timer: ExamTimer
    save_seq: int
    warnings: list[str] = field(default_factory=list)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Atomic, durable write; client-side files are private (0600) by default."""
    _durable_write(path, data, mode)


class AutosaveStore:
    """Encrypted autosave for the attempt in ``directory``; ``keys`` gives its at-rest key
    (needed for everything but :meth:`exists`; the key is fetched on first use)."""

    def __init__(self, directory: Path, keys: KeySource | None = None) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, 0o700)
        self.keys = keys
        self._cipher: AESGCM | None = None
        self._lock = threading.Lock()
        self._seq = 0

    # ------------------------------------------------------------------ keys
    @property
    def _aead(self) -> AESGCM:
        if self._cipher is None:
            if self.keys is None:
                raise LocalStateError("No key source was given for this autosave.")
            fresh = not self.exists() and not (self.directory / ATTEMPT_KEY).exists()
            self._cipher = AESGCM(self.keys.key_for(self.directory, create=fresh))
        return self._cipher

    def _seal(self, plain: bytes, label: str) -> bytes:
        nonce = secrets.token_bytes(12)
        return MAGIC + nonce + self._aead.encrypt(nonce, plain, label.encode())

    def _open(self, blob: bytes, label: str, path: Path) -> bytes:
        if len(blob) < 4 + 12 + 16 or blob[:4] != MAGIC:
            raise LocalStateError(f"{path.name} is not an Emtihan autosave file (damaged).")
        try:
            return self._aead.decrypt(blob[4:16], blob[16:], label.encode())
        except InvalidTag:
            raise LocalStateError(f"{path.name} is damaged or was changed.") from None

    def store_attempt_key(self, key: Ed25519PrivateKey) -> None:
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        atomic_write(self.directory / ATTEMPT_KEY, self._seal(raw, ATTEMPT_KEY))

    def load_attempt_key(self) -> Ed25519PrivateKey | None:
        path = self.directory / ATTEMPT_KEY
        if not path.exists():
            return None
        return Ed25519PrivateKey.from_private_bytes(
            self._open(path.read_bytes(), ATTEMPT_KEY, path)
        )

    # ------------------------------------------------------------------ snapshots
    def save(
        self,
        attempt_id: str,
        answers: dict[str, Any],
        timer: ExamTimer,
        *,
        flags: list[str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> int:
        """Write a new snapshot atomically; returns its save_seq."""
        with self._lock:
            self._seq += 1
            doc = {
                "v": 1,
                "attempt_id": attempt_id,
                "save_seq": self._seq,
                "answers": answers,
                "flags": list(flags or []),
                "extra": extra or {},
                "time": timer.snapshot().to_dict(),
            }
            blob = self._seal(json.dumps(doc, ensure_ascii=False).encode(), CURRENT)
            current = self.directory / CURRENT
            if current.exists() and self._readable(current):
                os.replace(current, self.directory / PREVIOUS)
            atomic_write(current, blob)
            return self._seq

    def _readable(self, path: Path) -> bool:
        try:
            self.read_snapshot(path)
        except LocalStateError:
            return False
        return True

    def read_snapshot(self, path: Path) -> dict[str, Any]:
        """Decrypt one snapshot file; raises LocalStateError if it is damaged."""
        plain = self._open(path.read_bytes(), CURRENT, path)
        try:
            doc = safejson.loads(plain, path.name, error=LocalStateError)
            TimeSnapshot.from_dict(doc["time"])
        except (LocalStateError, ValueError, KeyError, TypeError):
            raise LocalStateError(f"{path.name} has an unexpected layout.") from None
        if not isinstance(doc, dict):
            raise LocalStateError(f"{path.name} has an unexpected layout.")
        return doc

    def exists(self) -> bool:
        return any((self.directory / n).exists() for n in (CURRENT, PREVIOUS))

    def resume(self, clock: Any) -> ResumeState:
        """Newest good snapshot + a timer restored with ``clock`` (see client.core.timer)."""
        warnings: list[str] = []
        _ = self._aead  # no key (KeyUnavailableError) is not damage: set nothing aside
        for name in (CURRENT, PREVIOUS):
            path = self.directory / name
            if not path.exists():
                continue
            try:
                doc = self.read_snapshot(path)
            except LocalStateError as exc:
                warnings.append(exc.user_message)
                os.replace(path, path.with_name(path.name + f".{secrets.token_hex(3)}.corrupt"))
                continue
            self._seq = max(self._seq, int(doc["save_seq"]))
            timer = ExamTimer.restore(clock, TimeSnapshot.from_dict(doc["time"]))
            return ResumeState(
                attempt_id=doc["attempt_id"],
                answers=doc["answers"],
                flags=list(doc["flags"]),
                extra=doc["extra"],
                timer=timer,
                save_seq=int(doc["save_seq"]),
                warnings=warnings,
            )
        raise LocalStateError(
            "No readable autosave was found for this attempt. " + " ".join(warnings)
        )
