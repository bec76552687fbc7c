"""The student and invigilator flows over real HTTP on loopback."""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from exam_packages.canonical import canonical_bytes
from server_stub.clock import to_iso

from .helpers import EXAM, T0, Running, attempt_key, upload


def _verify_receipt(running: Running, doc: dict) -> None:
    with running.client() as c:
        key = c.get("/v1/server-key").json()
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key["public_key"]))
    public.verify(base64.b64decode(doc["signature"]), canonical_bytes(doc["receipt"]))
    assert doc["key_id"] == key["key_id"]


def test_package_range_resume(running: Running) -> None:
    token = running.login()
    with running.client(token) as c:
        full = c.get(f"/v1/exams/{EXAM}/package")
        etag = full.headers["ETag"]
        size = len(full.content)
        head = c.get(f"/v1/exams/{EXAM}/package", headers={"Range": "bytes=0-99"})
        rest = c.get(f"/v1/exams/{EXAM}/package",
                     headers={"Range": "bytes=100-", "If-Range": etag})
        stale = c.get(f"/v1/exams/{EXAM}/package",
                      headers={"Range": "bytes=100-", "If-Range": '"0000"'})
        suffix = c.get(f"/v1/exams/{EXAM}/package", headers={"Range": "bytes=-10"})
    assert etag == f'"{hashlib.sha256(full.content).hexdigest()}"'
    assert (head.status_code, rest.status_code) == (206, 206)
    assert head.headers["Content-Range"] == f"bytes 0-99/{size}"
    assert head.content + rest.content == full.content
    assert stale.status_code == 200 and stale.content == full.content
    assert suffix.content == full.content[-10:]


def test_bad_range_is_416(running: Running) -> None:
    token = running.login()
    with running.client(token) as c:
        size = len(c.get(f"/v1/exams/{EXAM}/package").content)
        for bad in (f"bytes={size}-", "bytes=5-2", "bytes=0-1,5-6", "items=0-1", "bytes=-0"):
            r = c.get(f"/v1/exams/{EXAM}/package", headers={"Range": bad})
            assert r.status_code == 416, bad
            assert r.json()["error"]["code"] == "range_not_satisfiable"
            assert "not satisfiable" in r.json()["error"]["message"]
            assert r.headers["Content-Range"] == f"bytes */{size}"


def test_start_twice_same_attempt_and_clock(running: Running) -> None:
    token = running.login("s2")
    first, _ = running.start(token)
    running.clock.advance(300)
    _, public = attempt_key()
    with running.client(running.login("s2")) as c:
        again = c.post(f"/v1/exams/{EXAM}/start", json={"public_key": public}).json()
    assert again["attempt_id"] == first["attempt_id"]
    assert again["deadline"] == first["deadline"] and again["started_at"] == first["started_at"]
    assert again["resumed"] is True and again["key_changed"] is True
    assert again["server_time"] == to_iso(T0 + 300)
    # s2 has 600 s extra time: deadline = start + 1800 + 600
    assert first["deadline"] == to_iso(T0 + 1800 + 600)
    with running.client(running.staff_token()) as c:
        session = c.get("/v1/review/sessions", params={"exam_id": EXAM}).json()["sessions"][0]
    assert session["key_changes"] == 1 and session["public_key"] == public


def test_deadline_capped_by_window_close(running: Running) -> None:
    running.clock.advance(3000)  # closes at T0+3600: only 600 s left
    started, _ = running.start(running.login("s1"))
    assert started["deadline"] == to_iso(T0 + 3600)


def test_start_before_open_and_after_close(running: Running) -> None:
    token = running.login("s1")
    _, public = attempt_key()
    running.clock.advance(-120)
    with running.client(token) as c:
        early = c.post(f"/v1/exams/{EXAM}/start", json={"public_key": public})
        running.clock.advance(120 + 3600)
        late = c.post(f"/v1/exams/{EXAM}/start", json={"public_key": public})
        exams = c.get("/v1/exams").json()["exams"]
    assert early.status_code == 409 and early.json()["error"]["code"] == "exam_not_open"
    assert "not opened" in early.json()["error"]["message"]
    assert late.status_code == 409 and late.json()["error"]["code"] == "exam_closed"
    assert exams[0]["attempt_id"] is None  # no attempt was created


def test_resume_after_close_keeps_attempt(running: Running) -> None:
    token = running.login("s1")
    first, _ = running.start(token)
    running.clock.advance(7200)
    again, _ = running.start(token)
    assert again["attempt_id"] == first["attempt_id"] and again["resumed"] is True


