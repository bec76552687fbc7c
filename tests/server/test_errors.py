"""Every bad input gets a JSON 4xx with a machine-readable code, never a 500."""

from __future__ import annotations

import base64

import pytest

from .helpers import EXAM, Running, attempt_key


def _error(response) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    body = response.json()["error"]
    return response.status_code, body["code"], body["message"]


def test_no_token_and_unknown_token(running: Running) -> None:
    with running.client() as c:
        none = c.get("/v1/exams")
    with running.client("not-a-token") as c:
        unknown = c.get("/v1/exams")
    assert _error(none)[:2] == (401, "auth_required") and "Bearer" in _error(none)[2]
    assert _error(unknown)[:2] == (401, "invalid_token")


def test_expired_token(running: Running) -> None:
    token = running.login()
    running.clock.advance(12 * 3600 + 1)
    with running.client(token) as c:
        r = c.get("/v1/exams")
    assert _error(r)[:2] == (401, "token_expired") and "expired" in _error(r)[2]


def test_bad_credentials_same_code_for_unknown_and_wrong(running: Running) -> None:
    with running.client() as c:
        wrong = c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": "s1",
                                               "access_code": "nope"})
        unknown = c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": "zz",
                                                 "access_code": "nope"})
    assert _error(wrong) == _error(unknown)
    assert _error(wrong)[:2] == (401, "bad_credentials")


def test_malformed_json_and_wrong_fields(running: Running) -> None:
    with running.client() as c:
        broken = c.post("/v1/auth/login", content=b"{not json",
                        headers={"Content-Type": "application/json"})
        missing = c.post("/v1/auth/login", json={"exam_id": EXAM})
    assert _error(broken)[:2] == (400, "bad_request") and "JSON" in _error(broken)[2]
    assert _error(missing)[:2] == (422, "validation_error")
    assert "student_id" in _error(missing)[2]


def test_oversized_json_body(running: Running) -> None:
    with running.client() as c:
        r = c.post("/v1/auth/login", content=b"x" * (65 * 1024),
                   headers={"Content-Type": "application/json"})
    assert _error(r)[:2] == (413, "too_large") and "above" in _error(r)[2]


@pytest.mark.parametrize("bad", ["..%2Fx", "UPPER", "a" * 70, "x%00y", "-lead"])
def test_path_like_exam_ids(running: Running, bad: str) -> None:
    token = running.login()
    with running.client(token) as c:
        r = c.get(f"/v1/exams/{bad}/package")
    status, code, _ = _error(r)
    assert (status, code) in ((400, "invalid_id"), (404, "not_found"))


@pytest.mark.parametrize("bad", ["att_../../etc", "att_XYZ", "../x", "att_" + "0" * 31])
def test_path_like_attempt_ids(running: Running, bad: str) -> None:
    with running.client(running.login()) as c:
        r = c.get(f"/v1/attempts/{bad}/receipt")
    status, code, _ = _error(r)
    assert (status, code) in ((400, "invalid_id"), (404, "not_found"))


def test_invalid_id_message(running: Running) -> None:
    with running.client(running.login()) as c:
        r = c.get("/v1/attempts/att_nothex/receipt")
    assert _error(r) == (400, "invalid_id", "attempt_id has an invalid format")


def test_unknown_attempt_is_404(running: Running) -> None:
    with running.client(running.login()) as c:
        r = c.get(f"/v1/attempts/att_{'0' * 32}/receipt")
    assert _error(r)[:2] == (404, "attempt_not_found")


def test_student_cannot_use_review_or_other_exam(running: Running) -> None:
    token = running.login()
    _, public = attempt_key()
    with running.client(token) as c:
        review = c.get("/v1/review/sessions", params={"exam_id": EXAM})
        other = c.post("/v1/exams/chem-201/start", json={"public_key": public})
        exams = c.get("/v1/exams").json()["exams"]
    assert _error(review)[:2] == (403, "forbidden")
    assert _error(other)[:2] == (403, "forbidden") and "another exam" in _error(other)[2]
    assert exams[0]["attempt_id"] is None


def test_invigilator_cannot_start(running: Running) -> None:
    _, public = attempt_key()
    with running.client(running.staff_token()) as c:
        r = c.post(f"/v1/exams/{EXAM}/start", json={"public_key": public})
    assert _error(r)[:2] == (403, "forbidden")


def test_bad_public_key(running: Running) -> None:
    with running.client(running.login()) as c:
        r = c.post(f"/v1/exams/{EXAM}/start", json={"public_key": "AAAA"})
        exams = c.get("/v1/exams").json()["exams"]
    assert _error(r)[:2] == (422, "validation_error") and "32 bytes" in _error(r)[2]
    assert exams[0]["attempt_id"] is None


def test_decision_bad_signature_and_mismatch(running: Running) -> None:
    started, _ = running.start(running.login())
    attempt = started["attempt_id"]
    pub = base64.b64encode(b"\x01" * 32).decode()
    sig = base64.b64encode(b"\x00" * 64).decode()
    with running.client(running.staff_token()) as c:
        bad_sig = c.post(f"/v1/review/sessions/{attempt}/decisions", json={
            "decision": {"attempt_id": attempt}, "public_key": pub, "signature": sig})
        mismatch = c.post(f"/v1/review/sessions/{attempt}/decisions", json={
            "decision": {"attempt_id": "att_" + "1" * 32}, "public_key": pub, "signature": sig})
        listed = c.get(f"/v1/review/sessions/{attempt}/decisions").json()["decisions"]
    assert _error(bad_sig)[:2] == (422, "bad_signature")
    assert "does not verify" in _error(bad_sig)[2]
    assert _error(mismatch)[:2] == (409, "attempt_mismatch")
    assert listed == []


def test_unknown_route_and_method(running: Running) -> None:
    with running.client() as c:
        missing = c.get("/v1/nothing")
        method = c.delete("/v1/health")
    assert _error(missing)[:2] == (404, "not_found")
    assert _error(method)[:2] == (405, "method_not_allowed")


def test_oversized_chunked_body_without_length(running: Running) -> None:
    def body():  # type: ignore[no-untyped-def]
        for _ in range(100):
            yield b"x" * 1024

    token = running.login()
    with running.client() as c:
        r = c.post("/v1/auth/login", content=body(), headers={"Content-Type": "application/json"})
    with running.client(token) as c:  # the bandwidth test needs a sign-in
        up = c.post("/v1/bandwidth/upload", content=(b"y" * (1 << 20) for _ in range(9)))
    assert "content-length" not in {k.lower() for k in r.request.headers}
    assert _error(r)[:2] == (413, "too_large")
    assert _error(up)[:2] == (413, "too_large")


def test_login_throttled_after_repeated_wrong_codes(running: Running) -> None:
    wrong = {"exam_id": EXAM, "student_id": "s1", "access_code": "guess"}
    with running.client() as c:
        codes = [c.post("/v1/auth/login", json=wrong).status_code for _ in range(10)]
        blocked = c.post("/v1/auth/login", json={**wrong, "access_code": "code-one"})
        other = c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": "s2",
                                               "access_code": "code-two"})
        running.clock.advance(901)
        later = c.post("/v1/auth/login", json={**wrong, "access_code": "code-one"})
    assert codes == [401] * 10
    assert _error(blocked)[:2] == (429, "rate_limited") and "try again in" in _error(blocked)[2]
    assert "token" not in blocked.json()
    assert other.status_code == 200 and later.status_code == 200
