"""What routes share: the services on ``app.state`` and the bearer-token dependency."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from fastapi import Request

from exam_packages.errors import ApiError

from .service import ExamService, Principal
from .uploads import UploadService

RANDOM_BUFFER_BYTES = 1024 * 1024


@dataclass
class Services:
    service: ExamService
    uploads: UploadService
    random: bytes = field(default_factory=lambda: os.urandom(RANDOM_BUFFER_BYTES))


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def current_principal(request: Request) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 256:
        raise ApiError("sign in first: Authorization: Bearer <token>", status=401,
                       code="auth_required")
    return services(request).service.authenticate(token.strip())
