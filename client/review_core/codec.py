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
from exam_packages.envelope import open_result

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
    attempts = info.get("attempts")
    band = info.get("review_band")
    raw_reasons = info.get("reasons")
    reasons: list[Any] = raw_reasons if isinstance(raw_reasons, list) else []
    return IdentityEvidence(
        outcome=_text(info.get("outcome")),
        distance=_text(info.get("distance")),
        threshold=_text(info.get("threshold")),
        id_portrait=images.get("id_portrait"),
        live_frames=live[:MAX_LIVE_FRAMES],
        liveness=_text(info.get("liveness")),
        attempts=attempts if isinstance(attempts, int) else 0,
        review_band=" – ".join(map(str, band)) if isinstance(band, list) else _text(band),
        reasons=tuple(_reason(r) for r in reasons),
    )


def _reason(item: Any) -> str:
    if isinstance(item, dict):
        return _text(item.get("message") or item.get("code"))
    return _text(item)


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
    return checks


class HandinCodec:
    """``BundleCodec`` for real hand-ins."""

    def open(self, blob: bytes, institution_private: Any) -> OpenedEnvelope:
        opened = open_result(blob, institution_private)
        content = content_from_payload(opened.payload)
        return OpenedEnvelope(content, opened.attempt_public_key, dict(opened.meta),
                              extra_checks=tuple(content_findings(content)))
