"""Publishing a package: read its manifest, store the zip as a blob, record the exam."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import InputError, MalformedPackageError

from .clock import from_iso
from .ids import PATTERNS


def read_manifest(package: Path) -> dict[str, Any]:
    """The package manifest, unverified (the server is not the trust anchor; clients verify).

    Uses ``exam_packages.package.read_manifest_unverified`` when that module
    exists, else reads ``manifest.json`` from the zip directly.
    """
    try:
        from exam_packages.package import (  # type: ignore[attr-defined,unused-ignore]
            read_manifest_unverified,
        )
    except ImportError:
        return _read_manifest_zip(package)
    manifest: dict[str, Any] = read_manifest_unverified(package)
    return manifest


def _read_manifest_zip(package: Path) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(package) as zf:
            info = zf.getinfo("manifest.json")
            if info.file_size > 1024 * 1024:
                raise MalformedPackageError("manifest.json is too large")
            data = zf.read(info)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise MalformedPackageError(f"{package} is not a package: {exc}") from exc
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedPackageError(f"manifest.json is not JSON: {exc}") from exc
    if not isinstance(manifest, dict):
        raise MalformedPackageError("manifest.json is not an object")
    return manifest


def exam_fields(manifest: dict[str, Any]) -> dict[str, Any]:
    """Pick and check the fields the server needs from a manifest."""
    exam = manifest.get("exam")
    if not isinstance(exam, dict):
        raise MalformedPackageError("manifest has no 'exam' object")
    exam_id = exam.get("exam_id")
    if not isinstance(exam_id, str) or PATTERNS["exam_id"].fullmatch(exam_id) is None:
        raise MalformedPackageError(f"bad exam_id {exam_id!r}")
    try:
        opens_at, closes_at = from_iso(exam["opens_at"]), from_iso(exam["closes_at"])
        version, duration = int(exam["version"]), int(exam["duration_s"])
    except (KeyError, ValueError, TypeError) as exc:
        raise MalformedPackageError(f"manifest exam fields are invalid: {exc}") from exc
    if closes_at <= opens_at or duration <= 0 or version <= 0:
        raise MalformedPackageError("manifest window/duration/version are inconsistent")
    return {"exam_id": exam_id, "version": version, "title": str(exam.get("title", "")),
            "opens_at": opens_at, "closes_at": closes_at, "duration_s": duration,
            "encrypted": manifest.get("encryption") is not None,
            "manifest": canonical_bytes(manifest).decode("utf-8")}


def read_content_key(path: Path | None) -> str | None:
    """A content key file: 32 raw bytes, or base64/hex text of them. Returns base64."""
    if path is None:
        return None
    data = Path(path).read_bytes()
    if len(data) != 32:
        text = data.strip().decode("ascii", "replace")
        try:
            data = bytes.fromhex(text) if len(text) == 64 else base64.b64decode(text, validate=True)
        except ValueError as exc:
            raise InputError(f"{path}: content key must be 32 bytes (raw, hex or base64)") from exc
    if len(data) != 32:
        raise InputError(f"{path}: content key must be 32 bytes")
    return base64.b64encode(data).decode("ascii")


def file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
