"""The demo's one persistent data directory: re-running reuses the world and resumes the attempt."""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import pytest

from client.core.session import Step
from emtihan_demo import setup_world
from emtihan_demo.demo import data_dir, main
from emtihan_demo.flow import answer_all, continue_saved, invigilate, sign_in, start_attempt
from emtihan_demo.world import default_data_dir, demo_window, still_open, wipe


def _frames(folder: Path) -> Path:
    folder.mkdir()
    for i in range(5):
        cv2.imwrite(str(folder / f"{i}.png"), np.full((480, 640, 3), 120 + i, np.uint8))
    return folder


def _args(video: Path) -> argparse.Namespace:
    return argparse.Namespace(video=video, id_image=None, no_verifier=True)


def _the_window_resumes_it(world, attempt: str, answers: dict[str, object]) -> None:
    """The student window's backend, configured as the demo configures it, resumes too."""
    pytest.importorskip("PySide6")
    from client.ui.core_backend import CoreBackend
    from emtihan_demo import CODE, STUDENT

    backend = CoreBackend.from_config({"base_url": world.url, "trust": world.trust,
                                       "data_dir": str(world.base / "client")})
    backend.sign_in(world.url, world.exam_id, STUDENT, CODE)
    resumed = backend.resumed_exam()
    assert resumed is not None and resumed.attempt_id == attempt
    assert resumed.answers == answers
    backend.s.close()


def test_a_second_run_resumes_the_same_attempt(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    base, video = tmp_path / "demo", _frames(tmp_path / "frames")
    world = setup_world(base)
    session = sign_in(world)
    start_attempt(session, _args(video), random.Random(1))
    answer_all(session, 0, 3)
    attempt, answers, left = session.attempt_id, dict(session.answers), session.remaining_s()
    package_bytes = world.package.read_bytes()
    session.close()  # the student closes the window mid-exam
    world.server.stop()
    capsys.readouterr()

    world = setup_world(base)  # `bash .ci/dev demo` again: a new port, the same world
    try:
        out = capsys.readouterr().out
        assert "reusing the demo keys" in out and "reusing demo-phys-101.emtihan" in out
        assert "published" not in out and "roster imported" not in out
        assert world.package.read_bytes() == package_bytes
        session = sign_in(world)  # no "unknown author key": the trust matches the package
        assert session.step == Step.STARTED and session.attempt_id == attempt
        assert session.answers == answers
        assert left - 15 <= session.remaining_s() <= left
        session.close()
        _the_window_resumes_it(world, attempt, answers)
        assert continue_saved(sign_in(world)) == attempt
        invigilate(world, attempt)
    finally:
        world.server.stop()
    out = capsys.readouterr().out
    assert f"resumed the saved attempt {attempt} (started): 3 answers" in out
    assert "receipt verified" in out and "GRADE" in out


def test_headless_run_on_a_kept_directory_then_again(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    base, video = tmp_path / "demo", _frames(tmp_path / "frames")
    argv = ["--headless", "--data-dir", str(base), "--no-verifier", "--video", str(video)]
    assert main(argv) == 0
    first = capsys.readouterr().out
    key = (base / "keys" / "author.pem").read_bytes()
    assert main(argv) == 0  # the handed-in attempt is shown again, not started anew
    second = capsys.readouterr().out
    assert "continuing the demo saved in" in second
    assert "(submitted)" in second and "GRADE" in second
    attempt = first.split("attempt_id\": \"")[1][:36]
    assert attempt in second
    assert (base / "keys" / "author.pem").read_bytes() == key

    assert main([*argv, "--fresh"]) == 0
    fresh = capsys.readouterr().out
    assert f"--fresh: removed {base}" in fresh and "created the demo keys" in fresh
    assert (base / "keys" / "author.pem").read_bytes() != key
    assert attempt not in fresh


def test_fresh_refuses_a_directory_that_is_not_a_demo(tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("keep me")
    with pytest.raises(SystemExit, match="does not look like an Emtihan demo directory"):
        wipe(tmp_path)
    assert (tmp_path / "thesis.tex").read_text() == "keep me"


def test_default_directory_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "emtihan-demo"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / ".local" / "share" / "emtihan-demo"


def test_headless_uses_a_temporary_directory_unless_told(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    ns = argparse.Namespace
    temp, temporary = data_dir(ns(data_dir=None, headless=True))
    assert temporary and temp.name.startswith("emtihan-demo-")
    temp.rmdir()
    assert data_dir(ns(data_dir=None, headless=False)) == (
        tmp_path / "xdg" / "emtihan-demo", False)
    assert data_dir(ns(data_dir=tmp_path / "d", headless=True)) == (tmp_path / "d", False)


def test_gui_demo_persists_in_the_default_directory(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    app = pytest.importorskip("client.ui.app")
    seen: list[dict[str, object]] = []
    monkeypatch.setattr(app, "run_student_app", lambda config: seen.append(config) or 0)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert main(["--no-review"]) == 0 and main(["--no-review"]) == 0
    base = tmp_path / "xdg" / "emtihan-demo"
    assert [c["data_dir"] for c in seen] == [str(base / "client")] * 2
    assert seen[0]["trust"].key_ids() == seen[1]["trust"].key_ids()  # type: ignore[attr-defined]
    assert (base / "keys" / "author.pem").exists() and (base / "server").is_dir()
    assert "reusing the demo keys" in capsys.readouterr().out


def test_the_demo_exam_window_stays_open_for_re_runs() -> None:
    now = datetime(2031, 6, 1, tzinfo=UTC)  # after the sample's own window closed
    opens, closes = demo_window({"opens_at": "2026-01-01T00:00:00Z",
                                 "closes_at": "2030-12-31T23:59:59Z"}, now)
    assert opens == "2026-01-01T00:00:00Z" and closes == "2032-05-31T00:00:00Z"
    manifest = {"exam": {"opens_at": opens, "closes_at": closes, "duration_s": 1800}}
    assert still_open(manifest, now)
    assert still_open(manifest, now + timedelta(days=300))
    assert not still_open(manifest, now + timedelta(days=365))  # then the demo rebuilds
