"""tus 1.0 uploads: pieces, interruption + resume, tusclient, refusals."""

from __future__ import annotations

import hashlib
import io
import socket
import time
from urllib.parse import urlsplit

import httpx
from tusclient import client as tus_client

from .helpers import Running, attempt_key, meta, upload

TUS = {"Tus-Resumable": "1.0.0"}


def _create(running: Running, token: str, attempt: str, data: bytes, sha: str | None = None
            ) -> str:
    with running.client(token) as c:
        r = c.post("/v1/uploads", headers={**TUS, "Upload-Length": str(len(data)),
                   "Upload-Metadata": meta(attempt_id=attempt,
                                           sha256=sha or hashlib.sha256(data).hexdigest())})
    assert r.status_code == 201, r.text
    location: str = r.headers["Location"]
    return location


def _offset(running: Running, token: str, location: str) -> int:
    with running.client(token) as c:
        return int(c.head(location, headers=TUS).headers["Upload-Offset"])


def _receipt_count(running: Running, attempt: str) -> int:
    return len(running.server.services.service.storage.list_submissions(attempt))


def test_options_advertises_tus(running: Running) -> None:
    with running.client() as c:
        r = c.options("/v1/uploads")
    assert r.status_code == 204 and r.headers["Tus-Version"] == "1.0.0"
    assert "creation" in r.headers["Tus-Extension"]
    assert r.headers["Tus-Max-Size"] == str(64 * 1024 * 1024)


def test_tusclient_uploader_works(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 300_000)
    client = tus_client.TusClient(f"{running.url}/v1/uploads",
                                  headers={"Authorization": f"Bearer {token}"})
    uploader = client.uploader(file_stream=io.BytesIO(data), chunk_size=64 * 1024, metadata={
        "attempt_id": started["attempt_id"], "sha256": hashlib.sha256(data).hexdigest(),
        "flags": '{"medium": 1}'})
    uploader.upload()
    assert uploader.offset == len(data)
    with running.client(running.staff_token()) as c:
        bundle = c.get(f"/v1/review/sessions/{started['attempt_id']}/bundle")
    assert bundle.content == data


def test_upload_in_pieces_with_resume_from_head(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 150_000)
    loc = _create(running, token, started["attempt_id"], data)
    with running.client(token) as c:
        for piece in range(3):
            offset = _offset(running, token, loc)
            assert offset == piece * 40_000
            r = c.patch(loc, content=data[offset:offset + 40_000], headers={
                **TUS, "Upload-Offset": str(offset),
                "Content-Type": "application/offset+octet-stream"})
            assert r.status_code == 204
        assert _receipt_count(running, started["attempt_id"]) == 0  # partial never counts
        r = c.patch(loc, content=data[120_000:], headers={
            **TUS, "Upload-Offset": "120000", "Content-Type": "application/offset+octet-stream"})
    assert r.status_code == 204 and r.headers["Upload-Offset"] == str(len(data))
    assert r.headers["Emtihan-Receipt"] == f"/v1/attempts/{started['attempt_id']}/receipt"
    assert _receipt_count(running, started["attempt_id"]) == 1


def _send_partial_patch(running: Running, token: str, loc: str, body: bytes, sent: int) -> None:
    """Announce ``len(body)`` bytes, send only ``sent`` of them, then drop the connection."""
    url = urlsplit(running.url)
    with socket.create_connection((url.hostname, url.port)) as sock:
        head = (f"PATCH {loc} HTTP/1.1\r\nHost: {url.netloc}\r\nTus-Resumable: 1.0.0\r\n"
                f"Authorization: Bearer {token}\r\nUpload-Offset: 0\r\n"
                f"Content-Type: application/offset+octet-stream\r\n"
                f"Content-Length: {len(body)}\r\n\r\n")
        sock.sendall(head.encode() + body[:sent])
        time.sleep(0.3)  # let the server read it (not a timing assertion)


def test_interrupted_patch_keeps_received_bytes(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 200_000)
    loc = _create(running, token, started["attempt_id"], data)
    _send_partial_patch(running, token, loc, data, 100_000)
    offset = 0
    for _ in range(50):  # the server notices the disconnect asynchronously
        offset = _offset(running, token, loc)
        if offset:
            break
        time.sleep(0.1)
    assert 0 < offset <= 100_000
    with running.client(token) as c:
        r = c.patch(loc, content=data[offset:], headers={
            **TUS, "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream"})
        bundle = c.get(f"/v1/attempts/{started['attempt_id']}/receipt").json()
    assert r.status_code == 204
    assert bundle["receipt"]["sha256"] == hashlib.sha256(data).hexdigest()


def test_hash_mismatch_rejected_nothing_handed_in(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 5000)
    r = upload(running, token, started["attempt_id"], data, sha="ab" * 32)
    assert r.status_code == 422 and r.json()["error"]["code"] == "hash_mismatch"
    assert "do not match" in r.json()["error"]["message"]
    assert _receipt_count(running, started["attempt_id"]) == 0
    with running.client(token) as c:
        missing = c.get(f"/v1/attempts/{started['attempt_id']}/receipt")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "receipt_not_found"


