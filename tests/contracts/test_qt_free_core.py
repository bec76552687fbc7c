"""The Qt-free core must import and work with PySide6 unavailable.

import-linter checks the static imports; this test checks the runtime: each
core package is imported in a fresh interpreter in which importing PySide6
raises ImportError, as on a server without Qt.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE_PACKAGES = ["exam_packages", "verifier", "server_stub", "client.core", "client.review_core"]

BLOCKER = """
import importlib.abc, sys
class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in the Qt-free core test")
        return None
sys.meta_path.insert(0, _NoQt())
import importlib
for mod in {mods!r}:
    importlib.import_module(mod)
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 got imported"
print("imported", len({mods!r}))
"""


def _modules(package: str) -> list[str]:
    path = ROOT / package.replace(".", "/")
    names = [package]
    for info in pkgutil.walk_packages([str(path)], prefix=package + "."):
        if ".ui" in info.name or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_core_imports_without_pyside6(package: str) -> None:
    mods = _modules(package)
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER.format(mods=mods)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"imported {len(mods)}" in result.stdout
