"""Blob storage: a local directory (default) or an S3-compatible bucket (boto3, optional).

Keys look like ``packages/<exam>/<sha256>`` or ``submissions/<attempt>/<sha256>``;
they are checked against a strict regex so no key can climb out of the root.
Writes are atomic: temp file + fsync + rename (local) or a single PUT (S3).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from exam_packages.errors import EmtihanError
from exam_packages.keys import fsync_dir

_KEY = re.compile(r"[a-z]+(/[A-Za-z0-9_][A-Za-z0-9._-]{0,127}){1,3}")
CHUNK = 64 * 1024


class BlobError(EmtihanError):
    code = "blob"


def check_key(key: str) -> str:
    if _KEY.fullmatch(key) is None or ".." in key:
        raise BlobError(f"invalid blob key {key!r}")
    return key


class BlobStore(Protocol):
    def put_file(self, key: str, src: Path, *, move: bool = False) -> None:
        """Store ``src`` atomically; ``move`` allows consuming an fsynced ``src``."""
    def exists(self, key: str) -> bool: ...
    def size(self, key: str) -> int: ...
    def read_range(self, key: str, start: int, end: int) -> Iterator[bytes]: ...
    def delete(self, key: str) -> None: ...


class LocalBlobStore:
    """Files under ``root``; a blob is visible only once complete (rename is atomic)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put_file(self, key: str, src: Path, *, move: bool = False) -> None:
        dest = self._path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if move:
            try:
                os.replace(src, dest)  # src is already fsynced; rename is atomic
            except OSError:
                pass  # another file system: fall back to copying
            else:
                fsync_dir(dest.parent)
                return
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
                shutil.copyfileobj(inp, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        fsync_dir(dest.parent)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError as exc:
            raise BlobError(f"blob {key} is missing") from exc

    def read_range(self, key: str, start: int, end: int) -> Iterator[bytes]:
        """Yield bytes ``start..end`` inclusive."""
        with open(self._path(key), "rb") as fh:
            fh.seek(start)
            left = end - start + 1
            while left > 0:
                data = fh.read(min(CHUNK, left))
                if not data:
                    break
                left -= len(data)
                yield data

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


class S3BlobStore:
    """An S3-compatible bucket (AWS, MinIO, Ceph RGW...). Needs ``pip install boto3``.

    ``client`` may be any object with boto3's ``upload_file``, ``head_object``,
    ``get_object`` and ``delete_object`` methods (tests pass a fake).
    """

    def __init__(self, bucket: str, prefix: str = "", client: Any = None,
                 endpoint_url: str | None = None) -> None:
        if client is None:
            try:
                import boto3  # type: ignore[import-not-found]
            except ImportError as exc:
                raise BlobError("S3 storage needs boto3: pip install boto3") from exc
            client = boto3.client("s3", endpoint_url=endpoint_url)
        self.client = client
        self.bucket = bucket
        self.prefix = prefix

    def _name(self, key: str) -> str:
        return self.prefix + check_key(key)

    def put_file(self, key: str, src: Path, *, move: bool = False) -> None:
        self.client.upload_file(str(src), self.bucket, self._name(key))

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._name(key))
        except Exception:
            return False
        return True

    def size(self, key: str) -> int:
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self._name(key))
        except Exception as exc:
            raise BlobError(f"blob {key} is missing") from exc
        return int(head["ContentLength"])

    def read_range(self, key: str, start: int, end: int) -> Iterator[bytes]:
        obj = self.client.get_object(Bucket=self.bucket, Key=self._name(key),
                                     Range=f"bytes={start}-{end}")
        body = obj["Body"]
        while True:
            data = body.read(CHUNK)
            if not data:
                break
            yield data

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._name(key))