def test_wrong_offset_is_409(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 5000)
    loc = _create(running, token, started["attempt_id"], data)
    with running.client(token) as c:
        r = c.patch(loc, content=data[100:], headers={
            **TUS, "Upload-Offset": "100", "Content-Type": "application/offset+octet-stream"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "offset_mismatch"
    assert "differs" in r.json()["error"]["message"]
    assert _offset(running, token, loc) == 0


def test_patch_past_length_is_413(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 5000)
    loc = _create(running, token, started["attempt_id"], data)
    with running.client(token) as c:
        r = c.patch(loc, content=data + b"extra", headers={
            **TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert _offset(running, token, loc) == 0


def test_missing_tus_header_and_content_type(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 500)
    loc = _create(running, token, started["attempt_id"], data)
    with running.client(token) as c:
        no_version = c.patch(loc, content=data, headers={
            "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
        wrong_type = c.patch(loc, content=data, headers={**TUS, "Upload-Offset": "0"})
    assert no_version.status_code == 412
    assert no_version.json()["error"]["code"] == "unsupported_tus_version"
    assert wrong_type.status_code == 415 and wrong_type.json()["error"]["code"] == (
        "bad_content_type")
    assert _offset(running, token, loc) == 0


def test_upload_length_over_cap_and_bad_metadata(running: Running) -> None:
    token = running.login()
    started, _ = running.start(token)
    with running.client(token) as c:
        big = c.post("/v1/uploads", headers={**TUS, "Upload-Length": str(10**9),
                     "Upload-Metadata": meta(attempt_id=started["attempt_id"], sha256="a" * 64)})
        no_sha = c.post("/v1/uploads", headers={**TUS, "Upload-Length": "10",
                        "Upload-Metadata": meta(attempt_id=started["attempt_id"])})
        bad_flags = c.post("/v1/uploads", headers={**TUS, "Upload-Length": "10",
                           "Upload-Metadata": meta(attempt_id=started["attempt_id"],
                                                   sha256="a" * 64, flags="[1.5]")})
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    assert no_sha.status_code == 400 and no_sha.json()["error"]["code"] == "bad_metadata"
    assert "sha256" in no_sha.json()["error"]["message"]
    assert bad_flags.status_code == 400 and bad_flags.json()["error"]["code"] == "bad_metadata"


def test_envelope_signed_by_unregistered_key_refused(running: Running) -> None:
    token = running.login()
    started, _ = running.start(token)
    stranger, _ = attempt_key()
    r = upload(running, token, started["attempt_id"], running.result(stranger, 500))
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_envelope"
    assert "never registered" in r.json()["error"]["message"]
    assert _receipt_count(running, started["attempt_id"]) == 0


def test_other_students_attempt_is_hidden(running: Running) -> None:
    owner = running.login("s1")
    started, private = running.start(owner)
    other = running.login("s2")
    data = running.result(private, 500)
    with running.client(other) as c:
        r = c.post("/v1/uploads", headers={**TUS, "Upload-Length": str(len(data)),
                   "Upload-Metadata": meta(attempt_id=started["attempt_id"],
                                           sha256=hashlib.sha256(data).hexdigest())})
        receipt = c.get(f"/v1/attempts/{started['attempt_id']}/receipt")
    assert r.status_code == 404 and r.json()["error"]["code"] == "attempt_not_found"
    assert receipt.status_code == 404 and receipt.json()["error"]["code"] == "attempt_not_found"
    loc = _create(running, owner, started["attempt_id"], data)
    with httpx.Client(base_url=running.url, headers={"Authorization": f"Bearer {other}"}) as c:
        head = c.head(loc, headers=TUS)
    assert head.status_code == 404
    assert _receipt_count(running, started["attempt_id"]) == 0


def test_crash_between_blob_store_and_commit_recovers(running: Running,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Simulated crash after the verified blob is stored but before the hand-in commit."""
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 70_000)
    loc = _create(running, token, started["attempt_id"], data)
    storage = running.server.services.service.storage
    real = storage.record_submission

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("power cut")

    monkeypatch.setattr(storage, "record_submission", crash)
    headers = {**TUS, "Content-Type": "application/offset+octet-stream"}
    with running.client(token) as c:
        c.patch(loc, content=data[:40_000], headers={**headers, "Upload-Offset": "0"})
        failed = c.patch(loc, content=data[40_000:], headers={**headers, "Upload-Offset": "40000"})
        assert failed.status_code == 500 and failed.json()["error"]["code"] == "internal"
        assert _offset(running, token, loc) == 40_000 and _receipt_count(
            running, started["attempt_id"]) == 0
        monkeypatch.setattr(storage, "record_submission", real)
        retry = c.patch(loc, content=data[40_000:], headers={**headers, "Upload-Offset": "40000"})
        receipt = c.get(f"/v1/attempts/{started['attempt_id']}/receipt").json()["receipt"]
    assert retry.status_code == 204 and retry.headers["Upload-Offset"] == str(len(data))
    assert receipt["sha256"] == hashlib.sha256(data).hexdigest()
    assert _receipt_count(running, started["attempt_id"]) == 1


def test_abandoned_uploads_are_bounded_oldest_evicted(running: Running) -> None:
    token = running.login()
    started, private = running.start(token)
    data = running.result(private, 2000)
    locations = []
    for _ in range(5):
        loc = _create(running, token, started["attempt_id"], data)
        with running.client(token) as c:
            c.patch(loc, content=data[:100], headers={
                **TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
        locations.append(loc)
        running.clock.advance(1)
    with running.client(token) as c:
        first = c.head(locations[0], headers=TUS)
    assert first.status_code == 404
    assert [_offset(running, token, loc) for loc in locations[1:]] == [100] * 4
    parts = list((running.server.data_dir / "uploads").glob("*.part"))
    assert len(parts) == 4
