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
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from exam_packages.errors import EmtihanError
from exam_packages.keys import fsync_dir

from .errors import Unavailable

_KEY = re.compile(r"[a-z]+(/[A-Za-z0-9_][A-Za-z0-9._-]{0,127}){1,3}")
CHUNK = 64 * 1024


class BlobError(EmtihanError):
    code = "blob"


class BlobUnavailable(Unavailable):
    """The blob store cannot be reached or failed (5xx)."""

    what = "file store"


def check_key(key: str) -> str:
    if _KEY.fullmatch(key) is None or ".." in key:
        raise BlobError(f"invalid blob key {key!r}")
    return key


class BlobStore(Protocol):
    shared: bool  # every server host sees the same store (S3), not only this one

    def put_file(self, key: str, src: Path, *, move: bool = False) -> None:
        """Store ``src`` atomically; ``move`` allows consuming an fsynced ``src``."""
    def exists(self, key: str) -> bool: ...
    def size(self, key: str) -> int: ...
    def read_range(self, key: str, start: int, end: int) -> Iterator[bytes]: ...
    def delete(self, key: str) -> None: ...
    def keys(self, prefix: str) -> list[str]:
        """Every key starting with ``prefix`` (a folder-like ``a/b/``), sorted."""


class LocalBlobStore:
    """Files under ``root``; a blob is visible only once complete (rename is atomic)."""

    shared = False

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

    def keys(self, prefix: str) -> list[str]:
        folder = self.root / check_key(prefix.rstrip("/"))
        if not folder.is_dir():
            return []
        return sorted(f"{prefix.rstrip('/')}/{p.name}" for p in folder.iterdir()
                      if p.is_file() and not p.name.startswith(".tmp-"))


class S3BlobStore:
    """An S3-compatible bucket (AWS, MinIO, Ceph RGW...). Needs ``pip install boto3``.

    ``client`` may be any object with boto3's ``put_object``, ``upload_file``, ``head_object``,
    ``get_object``, ``delete_object`` and ``list_objects_v2`` methods (unit tests pass a
    fake). Objects above ``MULTIPART_BYTES`` go up as multipart uploads of that part size
    (boto3's transfer manager, parts in parallel, each retried on its own).
    """

    shared = True
    MULTIPART_BYTES = 8 * 1024 * 1024

    def __init__(self, bucket: str, prefix: str = "", client: Any = None,
                 endpoint_url: str | None = None) -> None:
        own_client = client is None
        if client is None:
            try:
                import boto3  # type: ignore[import-not-found]
            except ImportError as exc:
                raise BlobError("S3 storage needs boto3: pip install boto3") from exc
            from botocore.config import Config  # type: ignore[import-not-found]
            client = boto3.client("s3", endpoint_url=endpoint_url, config=Config(
                connect_timeout=5, read_timeout=60,
                retries={"max_attempts": 3, "mode": "standard"}))
        self.client = client
        self.bucket = bucket
        self.prefix = prefix
        self._transfer = _transfer_config(self.MULTIPART_BYTES) if own_client else None

    def _name(self, key: str) -> str:
        return self.prefix + check_key(key)

    def put_file(self, key: str, src: Path, *, move: bool = False) -> None:
        """One PUT below ``MULTIPART_BYTES`` (boto3's transfer manager, with its threads
        and futures, cost more CPU than the 200 KB hand-in itself), multipart above."""
        with _reachable():
            if src.stat().st_size < self.MULTIPART_BYTES:
                with open(src, "rb") as body:
                    self.client.put_object(Bucket=self.bucket, Key=self._name(key), Body=body)
                return
            extra: dict[str, Any] = {}
            if self._transfer is not None:
                extra["Config"] = self._transfer
            self.client.upload_file(str(src), self.bucket, self._name(key), **extra)

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
        with _reachable():
            self.client.delete_object(Bucket=self.bucket, Key=self._name(key))

    def keys(self, prefix: str) -> list[str]:
        check_key(prefix.rstrip("/"))
        found: list[str] = []
        token: dict[str, str] = {}
        while True:
            with _reachable():
                page = self.client.list_objects_v2(Bucket=self.bucket,
                                                   Prefix=self.prefix + prefix, **token)
            found += [o["Key"][len(self.prefix):] for o in page.get("Contents", [])]
            if not page.get("IsTruncated"):
                return sorted(found)
            token = {"ContinuationToken": page["NextContinuationToken"]}


@contextmanager
def _reachable() -> Iterator[None]:
    """boto3's connection errors and S3 5xx answers become 503 (the client retries)."""
    try:
        yield
    except Exception as exc:
        if _unreachable(exc):
            raise BlobUnavailable(exc) from exc
        raise


def _unreachable(exc: BaseException) -> bool:
    name = type(exc).__name__
    if name in ("EndpointConnectionError", "ConnectionClosedError", "ConnectTimeoutError",
                "ReadTimeoutError", "S3UploadFailedError"):
        return True
    status = getattr(exc, "response", {}).get("ResponseMetadata", {}).get("HTTPStatusCode")
    return isinstance(status, int) and status >= 500


def _transfer_config(part_bytes: int) -> Any:
    try:
        from boto3.s3.transfer import TransferConfig  # type: ignore[import-not-found]
    except ImportError:  # a fake client in unit tests
        return None
    return TransferConfig(multipart_threshold=part_bytes, multipart_chunksize=part_bytes)
