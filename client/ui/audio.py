"""Headset check with QtMultimedia: microphone level meter and speaker digit test.

Both are asynchronous (Qt's audio backends run their own threads), so they
live in the GUI thread without blocking it.  The speaker test plays each digit
as that many short beeps (``3`` = three beeps) so a student can count them
without any text-to-speech; a muted output cannot pass.
"""

from __future__ import annotations

import logging
import secrets

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, Signal, Slot

try:
    from PySide6.QtMultimedia import (
        QAudioDevice,
        QAudioFormat,
        QAudioSink,
        QAudioSource,
        QMediaDevices,
        QtAudio,
    )
    HAVE_MULTIMEDIA = True
except ImportError:  # QtMultimedia comes with the pyside6-addons wheel
    HAVE_MULTIMEDIA = False

from .i18n import tr
from .qtcompat import emit

log = logging.getLogger(__name__)
RATE = 16000
NO_MULTIMEDIA = "Sound cannot be used: this installation lacks Qt Multimedia (pyside6-addons)."


def pcm_samples(data: bytes, sample_format: str) -> np.ndarray:
    """Interleaved PCM bytes as float64 samples in -1..1.

    ``sample_format`` is the name of a ``QAudioFormat.SampleFormat`` ("Int16",
    "Float", ...): plain strings, because comparing these enums from a slot that
    runs while another audio stream plays corrupted PySide's reference counts.
    """
    if sample_format == "Float":
        return np.frombuffer(data[: len(data) // 4 * 4], dtype="<f4").astype(np.float64)
    if sample_format == "Int32":
        return np.frombuffer(data[: len(data) // 4 * 4], dtype="<i4") / 2147483648.0
    if sample_format == "UInt8":
        return (np.frombuffer(data, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    return np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2") / 32768.0


def pcm_level(data: bytes, sample_format: str) -> float:
    """RMS level of interleaved PCM in 0..1 (full-scale sine ≈ 0.707)."""
    samples = pcm_samples(data, sample_format)
    if samples.size == 0:
        return 0.0
    return float(np.sqrt(np.mean(np.square(samples))))


def pcm_to_mono_int16(data: bytes, sample_format: str, channels: int) -> np.ndarray:
    """PCM bytes of any Qt sample format as mono int16 (what the voice analyser takes)."""
    samples = pcm_samples(data, sample_format)
    channels = max(1, channels)
    samples = samples[: samples.size // channels * channels].reshape(-1, channels).mean(axis=1)
    return np.clip(np.round(samples * 32767.0), -32768, 32767).astype(np.int16)


def new_digits(count: int = 3) -> str:
    """Random digits 1..5 (zero and large counts are hard to count by ear)."""
    return "".join(str(1 + secrets.randbelow(5)) for _ in range(count))


def digit_beeps_pcm(digits: str, rate: int = RATE, freq: float = 880.0) -> bytes:
    """Mono Int16 PCM: digit ``d`` as ``d`` beeps of 0.15 s, 1 s pause between digits."""
    t = np.arange(int(0.15 * rate)) / rate
    ramp = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.01)  # 10 ms fade: no clicks
    beep = 0.5 * np.sin(2 * np.pi * freq * t) * ramp
    gap = np.zeros(int(0.15 * rate))
    pause = np.zeros(int(1.0 * rate))
    parts: list[np.ndarray] = [np.zeros(int(0.3 * rate))]
    for d in digits:
        if not d.isdigit() or d == "0":
            raise ValueError("digits must be 1..9")
        for _ in range(int(d)):
            parts += [beep, gap]
        parts.append(pause)
    return (np.concatenate(parts) * 32767).astype("<i2").tobytes()


def _mono_int16() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


class MicLevelMeter(QObject):
    """Emits ``level`` (RMS 0..1) for each chunk read from a microphone."""

    level = Signal(float)
    pcm = Signal(bytes)  # every chunk read, for the exam's voice analysis
    user_message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None
        self._kind = "Int16"
        self.rate = RATE
        self.channels = 1
        self.peak = 0.0
        self.last = 0.0

    def start(self, device: QAudioDevice | None = None) -> bool:
        self.stop()
        if not HAVE_MULTIMEDIA:
            emit(self.user_message, tr(NO_MULTIMEDIA))
            return False
        dev = device or QMediaDevices.defaultAudioInput()
        if dev.isNull():
            emit(self.user_message, tr("No microphone found: plug in your headset."))
            return False
        fmt = _mono_int16()
        if not dev.isFormatSupported(fmt):
            fmt = dev.preferredFormat()
        self._kind = fmt.sampleFormat().name
        self.rate, self.channels = fmt.sampleRate(), fmt.channelCount()
        self._source = QAudioSource(dev, fmt, self)
        self._io = self._source.start()
        if self._io is None or self._source.error() != QtAudio.Error.NoError:
            emit(self.user_message, tr("The microphone could not be opened."))
            self.stop()
            return False
        self._io.readyRead.connect(self._read)
        self.peak = 0.0
        return True

    def reset_peak(self) -> None:
        self.peak = 0.0

    @Slot()
    def _read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if not data:
            return
        self.last = pcm_level(data, self._kind)
        self.peak = max(self.peak, self.last)
        emit(self.level, self.last)
        emit(self.pcm, data)

    @property
    def sample_format(self) -> str:
        return self._kind

    def stop(self) -> None:
        if self._source is not None:
            self._source.stop()
            self._source.deleteLater()
        self._source = None
        self._io = None


class TonePlayer(QObject):
    """Plays Int16 mono PCM through a speaker with ``QAudioSink``."""

    finished = Signal()
    user_message = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        # stateChanged carries QAudio::State, which this PySide cannot convert: poll.
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check_done)

    def play(self, pcm: bytes, device: QAudioDevice | None = None) -> bool:
        self.stop()
        if not HAVE_MULTIMEDIA:
            emit(self.user_message, tr(NO_MULTIMEDIA))
            return False
        dev = device or QMediaDevices.defaultAudioOutput()
        if dev.isNull():
            emit(self.user_message, tr("No speaker or headphones found."))
            return False
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pcm))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._sink = QAudioSink(dev, _mono_int16(), self)
        self._sink.start(self._buffer)
        self._poll.start()
        if self._sink.error() != QtAudio.Error.NoError:
            emit(self.user_message, tr("The speaker could not be opened."))
            self.stop()
            return False
        return True

    @property
    def playing(self) -> bool:
        return self._sink is not None

    @Slot()
    def _check_done(self) -> None:
        sink, buf = self._sink, self._buffer
        if sink is None or buf is None:
            return
        drained = buf.atEnd() and sink.state() == QtAudio.State.IdleState
        if drained or sink.state() == QtAudio.State.StoppedState:
            self.stop()
            self.finished.emit()

    def stop(self) -> None:
        self._poll.stop()
        if self._sink is not None:
            sink, self._sink = self._sink, None
            sink.stop()
            sink.deleteLater()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._sink = None
        self._buffer = None
