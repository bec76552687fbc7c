"""Generate the crafted malicious / malformed zips in this folder (run once, commit output).

    .venv/bin/python tests/exam_packages/data/pkg/make_data.py

Every file is deterministic (fixed timestamps, zero/space payloads) and small;
the bombs (the only deflated entries) only become large when decompressed.
test_pkg_container.py says which error each one must raise.
"""

from __future__ import annotations

import io
import stat
import struct
import warnings
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MiB = 1 << 20


def _info(name: str, mode: int = stat.S_IFREG | 0o644, deflate: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.create_system = 3
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    return info


def make_zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]], deflate: bool = False) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of some files
        with zipfile.ZipFile(out, "w") as zf:
            for name, data in entries:
                zf.writestr(_info(name, deflate=deflate) if isinstance(name, str) else name, data)
    return out.getvalue()


def _patch_name(data: bytes, old: bytes, new: bytes) -> bytes:
    assert len(old) == len(new) and data.count(old) == 2  # local header + central directory
    return data.replace(old, new)


def _lying_header() -> bytes:
    """One entry that declares 1000 bytes but inflates to 1 MiB."""
    data = bytearray(make_zip([("media/liar.bin", b"\0" * MiB)], deflate=True))
    real = struct.pack("<L", MiB)
    for offset in (data.find(real), data.rfind(real)):  # local header, central directory
        data[offset:offset + 4] = struct.pack("<L", 1000)
    return bytes(data)


def _zip64_entry() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf, zf.open(_info("manifest.json"), "w",
                                                   force_zip64=True) as dst:
        dst.write(b"{}")
    return out.getvalue()


def _with_comment() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(_info("manifest.json"), b"{}")
        zf.comment = b"hidden payload"
    return out.getvalue()


def _manifest_only(manifest: bytes) -> bytes:
    return make_zip([("manifest.json", manifest), ("manifest.sig", b"\0" * 64)])


def build_all() -> dict[str, bytes]:
    sig = b"\0" * 64
    return {
        "not_a_zip.bin": b"This is not a zip file at all.\n" * 4,
        "truncated.zip": make_zip([("manifest.json", b"{}" * 5000), ("manifest.sig", sig)])[:-40],
        "zip_slip.zip": make_zip([("../evil.txt", b"owned")]),
        "zip_slip_nested.zip": make_zip([("media/../../evil.txt", b"owned")]),
        "absolute_path.zip": make_zip([("/etc/evil.txt", b"owned")]),
        "backslash_path.zip": make_zip([("..\\evil.txt", b"owned")]),
        "drive_letter.zip": make_zip([("C:/evil.txt", b"owned")]),
        "directory_entry.zip": make_zip([("media/", b"")]),
        "symlink.zip": make_zip([(_info("media/link.png", stat.S_IFLNK | 0o777), b"/etc/passwd")]),
        "bomb_ratio.zip": make_zip([("manifest.json", b" " * (4 * MiB))], deflate=True),
        "bomb_file.zip": make_zip([("media/big.bin", b"\0" * (3 * MiB))], deflate=True),
        "bomb_total.zip": make_zip(
            [(f"media/part{i}.bin", b"\0" * (MiB // 2)) for i in range(4)], deflate=True),
        "bomb_lying_header.zip": _lying_header(),
        "duplicate.zip": make_zip([("manifest.json", b"{}"), ("manifest.json", b"{}")]),
        "duplicate_case.zip": make_zip([("media/A.png", b"1"), ("media/a.png", b"2")]),
        "duplicate_nfc.zip": make_zip([("media/\u00e9.png", b"1"), ("media/e\u0301.png", b"2")]),
        "bad_utf8_name.zip": _patch_name(
            make_zip([("media/\u00e9.png", b"x")]), "\u00e9".encode(), b"\xff\xfe"),
        "cp437_name.zip": _patch_name(make_zip([("media/XX.png", b"x")]), b"XX", b"\x8e\xa0"),
        "too_many_entries.zip": make_zip([(f"media/{i}.png", b"x") for i in range(20)]),
        "zip64_entry.zip": _zip64_entry(),
        "archive_comment.zip": _with_comment(),
        "manifest_bad_utf8.zip": _manifest_only(b'{"format":"\xff\xfe"}'),
        "manifest_bad_json.zip": _manifest_only(b'{"format":'),
        "manifest_noncanonical.zip": _manifest_only(b'{ "format": "emtihan-package" }'),
    }


def main() -> None:
    for name, data in build_all().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
