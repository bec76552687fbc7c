"""verify_package / open_package: every tampering is refused with a typed error,
and the rollback store (trusted state) only changes after full success."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from exam_packages.errors import (
    DecryptionError,
    ExamWindowError,
    IntegrityError,
    MalformedPackageError,
    RollbackError,
    SignatureError,
    UntrustedSignerError,
    VerificationError,
)
from exam_packages.keys import generate_signing_key
from exam_packages.package import (
    BuildResult,
    open_package,
    read_manifest_unverified,
    verify_package,
)
from exam_packages.pkg_testing import (
    WINDOW_NOW,
    PackageKeys,
    build_sample,
    entry_data_offset,
    resign_manifest,
    rewrite_package,
)
from exam_packages.rollback import RollbackStore
from exam_packages.trust import TrustStore


@pytest.fixture(scope="module")
def keys() -> PackageKeys:
    return PackageKeys.generate()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory, keys: PackageKeys) -> BuildResult:
    return build_sample(tmp_path_factory.mktemp("plain"), keys)


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: pytest.TempPathFactory, keys: PackageKeys) -> BuildResult:
    return build_sample(tmp_path_factory.mktemp("enc"), keys, encrypt=True)


@pytest.fixture
def rollback(tmp_path: Path) -> RollbackStore:
    store = RollbackStore(tmp_path / "rollback.json")
    store.record("phys-101-final", 2)
    return store


def refused(
    data: bytes, trust: TrustStore, rollback: RollbackStore, error: type[VerificationError],
    match: str, **kwargs: Any,
) -> None:
    """``open_package`` must raise ``error`` and leave the rollback store byte-identical."""
    before = rollback.path.read_bytes()
    kwargs.setdefault("now", WINDOW_NOW)
    with pytest.raises(error, match=match):
        open_package(data, trust, rollback=rollback, **kwargs)
    assert rollback.path.read_bytes() == before
    assert rollback.highest("phys-101-final") == 2


def flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1:]


def manifest_of(data: bytes) -> dict[str, Any]:
    return read_manifest_unverified(data)


# -- happy paths ----------------------------------------------------------------------


def test_plain_package_verifies_opens_and_records_version(
    plain: BuildResult, keys: PackageKeys, rollback: RollbackStore
) -> None:
    verify_package(plain.path, keys.trust(), now=WINDOW_NOW, rollback=rollback)
    assert rollback.highest("phys-101-final") == 3
    opened = open_package(plain.path.read_bytes(), keys.trust(), now=WINDOW_NOW)
    assert opened.exam_doc["questions"]["q1"]["options"][0]["text"] == "Астана"
    assert opened.media_names == ["diagram.png"]
    assert opened.media("media/diagram.png") == (plain.path.parent / "src-diagram.png").read_bytes()
    assert plain.content_key is None and plain.manifest["encryption"] is None


def test_encrypted_package_verifies_without_key_and_opens_with_key(
    encrypted: BuildResult, keys: PackageKeys, rollback: RollbackStore
) -> None:
    assert encrypted.key_path is not None and encrypted.content_key is not None
    assert encrypted.key_path.stat().st_mode & 0o777 == 0o600
    verify_package(encrypted.path, keys.trust(), check_window=False)
    with encrypted.path.open("rb") as handle:
        opened = open_package(handle, keys.trust(), content_key=encrypted.content_key,
                              now=WINDOW_NOW, rollback=rollback)
        media = opened.media("diagram.png")
    assert media == (encrypted.path.parent / "src-diagram.png").read_bytes()
    assert opened.exam_doc["questions"]["q2"]["correct"] is True
    assert rollback.highest("phys-101-final") == 3


def test_equal_version_is_accepted_higher_is_recorded(
    tmp_path: Path, keys: PackageKeys, plain: BuildResult, rollback: RollbackStore
) -> None:
    rollback.record("phys-101-final", 3)
    verify_package(plain.path, keys.trust(), now=WINDOW_NOW, rollback=rollback)
    newer = build_sample(tmp_path, keys, version=7)
    verify_package(newer.path, keys.trust(), now=WINDOW_NOW, rollback=rollback)
    assert rollback.highest("phys-101-final") == 7


# -- tampering --------------------------------------------------------------------------


def test_tampered_manifest_byte(plain: BuildResult, keys: PackageKeys,
                                rollback: RollbackStore) -> None:
    data = plain.path.read_bytes()
    raw = json.dumps(manifest_of(data), ensure_ascii=False, sort_keys=True,
                     separators=(",", ":")).encode()
    altered = raw.replace(b'"duration_s":5400', b'"duration_s":9400')
    assert altered != raw
    tampered = rewrite_package(data, {"manifest.json": altered})
    refused(tampered, keys.trust(), rollback, SignatureError, "package signature is invalid")


def test_tampered_content_byte(encrypted: BuildResult, keys: PackageKeys,
                               rollback: RollbackStore) -> None:
    data = encrypted.path.read_bytes()
    tampered = flip(data, entry_data_offset(data, "content/exam.json.enc") + 40)
    refused(tampered, keys.trust(), rollback, IntegrityError,
            "'content/exam.json.enc' does not match its checksum",
            content_key=encrypted.content_key)


def test_replaced_content_with_valid_crc(plain: BuildResult, keys: PackageKeys,
                                         rollback: RollbackStore) -> None:
    data = plain.path.read_bytes()
    doc = open_package(data, keys.trust(), now=WINDOW_NOW).exam_doc
    raw = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    altered = raw.replace(b'"correct":["a"]', b'"correct":["b"]')
    assert len(altered) == len(raw) and altered != raw
    tampered = rewrite_package(data, {"content/exam.json": altered})
    refused(tampered, keys.trust(), rollback, IntegrityError,
            "content/exam.json: SHA-256 does not match the signed manifest")


def test_tampered_media_byte(plain: BuildResult, keys: PackageKeys,
                             rollback: RollbackStore) -> None:
    data = plain.path.read_bytes()
    tampered = flip(data, entry_data_offset(data, "media/diagram.png") + 100)
    refused(tampered, keys.trust(), rollback, IntegrityError,
            "'media/diagram.png' does not match its checksum")


def test_tampered_signature_byte(plain: BuildResult, keys: PackageKeys,
                                 rollback: RollbackStore) -> None:
    data = plain.path.read_bytes()
    signature = bytearray(data[entry_data_offset(data, "manifest.sig"):][:64])
    signature[10] ^= 0x80
    tampered = rewrite_package(data, {"manifest.sig": bytes(signature)})
    refused(tampered, keys.trust(), rollback, SignatureError, "package signature is invalid")


def test_wrong_signer(plain: BuildResult, keys: PackageKeys, rollback: RollbackStore) -> None:
    data = plain.path.read_bytes()
    raw = json.dumps(manifest_of(data), ensure_ascii=False, sort_keys=True,
                     separators=(",", ":")).encode()
    tampered = resign_manifest(data, raw, generate_signing_key())
    refused(tampered, keys.trust(), rollback, SignatureError, "package signature is invalid")


def test_unknown_signer(plain: BuildResult, rollback: RollbackStore) -> None:
    stranger = TrustStore.from_keys([generate_signing_key().public_key()])
    refused(plain.path.read_bytes(), stranger, rollback, UntrustedSignerError,
            "unknown author key")


def test_missing_file(plain: BuildResult, keys: PackageKeys, rollback: RollbackStore) -> None:
    tampered = rewrite_package(plain.path.read_bytes(), {"media/diagram.png": None})
    refused(tampered, keys.trust(), rollback, IntegrityError,
            "missing from the package: media/diagram.png")


def test_extra_file(plain: BuildResult, keys: PackageKeys, rollback: RollbackStore) -> None:
    tampered = rewrite_package(plain.path.read_bytes(), add={"media/extra.png": b"extra"})
    refused(tampered, keys.trust(), rollback, IntegrityError,
            "not listed in the manifest: media/extra.png")


def test_version_rollback(plain: BuildResult, keys: PackageKeys, tmp_path: Path) -> None:
    store = RollbackStore(tmp_path / "rollback.json")
    store.record("phys-101-final", 5)
    before = store.path.read_bytes()
    with pytest.raises(RollbackError, match="version 3 is older than version 5"):
        verify_package(plain.path, keys.trust(), now=WINDOW_NOW, rollback=store)
    assert store.path.read_bytes() == before


def test_window_not_open(plain: BuildResult, keys: PackageKeys, rollback: RollbackStore) -> None:
    refused(plain.path.read_bytes(), keys.trust(), rollback, ExamWindowError,
            "not open yet until 2026-12-01T08:00:00Z",
            now=datetime(2026, 12, 1, 7, 59, 59, tzinfo=UTC))


def test_window_closed(plain: BuildResult, keys: PackageKeys, rollback: RollbackStore) -> None:
    refused(plain.path.read_bytes(), keys.trust(), rollback, ExamWindowError,
            "closed at 2026-12-01T12:00:00Z", now=datetime(2026, 12, 1, 12, 0, tzinfo=UTC))


def test_wrong_content_key(encrypted: BuildResult, keys: PackageKeys,
                           rollback: RollbackStore) -> None:
    refused(encrypted.path.read_bytes(), keys.trust(), rollback, DecryptionError,
            "content key does not belong to this exam package", content_key=b"\x07" * 32)


def test_missing_content_key(encrypted: BuildResult, keys: PackageKeys,
                             rollback: RollbackStore) -> None:
    refused(encrypted.path.read_bytes(), keys.trust(), rollback, DecryptionError,
            "content key is released at exam start")


def test_truncated_package(plain: BuildResult, keys: PackageKeys,
                           rollback: RollbackStore) -> None:
    data = plain.path.read_bytes()
    refused(data[: len(data) - 100], keys.trust(), rollback, MalformedPackageError,
            "not a zip file, or the file is truncated")


def test_non_canonical_manifest_even_when_signed(plain: BuildResult, keys: PackageKeys,
                                                 rollback: RollbackStore) -> None:
    data = plain.path.read_bytes()
    raw = json.dumps(manifest_of(data), ensure_ascii=False, indent=1).encode()
    tampered = resign_manifest(data, raw, keys.author)
    refused(tampered, keys.trust(), rollback, MalformedPackageError,
            "manifest.json is not in canonical JSON form")


def test_trailing_bytes_after_archive(plain: BuildResult, keys: PackageKeys,
                                      rollback: RollbackStore) -> None:
    refused(plain.path.read_bytes() + b"\0", keys.trust(), rollback, MalformedPackageError,
            "unexpected data after the end of the zip archive")
