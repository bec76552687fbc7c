"""Crafted malicious / malformed containers (committed under data/pkg) are refused.

Each case goes through ``verify_package`` with a rollback store that already
holds a version; the store file must be byte-identical afterwards.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from exam_packages.container import SafeZip, ZipLimits
from exam_packages.errors import (
    IntegrityError,
    MalformedPackageError,
    UnsafeArchiveError,
    VerificationError,
)
from exam_packages.package import read_manifest_unverified, verify_package
from exam_packages.pkg_testing import PackageKeys
from exam_packages.rollback import RollbackStore

DATA = Path(__file__).resolve().parent / "data" / "pkg"
MiB = 1 << 20
SMALL_FILE = ZipLimits(max_file_size=MiB, max_ratio=10**6)
SMALL_TOTAL = ZipLimits(max_total_size=MiB, max_ratio=10**6)
FEW_ENTRIES = ZipLimits(max_entries=10)

CASES = [
    ("not_a_zip.bin", None, MalformedPackageError, "not a zip file"),
    ("truncated.zip", None, MalformedPackageError, "not a zip file, or the file is truncated"),
    ("zip_slip.zip", None, UnsafeArchiveError, "path traversal .* '../evil.txt'"),
    ("zip_slip_nested.zip", None, UnsafeArchiveError, "path traversal .* 'media/../../evil.txt'"),
    ("absolute_path.zip", None, UnsafeArchiveError, "absolute path in entry name '/etc/evil.txt'"),
    ("backslash_path.zip", None, UnsafeArchiveError, "backslash in entry name"),
    ("drive_letter.zip", None, UnsafeArchiveError, "drive letter in entry name 'C:/evil.txt'"),
    ("directory_entry.zip", None, UnsafeArchiveError, "directory entry 'media/' is not allowed"),
    ("symlink.zip", None, UnsafeArchiveError, "symlink entry 'media/link.png' is not allowed"),
    # package entries must be stored, so a deflate bomb is refused before any inflation;
    # SafeZip's ratio limit while inflating is tested below
    ("bomb_ratio.zip", None, MalformedPackageError, "'manifest.json' is compressed"),
    ("bomb_file.zip", SMALL_FILE, UnsafeArchiveError, "'media/big.bin' too large"),
    ("bomb_total.zip", SMALL_TOTAL, UnsafeArchiveError, "total uncompressed size exceeds"),
    ("duplicate.zip", None, UnsafeArchiveError, "duplicate entry name 'manifest.json'"),
    ("duplicate_case.zip", None, UnsafeArchiveError, "duplicate entry name 'media/a.png'"),
    ("duplicate_nfc.zip", None, UnsafeArchiveError, "duplicate entry name"),
    ("bad_utf8_name.zip", None, UnsafeArchiveError, "entry name is not valid UTF-8"),
    ("cp437_name.zip", None, UnsafeArchiveError, "is not marked as UTF-8"),
    ("too_many_entries.zip", FEW_ENTRIES, UnsafeArchiveError, r"too many entries .*\(20 > 10\)"),
    ("zip64_entry.zip", None, MalformedPackageError,
     "zip structure of 'manifest.json' is not in the canonical package layout"),
    ("archive_comment.zip", None, MalformedPackageError,
     "zip structure of the central directory is not in the canonical package layout"),
    # an unsigned manifest is never parsed: the signature check comes first
    ("manifest_bad_utf8.zip", None, MalformedPackageError, "author_key_id is missing"),
    ("manifest_bad_json.zip", None, MalformedPackageError, "author_key_id is missing"),
    ("manifest_noncanonical.zip", None, MalformedPackageError, "author_key_id is missing"),
]
UNVERIFIED_CASES = [
    ("manifest_bad_utf8.zip", "manifest.json is not valid UTF-8"),
    ("manifest_bad_json.zip", "manifest.json is not valid JSON"),
    ("manifest_noncanonical.zip", "not in canonical JSON form"),
]


@pytest.fixture
def rollback(tmp_path: Path) -> RollbackStore:
    store = RollbackStore(tmp_path / "rollback.json")
    store.record("phys-101-final", 2)
    return store


@pytest.mark.parametrize(("name", "limits", "error", "message"), CASES, ids=[c[0] for c in CASES])
def test_crafted_container_is_refused(
    name: str, limits: ZipLimits | None, error: type[VerificationError], message: str,
    rollback: RollbackStore,
) -> None:
    before = rollback.path.read_bytes()
    data = (DATA / name).read_bytes()
    with pytest.raises(error, match=message):
        verify_package(data, PackageKeys.generate().trust(), check_window=False,
                       rollback=rollback, limits=limits)
    assert rollback.path.read_bytes() == before


@pytest.mark.parametrize(("name", "message"), UNVERIFIED_CASES,
                         ids=[c[0] for c in UNVERIFIED_CASES])
def test_unverified_reader_refuses_bad_manifest(name: str, message: str) -> None:
    with pytest.raises(MalformedPackageError, match=message):
        read_manifest_unverified((DATA / name).read_bytes())


def test_ratio_bomb_stops_while_decompressing() -> None:
    """The 4 MiB manifest bomb is stopped after at most ratio*compressed bytes."""
    data = (DATA / "bomb_ratio.zip").read_bytes()
    archive = SafeZip(data)
    produced = 0
    with pytest.raises(UnsafeArchiveError, match="compression ratio limit"):
        for chunk in archive.iter_entry("manifest.json", chunk_size=64 * 1024):
            produced += len(chunk)
    assert produced < 200 * archive.info("manifest.json").compress_size


def test_lying_size_header_is_not_trusted() -> None:
    """An entry declaring 1000 bytes that inflates to 1 MiB never yields more than 1000."""
    archive = SafeZip((DATA / "bomb_lying_header.zip").read_bytes())
    produced = 0
    with pytest.raises(IntegrityError, match="'media/liar.bin' does not match its checksum"):
        for chunk in archive.iter_entry("media/liar.bin"):
            produced += len(chunk)
    assert produced <= 1000


def test_safezip_streams_large_entry_in_chunks() -> None:
    data = (DATA / "bomb_file.zip").read_bytes()
    archive = SafeZip(io.BytesIO(data), ZipLimits(max_ratio=10**6))
    sizes = [len(chunk) for chunk in archive.iter_entry("media/big.bin", chunk_size=MiB)]
    assert sizes == [MiB, MiB, MiB]
    digest, size = archive.hash_entry("media/big.bin")
    assert size == 3 * MiB and len(digest) == 64


def test_overlapping_entries_are_refused() -> None:
    """Two central-directory records that point at one local header (overlap bomb)."""
    from tests.exam_packages.data.pkg.make_data import make_zip

    data = bytearray(make_zip([("media/a.png", b"A" * 100), ("media/b.png", b"B" * 100)]))
    second = data.rfind(b"PK\x01\x02")
    data[second + 42:second + 46] = (0).to_bytes(4, "little")  # b's header offset -> a's
    with pytest.raises(MalformedPackageError):
        SafeZip(bytes(data))
