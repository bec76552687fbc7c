"""The microphone during the exam: blocks of about a second go to the voice analyser.

``ExamAudioFeed`` opens the default microphone (QtMultimedia) when the exam
starts, gathers what it reads into ~1 s blocks, converts them to mono int16
and hands each block to ``submit(samples, sample_rate)``; the window runs the
backend's ``proctor_audio`` in a worker thread. Nothing is recorded or kept:
the analyser keeps only its voice/no-voice state, and the event log gets a
``voice`` event when speech is sustained (see verifier.analysers).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject

from .audio import MicLevelMeter, pcm_to_mono_int16

log = logging.getLogger(__name__)

BLOCK_S = 1.0
Submit = Callable[[np.ndarray, int], None]


class ExamAudioFeed(QObject):
    def __init__(self, submit: Submit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.submit = submit
        self.meter = MicLevelMeter(self)
        self.meter.pcm.connect(self.feed)
        self.meter.user_message.connect(lambda text: log.warning("exam microphone: %s", text))
        self._buffer = bytearray()
        self.blocks = 0

    def start(self) -> bool:
        """Open the microphone; False (logged) when there is none or no QtMultimedia."""
        self._buffer.clear()
        return self.meter.start()

    def _block_bytes(self) -> int:
        width = {"Float": 4, "Int32": 4, "UInt8": 1}.get(self.meter.sample_format, 2)
        return int(self.meter.rate * BLOCK_S) * width * max(1, self.meter.channels)

    def feed(self, data: bytes) -> None:
        self._buffer += data
        size = self._block_bytes()
        while len(self._buffer) >= size:
            chunk = bytes(self._buffer[:size])
            del self._buffer[:size]
            samples = pcm_to_mono_int16(chunk, self.meter.sample_format, self.meter.channels)
            self.blocks += 1
            self.submit(samples, self.meter.rate)

    def stop(self) -> None:
        self.meter.stop()
        self._buffer.clear()
