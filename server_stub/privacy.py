"""What the server does for privacy besides purging (docs/server-api.md, server-ops.md).

* Legal holds (admin): ``set_hold(service, who, scope, target_id, reason)``,
  ``clear_hold``, ``list_holds``; ``scope`` is ``exam`` or ``attempt``. A held exam
  or attempt is never purged (``server_stub.purge``).
* Decision release (admin): ``release_decisions(service, who, exam_id, released)``;
  afterwards a signed-in student can fetch the invigilator's signed decisions on
  their own attempt (``student_decisions``), before that the list is empty and
  ``released`` is false.
* Local-key secret (student): 32 random bytes per exam + student, created on the
  first request and released only to that signed-in student; the client derives
  its autosave key from it when no OS keyring is available (docs/client.md).
  Deleted with the roster entry when the exam's records expire.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

from exam_packages.errors import ApiError

from . import ids
from .clock import to_iso
from .service import ExamService, Principal

SCOPES = ("exam", "attempt")
MAX_REASON = 500


def _check_target(service: ExamService, scope: str, target_id: str) -> None:
    if scope not in SCOPES:
        raise ApiError("scope must be 'exam' or 'attempt'", status=422,
                       code="validation_error")
    ids.check_id("exam_id" if scope == "exam" else "attempt_id", target_id)
    found = (service.storage.get_exam(target_id) if scope == "exam"
             else service.storage.get_attempt(target_id))
    if found is None:
        raise ApiError(f"{scope} not found", status=404, code=f"{scope}_not_found")


def set_hold(service: ExamService, who: Principal, scope: str, target_id: str,
             reason: str) -> dict[str, Any]:
    service.require_role(who, "admin")
    _check_target(service, scope, target_id)
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON:
        raise ApiError(f"a legal hold needs a reason (1-{MAX_REASON} characters)", status=422,
                       code="validation_error")
    now = service.clock.now()
    service.storage.set_hold(scope, target_id, reason, now)
    return {"scope": scope, "target_id": target_id, "reason": reason, "set_at": to_iso(now)}


def clear_hold(service: ExamService, who: Principal, scope: str, target_id: str) -> bool:
    service.require_role(who, "admin")
    if scope not in SCOPES:
        raise ApiError("scope must be 'exam' or 'attempt'", status=422,
                       code="validation_error")
    if not service.storage.clear_hold(scope, target_id):
        raise ApiError("no such legal hold", status=404, code="hold_not_found")
    return True


def list_holds(service: ExamService, who: Principal) -> list[dict[str, Any]]:
    service.require_role(who, "admin")
    return [{"scope": h["scope"], "target_id": h["target_id"], "reason": h["reason"],
             "set_at": to_iso(h["set_at"])} for h in service.storage.list_holds()]


def release_decisions(service: ExamService, who: Principal, exam_id: str,
                      released: bool = True) -> dict[str, Any]:
    service.require_role(who, "admin")
    _check_target(service, "exam", exam_id)
    now = service.clock.now()
    service.storage.release_decisions(exam_id, now if released else None)
    return {"exam_id": exam_id, "released": released,
            "released_at": to_iso(now) if released else None}


def student_decisions(service: ExamService, who: Principal, attempt_id: str) -> dict[str, Any]:
    """A student's own attempt: the signed decisions once released, else none."""
    service.require_role(who, "student")
    attempt = service.attempt_for(who, attempt_id)
    release = service.storage.decisions_release(attempt["exam_id"])
    if release is None:
        return {"attempt_id": attempt_id, "released": False, "released_at": None,
                "decisions": []}
    decisions = [{"decision": json.loads(d["decision"]), "public_key": d["public_key"],
                  "signature": d["signature"], "received_at": to_iso(d["received_at"])}
                 for d in service.storage.list_decisions(attempt["attempt_id"])]
    return {"attempt_id": attempt_id, "released": True,
            "released_at": to_iso(release["released_at"]), "decisions": decisions}


def local_secret(service: ExamService, who: Principal, exam_id: str) -> dict[str, str]:
    service.require_role(who, "student")
    if who.exam_id != exam_id:
        raise ApiError("this sign-in is for another exam", status=403, code="forbidden")
    fresh = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
    secret = service.storage.local_secret(exam_id, who.student_id or "", fresh,
                                          service.clock.now())
    return {"exam_id": exam_id, "secret": secret}
