"""Safe zip container: reader with the limits of docs/package-format.md, and a writer.

Reader: ``SafeZip(source: bytes | BinaryIO, limits: ZipLimits = ZipLimits())``
(the stream must be seekable). Construction checks every central-directory
entry and raises :class:`UnsafeArchiveError` (zip-slip ``..``, absolute paths,
backslashes, drive letters, control characters, directories, symlinks and other
non-regular files, duplicate names also after NFC + case folding, names that
are not UTF-8, encrypted entries, unknown compression, overlapping entries,
too many entries, declared sizes over the limits) or
:class:`MalformedPackageError` (not a zip, truncated). Reading enforces the
size and ratio limits on the bytes actually produced by the decompressor.

* ``names() -> list[str]``, ``info(name) -> zipfile.ZipInfo``
* ``iter_entry(name, chunk_size=1 MiB) -> Iterator[bytes]`` (streaming; ``open`` is an alias)
* ``reader(name) -> ChunkReader`` (file-like ``read(n)``, e.g. for ``decrypt_stream``)
* ``hash_entry(name) -> tuple[str, int]`` (hex SHA-256, size; streaming)
* ``read(name, max_size=None) -> bytes``

Writer (re-exported from :mod:`exam_packages.zip_io`): ``ZipWriter(dst: BinaryIO)``
with ``write_bytes(name, data, compress=False)``, ``open_entry(name, compress=False)``
(a writable file object, used as a context manager) and ``close()``; entries get
fixed timestamps and mode 0644.
"""

from __future__ import annotations

import hashlib
import io
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .errors import MalformedPackageError, UnsafeArchiveError
from .zip_io import ChunkReader, StoredReader, ZipWriter, check_entry_name, crc_error

__all__ = [
    "ChunkReader",
    "SafeZip",
    "StoredReader",
    "ZipLimits",
    "ZipWriter",
    "check_entry_name",
]

MiB = 1 << 20
GiB = 1 << 30
_UTF8_FLAG = 0x800
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE_1980 = (1 << 5) | 1  # 1980-01-01, time 00:00:00
_FILE_MODE = (stat.S_IFREG | 0o644) << 16
_ZIP_VERSION = 20
_UNIX = 3
_LOCAL_HEADER_SIZE = 30
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    IndexError,
    KeyError,
    OverflowError,
    NotImplementedError,
    RuntimeError,
)


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 10_000
    max_file_size: int = 512 * MiB
    max_total_size: int = 2 * GiB
    max_ratio: int = 200
    # the ratio is only judged once an entry has produced this many bytes, so a
    # tiny highly compressible file (e.g. 2 KiB of spaces) is not called a bomb
    ratio_floor: int = 64 * 1024
    max_name_bytes: int = 1024


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


