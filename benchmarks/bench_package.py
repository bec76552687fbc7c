"""Exam package benchmark (run manually; not part of pytest).

    .venv/bin/python benchmarks/bench_package.py                  # 2,000 questions, 200 MB media
    .venv/bin/python benchmarks/bench_package.py --media-mb 20 --small-mb 5   # quick run

Builds an encrypted package with N questions and random (incompressible) media
in a temp dir, then prints ratios against baselines measured in the same run:

* verify time / ``sha256sum`` of the same file (goal <= 1.2x)
* decrypt throughput / a raw AES-256-GCM loop over the same number of bytes
* peak RSS and tracemalloc peak of build, verify and streaming decrypt, in a
  fresh child process each, for a small and the full package: memory must not
  grow with the package size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from exam_packages.container import SafeZip  # noqa: E402
from exam_packages.content_crypto import CHUNK_SIZE, decrypt_stream, load_content_key  # noqa: E402
from exam_packages.keys import generate_results_key, generate_signing_key  # noqa: E402
from exam_packages.package import build_package, verify_package  # noqa: E402
from exam_packages.pkg_testing import sample_meta  # noqa: E402
from exam_packages.trust import TrustStore  # noqa: E402

MB = 1_000_000
MEDIA_FILE_MB = 10


class _Null:
    def write(self, data: bytes) -> int:
        return len(data)


def exam_doc(questions: int, media_names: list[str]) -> dict:
    items = {}
    for index in range(questions):
        image = f" ![fig](media/{media_names[index % len(media_names)]})" if media_names else ""
        items[f"q{index}"] = {
            "type": "single", "text": f"Сұрақ {index}: which option is right?{image}",
            "options": [{"id": c, "text": f"Option {c} — жауап"} for c in "abcd"],
            "correct": ["a"],
        }
    return {"sections": [{"id": "s1", "questions": list(items)}], "questions": items}


def make_media(folder: Path, total_mb: int) -> dict[str, Path]:
    media: dict[str, Path] = {}
    remaining = total_mb * MB
    index = 0
    while remaining > 0:
        size = min(remaining, MEDIA_FILE_MB * MB)
        path = folder / f"img{index:03d}.png"
        with path.open("wb") as handle:
            for offset in range(0, size, 4 * MB):
                handle.write(os.urandom(min(4 * MB, size - offset)))
        media[path.name] = path
        remaining -= size
        index += 1
    return media


def build(folder: Path, questions: int, media_mb: int, key: Ed25519PrivateKey) -> Path:
    media = make_media(folder, media_mb)
    doc = exam_doc(questions, sorted(media))
    result = build_package(sample_meta(), doc, media, folder / "bench.emtihan", key,
                           generate_results_key().public_key(), encrypt=True)
    for path in media.values():
        path.unlink()
    return result.path


def decrypt_all(package: Path, content_key: bytes) -> int:
    """Stream-decrypt every encrypted entry to a null sink (what a client does at start)."""
    total = 0
    with package.open("rb") as handle:
        archive = SafeZip(handle, canonical=True)
        for name in archive.names():
            if name.endswith(".enc"):
                total += decrypt_stream(archive.reader(name, check_crc=False), _Null(),  # type: ignore[arg-type]
                                        content_key, name)
    return total


def raw_aes_loop(total_bytes: int) -> float:
    """Seconds to AES-GCM-decrypt ``total_bytes`` in 64 KiB chunks (no framing, no I/O)."""
    aead = AESGCM(os.urandom(32))
    nonce = bytes(12)
    sealed = aead.encrypt(nonce, os.urandom(CHUNK_SIZE), b"aad")
    chunks = max(1, total_bytes // CHUNK_SIZE)
    start = time.perf_counter()
    for _ in range(chunks):
        aead.decrypt(nonce, sealed, b"aad")
    return time.perf_counter() - start


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def best_of(runs: int, func) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def child(mode: str, folder: Path, questions: int, media_mb: int) -> None:
    """Run one phase in this fresh process and print its memory peaks as JSON."""
    author = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(os.environ["BENCH_AUTHOR"]))
    package = folder / "bench.emtihan"
    tracemalloc.start()
    if mode == "build":
        build(folder, questions, media_mb, author)
    elif mode == "verify":
        verify_package(package, TrustStore.from_keys([author.public_key()]), check_window=False)
    else:
        decrypt_all(package, load_content_key(Path(f"{package}.key")))
    _, peak = tracemalloc.get_traced_memory()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rss_mb": rss_kib / 1024, "traced_mb": peak / 2**20}))


def memory_profile(questions: int, media_mb: int) -> dict[str, dict[str, float]]:
    author = generate_signing_key()
    raw = author.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                               serialization.NoEncryption())
    env = dict(os.environ, BENCH_AUTHOR=raw.hex())
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="emtihan-bench-mem-") as tmp:
        for mode in ("build", "verify", "decrypt"):
            proc = subprocess.run(
                [sys.executable, __file__, "--child", mode, "--dir", tmp,
                 "--questions", str(questions), "--media-mb", str(media_mb)],
                check=True, capture_output=True, text=True, env=env,
            )
            out[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--media-mb", type=int, default=200)
    parser.add_argument("--small-mb", type=int, default=50,
                        help="media size of the small package for the memory comparison")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["build", "verify", "decrypt"])
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.dir, args.questions, args.media_mb)
        return
    run_timings(args)
    small = memory_profile(args.questions, args.small_mb)
    full = memory_profile(args.questions, args.media_mb)
    print(f"\npeak memory per phase (fresh process each): {args.small_mb} MB vs "
          f"{args.media_mb} MB media")
    for mode in small:
        print(f"  {mode:8s} RSS {small[mode]['rss_mb']:7.1f} MB -> {full[mode]['rss_mb']:7.1f} MB "
              f"(x{full[mode]['rss_mb'] / small[mode]['rss_mb']:.2f}); python heap peak "
              f"{small[mode]['traced_mb']:6.1f} MB -> {full[mode]['traced_mb']:6.1f} MB")
    print(f"  package size ratio x{args.media_mb / args.small_mb:.2f}")


def run_timings(args: argparse.Namespace) -> None:
    key = generate_signing_key()
    trust = TrustStore.from_keys([key.public_key()])
    with tempfile.TemporaryDirectory(prefix="emtihan-bench-") as tmp:
        start = time.perf_counter()
        package = build(Path(tmp), args.questions, args.media_mb, key)
        built = time.perf_counter() - start
        size = package.stat().st_size
        content_key = load_content_key(Path(f"{package}.key"))
        print(f"package: {args.questions} questions, {size / MB:.1f} MB, built in {built:.2f} s "
              f"({size / MB / built:.0f} MB/s incl. writing random media)")
        subprocess.run(["sha256sum", str(package)], check=True, capture_output=True)  # warm cache
        sha = best_of(args.runs, lambda: subprocess.run(["sha256sum", str(package)], check=True,
                                                        capture_output=True))
        hashlib_time = best_of(args.runs, lambda: hash_file(package))
        verify = best_of(args.runs, lambda: verify_package(package, trust, check_window=False))
        print(f"verify:  {verify:.3f} s vs sha256sum {sha:.3f} s -> ratio {verify / sha:.2f}x "
              "(goal <= 1.2x)")
        print(f"         vs Python hashlib.sha256 over the file {hashlib_time:.3f} s -> ratio "
              f"{verify / hashlib_time:.2f}x")
        plain_bytes = decrypt_all(package, content_key)
        dec = best_of(args.runs, lambda: decrypt_all(package, content_key))
        raw = min(raw_aes_loop(plain_bytes) for _ in range(args.runs))
        print(f"decrypt: {plain_bytes / MB / dec:.0f} MB/s vs raw AES-GCM loop "
              f"{plain_bytes / MB / raw:.0f} MB/s -> time ratio {dec / raw:.2f}x")


if __name__ == "__main__":
    main()
