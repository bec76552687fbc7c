"""Saving and restoring an attempt's state (used by client.core.session).

``snapshot_extra(session)`` is what each autosave stores besides answers, flags and
time (encrypted at rest): state, content key, bearer token, checks, identity summary
and images, consent.  ``restore_session(session)`` rebuilds a session from the newest
good autosave: answers, flags, timer (client.core.timer rule), the attempt key (a new
one if it was lost, logged as an alert), the package (downloaded again if missing)
and the paper from the seed.  A damaged autosave raises ``LocalStateError``.  An attempt
wiped after its receipt (client.core.wipe) is restored as ``submitted`` with its receipt.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .autosave import AutosaveStore
from .eventlog import ALERT, WARNING
from .wipe import read_record

if TYPE_CHECKING:
    from .session import AttemptSession


def snapshot_extra(s: AttemptSession) -> dict[str, Any]:
    return {"step": s.step.value, "exam_id": s.exam_id, "student_id": s.student_id,
            "content_key": base64.b64encode(s.content_key or b"").decode(),
            "token": (s.server.token if s.server is not None else None) or "",
            "checks": s.checks, "identity": s.identity, "consent": s.consent_record,
            "identity_images": {k: base64.b64encode(v).decode()
                                for k, v in s.identity_images.items()}}


def restore_session(s: AttemptSession) -> None:
    from .session import Step

    record = read_record(s.attempt_dir)
    if record is not None:  # handed in and wiped here: only the receipt record is left
        s.attempt_id, s.receipt, s.step = record["attempt_id"], record["receipt"], Step.SUBMITTED
        return
    s.autosave = AutosaveStore(s.attempt_dir, s.config.keys)
    state = s.autosave.resume(s.config.clock)
    extra = state.extra
    s.warnings += state.warnings
    s.attempt_id, s.answers, s.flags = state.attempt_id, state.answers, state.flags
    s.timer, s.step = state.timer, Step(extra["step"])
    s.checks, s.identity = extra["checks"], extra["identity"]
    s.consent_record = extra["consent"]
    s.identity_images = {k: base64.b64decode(v)
                         for k, v in extra.get("identity_images", {}).items()}
    s.content_key = base64.b64decode(extra["content_key"]) or None
    s.attempt_key = s.autosave.load_attempt_key()
    if s.server is not None and not s.server.token and extra.get("token"):
        s.server.token = extra["token"]  # may have expired: then sign in again
    if not s.package_path.exists() and s.server is not None:
        s._fetch_package(None)
    s._open_exam(check_window=False)
    if s.step == Step.STARTED:
        s.report("resumed", {"remaining_s": s.remaining_s(),
                             "warnings": len(state.warnings)}, severity=WARNING)
        if s.attempt_key is None:  # lost: a new key is registered at the next start
            s.attempt_key = Ed25519PrivateKey.generate()
            s.autosave.store_attempt_key(s.attempt_key)
            s.report("attempt_key_replaced", {}, severity=ALERT)
    if s.step == Step.SUBMITTING:
        s.receipt = s.outbox.receipt_for(s.attempt_id)