def test_bandwidth_and_ping(running: Running) -> None:
    with running.client() as c:
        anonymous = c.get("/v1/bandwidth/download", params={"bytes": 1000})
    assert anonymous.status_code == 401  # the bandwidth test hands out bytes only after sign-in
    with running.client(running.login()) as c:
        down = c.get("/v1/bandwidth/download", params={"bytes": 3 * 1024 * 1024 + 5})
        up = c.post("/v1/bandwidth/upload", content=b"x" * 100_000)
        ping = c.get("/v1/ping")
        big = c.get("/v1/bandwidth/download", params={"bytes": 100 * 1024 * 1024})
        big_up = c.post("/v1/bandwidth/upload", content=b"x" * (9 * 1024 * 1024))
    assert len(down.content) == 3 * 1024 * 1024 + 5
    assert up.json() == {"received": 100_000}
    assert ping.json()["server_time"] == to_iso(T0)
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    assert big_up.status_code == 413 and big_up.json()["error"]["code"] == "too_large"


def test_receipt_signed_and_idempotent(running: Running) -> None:
    token = running.login("s1")
    started, private = running.start(token)
    data = running.result(private)
    assert upload(running, token, started["attempt_id"], data, offline_s="42").status_code == 204
    with running.client(token) as c:
        first = c.get(f"/v1/attempts/{started['attempt_id']}/receipt").json()
    _verify_receipt(running, first)
    assert first["receipt"]["offline_s"] == 42 and first["receipt"]["size"] == len(data)
    running.clock.advance(60)
    assert upload(running, token, started["attempt_id"], data).status_code in (201, 204)
    with running.client(token) as c:
        second = c.get(f"/v1/attempts/{started['attempt_id']}/receipt").json()
    assert second == first
    with running.client(running.staff_token()) as c:
        sessions = c.get("/v1/review/sessions", params={"exam_id": EXAM}).json()["sessions"]
    assert sessions[0]["versions"] == 1 and sessions[0]["status"] == "submitted"


def test_new_version_supersedes_and_keeps_old(running: Running) -> None:
    token = running.login("s1")
    started, private = running.start(token)
    one, two = running.result(private, 1000), running.result(private, 2000)
    upload(running, token, started["attempt_id"], one)
    upload(running, token, started["attempt_id"], two)
    attempt = started["attempt_id"]
    with running.client(running.staff_token()) as c:
        latest = c.get(f"/v1/review/sessions/{attempt}/bundle")
        older = c.get(f"/v1/review/sessions/{attempt}/bundle",
                      params={"sha256": hashlib.sha256(one).hexdigest()})
        receipt = c.get(f"/v1/attempts/{attempt}/receipt").json()["receipt"]
    assert latest.content == two and older.content == one
    assert receipt["version"] == 2 and receipt["sha256"] == hashlib.sha256(two).hexdigest()


def test_late_submission_marked(running: Running) -> None:
    token = running.login("s1")
    started, private = running.start(token)
    running.clock.advance(1800 + 125)
    upload(running, token, started["attempt_id"], running.result(private, 500))
    with running.client(token) as c:
        receipt = c.get(f"/v1/attempts/{started['attempt_id']}/receipt").json()["receipt"]
    assert receipt["late"] is True and receipt["late_s"] == 125
    with running.client(running.staff_token()) as c:
        session = c.get("/v1/review/sessions", params={"exam_id": EXAM}).json()["sessions"][0]
    assert session["late"] is True and session["late_s"] == 125


def test_review_flow_and_decisions(running: Running) -> None:
    token = running.login("s1")
    started, private = running.start(token)
    data = running.result(private)
    upload(running, token, started["attempt_id"], data, flags=json.dumps({"high": 2, "low": 5}))
    attempt = started["attempt_id"]
    invigilator = Ed25519PrivateKey.generate()
    pub = base64.b64encode(invigilator.public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)).decode()
    decision = {"attempt_id": attempt, "outcome": "no_action", "note": "Бәрі дұрыс"}
    sig = base64.b64encode(invigilator.sign(canonical_bytes(decision))).decode()
    with running.client(running.staff_token()) as c:
        session = c.get("/v1/review/sessions", params={"exam_id": EXAM}).json()["sessions"][0]
        bundle = c.get(f"/v1/review/sessions/{attempt}/bundle", headers={"Range": "bytes=10-"})
        made = c.post(f"/v1/review/sessions/{attempt}/decisions",
                      json={"decision": decision, "public_key": pub, "signature": sig})
        listed = c.get(f"/v1/review/sessions/{attempt}/decisions").json()["decisions"]
    assert session["flags"] == {"high": 2, "low": 5} and session["sha256"] == hashlib.sha256(
        data).hexdigest()
    assert bundle.status_code == 206 and bundle.content == data[10:]
    assert made.status_code == 201
    assert listed[0]["decision"] == decision and listed[0]["signature"] == sig
    assert listed[0]["decision_id"] == made.json()["decision_id"]
