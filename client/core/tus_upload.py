"""tus 1.0 resumable upload of a hand-in bundle, built on ``tusclient`` (tuspy).

tuspy's ``Uploader`` does the protocol bookkeeping (metadata encoding, creation
headers, chunk sizes, offsets), but it calls module-level ``requests.post/patch/head``
without a timeout or session.  ``_SessionUploader`` overrides exactly those three
HTTP calls so that they go through :meth:`ServerClient.request` (our Session,
timeout, error mapping to ``NetworkError``).  :class:`TusUpload` adds retry with
exponential backoff (re-asking the server's offset with HEAD after each failure),
progress reporting and an ``on_url`` callback so the outbox can persist the upload
URL and resume after a restart.

Every failure that is not final is retried by asking the server's offset with HEAD
and resuming from there: ``OfflineError`` (refused, timeout), HTTP 5xx, 408, 429 and
any 409 (``offset_mismatch``, ``upload_busy`` when another request of ours still
writes, ``upload_complete`` when an earlier try already finished it).
``422 hash_mismatch`` and ``404 upload_not_found`` (the server dropped the upload) are
retried with a new upload.  Final errors (401/403, too large, too many versions, a
refused envelope or metadata; see ``is_final``) are raised at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from tusclient.client import TusClient
from tusclient.uploader import Uploader

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import NetworkError, OfflineError, ServerError

if TYPE_CHECKING:
    from .api import Progress, ServerClient

TUS_CHUNK = 128 * 1024  # ~2 s per PATCH at 512 kbit/s
RESTART_CODES = {"upload_not_found", "hash_mismatch"}
# Errors no retry can fix; every other failure (409 offset_mismatch / upload_busy /
# upload_complete, 408, 429, 5xx, a dropped connection) means "ask HEAD, resume".
FINAL_STATUSES = {401, 403}
FINAL_CODES = {"too_large", "too_many_versions", "bad_envelope", "bad_metadata",
               "attempt_not_found", "validation_error", "unsupported_tus_version",
               "bad_content_type", "invalid_id"}


def is_final(exc: ServerError) -> bool:
    """True for an upload error that retrying cannot fix (auth, refused content)."""
    return exc.status in FINAL_STATUSES or exc.server_code in FINAL_CODES


class _SessionUploader(Uploader):  # type: ignore[misc]
    def __init__(self, api: ServerClient, **kwargs: Any) -> None:
        self._api = api
        super().__init__(**kwargs)

    def create_url(self) -> str:
        create_url = str(getattr(self.client, "url", ""))
        resp = self._api.request("POST", create_url, headers=self.get_url_creation_headers())
        location = resp.headers.get("Location")
        if not location:
            raise NetworkError("The server did not create an upload.", code="bad_response")
        return urljoin(create_url, location)

    def get_offset(self) -> int:
        resp = self._api.request("HEAD", str(self.url), headers=self.get_headers())
        try:
            return int(resp.headers["Upload-Offset"])
        except (KeyError, ValueError):
            raise NetworkError("The server did not report an upload offset.",
                               code="bad_response") from None

    def _do_request(self) -> None:
        stream = self.get_file_stream()
        stream.seek(self.offset)
        chunk = stream.read(self.get_request_length())
        headers = dict(self.get_headers())
        headers.update({"Upload-Offset": str(self.offset),
                        "Content-Type": "application/offset+octet-stream"})
        resp = self._api.request("PATCH", str(self.url), data=chunk, headers=headers)
        self.request = SimpleNamespace(  # type: ignore[assignment]
            response_headers={k.lower(): v for k, v in resp.headers.items()}
        )


class TusUpload:
    """One bundle upload with retries; ``run`` returns the upload URL when complete."""

    def __init__(self, api: ServerClient, path: Path, attempt_id: str, sha256: str, *,
                 flags: dict[str, int] | None = None, offline_s: int | None = None,
                 retries: int | None = None, backoff_s: float | None = None,
                 sleep: Callable[[float], None] | None = None) -> None:
        self.api = api
        self.path = Path(path)
        self.metadata = {"attempt_id": attempt_id, "sha256": sha256, "filename": self.path.name}
        if flags is not None:
            self.metadata["flags"] = canonical_bytes(flags).decode()
        if offline_s is not None:
            self.metadata["offline_s"] = str(int(offline_s))
        self.retries = getattr(api, "upload_retries", 5) if retries is None else retries
        self.backoff_s = getattr(api, "upload_backoff_s", 0.5) if backoff_s is None else backoff_s
        self.sleep: Callable[[float], None] = sleep or getattr(api, "sleep", None) or time.sleep

    def _uploader(self, url: str | None) -> _SessionUploader:
        client = TusClient(self.api.url("/v1/uploads"))
        return _SessionUploader(self.api, file_path=str(self.path), client=client, url=url,
                                chunk_size=TUS_CHUNK, metadata=self.metadata)

    def _once(self, url: str | None, progress: Progress | None,
              on_url: Callable[[str], None] | None) -> str:
        uploader = self._uploader(url)
        if not uploader.url:
            uploader.set_url(uploader.create_url())
            uploader.offset = uploader.get_offset()
            if on_url is not None:
                on_url(str(uploader.url))
        size = uploader.get_file_size()
        if progress is not None:
            progress(uploader.offset, size)
        while uploader.offset < size:
            uploader.upload_chunk()
            if progress is not None:
                progress(uploader.offset, size)
        return str(uploader.url)

    def run(self, progress: Progress | None = None, upload_url: str | None = None,
            on_url: Callable[[str], None] | None = None) -> str:
        seen = {"url": upload_url or ""}

        def remember(url: str) -> None:
            seen["url"] = url
            if on_url is not None:
                on_url(url)

        failures = 0
        while True:
            try:
                return self._once(seen["url"] or None, progress, remember)
            except ServerError as exc:
                if exc.server_code in RESTART_CODES:
                    remember("")  # the server dropped the upload: create a new one
                elif is_final(exc):
                    raise
                error: NetworkError = exc  # anything else: ask HEAD for the offset, resume
            except OfflineError as exc:
                error = exc
            failures += 1
            if failures > self.retries:
                raise error
            self.sleep(min(30.0, self.backoff_s * 2 ** (failures - 1)))
