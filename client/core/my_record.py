"""What was recorded about the student in this attempt, for the student (Qt-free).

``build_my_record(session)`` is called once the signed receipt is verified and
before the local wipe (client.core.wipe): it copies, into memory only, the flags
of the event log (severity warning or alert, with their times), the evidence
thumbnails that were handed in, the evidence dropped by the budget, the identity
outcome and the ID / live images, and the retention promised by the exam's
policy. The UI shows it (client/ui/pages/my_record.py); it is never written to
disk, so it is gone when the program closes. Texts are English sources that the
UI translates (client/i18n/catalogue.py has kk/ru for each).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from exam_packages.model import retention_of

from .clock import iso_utc
from .eventlog import WARNING

if TYPE_CHECKING:
    from .session import AttemptSession

KIND_TEXT = {
    "no_face": "No face visible in the camera picture.",
    "several_faces": "More than one face visible.",
    "different_person": "The person in front of the camera may not be the student.",
    "looking_away": "The student looked away from the screen for a while.",
    "camera_covered": "The camera seems covered or the picture is dark.",
    "voice": "Speech was detected on the microphone.",
    "focus_lost": "The exam window lost focus.",
    "app_hidden": "The exam window was hidden.",
    "extra_screen": "A second screen was connected.",
    "environment_flag": "A remote-control, screen-sharing or recording program was running.",
    "paste_refused": "Text from outside the exam was pasted and refused.",
    # system checks are logged passed (info) or not (warning): the words say which check,
    # the record's ``passed`` says how it went
    "check_environment": "System check: other programs.",
    "check_camera": "System check: camera.",
    "check_audio": "System check: microphone and sound.",
    "check_bandwidth": "System check: connection.",
    "identity_result": "Identity check result.",
    "resumed": "The exam was resumed after an interruption.",
    "attempt_key_replaced": "The attempt key was lost and replaced after a restart.",
}
OTHER_KIND = "Other event: {kind}"
IDENTITY_TEXT = {
    "match": "Your face matched the photo on your document.",
    "review": "An invigilator will compare your face with your document.",
    "no_match": "Your face did not match the photo on your document; an invigilator will "
                "decide.",
    "": "No identity check was recorded.",
}


@dataclass(frozen=True)
class RecordedFlag:
    seq: int
    at: str            # RFC 3339 UTC, this computer's clock at the event
    kind: str
    severity: int      # 2 warning, 3 alert
    text: str          # English source, translated by the UI
    thumbnail_sha256: str | None


@dataclass
class MyRecord:
    exam_id: str
    attempt_id: str
    handed_in_at: str
    receipt_sha256: str
    identity_outcome: str
    identity_text: str
    identity_images: dict[str, bytes] = field(default_factory=dict)
    flags: list[RecordedFlag] = field(default_factory=list)
    thumbnails: dict[str, bytes] = field(default_factory=dict)
    dropped_evidence: int = 0
    events: int = 0
    evidence_days: int = 30
    records_days: int = 365


def _flag(record: dict[str, Any]) -> RecordedFlag:
    kind = str(record["kind"])
    return RecordedFlag(int(record["seq"]), iso_utc(record["t_wall"] / 1000), kind,
                        int(record["severity"]), KIND_TEXT.get(kind, OTHER_KIND),
                        record.get("thumb_sha256"))


def build_my_record(session: AttemptSession, receipt_sha256: str = "") -> MyRecord:
    """The summary of ``session`` (a handed-in attempt whose files still exist)."""
    log = session._log()
    records = log.records()
    evidence = log.evidence()
    outcome = str(session.identity.get("outcome", ""))
    retention = retention_of(session.policy)
    receipt = (session.receipt or {}).get("receipt", {})
    return MyRecord(
        exam_id=session.exam_id, attempt_id=session.attempt_id,
        handed_in_at=str(receipt.get("received_at", "")), receipt_sha256=receipt_sha256,
        identity_outcome=outcome,
        identity_text=IDENTITY_TEXT.get(outcome, IDENTITY_TEXT["review"]),
        identity_images=dict(session.identity_images),
        flags=[_flag(r) for r in records if r["severity"] >= WARNING],
        thumbnails={sha: data for sha, data in evidence.items()},
        dropped_evidence=sum(1 for r in records if r["kind"] == "evidence_dropped"),
        events=len(records), evidence_days=retention["evidence_days"],
        records_days=retention["records_days"])
