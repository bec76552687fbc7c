"""client.review_core must work where PySide6 cannot be imported (like client.core)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCKER = """
import importlib, importlib.abc, sys
class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked")
        return None
sys.meta_path.insert(0, _NoQt())
for mod in {mods!r}:
    importlib.import_module(mod)
assert not any(m.startswith("PySide6") for m in sys.modules)
print("imported", len({mods!r}))
"""


def test_review_core_imports_without_pyside6() -> None:
    path = ROOT / "client" / "review_core"
    mods = ["client.review_core"] + [
        info.name for info in pkgutil.walk_packages([str(path)], prefix="client.review_core.")]
    assert "client.review_core.codec" in mods
    result = subprocess.run([sys.executable, "-c", BLOCKER.format(mods=mods)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"imported {len(mods)}" in result.stdout
