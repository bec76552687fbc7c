"""HTTP access of the review tool: a small ``requests`` client behind a protocol.

Every call uses one ``requests.Session`` with a timeout; every failure
(refused, timeout, HTTP error, unreadable body) becomes ``NetworkError``.
Tests replace :class:`ReviewServer` with a fake or point it at the embedded
server on 127.0.0.1.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote

import requests

from exam_packages import safejson
from exam_packages.errors import InputError, NetworkError, OfflineError, ServerError

from .decisions import SignedDecision

DEFAULT_TIMEOUT_S = 15.0
# client.core.session announces {"high": alerts, "low": warnings} with its upload.
ANNOUNCED_LABELS = {"high": "alert", "alert": "alert", "low": "warning", "medium": "warning",
                    "warning": "warning"}


@dataclass(frozen=True)
class SessionSummary:
    """One attempt as ``GET /v1/review/sessions`` lists it (no decrypted content).

    ``flags`` are the counts the client announced with its upload: a hint for
    sorting, not evidence. ``identity`` is only known once the bundle is opened.
    """

    attempt_id: str
    exam_id: str
    student_id: str
    name: str
    status: str
    started_at: str
    deadline: str
    submitted_at: str
    late: bool
    late_s: int
    sha256: str
    versions: int
    flags: Mapping[str, int] = field(default_factory=dict)
    public_key: bytes | None = None
    key_changes: int = 0
    identity: str = ""
    decision: str = ""

    @property
    def flag_total(self) -> int:
        return sum(self.flags.values())

    @property
    def announced_flags(self) -> dict[str, int]:
        """Upload-time counts in the review's labels (the client sends high/low)."""
        counts: dict[str, int] = {}
        for label, count in self.flags.items():
            name = ANNOUNCED_LABELS.get(label, label)
            counts[name] = counts.get(name, 0) + count
        return counts

    @property
    def submitted(self) -> bool:
        return self.status == "submitted"

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SessionSummary:
        try:
            key = data.get("public_key")
            return cls(
                attempt_id=str(data["attempt_id"]),
                exam_id=str(data["exam_id"]),
                student_id=str(data.get("student_id") or ""),
                name=str(data.get("name") or ""),
                status=str(data.get("status") or ""),
                started_at=str(data.get("started_at") or ""),
                deadline=str(data.get("deadline") or ""),
                submitted_at=str(data.get("submitted_at") or ""),
                late=bool(data.get("late")),
                late_s=int(data.get("late_s") or 0),
                sha256=str(data.get("sha256") or ""),
                versions=int(data.get("versions") or 0),
                flags={str(k): int(v) for k, v in dict(data.get("flags") or {}).items()},
                public_key=base64.b64decode(key, validate=True) if key else None,
                key_changes=int(data.get("key_changes") or 0),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise NetworkError("The server sent a session entry that cannot be read.") from exc


class ReviewServer(Protocol):
    """What the review tool needs from the server."""

    def list_sessions(self, exam_id: str) -> list[SessionSummary]: ...

    def download_bundle(self, attempt_id: str) -> bytes: ...

    def download_receipt(self, attempt_id: str, sha256: str = "") -> dict[str, Any]: ...

    def server_key(self) -> bytes: ...

    def list_decisions(self, attempt_id: str) -> list[dict[str, Any]]: ...

    def post_decision(self, attempt_id: str, decision: SignedDecision) -> None: ...


class HttpReviewServer:
    """``ReviewServer`` over HTTP with an invigilator bearer token."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        session: requests.Session | None = None,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise InputError("The server address must start with http:// or https://.")
        if not token.strip():
            raise InputError("Enter your invigilator token.")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = session or requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token.strip()}"

    def close(self) -> None:
        self.http.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = self.base_url + path
        try:
            response = self.http.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise OfflineError(f"Cannot reach the server at {self.base_url}: {exc}") from exc
        if response.status_code >= 400:
            raise _server_error(response, method, path)
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._request(method, path, **kwargs)
        try:  # depth-bounded: a hostile or broken server cannot exhaust the stack
            return safejson.loads(response.content, f"the server's answer to {path}",
                                  error=NetworkError)
        except NetworkError as exc:
            raise NetworkError(f"The server sent an unreadable answer to {path}.") from exc

    def list_sessions(self, exam_id: str) -> list[SessionSummary]:
        params = {"exam_id": exam_id} if exam_id else {}
        data = self._json("GET", "/v1/review/sessions", params=params)
        items = data.get("sessions", []) if isinstance(data, dict) else []
        return [SessionSummary.from_json(item) for item in items]

    def download_bundle(self, attempt_id: str) -> bytes:
        path = f"/v1/review/sessions/{quote(attempt_id, safe='')}/bundle"
        return self._request("GET", path).content

    def download_receipt(self, attempt_id: str, sha256: str = "") -> dict[str, Any]:
        """The receipt of the hand-in with these bytes (the latest if ``sha256`` is empty)."""
        path = f"/v1/attempts/{quote(attempt_id, safe='')}/receipt"
        data = self._json("GET", path, params={"sha256": sha256} if sha256 else {})
        if not isinstance(data, dict):
            raise NetworkError("The server sent a receipt that is not an object.")
        return data

    def server_key(self) -> bytes:
        data = self._json("GET", "/v1/server-key")
        try:
            return base64.b64decode(data["public_key"], validate=True)
        except (KeyError, TypeError, ValueError) as exc:
            raise NetworkError("The server key answer cannot be read.") from exc

    def list_decisions(self, attempt_id: str) -> list[dict[str, Any]]:
        path = f"/v1/review/sessions/{quote(attempt_id, safe='')}/decisions"
        data = self._json("GET", path)
        items = data.get("decisions", []) if isinstance(data, dict) else []
        return [dict(item) for item in items]

    def post_decision(self, attempt_id: str, decision: SignedDecision) -> None:
        path = f"/v1/review/sessions/{quote(attempt_id, safe='')}/decisions"
        self._request("POST", path, json=decision.to_json())


def _server_error(response: requests.Response, method: str, path: str) -> ServerError:
    code, message = "", ""
    try:
        body = safejson.loads(response.content, "an error answer", error=NetworkError)
        code = str(body["error"]["code"])
        message = str(body["error"]["message"])
    except (NetworkError, KeyError, TypeError):
        pass
    status = response.status_code
    if status == 401:
        text = "The server refused the invigilator token (unknown or expired)."
    elif status == 403:
        text = "This token is not allowed to review sessions."
    else:
        detail = f": {message}" if message else "."
        text = f"The server answered {status} to {method} {path}{detail}"
    return ServerError(text, status=status, server_code=code)
