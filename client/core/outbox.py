"""Outbox of sealed hand-ins waiting for the network (Qt-free, no threads).

``Outbox(directory, clock=None)`` keeps one folder per hand-in::

    <attempt_id>-<sha256[:16]>/result.emtres   the sealed envelope (never changed)
                               job.json        state: queued -> uploaded -> done,
                                               the tus upload URL, the verified receipt

``enqueue(envelope, attempt_id, flags)`` writes both atomically (the hand-in survives a
crash or power loss).  ``flush(server, progress=None)`` tries every unfinished job:
tus upload (resuming at the stored upload URL), then fetch + verify the signed
receipt.  An ``OfflineError`` or a 5xx leaves the job queued (``last_error`` says
why) and ``flush`` moves on; a receipt that does not verify raises
(``SignatureError``/``IntegrityError``), since that is a trust problem, not a
network one.  ``offline_s`` sent to the server = seconds between enqueue and the
successful upload, as measured by this machine's clock.  The UI calls ``flush``
from a worker thread whenever it sees the network (e.g. every 30 s).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from exam_packages.errors import LocalStateError, NetworkError

from .api import ExamServer, Progress
from .autosave import atomic_write
from .clock import Clock, SystemClock

ENVELOPE = "result.emtres"
JOB = "job.json"


@dataclass
class OutboxJob:
    job_id: str
    attempt_id: str
    sha256: str
    size: int
    queued_wall: float
    flags: dict[str, int] = field(default_factory=dict)
    state: str = "queued"  # queued | uploaded | done
    upload_url: str = ""
    receipt: dict[str, Any] | None = None
    last_error: str = ""
    tries: int = 0

    @property
    def done(self) -> bool:
        return self.state == "done"


class Outbox:
    def __init__(self, directory: Path, clock: Clock | None = None) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.clock = clock or SystemClock()

    def _dir(self, job_id: str) -> Path:
        return self.directory / job_id

    def envelope_path(self, job: OutboxJob) -> Path:
        return self._dir(job.job_id) / ENVELOPE

    def _save(self, job: OutboxJob) -> None:
        atomic_write(self._dir(job.job_id) / JOB, json.dumps(asdict(job)).encode())

    def enqueue(self, envelope: bytes, attempt_id: str,
                flags: dict[str, int] | None = None) -> OutboxJob:
        sha = hashlib.sha256(envelope).hexdigest()
        job_id = f"{attempt_id}-{sha[:16]}"
        existing = self.get(job_id)
        if existing is not None:
            return existing
        self._dir(job_id).mkdir(parents=True, exist_ok=True)
        atomic_write(self._dir(job_id) / ENVELOPE, envelope)
        job = OutboxJob(job_id, attempt_id, sha, len(envelope), self.clock.wall(),
                        dict(flags or {}))
        self._save(job)
        return job

    def get(self, job_id: str) -> OutboxJob | None:
        path = self._dir(job_id) / JOB
        if not path.exists():
            return None
        try:
            return OutboxJob(**json.loads(path.read_bytes()))
        except (ValueError, TypeError):
            raise LocalStateError(f"The outbox entry {job_id} is damaged.") from None

    def jobs(self) -> list[OutboxJob]:
        found = [self.get(p.name) for p in sorted(self.directory.iterdir()) if p.is_dir()]
        return sorted((j for j in found if j is not None), key=lambda j: j.queued_wall)

    def pending(self) -> list[OutboxJob]:
        return [job for job in self.jobs() if not job.done]

    def receipt_for(self, attempt_id: str) -> dict[str, Any] | None:
        """The newest verified receipt of this attempt, if any."""
        done = [j for j in self.jobs() if j.attempt_id == attempt_id and j.receipt]
        return done[-1].receipt if done else None

    def flush(self, server: ExamServer, progress: Progress | None = None) -> list[OutboxJob]:
        """Try every unfinished job once; returns the jobs finished by this call."""
        finished = []
        for job in self.pending():
            if self._try(job, server, progress):
                finished.append(job)
        return finished

    def _try(self, job: OutboxJob, server: ExamServer, progress: Progress | None) -> bool:
        job.tries += 1
        try:
            if job.state == "queued":
                self._upload(job, server, progress)
            job.receipt = server.fetch_receipt(job.attempt_id, job.sha256)
        except NetworkError as exc:
            job.last_error = exc.user_message
            self._save(job)
            return False
        job.state, job.last_error = "done", ""
        self._save(job)
        return True

    def _upload(self, job: OutboxJob, server: ExamServer, progress: Progress | None) -> None:
        def remember(url: str) -> None:
            job.upload_url = url
            self._save(job)

        offline_s = max(0, int(self.clock.wall() - job.queued_wall))
        server.upload_result(self.envelope_path(job), job.attempt_id, job.sha256,
                             flags=job.flags, offline_s=offline_s, progress=progress,
                             upload_url=job.upload_url or None, on_url=remember)
        job.state = "uploaded"
        self._save(job)

