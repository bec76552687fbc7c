"""No test doubles in the product: fakes, mocks and the screenshot driver live under ``tests/``.

Every module of the installed packages is parsed (not imported) and refused when it
defines a class named like a double (``Fake…``, ``Mock…``, ``Stub…``, ``Dummy…``), imports
one, imports ``tests`` / ``unittest.mock`` / ``pytest``, or is itself named ``fake_*``.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = ["client", "verifier", "exam_packages", "server_stub", "emtihan_demo"]
DOUBLE = re.compile(r"^_?(Fake|Mock|Stub|Dummy)[A-Z_]|^_?(Fake|Mock|Stub|Dummy)$")
TEST_MODULES = ("tests", "unittest.mock", "pytest", "pytestqt")


def _is_test_module(name: str) -> bool:
    return any(name == t or name.startswith(t + ".") for t in TEST_MODULES)


def _import_problems(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        if node.level == 0 and _is_test_module(module):
            return [f"imports {module}"]
        if module.rpartition(".")[2].startswith("fake"):
            return [f"imports module {'.' * node.level}{module}"]
        return [f"imports {a.name} from {module or '.'}" for a in node.names
                if DOUBLE.match(a.name)]
    return [f"imports {a.name}" for a in node.names if _is_test_module(a.name)]


def doubles_in(source: str, filename: str) -> list[str]:
    """What in this module looks like a test double (empty when nothing does)."""
    found = [f"module named {filename}"] if Path(filename).stem.startswith("fake") else []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.ClassDef) and DOUBLE.match(node.name):
            found.append(f"defines class {node.name}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            found += _import_problems(node)
    return found


def _product_files() -> list[Path]:
    return sorted(p for pkg in INSTALLED for p in (ROOT / pkg).rglob("*.py"))


def test_the_installed_packages_are_the_ones_checked() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    assert sorted(p.rstrip("*") for p in include) == sorted(INSTALLED)
    assert not any(p.startswith("tests") for p in include)


def test_no_module_of_the_product_defines_or_imports_a_test_double() -> None:
    files = _product_files()
    assert len(files) > 50  # the walk really found the packages
    problems = {str(p.relative_to(ROOT)): found for p in files
                if (found := doubles_in(p.read_text(encoding="utf-8"), p.name))}
    assert problems == {}


@pytest.mark.parametrize(("source", "filename", "expected"), [
    ("class FakeBackend:\n    pass\n", "backend.py", "defines class FakeBackend"),
    ("class MockServer(object):\n    pass\n", "api.py", "defines class MockServer"),
    ("from tests.support.fake_backend import FakeBackend\n", "app.py",
     "imports tests.support.fake_backend"),
    ("from .fake_backend import make\n", "app.py", "imports module .fake_backend"),
    ("from .backend import FakeBackend\n", "app.py", "imports FakeBackend from backend"),
    ("import unittest.mock\n", "x.py", "imports unittest.mock"),
    ("x = 1\n", "fake_backend.py", "module named fake_backend.py"),
])
def test_the_check_refuses_each_kind_of_double(source: str, filename: str,
                                                expected: str) -> None:
    assert expected in doubles_in(source, filename)


def test_the_check_accepts_product_names_that_merely_contain_the_words() -> None:
    source = "class Faker_ish:\n    pass\nclass StubbornCamera:\n    pass\nimport testsuite\n"
    assert doubles_in(source, "camera.py") == []
