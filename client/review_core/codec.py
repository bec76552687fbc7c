"""The real bundle codec: the client's hand-in format (``client.core.handin``)
inside the result envelope (``exam_packages.envelope``).

Unlike ``client.core.handin.open_handin`` this does not stop at the first
problem: it decrypts (which needs an intact, correctly signed envelope) and
hands back everything it could read; the event-log chain, evidence hashes and
the hand-in document's own log hash are checked by ``bundle.open_session`` and
by :func:`content_findings`, so the invigilator sees the data *and* the warning.
"""

from __future__ import annotations

import hashlib
from typing import Any

from client.core.handin import parse_payload
from client.core.identity import IdentityRecord
from exam_packages.envelope import open_result
from exam_packages.errors import InputError

from .bundle import Check, OpenedEnvelope
from .content import IdentityEvidence, SessionContent

MAX_LIVE_FRAMES = 8


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _identity(document: dict[str, Any], images: dict[str, bytes]) -> IdentityEvidence:
    info = document.get("identity") or {}
    if not isinstance(info, dict):
        info = {}
    live = tuple(images[name] for name in sorted(images) if name.startswith("live_"))
    band = info.get("review_band")
    try:  # the record the student's client showed and logged (client.core.identity)
        record: IdentityRecord | None = IdentityRecord.from_dict(info)
    except InputError:
        record = None
    liveness = info.get("liveness")
    steps: tuple[tuple[str, bool], ...] = ()
    passed: bool | None = None
    if record is not None and isinstance(liveness, dict):
        steps = tuple((s.name, s.passed) for s in record.steps)
        passed = record.liveness_passed
        liveness = "passed" if passed else "not passed"
    return IdentityEvidence(
        outcome=_text(info.get("outcome")),
        distance=_text(info.get("distance")),
        threshold=_text(info.get("threshold")),
        id_portrait=images.get("id_portrait"),
        live_frames=live[:MAX_LIVE_FRAMES],
        liveness=_text(liveness),
        attempts=info["attempts"] if isinstance(info.get("attempts"), int) else 0,
        review_band=" – ".join(map(str, band)) if isinstance(band, list) else _text(band),
        reasons=tuple(r.message for r in record.reasons) if record is not None else
        tuple(_reason(r) for r in info.get("reasons") or [] if isinstance(info.get("reasons"),
                                                                         list)),
        steps=steps, liveness_passed=passed,
        tries=tuple(f"{t.get('attempt', '?')}: {t.get('outcome', '?')}"
                    for t in (record.tries if record is not None else ())),
    )


def _reason(item: Any) -> str:
    if isinstance(item, dict):
        return _text(item.get("message") or item.get("code"))
    return _text(item)


def logged_identity(content: SessionContent) -> dict[str, Any] | None:
    """The data of the last ``identity_result`` record of the signed event log."""
    found = None
    for record in content.log:
        if record.get("kind") == "identity_result" and isinstance(record.get("data"), dict):
            found = record["data"]
    return found


def content_from_payload(payload: bytes) -> SessionContent:
    """Parse the hand-in zip; raises ``MalformedPackageError`` if it is not one."""
    document, entries = parse_payload(payload)
    evidence = {name[len("evidence/"):-len(".jpg")]: data for name, data in entries.items()
                if name.startswith("evidence/") and name.endswith(".jpg")}
    images = {name[len("identity/"):-len(".jpg")]: data for name, data in entries.items()
              if name.startswith("identity/") and name.endswith(".jpg")}
    version = document.get("exam_version")
    return SessionContent(
        attempt_id=_text(document.get("attempt_id")),
        exam_id=_text(document.get("exam_id")),
        student_id=_text(document.get("student_id")),
        exam_version=version if isinstance(version, int) else 0,
        seed=_text(document.get("seed")),
        answers=dict(document.get("answers") or {}),
        log_bytes=entries.get("events.jsonl", b""),
        log_signature=entries.get("events.sig", b""),
        thumbnails=evidence,
        system_checks=dict(document.get("system_checks") or {}),
        identity=_identity(document, images),
        meta=document,
    )


def content_findings(content: SessionContent) -> list[Check]:
    """Checks of the hand-in's inner consistency (evidence and log hashes)."""
    checks = []
    bad = sorted(sha for sha, data in content.thumbnails.items()
                 if hashlib.sha256(data).hexdigest() != sha)
    checks.append(Check("Evidence files", not bad,
                        f"Evidence file(s) {', '.join(s[:12] for s in bad)} do not match their "
                        "hash." if bad else f"{len(content.thumbnails)} thumbnail(s) intact."))
    declared = (content.meta.get("event_log") or {}).get("sha256")
    actual = hashlib.sha256(content.log_bytes).hexdigest()
    checks.append(Check("Log summary", declared == actual,
                        "The hand-in document names the log it was sealed with."
                        if declared == actual else
                        "The event log differs from the one the hand-in document names."))
    logged = logged_identity(content)
    document = content.meta.get("identity")
    if logged is not None or document:
        same = logged == document
        checks.append(Check("Identity record", same,
                            "The identity outcome in the hand-in is the one signed into the "
                            "event log (what the student was told)." if same else
                            "The identity outcome in the hand-in differs from the one in the "
                            "signed event log."))
    return checks


class HandinCodec:
    """``BundleCodec`` for real hand-ins."""

    def open(self, blob: bytes, institution_private: Any) -> OpenedEnvelope:
        opened = open_result(blob, institution_private)
        content = content_from_payload(opened.payload)
        return OpenedEnvelope(content, opened.attempt_public_key, dict(opened.meta),
                              extra_checks=tuple(content_findings(content)))
