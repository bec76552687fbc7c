"""Contract check: the real client (client.core.api.ServerClient) against this server."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .helpers import EXAM, Running, attempt_key

api = pytest.importorskip("client.core.api", reason="client core not available")


def test_client_core_end_to_end(running: Running, tmp_path: Path) -> None:
    client = api.ServerClient(running.url)
    try:
        client.login(EXAM, "s1", "code-one")
        client.pin_server_key()
        exams = client.list_exams()
        dest = client.download_package(EXAM, tmp_path / "pkg.emtihan",
                                       expected_sha256=exams[0]["package_sha256"])
        assert hashlib.sha256(Path(dest).read_bytes()).hexdigest() == exams[0]["package_sha256"]
        bandwidth = client.measure_bandwidth(down_bytes=200_000, up_bytes=100_000)
        assert bandwidth.download_kbps > 0 and bandwidth.upload_kbps > 0
        private, _ = attempt_key()
        public = private.public_key().public_bytes_raw()
        info = client.start(EXAM, public)
        assert info.content_key == running.content_key
        result = tmp_path / "result.bin"
        result.write_bytes(running.result(private, 150_000))
        sha = hashlib.sha256(result.read_bytes()).hexdigest()
        client.upload_result(result, info.attempt_id, sha, flags={"high": 1}, offline_s=7)
        receipt = client.fetch_receipt(info.attempt_id, sha)
    finally:
        client.close()
    assert receipt["receipt"]["sha256"] == sha and receipt["receipt"]["offline_s"] == 7


def test_session_enforces_rollback_when_it_opens_the_package(running: Running,
                                                            tmp_path: Path) -> None:
    """The package already on disk is opened at start (and resume) with the rollback store."""
    from client.core.session import AttemptSession, SessionConfig
    from exam_packages.errors import RollbackError
    from exam_packages.rollback import RollbackStore
    from tests.support.clocks import FakeClock

    from .helpers import T0

    config = SessionConfig(data_dir=tmp_path / "client", trust=running.keys.trust(),
                           clock=FakeClock(wall=T0))
    session = AttemptSession(config, api.ServerClient(running.url))
    try:
        session.sign_in(EXAM, "s1", "code-one")
        session.download_package()
        RollbackStore(config.data_dir / "rollback.json").record(EXAM, 2)  # v2 seen meanwhile
        for name in session.required_checks():
            session.record_check(name, {}, True)
        session.finish_checks()
        session.consent(True)
        session.record_identity({"outcome": "match"})
        with pytest.raises(RollbackError, match="older than version 2"):
            session.start()
        assert session.exam_doc == {}
    finally:
        session.close()


def test_client_resumes_from_head_when_another_request_holds_the_upload(
        running: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A non-final error (409 upload_busy) is retried: HEAD, then PATCH from the offset."""
    import threading

    from client.core.tus_upload import TusUpload
    from server_stub import uploads

    monkeypatch.setattr(uploads, "UPLOAD_LOCK_WAIT_S", 0.1)
    client = api.ServerClient(running.url)
    storage = running.server.services.service.storage
    released = threading.Event()

    def hold(url: str) -> None:  # another request of ours still writing, for a moment
        if not url:
            return
        upload_id = url.rsplit("/", 1)[1]
        ready = threading.Event()

        def holder() -> None:
            with storage.upload_lock(upload_id, 1):
                ready.set()
                released.wait(5)

        threading.Thread(target=holder, daemon=True).start()
        ready.wait(5)

    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        released.set()

    try:
        client.login(EXAM, "s1", "code-one")
        private, _ = attempt_key()
        info = client.start(EXAM, private.public_key().public_bytes_raw())
        result = tmp_path / "result.bin"
        result.write_bytes(running.result(private, 50_000))
        sha = hashlib.sha256(result.read_bytes()).hexdigest()
        TusUpload(client, result, info.attempt_id, sha, sleep=sleep, backoff_s=0.01).run(
            on_url=hold)
        receipt = client.fetch_receipt(info.attempt_id, sha)
    finally:
        released.set()
        client.close()
    assert sleeps and receipt["receipt"]["sha256"] == sha
