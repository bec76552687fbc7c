"""Request-body limits, applied before any route sees a byte (an ASGI middleware).

* size: a body above the cap of its route is refused (413 ``too_large``), from
  ``Content-Length`` up front or while it streams;
* time: a body must keep arriving (``body_idle_timeout_s`` between chunks) and be
  complete within ``body_max_s``; otherwise 408 ``body_timeout`` (a client holding
  a request open ties up a connection and a worker);
* JSON bodies (every route except uploads and the bandwidth test) are read
  whole (they are small) and refused with 400 before parsing when they nest
  deeper than ``MAX_BODY_DEPTH`` (``too_deep``) or contain a lone UTF-16
  surrogate escape such as ``"\\ud800"`` (``bad_unicode``), which no valid text has.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from exam_packages import safejson
from exam_packages.errors import ApiError

MAX_BODY_DEPTH = 16
_BODY_METHODS = {"POST", "PUT", "PATCH"}


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape of the API: ``{"error": {"code", "message"}}``."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers=headers)


@dataclass(frozen=True)
class BodyCaps:
    json_bytes: int
    upload_bytes: int
    bandwidth_bytes: int
    idle_timeout_s: float = 30.0
    max_s: float = 600.0


def _json_problem(body: bytes) -> ApiError | None:
    if safejson.json_depth(body) > MAX_BODY_DEPTH:
        return ApiError(f"the JSON body is nested more than {MAX_BODY_DEPTH} levels deep",
                        status=400, code="too_deep")
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return None  # not JSON: the route answers 400 bad_request itself
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return ApiError("the JSON body contains a lone surrogate (not valid Unicode text)",
                        status=400, code="bad_unicode")
    return None


class BodyLimit:
    """See the module docstring."""

    def __init__(self, app: ASGIApp, caps: BodyCaps) -> None:
        self.app, self.caps = app, caps

    def _cap(self, path: str) -> tuple[int, bool]:
        """(byte cap, is a JSON route) for ``path``."""
        if path.startswith("/v1/uploads"):
            return self.caps.upload_bytes, False
        if path.startswith("/v1/bandwidth/upload"):
            return self.caps.bandwidth_bytes, False
        return self.caps.json_bytes, True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap, is_json = self._cap(scope["path"])
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length and (not length.isdigit() or len(length) > 15 or int(length) > cap):
            await error_response(413, "too_large", f"request body above {cap} bytes")(
                scope, receive, send)
            return
        timed = self._timed(receive, cap)
        if not (is_json and scope["method"] in _BODY_METHODS):
            await self.app(scope, timed, send)
            return
        try:
            body = await _read_all(timed)
        except ApiError as exc:
            await error_response(exc.status, exc.code, exc.user_message)(scope, receive, send)
            return
        problem = _json_problem(body)
        if problem is not None:
            await error_response(problem.status, problem.code, problem.user_message)(
                scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def _timed(self, receive: Receive, cap: int) -> Receive:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.caps.max_s
        state = {"seen": 0, "done": False}

        async def limited() -> Message:
            if state["done"]:  # body complete: e.g. waiting for a disconnect while streaming
                return await receive()
            wait = min(self.caps.idle_timeout_s, deadline - loop.time())
            try:
                message = await asyncio.wait_for(receive(), timeout=max(wait, 0.001))
            except TimeoutError:
                raise ApiError("the request body arrives too slowly (or stalled); send it "
                               "again", status=408, code="body_timeout") from None
            state["seen"] += len(message.get("body", b""))
            if state["seen"] > cap:
                raise ApiError(f"request body above {cap} bytes", status=413, code="too_large")
            state["done"] = message["type"] != "http.request" or not message.get("more_body")
            return message

        return limited


async def _read_all(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
