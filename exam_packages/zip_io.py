"""Low-level zip pieces shared by the safe reader and the package builder.

* ``check_entry_name(name, max_bytes=1024)`` - raises :class:`UnsafeArchiveError`
  unless ``name`` is a safe relative POSIX path.
* ``StoredReader`` - ``read(n)`` straight from the archive for a stored entry,
  CRC-32 checked at the end (optional).
* ``ChunkReader`` - file-like ``read(n)`` over an iterator of chunks.
* ``ZipWriter(dst)`` - deterministic writer (fixed timestamps, mode 0644, names
  checked like the reader does); ``write_bytes``, ``open_entry``, ``close``; as a
  context manager it closes on success and abandons the archive on error.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO, BinaryIO

from .errors import IntegrityError, MalformedPackageError, UnsafeArchiveError

__all__ = ["ChunkReader", "StoredReader", "ZipWriter", "check_entry_name", "crc_error"]

_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def check_entry_name(name: str, max_bytes: int = 1024) -> None:
    """Raise :class:`UnsafeArchiveError` unless ``name`` is a safe relative POSIX path."""
    if not name:
        raise UnsafeArchiveError("empty entry name")
    if len(name.encode("utf-8", "surrogatepass")) > max_bytes:
        raise UnsafeArchiveError(f"entry name too long: {name[:60]!r}...")
    if "\\" in name:
        raise UnsafeArchiveError(f"backslash in entry name {name!r}")
    if _CONTROL_RE.search(name):
        raise UnsafeArchiveError(f"control character in entry name {name!r}")
    if name.startswith("/"):
        raise UnsafeArchiveError(f"absolute path in entry name {name!r}")
    if _DRIVE_RE.match(name):
        raise UnsafeArchiveError(f"drive letter in entry name {name!r}")
    if name.endswith("/"):
        raise UnsafeArchiveError(f"directory entry {name!r} is not allowed")
    for part in name.split("/"):
        if part in ("", ".", ".."):
            raise UnsafeArchiveError(f"path traversal or empty component in entry name {name!r}")



def crc_error(name: str) -> IntegrityError:
    return IntegrityError(f"entry {name!r} does not match its checksum (altered or corrupt)")


class StoredReader:
    """``read(n)`` straight from the archive for a stored entry, CRC-32 checked at the end."""

    def __init__(
        self, stream: BinaryIO, start: int, info: zipfile.ZipInfo, check_crc: bool
    ) -> None:
        self._stream = stream
        self._pos = start
        self._left = info.file_size
        self._name = info.filename
        self._expected_crc = info.CRC if check_crc else None
        self._crc = 0

    def read(self, size: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        size = self._left if size < 0 else min(size, self._left)
        self._stream.seek(self._pos)
        data = self._stream.read(size)
        if len(data) != size:
            raise MalformedPackageError(f"entry {self._name!r} is truncated")
        self._pos += size
        self._left -= size
        if self._expected_crc is not None:
            self._crc = zlib.crc32(data, self._crc)
            if self._left == 0 and self._crc != self._expected_crc:
                raise crc_error(self._name)
        return data


class ChunkReader:
    """File-like ``read(size)`` over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = bytearray()

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        size = len(self._buffer) if size < 0 else min(size, len(self._buffer))
        out = bytes(self._buffer[:size])
        del self._buffer[:size]
        return out


class ZipWriter:
    """Deterministic zip writer for packages (names checked like the reader does)."""

    def __init__(self, dst: BinaryIO) -> None:
        self._zip = zipfile.ZipFile(dst, "w", allowZip64=True)

    @staticmethod
    def _info(name: str, compress: bool) -> zipfile.ZipInfo:
        check_entry_name(name)
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.create_system = 3
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        return info

    def write_bytes(self, name: str, data: bytes, compress: bool = False) -> None:
        self._zip.writestr(self._info(name, compress), data)

    def open_entry(self, name: str, compress: bool = False) -> IO[bytes]:
        return self._zip.open(self._info(name, compress), "w")

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> ZipWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        """On error, abandon the archive (the caller deletes the partial file)."""
        if exc_type is None:
            self.close()
            return
        try:
            self._zip.close()
        except (ValueError, OSError):
            pass  # the partial output is being thrown away anyway
