"""Small valid exam packages for tests and demos (no test framework needed).

* ``sample_meta(exam_id="phys-101-final", version=3) -> dict`` - an ``exam`` block
  open 2026-12-01T08:00:00Z .. 12:00:00Z (``WINDOW_NOW`` is inside it).
* ``sample_exam_doc(media_names=("diagram.png",)) -> dict`` - a tiny questions
  document in Kazakh/Russian/English that references the media.
* ``PackageKeys.generate()`` - author Ed25519 + institution X25519 keys, with
  ``trust()`` returning a :class:`TrustStore` pinning the author.
* ``build_sample(out_dir, keys, *, encrypt=False, version=3, media=None) -> BuildResult``
* ``entry_data_offset(package, name)``, ``rewrite_package(package, replace, add)``,
  ``resign_manifest(package, manifest_raw, key)`` - for crafting tampered packages.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from .container import ZipWriter
from .keys import generate_results_key, generate_signing_key
from .package import BuildResult, build_package
from .trust import TrustStore

__all__ = [
    "WINDOW_NOW",
    "PackageKeys",
    "build_sample",
    "entry_data_offset",
    "resign_manifest",
    "rewrite_package",
    "sample_exam_doc",
    "sample_meta",
]

WINDOW_NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def sample_meta(exam_id: str = "phys-101-final", version: int = 3) -> dict[str, Any]:
    return {
        "exam_id": exam_id,
        "version": version,
        "title": "Физика 101 — қорытынды емтихан",
        "language": "kk",
        "opens_at": "2026-12-01T08:00:00Z",
        "closes_at": "2026-12-01T12:00:00Z",
        "duration_s": 5400,
        "policy": {
            "shuffle_questions": True,
            "shuffle_options": True,
            "navigation": "free",
            "required_checks": {
                "camera": True, "headset": True, "identity": True, "min_bandwidth_kbps": 512,
            },
            "identity_retries": 3,
        },
    }


def sample_exam_doc(media_names: tuple[str, ...] = ("diagram.png",)) -> dict[str, Any]:
    images = "".join(f" ![figure](media/{name})" for name in media_names)
    return {
        "sections": [{"id": "s1", "title": "Негізгі", "questions": ["q1", "q2", "q3"]}],
        "questions": {
            "q1": {
                "type": "single", "text": "Қазақстанның астанасы?" + images, "points": 1,
                "options": [{"id": "a", "text": "Астана"}, {"id": "b", "text": "Алматы"}],
                "correct": ["a"],
            },
            "q2": {"type": "truefalse", "text": "Вода кипит при 100 °C.", "correct": True},
            "q3": {"type": "numeric", "text": "g = ? m/s²", "answer": "9.81",
                   "tolerance": "0.05"},
        },
    }


@dataclass(frozen=True)
class PackageKeys:
    author: Ed25519PrivateKey
    results: X25519PrivateKey

    @classmethod
    def generate(cls) -> PackageKeys:
        return cls(author=generate_signing_key(), results=generate_results_key())

    def trust(self) -> TrustStore:
        return TrustStore.from_keys([("sample author", self.author.public_key())])


def build_sample(
    out_dir: Path, keys: PackageKeys, *, encrypt: bool = False, version: int = 3,
    media: dict[str, bytes] | None = None, name: str = "sample.emtihan",
) -> BuildResult:
    out_dir = Path(out_dir)
    if media is None:
        media = {"diagram.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8}
    paths: dict[str, Path] = {}
    for media_name, data in media.items():
        path = out_dir / f"src-{media_name}"
        path.write_bytes(data)
        paths[media_name] = path
    return build_package(
        sample_meta(version=version), sample_exam_doc(tuple(sorted(media))), paths,
        out_dir / name, keys.author, keys.results.public_key(), encrypt=encrypt,
    )


def entry_data_offset(package: bytes, name: str) -> int:
    """Offset of the first stored byte of entry ``name`` inside ``package``."""
    import zipfile

    info = zipfile.ZipFile(io.BytesIO(package)).getinfo(name)
    name_len, extra_len = struct.unpack_from("<HH", package, info.header_offset + 26)
    return int(info.header_offset + 30 + name_len + extra_len)


def rewrite_package(
    package: bytes, replace: dict[str, bytes | None] | None = None,
    add: dict[str, bytes] | None = None,
) -> bytes:
    """Copy ``package`` entry by entry (canonical layout), replacing/dropping/adding entries."""
    import zipfile

    replace = replace or {}
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    writer = ZipWriter(out)
    for info in source.infolist():
        data = replace.get(info.filename, source.read(info))
        if data is not None:
            writer.write_bytes(info.filename, data)
    for name, data in (add or {}).items():
        writer.write_bytes(name, data)
    writer.close()
    return out.getvalue()


def resign_manifest(package: bytes, manifest_raw: bytes, key: Ed25519PrivateKey) -> bytes:
    """Replace manifest.json with ``manifest_raw`` and a valid signature by ``key``."""
    return rewrite_package(
        package, {"manifest.json": manifest_raw, "manifest.sig": key.sign(manifest_raw)}
    )
