"""One proctoring step, Qt-free: frames/audio in, event-log records out.

``Proctor(report, analyser=None)``: ``report`` is ``AttemptSession.report`` (or any
callable with the same signature, e.g. ``EventLog.append``); ``analyser`` is
anything with ``process_frame(t, frame)`` / ``process_audio(t, samples, rate)``
returning verifier ``ProctorEvent``s (``kind``, ``severity`` "info|low|medium|high",
``to_dict()``, ``thumbnail_jpeg``).  ``Proctor.with_verifier(template=None)`` builds
``verifier.analysers.SessionAnalyser`` and falls back to no analyser (saying so in
``self.analyser_note``) when the verifier cannot load.

The event log keeps the thumbnail only for flagged severities (see
client.core.eventlog.EvidenceBudget), so passing every event's thumbnail is fine.

UI-reported events: ``focus_lost(seconds)``, ``app_hidden()``, ``extra_screen(count)``,
``focus_back()``.  The UI's worker thread calls ``process_frame`` at the analysis
rate (e.g. 5 fps); the proctor holds no thread of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from .eventlog import ALERT, INFO, NOTICE, WARNING

SEVERITY = {"info": INFO, "low": NOTICE, "medium": WARNING, "high": ALERT}
Report = Callable[..., Any]


class Analyser(Protocol):
    def process_frame(self, t: float, frame: np.ndarray) -> list[Any]: ...

    def process_audio(self, t: float, samples: np.ndarray, sample_rate: int) -> list[Any]: ...


class Proctor:
    def __init__(self, report: Report, analyser: Analyser | None = None) -> None:
        self.report = report
        self.analyser = analyser
        self.analyser_note = "" if analyser is not None else "no analyser: camera not analysed"
        self.frames = 0
        self.events = 0

    @classmethod
    def with_verifier(cls, report: Report, template: Any = None,
                      config: Any = None) -> Proctor:
        try:
            from verifier.analysers import SessionAnalyser

            analyser: Analyser | None = SessionAnalyser(config, template)
        except (ImportError, RuntimeError) as exc:  # pragma: no cover - verifier present in CI
            proctor = cls(report, None)
            proctor.analyser_note = f"verifier unavailable: {exc}"
            return proctor
        return cls(report, analyser)

    def _record(self, events: list[Any]) -> list[dict[str, Any]]:
        written = []
        for event in events:
            data = event.to_dict()
            written.append(self.report(str(event.kind), data,
                                       severity=SEVERITY.get(str(event.severity), WARNING),
                                       thumbnail=getattr(event, "thumbnail_jpeg", None)))
        self.events += len(written)
        return written

    def process_frame(self, t: float, frame: np.ndarray) -> list[dict[str, Any]]:
        self.frames += 1
        if self.analyser is None:
            return []
        return self._record(self.analyser.process_frame(t, frame))

    def process_audio(self, t: float, samples: np.ndarray, rate: int) -> list[dict[str, Any]]:
        if self.analyser is None:
            return []
        return self._record(self.analyser.process_audio(t, samples, rate))

    # ------------------------------------------------------------------ from the UI
    def focus_lost(self, seconds: float | None = None,
                   thumbnail: bytes | None = None) -> dict[str, Any]:
        data = {} if seconds is None else {"seconds": int(round(seconds))}
        return self.report("focus_lost", data, severity=WARNING, thumbnail=thumbnail)

    def focus_back(self) -> dict[str, Any]:
        return self.report("focus_back", {}, severity=INFO)

    def app_hidden(self) -> dict[str, Any]:
        return self.report("app_hidden", {}, severity=WARNING)

    def extra_screen(self, count: int, thumbnail: bytes | None = None) -> dict[str, Any]:
        return self.report("extra_screen", {"screens": int(count)}, severity=ALERT,
                           thumbnail=thumbnail)
