"""The lazy face_recognition import: a missing-models quit() becomes a typed error."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys

import pytest

from exam_packages.errors import FaceAnalysisError, FaceModelError
from verifier import face_adapter


class _QuittingLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        quit()  # noqa: PLR1722 - exactly what face_recognition.api does without its models


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "face_recognition" or name.startswith("face_recognition."):
            return importlib.machinery.ModuleSpec(name, _QuittingLoader(), is_package=True)
        return None


def test_quit_at_import_becomes_face_model_error(monkeypatch):
    monkeypatch.setattr(face_adapter, "_LOADED", {})
    for name in [n for n in sys.modules if n.startswith("face_recognition")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_Finder(), *sys.meta_path])
    with pytest.raises(FaceModelError) as info:
        face_adapter.load_api()
    assert isinstance(info.value, FaceAnalysisError)
    assert info.value.code == "face_models_missing"
    assert str(info.value) == "Face recognition models are not installed (face_recognition_models)."
    assert face_adapter._LOADED == {}  # nothing half-loaded is cached


def test_import_error_becomes_face_model_error(monkeypatch):
    monkeypatch.setattr(face_adapter, "_LOADED", {})
    monkeypatch.setitem(sys.modules, "face_recognition", None)
    with pytest.raises(FaceModelError) as info:
        face_adapter.load_api()
    assert str(info.value).startswith("Face recognition library could not be loaded")


def test_importing_verifier_does_not_load_face_recognition():
    import subprocess

    code = (
        "import sys, verifier.identity, verifier.analysers, verifier.liveness, verifier.cli;"
        "print(any(m.startswith('face_recognition') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
