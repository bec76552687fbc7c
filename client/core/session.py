"""The attempt lifecycle as an explicit state machine (Qt-free).

    new -> signed_in -> package_ready -> checks_done -> consented -> identity_done
        -> started -> submitting -> submitted

``AttemptSession(config, server)``: ``sign_in`` (pins the server key; restores a
crashed attempt), ``download_package``, ``check_bandwidth`` / ``record_check`` /
``finish_checks``, ``consent``, ``record_identity``, ``start`` (attempt key, content key,
deadline; paper from ``make_paper`` with seed ``attempt_id|student_id``), ``set_answer``,
``set_flag``, ``remaining_s``, ``report`` (UI/proctor events), ``submit`` (seal, outbox,
upload; ``queued`` when offline), ``retry_outbox``; ``AttemptSession.resume_offline``.
A call in the wrong state raises ``SessionStateError`` and changes nothing.
Full description: docs/client.md.  Answers are JSON without floats.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from exam_packages.answers import check_answer
from exam_packages.canonical import canonical_bytes
from exam_packages.errors import (
    InputError,
    LocalStateError,
    NetworkError,
    SessionStateError,
)
from exam_packages.keys import raw_public_bytes
from exam_packages.package import open_package, read_manifest_unverified, verify_package
from exam_packages.paper import make_paper, paper_question_ids
from exam_packages.rollback import RollbackStore
from exam_packages.trust import TrustStore

from . import wipe as local_wipe
from .api import BandwidthResult, Progress, ServerClient, StartInfo
from .autosave import AutosaveStore, atomic_write
from .clock import Clock, SystemClock, iso_utc
from .eventlog import ALERT, INFO, NOTICE, WARNING, EventLog, EvidenceBudget
from .handin import HandinInputs, seal_handin
from .identity import IdentityRecord
from .jsonsafe import json_safe
from .localkeys import KeySource, KeyUnavailableError, default_keys
from .mirrors import fetch_package
from .my_record import MyRecord, build_my_record
from .netcheck import link_rate_kbps, meets_minimum
from .outbox import Outbox, OutboxJob
from .resume import restore_session, snapshot_extra
from .timer import ExamTimer


class Step(StrEnum):
    NEW = "new"
    SIGNED_IN = "signed_in"
    PACKAGE_READY = "package_ready"
    CHECKS_DONE = "checks_done"
    CONSENTED = "consented"
    IDENTITY_DONE = "identity_done"
    STARTED = "started"
    SUBMITTING = "submitting"
    SUBMITTED = "submitted"


ORDER = list(Step)
IDENTITY_SEVERITY = {"match": INFO, "review": WARNING, "no_match": ALERT}


@dataclass
class SessionConfig:
    data_dir: Path
    trust: TrustStore
    clock: Clock = field(default_factory=SystemClock)
    evidence: EvidenceBudget = field(default_factory=EvidenceBudget)
    check_window: bool = True
    keys: KeySource = field(default_factory=default_keys)  # autosave key at rest


@dataclass
class SubmitOutcome:
    job: OutboxJob
    receipt: dict[str, Any] | None

    @property
    def queued(self) -> bool:
        return self.receipt is None


class AttemptSession:
    def __init__(self, config: SessionConfig, server: ServerClient | None) -> None:
        self.config = config
        self.server = server
        self.exam_id = ""
        self.student_id = ""
        self.outbox = Outbox(config.data_dir / "outbox", config.clock)
        self.warnings: list[str] = []
        self.my_record: MyRecord | None = None  # what was recorded, kept in memory only
        # a crash between the receipt and the local wipe: finish the wipe now
        local_wipe.finish_pending_wipes(config.data_dir, self.outbox, config.keys, config.clock)
        self._reset()

    def _reset(self) -> None:
        """Forget everything about the attempt (not who is signed in)."""
        self.step = Step.NEW
        self.attempt_id = ""
        self.manifest: dict[str, Any] = {}
        self.exam_doc: dict[str, Any] = {}
        self.paper: dict[str, Any] = {}
        self.seed = ""
        self.answers: dict[str, Any] = {}
        self.flags: list[str] = []
        self.checks: dict[str, Any] = {}
        self.identity: dict[str, Any] = {}
        self.identity_images: dict[str, bytes] = {}
        self.consent_record: dict[str, Any] = {}
        self.content_key: bytes | None = None
        self.timer: ExamTimer | None = None
        self.log: EventLog | None = None
        self.autosave: AutosaveStore | None = None
        self.attempt_key: Ed25519PrivateKey | None = None
        self.receipt: dict[str, Any] | None = None

    # ------------------------------------------------------------------ helpers
    @property
    def attempt_dir(self) -> Path:
        return self.config.data_dir / "attempts" / self.exam_id / self.student_id

    @property
    def package_path(self) -> Path:
        return self.config.data_dir / "packages" / f"{self.exam_id}.emtihan"

    @property
    def policy(self) -> dict[str, Any]:
        return dict(self.manifest.get("exam", {}).get("policy", {}))

    def _need(self, *steps: Step) -> None:
        if self.step not in steps:
            wanted = " or ".join(s.value for s in steps)
            raise SessionStateError(
                f"This step needs the attempt to be {wanted}; it is {self.step.value}."
            )

    def _server(self) -> ServerClient:
        if self.server is None:
            raise NetworkError("This session has no server connection.", code="offline")
        return self.server

    def _log(self) -> EventLog:
        if self.log is None:
            self.log = EventLog(self.attempt_dir / "events", clock=self.config.clock,
                                budget=self.config.evidence)
        return self.log

    def report(self, kind: str, data: dict[str, Any] | None = None, *, severity: int = INFO,
               thumbnail: bytes | None = None) -> dict[str, Any]:
        """Append an event (UI: focus_lost, app_hidden, extra_screen; proctor flags)."""
        if self.step in (Step.SUBMITTING, Step.SUBMITTED):
            raise SessionStateError("The exam has been handed in; no more events are recorded.")
        if not self.exam_id or not self.student_id:
            raise SessionStateError("Sign in first; events belong to an attempt.")
        return self._log().append(kind, json_safe(data or {}), severity=severity,
                                  thumbnail=thumbnail)

    # ------------------------------------------------------------------ before start
    def sign_in(self, exam_id: str, student_id: str, access_code: str) -> dict[str, Any]:
        self._need(Step.NEW)
        server = self._server()
        info = server.login(exam_id, student_id, access_code)
        pin = self.config.data_dir / "server_key.pin"
        pinned = pin.read_bytes() if pin.exists() else None
        key = server.pin_server_key(pinned)
        if pinned is None:
            self.config.data_dir.mkdir(parents=True, exist_ok=True)
            atomic_write(pin, key, 0o644)
        self.exam_id, self.student_id = exam_id, student_id
        self.config.keys.on_sign_in(server, exam_id, self.attempt_dir)
        if (local_wipe.read_record(self.attempt_dir) is not None
                or AutosaveStore(self.attempt_dir).exists()):
            try:
                self._restore()
            except KeyUnavailableError:
                raise  # the files are fine, only their key is missing: keep them in place
            except LocalStateError as exc:
                self._set_aside(exc)
            else:
                if self.step == Step.STARTED:
                    self._resync()
                return info
        self.step = Step.SIGNED_IN
        self.report("signed_in", {"exam_id": exam_id, "student_id": student_id})
        return info

    def _set_aside(self, exc: LocalStateError) -> None:
        """The local copy cannot be read: keep it aside, continue from the server's record."""
        self.close()
        aside = self.attempt_dir.with_name(
            f"{self.student_id}.damaged-{int(self.config.clock.wall())}")
        self.attempt_dir.rename(aside)
        self._reset()
        self.warnings.append(
            f"The saved copy of this attempt on this computer is damaged ({exc.user_message}); "
            f"it was kept in {aside.name}. The attempt continues from the server's record.")

    def download_package(self, progress: Progress | None = None) -> Path:
        self._need(Step.SIGNED_IN)
        path, sha = self._fetch_package(progress)
        self.manifest = read_manifest_unverified(path)
        self.step = Step.PACKAGE_READY
        self.report("package_verified", {"version": self.manifest["exam"]["version"],
                                         "sha256": sha})
        return path

    def _fetch_package(self, progress: Progress | None) -> tuple[Path, str]:
        server = self._server()
        entry = next((e for e in server.list_exams() if e.get("exam_id") == self.exam_id), None)
        if entry is None:
            raise SessionStateError(f"The exam {self.exam_id} is not published for you.")
        path = fetch_package(
            server, entry, self.package_path, progress,
            verify=lambda p: verify_package(p, self.config.trust, rollback=self._rollback(),
                                            check_window=False),
            refused=lambda url, exc: self.report("package_mirror_refused",
                                                 {"url": url, "error": exc.code}))
        return path, str(entry.get("package_sha256", ""))

    def _rollback(self) -> RollbackStore:
        return RollbackStore(self.config.data_dir / "rollback.json")

    def check_bandwidth(self, progress: Progress | None = None) -> BandwidthResult:
        self._need(Step.PACKAGE_READY)
        result = self._server().measure_bandwidth(progress)
        needed = int(self.policy.get("required_checks", {}).get("min_bandwidth_kbps", 0))
        slowest = min(result.download_kbps, result.upload_kbps)
        passed = meets_minimum(slowest, needed)
        details = dict(result.to_dict(), required_kbps=needed,
                       link_estimate_kbps=round(link_rate_kbps(slowest)))
        self.record_check("bandwidth", details, passed)
        return result

    def record_check(self, name: str, result: dict[str, Any], passed: bool) -> None:
        self._need(Step.PACKAGE_READY)
        self.checks[name] = dict(json_safe(result), passed=bool(passed))
        self.report(f"check_{name}", self.checks[name], severity=INFO if passed else WARNING)

    def required_checks(self) -> list[str]:
        req = self.policy.get("required_checks", {})
        names = [n for n, key in (("camera", "camera"), ("audio", "headset")) if req.get(key)]
        return names + (["bandwidth"] if req.get("min_bandwidth_kbps") else [])

    def finish_checks(self) -> None:
        self._need(Step.PACKAGE_READY)
        # a failed check the student declared (e.g. "I cannot hear the sound") lets the exam
        # go on: it was logged as a warning, i.e. a flag for the invigilator
        missing = [n for n in self.required_checks()
                   if not (self.checks.get(n, {}).get("passed")
                           or self.checks.get(n, {}).get("student_declared"))]
        if missing:
            raise SessionStateError("These checks must pass first: " + ", ".join(missing) + ".")
        self.step = Step.CHECKS_DONE

    def consent(self, accepted: bool, text_id: str = "consent-v1") -> None:
        self._need(Step.CHECKS_DONE)
        if not accepted:
            self.report("consent_declined", {"text_id": text_id})
            raise SessionStateError("Consent to proctoring is needed to take this exam.")
        self.consent_record = {"text_id": text_id, "accepted": True,
                               "at": iso_utc(self.config.clock.wall())}
        self.report("consent_given", self.consent_record)
        self.step = Step.CONSENTED

    def record_identity(self, summary: dict[str, Any], images: dict[str, bytes] | None = None,
                        *, final: bool = True) -> None:
        """Record the identity decision; nothing is refused automatically.

        ``final=False`` logs a try (``identity_attempt``) and stays ``consented`` so the
        UI can offer the policy's ``identity_retries``; the final call moves on.
        """
        self._need(Step.CONSENTED)
        if not final:
            self.report("identity_attempt", json_safe(summary), severity=NOTICE)
            return
        self.identity = json_safe(summary)
        self.identity_images = dict(images or {})
        try:  # one flag for the whole check, as serious as its worst try
            severity = IDENTITY_SEVERITY[IdentityRecord.from_dict(summary).worst_outcome()]
        except InputError:
            severity = WARNING
        self.report("identity_result", self.identity, severity=severity)
        self.step = Step.IDENTITY_DONE

    # ------------------------------------------------------------------ the exam
    def start(self) -> StartInfo:
        self._need(Step.IDENTITY_DONE)
        key = Ed25519PrivateKey.generate()
        info = self._server().start(self.exam_id, raw_public_bytes(key.public_key()))
        self.attempt_id, self.attempt_key, self.content_key = info.attempt_id, key, info.content_key
        self.autosave = AutosaveStore(self.attempt_dir, self.config.keys)
        self.autosave.store_attempt_key(key)
        now = datetime.fromtimestamp(info.server_time, UTC)
        self._open_exam(check_window=self.config.check_window and not info.resumed, now=now)
        self.timer = ExamTimer.start(self.config.clock, info.deadline, info.server_time)
        self.step = Step.STARTED
        self.report("exam_started", {"attempt_id": info.attempt_id, "seed": self.seed,
                                     "deadline": iso_utc(info.deadline),
                                     "server_time": iso_utc(info.server_time),
                                     "resumed": info.resumed})
        self._save()
        return info

    def _open_exam(self, *, check_window: bool, now: datetime | None = None) -> None:
        opened = open_package(self.package_path, self.config.trust, content_key=self.content_key,
                              now=now, check_window=check_window, rollback=self._rollback())
        self.manifest, self.exam_doc = opened.manifest, opened.exam_doc
        self.seed = f"{self.attempt_id}|{self.student_id}"
        self.paper = make_paper(self.exam_doc, self.policy, self.seed)

    def question_ids(self) -> list[str]:
        return paper_question_ids(self.paper) if self.paper else []

    def remaining_s(self) -> int:
        return int(self.timer.remaining()) if self.timer else 0

    def set_answer(self, qid: str, value: Any) -> None:
        self._need(Step.STARTED)
        if qid not in self.question_ids():
            raise InputError(f"Question {qid} is not on this paper.")
        if self.timer is not None and self.timer.expired():
            raise SessionStateError("Time is up; answers can no longer be changed.")
        check_answer(self.exam_doc["questions"][qid], value)  # the one schema, at the crossing
        digest = hashlib.sha256(canonical_bytes({"v": value})).hexdigest()
        self.answers[qid] = value
        self._save()
        self.report("answer_changed", {"qid": qid, "answer_sha256": digest})

    def set_flag(self, qid: str, flagged: bool) -> None:
        self._need(Step.STARTED)
        if flagged and qid not in self.flags:
            self.flags.append(qid)
        elif not flagged and qid in self.flags:
            self.flags.remove(qid)
        self._save()

    # ------------------------------------------------------------------ persistence
    def _extra(self) -> dict[str, Any]:
        return snapshot_extra(self)

    def _save(self) -> None:
        if self.autosave is not None and self.timer is not None:
            self.autosave.save(self.attempt_id, self.answers, self.timer, flags=self.flags,
                               extra=self._extra())

    def _restore(self) -> None:
        restore_session(self)

    def _resync(self) -> None:
        """Online again after a restart: the server's time is authoritative."""
        assert self.attempt_key is not None and self.timer is not None
        try:
            info = self._server().start(self.exam_id,
                                        raw_public_bytes(self.attempt_key.public_key()))
        except NetworkError as exc:
            self.warnings.append(f"Could not resync time with the server: {exc.user_message}")
            return
        self.timer.resync(info.server_time, info.deadline)
        self._save()

    @classmethod
    def resume_offline(cls, config: SessionConfig, exam_id: str, student_id: str,
                       server: ServerClient | None = None) -> AttemptSession:
        session = cls(config, server)
        session.exam_id, session.student_id = exam_id, student_id
        session._restore()
        pin = config.data_dir / "server_key.pin"
        if server is not None and pin.exists():
            server.server_public = pin.read_bytes()
        return session

    # ------------------------------------------------------------------ hand-in
    def _flag_counts(self) -> dict[str, int]:
        records = self._log().records()
        return {"high": sum(1 for r in records if r["severity"] >= ALERT),
                "low": sum(1 for r in records if r["severity"] == WARNING)}

    def submit(self, progress: Progress | None = None) -> SubmitOutcome:
        """Seal everything, queue it, try to upload now (crash-safe at every step)."""
        self._need(Step.STARTED)
        self._log().append("exam_submitted", {"remaining_s": self.remaining_s(),
                                              "answered": len(self.answers)})
        self.step = Step.SUBMITTING  # saved before sealing: a crash resumes the hand-in
        self._save()
        return self.retry_outbox(progress)

    def _jobs(self) -> list[OutboxJob]:
        return [j for j in self.outbox.jobs() if j.attempt_id == self.attempt_id]

    def _queue_handin(self) -> OutboxJob:
        assert self.timer is not None and self.attempt_key is not None
        log = self._log()
        flags = self._flag_counts()
        signature = log.seal(self.attempt_key)  # idempotent
        inputs = HandinInputs(
            attempt_id=self.attempt_id, exam_id=self.exam_id,
            exam_version=int(self.manifest["exam"]["version"]), student_id=self.student_id,
            seed=self.seed, paper=self.paper, answers=self.answers, log_bytes=log.read_bytes(),
            log_signature=signature, flags=list(self.flags), evidence=log.evidence(),
            system_checks=self.checks, identity=self.identity,
            identity_images=self.identity_images, consent=self.consent_record,
            submitted_at=iso_utc(self.timer.server_now()), remaining_s=self.remaining_s())
        recipient = X25519PublicKey.from_public_bytes(
            base64.b64decode(self.manifest["recipient"]["public_key"]))
        return self.outbox.enqueue(seal_handin(inputs, recipient, self.attempt_key),
                                   self.attempt_id, flags)

    def retry_outbox(self, progress: Progress | None = None) -> SubmitOutcome:
        """Build the hand-in if a crash interrupted it, then try to upload queued ones."""
        self._need(Step.SUBMITTING, Step.SUBMITTED)
        if self.step == Step.SUBMITTED and self.receipt is not None and not self._jobs():
            return SubmitOutcome(local_wipe.receipt_job(self.receipt), self.receipt)  # wiped
        jobs = self._jobs()
        job = jobs[-1] if jobs else self._queue_handin()
        if self.server is not None:
            self.outbox.flush(self.server, progress)
        job = self._jobs()[-1]
        self.receipt = self.outbox.receipt_for(self.attempt_id)
        if self.receipt is not None and self.step == Step.SUBMITTING:
            self.step = Step.SUBMITTED
            self._save()
            self._wipe()
        return SubmitOutcome(job, self.receipt)

    def _wipe(self) -> None:
        """Receipt verified: keep a summary in memory for the student, delete the rest."""
        assert self.receipt is not None
        record = local_wipe.make_record(self.receipt, self.exam_id, self.student_id)
        self.my_record = build_my_record(self, record["receipt_sha256"])
        self.close()
        self.log, self.autosave = None, None
        local_wipe.wipe_attempt(self.config.data_dir, record, self.outbox, self.config.keys,
                                self.config.clock)

    def close(self) -> None:
        if self.log is not None:
            self.log.close()
