"""The OpenCV of the student bundle: built from OpenCV's own source with what the client uses.

    python -m bundling.opencv [--work build/opencv-min] [--sdist FILE]

The opencv-python-headless wheel carries all of OpenCV (DNN, G-API, objdetect, ...), its
own FFmpeg with AV1/VP9 codecs, OpenBLAS and OpenSSL 1.1: 61 MB of the student archive.
The student client calls only core, imgproc (resize, colour, drawing, Laplacian, template
matching), imgcodecs (JPEG/PNG), videoio (the webcam: V4L2 on Linux, MSMF/DirectShow on
Windows, AVFoundation on macOS; AVI/MJPEG files through OpenCV's own reader) and geometry
(solvePnP, findHomography, Rodrigues, RQDecomp3x3; it needs flann). This builds exactly
those, with the Python bindings, from the sdist of the same version as the installed wheel
(fetched from PyPI, SHA-256 checked), and installs the ``cv2`` package into
``<work>/<version>/prefix/python``; ``bundling.bundle`` puts that first on PyInstaller's
path. Nothing is downloaded during the build (IPP, the Unicode font, ADE stay off).

The build is cached: a stamp with the version and the options; the same inputs reuse it.
Measured on the 2-core build machine: about 19 minutes of CPU, 9.6 minutes of wall time
when nothing else runs (docs/bundle.md "CI time").
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = "opencv-python-headless"
INDEX = "https://pypi.org/simple/opencv-python-headless/"
# sdist hashes checked even if the index says otherwise (add a line when the pin moves)
KNOWN_SHA256 = {
    "5.0.0.93": "b82f9831daab90b725c7c1ee1b36cb5732c367096ac76d119e64e14eb70d5f3c",
}
MODULES = "core,imgproc,imgcodecs,videoio,geometry,flann,python3"
OFF = ("FFMPEG GSTREAMER LAPACK EIGEN IPP ITT OPENCL TIFF WEBP OPENJPEG JASPER OPENEXR AVIF "
       "JPEGXL IMGCODEC_GIF SPNG UNIFONT PROTOBUF QUIRC ADE VA VA_INTEL 1394 GTK QT OBSENSOR "
       "OPENMP").split()
OPTIONS = (
    "-DCMAKE_BUILD_TYPE=Release", f"-DBUILD_LIST={MODULES}", "-DBUILD_SHARED_LIBS=OFF",
    "-DPYTHON3_LIMITED_API=ON", "-DBUILD_opencv_python3=ON", "-DBUILD_opencv_python2=OFF",
    "-DOPENCV_PYTHON3_INSTALL_PATH=python", "-DINSTALL_CREATE_DISTRIB=ON",
    "-DWITH_V4L=ON", "-DWITH_PNG=ON", "-DBUILD_PNG=ON", "-DBUILD_JPEG=ON", "-DBUILD_ZLIB=ON",
    *(f"-DWITH_{name}=OFF" for name in OFF),
    "-DBUILD_TESTS=OFF", "-DBUILD_PERF_TESTS=OFF", "-DBUILD_EXAMPLES=OFF",
    "-DBUILD_opencv_apps=OFF", "-DBUILD_DOCS=OFF", "-DBUILD_JAVA=OFF",
    "-DOPENCV_GENERATE_PKGCONFIG=OFF",
    # SSE3 baseline (every x86-64 CPU of the last 15 years), no second AVX2 copy of the
    # kernels: half the compile time; 640x480 frames need no more
    "-DCPU_DISPATCH=",
)


class BuildError(RuntimeError):
    """The minimal OpenCV could not be fetched or built; the message says which step."""


def installed_version() -> str:
    return importlib.metadata.version(DIST)


def _sdist_url(version: str) -> tuple[str, str]:
    """(URL, SHA-256) of the sdist of ``version`` from PyPI's JSON simple index."""
    request = urllib.request.Request(
        INDEX, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310 - fixed https URL
        files = json.load(answer)["files"]
    name = f"opencv_python_headless-{version}.tar.gz"
    for entry in files:
        if entry["filename"] == name:
            return entry["url"], entry["hashes"]["sha256"]
    raise BuildError(f"{name} is not on {INDEX}")


def _check_sha256(name: str, got: str, want: str) -> None:
    if got != want:
        raise BuildError(f"{name}: SHA-256 {got}, expected {want}")


def fetch(version: str, into: Path) -> Path:
    """The sdist of ``version`` in ``into`` (downloaded once, SHA-256 checked)."""
    target = into / f"opencv_python_headless-{version}.tar.gz"
    if target.exists():
        return target
    url, listed = _sdist_url(version)
    want = KNOWN_SHA256.get(version, listed)
    if listed != want:
        raise BuildError(f"PyPI lists SHA-256 {listed} for {target.name}; pinned {want}")
    into.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    digest = hashlib.sha256()
    with urllib.request.urlopen(url, timeout=300) as src, open(partial, "wb") as out:  # noqa: S310
        while chunk := src.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    try:
        _check_sha256(target.name, digest.hexdigest(), want)
    except BuildError:
        partial.unlink()
        raise
    partial.replace(target)
    return target


def unpack(sdist: Path, into: Path) -> Path:
    """OpenCV's source tree (the sdist's ``opencv/``) under ``into``."""
    source = into / "opencv"
    if (source / "CMakeLists.txt").exists():
        return source
    partial = into / "partial"  # renamed once complete: an interrupted unpack is not reused
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    with tarfile.open(sdist) as tar:
        members = []
        for member in tar.getmembers():
            parts = member.name.split("/", 1)
            if len(parts) == 2 and parts[1].startswith("opencv/"):
                member.name = parts[1]
                members.append(member)
        tar.extractall(partial, members=members, filter="data")
    (partial / "opencv").replace(source)
    partial.rmdir()
    return source


def configure_args(source: Path, build: Path, prefix: Path) -> list[str]:
    import numpy

    return ["cmake", "-G", "Ninja", "-S", str(source), "-B", str(build),
            f"-DCMAKE_INSTALL_PREFIX={prefix}", f"-DPYTHON3_EXECUTABLE={sys.executable}",
            f"-DPYTHON3_INCLUDE_DIR={sysconfig.get_paths()['include']}",
            f"-DPYTHON3_NUMPY_INCLUDE_DIRS={numpy.get_include()}", *OPTIONS]


def _run(step: str, args: list[str], log: Path) -> None:
    with open(log, "a") as out:
        out.write(f"$ {' '.join(args)}\n")
        out.flush()
        done = subprocess.run(args, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-30:]
        raise BuildError(f"{step} failed (exit {done.returncode}); end of {log}:\n"
                         + "\n".join(tail))


def ensure(work: Path, sdist: Path | None = None) -> Path:
    """The directory holding the minimal ``cv2`` package; built unless already there."""
    version = installed_version()
    base = work / version
    prefix = base / "prefix"
    stamp = base / "stamp.json"
    want = {"version": version, "options": list(OPTIONS), "python": sys.version.split()[0]}
    python_dir = prefix / "python"
    if stamp.exists() and json.loads(stamp.read_text()) == want and (python_dir / "cv2").is_dir():
        return python_dir
    for tool in ("cmake", "ninja"):
        if shutil.which(tool) is None:
            raise BuildError(f"{tool} is needed to build OpenCV (Debian: cmake ninja-build)")
    started = time.monotonic()
    print(f"building the minimal OpenCV {version} for the bundle (about 10 minutes on 2 "
          f"cores, once; log: {base / 'build.log'})", flush=True)
    if sdist is not None and version in KNOWN_SHA256:
        _check_sha256(str(sdist), hashlib.sha256(sdist.read_bytes()).hexdigest(),
                      KNOWN_SHA256[version])
    source = unpack(sdist or fetch(version, work), base / "src")
    build, log = base / "build", base / "build.log"
    shutil.rmtree(build, ignore_errors=True)
    shutil.rmtree(prefix, ignore_errors=True)
    log.write_text("")
    _run("cmake configure", configure_args(source, build, prefix), log)
    _run("build", ["cmake", "--build", str(build), "--parallel", str(os.cpu_count() or 2)], log)
    _run("install", ["cmake", "--install", str(build), "--strip"], log)
    shutil.rmtree(build, ignore_errors=True)  # 300 MB of objects
    stamp.write_text(json.dumps(want))
    print(f"minimal OpenCV {version} built in {time.monotonic() - started:.0f} s: {python_dir}")
    return python_dir


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bundling.opencv", description=__doc__)
    p.add_argument("--work", type=Path, default=ROOT / "build" / "opencv-min")
    p.add_argument("--sdist", type=Path, default=None,
                   help="a local opencv_python_headless-<version>.tar.gz (no download)")
    args = p.parse_args(argv)
    try:
        print(ensure(args.work, args.sdist))
    except BuildError as exc:
        print(f"bundling.opencv: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
