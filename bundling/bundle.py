"""``bash .ci/dev bundle``: the self-contained student client as one archive.

    python -m bundling.bundle [--out dist] [--predictor-bits N] [--predictor-trees N]
                              [--encoder-bits N] [--stock-opencv] [--trust FILE]

0. builds the minimal OpenCV (``bundling.opencv``: only the modules the client calls, no
   FFmpeg/OpenBLAS; cached in ``build/opencv-min``) unless ``--stock-opencv``;
1. makes the smaller 68-point predictor (``bundling.predictor``) and the face encoder with
   rounded weights (``bundling.encoder``), both cached in ``build/bundle`` (``0`` bits ships
   dlib's original), and runs PyInstaller on
   ``bundling/emtihan-student.spec`` (onedir: docs/bundle.md says why) into
   ``build/bundle``; strips the debug sections from the libraries that carry them
   (Linux: ``strip --strip-debug``, ~30 MB of the Python build's own debug info) and cuts
   Qt's ICU data to kk/ru/en (``bundling.icu``);
2. packs ``dist/emtihan-student-<version>-<os>-<arch>.tar.gz`` (one top directory
   ``emtihan-student-<version>/``, the executable ``emtihan-student`` in it);
3. prints what weighs what: each part unpacked and gzip-compressed (README "Student
   client bundle" carries the table).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the 68-point predictor shipped (docs/verifier.md "The bundle's 68-point predictor")
PREDICTOR_BITS, PREDICTOR_TREES = 12, None
# the face encoder's weights, mantissa bits kept (8 = bfloat16; docs/verifier.md)
ENCODER_BITS = 8
SPEC = ROOT / "bundling" / "emtihan-student.spec"
# (label, substring of the path inside _internal); the first that matches counts
PARTS = (
    ("model: 68-point landmarks", "shape_predictor_68"),
    ("model: face encoder (ResNet)", "dlib_face_recognition_resnet"),
    ("model: 5-point landmarks", "shape_predictor_5"),
    ("model: CNN detector (loaded by face_recognition)", "mmod_human"),
    ("Qt: WebEngine/QML/Quick/3D/PDF/Designer (must be 0)", ("WebEngine", "Qml", "Quick",
                                                           "3D", "Pdf", "Designer")),
    ("OpenCV", ("cv2", "opencv")),
    ("Qt: multimedia (audio only; Qt's FFmpeg left out)", ("Multimedia", "multimedia")),
    ("Qt: plugins", "PySide6/Qt/plugins"),
    ("Qt: translations (kk/ru/en)", "PySide6/Qt/translations"),
    ("Qt: libraries", ("libQt6", "PySide6/Qt/lib", "Qt6")),
    ("PySide6 + shiboken bindings", ("PySide6", "shiboken6")),
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


def run_pyinstaller(work: Path, predictor: Path | None, encoder: Path | None,
                    opencv: Path | None) -> Path:
    """PyInstaller on the spec; ``opencv``: a directory whose ``cv2`` replaces the wheel's."""
    path = [str(opencv)] if opencv is not None else []
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([*path, str(ROOT)]))
    if predictor is not None:
        env["EMTIHAN_BUNDLE_PREDICTOR"] = str(predictor)
    if encoder is not None:
        env["EMTIHAN_BUNDLE_ENCODER"] = str(encoder)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "work"),
                    str(SPEC)], check=True, cwd=ROOT, env=env)
    return work / "dist" / "emtihan-student"


def _made_once(dst: Path, make: Callable[[], bytes]) -> Path:
    """``dst``, written from ``make()`` (atomically) unless it is already there."""
    if not dst.exists():
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.with_suffix(".tmp").write_bytes(make())
        dst.with_suffix(".tmp").replace(dst)
    return dst


def predictor(work: Path, bits: int, trees: int | None) -> Path | None:
    """The quantised 68-point predictor for the bundle (None: ship dlib's original).

    ``bits`` > 0: significant bits kept; < 0: fixed point at 2**bits (docs/verifier.md)."""
    if bits == 0:
        return None
    import face_recognition_models

    from bundling.predictor import shrink

    src = Path(face_recognition_models.pose_predictor_model_location())
    return _made_once(work / f"predictor-b{bits}-t{trees or 'all'}" / src.name,
                      lambda: shrink(src.read_bytes(), bits, trees))


def encoder(work: Path, bits: int) -> Path | None:
    """The face encoder with rounded weights for the bundle (None: dlib's original)."""
    if bits <= 0:
        return None
    import face_recognition_models

    from bundling.encoder import shrink

    src = Path(face_recognition_models.face_recognition_model_location())
    return _made_once(work / f"encoder-b{bits}" / src.name,
                      lambda: shrink(src.read_bytes(), bits))


def minimal_opencv() -> Path:
    from bundling.opencv import BuildError, ensure

    try:
        return ensure(ROOT / "build" / "opencv-min")
    except BuildError as exc:
        raise SystemExit(f"the bundle's OpenCV: {exc}") from exc


def trim_icu(app: Path) -> int:
    """Qt's ICU data cut to kk/ru/en (``bundling.icu``); bytes zeroed."""
    from bundling.icu import trim

    zeroed = 0
    for library in app.rglob("libicudata.so*"):
        if library.is_file() and not library.is_symlink():
            small, _, cut = trim(library.read_bytes())
            library.write_bytes(small)
            zeroed += cut
    return zeroed


