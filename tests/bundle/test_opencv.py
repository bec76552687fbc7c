"""bundling.opencv: the source is checked before use, only OpenCV's tree is unpacked, the
build downloads nothing and is reused. (The build itself runs in CI: .ci/dev test.)"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from bundling import opencv


def _sdist(path: Path) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, body in (("opencv_python_headless-9.9/opencv/CMakeLists.txt", b"project()"),
                           ("opencv_python_headless-9.9/opencv/modules/core/a.cpp", b"int a;"),
                           ("opencv_python_headless-9.9/setup.py", b"import skbuild")):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


class _Answer(io.BytesIO):
    def __enter__(self) -> _Answer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(monkeypatch: pytest.MonkeyPatch, body: bytes, listed: str) -> None:
    index = {"files": [{"filename": "opencv_python_headless-9.9.tar.gz",
                        "url": "https://files.example/o.tar.gz", "hashes": {"sha256": listed}}]}

    def urlopen(request: object, timeout: float) -> _Answer:
        url = getattr(request, "full_url", request)
        return _Answer(json.dumps(index).encode() if url == opencv.INDEX else body)

    monkeypatch.setattr(opencv.urllib.request, "urlopen", urlopen)


def test_the_sdist_is_fetched_and_its_hash_checked(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    body = _sdist(tmp_path / "src.tar.gz")
    _serve(monkeypatch, body, hashlib.sha256(body).hexdigest())
    got = opencv.fetch("9.9", tmp_path / "work")
    assert got.read_bytes() == body


def test_a_download_that_does_not_match_its_hash_is_refused_and_not_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = _sdist(tmp_path / "src.tar.gz")
    _serve(monkeypatch, body + b"tampered", hashlib.sha256(body).hexdigest())
    with pytest.raises(opencv.BuildError, match="SHA-256 .* expected"):
        opencv.fetch("9.9", tmp_path / "work")
    assert not list((tmp_path / "work").iterdir())


def test_an_index_that_disagrees_with_the_pinned_hash_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = _sdist(tmp_path / "src.tar.gz")
    _serve(monkeypatch, body, hashlib.sha256(body).hexdigest())
    monkeypatch.setitem(opencv.KNOWN_SHA256, "9.9", "0" * 64)
    with pytest.raises(opencv.BuildError, match="pinned"):
        opencv.fetch("9.9", tmp_path / "work")
    assert not (tmp_path / "work").exists()


def test_only_the_opencv_tree_is_unpacked(tmp_path: Path) -> None:
    _sdist(tmp_path / "src.tar.gz")
    source = opencv.unpack(tmp_path / "src.tar.gz", tmp_path / "src")
    files = sorted(str(p.relative_to(tmp_path / "src")) for p in source.parent.rglob("*.*"))
    assert files == ["opencv/CMakeLists.txt", "opencv/modules/core/a.cpp"]


def test_nothing_is_downloaded_during_the_build_and_ffmpeg_blas_are_off(tmp_path: Path) -> None:
    args = opencv.configure_args(tmp_path, tmp_path / "b", tmp_path / "p")
    for name in ("FFMPEG", "IPP", "UNIFONT", "ADE", "LAPACK", "PROTOBUF", "OPENCL"):
        assert f"-DWITH_{name}=OFF" in args
    modules = next(a for a in args if a.startswith("-DBUILD_LIST=")).split("=", 1)[1]
    assert set(modules.split(",")) == {"core", "imgproc", "imgcodecs", "videoio", "geometry",
                                       "flann", "python3"}


def test_a_finished_build_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opencv, "installed_version", lambda: "9.9")
    base = tmp_path / "9.9"
    (base / "prefix" / "python" / "cv2").mkdir(parents=True)
    (base / "stamp.json").write_text(json.dumps(
        {"version": "9.9", "options": list(opencv.OPTIONS),
         "python": opencv.sys.version.split()[0]}))
    monkeypatch.setattr(opencv, "_run", lambda *a: pytest.fail("rebuilt"))
    assert opencv.ensure(tmp_path) == base / "prefix" / "python"
