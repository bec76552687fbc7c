"""manifest.json: strict parsing, canonical check and structural validation.

* ``parse_canonical_json(raw, what) -> Any`` - UTF-8, nesting depth at most
  ``safejson.MAX_JSON_DEPTH`` (checked before parsing), no duplicate keys, no
  floats/NaN, and the bytes must equal their canonical re-encoding; raises
  :class:`MalformedPackageError`.
* ``validate_manifest(manifest) -> None`` - the format envelope of
  docs/package-format.md (``format``, ``format_version``, ``author_key_id``,
  ``recipient``, ``created_at``, ``encryption``, ``files``) and the ``exam``
  block (via ``exam_packages.model.validate_meta`` when that module exists);
  raises :class:`MalformedPackageError`.
* ``validate_meta(meta)`` / ``validate_exam_doc(doc, media_names)`` - call the
  model's validators when present (raising :class:`InputError`), else a
  minimal built-in check.
* ``content_entry(encrypted)``, ``media_entry(name, encrypted)``,
  ``parse_utc(text)``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib
import re
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

from . import safejson
from .canonical import canonical_bytes
from .content_crypto import ALG, CHUNK_SIZE
from .errors import EmtihanError, InputError, MalformedPackageError

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST_NAME",
    "SIGNATURE_NAME",
    "content_entry",
    "media_entry",
    "parse_canonical_json",
    "parse_utc",
    "validate_exam_doc",
    "validate_manifest",
    "validate_meta",
]

FORMAT = "emtihan-package"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_UTC_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_EXAM_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_REQUIRED_META = ("exam_id", "version", "title", "language", "opens_at", "closes_at",
                  "duration_s")
_TOP_KEYS = {"format", "format_version", "exam", "author_key_id", "recipient", "created_at",
             "encryption", "files"}


def _model() -> ModuleType | None:
    try:
        return importlib.import_module("exam_packages.model")
    except ModuleNotFoundError as exc:
        if exc.name == "exam_packages.model":
            return None
        raise


def content_entry(encrypted: bool) -> str:
    return "content/exam.json.enc" if encrypted else "content/exam.json"


def media_entry(name: str, encrypted: bool) -> str:
    return f"media/{name}.enc" if encrypted else f"media/{name}"


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_float(text: str) -> Any:
    raise ValueError(f"non-integer number {text}")


def parse_canonical_json(raw: bytes, what: str) -> Any:
    value = safejson.loads(raw, what, object_pairs_hook=_pairs, parse_float=_no_float,
                           parse_constant=_no_float)
    try:
        canonical = canonical_bytes(value)
    except InputError as exc:  # lone surrogates; parse already refuses floats
        raise MalformedPackageError(f"{what}: {exc.user_message}") from exc
    if canonical != raw:
        raise MalformedPackageError(f"{what} is not in canonical JSON form")
    return value


def parse_utc(text: Any, field: str = "time") -> datetime:
    if not isinstance(text, str) or not _UTC_RE.fullmatch(text):
        raise InputError(f"{field}: expected UTC time like 2026-12-01T08:00:00Z, got {text!r}")
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError as exc:
        raise InputError(f"{field}: {text!r} is not a valid date/time") from exc


def _builtin_meta_check(meta: Any) -> None:
    if not isinstance(meta, dict):
        raise InputError("exam: expected a mapping")
    for key in _REQUIRED_META:
        if key not in meta:
            raise InputError(f"exam: missing field {key!r}")
    if not isinstance(meta["exam_id"], str) or not _EXAM_ID.fullmatch(meta["exam_id"]):
        raise InputError(f"exam.exam_id: {meta['exam_id']!r} is not a valid exam id")
    for key in ("version", "duration_s"):
        if type(meta[key]) is not int or meta[key] < 1:
            raise InputError(f"exam.{key}: expected a positive integer")
    if parse_utc(meta["opens_at"], "exam.opens_at") >= parse_utc(meta["closes_at"],
                                                                   "exam.closes_at"):
        raise InputError("exam.opens_at must be before exam.closes_at")


def validate_meta(meta: Any) -> None:
    """Validate the ``exam`` block (raises :class:`InputError`)."""
    _builtin_meta_check(meta)
    model = _model()
    if model is not None and hasattr(model, "validate_meta"):
        model.validate_meta(meta)


def validate_exam_doc(doc: Any, media_names: set[str]) -> None:
    """Validate the questions document (raises :class:`InputError`)."""
    model = _model()
    if model is not None and hasattr(model, "validate_exam_doc"):
        model.validate_exam_doc(doc, media_names)
        return
    if not isinstance(doc, dict) or not isinstance(doc.get("questions"), dict):
        raise InputError("exam document: 'questions' must be a mapping")
    if not isinstance(doc.get("sections", []), list):
        raise InputError("exam document: 'sections' must be a list")


def _malformed(message: str) -> MalformedPackageError:
    return MalformedPackageError(f"manifest.json: {message}")


def _check_recipient(recipient: Any) -> None:
    if not isinstance(recipient, dict) or set(recipient) != {"alg", "public_key", "key_id"}:
        raise _malformed("recipient must have exactly alg, public_key, key_id")
    if recipient["alg"] != "X25519" or not isinstance(recipient["public_key"], str):
        raise _malformed("recipient.alg must be X25519")
    try:
        raw = base64.b64decode(recipient["public_key"], validate=True)
    except binascii.Error as exc:
        raise _malformed("recipient.public_key is not base64") from exc
    if len(raw) != 32 or recipient["key_id"] != hashlib.sha256(raw).hexdigest():
        raise _malformed("recipient.public_key/key_id do not match")


def _check_encryption(encryption: Any) -> None:
    if encryption is None:
        return
    if not isinstance(encryption, dict) or set(encryption) != {"alg", "key_id", "chunk_size"}:
        raise _malformed("encryption must be null or have exactly alg, key_id, chunk_size")
    if encryption["alg"] != ALG or encryption["chunk_size"] != CHUNK_SIZE:
        raise _malformed(f"encryption must be {ALG} with chunk_size {CHUNK_SIZE}")
    if not isinstance(encryption["key_id"], str) or not _HEX16.fullmatch(encryption["key_id"]):
        raise _malformed("encryption.key_id must be 16 lowercase hex characters")


def _check_files(files: Any, encrypted: bool) -> None:
    if not isinstance(files, dict):
        raise _malformed("files must be a mapping")
    content = content_entry(encrypted)
    if content not in files:
        raise _malformed(f"files must list {content}")
    for name, entry in files.items():
        if name != content:
            if not name.startswith("media/") or (encrypted and not name.endswith(".enc")):
                raise _malformed(f"file {name!r} is neither {content} nor a media file")
        if not isinstance(entry, dict) or set(entry) != {"sha256", "size"}:
            raise _malformed(f"files[{name!r}] must have exactly sha256 and size")
        if not isinstance(entry["sha256"], str) or not _HEX64.fullmatch(entry["sha256"]):
            raise _malformed(f"files[{name!r}].sha256 must be 64 lowercase hex characters")
        if type(entry["size"]) is not int or entry["size"] < 0:
            raise _malformed(f"files[{name!r}].size must be a non-negative integer")


def validate_manifest(manifest: Any) -> None:
    """Structural validation of a parsed manifest; raises :class:`MalformedPackageError`."""
    if not isinstance(manifest, dict) or set(manifest) != _TOP_KEYS:
        raise _malformed(f"top-level keys must be exactly {sorted(_TOP_KEYS)}")
    if manifest["format"] != FORMAT or manifest["format_version"] != FORMAT_VERSION:
        raise _malformed(f"unsupported format (expected {FORMAT} version {FORMAT_VERSION})")
    kid = manifest["author_key_id"]
    if not isinstance(kid, str) or not _HEX64.fullmatch(kid):
        raise _malformed("author_key_id must be 64 lowercase hex characters")
    _check_recipient(manifest["recipient"])
    _check_encryption(manifest["encryption"])
    _check_files(manifest["files"], manifest["encryption"] is not None)
    try:
        parse_utc(manifest["created_at"], "created_at")
        validate_meta(manifest["exam"])
    except EmtihanError as exc:
        raise _malformed(exc.user_message) from exc
