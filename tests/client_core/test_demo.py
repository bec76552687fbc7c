"""The headless demo end to end: a signed receipt and a graded result are printed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import cv2
import numpy as np
import pytest

from emtihan_demo.demo import main


@pytest.mark.slow
def test_headless_demo_prints_receipt_and_grade(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    code = main(["--headless", "--data-dir", str(tmp_path / "demo")])
    out = capsys.readouterr().out
    assert code == 0, out
    start = out.index("{\n  \"receipt\"")
    receipt = json.loads(out[start:out.index("\n}\n", start) + 2])
    assert re.fullmatch(r"att_[0-9a-f]{32}", receipt["receipt"]["attempt_id"])
    assert receipt["receipt"]["late"] is False and len(receipt["signature"]) == 88
    grade = re.search(r"GRADE (\d+\.\d+)/(\d+) automatic", out)
    assert grade is not None, out
    assert 0 < float(grade.group(1)) < int(grade.group(2))  # one deliberate mistake
    assert "receipt verified" in out and "simulated crash" in out
    assert "camera check using" in out


def test_demo_without_display_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    frames = tmp_path / "frames"
    frames.mkdir()
    for i in range(5):
        cv2.imwrite(str(frames / f"{i}.png"), np.full((480, 640, 3), 120 + i, np.uint8))
    code = main(["--data-dir", str(tmp_path / "demo"), "--no-verifier", "--video", str(frames)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "No display is available, so the PySide6 window cannot open" in out
    assert "camera check using video file frames" in out
    assert "GRADE" in out


def test_demo_with_display_hands_the_world_to_the_ui(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    app = pytest.importorskip("client.ui.app")
    seen: list[dict[str, object]] = []

    def fake_run(config: dict[str, object]) -> int:
        seen.append(config)
        return 0

    monkeypatch.setattr(app, "run_student_app", fake_run)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    code = main(["--data-dir", str(tmp_path / "demo"), "--no-review"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "opening the PySide6 student client" in out and "GRADE" not in out
    config = seen[0]
    assert str(config["base_url"]).startswith("http://127.0.0.1:")
    assert config["exam_id"] == "demo-phys-101" and config["access_code"] == "DEMO-2026"
    assert len(config["trust"]) == 1  # type: ignore[arg-type]
