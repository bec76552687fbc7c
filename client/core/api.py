"""HTTP client of the exam server API v1 (docs/server-api.md), Qt-free.

``ServerClient(base_url, session=None, timeout=(5, 30))`` wraps one
``requests.Session``; every call has a timeout and every failure becomes a
:class:`~exam_packages.errors.NetworkError`:

* connection refused / DNS / timeout -> :class:`~exam_packages.errors.OfflineError`
* HTTP 4xx/5xx -> :class:`~exam_packages.errors.ServerError` with ``status`` and the
  server's ``server_code`` (from ``{"error": {"code", "message"}}``)
* a 2xx answer that is not the expected JSON -> ``NetworkError(code="bad_response")``

Public methods (all blocking; the UI runs them in a worker thread):

* ``login(exam_id, student_id, access_code) -> dict`` (keeps the bearer token)
* ``server_key() -> bytes``; ``pin_server_key(pinned=None) -> bytes`` (trust on first
  sign-in, then refuse a different key with ``UntrustedSignerError``)
* ``list_exams() -> list[dict]``
* ``download_package(exam_id, dest, progress=None, expected_sha256=None) -> Path``
  (``dest.part`` + HTTP Range/If-Range resume, SHA-256 check, atomic rename)
* ``start(exam_id, attempt_public: bytes) -> StartInfo``
* ``measure_bandwidth(progress=None) -> BandwidthResult``
* ``upload_result(...)`` (tus; see :mod:`client.core.tus_upload`)
* ``fetch_receipt(attempt_id, expected_sha256) -> dict`` (signature verified)
* ``local_secret(exam_id) -> bytes`` (the autosave-key secret when there is no keyring)
* ``my_decisions(attempt_id) -> dict`` (released invigilator decisions, signatures checked)

:class:`ExamServer` is the small protocol the session and outbox depend on, so
tests can replace the whole server with a fake.
"""

from __future__ import annotations

import base64
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exam_packages import safejson
from exam_packages.canonical import canonical_bytes
from exam_packages.errors import (
    IntegrityError,
    NetworkError,
    OfflineError,
    ServerError,
    SignatureError,
    UntrustedSignerError,
)

from .clock import parse_iso_utc

Progress = Callable[[int, int], None]
DEFAULT_TIMEOUT = (5.0, 30.0)
UNAVAILABLE_RETRIES = 3  # a 503 (server restarting its database link) is retried this often
CHUNK = 64 * 1024
# Sized for ~3 s on a 512 kbit/s (64 KB/s) link: 128 KiB down (2 s), 48 KiB up (0.75 s),
# 3 pings; on a fast link it finishes in milliseconds.
BANDWIDTH_DOWN_BYTES = 128 * 1024
BANDWIDTH_UP_BYTES = 48 * 1024
BANDWIDTH_PINGS = 3


@dataclass(frozen=True)
class StartInfo:
    attempt_id: str
    content_key: bytes | None
    deadline: float  # Unix seconds, server time
    server_time: float
    resumed: bool
    key_changed: bool
    package_sha256: str
    raw: dict[str, Any]


@dataclass(frozen=True)
class BandwidthResult:
    download_kbps: int
    upload_kbps: int
    latency_ms: int

    def to_dict(self) -> dict[str, int]:
        return {"download_kbps": self.download_kbps, "upload_kbps": self.upload_kbps,
                "latency_ms": self.latency_ms}


class ExamServer(Protocol):
    """What the session and outbox need from the server (fakes implement this)."""

    def start(self, exam_id: str, attempt_public: bytes) -> StartInfo: ...

    def upload_result(self, path: Path, attempt_id: str, sha256: str, *,
                      flags: dict[str, int] | None = None, offline_s: int | None = None,
                      progress: Progress | None = None, upload_url: str | None = None,
                      on_url: Callable[[str], None] | None = None) -> str: ...

    def fetch_receipt(self, attempt_id: str, expected_sha256: str) -> dict[str, Any]: ...