class SafeZip:
    def __init__(
        self, source: bytes | BinaryIO, limits: ZipLimits | None = None, *,
        canonical: bool = False,
    ) -> None:
        self.limits = limits or ZipLimits()
        stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
        self._stream = stream
        try:
            self._zip = zipfile.ZipFile(stream)
        except UnicodeDecodeError as exc:
            raise UnsafeArchiveError("an entry name is not valid UTF-8") from exc
        except _ZIP_ERRORS as exc:
            raise MalformedPackageError(
                "not a valid package: not a zip file, or the file is truncated"
            ) from exc
        self._entries: dict[str, zipfile.ZipInfo] = {}
        self._check_entries()
        if canonical:
            self._check_layout()

    # -- structure -----------------------------------------------------------------
    def _check_entries(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            raise UnsafeArchiveError(
                f"too many entries in archive ({len(infos)} > {self.limits.max_entries})"
            )
        folded: dict[str, str] = {}
        total = 0
        for info in infos:
            name = self._check_info(info)
            key = _fold(name)
            if key in folded:
                raise UnsafeArchiveError(
                    f"duplicate entry name {name!r} (clashes with {folded[key]!r})"
                )
            folded[key] = name
            total += info.file_size
            if total > self.limits.max_total_size:
                raise UnsafeArchiveError(
                    f"archive too large: total uncompressed size exceeds "
                    f"{self.limits.max_total_size} bytes"
                )
            self._entries[name] = info
        self._check_overlap(infos)

    def _check_info(self, info: zipfile.ZipInfo) -> str:
        name = info.filename
        if info.orig_filename != name:
            raise UnsafeArchiveError(f"NUL byte or separator trick in entry name {name!r}")
        if not info.flag_bits & _UTF8_FLAG and not name.isascii():
            raise UnsafeArchiveError(
                f"entry name {name!r} is not marked as UTF-8 (only UTF-8 names are allowed)"
            )
        check_entry_name(name, self.limits.max_name_bytes)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise UnsafeArchiveError(f"symlink entry {name!r} is not allowed")
        if mode and not stat.S_ISREG(mode):
            raise UnsafeArchiveError(f"entry {name!r} is not a regular file")
        if info.flag_bits & 0x1:
            raise UnsafeArchiveError(f"entry {name!r} is zip-encrypted (not supported)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeArchiveError(f"entry {name!r} uses an unsupported compression method")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise UnsafeArchiveError(f"stored entry {name!r} has inconsistent sizes")
        if info.file_size > self.limits.max_file_size:
            raise UnsafeArchiveError(
                f"entry {name!r} too large ({info.file_size} > "
                f"{self.limits.max_file_size} bytes)"
            )
        return name

    def _check_overlap(self, infos: list[zipfile.ZipInfo]) -> None:
        ordered = sorted(infos, key=lambda i: i.header_offset)
        end_of_data = getattr(self._zip, "start_dir", None)
        for index, info in enumerate(ordered):
            raw_len = len(info.orig_filename.encode("utf-8"))
            end = info.header_offset + _LOCAL_HEADER_SIZE + raw_len + info.compress_size
            limit = (
                ordered[index + 1].header_offset if index + 1 < len(ordered) else end_of_data
            )
            if limit is not None and end > limit:
                raise UnsafeArchiveError(f"entry {info.filename!r} overlaps another entry")

    def _expect(self, offset: int, expected: bytes, what: str) -> None:
        self._stream.seek(offset)
        if self._stream.read(len(expected)) != expected:
            raise MalformedPackageError(
                f"zip structure of {what} is not in the canonical package layout "
                "(altered or not written by an Emtihan builder)"
            )

    def _check_layout(self) -> None:
        """Every byte outside entry data must be exactly what :class:`ZipWriter` writes.

        Entries must be stored (deflate streams are malleable: padding bits and
        block flags can change without changing the output). Entry data is
        covered by the signed manifest, so with this check no byte of a package
        is unauthenticated (no smuggled data, comments, extra fields, timestamps
        or trailing bytes).
        """
        try:
            self._check_layout_records()
        except struct.error as exc:  # a field beyond 16/32 bits: ZIP64, never written by us
            raise MalformedPackageError("ZIP64 archives are not valid packages") from exc

    def _check_layout_records(self) -> None:
        pos = 0
        central = bytearray()
        infos = sorted(self._entries.values(), key=lambda i: i.header_offset)
        for info in infos:
            raw = info.filename.encode("utf-8")
            flags = 0 if info.filename.isascii() else _UTF8_FLAG
            if info.compress_type != zipfile.ZIP_STORED:
                raise MalformedPackageError(
                    f"entry {info.filename!r} is compressed; package entries are stored"
                )
            if info.header_offset != pos:
                raise MalformedPackageError(
                    f"zip structure of {info.filename!r} is not in the canonical package layout"
                )
            sizes = (info.CRC, info.compress_size, info.file_size, len(raw))
            self._expect(pos, _LOCAL.pack(
                b"PK\x03\x04", _ZIP_VERSION, 0, flags, info.compress_type, 0, _DOS_DATE_1980,
                *sizes, 0) + raw, repr(info.filename))
            pos += _LOCAL.size + len(raw) + info.compress_size
            central += _CENTRAL.pack(
                b"PK\x01\x02", _ZIP_VERSION, _UNIX, _ZIP_VERSION, 0, flags, info.compress_type,
                0, _DOS_DATE_1980, *sizes, 0, 0, 0, 0, _FILE_MODE, info.header_offset) + raw
        count = len(infos)
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), pos, 0)
        self._expect(pos, bytes(central) + end, "the central directory")
        if self._stream.seek(0, io.SEEK_END) != pos + len(central) + len(end):
            raise MalformedPackageError("unexpected data after the end of the zip archive")

    # -- access ----------------------------------------------------------------------
    def names(self) -> list[str]:
        return list(self._entries)

    def info(self, name: str) -> zipfile.ZipInfo:
        try:
            return self._entries[name]
        except KeyError:
            raise MalformedPackageError(f"entry {name!r} is missing from the archive") from None

    def _check_growth(self, info: zipfile.ZipInfo, produced: int) -> None:
        lim = self.limits
        if produced > lim.max_file_size:
            raise UnsafeArchiveError(
                f"entry {info.filename!r} too large while decompressing "
                f"(> {lim.max_file_size} bytes)"
            )
        if produced > info.file_size:
            raise UnsafeArchiveError(
                f"entry {info.filename!r} decompresses to more than its declared size"
            )
        if produced > lim.ratio_floor and produced > lim.max_ratio * max(info.compress_size, 1):
            raise UnsafeArchiveError(
                f"entry {info.filename!r} exceeds the compression ratio limit "
                f"({lim.max_ratio}:1); possible zip bomb"
            )

    def iter_entry(
        self, name: str, chunk_size: int = MiB, *, check_crc: bool = True
    ) -> Iterator[bytes]:
        """Stream entry ``name``; sizes/ratio enforced on the bytes actually produced.

        Stored entries are read straight from the source (``check_crc=False``
        skips the CRC-32 when the caller authenticates the bytes itself, e.g.
        by SHA-256 or AES-GCM); deflated ones go through :mod:`zipfile`.
        """
        info = self.info(name)
        if info.compress_type == zipfile.ZIP_STORED:
            reader = self._stored_reader(info, check_crc)
            while data := reader.read(chunk_size):
                yield data
            return
        yield from self._inflate(info, chunk_size)

    def _stored_reader(self, info: zipfile.ZipInfo, check_crc: bool) -> StoredReader:
        self._stream.seek(info.header_offset)
        header = self._stream.read(_LOCAL.size)
        if len(header) != _LOCAL.size or header[:4] != b"PK\x03\x04":
            raise MalformedPackageError(f"entry {info.filename!r}: bad local header")
        name_len, extra_len = struct.unpack_from("<HH", header, 26)
        if self._stream.read(name_len) != info.orig_filename.encode("utf-8"):
            raise MalformedPackageError(
                f"entry {info.filename!r}: name in local header and directory differ"
            )
        start = info.header_offset + _LOCAL.size + name_len + extra_len
        return StoredReader(self._stream, start, info, check_crc)

    def _inflate(self, info: zipfile.ZipInfo, chunk_size: int) -> Iterator[bytes]:
        name = info.filename
        produced = 0
        try:
            with self._zip.open(info) as handle:
                while True:
                    data = handle.read(chunk_size)
                    if not data:
                        break
                    produced += len(data)
                    self._check_growth(info, produced)
                    yield data
        except zipfile.BadZipFile as exc:
            if "CRC" in str(exc):
                raise crc_error(name) from exc
            raise MalformedPackageError(f"entry {name!r} is corrupt or truncated") from exc
        except _ZIP_ERRORS as exc:
            raise MalformedPackageError(f"entry {name!r} is corrupt or truncated") from exc
        if produced != info.file_size:
            raise MalformedPackageError(f"entry {name!r} is shorter than its declared size")

    def open(self, name: str, chunk_size: int = MiB) -> Iterator[bytes]:
        """Stream entry ``name`` as chunks (alias of :meth:`iter_entry`)."""
        return self.iter_entry(name, chunk_size)

    def reader(self, name: str, *, check_crc: bool = True) -> StoredReader | ChunkReader:
        """A file-like ``read(n)`` view of entry ``name`` (limits still enforced)."""
        info = self.info(name)
        if info.compress_type == zipfile.ZIP_STORED:
            return self._stored_reader(info, check_crc)
        return ChunkReader(self._inflate(info, MiB))

    def hash_entry(self, name: str) -> tuple[str, int]:
        digest = hashlib.sha256()
        size = 0
        for chunk in self.iter_entry(name):
            digest.update(chunk)
            size += len(chunk)
        return digest.hexdigest(), size

    def read(self, name: str, max_size: int | None = None) -> bytes:
        info = self.info(name)
        if max_size is not None and info.file_size > max_size:
            raise UnsafeArchiveError(f"entry {name!r} too large ({info.file_size} > {max_size})")
        return b"".join(self.iter_entry(name))

    def close(self) -> None:
        self._zip.close()
