"""``bash .ci/dev bundle``: the self-contained student client as one archive.

    python -m bundling.bundle [--out dist] [--predictor original|8|12 ...]

1. runs PyInstaller on ``bundling/emtihan-student.spec`` (onedir: docs/bundle.md says why)
   into ``build/bundle``;
2. packs ``dist/emtihan-student-<version>-<os>-<arch>.tar.gz`` (one top directory
   ``emtihan-student-<version>/``, the executable ``emtihan-student`` in it);
3. prints what weighs what: each part unpacked and gzip-compressed (README "Student
   client bundle" carries the table).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tarfile
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "bundling" / "emtihan-student.spec"
# (label, substring of the path inside _internal); the first that matches counts
PARTS = (
    ("model: 68-point landmarks", "shape_predictor_68"),
    ("model: face encoder (ResNet)", "dlib_face_recognition_resnet"),
    ("model: 5-point landmarks", "shape_predictor_5"),
    ("model: CNN detector (loaded by face_recognition)", "mmod_human"),
    ("Qt: WebEngine/QML/Quick/3D/PDF/Designer (must be 0)", ("WebEngine", "Qml", "Quick",
                                                           "3D", "Pdf", "Designer")),
    ("Qt: multimedia (FFmpeg)", ("libav", "libsw", "Multimedia", "multimedia")),
    ("Qt: plugins", "PySide6/Qt/plugins"),
    ("Qt: translations (kk/ru/en)", "PySide6/Qt/translations"),
    ("Qt: libraries", ("libQt6", "PySide6/Qt/lib", "Qt6")),
    ("PySide6 + shiboken bindings", ("PySide6", "shiboken6")),
    ("OpenCV", ("cv2", "opencv")),
    ("numpy", "numpy"),
    ("dlib", "dlib"),
    ("cryptography / OpenSSL", ("cryptography", "libssl", "libcrypto")),
    ("Python runtime + stdlib", ("libpython", "base_library", "lib-dynload", "python3")),
    ("Emtihan code + other Python packages (PYZ)", ("PYZ", "emtihan-student")),
)


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from client.version import __version__

    return __version__


def target() -> str:
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system.rstrip('0123456789')}-{machine}"


def run_pyinstaller(work: Path, predictor: Path | None) -> Path:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if predictor is not None:
        env["EMTIHAN_BUNDLE_PREDICTOR"] = str(predictor)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "work"),
                    str(SPEC)], check=True, cwd=ROOT, env=env)
    return work / "dist" / "emtihan-student"


def pack(app: Path, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"emtihan-student-{version()}-{target()}"
    archive = out_dir / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(app, arcname=f"emtihan-student-{version()}")
    return archive


def part_of(rel: str) -> str:
    for label, keys in PARTS:
        if any(k in rel for k in ((keys,) if isinstance(keys, str) else keys)):
            return label
    return "other libraries"


def weigh(app: Path) -> dict[str, tuple[int, int, int]]:
    """label -> (files, bytes, gzip bytes) for every file of the unpacked bundle."""
    parts: dict[str, tuple[int, int, int]] = {}
    for path in sorted(p for p in app.rglob("*") if p.is_file() and not p.is_symlink()):
        data = path.read_bytes()
        label = part_of(str(path.relative_to(app)))
        files, raw, packed = parts.get(label, (0, 0, 0))
        parts[label] = (files + 1, raw + len(data), packed + len(zlib.compress(data, 6)))
    return parts


def table(parts: dict[str, tuple[int, int, int]], archive: Path) -> str:
    rows = ["| part | files | unpacked MB | gzip MB (each file, -6) |", "|---|---:|---:|---:|"]
    for label, (files, raw, packed) in sorted(parts.items(), key=lambda kv: -kv[1][2]):
        rows.append(f"| {label} | {files} | {raw / 1e6:.1f} | {packed / 1e6:.1f} |")
    files = sum(v[0] for v in parts.values())
    raw = sum(v[1] for v in parts.values())
    size = archive.stat().st_size
    rows.append(f"| **total** | {files} | {raw / 1e6:.1f} | **{size / 1e6:.1f}** (archive) |")
    minutes = size * 8 / 512_000 / 60
    return "\n".join(rows) + (f"\n\n{archive.name}: {size / 1e6:.1f} MB, {minutes:.0f} min at "
                               "512 kbit/s")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bash .ci/dev bundle", description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=ROOT / "dist")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "bundle")
    p.add_argument("--predictor", type=Path, default=None,
                   help="68-point predictor to ship instead of dlib's (bundling.predictor)")
    args = p.parse_args(argv)
    started = time.monotonic()
    app = run_pyinstaller(args.work, args.predictor)
    built = time.monotonic()
    archive = pack(app, args.out)
    print(table(weigh(app), archive))
    print(f"built in {built - started:.0f} s, packed in {time.monotonic() - built:.0f} s")
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
