"""Errors of the server's own back-ends that the API answers with one status."""

from __future__ import annotations

from exam_packages.errors import ApiError


class Unavailable(ApiError):
    """A back-end (database, blob store) cannot be reached right now: 503, the client
    retries after ``Retry-After`` seconds."""

    what = "back-end"

    def __init__(self, detail: object) -> None:
        super().__init__(f"the exam server's {self.what} is not reachable right now: try "
                         "again in a moment", status=503, code="unavailable")
        self.retry_after = 1
        self.detail = str(detail)
