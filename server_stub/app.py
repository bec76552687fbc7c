"""The FastAPI application: routers, JSON errors, body limits (:mod:`limits`), wiring."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from exam_packages.errors import ApiError, EmtihanError, InputError

from . import api, api_privacy, api_review, tus
from .blobs import BlobStore, LocalBlobStore, S3BlobStore
from .clock import Clock
from .config import KEY_NAME, ServerConfig
from .deps import Services
from .limits import BodyCaps, BodyLimit, error_response
from .security import ServerKey
from .service import ExamService
from .storage import SqlStorage, open_storage
from .uploads import UploadService

__all__ = ["app_from_env", "build_services", "create_app", "error_response", "open_blobs"]
DATA_ENV = "EMTIHAN_SERVER_DATA"
log = logging.getLogger("emtihan.server")
_HTTP_CODES = {401: "auth_required", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large", 415: "bad_content_type"}


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = dict(getattr(request.state, "extra_headers", None) or {})
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        return error_response(exc.status, exc.code, exc.user_message, headers or None)

    @app.exception_handler(EmtihanError)
    async def other_error(request: Request, exc: EmtihanError) -> JSONResponse:
        status = 422 if isinstance(exc, InputError) else 400
        code = "validation_error" if isinstance(exc, InputError) else exc.code
        return error_response(status, code, exc.user_message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "bad_request", "the body is not valid JSON")
        where = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                          for e in errors[:5])
        return error_response(422, "validation_error", where or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, ApiError):  # e.g. body cap hit while FastAPI parsed it
            cause = exc.__cause__
            return error_response(cause.status, cause.code, cause.user_message)
        code = _HTTP_CODES.get(exc.status_code, "bad_request")
        return error_response(exc.status_code, code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", "internal server error")


def create_app(services: Services) -> FastAPI:
    app = FastAPI(title="Emtihan exam server", version="1.0.0",
                  description="See docs/server-api.md")
    app.state.services = services
    app.include_router(api.router)
    app.include_router(api_review.router)
    app.include_router(api_privacy.router)
    app.include_router(tus.router)
    _install_handlers(app)
    cfg = services.service.config
    app.add_middleware(BodyLimit, caps=BodyCaps(  # type: ignore[arg-type]
        cfg.max_json_bytes, cfg.max_upload_bytes, cfg.bandwidth_cap_bytes,
        cfg.body_idle_timeout_s, cfg.body_max_s))
    return app


def open_blobs(config: ServerConfig, data_dir: Path) -> BlobStore:
    if config.blobs.startswith("s3://"):
        bucket, _, prefix = config.blobs[5:].partition("/")
        return S3BlobStore(bucket, prefix=prefix + "/" if prefix else "",
                           endpoint_url=config.s3_endpoint)
    return LocalBlobStore(Path(data_dir) / "blobs")


def build_services(data_dir: Path, *, clock: Clock | None = None, check_envelope: bool = True,
                   storage: SqlStorage | None = None, **overrides: Any) -> Services:
    """Open storage, blobs and key of an initialised data dir (``overrides`` patch config).

    ``storage`` replaces the configured storage (tests pass a PostgreSQL schema)."""
    data_dir = Path(data_dir)
    config = ServerConfig.load(data_dir)
    for name, value in overrides.items():
        setattr(config, name, value)
    storage = storage or open_storage(config.storage, data_dir)
    service = ExamService(storage, open_blobs(config, data_dir),
                          ServerKey.load(data_dir / KEY_NAME), config, data_dir, clock=clock)
    return Services(service, UploadService(service, check_envelope=check_envelope))


def app_from_env() -> FastAPI:
    """The app of the data dir named by ``EMTIHAN_SERVER_DATA``: the factory each worker
    process of ``emtihan-server serve --workers N`` calls (``uvicorn --factory``)."""
    return create_app(build_services(Path(os.environ[DATA_ENV])))
