"""The tus staging of one upload: a local file, mirrored to the blob store when shared.

Each host spools an upload's bytes to ``uploads/<id>.part`` on its own disk (fsynced
before the offset is committed). When the blob store is shared by every host (S3),
each acknowledged chunk that does not finish the upload is also stored as
``staging/<upload_id>/<offset>``, before its offset is committed; a host that gets
a PATCH for an upload it has not seen whole (the client's earlier chunks went to
another host behind the load balancer) first rebuilds its local file from those
segments, up to the committed offset. Completion and eviction delete them.
A single PATCH that carries the whole result (the usual case) never touches them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

from .blobs import CHUNK, BlobStore

_DIGITS = 15


class UploadSpool:
    def __init__(self, staging: Path, blobs: BlobStore) -> None:
        self.staging, self.blobs = staging, blobs

    def part(self, upload_id: str) -> Path:
        return self.staging / f"{upload_id}.part"

    @staticmethod
    def _prefix(upload_id: str) -> str:
        return f"staging/{upload_id}/"

    def catch_up(self, upload_id: str, committed: int) -> None:
        """Make the local file hold the ``committed`` bytes (from shared segments)."""
        part = self.part(upload_id)
        have = part.stat().st_size if part.exists() else 0
        if have >= committed or not self.blobs.shared:
            return
        fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o600)
        with os.fdopen(fd, "r+b") as out:
            out.truncate(0)
            pos = 0
            for key in self.blobs.keys(self._prefix(upload_id)):
                start = int(key.rsplit("/", 1)[1])
                if start != pos or pos >= committed:
                    continue  # a segment an earlier, uncommitted try left behind
                size = self.blobs.size(key)
                for data in self.blobs.read_range(key, 0, size - 1):
                    out.write(data)
                pos += size
            out.truncate(min(pos, committed))
            out.flush()
            os.fsync(out.fileno())

    def share(self, upload_id: str, start: int, end: int) -> None:
        """Store bytes ``start..end`` (exclusive) of the local file as a shared segment."""
        if not self.blobs.shared or end <= start:
            return
        fd, tmp = tempfile.mkstemp(dir=self.staging, prefix=".seg-")
        try:
            with os.fdopen(fd, "wb") as out, open(self.part(upload_id), "rb") as src:
                src.seek(start)
                _copy(src, out, end - start)
            self.blobs.put_file(f"{self._prefix(upload_id)}{start:0{_DIGITS}d}", Path(tmp))
        finally:
            Path(tmp).unlink(missing_ok=True)

    def discard(self, upload_id: str, *, segments: bool = True) -> None:
        """The local file and any shared segments (``segments=False``: none were stored,
        the upload arrived in one PATCH; spares the store a LIST per hand-in)."""
        self.part(upload_id).unlink(missing_ok=True)
        if self.blobs.shared and segments:
            for key in self.blobs.keys(self._prefix(upload_id)):
                self.blobs.delete(key)


def _copy(src: IO[bytes], out: IO[bytes], length: int) -> None:
    left = length
    while left > 0:
        data = src.read(min(CHUNK, left))
        if not data:
            break
        out.write(data)
        left -= len(data)
