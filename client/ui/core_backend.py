""":class:`~client.ui.backend.StudentBackend` on top of the Qt-free core.

Wraps ``client.core.session.AttemptSession`` (state machine, autosave, event
log, hand-in outbox) plus the verifier's identity and liveness checks.  No Qt
here either: the UI calls these methods from its worker threads.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from client.core.api import ServerClient
from client.core.eventlog import WARNING
from client.core.identity import STEP_TEXT, IdentityRecord, record_of
from client.core.session import AttemptSession, SessionConfig, Step
from exam_packages.errors import EmtihanError, InputError, SessionStateError
from exam_packages.model import retention_of
from exam_packages.package import open_package
from exam_packages.trust import TrustStore

from .backend import (
    CONSENT_CONTACT,
    RECORDED_DURING_EXAM,
    RESULTS_DESTINATION,
    ConsentInfo,
    ExamStart,
    ExamSummary,
    IdentityDecision,
    PackageReport,
    Progress,
    Receipt,
)

# what the download check verified (shown translated on the sign-in page)
PACKAGE_CHECKS = ("signature", "version", "file hashes")


def template_frame(frames: list[np.ndarray], times: tuple[float, ...]) -> np.ndarray | None:
    """The first captured frame the identity template was built from (``times``: the
    template's capture times), shown to the invigilator beside the ID portrait; None when
    no template could be built."""
    from verifier.capture import capture_time

    return next((f for f in frames if times and capture_time(f) == times[0]), None)


def _jpeg(image: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return buf.tobytes() if ok else b""


class CoreBackend:
    """One attempt of one student, driven by the UI."""

    def __init__(self, config: SessionConfig, server_url: str | None = None,
                 rng: random.Random | None = None) -> None:
        self.config = config
        self.session: AttemptSession | None = None
        self.server_url = server_url
        self.rng = rng or random.SystemRandom()
        self.challenge: tuple[str, ...] = ()
        self._challenges: Any = None  # verifier.attempt.ChallengeSchedule, made on first use
        self._portrait: tuple[np.ndarray, Any] | None = None  # (ID photo, its portrait)
        self.identity_tries = 0
        self._tries: list[IdentityRecord] = []  # earlier tries, logged as identity_attempt
        self._last: tuple[IdentityRecord, dict[str, bytes]] | None = None
        self._audio: dict[str, tuple[bool, dict[str, Any]]] = {}
        self._proctor: Any = None
        self._lock = threading.Lock()  # proctoring and answers may arrive from two threads

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> CoreBackend:
        trust = config.get("trust")
        if trust is None:
            raise InputError("No trusted author keys: pass --trust FILE.")
        if not isinstance(trust, TrustStore):
            trust = TrustStore.load(Path(trust))
        data_dir = Path(config.get("data_dir") or Path.home() / ".emtihan")
        return cls(SessionConfig(data_dir, trust), str(config.get("base_url") or "") or None)

    @property
    def s(self) -> AttemptSession:
        if self.session is None:
            raise SessionStateError("Sign in first.")
        return self.session

    # -- sign-in and package ---------------------------------------------------------------
    def sign_in(self, server_url: str, exam_id: str, student_id: str,
                access_code: str) -> list[ExamSummary]:
        server = ServerClient(server_url)
        session = AttemptSession(self.config, server)
        session.sign_in(exam_id, student_id, access_code)
        self.session = session
        out = []
        for e in server.list_exams():
            out.append(ExamSummary(
                str(e.get("exam_id", "")), str(e.get("title") or e.get("exam_id", "")),
                str(e.get("opens_at", "")), str(e.get("closes_at", "")),
                int(e.get("duration_s", 0) or 0)))
        return out

    def download_package(self, exam_id: str, progress: Progress) -> PackageReport:
        s = self.s
        if exam_id != s.exam_id:
            raise InputError(f"You signed in for {s.exam_id}; sign in again for {exam_id}.")
        s.download_package(progress)
        exam = s.manifest["exam"]
        return PackageReport(exam_id, str(exam.get("title", exam_id)), int(exam["version"]),
                             str(s.manifest.get("author_key_id", ""))[:12],
                             s.policy, PACKAGE_CHECKS)

    # -- checks and consent ---------------------------------------------------------------
    def measure_bandwidth_kbps(self, progress: Progress) -> float:
        result = self.s.check_bandwidth(progress)
        return float(min(result.download_kbps, result.upload_kbps))

    def record_check(self, name: str, passed: bool, details: dict[str, Any]) -> None:
        if name in ("microphone", "speaker"):
            self._audio[name] = (passed, details)
            if len(self._audio) == 2:
                ok = all(p for p, _ in self._audio.values())
                result: dict[str, Any] = {k: dict(v[1], passed=v[0])
                                          for k, v in self._audio.items()}
                if any(v[1].get("student_declared") for v in self._audio.values()):
                    result["student_declared"] = True  # a flag, never a silent pass
                self.s.record_check("audio", result, ok)
            return
        self.s.record_check(name, details, passed)

    def finish_checks(self) -> None:
        self.s.finish_checks()

    def consent_info(self) -> ConsentInfo:
        retention = retention_of(self.s.policy)  # from the signed package, not hard-coded
        return ConsentInfo(
            recorded=RECORDED_DURING_EXAM, destination=RESULTS_DESTINATION,
            retention_days=int(retention["evidence_days"]), contact=CONSENT_CONTACT,
            records_days=int(retention["records_days"]))

    def record_consent(self, accepted: bool) -> None:
        try:
            self.s.consent(accepted, "consent-v1")
        except SessionStateError:
            if accepted:
                raise  # declining is logged by the core and ends the attempt: not an error

    # -- identity --------------------------------------------------------------------------
    def liveness_steps(self) -> list[str]:
        """A fresh random order for every try (never one already used in this attempt)."""
        from verifier.attempt import ChallengeSchedule

        if self._challenges is None:
            self._challenges = ChallengeSchedule(random.Random(self.rng.random()))
        self.challenge = self._challenges.next().steps
        return [STEP_TEXT[s] for s in self.challenge]

    def check_document(self, id_image: np.ndarray) -> tuple[bool, str]:
        from verifier.identity import IdentityVerifier
        from verifier.quality import Reason

        found = IdentityVerifier().portrait(id_image)
        self._portrait = (id_image, found)  # the identity check of this photo reuses it
        if isinstance(found, Reason):
            return False, found.message
        return True, " ".join(r.message for r in found.reasons)

    def verify_identity(self, id_image: np.ndarray, frames: Iterable[np.ndarray]
                        ) -> IdentityDecision:
        from verifier.attempt import AttemptVerifier
        from verifier.liveness import LivenessChallenge

        # frames carry their capture time (client.core.devices stamps them) and are analysed
        # while the student performs the challenge (verifier.capture.FrameFeed): the ID
        # portrait first, then every frame as it comes, so only the remainder is left after
        # the last one; the camera thread counts faces meanwhile (face_adapter serialises dlib)
        captured: list[np.ndarray] = []

        def kept() -> Iterator[np.ndarray]:
            for frame in frames:
                captured.append(frame)
                yield frame

        known = self._portrait  # found by check_document when the photo was added
        portrait = known[1] if known is not None and known[0] is id_image else None
        attempt = AttemptVerifier().decide_stream(id_image, LivenessChallenge(self.challenge),
                                                  kept(), portrait=portrait)
        if getattr(frames, "cancelled", False):
            raise InputError("The identity check was cancelled.")
        self.identity_tries += 1
        # the verifier's decision as it is (a failed liveness is never a match there)
        record = record_of(attempt.to_dict(), attempt=self.identity_tries)
        record = replace(record, tries=tuple(t.brief() for t in self._tries))
        retries = int(self.s.policy.get("identity_retries", 3) or 0)
        left = max(0, retries - self.identity_tries)
        images = {"id_portrait": _jpeg(id_image)}
        template = attempt.liveness.template
        shown = template_frame(captured, template.capture_times if template else ())
        if shown is not None:
            images["live_0"] = _jpeg(shown)
        self._last = (record, images)
        if record.outcome == "match" or left == 0:
            self.confirm_identity()
        else:
            self.s.record_identity(record.to_dict(), images, final=False)
            self._tries.append(record)
        decision = {"match": "accept", "review": "review", "no_match": "reject"}[record.outcome]
        # one reason per line: the identity page translates each (client/i18n/catalogue.py)
        text = "\n".join(record.messages) or "Your face matches the photo on your document."
        return IdentityDecision(decision, text, left,
                                tuple((s.name, s.passed) for s in record.steps))

    def confirm_identity(self) -> None:
        if self.s.step == Step.IDENTITY_DONE or self._last is None:
            return
        record, images = self._last
        self.s.record_identity(replace(record, final=True).to_dict(), images, final=True)

    # -- exam ------------------------------------------------------------------------------
    def start_exam(self) -> ExamStart:
        s = self.s
        info = s.start()
        opened = open_package(s.package_path, self.config.trust, content_key=s.content_key,
                              check_window=False)
        media = {"media/" + n: opened.media(n) for n in opened.media_names}
        exam = s.manifest["exam"]
        return ExamStart(info.attempt_id, str(exam.get("title", s.exam_id)), info.deadline,
                         s.paper, s.exam_doc, media, s.policy, dict(s.answers),
                         frozenset(s.flags))

    def resumed_exam(self) -> ExamStart | None:
        """After a crash: the exam already running for this attempt (restored at sign-in),
        or None when there is nothing to resume."""
        s = self.s
        if s.step != Step.STARTED or s.timer is None:
            return None
        opened = open_package(s.package_path, self.config.trust, content_key=s.content_key,
                              check_window=False)
        media = {"media/" + n: opened.media(n) for n in opened.media_names}
        exam = s.manifest["exam"]
        return ExamStart(s.attempt_id, str(exam.get("title", s.exam_id)), s.timer.deadline,
                         s.paper, s.exam_doc, media, s.policy, dict(s.answers),
                         frozenset(s.flags))

    def handed_in(self) -> bool:
        """After sign-in: this attempt was handed in on this computer (upload pending or
        receipt kept)."""
        return self.s.step in (Step.SUBMITTING, Step.SUBMITTED)

    def remaining_s(self) -> float:
        return float(self.s.remaining_s())

    def save_answer(self, question_id: str, answer: Any) -> None:
        with self._lock:
            self.s.set_answer(question_id, answer)

    def set_flag(self, question_id: str, flagged: bool) -> None:
        with self._lock:
            self.s.set_flag(question_id, flagged)

    def _get_proctor(self) -> Any:
        from client.core.proctor import Proctor

        if self._proctor is None:
            self._proctor = Proctor.with_verifier(self.s.report)
        return self._proctor

    def proctor_frame(self, frame: np.ndarray) -> None:
        with self._lock:
            try:
                self._get_proctor().process_frame(self.config.clock.monotonic(), frame)
            except EmtihanError:
                pass  # proctoring never interrupts the exam; the core logged what it could

    def proctor_audio(self, samples: np.ndarray, sample_rate: int) -> None:
        with self._lock:
            try:
                self._get_proctor().process_audio(self.config.clock.monotonic(), samples,
                                                  sample_rate)
            except EmtihanError:
                pass  # proctoring never interrupts the exam

    def focus_lost(self, seconds: float, thumbnail: bytes | None = None) -> None:
        with self._lock:
            self._get_proctor().focus_lost(seconds, thumbnail=thumbnail)

    def record_integrity(self, kind: str, data: dict[str, Any],
                         thumbnail: bytes | None = None) -> None:
        with self._lock:
            self.s.report(kind, data, severity=WARNING, thumbnail=thumbnail)

    def app_hidden(self) -> None:
        with self._lock:
            self._get_proctor().app_hidden()

    def extra_screen(self, count: int, thumbnail: bytes | None = None) -> None:
        with self._lock:
            self._get_proctor().extra_screen(count, thumbnail=thumbnail)

    # -- hand-in ---------------------------------------------------------------------------
    def submit(self, auto: bool, progress: Progress) -> Receipt:
        with self._lock:
            if auto:
                self.s.report("auto_submit", {"reason": "time_up"})
            outcome = self.s.submit(progress)
        return self._receipt(outcome.receipt)

    def retry_upload(self, progress: Progress) -> Receipt:
        with self._lock:
            outcome = self.s.retry_outbox(progress)
        return self._receipt(outcome.receipt)

    def my_record(self) -> Any:
        """What was recorded about the student (``client.core.my_record.MyRecord``, memory
        only), or None before the receipt or after a restart."""
        return self.s.my_record

    def feedback(self) -> list[Any]:
        """After the receipt: the author's feedback the exam lets the student see
        (``exam_packages.feedback.QuestionFeedback``; none unless ``policy.feedback`` is
        ``after_handin``). Computed in memory from the paper and answers just handed in."""
        from exam_packages.feedback import student_feedback

        s = self.s
        if s.receipt is None or not s.exam_doc:
            return []
        return student_feedback(s.exam_doc, s.policy, s.paper, s.answers)

    def my_decisions(self) -> dict[str, Any]:
        """The invigilator's released decisions on this attempt (from the server)."""
        server = self.s._server()
        return server.my_decisions(self.s.attempt_id)

    def _receipt(self, doc: dict[str, Any] | None) -> Receipt:
        from exam_packages.errors import OfflineError

        if doc is None:
            job = self.s._jobs()[-1] if self.s._jobs() else None
            why = getattr(job, "last_error", None) or "no connection to the exam server"
            raise OfflineError(str(why))
        body = doc.get("receipt", doc)
        rid = body.get("receipt_id") or body.get("id") or str(body.get("sha256", ""))[:16]
        return Receipt(str(rid),
                       str(body.get("attempt_id", self.s.attempt_id)),
                       str(body.get("received_at", "")), str(body.get("sha256", "")), True,
                       {k: v for k, v in body.items()
                        if k not in ("receipt_id", "attempt_id", "received_at", "sha256")},
                       signed=doc)
