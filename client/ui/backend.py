"""The narrow interface between the student UI and the Qt-free client core.

The UI only talks to a :class:`StudentBackend`.  ``client/ui/core_backend.py``
implements it on top of ``client.core``; ``tests/support/fake_backend.py`` is the
in-memory fake used by tests and the screenshot script.  All methods may block
(network, disk, face analysis): the UI calls them from worker threads, except
:meth:`StudentBackend.save_answer` and :meth:`StudentBackend.set_flag`, which
must be quick local writes.  Failures are raised as ``EmtihanError``
subclasses whose ``user_message`` is shown to the student.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

Progress = Callable[[int, int], None]
"""``progress(done, total)``; ``total`` 0 means unknown."""


class Clock(Protocol):
    """Wall clock in Unix seconds (``client.core.clock.SystemClock`` fits)."""

    def wall(self) -> float: ...


@dataclass(frozen=True)
class ExamSummary:
    exam_id: str
    title: str
    opens_at: str
    closes_at: str
    duration_s: int
    downloaded: bool = False


@dataclass(frozen=True)
class PackageReport:
    """What the student sees after a package was downloaded and verified."""

    exam_id: str
    title: str
    version: int
    signer: str
    policy: dict[str, Any]
    checks: tuple[str, ...]


@dataclass(frozen=True)
class ConsentInfo:
    recorded: tuple[str, ...]
    destination: str
    retention_days: int  # policy.retention.evidence_days of the signed package
    contact: str
    records_days: int = 0  # policy.retention.records_days (decisions, receipt records)


# What the client records during an exam and where it goes: the same for every backend
# (translated on the consent page through client/i18n/catalogue.py).
RECORDED_DURING_EXAM = (
    "your ID document's photo and a picture of your face from the identity check",
    "webcam pictures when something unusual happens",
    "whether someone speaks near the microphone (nothing is recorded)",
    "when the exam window loses focus", "your answers and their times",
    "remote-control, screen-sharing and recording programs that are running",
    "a small picture of your screen when you leave the exam window, connect a second screen "
    "or such a program runs")
RESULTS_DESTINATION = "your university's exam office (encrypted to its key)"
CONSENT_CONTACT = "your exam office"  # where questions and objections go


@dataclass(frozen=True)
class IdentityDecision:
    """What the student is told after one identity try (``client.core.identity`` logs
    the same record for the invigilator)."""

    decision: str  # "accept" | "reject" | "review"
    reason: str  # one reason per line (English source texts)
    retries_left: int
    steps: tuple[tuple[str, bool], ...] = ()  # (liveness step name, passed) in the asked order


@dataclass(frozen=True)
class ExamStart:
    attempt_id: str
    title: str
    deadline: float  # Unix seconds, from the server
    paper: dict[str, Any]  # {"questions": [{"id": ..., "options": [...]}, ...]}
    exam_doc: dict[str, Any]
    media: dict[str, bytes]
    policy: dict[str, Any]
    answers: dict[str, Any] = field(default_factory=dict)  # restored after a crash
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Receipt:
    receipt_id: str
    attempt_id: str
    received_at: str
    sha256: str
    signature_valid: bool
    fields: dict[str, Any] = field(default_factory=dict)
    # the server's answer as received: {"receipt": {...}, "signature": ..., "key_id": ...};
    # saved beside the PDF so the receipt can be verified later with the server's key
    signed: dict[str, Any] = field(default_factory=dict)


class StudentBackend(Protocol):
    """Everything the student UI needs from the core."""

    def sign_in(self, server_url: str, exam_id: str, student_id: str,
                access_code: str) -> list[ExamSummary]:
        """Sign in for ``exam_id``; returns the exams this student may take."""
        ...

    def download_package(self, exam_id: str, progress: Progress) -> PackageReport:
        """Download (resuming a partial file) and verify; raise on failure."""
        ...

    def measure_bandwidth_kbps(self, progress: Progress) -> float: ...

    def record_check(self, name: str, passed: bool, details: dict[str, Any]) -> None: ...

    def finish_checks(self) -> None:
        """All results recorded; raises if the policy's required checks did not pass."""
        ...

    def consent_info(self) -> ConsentInfo: ...

    def record_consent(self, accepted: bool) -> None: ...

    def liveness_steps(self) -> list[str]:
        """Plain-language instructions, one per liveness step (English source text)."""
        ...

    def check_document(self, id_image: np.ndarray) -> tuple[bool, str]:
        """Slow (worker): is there a usable portrait on the document photo? (found, what to
        fix or a remark, English source; "" when nothing to say). Never blocks the try."""
        ...

    def verify_identity(
        self, id_image: np.ndarray, frames: Iterable[np.ndarray]
    ) -> IdentityDecision:
        """``frames``: the challenge's BGR camera frames in capture order, yielded while
        they are captured (``verifier.capture.FrameFeed``): called when the challenge
        starts, it analyses them as they come and returns once the iteration has ended.
        Raises ``InputError`` (nothing recorded) when the feed was cancelled."""
        ...

    def confirm_identity(self) -> None:
        """The student continues with the last try's outcome (records it as final)."""
        ...

    def start_exam(self) -> ExamStart: ...

    def remaining_s(self) -> float:
        """Quick: seconds left until the server deadline (never stretched by the wall clock)."""
        ...

    def save_answer(self, question_id: str, answer: Any) -> None: ...

    def set_flag(self, question_id: str, flagged: bool) -> None: ...

    def proctor_frame(self, frame: np.ndarray) -> None: ...

    def proctor_audio(self, samples: np.ndarray, sample_rate: int) -> None:
        """A block of mono int16 microphone samples during the exam (worker thread)."""
        ...

    def focus_lost(self, seconds: float, thumbnail: bytes | None = None) -> None:
        """Quick: the exam window was in the background for ``seconds`` (``thumbnail``: a
        downscaled JPEG of the desktop taken meanwhile)."""
        ...

    def record_integrity(self, kind: str, data: dict[str, Any],
                         thumbnail: bytes | None = None) -> None:
        """Quick: an exam-mode flag (``environment_flag``, ``paste_refused``), recorded as a
        warning with an optional desktop thumbnail."""
        ...

    def app_hidden(self) -> None:
        """Quick: the exam window was minimised or hidden during the exam."""
        ...

    def extra_screen(self, count: int, thumbnail: bytes | None = None) -> None:
        """Quick: ``count`` screens are connected during the exam (more than one), with an
        optional desktop thumbnail."""
        ...

    def submit(self, auto: bool, progress: Progress) -> Receipt:
        """Seal and upload; on ``NetworkError`` the result stays in the outbox."""
        ...

    def retry_upload(self, progress: Progress) -> Receipt: ...
