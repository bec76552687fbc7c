"""build_package input checks, and a signed package whose exam document is invalid."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import InputError, MalformedPackageError
from exam_packages.package import build_package, open_package, read_manifest_unverified
from exam_packages.pkg_testing import (
    WINDOW_NOW,
    PackageKeys,
    build_sample,
    resign_manifest,
    rewrite_package,
    sample_exam_doc,
    sample_meta,
)
from exam_packages.rollback import RollbackStore

KEYS = PackageKeys.generate()


def _build(tmp_path: Path, media: dict[str, Path], doc: dict | None = None) -> None:
    build_package(sample_meta(), doc or sample_exam_doc(tuple(media)), media,
                  tmp_path / "out.emtihan", KEYS.author, KEYS.results.public_key())


def test_media_name_with_traversal_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"x")
    with pytest.raises(InputError, match=r"media name '\.\./x\.png'.*path traversal"):
        _build(tmp_path, {"../x.png": tmp_path / "x.png"}, sample_exam_doc(()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.png"]


def test_missing_media_file_leaves_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read media file .*gone.png"):
        _build(tmp_path, {"gone.png": tmp_path / "gone.png"})
    assert list(tmp_path.iterdir()) == []


def test_media_names_differing_only_in_case_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"a")
    with pytest.raises(InputError, match="is given twice"):
        _build(tmp_path, {"A.png": tmp_path / "a.png", "a.png": tmp_path / "a.png"})


def test_invalid_meta_is_refused(tmp_path: Path) -> None:
    meta = sample_meta()
    meta["version"] = 0
    with pytest.raises(InputError, match="exam.version"):
        build_package(meta, sample_exam_doc(()), {}, tmp_path / "out.emtihan", KEYS.author,
                      KEYS.results.public_key())
    assert list(tmp_path.iterdir()) == []


def test_signed_package_with_invalid_exam_document(tmp_path: Path) -> None:
    """Even a correctly signed package is refused if content/exam.json is not a valid exam."""
    data = build_sample(tmp_path, KEYS).path.read_bytes()
    doc = sample_exam_doc()
    del doc["questions"]["q1"]["correct"]
    content = canonical_bytes(doc)
    manifest = read_manifest_unverified(data)
    manifest["files"]["content/exam.json"] = {
        "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
    forged = resign_manifest(rewrite_package(data, {"content/exam.json": content}),
                             canonical_bytes(manifest), KEYS.author)
    store = RollbackStore(tmp_path / "rollback.json")
    with pytest.raises(MalformedPackageError, match="content/exam.json: question q1"):
        open_package(forged, KEYS.trust(), now=WINDOW_NOW, rollback=store)
    assert not store.path.exists()
