"""An in-memory fake of the server API v1, mounted as a requests transport adapter.

It speaks just enough of docs/server-api.md for the client tests and lets a test
inject failures: refused connections, 5xx answers, a download cut after N bytes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from exam_packages.canonical import canonical_bytes

BASE = "http://fake.test"


@dataclass
class FakeState:
    package: bytes = b"PK-fake-package-" * 5000
    content_key: bytes = b"k" * 32
    deadline: str = "2030-01-01T10:00:00Z"
    server_time: str = "2030-01-01T08:30:00Z"
    token: str = "tok-123"
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    uploads: dict[str, dict[str, Any]] = field(default_factory=dict)
    receipts: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail: list[str] = field(default_factory=list)  # "refused" | "500" | "timeout" per request
    cut_download_after: int | None = None
    log: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    attempt_id: str = "att_" + "a" * 32
    start_keys: list[str] = field(default_factory=list)
    exam_id: str = "demo"
    local_secret: bytes = b"s" * 32  # GET /v1/exams/{id}/local-secret

    @property
    def public(self) -> bytes:
        return self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _response(req: requests.PreparedRequest, status: int, body: bytes | dict[str, Any] = b"",
              headers: dict[str, str] | None = None) -> requests.Response:
    resp = requests.Response()
    resp.status_code = status
    raw = json.dumps(body).encode() if isinstance(body, dict) else body
    hdrs = CaseInsensitiveDict(headers or {})
    if isinstance(body, dict):
        hdrs["Content-Type"] = "application/json"
    hdrs.setdefault("Content-Length", str(len(raw)))
    resp.headers = hdrs
    resp.raw = io.BytesIO(raw)
    resp.url = req.url or ""
    resp.request = req
    return resp


def _error(req: requests.PreparedRequest, status: int, code: str, msg: str) -> requests.Response:
    return _response(req, status, {"error": {"code": code, "message": msg}})


class FakeServerAdapter(BaseAdapter):
    def __init__(self, state: FakeState) -> None:
        super().__init__()
        self.state = state
        self.routes: list[tuple[str, str, Callable[..., requests.Response]]] = [
            ("POST", r"/v1/auth/login", self.login),
            ("GET", r"/v1/server-key", self.server_key),
            ("GET", r"/v1/ping", lambda r: _response(r, 200, {"server_time": "x"})),
            ("GET", r"/v1/exams", self.exams),
            ("GET", r"/v1/exams/([^/]+)/package", self.package),
            ("POST", r"/v1/exams/([^/]+)/start", self.start),
            ("GET", r"/v1/bandwidth/download", self.bw_down),
            ("POST", r"/v1/bandwidth/upload", lambda r: _response(r, 200, {"received": 1})),
            ("POST", r"/v1/uploads", self.tus_create),
            ("HEAD", r"/v1/uploads/([0-9a-f]+)", self.tus_head),
            ("PATCH", r"/v1/uploads/([0-9a-f]+)", self.tus_patch),
            ("GET", r"/v1/attempts/([^/]+)/receipt", self.receipt),
            ("GET", r"/v1/exams/([^/]+)/local-secret", lambda r, exam: _response(
                r, 200, {"exam_id": exam,
                         "secret": base64.b64encode(self.state.local_secret).decode()})),
        ]

    def close(self) -> None:
        pass

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        assert kwargs.get("timeout") is not None, "every request needs a timeout"
        url = request.url or ""
        path = url.removeprefix(BASE).split("?")[0]
        self.state.log.append((request.method or "", path, dict(request.headers)))
        if self.state.fail:
            kind = self.state.fail.pop(0)
            if kind == "refused":
                raise requests.ConnectionError("refused")
            if kind == "timeout":
                raise requests.ReadTimeout("timeout")
            if kind == "500":
                return _error(request, 500, "internal", "boom")
        for method, pattern, handler in self.routes:
            match = re.fullmatch(pattern, path)
            if match and method == request.method:
                if not path.startswith(("/v1/auth", "/v1/server-key", "/v1/ping", "/v1/bandw")):
                    auth = request.headers.get("Authorization", "")
                    if auth != f"Bearer {self.state.token}":
                        return _error(request, 401, "invalid_token", "unknown token")
                return handler(request, *match.groups())
        return _error(request, 404, "not_found", "no route")

    # ------------------------------------------------------------------ handlers
    def login(self, req: requests.PreparedRequest) -> requests.Response:
        body = json.loads(req.body or b"{}")
        if body.get("access_code") != "K7P-2QX":
            return _error(req, 401, "bad_credentials", "Wrong exam, student or access code.")
        return _response(req, 200, {"token": self.state.token, "role": "student",
                                    "exam_id": body["exam_id"], "student_id": body["student_id"],
                                    "name": "Aigerim", "expires_at": "2030-01-02T00:00:00Z"})

    def server_key(self, req: requests.PreparedRequest) -> requests.Response:
        return _response(req, 200, {"alg": "Ed25519",
                                    "public_key": base64.b64encode(self.state.public).decode()})

    def exams(self, req: requests.PreparedRequest) -> requests.Response:
        pkg = self.state.package
        return _response(req, 200, {"exams": [{
            "exam_id": self.state.exam_id, "version": 1,
            "package_sha256": hashlib.sha256(pkg).hexdigest(),
            "package_size": len(pkg), "attempt_id": None}]})

    def package(self, req: requests.PreparedRequest, _exam: str) -> requests.Response:
        pkg = self.state.package
        etag = f'"{hashlib.sha256(pkg).hexdigest()}"'
        start, status = 0, 200
        rng = req.headers.get("Range")
        if rng and req.headers.get("If-Range", etag) == etag:
            start = int(rng.removeprefix("bytes=").split("-")[0])
            if start >= len(pkg):
                return _error(req, 416, "range_not_satisfiable", "bad range")
            status = 206
        body = pkg[start:]
        cut = self.state.cut_download_after
        headers = {"ETag": etag, "Content-Length": str(len(body))}
        if status == 206:
            headers["Content-Range"] = f"bytes {start}-{len(pkg) - 1}/{len(pkg)}"
        resp = _response(req, status, body, headers)
        if cut is not None:
            self.state.cut_download_after = None
            resp.raw = _CutStream(body, cut)
        return resp

    def start(self, req: requests.PreparedRequest, exam: str) -> requests.Response:
        body = json.loads(req.body or b"{}")
        self.state.start_keys.append(body["public_key"])
        return _response(req, 200, {
            "attempt_id": self.state.attempt_id, "exam_id": exam, "student_id": "s1",
            "content_key": base64.b64encode(self.state.content_key).decode(),
            "server_time": self.state.server_time, "started_at": self.state.server_time,
            "deadline": self.state.deadline, "extra_time_s": 0,
            "resumed": len(self.state.start_keys) > 1, "key_changed": False,
            "package_sha256": hashlib.sha256(self.state.package).hexdigest()})

    def bw_down(self, req: requests.PreparedRequest) -> requests.Response:
        n = int((req.url or "").split("bytes=")[1])
        return _response(req, 200, secrets.token_bytes(n))

    def tus_create(self, req: requests.PreparedRequest) -> requests.Response:
        meta = {}
        for item in req.headers["Upload-Metadata"].split(","):
            key, value = item.split(" ")
            meta[key] = base64.b64decode(value).decode()
        upload_id = secrets.token_hex(16)
        self.state.uploads[upload_id] = {"length": int(req.headers["Upload-Length"]),
                                         "data": b"", "meta": meta}
        return _response(req, 201, b"", {"Location": f"/v1/uploads/{upload_id}",
                                         "Tus-Resumable": "1.0.0"})

    def tus_head(self, req: requests.PreparedRequest, upload_id: str) -> requests.Response:
        up = self.state.uploads.get(upload_id)
        if up is None:
            return _error(req, 404, "upload_not_found", "gone")
        return _response(req, 200, b"", {"Upload-Offset": str(len(up["data"])),
                                         "Upload-Length": str(up["length"])})

    def tus_patch(self, req: requests.PreparedRequest, upload_id: str) -> requests.Response:
        up = self.state.uploads[upload_id]
        if int(req.headers["Upload-Offset"]) != len(up["data"]):
            return _error(req, 409, "offset_mismatch", "offset")
        up["data"] += bytes(req.body or b"")
        if len(up["data"]) == up["length"]:
            digest = hashlib.sha256(up["data"]).hexdigest()
            if digest != up["meta"]["sha256"]:
                del self.state.uploads[upload_id]
                return _error(req, 422, "hash_mismatch", "hash")
            receipt = {"attempt_id": up["meta"]["attempt_id"], "sha256": digest,
                       "exam_id": self.state.exam_id, "student_id": "s1",
                       "size": up["length"], "received_at": "2030-01-01T09:00:00Z",
                       "late": False, "late_s": 0, "version": 1}
            self.state.receipts[digest] = {
                "receipt": receipt,
                "signature": base64.b64encode(self.state.key.sign(canonical_bytes(receipt)))
                .decode(), "key_id": "k"}
        return _response(req, 204, b"", {"Upload-Offset": str(len(up["data"]))})

    def receipt(self, req: requests.PreparedRequest, attempt: str) -> requests.Response:
        sha = (req.url or "").split("sha256=")[-1]
        doc = self.state.receipts.get(sha)
        if doc is None:
            return _error(req, 404, "receipt_not_found", "none")
        return _response(req, 200, doc)


class _CutStream(io.BytesIO):
    """Gives ``cut`` bytes, then fails like a dropped connection."""

    def __init__(self, data: bytes, cut: int) -> None:
        super().__init__(data[:cut])

    def read(self, n: int | None = -1, **_: Any) -> bytes:  # type: ignore[override]
        chunk = super().read(n)
        if not chunk:
            raise requests.exceptions.ChunkedEncodingError("connection dropped")
        return chunk


def fake_session(state: FakeState) -> requests.Session:
    session = requests.Session()
    session.mount(BASE, FakeServerAdapter(state))
    return session
