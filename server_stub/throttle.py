"""Sign-in throttling, kept in the database so every server process agrees.

The scheme and why it is chosen are in docs/server-ops.md ("Sign-in throttling").
In short, within ``login_window_s``:

* wrong access codes per (student, source address) > ``login_max_failures``:
  429 for that pair only - an attacker elsewhere does not lock the student out;
* wrong codes per source address (any student id, made-up ones included) >
  ``login_max_failures_address``: 429 for that address;
* wrong codes per student from all addresses > ``login_max_failures_student``:
  429, except from an address this student signed in from successfully before
  (``auth_known``), so a distributed guesser cannot lock out a student who has
  signed in;
* unknown, expired or revoked bearer tokens per address >
  ``token_max_failures_address``: 429 for unknown tokens from that address. A
  valid token is always accepted: at 256 bits it cannot be guessed, so
  accepting it cannot help a guesser (unlike an access code).

Counting is race-free across threads and processes: a check that is not
already over a limit (read-only pre-check, so refusals stay cheap) *inserts*
its row (committed), then counts again; a check that finds itself over a limit
removes its row and answers 429, a right code removes its row. So N parallel
wrong codes check at most the limit, never more.

scrypt work is capped by a semaphore (``max_concurrent_scrypt`` per process);
a check that cannot start within ``SCRYPT_WAIT_S`` answers 429 ``busy``.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from exam_packages.errors import ApiError

if TYPE_CHECKING:
    from .config import ServerConfig
    from .storage import SqlStorage

SCRYPT_WAIT_S = 2.0
T = TypeVar("T")


def _limited(retry_after: int, message: str, code: str = "rate_limited") -> ApiError:
    err = ApiError(message, status=429, code=code)
    err.retry_after = max(1, retry_after)  # type: ignore[attr-defined]
    return err


class LoginThrottle:
    def __init__(self, storage: SqlStorage, config: ServerConfig) -> None:
        self.storage, self.config = storage, config
        self._scrypt = threading.BoundedSemaphore(max(1, config.max_concurrent_scrypt))

    # -- access codes --------------------------------------------------------------
    def check_code(self, subject: str, address: str, now: int,
                   check: Callable[[], T]) -> T:
        """Run ``check`` (raises on a wrong code) under the limits; see the module doc."""
        window = self.config.login_window_s
        since = now - window
        self._over_limits(subject, address, since, now, pending=1)  # cheap: reads only
        failure_id = secrets.token_hex(16)
        self.storage.add_auth_failure(failure_id, now, address, "login", subject)
        try:
            self._over_limits(subject, address, since, now)
            if not self._scrypt.acquire(timeout=SCRYPT_WAIT_S):
                raise _limited(1, "the server is busy checking sign-ins: try again in a "
                                  "moment", "busy")
        except ApiError:
            self.storage.delete_auth_failure(failure_id)  # refused unchecked: not a guess
            raise
        try:
            result = check()
        except Exception:  # a wrong code: its row stays, as a failure
            self.storage.purge_auth_failures(since)
            raise
        finally:
            self._scrypt.release()
        self.storage.delete_auth_failure(failure_id)
        self.storage.mark_auth_known(subject, address, now)
        return result

    def _over_limits(self, subject: str, address: str, since: int, now: int,
                     pending: int = 0) -> None:
        """429 if a limit is exceeded; ``pending=1`` before this check's row is inserted."""
        cfg = self.config
        row = self.storage.login_limits(subject, address, since, now - 30 * 86400)
        checks = [((int(row["pair_n"]), row["pair_first"]), cfg.login_max_failures),
                  ((int(row["address_n"]), row["address_first"]),
                   cfg.login_max_failures_address)]
        if not row["known"]:
            checks.append(((int(row["subject_n"]), row["subject_first"]),
                           cfg.login_max_failures_student))
        for (count, first), limit in checks:
            if count + pending > limit:  # counted with this check's own row
                retry = cfg.login_window_s - (now - (first or now))
                raise _limited(retry, f"too many wrong access codes: try again in {retry} s")

    # -- bearer tokens -------------------------------------------------------------
    def token_refused(self, address: str, now: int) -> None:
        """Count an unknown token from ``address``; 429 once the address is over its limit."""
        since = now - self.config.login_window_s
        self.storage.purge_auth_failures(since)
        count, first = self.storage.count_auth_failures("token", since, address=address)
        if count >= self.config.token_max_failures_address:
            retry = self.config.login_window_s - (now - (first or now))
            raise _limited(retry, f"too many unknown tokens: try again in {retry} s")
        self.storage.add_auth_failure(secrets.token_hex(16), now, address, "token", "")
