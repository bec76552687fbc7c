"""tus 1.0.0 (core + creation) over FastAPI; the logic lives in :mod:`uploads`."""

from __future__ import annotations

import base64
import binascii
import tempfile
from collections.abc import Iterator
from typing import IO, Annotated

from fastapi import APIRouter, Depends, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from exam_packages.errors import ApiError

from .deps import (
    TusResumableHeader,
    UploadLengthHeader,
    UploadMetadataHeader,
    UploadOffsetHeader,
    current_principal,
    services,
)
from .service import Principal
from .uploads import UploadService

TUS_VERSION = "1.0.0"
router = APIRouter(prefix="/v1/uploads", tags=["uploads (tus 1.0)"])
Who = Annotated[Principal, Depends(current_principal)]


def _check_version(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise ApiError("Tus-Resumable: 1.0.0 is required", status=412,
                       code="unsupported_tus_version")


def _int_header(request: Request, name: str) -> int:
    value = request.headers.get(name, "")
    if not value.isdigit() or len(value) > 15:
        raise ApiError(f"{name} must be a non-negative integer", status=400, code="bad_request")
    return int(value)


def parse_metadata(header: str) -> dict[str, str]:
    """``key b64,key b64`` -> {key: decoded utf-8 value}."""
    meta: dict[str, str] = {}
    for item in filter(None, (p.strip() for p in header.split(","))):
        key, _, value = item.partition(" ")
        try:
            meta[key] = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, ValueError) as exc:
            raise ApiError(f"Upload-Metadata value of {key!r} is not base64 UTF-8", status=400,
                           code="bad_metadata") from exc
    return meta


def _uploads(request: Request) -> UploadService:
    return services(request).uploads


def _headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store", **extra}


@router.options("", status_code=204)
def tus_options(request: Request) -> Response:
    cap = services(request).service.config.max_upload_bytes
    return Response(status_code=204, headers=_headers(**{
        "Tus-Version": TUS_VERSION, "Tus-Extension": "creation", "Tus-Max-Size": str(cap)}))


@router.post("", status_code=201)
def tus_create(request: Request, who: Who, *, tus_resumable: TusResumableHeader = None,
               upload_length: UploadLengthHeader = None,
               upload_metadata: UploadMetadataHeader = None) -> Response:
    _check_version(request)
    length = _int_header(request, "upload-length")
    meta = parse_metadata(request.headers.get("upload-metadata", ""))
    upload_id = _uploads(request).create(who, length, meta)
    return Response(status_code=201, headers=_headers(Location=f"/v1/uploads/{upload_id}"))


@router.head("/{upload_id}")
def tus_head(upload_id: str, request: Request, who: Who,
             tus_resumable: TusResumableHeader = None) -> Response:
    _check_version(request)
    row = _uploads(request).get(who, upload_id)
    return Response(status_code=200, headers=_headers(**{
        "Upload-Offset": str(row["upload_offset"]), "Upload-Length": str(row["length"])}))


def _iter_file(fh: IO[bytes]) -> Iterator[bytes]:
    fh.seek(0)
    while chunk := fh.read(64 * 1024):
        yield chunk


async def _spool_body(request: Request, limit: int) -> IO[bytes]:
    """Read the body into a spooled file; a client that goes away keeps what arrived."""
    spool = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                spool.close()
                raise ApiError("more bytes than Upload-Length", status=413, code="too_large")
            spool.write(chunk)
    except ClientDisconnect:
        pass
    return spool


@router.patch("/{upload_id}", status_code=204)
async def tus_patch(upload_id: str, request: Request, who: Who, *,
                    tus_resumable: TusResumableHeader = None,
                    upload_offset: UploadOffsetHeader = None) -> Response:
    _check_version(request)
    if request.headers.get("content-type") != "application/offset+octet-stream":
        raise ApiError("Content-Type must be application/offset+octet-stream", status=415,
                       code="bad_content_type")
    offset = _int_header(request, "upload-offset")
    uploads = _uploads(request)
    row = await run_in_threadpool(uploads.precheck, who, upload_id, offset)
    left = max(0, row["length"] - offset)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > left:  # refused before reading a byte
        raise ApiError(f"this PATCH declares {declared} bytes but only {left} are left of "
                       "Upload-Length", status=413, code="too_large")
    spool = await _spool_body(request, left)
    with spool:
        new_offset, row = await run_in_threadpool(
            uploads.write, who, upload_id, offset, _iter_file(spool))
    extra = {"Upload-Offset": str(new_offset)}
    if new_offset == row["length"]:
        extra["Emtihan-Receipt"] = f"/v1/attempts/{row['attempt_id']}/receipt"
    return Response(status_code=204, headers=_headers(**extra))
