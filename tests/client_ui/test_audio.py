"""Microphone meter and speaker test against a real PulseAudio loopback."""

from __future__ import annotations

import sys

import numpy as np
import pytest

QtMultimedia = pytest.importorskip("PySide6.QtMultimedia", reason="needs pyside6-addons")
QMediaDevices = QtMultimedia.QMediaDevices

from client.ui.audio import MicLevelMeter, TonePlayer, digit_beeps_pcm, new_digits, pcm_level  # noqa: E402 (after importorskip)


def _device(devices, name):
    for d in devices:
        if name in bytes(d.id().data()).decode(errors="replace"):
            return d
    pytest.skip(f"audio device {name} not visible to Qt")


def test_mic_meter_hears_tone_and_silence(qtbot, pulse):
    mic = _device(QMediaDevices.audioInputs(), pulse.source)
    out = _device(QMediaDevices.audioOutputs(), pulse.sink)
    meter = MicLevelMeter()
    levels: list[float] = []
    meter.level.connect(levels.append)
    assert meter.start(mic)
    qtbot.waitUntil(lambda: len(levels) >= 5, timeout=5000)
    qtbot.wait(300)
    meter.reset_peak()
    qtbot.wait(500)
    silence_peak = meter.peak

    player = TonePlayer()
    assert player.play(digit_beeps_pcm("2"), out)
    qtbot.waitUntil(lambda: meter.peak > 0.1, timeout=5000)
    tone_peak = meter.peak
    with qtbot.waitSignal(player.finished, timeout=10000):
        pass
    meter.stop()
    player.deleteLater()
    meter.deleteLater()
    qtbot.wait(50)
    assert silence_peak < 0.01, silence_peak
    assert tone_peak > 0.1
    assert not player.playing


def test_pcm_level_of_known_signals():
    t = np.arange(16000) / 16000
    sine = (0.5 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2").tobytes()
    assert pcm_level(sine, "Int16") == pytest.approx(0.5 / np.sqrt(2), rel=0.01)
    assert pcm_level(b"\0" * 3200, "Int16") == 0.0
    floats = (0.25 * np.ones(100, dtype="<f4")).tobytes()
    assert pcm_level(floats, "Float") == pytest.approx(0.25)
    assert pcm_level(b"", "Int16") == 0.0


def test_digit_beeps_count_matches_digit():
    pcm = np.frombuffer(digit_beeps_pcm("3"), dtype="<i2").astype(float)
    loud = np.abs(pcm) > 1000
    onsets = np.flatnonzero(loud[1:] & ~loud[:-1])
    # each beep is a sine, so count gaps longer than 50 ms between loud samples
    groups = 1 + int(np.sum(np.diff(np.flatnonzero(loud)) > 800))
    assert groups == 3 and onsets.size > 0
    digits = new_digits(4)
    assert len(digits) == 4 and set(digits) <= set("12345")


def test_digit_beeps_rejects_zero():
    with pytest.raises(ValueError, match="digits must be 1..9"):
        digit_beeps_pcm("30")


def test_emit_helper_keeps_true_alive():
    from PySide6.QtCore import QObject, Signal

    from client.ui.qtcompat import emit

    class Emitter(QObject):
        value = Signal(float)

    sender = Emitter()
    seen: list[float] = []
    sender.value.connect(seen.append)
    before = sys.getrefcount(True)
    for i in range(200):
        emit(sender.value, float(i))
    # a bare emit() loses one reference per call here (-200); allow unrelated noise
    assert abs(sys.getrefcount(True) - before) <= 2
    assert seen == [float(i) for i in range(200)]


def test_without_qt_multimedia_the_student_is_told(qtbot, monkeypatch):
    from client.ui import audio

    monkeypatch.setattr(audio, "HAVE_MULTIMEDIA", False)
    meter, player = MicLevelMeter(), TonePlayer()
    said: list[str] = []
    meter.user_message.connect(said.append)
    player.user_message.connect(said.append)
    assert meter.start() is False and player.play(digit_beeps_pcm("1")) is False
    assert said == [audio.NO_MULTIMEDIA] * 2
    assert meter.peak == 0.0 and not player.playing
