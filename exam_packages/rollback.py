"""Rollback protection: the highest package version seen per exam.

``RollbackStore(path)``:

* ``check(exam_id, version) -> None`` raises :class:`RollbackError` when
  ``version`` is lower than the stored one (equal is accepted: re-download).
* ``record(exam_id, version) -> None`` stores ``version`` if it is higher.
* ``highest(exam_id) -> int | None``.

The file is JSON ``{exam_id: highest_version_seen}`` written atomically. A
corrupt file raises :class:`RollbackError` with code ``rollback_store_corrupt``;
it is never silently reset (that would re-open the door to rollbacks).
"""

from __future__ import annotations

from pathlib import Path

from . import safejson
from .canonical import canonical_bytes
from .errors import RollbackError
from .keys import atomic_write

__all__ = ["RollbackStore"]


class RollbackStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _load(self) -> dict[str, int]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise self._corrupt(f"cannot be read ({exc.strerror or exc})") from exc
        try:
            data = safejson.loads(raw, "rollback store", error=RollbackError, max_depth=2)
        except RollbackError as exc:
            raise self._corrupt(f"is not valid JSON ({exc.user_message})") from exc
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and type(v) is int and v >= 1 for k, v in data.items()
        ):
            raise self._corrupt("does not map exam ids to positive integer versions")
        return data

    def _corrupt(self, why: str) -> RollbackError:
        return RollbackError(
            f"the rollback store {self.path} {why}; refusing to continue "
            "(restore it or remove it deliberately)",
            code="rollback_store_corrupt",
        )

    def highest(self, exam_id: str) -> int | None:
        return self._load().get(exam_id)

    def check(self, exam_id: str, version: int) -> None:
        seen = self._load().get(exam_id)
        if seen is not None and version < seen:
            raise RollbackError(
                f"package {exam_id} version {version} is older than version {seen} "
                "already seen on this computer (rollback refused)"
            )

    def record(self, exam_id: str, version: int) -> None:
        data = self._load()
        if data.get(exam_id, 0) >= version:
            return
        data[exam_id] = version
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, canonical_bytes(data) + b"\n", 0o600)
