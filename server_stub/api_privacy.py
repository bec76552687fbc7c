"""Privacy routes: legal holds, decision release, purge (admin); a student's own decisions
and local-key secret (docs/server-api.md, server_stub/privacy.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from . import privacy
from .deps import current_principal, services
from .purge import purge
from .service import Principal

router = APIRouter(prefix="/v1")
Who = Annotated[Principal, Depends(current_principal)]


class HoldRequest(BaseModel):
    reason: str = Field(max_length=privacy.MAX_REASON)


class ReleaseRequest(BaseModel):
    released: bool = True


@router.get("/admin/holds")
def holds(request: Request, who: Who) -> dict[str, Any]:
    return {"holds": privacy.list_holds(services(request).service, who)}


@router.put("/admin/holds/{scope}/{target_id}")
def set_hold(scope: str, target_id: str, body: HoldRequest, request: Request,
             who: Who) -> dict[str, Any]:
    return privacy.set_hold(services(request).service, who, scope, target_id, body.reason)


@router.delete("/admin/holds/{scope}/{target_id}", status_code=204, response_class=Response)
def clear_hold(scope: str, target_id: str, request: Request, who: Who) -> Response:
    privacy.clear_hold(services(request).service, who, scope, target_id)
    return Response(status_code=204)


@router.put("/admin/exams/{exam_id}/decision-release")
def release(exam_id: str, body: ReleaseRequest, request: Request, who: Who) -> dict[str, Any]:
    return privacy.release_decisions(services(request).service, who, exam_id, body.released)


@router.post("/admin/purge")
def run_purge(request: Request, who: Who,
              dry_run: Annotated[bool, Query()] = True) -> dict[str, Any]:
    service = services(request).service
    service.require_role(who, "admin")
    return purge(service, dry_run=dry_run).to_dict()


@router.get("/attempts/{attempt_id}/decisions")
def my_decisions(attempt_id: str, request: Request, who: Who) -> dict[str, Any]:
    return privacy.student_decisions(services(request).service, who, attempt_id)


@router.get("/exams/{exam_id}/local-secret")
def local_secret(exam_id: str, request: Request, who: Who) -> dict[str, str]:
    return privacy.local_secret(services(request).service, who, exam_id)
