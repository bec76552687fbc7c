"""Retention: delete what the exam's policy no longer allows us to keep.

``policy.retention`` of the signed package (``exam_packages.model.retention_of``):

* ``evidence_days`` after the attempt closed (the later of the exam's ``closes_at``
  and the attempt's deadline), the hand-in envelopes (answers, event log, evidence
  thumbnails, ID and live images: one encrypted blob each) and any tus staging
  files are deleted; the submission rows stay as receipt records
  (hash, size, time, lateness, flag counts) and are marked purged.
* ``records_days`` after it closed, every row about the attempt goes: signed
  decisions, receipt records, registered keys. Once no attempt of the exam is
  left and the exam's own ``records_days`` have passed, the roster rows (name,
  access-code hash), sign-in tokens and local-key secrets of its students go too.

Nothing is deleted for an attempt (or exam) under a legal hold set by an admin,
or whose review is open: the newest session decision is ``needs_follow_up``, or
no session decision exists yet while flags were decided or the hand-in announced
warnings or alerts (every flag gets a human decision). Such attempts are
reported as ``held`` / ``open_review`` on every run until released.

The log and the report name ids and counts only, never content. ``dry_run``
computes the same report and deletes nothing.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

from exam_packages.errors import EmtihanError
from exam_packages.model import retention_of

from .service import ExamService
from .spool import UploadSpool
from .storage import Row

log = logging.getLogger("emtihan.server.purge")
DAY = 86_400


@dataclass
class PurgeReport:
    now: int
    dry_run: bool
    handins: list[str] = field(default_factory=list)     # "<attempt_id>/<sha256>"
    uploads: list[str] = field(default_factory=list)     # tus staging upload ids
    attempts: list[str] = field(default_factory=list)    # attempts whose records went
    decisions: int = 0
    students: list[str] = field(default_factory=list)    # "<exam_id>/<student_id>"
    tokens: int = 0
    held: list[str] = field(default_factory=list)        # attempt ids under a legal hold
    open_review: list[str] = field(default_factory=list)  # attempt ids with an open review
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        verb = "would delete" if self.dry_run else "deleted"
        return [
            f"{verb} {len(self.handins)} hand-ins: {' '.join(self.handins) or '-'}",
            f"{verb} {len(self.uploads)} unfinished uploads: {' '.join(self.uploads) or '-'}",
            f"{verb} the records of {len(self.attempts)} attempts "
            f"({self.decisions} decisions): {' '.join(self.attempts) or '-'}",
            f"{verb} {len(self.students)} roster entries: {' '.join(self.students) or '-'}",
            f"{verb} {self.tokens} expired tokens",
            f"kept {len(self.held)} under a legal hold: {' '.join(self.held) or '-'}",
            f"kept {len(self.open_review)} with an open review: "
            f"{' '.join(self.open_review) or '-'}",
            *(f"error: {e}" for e in self.errors),
        ]


def review_open(decisions: list[Row], flagged: bool = False) -> bool:
    """An invigilator's review is open: the newest session decision asks for follow-up,
    or the session has no decision yet while flags were decided or the hand-in announced
    flags (every flag gets a human decision: its evidence is not deleted before)."""
    records = [json.loads(d["decision"]) for d in decisions]
    records.sort(key=lambda r: (str(r.get("decided_at", "")), r.get("scope") != "flag"))
    sessions = [r for r in records if r.get("scope") == "session"]
    if sessions:
        return sessions[-1].get("outcome") == "needs_follow_up"
    return bool(records) or flagged


def announced_flags(submissions: list[Row]) -> bool:
    """The newest hand-in announced flags (``flags`` metadata: the client counts warnings
    as ``low`` and alerts as ``high``; every key counted here is a flag)."""
    if not submissions:
        return False
    counts = json.loads(submissions[-1]["flags"] or "{}")
    return any(int(n) > 0 for n in counts.values())


class Purger:
    """One purge run over every exam; ``run()`` returns the :class:`PurgeReport`."""

    def __init__(self, service: ExamService, *, dry_run: bool = False) -> None:
        self.s = service
        self.store = service.storage
        self.report = PurgeReport(service.clock.now(), dry_run)
        holds = self.store.list_holds()
        self.holds = {(h["scope"], h["target_id"]) for h in holds}

    def run(self) -> PurgeReport:
        for exam in self.store.list_exams():
            try:
                self._exam(exam)
            except EmtihanError as exc:
                self.report.errors.append(f"exam {exam['exam_id']}: {exc.user_message}")
        if not self.report.dry_run:
            self.report.tokens = self.store.delete_expired_tokens(self.report.now)
        for line in self.report.lines():
            log.info("purge: %s", line)
        return self.report

    def _exam(self, exam: Row) -> None:
        policy = json.loads(exam["manifest"]).get("exam", {}).get("policy")
        retention = retention_of(policy)
        evidence_s, records_s = retention["evidence_days"] * DAY, retention["records_days"] * DAY
        exam_held = ("exam", exam["exam_id"]) in self.holds
        left = 0
        for attempt in self.store.list_attempts(exam["exam_id"]):
            closed = max(int(exam["closes_at"]), int(attempt["deadline"]))
            if self.report.now < closed + evidence_s:
                left += 1
                continue
            if exam_held or ("attempt", attempt["attempt_id"]) in self.holds:
                self.report.held.append(attempt["attempt_id"])
                left += 1
                continue
            decisions = self.store.list_decisions(attempt["attempt_id"])
            flagged = announced_flags(self.store.list_submissions(attempt["attempt_id"]))
            if review_open(decisions, flagged):
                self.report.open_review.append(attempt["attempt_id"])
                left += 1
                continue
            self._evidence(attempt)
            if self.report.now >= closed + records_s:
                self._records(attempt, len(decisions))
            else:
                left += 1
        if not left and not exam_held and self.report.now >= int(exam["closes_at"]) + records_s:
            for student_id in self.store.list_students(exam["exam_id"]):
                self.report.students.append(f"{exam['exam_id']}/{student_id}")
                if not self.report.dry_run:
                    self.store.delete_student(exam["exam_id"], student_id)

    def _evidence(self, attempt: Row) -> None:
        """Delete the hand-in blobs and staging files; the receipt records stay."""
        attempt_id = attempt["attempt_id"]
        purged = self.store.purged_blobs(attempt_id)
        for sub in self.store.list_submissions(attempt_id):
            if sub["sha256"] in purged:
                continue
            self.report.handins.append(f"{attempt_id}/{sub['sha256']}")
            if not self.report.dry_run:
                self.s.blobs.delete(sub["blob_key"])  # first: a crash here repeats it
                self.store.mark_blob_purged(attempt_id, sub["sha256"], self.report.now)
        for upload_id in self.store.upload_ids(attempt_id):
            self.report.uploads.append(upload_id)
            if not self.report.dry_run:
                UploadSpool(self.s.data_dir / "uploads", self.s.blobs).discard(upload_id)
                self.store.delete_upload(upload_id)

    def _records(self, attempt: Row, decisions: int) -> None:
        self.report.attempts.append(attempt["attempt_id"])
        self.report.decisions += decisions
        if not self.report.dry_run:
            self.store.delete_attempt(attempt["attempt_id"])


def purge(service: ExamService, *, dry_run: bool = False) -> PurgeReport:
    """Delete what has expired at ``service.clock.now()`` (see the module docstring)."""
    return Purger(service, dry_run=dry_run).run()


class PurgeScheduler:
    """``serve``'s periodic purge: a daemon thread running :func:`purge` every
    ``interval_s`` seconds (first run at start); errors are logged, never raised."""

    def __init__(self, service: ExamService, interval_s: float) -> None:
        self.service, self.interval_s = service, interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="emtihan-purge", daemon=True)
        self.runs = 0

    def start(self) -> PurgeScheduler:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                purge(self.service)
            except Exception:  # noqa: BLE001 - a failed run must not stop serving
                log.exception("purge: the periodic run failed")
            self.runs += 1
            self._stop.wait(self.interval_s)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)
