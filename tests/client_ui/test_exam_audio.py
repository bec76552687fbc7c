"""The microphone during the exam reaches the voice analyser (client/ui/exam_audio.py)."""

from __future__ import annotations

import numpy as np
import pytest

from client.ui.audio import pcm_to_mono_int16
from client.ui.exam_audio import ExamAudioFeed


def voice_like(seconds: float, rate: int) -> np.ndarray:
    """Harmonic source with a wandering pitch and syllable-rate amplitude modulation."""
    t = np.arange(int(seconds * rate)) / rate
    f0 = 130 + 25 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(f0) / rate
    source = sum(np.sin(k * phase) / k for k in range(1, 15))
    signal = source * (0.15 + np.clip(np.sin(2 * np.pi * 3.5 * t), 0, None) ** 0.7)
    return (signal / np.abs(signal).max() * 9000).astype(np.int16)


def test_pcm_to_mono_int16_mixes_channels_and_formats() -> None:
    stereo = np.array([[1000, 3000], [-2000, -4000]], dtype="<i2").tobytes()
    assert pcm_to_mono_int16(stereo, "Int16", 2).tolist() == [2000, -3000]
    floats = np.array([0.5, -0.5], dtype="<f4").tobytes()
    assert pcm_to_mono_int16(floats, "Float", 1).tolist() == [16384, -16384]
    assert pcm_to_mono_int16(b"", "Int16", 1).size == 0


def test_feed_hands_on_one_second_blocks_and_keeps_the_rest(qtbot) -> None:
    blocks: list[tuple[np.ndarray, int]] = []
    feed = ExamAudioFeed(lambda samples, rate: blocks.append((samples, rate)))
    rate = feed.meter.rate
    pcm = voice_like(2.5, rate).tobytes()
    for i in range(0, len(pcm), 640):  # Qt hands over small chunks
        feed.feed(pcm[i:i + 640])
    assert [(len(s), r) for s, r in blocks] == [(rate, rate), (rate, rate)]
    assert np.array_equal(blocks[1][0], np.frombuffer(pcm, "<i2")[rate:2 * rate])
    feed.stop()


def test_window_sends_blocks_to_the_backend_during_the_exam(qtbot) -> None:
    from client.ui.i18n import I18n
    from client.ui.window import StudentWindow
    from tests.support.clocks import FakeClock
    from tests.support.fake_backend import FakeBackend

    backend = FakeBackend(FakeClock())
    w = StudentWindow(backend, I18n(), open_camera=None, server_url="http://127.0.0.1:1",
                      exam_id="demo", student_id="s1")
    qtbot.addWidget(w)
    try:
        w._audio_block(voice_like(1.0, 16000), 16000)
        qtbot.waitUntil(lambda: backend.proctored_audio == [(16000, 16000)], timeout=5000)
    finally:
        w.shutdown()


@pytest.mark.needs_faces
def test_core_backend_logs_sustained_voice(tmp_path) -> None:
    import time

    from client.core.session import SessionConfig
    from client.ui.core_backend import CoreBackend
    from emtihan_demo import CODE, STUDENT, setup_world
    from tests.support.clocks import FakeClock

    world = setup_world(tmp_path / "world")
    try:
        clock = FakeClock(wall=time.time())
        backend = CoreBackend(SessionConfig(tmp_path / "client", world.trust, clock))
        backend.sign_in(world.url, world.exam_id, STUDENT, CODE)
        speech = voice_like(5.0, 16000)
        for i in range(0, speech.size, 16000):  # one block a second, as the window sends
            backend.proctor_audio(speech[i:i + 16000], 16000)
            clock.advance(1.0)
        kinds = [r["kind"] for r in backend.s._log().records()]
        assert "voice" in kinds, kinds
    finally:
        world.server.stop()
