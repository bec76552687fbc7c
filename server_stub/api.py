"""Public and student routes (see docs/server-api.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from exam_packages.errors import ApiError

from .blobs import BlobStore
from .clock import to_iso
from .deps import (
    IfRangeHeader,
    RangeHeader,
    bearer_token,
    client_address,
    current_principal,
    services,
)
from .ranges import parse_range
from .service import Principal

router = APIRouter(prefix="/v1")
Who = Annotated[Principal, Depends(current_principal)]


class LoginRequest(BaseModel):
    exam_id: str = Field(max_length=64)
    student_id: str = Field(max_length=64)
    access_code: str = Field(max_length=256)
    client_version: str | None = Field(default=None, max_length=32)  # client/version.py


class RevokeRequest(BaseModel):
    token: str | None = Field(default=None, max_length=256)
    role: str | None = Field(default=None, max_length=16)
    exam_id: str | None = Field(default=None, max_length=64)
    student_id: str | None = Field(default=None, max_length=64)


class StartRequest(BaseModel):
    public_key: str = Field(max_length=64, description="base64 raw 32-byte Ed25519 key")


def blob_response(request: Request, blobs: BlobStore, key: str, sha256: str,
                  size: int) -> Response:
    """Serve a blob with ETag = sha256 and single-range support (206/416)."""
    etag = f'"{sha256}"'
    headers = {"ETag": etag, "Accept-Ranges": "bytes"}
    range_header = request.headers.get("range")
    if_range = request.headers.get("if-range")
    if if_range is not None and if_range != etag:
        range_header = None
    try:
        span = parse_range(range_header, size)
    except ApiError:
        request.state.extra_headers = {"Content-Range": f"bytes */{size}"}
        raise
    start, end, status = (0, size - 1, 200) if span is None else (*span, 206)
    if span is not None:
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(end - start + 1)
    if request.method == "HEAD" or size == 0:
        return Response(status_code=status, headers=headers,
                        media_type="application/octet-stream")
    body: Iterator[bytes] = blobs.read_range(key, start, end)
    return StreamingResponse(body, status_code=status, headers=headers,
                             media_type="application/octet-stream")


# health, ping and server-key touch no database and no file: async, so they run on the
# event loop and answer at once even when every worker thread is busy (sign-in floods).
@router.get("/health")
async def health(request: Request) -> dict[str, str]:
    return {"status": "ok", "version": "0.1.0",
            "storage": services(request).service.storage.kind}


@router.get("/ping")
async def ping(request: Request) -> dict[str, str]:
    return {"server_time": to_iso(services(request).service.clock.now())}


@router.get("/server-key")
async def server_key(request: Request) -> dict[str, str]:
    key = services(request).service.key
    from .security import b64
    return {"alg": "Ed25519", "public_key": b64(key.public_raw), "key_id": key.key_id}


@router.get("/bandwidth/download")
def bandwidth_download(request: Request, who: Who,
                       bytes_: Annotated[int, Query(alias="bytes", ge=1)]) -> Response:
    svc = services(request)
    if bytes_ > svc.service.config.bandwidth_cap_bytes:
        raise ApiError("too many bytes asked for", status=413, code="too_large")
    buf = svc.random

    def chunks() -> Iterator[bytes]:
        left = bytes_
        while left > 0:
            part = buf[: min(left, len(buf))]
            left -= len(part)
            yield part

    return StreamingResponse(chunks(), media_type="application/octet-stream",
                             headers={"Cache-Control": "no-store",
                                      "Content-Length": str(bytes_)})


@router.post("/bandwidth/upload")
async def bandwidth_upload(request: Request, who: Who) -> dict[str, int]:
    cap = services(request).service.config.bandwidth_cap_bytes
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > cap:
            raise ApiError("upload test larger than the cap", status=413, code="too_large")
    return {"received": received}


@router.post("/auth/login")
def login(body: LoginRequest, request: Request) -> dict[str, Any]:
    return services(request).service.login(body.exam_id, body.student_id, body.access_code,
                                           client_address(request), body.client_version)


@router.post("/auth/logout", status_code=204)
def logout(request: Request, who: Who) -> Response:
    """Sign out: this token stops working at once (any role)."""
    services(request).service.logout(bearer_token(request))
    return Response(status_code=204)


@router.post("/admin/tokens/revoke")
def revoke_tokens(body: RevokeRequest, request: Request, who: Who) -> dict[str, int]:
    """Admin: revoke one token, every token of a role, or one student's tokens."""
    svc = services(request).service
    svc.require_role(who, "admin")
    return {"revoked": svc.revoke_tokens(token=body.token, role=body.role,
                                         exam_id=body.exam_id, student_id=body.student_id)}


@router.get("/exams")
def exams(request: Request, who: Who) -> dict[str, Any]:
    return {"exams": services(request).service.catalogue(who)}


@router.get("/exams/{exam_id}/package", response_class=Response)
@router.head("/exams/{exam_id}/package", response_class=Response, include_in_schema=False)
def package(exam_id: str, request: Request, who: Who, *, range_: RangeHeader = None,
            if_range: IfRangeHeader = None) -> Response:
    svc = services(request).service
    exam = svc.package(who, exam_id)
    return blob_response(request, svc.blobs, exam["package_key"], exam["package_sha256"],
                         exam["package_size"])


@router.post("/exams/{exam_id}/start")
def start(exam_id: str, body: StartRequest, request: Request, who: Who) -> dict[str, Any]:
    return services(request).service.start(who, exam_id, body.public_key)


@router.get("/attempts/{attempt_id}/receipt")
def receipt(attempt_id: str, request: Request, who: Who,
            sha256: Annotated[str | None, Query(max_length=64)] = None) -> dict[str, Any]:
    return services(request).service.receipt(who, attempt_id, sha256)
