"""Build, verify and open exam packages (docs/package-format.md).

Public API:

* ``build_package(meta, exam_doc, media, out, signing_key, recipient_public,
  encrypt=False) -> BuildResult`` - ``meta`` is the manifest ``exam`` block,
  ``media`` maps names under ``media/`` (``"diagram.png"``) to files that are
  streamed, never loaded whole. The zip is written to a temp file and renamed
  into place; with ``encrypt=True`` a random content key is written to
  ``<out>.key`` (64 hex characters + newline, mode 0600) and returned.
  Bad input raises :class:`InputError`.
* ``read_manifest_unverified(source) -> dict`` - for display/routing only.
* ``open_container(source, limits=None)`` - context manager giving the one strict
  :class:`SafeZip` reader (canonical stored-only layout) every path uses;
  ``raw_manifest(zf) -> bytes`` the manifest bytes, refused above ``MAX_MANIFEST_SIZE``.
* ``verify_package(source, trust, *, now=None, rollback=None, check_window=True,
  limits=None) -> None`` - order: container safety (strict, stored-only layout)
  -> signature over the raw manifest bytes (at most ``MAX_MANIFEST_SIZE``; the
  key is the one the bytes name, found without parsing) -> manifest parse
  (depth-bounded) + canonical check -> structure -> rollback -> window -> exact
  file set + per-file size and SHA-256 (streamed) -> for a plain package, the
  questions document is validated as well (an encrypted one is validated by
  ``open_package``). Records the version in ``rollback`` only after everything
  passed.
* ``open_package(source, trust, *, content_key=None, now=None, rollback=None,
  check_window=True, limits=None) -> OpenedPackage`` - verifies as above, then
  decrypts and validates ``content/exam.json``; records the version only after
  that succeeded. ``OpenedPackage.media(name) -> bytes`` re-hashes (and
  decrypts) on each access.

``source`` is ``bytes``, a seekable binary stream, or a path. Every failure of
a package raises a :class:`VerificationError` subclass.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from .canonical import canonical_bytes
from .container import SafeZip, ZipLimits, ZipWriter, check_entry_name
from .content_crypto import (
    ALG,
    CHUNK_SIZE,
    HashingWriter,
    content_key_id,
    decrypt_bytes,
    encrypt_stream,
    generate_content_key,
    save_content_key,
)
from .errors import (
    DecryptionError,
    EmtihanError,
    ExamWindowError,
    InputError,
    IntegrityError,
    MalformedPackageError,
    SignatureError,
)
from .keys import key_id, raw_public_bytes
from .manifest import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    content_entry,
    media_entry,
    parse_canonical_json,
    parse_utc,
    validate_exam_doc,
    validate_manifest,
    validate_meta,
)
from .rollback import RollbackStore
from .trust import TrustStore

__all__ = [
    "BuildResult",
    "OpenedPackage",
    "PackageSource",
    "build_package",
    "open_package",
    "open_container",
    "raw_manifest",
    "read_manifest_unverified",
    "verify_package",
]

PackageSource = bytes | bytearray | BinaryIO | str | os.PathLike[str]
# A manifest lists at most a few thousand files (~150 bytes each): 1 MiB is ample, and
# nothing larger is read, hashed or parsed before its signature is known to be good.
MAX_MANIFEST_SIZE = 1 << 20
_KEY_ID_FIELD = re.compile(rb'"author_key_id"[ \t\r\n]*:[ \t\r\n]*"([0-9a-f]{64})"')
_COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class BuildResult:
    path: Path
    manifest: dict[str, Any]
    content_key: bytes | None
    key_path: Path | None = None


# -- building ---------------------------------------------------------------------------


def _write_entry(
    writer: ZipWriter, name: str, src: BinaryIO, key: bytes | None
) -> dict[str, Any]:
    with writer.open_entry(name) as dst:
        hashing = HashingWriter(dst)  # type: ignore[arg-type]
        if key is not None:
            encrypt_stream(src, hashing, key, name)
        else:
            while chunk := src.read(_COPY_CHUNK):
                hashing.write(chunk)
    return {"sha256": hashing.digest.hexdigest(), "size": hashing.size}


def _media_names(media: Mapping[str, Path]) -> dict[str, Path]:
    names: dict[str, Path] = {}
    folded: set[str] = set()
    for raw_name, path in media.items():
        name = raw_name.removeprefix("media/")
        try:
            check_entry_name(f"media/{name}.enc")
        except EmtihanError as exc:
            raise InputError(f"media name {raw_name!r}: {exc.user_message}") from exc
        if name.casefold() in folded:
            raise InputError(f"media name {raw_name!r} is given twice (names ignore case)")
        folded.add(name.casefold())
        names[name] = Path(path)
    return names


def _manifest(
    meta: dict[str, Any], signing_key: Ed25519PrivateKey, recipient: X25519PublicKey,
    key: bytes | None, files: dict[str, Any],
) -> dict[str, Any]:
    raw_recipient = raw_public_bytes(recipient)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exam": meta,
        "author_key_id": key_id(signing_key.public_key()),
        "recipient": {
            "alg": "X25519",
            "public_key": base64.b64encode(raw_recipient).decode("ascii"),
            "key_id": hashlib.sha256(raw_recipient).hexdigest(),
        },
        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "encryption": None if key is None else {
            "alg": ALG, "key_id": content_key_id(key), "chunk_size": CHUNK_SIZE,
        },
        "files": files,
    }


def _write_files(
    writer: ZipWriter, content: bytes, media: dict[str, Path], key: bytes | None,
) -> dict[str, Any]:
    encrypted = key is not None
    files = {content_entry(encrypted): _write_entry(
        writer, content_entry(encrypted), io.BytesIO(content), key)}
    for name, path in sorted(media.items()):
        entry = media_entry(name, encrypted)
        try:
            src = path.open("rb")
        except OSError as exc:
            raise InputError(f"cannot read media file {path}: {exc.strerror or exc}") from exc
        with src:
            files[entry] = _write_entry(writer, entry, src, key)
    return files


def build_package(  # noqa: PLR0917 - positional signature is the agreed API
    meta: dict[str, Any], exam_doc: dict[str, Any], media: Mapping[str, Path], out: Path,
    signing_key: Ed25519PrivateKey, recipient_public: X25519PublicKey, encrypt: bool = False,
) -> BuildResult:
    validate_meta(meta)
    names = _media_names(media)
    validate_exam_doc(exam_doc, set(names))
    content = canonical_bytes(exam_doc)
    canonical_bytes(meta)
    key = generate_content_key() if encrypt else None
    out = Path(out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w+b") as handle, ZipWriter(handle) as writer:
            files = _write_files(writer, content, names, key)
            manifest = _manifest(meta, signing_key, recipient_public, key, files)
            raw = canonical_bytes(manifest)
            writer.write_bytes(MANIFEST_NAME, raw)
            writer.write_bytes(SIGNATURE_NAME, signing_key.sign(raw))
            writer.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        key_path = Path(f"{out}.key") if key is not None else None
        if key is not None and key_path is not None:
            save_content_key(key, key_path)
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return BuildResult(path=out, manifest=manifest, content_key=key, key_path=key_path)


# -- reading ----------------------------------------------------------------------------


@contextmanager
def open_container(source: PackageSource, limits: ZipLimits | None = None) -> Iterator[SafeZip]:
    if isinstance(source, str | os.PathLike):
        try:
            handle: BinaryIO = open(source, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"cannot read package {source}: {exc.strerror or exc}") from exc
        with handle:
            yield SafeZip(handle, limits, canonical=True)
        return
    if isinstance(source, bytes | bytearray):
        yield SafeZip(bytes(source), limits, canonical=True)
        return
    source.seek(0)
    yield SafeZip(source, limits, canonical=True)


def read_manifest_unverified(source: PackageSource, limits: ZipLimits | None = None) -> dict:
    """Parse manifest.json WITHOUT checking the signature (display/routing only).

    The same strict reader and the same size and depth caps as verification."""
    with open_container(source, limits) as zf:
        manifest = parse_canonical_json(raw_manifest(zf), MANIFEST_NAME)
    if not isinstance(manifest, dict):
        raise MalformedPackageError("manifest.json: expected a JSON object")
    return manifest


def raw_manifest(zf: SafeZip) -> bytes:
    size = zf.info(MANIFEST_NAME).file_size
    if size > MAX_MANIFEST_SIZE:
        raise MalformedPackageError(
            f"manifest.json is too large ({size} bytes; at most {MAX_MANIFEST_SIZE})")
    return zf.read(MANIFEST_NAME, MAX_MANIFEST_SIZE)


def _claimed_key_id(raw: bytes) -> str:
    """The author key id the raw manifest names, found without parsing it."""
    found = set(_KEY_ID_FIELD.findall(raw))
    if len(found) != 1:
        raise MalformedPackageError("manifest.json: author_key_id is missing")
    return found.pop().decode("ascii")


def _check_signature(zf: SafeZip, trust: TrustStore) -> dict[str, Any]:
    """Signature over the raw (size-capped) bytes first; only signed bytes are parsed."""
    raw = raw_manifest(zf)
    kid = _claimed_key_id(raw)
    public = trust.get(kid)
    signature = zf.read(SIGNATURE_NAME, 64)
    try:
        public.verify(signature, raw)
    except InvalidSignature as exc:
        raise SignatureError(
            "the package signature is invalid: manifest.json or manifest.sig was altered"
        ) from exc
    manifest = parse_canonical_json(raw, MANIFEST_NAME)
    validate_manifest(manifest)
    if manifest["author_key_id"] != kid:
        raise SignatureError("manifest.json names another author key than the one that signed it")
    return manifest  # type: ignore[no-any-return]


def _check_window(exam: dict[str, Any], now: datetime | None) -> None:
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise InputError("now must be a timezone-aware datetime")
    if now < parse_utc(exam["opens_at"]):
        raise ExamWindowError(f"exam {exam['exam_id']} is not open yet until {exam['opens_at']}")
    if now >= parse_utc(exam["closes_at"]):
        raise ExamWindowError(f"exam {exam['exam_id']} closed at {exam['closes_at']}")


def _check_files(zf: SafeZip, files: dict[str, Any]) -> None:
    present = set(zf.names())
    expected = set(files) | {MANIFEST_NAME, SIGNATURE_NAME}
    if extra := sorted(present - expected):
        raise IntegrityError(f"unexpected file in package, not listed in the manifest: {extra[0]}")
    if missing := sorted(expected - present):
        raise IntegrityError(
            f"file listed in the manifest is missing from the package: {missing[0]}"
        )
    for name, entry in sorted(files.items()):
        if zf.info(name).file_size != entry["size"]:
            raise IntegrityError(f"{name}: size does not match the signed manifest")
        digest, size = zf.hash_entry(name)
        if digest != entry["sha256"] or size != entry["size"]:
            raise IntegrityError(f"{name}: SHA-256 does not match the signed manifest")


def _verify(
    zf: SafeZip, trust: TrustStore, now: datetime | None, rollback: RollbackStore | None,
    check_window: bool,
) -> dict[str, Any]:
    manifest = _check_signature(zf, trust)
    exam = manifest["exam"]
    if rollback is not None:
        rollback.check(exam["exam_id"], exam["version"])
    if check_window:
        _check_window(exam, now)
    _check_files(zf, manifest["files"])
    return manifest


def verify_package(
    source: PackageSource, trust: TrustStore, *, now: datetime | None = None,
    rollback: RollbackStore | None = None, check_window: bool = True,
    limits: ZipLimits | None = None,
) -> None:
    with open_container(source, limits) as zf:
        manifest = _verify(zf, trust, now, rollback, check_window)
        if manifest["encryption"] is None:  # the questions are readable: validate them too
            _load_exam_doc(zf, manifest, None)
    if rollback is not None:
        rollback.record(manifest["exam"]["exam_id"], manifest["exam"]["version"])


def _read_verified(zf: SafeZip, name: str, files: dict[str, Any]) -> bytes:
    data = b"".join(zf.iter_entry(name, check_crc=False))  # SHA-256 below is the check
    if hashlib.sha256(data).hexdigest() != files[name]["sha256"]:
        raise IntegrityError(f"{name}: SHA-256 does not match the signed manifest")
    return data


def _plain(data: bytes, name: str, manifest: dict[str, Any], key: bytes | None) -> bytes:
    encryption = manifest["encryption"]
    if encryption is None:
        return data
    if key is None:
        raise DecryptionError(
            "this exam package is encrypted; its content key is released at exam start",
            code="content_key_required",
        )
    if content_key_id(key) != encryption["key_id"]:
        raise DecryptionError("the content key does not belong to this exam package")
    return decrypt_bytes(data, key, name)


@dataclass
class OpenedPackage:
    manifest: dict[str, Any]
    exam_doc: dict[str, Any]
    media_names: list[str]
    _opener: Callable[[], AbstractContextManager[SafeZip]] = field(repr=False)
    _content_key: bytes | None = field(default=None, repr=False)

    def media(self, name: str) -> bytes:
        """Bytes of ``media/<name>``, re-hashed against the manifest (and decrypted)."""
        name = name.removeprefix("media/")
        if name not in self.media_names:
            raise MalformedPackageError(f"no media file named {name!r} in this package")
        entry = media_entry(name, self.manifest["encryption"] is not None)
        with self._opener() as zf:
            data = _read_verified(zf, entry, self.manifest["files"])
        return _plain(data, entry, self.manifest, self._content_key)


def _media_of(manifest: dict[str, Any]) -> list[str]:
    suffix = ".enc" if manifest["encryption"] is not None else ""
    return sorted(
        name[len("media/"): len(name) - len(suffix)]
        for name in manifest["files"] if name.startswith("media/")
    )


def _load_exam_doc(zf: SafeZip, manifest: dict[str, Any], key: bytes | None) -> dict:
    entry = content_entry(manifest["encryption"] is not None)
    plain = _plain(_read_verified(zf, entry, manifest["files"]), entry, manifest, key)
    doc = parse_canonical_json(plain, "content/exam.json")
    try:
        validate_exam_doc(doc, set(_media_of(manifest)))
    except InputError as exc:
        raise MalformedPackageError(f"content/exam.json: {exc.user_message}") from exc
    return doc  # type: ignore[no-any-return]


def open_package(
    source: PackageSource, trust: TrustStore, *, content_key: bytes | None = None,
    now: datetime | None = None, rollback: RollbackStore | None = None,
    check_window: bool = True, limits: ZipLimits | None = None,
) -> OpenedPackage:
    with open_container(source, limits) as zf:
        manifest = _verify(zf, trust, now, rollback, check_window)
        doc = _load_exam_doc(zf, manifest, content_key)
    if rollback is not None:
        rollback.record(manifest["exam"]["exam_id"], manifest["exam"]["version"])
    return OpenedPackage(
        manifest=manifest, exam_doc=doc, media_names=_media_of(manifest),
        _opener=lambda: open_container(source, limits), _content_key=content_key,
    )
