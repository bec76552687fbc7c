"""The built student bundle: ``dist/emtihan-student-*.tar.gz`` (``bash .ci/dev bundle``).

Skipped when no archive was built, unless ``EMTIHAN_BUNDLE_REQUIRED=1`` (``.ci/dev test``
builds it first and sets that, so CI cannot skip the size budget or the clean start).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def archive_path() -> Path | None:
    given = os.environ.get("EMTIHAN_BUNDLE", "")
    if given:
        return Path(given)
    built = sorted((ROOT / "dist").glob("emtihan-student-*.tar.gz"),
                   key=lambda p: p.stat().st_mtime)
    return built[-1] if built else None


@pytest.fixture(scope="session")
def archive() -> Path:
    path = archive_path()
    if path is None or not path.is_file():
        if os.environ.get("EMTIHAN_BUNDLE_REQUIRED") == "1":
            pytest.fail(f"no bundle archive ({path or 'dist/ is empty'}): run bash .ci/dev bundle")
        pytest.skip("no bundle built (bash .ci/dev bundle)")
    return path


@pytest.fixture(scope="session")
def extracted(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive unpacked into an empty directory: the ``emtihan-student`` executable."""
    target = tmp_path_factory.mktemp("clean-machine")
    assert not any(target.iterdir())
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="tar")
    (top,) = list(target.iterdir())
    return top / ("emtihan-student.exe" if sys.platform == "win32" else "emtihan-student")


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """What ``env -i`` leaves plus a fresh HOME: no venv, no PYTHONPATH, no XDG dirs."""
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "PATH": "/usr/bin:/bin"}


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A private X server (Xvfb); yields its DISPLAY."""
    if subprocess.run(["which", "Xvfb"], capture_output=True, check=False).returncode != 0:
        pytest.skip("Xvfb is not installed")
    display = f":{80 + os.getpid() % 100}"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            if subprocess.run(["xdpyinfo", "-display", display], capture_output=True,
                              check=False).returncode == 0:
                break
            proc.poll()
            if proc.returncode is not None:
                pytest.fail(f"Xvfb {display} did not start")
            import time

            time.sleep(0.1)
        yield display
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def env_i(env: dict[str, str], *argv: str, timeout: float = 120,
          cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``env -i K=V ... argv`` (nothing inherited from this venv)."""
    if shutil.which("env") is None:  # Windows: the same empty environment, without env(1)
        return subprocess.run(list(argv), env=env, capture_output=True, text=True,
                              check=False, timeout=timeout, cwd=cwd)
    pairs = [f"{k}={v}" for k, v in env.items()]
    return subprocess.run(["env", "-i", *pairs, *argv], capture_output=True, text=True, check=False,
                          timeout=timeout, cwd=cwd)
