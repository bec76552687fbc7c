"""What a decrypted result bundle holds, as plain data for the review views."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from exam_packages import safejson
from exam_packages.errors import MalformedPackageError

from .texts import N_

# client.core.eventlog: 0 info, 1 notice, 2 warning, 3 alert. Warnings and alerts
# are the flags an invigilator must decide on (they are the ones with thumbnails).
SEVERITY_LABELS = {0: N_("info"), 1: N_("notice"), 2: N_("warning"), 3: N_("alert")}
FLAG_MIN_SEVERITY = 2
FLAG_LABELS = ("alert", "warning")


def severity_label(severity: int) -> str:
    return SEVERITY_LABELS.get(severity, f"level {severity}")


@dataclass(frozen=True)
class IdentityEvidence:
    """The identity check as the student's client ran it: the software only points."""

    outcome: str = ""
    distance: str = ""
    threshold: str = ""
    id_portrait: bytes | None = None
    live_frames: tuple[bytes, ...] = ()
    liveness: str = ""
    attempts: int = 0
    review_band: str = ""
    reasons: tuple[str, ...] = ()
    steps: tuple[tuple[str, bool], ...] = ()  # liveness steps as asked, and whether passed
    liveness_passed: bool | None = None  # None: not recorded in the client.core.identity form
    tries: tuple[str, ...] = ()  # earlier tries in words ("1: no_match"), oldest first

    @property
    def present(self) -> bool:
        return bool(self.outcome or self.id_portrait or self.live_frames)


@dataclass(frozen=True)
class TimelineEntry:
    seq: int
    t_wall: str
    offset_s: int | None
    kind: str
    severity: int
    summary: str
    thumbnail: bytes | None = None
    thumb_missing: bool = False
    facts: str = ""  # the record's short data as "key=value, ..." (codes, shown as they are)
    found: str = ""  # the exam mode's findings in a line (program names and categories)
    found_more: int = 0  # findings left out of ``found``

    @property
    def flagged(self) -> bool:
        return self.severity >= FLAG_MIN_SEVERITY

    @property
    def severity_label(self) -> str:
        return severity_label(self.severity)


@dataclass
class SessionContent:
    """The decrypted payload: answers, event log, evidence, system checks."""

    attempt_id: str = ""
    exam_id: str = ""
    student_id: str = ""
    exam_version: int = 0
    seed: str = ""
    answers: dict[str, Any] = field(default_factory=dict)
    log_bytes: bytes = b""
    log_signature: bytes = b""
    thumbnails: dict[str, bytes] = field(default_factory=dict)
    system_checks: dict[str, Any] = field(default_factory=dict)
    identity: IdentityEvidence = field(default_factory=IdentityEvidence)
    meta: dict[str, Any] = field(default_factory=dict)
    # the timeline built from the log bytes and thumbnails it was built from (the session
    # list asks for flag counts on every paint)
    _built: tuple[bytes, dict[str, bytes], int, list[TimelineEntry]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def log(self) -> list[dict[str, Any]]:
        return parse_log_leniently(self.log_bytes)

    def timeline(self) -> list[TimelineEntry]:
        built = self._built
        if (built is None or built[0] is not self.log_bytes or built[1] is not self.thumbnails
                or built[2] != len(self.thumbnails)):
            built = (self.log_bytes, self.thumbnails, len(self.thumbnails),
                     build_timeline(self.log, self.thumbnails))
            self._built = built
        return list(built[3])

    def flags(self) -> list[TimelineEntry]:
        return [entry for entry in self.timeline() if entry.flagged]

    def flag_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(FLAG_LABELS, 0)
        for entry in self.flags():
            counts[entry.severity_label] = counts.get(entry.severity_label, 0) + 1
        return counts


def parse_log_leniently(lines: bytes) -> list[dict[str, Any]]:
    """Every line that still parses as a JSON object, for display next to the
    verification result (a tampered log is shown, never hidden)."""
    records = []
    for line in lines.splitlines():
        try:
            record = safejson.loads(line, "an event log line", error=MalformedPackageError)
        except MalformedPackageError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def format_ms(t_wall: Any) -> str:
    if not isinstance(t_wall, int) or isinstance(t_wall, bool):
        return str(t_wall or "")
    try:
        return datetime.fromtimestamp(t_wall / 1000, UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return str(t_wall)


def _summary(kind: str, data: Any) -> str:
    text = kind.replace("_", " ")
    facts, found, more = _details(data)
    parts = [p for p in (f"found: {found}" + (f" and {more} more" if more else "")
                         if found else "", facts) if p]
    return f"{text} ({', '.join(parts)})" if parts else text


def _details(data: Any) -> tuple[str, str, int]:
    """(short ``key=value`` facts, findings in a line, findings left out) of a record's data."""
    if not isinstance(data, Mapping) or not data:
        return "", "", 0
    facts = ", ".join(f"{key}={value}" for key, value in sorted(data.items()) if _short(value))
    found, more = findings_line(data.get("findings"))
    return facts, found, more


def findings_line(findings: Any) -> tuple[str, int]:
    """The exam mode's findings (``client.core.environment.Finding.to_dict``) in a line:
    "anydesk [remote_control, pid 4242], kvm [virtual_machine]", and how many were left out."""
    if not isinstance(findings, list):
        return "", 0
    out = []
    for f in findings[:20]:
        if isinstance(f, Mapping):
            pid = f" pid {f['pid']}" if isinstance(f.get("pid"), int) and f["pid"] else ""
            sep = "," if pid else ""
            out.append(f"{str(f.get('name', '?'))[:60]} [{str(f.get('category', '?'))[:30]}"
                       f"{sep}{pid}]")
    return "; ".join(out), max(0, len(findings) - 20)


def _short(value: Any) -> bool:
    return isinstance(value, str | int | bool) and len(str(value)) <= 60


def _offset(record: Mapping[str, Any], start: Any) -> int | None:
    mono = record.get("t_mono")
    if isinstance(mono, int) and isinstance(start, int):
        return (mono - start) // 1000
    return None


def _severity(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def build_timeline(
    records: Sequence[Mapping[str, Any]], thumbnails: Mapping[str, bytes]
) -> list[TimelineEntry]:
    """One entry per log record, in log order; flags keep their thumbnail if present."""
    start = records[0].get("t_mono") if records else None
    entries: list[TimelineEntry] = []
    for record in records:
        thumb_hash = record.get("thumb_sha256")
        thumb = thumbnails.get(thumb_hash) if isinstance(thumb_hash, str) else None
        seq = record.get("seq")
        facts, found, more = _details(record.get("data"))
        entries.append(
            TimelineEntry(
                seq=seq if isinstance(seq, int) else len(entries),
                t_wall=format_ms(record.get("t_wall")),
                offset_s=_offset(record, start),
                kind=str(record.get("kind", "")),
                severity=_severity(record.get("severity")),
                summary=_summary(str(record.get("kind", "")), record.get("data")),
                thumbnail=thumb,
                thumb_missing=bool(thumb_hash) and thumb is None,
                facts=facts, found=found, found_more=more,
            )
        )
    return entries
