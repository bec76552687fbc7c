"""Issue 10: sign-in throttling, token revocation, limits on slow and repeated uploads,
and crafted input that used to give a 500 - all against the real server."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from server_stub import security
from server_stub.app import build_services

from .conftest import start_running
from .helpers import CODES, EXAM, Running, meta, upload

TUS = {"Tus-Resumable": "1.0.0"}
ROOT = Path(__file__).resolve().parents[2]


def _login(run: Running, student: str, code: str, address: str) -> httpx.Response:
    with run.client() as c:
        return c.post("/v1/auth/login", headers={"X-Forwarded-For": address},
                      json={"exam_id": EXAM, "student_id": student, "access_code": code})


@pytest.fixture
def throttled(tmp_path: Path) -> Running:
    run = start_running(tmp_path, trust_forwarded_for=True, login_max_failures=3,
                        login_max_failures_address=6, login_max_failures_student=5,
                        token_max_failures_address=4)
    yield run  # type: ignore[misc]
    run.server.stop()


# -- sign-in throttling ---------------------------------------------------------------


def test_wrong_codes_elsewhere_do_not_lock_out_the_right_code(throttled: Running) -> None:
    for _ in range(3):
        assert _login(throttled, "s1", "wrong", "10.0.0.66").status_code == 401
    locked = _login(throttled, "s1", CODES["s1"], "10.0.0.66")
    assert locked.status_code == 429 and locked.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(locked.headers["Retry-After"]) <= 900
    assert _login(throttled, "s1", CODES["s1"], "10.0.0.7").status_code == 200


def test_one_address_is_limited_across_made_up_student_ids(throttled: Running) -> None:
    for index in range(6):
        assert _login(throttled, f"nobody{index}", "x", "10.0.0.66").status_code == 401
    assert _login(throttled, "nobody9", "x", "10.0.0.66").status_code == 429
    assert _login(throttled, "s2", CODES["s2"], "10.0.0.66").status_code == 429
    assert _login(throttled, "s2", CODES["s2"], "10.0.0.8").status_code == 200


def test_student_ceiling_spares_an_address_that_signed_in_before(throttled: Running) -> None:
    assert _login(throttled, "s1", CODES["s1"], "10.1.1.1").status_code == 200
    for address in ("10.0.0.1", "10.0.0.1", "10.0.0.1", "10.0.0.2", "10.0.0.2"):
        assert _login(throttled, "s1", "wrong", address).status_code == 401  # spread guesser
    assert _login(throttled, "s1", CODES["s1"], "10.0.0.3").status_code == 429
    assert _login(throttled, "s1", CODES["s1"], "10.1.1.1").status_code == 200


def test_parallel_wrong_codes_check_at_most_the_limit(throttled: Running) -> None:
    statuses: list[int] = []

    def guess() -> None:
        statuses.append(_login(throttled, "s1", "wrong", "10.0.0.66").status_code)

    threads = [threading.Thread(target=guess) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(statuses) == 40 and set(statuses) <= {401, 429}
    assert 1 <= statuses.count(401) <= 3  # checked = wrong codes answered 401


def test_throttle_state_is_shared_by_server_processes(throttled: Running) -> None:
    for _ in range(3):
        assert _login(throttled, "s1", "wrong", "10.0.0.66").status_code == 401
    other = build_services(throttled.server.data_dir, clock=throttled.clock,  # a second
                           login_max_failures=3).service               # server process
    try:
        with pytest.raises(Exception, match="too many wrong access codes"):
            other.login(EXAM, "s1", CODES["s1"], "10.0.0.66")
    finally:
        other.storage.close()


def test_concurrent_scrypt_work_is_capped(throttled: Running,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    active, peak = [0], [0]
    lock = threading.Lock()
    real = security.verify_access_code

    def counting(code: str, stored: str) -> None:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        try:
            real(code, stored)
        finally:
            with lock:
                active[0] -= 1

    monkeypatch.setattr(security, "verify_access_code", counting)
    threads = [threading.Thread(target=_login, args=(throttled, f"u{i}", "x", f"10.2.0.{i}"))
               for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert peak[0] == throttled.server.services.service.config.max_concurrent_scrypt == 2


def test_unknown_tokens_are_throttled_but_a_valid_one_passes(throttled: Running) -> None:
    token = throttled.staff_token()
    headers = {"X-Forwarded-For": "10.0.0.66"}
    with throttled.client("not-a-token") as c:
        codes = [c.get("/v1/review/sessions", params={"exam_id": EXAM}, headers=headers
                       ).status_code for _ in range(5)]
    assert codes == [401, 401, 401, 401, 429]
    with throttled.client(token) as c:
        ok = c.get("/v1/review/sessions", params={"exam_id": EXAM}, headers=headers)
    assert ok.status_code == 200


# -- tokens -----------------------------------------------------------------------------


def _exams(run: Running, token: str) -> int:
    with run.client(token) as c:
        return c.get("/v1/exams").status_code


def test_sign_out_ends_the_token(running: Running) -> None:
    token = running.login()
    with running.client(token) as c:
        assert c.post("/v1/auth/logout").status_code == 204
        r = c.get("/v1/exams")
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_token"


def test_sign_in_rotates_the_student_token(running: Running) -> None:
    old = running.login()
    new = running.login()
    assert (_exams(running, old), _exams(running, new)) == (401, 200)


def test_admin_api_revokes_student_and_role_tokens(running: Running) -> None:
    student, invigilator, admin = running.login(), running.staff_token(), \
        running.staff_token("admin")
    with running.client(invigilator) as c:
        assert c.post("/v1/admin/tokens/revoke", json={"role": "student"}).status_code == 403
    with running.client(admin) as c:
        one = c.post("/v1/admin/tokens/revoke", json={"exam_id": EXAM, "student_id": "s1"})
        role = c.post("/v1/admin/tokens/revoke", json={"role": "invigilator"})
        bad = c.post("/v1/admin/tokens/revoke", json={})
    assert (one.json(), role.json()) == ({"revoked": 1}, {"revoked": 1})
    assert bad.status_code == 422
    assert _exams(running, student) == 401
    with running.client(invigilator) as c:
        assert c.get("/v1/review/sessions", params={"exam_id": EXAM}).status_code == 401


def test_cli_revokes_tokens(running: Running) -> None:
    token = running.staff_token()
    proc = subprocess.run(
        [sys.executable, "-m", "server_stub.cli", "tokens", "revoke", "--token", token,
         "--data", str(running.server.data_dir)], capture_output=True, text=True,
        cwd=ROOT, timeout=60, check=False)
    assert (proc.returncode, proc.stdout.strip()) == (0, "revoked 1 token(s)"), proc.stderr
    with running.client(token) as c:
        assert c.get("/v1/review/sessions", params={"exam_id": EXAM}).status_code == 401


# -- limits on slow and repeated uploads --------------------------------------------------


def _raw(run: Running, request: bytes, wait_s: float = 10) -> bytes:
    parts = urlsplit(run.url)
    answer = b""
    with socket.create_connection((parts.hostname, parts.port), timeout=wait_s) as sock:
        sock.sendall(request)
        while b"}}" not in answer:  # the JSON error body ends the answer
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    return answer


def test_a_stalled_body_is_cut_off(tmp_path: Path) -> None:
    run = start_running(tmp_path, body_idle_timeout_s=0.5)
    try:
        started = time.monotonic()
        answer = _raw(run, b"POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                      b"application/json\r\nContent-Length: 100\r\n\r\n{\"exam_id\"")
        elapsed = time.monotonic() - started
    finally:
        run.server.stop()
    assert answer.startswith(b"HTTP/1.1 408") and b"body_timeout" in answer
    assert elapsed < 5


def test_patch_beyond_the_upload_length_is_refused_up_front(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 1000)
    with running.client(token) as c:
        r = c.post("/v1/uploads", headers={**TUS, "Upload-Length": str(len(data)),
                   "Upload-Metadata": meta(attempt_id=started["attempt_id"],
                                           sha256=hashlib.sha256(data).hexdigest())})
    path = urlsplit(r.headers["Location"]).path
    answer = _raw(running, (  # headers only: the answer must come without the body
        f"PATCH {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
        f"Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: "
        f"application/offset+octet-stream\r\nContent-Length: {len(data) + 1}\r\n\r\n").encode())
    assert answer.startswith(b"HTTP/1.1 413") and b"too_large" in answer


def test_versions_per_attempt_are_bounded(tmp_path: Path) -> None:
    run = start_running(tmp_path, max_versions_per_attempt=2)
    try:
        token = run.login()
        started, private = run.start(token)
        first, second, third = (run.result(private, 5000) for _ in range(3))
        assert upload(run, token, started["attempt_id"], first).status_code == 204
        assert upload(run, token, started["attempt_id"], second).status_code == 204
        with run.client(token) as c:
            refused = c.post("/v1/uploads", headers={**TUS, "Upload-Length": "5",
                             "Upload-Metadata": meta(attempt_id=started["attempt_id"],
                                                     sha256=hashlib.sha256(third).hexdigest())})
        again = upload(run, token, started["attempt_id"], first)  # the same bytes: no new one
    finally:
        run.server.stop()
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "too_many_versions"
    assert again.status_code == 201


# -- crafted input that used to give a 500 ----------------------------------------------


def test_range_header_with_thousands_of_digits(running: Running) -> None:
    with running.client(running.login()) as c:
        r = c.get(f"/v1/exams/{EXAM}/package", headers={"Range": "bytes=" + "9" * 4400 + "-"})
    assert r.status_code == 416 and r.json()["error"]["code"] == "range_not_satisfiable"


def test_lone_surrogate_in_a_decision(running: Running) -> None:
    token = running.login()
    started, _ = running.start(token)
    decision = '{"attempt_id": "' + started["attempt_id"] + '", "note": "\\ud800"}'
    body = f'{{"decision": {decision}, "public_key": "{"A" * 44}", "signature": "{"A" * 88}"}}'
    with running.client(running.staff_token()) as c:
        r = c.post(f"/v1/review/sessions/{started['attempt_id']}/decisions", content=body,
                   headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_unicode"


def test_deeply_nested_json_body(running: Running) -> None:
    body = '{"exam_id": ' + "[" * 5000 + "]" * 5000 + "}"
    with running.client() as c:
        r = c.post("/v1/auth/login", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "too_deep"


def test_deeply_nested_flags_metadata(running: Running) -> None:
    token = running.login()
    started, _ = running.start(token)
    with running.client(token) as c:
        r = c.post("/v1/uploads", headers={**TUS, "Upload-Length": "5", "Upload-Metadata": meta(
            attempt_id=started["attempt_id"], sha256="a" * 64, flags="[" * 3000 + "]" * 3000)})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_metadata"
    assert json.loads(r.text)["error"]["message"]
