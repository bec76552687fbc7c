"""Bounded fuzz of the published API: no 500, ever; every error is JSON.

* schemathesis over the OpenAPI document, positive and negative generation; the
  headers the routes read (Range, If-Range, Tus-Resumable, Upload-*) are declared
  in the document, so they are fuzzed too;
* hypothesis over what schemathesis does not generate: header values of any
  Latin-1 text or thousands of digits, and JSON bodies whose strings hold lone
  surrogate escapes (``"\\ud800"``), other unicode edge cases and deep nesting.

Bounded to finish in well under 2 minutes on the CI machine.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.specs.openapi.schemas import OpenApiSchema

from exam_packages.pkg_testing import PackageKeys
from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from server_stub.service import ExamService
from tests.support.clocks import FakeServerClock as FakeClock

from .helpers import EXAM, ROSTER, T0, make_package

pytestmark = pytest.mark.slow
SERVER: dict[str, Any] = {}
SETTINGS = settings(max_examples=10, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))
EDGE_SETTINGS = settings(SETTINGS, max_examples=50)
NEGATIVE_SETTINGS = settings(SETTINGS, max_examples=5)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenApiSchema]:
    tmp = tmp_path_factory.mktemp("fuzz")
    init_data_dir(tmp / "data", ServerConfig(scrypt_n=2**10))
    server = EmbeddedServer(tmp / "data", clock=FakeClock(T0))
    service = server.services.service
    service.publish(make_package(tmp, PackageKeys.generate()).path, None)
    service.import_roster(ROSTER, EXAM)
    url = server.start()
    with httpx.Client(base_url=url, timeout=10) as client:
        SERVER.update(url=url, service=service, client=client)
        yield schemathesis.openapi.from_url(f"{url}/openapi.json")
    server.stop()


def _token(path: str) -> str:
    """A fresh token per case: sign-out and revocation are fuzzed too."""
    service: ExamService = SERVER["service"]
    if path.startswith(("/v1/review", "/v1/admin")):
        return service.create_token("admin", 3600)[0]
    return service.create_token("student", 3600, EXAM, "s1")[0]


def _assert_json_error(status: int, body: bytes, method: str, what: object) -> None:
    assert status < 500, (what, body[:300])
    if status >= 400 and method != "HEAD":
        error = json.loads(body)["error"]
        assert error["code"] and error["message"], (what, error)


def _check(case: Case) -> None:
    response = case.call(headers={"Authorization": f"Bearer {_token(case.path)}"}, timeout=10)
    _assert_json_error(response.status_code, response.content, case.method,
                       (case.method, case.path))


def test_no_server_errors(api_schema: OpenApiSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 17  # every documented endpoint is fuzzed
    negative = 0
    for operation in operations:
        SETTINGS(given(case=operation.as_strategy())(_check))()
        try:  # invalid values for whatever the operation takes (nothing for some)
            NEGATIVE_SETTINGS(given(case=operation.as_strategy(
                generation_mode=GenerationMode.NEGATIVE))(_check))()
            negative += 1
        except Unsatisfiable:
            continue
    assert negative >= 8


# -- headers and unicode edge cases ------------------------------------------------------

HEADER_TARGETS = [  # (method, path template, header)
    ("GET", f"/v1/exams/{EXAM}/package", "Range"),
    ("GET", f"/v1/exams/{EXAM}/package", "If-Range"),
    ("POST", "/v1/uploads", "Upload-Length"),
    ("POST", "/v1/uploads", "Upload-Metadata"),
    ("PATCH", "/v1/uploads/" + "0" * 32, "Upload-Offset"),
    ("GET", "/v1/exams", "Authorization"),
    ("GET", "/v1/review/sessions?exam_id=" + EXAM, "Authorization"),
]
LATIN1 = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
                 max_size=200)
HEADER_VALUES = st.one_of(  # h11 refuses to send leading/trailing blanks itself
    LATIN1,
    st.sampled_from([1, 18, 19, 4300, 4301, 6000]).map(lambda n: "bytes=" + "9" * n + "-"),
    st.sampled_from([15, 16, 4301, 6000]).map(lambda n: "1" * n),
    st.tuples(LATIN1, LATIN1).map(lambda p: f"bytes={p[0]}-{p[1]}"),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=50).map(
        lambda t: "attempt_id " + t),
).map(lambda v: v.strip(" \t") or "x")
SURROGATE = st.integers(0xD800, 0xDFFF).map(lambda c: f"\\u{c:04x}")
EDGE_TEXT = st.lists(st.one_of(SURROGATE, st.sampled_from(
    ["\\u0000", "\\uffff", "\\ud83d\\ude00", "é", "\\u202e", '\\"', "\\\\"]),
    st.text(max_size=5).map(lambda t: json.dumps(t)[1:-1])), max_size=6).map("".join)
JSON_TARGETS = [
    ("/v1/auth/login", ["exam_id", "student_id", "access_code"]),
    (f"/v1/exams/{EXAM}/start", ["public_key"]),
    ("/v1/admin/tokens/revoke", ["token", "role", "exam_id", "student_id"]),
    ("/v1/review/sessions/att_" + "0" * 32 + "/decisions", ["decision", "public_key"]),
]


@EDGE_SETTINGS
@given(target=st.sampled_from(HEADER_TARGETS), value=HEADER_VALUES)
@example(target=HEADER_TARGETS[0], value="bytes=" + "9" * 4400 + "-")  # was a 500
def test_header_edge_cases(api_schema: OpenApiSchema, target: tuple[str, str, str],
                           value: str) -> None:
    method, path, name = target
    headers = {"Authorization": f"Bearer {_token(path)}", "Tus-Resumable": "1.0.0",
               "Content-Type": "application/offset+octet-stream", name: value.encode("latin-1")}
    r = SERVER["client"].request(method, path, headers=headers,
                                 content=b"x" if method == "PATCH" else None)
    _assert_json_error(r.status_code, r.content, method, (path, name, value[:80]))


@EDGE_SETTINGS
@given(target=st.sampled_from(JSON_TARGETS), text=EDGE_TEXT, depth=st.integers(0, 40))
@example(target=JSON_TARGETS[3], text="\\ud800", depth=0)  # was a 500
def test_json_unicode_and_nesting_edge_cases(api_schema: OpenApiSchema,
                                             target: tuple[str, list[str]], text: str,
                                             depth: int) -> None:
    path, fields = target
    value = "[" * depth + f'"{text}"' + "]" * depth
    body = "{" + ",".join(f'"{f}": {value}' for f in fields) + "}"
    r = SERVER["client"].post(path, content=body.encode(), headers={
        "Authorization": f"Bearer {_token(path)}", "Content-Type": "application/json"})
    _assert_json_error(r.status_code, r.content, "POST", (path, body[:120]))
