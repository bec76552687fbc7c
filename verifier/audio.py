"""Voice detection on microphone blocks: energy gate + webrtcvad, sustained."""

from __future__ import annotations

from collections import deque

import numpy as np

from exam_packages.errors import InputError

from .config import VerifierConfig

VAD_RATES = (8000, 16000, 32000, 48000)
FRAME_MS = 30
GAP_S = 0.25  # blocks further than this from the expected time restart the clock


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    if rate == target or samples.size == 0:
        return samples
    n_out = max(1, round(samples.size * target / rate))
    x_old = np.arange(samples.size) / rate
    x_new = np.arange(n_out) / target
    return np.interp(x_new, x_old, samples.astype(np.float64)).astype(np.int16)


def dbfs(frame: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(frame.astype(np.float64) ** 2))) if frame.size else 0.0
    return 20.0 * np.log10(max(rms, 1e-3) / 32768.0)


class VoiceDetector:
    """Classifies 30 ms frames; ``feed`` returns (t, speech_ratio) per frame."""

    def __init__(self, config: VerifierConfig) -> None:
        import webrtcvad

        self.config = config
        self._vad = webrtcvad.Vad(int(config.vad_mode))
        self._buffer = np.zeros(0, dtype=np.int16)
        self._rate = 16000
        self._t_buffer = 0.0
        self._window: deque[tuple[float, bool]] = deque()

    def feed(self, t: float, samples: np.ndarray, sample_rate: int) -> list[tuple[float, float]]:
        if sample_rate <= 0:
            raise InputError("sample_rate must be positive")
        mono = np.asarray(samples)
        if mono.dtype != np.int16:
            raise InputError(f"audio samples must be int16, not {mono.dtype}")
        if mono.ndim == 2:
            mono = mono.mean(axis=1).astype(np.int16)
        rate = sample_rate if sample_rate in VAD_RATES else 16000
        mono = resample(mono, sample_rate, rate)
        expected = self._t_buffer + self._buffer.size / self._rate
        if rate != self._rate or self._buffer.size == 0 or abs(t - expected) > GAP_S:
            # first block, new rate, or a gap/jump in the stream: restart the clock at t
            self._rate, self._buffer = rate, np.zeros(0, dtype=np.int16)
            self._t_buffer = t
        self._buffer = np.concatenate([self._buffer, mono])
        step = rate * FRAME_MS // 1000
        out = []
        while self._buffer.size >= step:
            frame, self._buffer = self._buffer[:step], self._buffer[step:]
            out.append((self._t_buffer, self._classify(self._t_buffer, frame, rate)))
            self._t_buffer += FRAME_MS / 1000.0
        return out

    def _classify(self, t: float, frame: np.ndarray, rate: int) -> float:
        loud = dbfs(frame) >= self.config.voice_min_dbfs
        speech = loud and self._vad.is_speech(frame.tobytes(), rate)
        self._window.append((t, speech))
        while self._window and t - self._window[0][0] > self.config.voice_window_s:
            self._window.popleft()
        return sum(s for _, s in self._window) / len(self._window)