def check_trust(trust: Path) -> None:
    """Refuse (before the long build) a trust file the client could not use."""
    from exam_packages.errors import EmtihanError
    from exam_packages.trust import TrustStore

    try:
        authors = len(TrustStore.load(trust))
    except (OSError, ValueError, EmtihanError) as exc:
        raise SystemExit(f"--trust {trust}: not a trust file the client can load ({exc})") from exc
    if authors == 0:
        raise SystemExit(f"--trust {trust}: the file names no author key")


def add_trust(app: Path, trust: Path) -> Path:
    """The exam office's trust file next to the executable (checked that it loads)."""
    check_trust(trust)
    target = app / "trust.json"
    shutil.copyfile(trust, target)
    return target


def drop_dangling(app: Path) -> int:
    """Remove symlinks left pointing at libraries the spec filtered out; how many."""
    dangling = [p for p in app.rglob("*") if p.is_symlink() and not p.exists()]
    for link in dangling:
        link.unlink()
    return len(dangling)


def strip_debug(app: Path) -> int:
    """``strip --strip-debug`` every ELF library with debug sections; bytes saved."""
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return 0
    saved = 0
    for path in app.rglob("*.so*"):
        if not path.is_file() or path.is_symlink():
            continue
        kind = subprocess.run(["file", "-b", str(path)], capture_output=True, text=True,
                              check=False).stdout
        if "with debug_info" not in kind:
            continue
        before = path.stat().st_size
        if subprocess.run(["strip", "--strip-debug", str(path)], check=False,
                          capture_output=True).returncode == 0:
            saved += before - path.stat().st_size
    return saved


def pack(app: Path, out_dir: Path) -> tuple[Path, dict[str, tuple[int, int, int]]]:
    """Write the archive in one gzip pass; weigh each part by its share of the archive.

    The gzip stream is flushed (``Z_SYNC_FLUSH``, a few bytes) after every file, so the
    bytes each file adds to the archive are counted exactly without compressing twice.
    Returns the archive and label -> (files, unpacked bytes, bytes in the archive).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    top = f"emtihan-student-{version()}"
    archive = out_dir / f"{top}-{target()}.tar.gz"
    parts: dict[str, tuple[int, int, int]] = {}
    with open(archive, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb",
                                                    compresslevel=6) as gz:
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in [app, *sorted(app.rglob("*"))]:
                before = raw.tell()
                rel = path.relative_to(app)
                tar.add(path, arcname=str(Path(top) / rel), recursive=False)
                gz.flush()
                if path.is_file() and not path.is_symlink():
                    label = part_of(str(rel))
                    files, size, packed = parts.get(label, (0, 0, 0))
                    parts[label] = (files + 1, size + path.stat().st_size,
                                    packed + raw.tell() - before)
    return archive, parts


def part_of(rel: str) -> str:
    for label, keys in PARTS:
        if any(k in rel for k in ((keys,) if isinstance(keys, str) else keys)):
            return label
    return "other libraries"


def table(parts: dict[str, tuple[int, int, int]], archive: Path) -> str:
    rows = ["| part | files | unpacked MB | in the archive MB |", "|---|---:|---:|---:|"]
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
    p.add_argument("--predictor-bits", type=int, default=PREDICTOR_BITS,
                   help="significant bits of the 68-point predictor's leaf values "
                        "(0: dlib's original; -N: fixed point at 2**-N; docs/verifier.md)")
    p.add_argument("--predictor-trees", type=int, default=PREDICTOR_TREES,
                   help="regression trees kept per cascade level (default: all)")
    p.add_argument("--encoder-bits", type=int, default=ENCODER_BITS,
                   help="mantissa bits of the face encoder's weights (0: dlib's original)")
    p.add_argument("--trust", type=Path, default=None,
                   help="the exam office's trust file (emtihan-author): shipped next to the "
                        "executable, so students start the client without options")
    p.add_argument("--stock-opencv", action="store_true",
                   help="bundle the opencv-python-headless wheel instead of building the "
                        "minimal OpenCV (bundling.opencv)")
    args = p.parse_args(argv)
    if args.trust is not None:
        check_trust(args.trust)
    started = time.monotonic()
    model = predictor(args.work, args.predictor_bits, args.predictor_trees)
    weights = encoder(args.work, args.encoder_bits)
    opencv = None if args.stock_opencv else minimal_opencv()
    app = run_pyinstaller(args.work, model, weights, opencv)
    saved = strip_debug(app)
    icu = trim_icu(app)
    drop_dangling(app)
    if args.trust is not None:
        print(f"trust file shipped: {add_trust(app, args.trust)}")
    built = time.monotonic()
    print(f"68-point predictor: {model or 'dlib original'}; face encoder: "
          f"{weights or 'dlib original'}; OpenCV: {opencv or 'the wheel'}; "
          f"ICU data cut to kk/ru/en: {icu / 1e6:.1f} MB zeroed; debug sections stripped: "
          f"{saved / 1e6:.1f} MB")
    archive, parts = pack(app, args.out)
    print(table(parts, archive))
    print(f"built in {built - started:.0f} s, packed in {time.monotonic() - built:.0f} s")
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
