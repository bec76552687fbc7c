"""In-memory :class:`~client.ui.backend.StudentBackend` for tests and screenshots.

It behaves like the real core from the UI's point of view (progress callbacks,
typed errors, restored answers) and records every call so tests can assert
what the UI handed over.  Failures are injected with the public attributes.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable
from typing import Any

import cv2
import numpy as np

from client.ui.backend import (
    RECORDED_DURING_EXAM,
    RESULTS_DESTINATION,
    Clock,
    ConsentInfo,
    ExamStart,
    ExamSummary,
    IdentityDecision,
    PackageReport,
    Progress,
    Receipt,
)
from exam_packages.errors import InputError, NetworkError, ServerError, UntrustedSignerError


def _diagram_png() -> bytes:
    img = np.full((140, 320, 3), 255, np.uint8)
    cv2.rectangle(img, (20, 90), (300, 110), (60, 60, 60), -1)
    cv2.arrowedLine(img, (160, 85), (160, 20), (30, 30, 200), 3)
    cv2.putText(img, "F = m g", (180, 50), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (30, 30, 200), 2)
    ok, buf = cv2.imencode(".png", img)
    assert ok
    return buf.tobytes()


def sample_exam_doc() -> dict[str, Any]:
    """A questions document with every question type (docs/package-format.md)."""
    opts = [{"id": "a", "text": "Astana"}, {"id": "b", "text": "Almaty"},
            {"id": "c", "text": "Shymkent"}]
    questions: dict[str, Any] = {
        "q1": {"type": "single", "text": "Which city is the capital of Kazakhstan?",
               "options": opts, "correct": ["a"]},
        "q2": {"type": "multiple", "text": "Which of these are prime numbers?",
               "options": [{"id": "a", "text": "2"}, {"id": "b", "text": "4"},
                           {"id": "c", "text": "7"}, {"id": "d", "text": "9"}],
               "correct": ["a", "c"], "scoring": "partial"},
        "q3": {"type": "truefalse", "text": "Water boils at 100 °C at sea level.", "correct": True},
        "q4": {"type": "short", "text": "Name the longest river in Kazakhstan.",
               "accept": [{"pattern": "Irtysh", "mode": "exact", "case_sensitive": False}]},
        "q5": {"type": "numeric", "text": "The body in the diagram has mass 2 kg. "
               "What is its weight in newtons (g = 9.81)?\n\n![Force diagram](media/diagram.png)",
               "answer": "19.62", "tolerance": "0.05"},
        "q6": {"type": "essay", "text": "Explain Newton's third law with an example.", "points": 5},
        "q7": {"type": "matching", "text": "Match each quantity with its unit.",
               "pairs": [{"id": "p1", "left": "Force", "right": "newton"},
                         {"id": "p2", "left": "Energy", "right": "joule"},
                         {"id": "p3", "left": "Power", "right": "watt"}]},
        "q8": {"type": "ordering", "text": "Order the planets from the Sun outwards.",
               "items": [{"id": "i1", "text": "Mercury"}, {"id": "i2", "text": "Venus"},
                         {"id": "i3", "text": "Earth"}, {"id": "i4", "text": "Mars"}],
               "correct_order": ["i1", "i2", "i3", "i4"]},
    }
    return {"sections": [{"id": "s1", "title": "Demo", "questions": list(questions)}],
            "questions": questions}


def sample_paper(doc: dict[str, Any]) -> dict[str, Any]:
    """A deterministic 'shuffled' paper: reversed question order, rotated options."""
    paper = []
    for qid in reversed(list(doc["questions"])):
        q = doc["questions"][qid]
        ids: list[str] = [o["id"] for o in q.get("options", [])]
        ids = [o["id"] for o in q.get("items", [])] or ids
        ids = [p["id"] for p in q.get("pairs", [])] or ids
        paper.append({"id": qid, "options": ids[1:] + ids[:1]})
    return {"questions": paper}


class FakeBackend:
    """Scriptable stand-in for the core."""

    def __init__(self, clock: Clock, duration_s: int = 3600) -> None:
        self.clock = clock
        self.duration_s = duration_s
        self.exam_doc = sample_exam_doc()
        self.paper = sample_paper(self.exam_doc)
        self.policy: dict[str, Any] = {
            "navigation": "free", "identity_retries": 3,
            "required_checks": {"camera": True, "headset": True, "identity": True,
                                "min_bandwidth_kbps": 512},
        }
        self.bandwidth_kbps = 2400.0
        self.fail_sign_in: str | None = None
        self.download_failures = 0  # the next N downloads fail half-way (then resume)
        self.verification_error: str | None = None
        self.identity_decisions: list[IdentityDecision] = []
        self.offline_uploads = 0  # the next N uploads fail with NetworkError
        self.restored_answers: dict[str, Any] = {}
        # what the UI handed over
        self.saved: dict[str, Any] = {}
        self.save_calls = 0
        self.flags: set[str] = set()
        self.checks: dict[str, tuple[bool, dict[str, Any]]] = {}
        self.consent: bool | None = None
        self.checks_finished = False
        self.focus_events: list[float] = []
        self.focus_thumbnails: list[bytes | None] = []
        self.integrity_events: list[tuple[str, dict[str, Any], bytes | None]] = []
        self.screen_thumbnails: list[bytes | None] = []
        self.document_checks = 0
        self.document_verdict: tuple[bool, str] = (True, "")
        self.identity_calls: list[tuple[np.ndarray, list[np.ndarray]]] = []
        self.submitted: list[bool] = []
        self.proctored_frames = 0
        self.proctored_audio: list[tuple[int, int]] = []
        self.window_events: list[str] = []
        self.downloaded_bytes = 0
        self.signed_in_as: tuple[str, str, str] | None = None
        self.deadline = clock.wall() + duration_s
        self._lock = threading.Lock()

    # -- sign-in and package ---------------------------------------------------------------
    def sign_in(self, server_url: str, exam_id: str, student_id: str,
                access_code: str) -> list[ExamSummary]:
        self.signed_in_as = (server_url, exam_id, student_id)
        if self.fail_sign_in:  # as the real client gets it: the server's code and message
            raise ServerError(self.fail_sign_in, status=401, server_code="bad_credentials")
        return [
            ExamSummary("phys-101-final", "Physics 101 — final exam", "2026-12-01T08:00:00Z",
                        "2026-12-01T12:00:00Z", self.duration_s),
            ExamSummary("hist-kz-midterm", "History of Kazakhstan — midterm",
                        "2026-12-03T09:00:00Z", "2026-12-03T11:00:00Z", 2700),
        ]

    def download_package(self, exam_id: str, progress: Progress) -> PackageReport:
        total = 8 * 65536
        while self.downloaded_bytes < total:
            self.downloaded_bytes += 65536
            progress(self.downloaded_bytes, total)
            if self.download_failures and self.downloaded_bytes >= total // 2:
                self.download_failures -= 1
                raise NetworkError("The connection dropped during the download.")
        if self.verification_error:
            raise UntrustedSignerError(self.verification_error)
        return PackageReport(exam_id, "Physics 101 — final exam", 3,
                             "Physics department (key 5f3a…c21e)", self.policy,
                             ("signature", "version", "exam window", "file hashes"))

    # -- checks and consent -------------------------------------------------------------
    def measure_bandwidth_kbps(self, progress: Progress) -> float:
        for i in range(1, 5):
            progress(i, 4)
        if self.bandwidth_kbps < 0:
            raise NetworkError("The server could not be reached.")
        return self.bandwidth_kbps

    def record_check(self, name: str, passed: bool, details: dict[str, Any]) -> None:
        self.checks[name] = (passed, dict(details))

    def finish_checks(self) -> None:
        self.checks_finished = True

    def consent_info(self) -> ConsentInfo:
        return ConsentInfo(
            recorded=RECORDED_DURING_EXAM, destination=RESULTS_DESTINATION,
            retention_days=90, contact="exams@university.example")

    def record_consent(self, accepted: bool) -> None:
        self.consent = accepted

    # -- identity -------------------------------------------------------------------------
    def liveness_steps(self) -> list[str]:
        return ["Look straight at the camera.", "Slowly turn your head to the left.",
                "Blink twice."]

    def check_document(self, id_image: np.ndarray) -> tuple[bool, str]:
        self.document_checks += 1
        return self.document_verdict

    def verify_identity(self, id_image: np.ndarray, frames: Iterable[np.ndarray]
                        ) -> IdentityDecision:
        captured = list(frames)  # like the real backend: returns once the capture is over
        if getattr(frames, "cancelled", False):
            raise InputError("The identity check was cancelled.")
        self.identity_calls.append((id_image, captured))
        if self.identity_decisions:
            return self.identity_decisions.pop(0)
        return IdentityDecision("accept", "Your face matches the photo on your document.", 3,
                                (("blink", True), ("turn_left", True), ("turn_right", True)))

    def confirm_identity(self) -> None:
        self.identity_confirmed = True

    # -- exam ------------------------------------------------------------------------------
    def start_exam(self) -> ExamStart:
        media = {"media/diagram.png": _diagram_png()}
        self.deadline = self.clock.wall() + self.duration_s
        return ExamStart("att-7f3c", "Physics 101 — final exam", self.deadline,
                         self.paper, self.exam_doc, media,
                         self.policy, dict(self.restored_answers), frozenset())

    def remaining_s(self) -> float:
        return self.deadline - self.clock.wall()

    def save_answer(self, question_id: str, answer: Any) -> None:
        self.save_calls += 1
        self.saved[question_id] = answer

    def set_flag(self, question_id: str, flagged: bool) -> None:
        (self.flags.add if flagged else self.flags.discard)(question_id)

    def proctor_frame(self, frame: np.ndarray) -> None:
        with self._lock:
            self.proctored_frames += 1

    def proctor_audio(self, samples: np.ndarray, sample_rate: int) -> None:
        with self._lock:
            self.proctored_audio.append((len(samples), sample_rate))

    def focus_lost(self, seconds: float, thumbnail: bytes | None = None) -> None:
        self.focus_events.append(seconds)
        self.focus_thumbnails.append(thumbnail)

    def record_integrity(self, kind: str, data: dict[str, Any],
                         thumbnail: bytes | None = None) -> None:
        self.integrity_events.append((kind, data, thumbnail))

    def app_hidden(self) -> None:
        self.window_events.append("hidden")

    def extra_screen(self, count: int, thumbnail: bytes | None = None) -> None:
        self.window_events.append(f"screens:{count}")
        self.screen_thumbnails.append(thumbnail)

    # -- hand-in ---------------------------------------------------------------------------
    def submit(self, auto: bool, progress: Progress) -> Receipt:
        self.submitted.append(auto)
        return self._upload(progress)

    def retry_upload(self, progress: Progress) -> Receipt:
        return self._upload(progress)

    def _upload(self, progress: Progress) -> Receipt:
        total = 4 * 262144
        for done in range(262144, total + 1, 262144):
            progress(done, total)
            if self.offline_uploads and done >= total // 2:
                self.offline_uploads -= 1
                raise NetworkError("No connection to the exam server.")
        digest = hashlib.sha256(json.dumps(self.saved, sort_keys=True).encode()).hexdigest()
        body = {"attempt_id": "att-7f3c", "exam_id": "phys-101-final", "sha256": digest,
                "size": total, "received_at": "2026-12-01T09:31:07Z", "late": False,
                "late_s": 0, "version": 1}
        return Receipt("rcpt-" + digest[:8], "att-7f3c", "2026-12-01T09:31:07Z", digest, True,
                       {k: v for k, v in body.items() if k not in ("attempt_id", "sha256")},
                       signed={"receipt": body, "signature": "(fake: not signed)",
                               "key_id": "a91c07b2"})
