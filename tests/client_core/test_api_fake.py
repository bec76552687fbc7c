"""ServerClient against an in-memory fake HTTP layer (tests/client_core/fakes.py)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from client.core.api import ServerClient, verify_receipt
from client.core.clock import parse_iso_utc
from client.core.tus_upload import TusUpload
from exam_packages.errors import (
    IntegrityError,
    NetworkError,
    OfflineError,
    ServerError,
    SignatureError,
    UntrustedSignerError,
)

from .fakes import BASE, FakeState, fake_session


def _client(state: FakeState, **kw: object) -> ServerClient:
    client = ServerClient(BASE, session=fake_session(state), **kw)  # type: ignore[arg-type]
    client.sleep = lambda s: None  # type: ignore[attr-defined]
    return client


def _signed_in(state: FakeState) -> ServerClient:
    client = _client(state)
    client.login("demo", "s1", "K7P-2QX")
    return client


def test_login_keeps_token_and_wrong_code_maps_to_server_error() -> None:
    state = FakeState()
    client = _client(state)
    with pytest.raises(ServerError, match="Wrong exam, student or access code.") as err:
        client.login("demo", "s1", "nope")
    assert err.value.status == 401 and err.value.server_code == "bad_credentials"
    assert client.token is None
    client.login("demo", "s1", "K7P-2QX")
    client.list_exams()
    assert state.log[-1][2]["Authorization"] == "Bearer tok-123"


def test_refused_and_timeout_map_to_offline_error() -> None:
    state = FakeState(fail=["refused", "timeout"])
    client = _client(state)
    with pytest.raises(OfflineError, match="cannot be reached \\(ConnectionError\\)"):
        client.server_key()
    with pytest.raises(OfflineError, match="cannot be reached \\(ReadTimeout\\)"):
        client.server_key()


def test_server_key_pinning() -> None:
    state = FakeState()
    client = _client(state)
    key = client.pin_server_key()
    assert key == state.public and client.server_public == key
    other = _client(FakeState(), server_public=key)
    with pytest.raises(UntrustedSignerError, match="different signing key"):
        other.pin_server_key()
    assert other.server_public == key


def test_start_parses_times_and_key() -> None:
    state = FakeState()
    info = _signed_in(state).start("demo", b"p" * 32)
    assert info.attempt_id == state.attempt_id and info.content_key == state.content_key
    assert info.deadline - info.server_time == 5400
    assert info.deadline == parse_iso_utc(state.deadline)
    assert state.start_keys == [base64.b64encode(b"p" * 32).decode()]


def test_download_resumes_with_range_after_cut(tmp_path: Path) -> None:
    state = FakeState(cut_download_after=70_000)
    client = _signed_in(state)
    dest = tmp_path / "demo.emtihan"
    seen: list[tuple[int, int]] = []
    expected = hashlib.sha256(state.package).hexdigest()
    with pytest.raises(OfflineError, match="interrupted at 70000 of 80000 bytes"):
        client.download_package("demo", dest, lambda d, t: seen.append((d, t)),
                                expected)
    assert (tmp_path / "demo.emtihan.part").stat().st_size == 70_000 and not dest.exists()
    client.download_package("demo", dest, lambda d, t: seen.append((d, t)), expected)
    assert dest.read_bytes() == state.package
    ranged = [h for m, p, h in state.log if p.endswith("/package") and "Range" in h]
    assert ranged[-1]["Range"] == "bytes=70000-"
    assert seen[-1] == (80_000, 80_000)
    assert not (tmp_path / "demo.emtihan.part").exists()


def test_download_hash_mismatch_is_refused(tmp_path: Path) -> None:
    state = FakeState()
    client = _signed_in(state)
    with pytest.raises(IntegrityError, match="does not match the server's checksum"):
        client.download_package("demo", tmp_path / "x.emtihan", None, "0" * 64)
    assert not (tmp_path / "x.emtihan").exists()
    assert not (tmp_path / "x.emtihan.part").exists()


def test_bandwidth_reports_progress_and_numbers() -> None:
    state = FakeState()
    ticks = iter(range(0, 10_000, 1))
    client = _client(state, perf=lambda: next(ticks) / 100)  # 10 ms per perf() call
    seen: list[tuple[int, int]] = []
    result = client.measure_bandwidth(lambda d, t: seen.append((d, t)), down_bytes=64_000,
                                      up_bytes=32_000)
    assert result.latency_ms == 10
    assert result.download_kbps == round(64_000 * 8 / 1000 / 0.01)
    assert result.upload_kbps == round(32_000 * 8 / 1000 / 0.01)
    assert seen[-1][0] == seen[-1][1] and seen == sorted(seen)


def _bundle(tmp_path: Path, size: int = 300_000) -> tuple[Path, str]:
    path = tmp_path / "bundle.bin"
    data = bytes(range(256)) * (size // 256)
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def test_tus_upload_with_retries_then_verified_receipt(tmp_path: Path) -> None:
    state = FakeState()
    client = _signed_in(state)
    path, sha = _bundle(tmp_path)
    urls: list[str] = []
    progress: list[tuple[int, int]] = []
    state.fail = ["500"]  # first POST fails
    sleeps: list[float] = []
    upload = TusUpload(client, path, state.attempt_id, sha, flags={"high": 1, "low": 2},
                       offline_s=12, sleep=sleeps.append, retries=3, backoff_s=0.5)
    upload.run(progress=lambda d, t: (progress.append((d, t)), _fail_once(state, d)),
               on_url=urls.append)
    assert sleeps == [0.5, 1.0]  # one 500 on create, one refused PATCH mid-way
    assert progress[-1] == (path.stat().st_size, path.stat().st_size)
    stored = next(iter(state.uploads.values()))
    assert stored["data"] == path.read_bytes()
    assert stored["meta"]["flags"] == '{"high":1,"low":2}' and stored["meta"]["offline_s"] == "12"
    doc = client.fetch_receipt(state.attempt_id, sha)
    assert doc["receipt"]["sha256"] == sha and client.server_public == state.public


_FAILED: set[int] = set()


def _fail_once(state: FakeState, done: int) -> None:
    if done == 131072 and id(state) not in _FAILED:
        _FAILED.add(id(state))
        state.fail.append("refused")


def test_tus_gives_up_after_retries_with_offline_error(tmp_path: Path) -> None:
    state = FakeState()
    client = _signed_in(state)
    path, sha = _bundle(tmp_path, 1000)
    state.fail = ["refused"] * 10
    upload = TusUpload(client, path, state.attempt_id, sha, sleep=lambda s: None, retries=2)
    with pytest.raises(OfflineError):
        upload.run()
    assert state.uploads == {}


def test_tus_hash_mismatch_retries_with_new_upload_then_raises(tmp_path: Path) -> None:
    state = FakeState()
    client = _signed_in(state)
    path, _sha = _bundle(tmp_path, 1000)
    urls: list[str] = []
    upload = TusUpload(client, path, state.attempt_id, "f" * 64, sleep=lambda s: None,
                       retries=2)
    with pytest.raises(ServerError, match="hash") as err:
        upload.run(on_url=urls.append)
    assert err.value.server_code == "hash_mismatch" and urls[-1] == ""
    creates = [m for m, p, _h in state.log if m == "POST" and p == "/v1/uploads"]
    assert len(creates) == 3 and state.receipts == {}


def test_tus_auth_error_is_not_retried(tmp_path: Path) -> None:
    state = FakeState()
    client = _client(state)  # never signed in
    path, sha = _bundle(tmp_path, 1000)
    sleeps: list[float] = []
    with pytest.raises(ServerError, match="unknown token") as err:
        TusUpload(client, path, state.attempt_id, sha, sleep=sleeps.append).run()
    assert err.value.status == 401 and sleeps == [] and state.uploads == {}


def test_receipt_forged_or_for_other_bundle_is_refused(tmp_path: Path) -> None:
    state = FakeState()
    client = _signed_in(state)
    path, sha = _bundle(tmp_path, 1000)
    client.upload_result(path, state.attempt_id, sha)
    doc = client.fetch_receipt(state.attempt_id, sha)
    forged = {"receipt": dict(doc["receipt"], late=True), "signature": doc["signature"]}
    with pytest.raises(SignatureError, match="not signed by the exam server's key"):
        verify_receipt(forged, state.public, state.attempt_id, sha)
    with pytest.raises(IntegrityError, match="different attempt or hand-in"):
        verify_receipt(doc, state.public, "att_" + "b" * 32, sha)


def test_non_json_answer_is_network_error() -> None:
    state = FakeState()
    client = _signed_in(state)
    with pytest.raises(NetworkError, match="not JSON") as err:
        client._json("GET", "/v1/exams/demo/package")
    assert err.value.code == "bad_response"


def test_download_part_larger_than_package_restarts_after_416(tmp_path: Path) -> None:
    state = FakeState()
    client = _signed_in(state)
    dest = tmp_path / "demo.emtihan"
    (tmp_path / "demo.emtihan.part").write_bytes(b"x" * (len(state.package) + 10))
    (tmp_path / "demo.emtihan.part.etag").write_text(
        f'"{hashlib.sha256(state.package).hexdigest()}"')
    client.download_package("demo", dest, None, hashlib.sha256(state.package).hexdigest())
    assert dest.read_bytes() == state.package
    assert [h.get("Range") for m, p, h in state.log if p.endswith("/package")] == [
        f"bytes={len(state.package) + 10}-", None]


def test_download_with_stale_etag_starts_over(tmp_path: Path) -> None:
    state = FakeState()
    client = _signed_in(state)
    dest = tmp_path / "demo.emtihan"
    (tmp_path / "demo.emtihan.part").write_bytes(b"old package bytes")
    (tmp_path / "demo.emtihan.part.etag").write_text('"stale"')
    client.download_package("demo", dest, None, hashlib.sha256(state.package).hexdigest())
    assert dest.read_bytes() == state.package
