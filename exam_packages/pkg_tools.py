"""Author-side package tools on top of :mod:`exam_packages.package`.

* ``read_content_unverified(path, content_key=None) -> (manifest, exam_doc)`` -
  the questions of a package WITHOUT checking its signature (the author's own
  preview). The package is read with the same strict reader as verification
  (stored-only canonical layout, manifest size and JSON depth caps), file
  hashes are still checked against the manifest, and the document is validated.
* ``resign_package(source, out, signing_key) -> dict`` - re-sign a built
  package with another author key: every file is checked against the manifest
  first, the stored bytes are copied unchanged, ``author_key_id`` is replaced
  and the new manifest is signed. Returns the new manifest.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .canonical import canonical_bytes
from .container import SafeZip, ZipWriter
from .content_crypto import content_key_id, decrypt_bytes
from .errors import DecryptionError, InputError, IntegrityError, MalformedPackageError
from .keys import key_id
from .manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    content_entry,
    parse_canonical_json,
    validate_manifest,
)
from .model import validate_exam_doc
from .package import open_container, raw_manifest


def _manifest(zf: SafeZip) -> dict[str, Any]:
    manifest = parse_canonical_json(raw_manifest(zf), MANIFEST_NAME)
    validate_manifest(manifest)
    return manifest  # type: ignore[no-any-return]


def _checked(zf: SafeZip, name: str, files: dict[str, Any]) -> bytes:
    data = zf.read(name)
    if hashlib.sha256(data).hexdigest() != files[name]["sha256"] or \
            len(data) != files[name]["size"]:
        raise IntegrityError(f"{name}: SHA-256 does not match the manifest")
    return data


def _check_file_set(zf: SafeZip, files: dict[str, Any]) -> None:
    present = set(zf.names())
    expected = set(files) | {MANIFEST_NAME, SIGNATURE_NAME}
    for name in sorted(present - expected):
        raise IntegrityError(f"unexpected file in package, not listed in the manifest: {name}")
    for name in sorted(expected - present):
        raise IntegrityError(f"file listed in the manifest is missing from the package: {name}")


def media_names(manifest: dict[str, Any]) -> list[str]:
    suffix = ".enc" if manifest["encryption"] is not None else ""
    return sorted(name[len("media/"): len(name) - len(suffix)]
                  for name in manifest["files"] if name.startswith("media/"))


def read_content_unverified(path: Path, content_key: bytes | None = None
                            ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Manifest and questions document; the signature is NOT checked."""
    with open_container(Path(path)) as zf:
        manifest = _manifest(zf)
        encrypted = manifest["encryption"] is not None
        entry = content_entry(encrypted)
        data = _checked(zf, entry, manifest["files"])
    if encrypted:
        if content_key is None:
            raise DecryptionError("this exam package is encrypted; pass its content key "
                                  "(--content-key FILE)", code="content_key_required")
        if content_key_id(content_key) != manifest["encryption"]["key_id"]:
            raise DecryptionError("the content key does not belong to this exam package")
        data = decrypt_bytes(data, content_key, entry)
    doc = parse_canonical_json(data, "content/exam.json")
    try:
        validate_exam_doc(doc, set(media_names(manifest)))
    except InputError as exc:
        raise MalformedPackageError(f"content/exam.json: {exc.user_message}") from exc
    return manifest, doc


def _write_zip(out: Path, entries: list[tuple[str, bytes]]) -> None:
    out = Path(out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w+b") as handle:
            writer = ZipWriter(handle)
            for name, data in entries:
                writer.write_bytes(name, data, compress=False)  # packages are stored-only
            writer.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def resign_package(source: Path, out: Path, signing_key: Any) -> dict[str, Any]:
    """Copy ``source`` to ``out`` signed by ``signing_key`` (see module docstring)."""
    if not isinstance(signing_key, Ed25519PrivateKey):
        raise InputError("the signing key must be an author (Ed25519) private key")
    with open_container(Path(source)) as zf:
        manifest = _manifest(zf)
        files = manifest["files"]
        _check_file_set(zf, files)
        entries = [(name, _checked(zf, name, files)) for name in sorted(files)]
    manifest = {**manifest, "author_key_id": key_id(signing_key.public_key())}
    raw = canonical_bytes(manifest)
    entries.append((MANIFEST_NAME, raw))
    entries.append((SIGNATURE_NAME, signing_key.sign(raw)))
    _write_zip(out, entries)
    return manifest