def verify_receipt(doc: dict[str, Any], server_public: bytes, attempt_id: str,
                   sha256: str) -> None:
    """Check a receipt answer: signature by the server key, right attempt and bundle."""
    try:
        receipt = doc["receipt"]
        signature = base64.b64decode(doc["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(server_public).verify(
            signature, canonical_bytes(receipt)
        )
    except (InvalidSignature, KeyError, ValueError, TypeError):
        raise SignatureError("The receipt is not signed by the exam server's key.") from None
    if receipt.get("attempt_id") != attempt_id or receipt.get("sha256") != sha256:
        raise IntegrityError("The receipt is for a different attempt or hand-in.")


def verify_decision(item: Any, attempt_id: str) -> None:
    """One released decision: Ed25519 signature over its canonical bytes, this attempt."""
    try:
        record = item["decision"]
        public = base64.b64decode(item["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(
            base64.b64decode(item["signature"], validate=True), canonical_bytes(record))
    except (InvalidSignature, KeyError, ValueError, TypeError):
        raise SignatureError("A decision does not match its invigilator's signature.") from None
    if record.get("attempt_id") != attempt_id:
        raise IntegrityError("A decision is for a different attempt.")


class ServerClient:
    """requests-based implementation of the API (see module docstring)."""

    def __init__(self, base_url: str, session: requests.Session | None = None,
                 timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
                 server_public: bytes | None = None,
                 perf: Callable[[], float] = time.perf_counter) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        self.server_public = server_public
        self.token: str | None = None
        self._perf = perf

    def close(self) -> None:
        self.session.close()

    # ------------------------------------------------------------------ plumbing
    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}{path}"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """One HTTP call with timeout + error mapping (also used by the tus uploader)."""
        headers = dict(kwargs.pop("headers", None) or {})
        if self.token:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        for tries_left in range(UNAVAILABLE_RETRIES, -1, -1):
            try:
                resp = self.session.request(method, self.url(path), headers=headers,
                                            timeout=self.timeout, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as exc:
                raise OfflineError(
                    f"The exam server cannot be reached ({type(exc).__name__}).") from exc
            except requests.RequestException as exc:
                raise NetworkError(f"Network error: {type(exc).__name__}.") from exc
            if resp.status_code != 503 or not tries_left or "data" in kwargs:
                break
            # 503: the server's database or file store is back in a moment (a restart);
            # nothing was changed, so the same request is sent again (not a streamed body)
            resp.close()
            getattr(self, "sleep", time.sleep)(_retry_after(resp))
        if resp.status_code >= 400:
            raise _server_error(resp)
        return resp

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        resp = self.request(method, path, **kwargs)
        try:
            data = safejson.loads(resp.content, "answer", error=NetworkError)
        except NetworkError:
            raise NetworkError("The server sent an answer that is not JSON.",
                               code="bad_response") from None
        if not isinstance(data, dict):
            raise NetworkError("The server sent an unexpected answer.", code="bad_response")
        return data

    # ------------------------------------------------------------------ auth + keys
    def login(self, exam_id: str, student_id: str, access_code: str) -> dict[str, Any]:
        data = self._json("POST", "/v1/auth/login", json={
            "exam_id": exam_id, "student_id": student_id, "access_code": access_code})
        self.token = _field(data, "token", str)
        return data

    def server_key(self) -> bytes:
        data = self._json("GET", "/v1/server-key")
        try:
            key = base64.b64decode(_field(data, "public_key", str), validate=True)
        except ValueError:
            raise NetworkError("The server key is not valid base64.", code="bad_response") from None
        if len(key) != 32:
            raise NetworkError("The server key has the wrong length.", code="bad_response")
        return key

    def pin_server_key(self, pinned: bytes | None = None) -> bytes:
        """Fetch the server key; pin it if nothing is pinned, refuse a different one."""
        expected = pinned if pinned is not None else self.server_public
        key = self.server_key()
        if expected is not None and key != expected:
            raise UntrustedSignerError(
                "The exam server presented a different signing key than the one pinned "
                "at first sign-in. Contact the exam office."
            )
        self.server_public = key
        return key

    # ------------------------------------------------------------------ exams
    def list_exams(self) -> list[dict[str, Any]]:
        exams = self._json("GET", "/v1/exams").get("exams")
        if not isinstance(exams, list):
            raise NetworkError("The exam list is malformed.", code="bad_response")
        return exams

    def start(self, exam_id: str, attempt_public: bytes) -> StartInfo:
        data = self._json("POST", f"/v1/exams/{exam_id}/start",
                          json={"public_key": base64.b64encode(attempt_public).decode()})
        key = data.get("content_key")
        try:
            return StartInfo(
                attempt_id=_field(data, "attempt_id", str),
                content_key=base64.b64decode(key) if key else None,
                deadline=parse_iso_utc(_field(data, "deadline", str)),
                server_time=parse_iso_utc(_field(data, "server_time", str)),
                resumed=bool(data.get("resumed")),
                key_changed=bool(data.get("key_changed")),
                package_sha256=str(data.get("package_sha256", "")),
                raw=data,
            )
        except ValueError:
            raise NetworkError("The start answer is malformed.", code="bad_response") from None

    def download_package(self, exam_id: str, dest: Path, progress: Progress | None = None,
                         expected_sha256: str | None = None) -> Path:
        """Download (resuming a ``.part`` file) and atomically rename into ``dest``."""
        from .download import resumable_download

        return resumable_download(self, f"/v1/exams/{exam_id}/package", Path(dest),
                                  progress, expected_sha256)

    # ------------------------------------------------------------------ bandwidth
    def measure_bandwidth(self, progress: Progress | None = None,
                          down_bytes: int = BANDWIDTH_DOWN_BYTES,
                          up_bytes: int = BANDWIDTH_UP_BYTES) -> BandwidthResult:
        """Latency (median of pings), then download and upload throughput in kbit/s."""
        total = down_bytes + up_bytes + BANDWIDTH_PINGS
        done = 0
        pings = []
        for _ in range(BANDWIDTH_PINGS):
            t0 = self._perf()
            self.request("GET", "/v1/ping")
            pings.append(self._perf() - t0)
            done += 1
            _report(progress, done, total)
        t0 = self._perf()
        resp = self.request("GET", "/v1/bandwidth/download", params={"bytes": down_bytes},
                            stream=True)
        got = 0
        with resp:
            for chunk in resp.iter_content(8192):
                got += len(chunk)
                _report(progress, done + got, total)
        down_s = self._perf() - t0
        done += got
        t0 = self._perf()
        self.request("POST", "/v1/bandwidth/upload", data=os.urandom(up_bytes),
                     headers={"Content-Type": "application/octet-stream"})
        up_s = self._perf() - t0
        _report(progress, total, total)
        return BandwidthResult(download_kbps=_kbps(got, down_s), upload_kbps=_kbps(up_bytes, up_s),
                               latency_ms=int(sorted(pings)[len(pings) // 2] * 1000))

    # ------------------------------------------------------------------ hand-in
    def upload_result(self, path: Path, attempt_id: str, sha256: str, *,
                      flags: dict[str, int] | None = None, offline_s: int | None = None,
                      progress: Progress | None = None, upload_url: str | None = None,
                      on_url: Callable[[str], None] | None = None) -> str:
        from .tus_upload import TusUpload

        upload = TusUpload(self, path, attempt_id, sha256, flags=flags, offline_s=offline_s)
        return upload.run(progress=progress, upload_url=upload_url, on_url=on_url)

    def fetch_receipt(self, attempt_id: str, expected_sha256: str) -> dict[str, Any]:
        """GET the receipt for this hand-in and verify it with the pinned server key."""
        if self.server_public is None:
            self.pin_server_key()
        assert self.server_public is not None
        doc = self._json("GET", f"/v1/attempts/{attempt_id}/receipt",
                         params={"sha256": expected_sha256})
        verify_receipt(doc, self.server_public, attempt_id, expected_sha256)
        return doc

    # ------------------------------------------------------------------ privacy
    def local_secret(self, exam_id: str) -> bytes:
        """This student's 32-byte local-key secret (docs/client.md, "Keys at rest")."""
        data = self._json("GET", f"/v1/exams/{exam_id}/local-secret")
        try:
            secret = base64.b64decode(_field(data, "secret", str), validate=True)
        except ValueError:
            raise NetworkError("The local secret is not valid base64.",
                               code="bad_response") from None
        if len(secret) != 32:
            raise NetworkError("The local secret has the wrong length.", code="bad_response")
        return secret

    def my_decisions(self, attempt_id: str) -> dict[str, Any]:
        """The invigilator's decisions on this student's attempt, once the exam office
        released them: ``{"released": bool, "decisions": [...]}``; each decision's
        signature is checked (``SignatureError`` if one does not verify)."""
        data = self._json("GET", f"/v1/attempts/{attempt_id}/decisions")
        decisions = data.get("decisions")
        if not isinstance(decisions, list):
            raise NetworkError("The decision list is malformed.", code="bad_response")
        for item in decisions:
            verify_decision(item, attempt_id)
        return data


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _kbps(nbytes: int, seconds: float) -> int:
    return round(nbytes * 8 / 1000 / max(seconds, 1e-6))


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind):
        raise NetworkError(f"The server answer lacks '{name}'.", code="bad_response")
    return value


def _retry_after(resp: requests.Response) -> float:
    value = resp.headers.get("Retry-After", "1")
    return min(5.0, float(value)) if value.isdigit() else 1.0


def _server_error(resp: requests.Response) -> ServerError:
    code, message = "http_error", f"The exam server answered HTTP {resp.status_code}."
    try:
        err = safejson.loads(resp.content, "error", error=NetworkError).get("error", {})
        code = str(err.get("code") or code)
        message = str(err.get("message") or message)
    except (NetworkError, AttributeError):
        pass
    return ServerError(message, status=resp.status_code, server_code=code)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()
