"""Resumable download into ``<dest>.part`` with HTTP Range + If-Range (Qt-free).

A partial file survives a dropped connection or a killed client; the next call
asks for ``Range: bytes=<have>-`` with ``If-Range: <etag>`` (kept in
``<dest>.part.etag``).  A ``206`` appends, a ``200`` (the package changed) starts over,
a ``416`` drops the partial file and starts over once.  The finished file is
checked against the expected SHA-256, fsynced and renamed into place atomically.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import requests

from exam_packages.errors import IntegrityError, NetworkError, OfflineError, ServerError

if TYPE_CHECKING:
    from .api import Progress, ServerClient

CHUNK = 64 * 1024


def _open_response(client: ServerClient, path: str, part: Path, etag_file: Path
                   ) -> tuple[requests.Response, int]:
    offset = part.stat().st_size if part.exists() else 0
    headers = {}
    if offset and etag_file.exists():
        headers = {"Range": f"bytes={offset}-", "If-Range": etag_file.read_text().strip()}
    try:
        resp = client.request("GET", path, headers=headers, stream=True)
    except ServerError as exc:
        if exc.status != 416 or not headers:
            raise
        part.unlink(missing_ok=True)
        resp = client.request("GET", path, stream=True)
    if resp.status_code == 206:
        start = resp.headers.get("Content-Range", "").removeprefix("bytes ").split("-")[0]
        if start != str(offset):
            resp.close()
            raise NetworkError("The server resumed the download at the wrong offset.",
                               code="bad_response")
        return resp, offset
    return resp, 0


def _total(resp: requests.Response, offset: int) -> int:
    if resp.status_code == 206:
        return int(resp.headers.get("Content-Range", "/0").rsplit("/", 1)[1] or 0)
    return int(resp.headers.get("Content-Length", 0))


def resumable_download(client: ServerClient, path: str, dest: Path,
                       progress: Progress | None, expected_sha256: str | None) -> Path:
    part = dest.with_name(dest.name + ".part")
    etag_file = dest.with_name(dest.name + ".part.etag")
    dest.parent.mkdir(parents=True, exist_ok=True)
    resp, offset = _open_response(client, path, part, etag_file)
    total = _total(resp, offset)
    etag = resp.headers.get("ETag")
    if etag:
        etag_file.write_text(etag)
    done = offset
    try:
        with resp, open(part, "ab" if offset else "wb") as fh:
            for chunk in resp.iter_content(CHUNK):
                fh.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            fh.flush()
            os.fsync(fh.fileno())
    except requests.RequestException as exc:
        raise OfflineError(
            f"The download was interrupted at {done} of {total} bytes; it will resume."
        ) from exc
    _check_and_commit(part, dest, etag_file, expected_sha256)
    return dest


def _check_and_commit(part: Path, dest: Path, etag_file: Path, expected: str | None) -> None:
    if expected is not None:
        digest = hashlib.sha256()
        with open(part, "rb") as fh:
            for block in iter(lambda: fh.read(CHUNK), b""):
                digest.update(block)
        if digest.hexdigest() != expected:
            part.unlink(missing_ok=True)
            etag_file.unlink(missing_ok=True)
            raise IntegrityError("The downloaded package does not match the server's checksum.")
    os.replace(part, dest)
    etag_file.unlink(missing_ok=True)
