"""Invigilator routes (role invigilator or admin)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from exam_packages.errors import ApiError

from .api import blob_response
from .deps import IfRangeHeader, RangeHeader, current_principal, services
from .service import Principal

router = APIRouter(prefix="/v1/review")
Who = Annotated[Principal, Depends(current_principal)]


class DecisionRequest(BaseModel):
    decision: dict[str, Any]
    public_key: str = Field(max_length=64)
    signature: str = Field(max_length=128)


@router.get("/sessions")
def sessions(request: Request, who: Who,
             exam_id: Annotated[str, Query(max_length=64)]) -> dict[str, Any]:
    return {"sessions": services(request).service.sessions(who, exam_id)}


@router.get("/sessions/{attempt_id}/bundle", response_class=Response)
@router.head("/sessions/{attempt_id}/bundle", response_class=Response, include_in_schema=False)
def bundle(attempt_id: str, request: Request, who: Who, *,
           sha256: Annotated[str | None, Query(max_length=64)] = None,
           range_: RangeHeader = None, if_range: IfRangeHeader = None) -> Response:
    svc = services(request).service
    svc.require_role(who, "invigilator", "admin")
    row = svc.submission(who, attempt_id, sha256)
    if row["sha256"] in svc.storage.purged_blobs(row["attempt_id"]):
        raise ApiError("this hand-in was deleted under the exam's retention policy",
                       status=410, code="purged")
    return blob_response(request, svc.blobs, row["blob_key"], row["sha256"], row["size"])


@router.post("/sessions/{attempt_id}/decisions", status_code=201)
def add_decision(attempt_id: str, body: DecisionRequest, request: Request,
                 who: Who) -> dict[str, Any]:
    return services(request).service.add_decision(who, attempt_id, body.decision,
                                                  body.public_key, body.signature)


@router.get("/sessions/{attempt_id}/decisions")
def decisions(attempt_id: str, request: Request, who: Who) -> dict[str, Any]:
    return {"decisions": services(request).service.decisions(who, attempt_id)}
