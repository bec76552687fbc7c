"""What routes share: the services on ``app.state`` and the bearer-token dependency."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Header, Request

from exam_packages.errors import ApiError

from .service import ExamService, Principal
from .uploads import UploadService

RANDOM_BUFFER_BYTES = 1024 * 1024

# Headers the routes read from ``request.headers`` themselves; declared so that the
# OpenAPI document lists them and the fuzz run (tests/server/test_fuzz.py) varies them.
RangeHeader = Annotated[str | None, Header(alias="Range", description="bytes=START-END")]
IfRangeHeader = Annotated[str | None, Header(alias="If-Range", description="an ETag")]
TusResumableHeader = Annotated[str | None, Header(alias="Tus-Resumable")]
UploadLengthHeader = Annotated[str | None, Header(alias="Upload-Length")]
UploadOffsetHeader = Annotated[str | None, Header(alias="Upload-Offset")]
UploadMetadataHeader = Annotated[str | None, Header(alias="Upload-Metadata")]


@dataclass
class Services:
    service: ExamService
    uploads: UploadService
    random: bytes = field(default_factory=lambda: os.urandom(RANDOM_BUFFER_BYTES))


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def client_address(request: Request) -> str:
    """The source address the throttle counts (X-Forwarded-For only when configured)."""
    if services(request).service.config.trust_forwarded_for:
        forwarded = request.headers.get("x-forwarded-for", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last[:64]
    return request.client.host if request.client else ""


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 256:
        raise ApiError("sign in first: Authorization: Bearer <token>", status=401,
                       code="auth_required")
    return token.strip()


def current_principal(request: Request) -> Principal:
    return services(request).service.authenticate(bearer_token(request),
                                                  client_address(request))
