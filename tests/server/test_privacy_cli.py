"""Privacy through the real CLI and HTTP: purge / hold / decisions subcommands, the
periodic purge of ``serve``, a student's own decisions, the local-key secret."""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from client.review_core.decisions import Outcome, sign_decision
from exam_packages.envelope import seal_result
from exam_packages.package import build_package
from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta
from server_stub.app import build_services
from server_stub.cli import main
from server_stub.clock import from_iso
from server_stub.config import ServerConfig, init_data_dir
from server_stub.service import Principal
from tests.support.clocks import FakeServerClock as FakeClock

from .helpers import EXAM, ROSTER, Running, attempt_key

REPO = Path(__file__).resolve().parents[2]
OPENS, CLOSES = "2025-01-01T08:00:00Z", "2025-01-01T12:00:00Z"  # long past on the real clock


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "server_stub.cli", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def _past_exam(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A data dir with an exam that closed in 2025 and two hand-ins made back then."""
    data = tmp_path / "data"
    init_data_dir(data, ServerConfig(scrypt_n=2**10))
    keys = PackageKeys.generate()
    meta = sample_meta(EXAM, 1)
    meta.update(opens_at=OPENS, closes_at=CLOSES, duration_s=1800)
    meta["policy"]["retention"] = {"evidence_days": 1, "records_days": 2}
    media = tmp_path / "m.png"
    media.write_bytes(b"\x89PNG")
    built = build_package(meta, sample_exam_doc(), {"diagram.png": media},
                          tmp_path / "p.emtihan", keys.author, keys.results.public_key())
    services = build_services(data, clock=FakeClock(from_iso(OPENS) + 60))
    services.service.publish(built.path, None)
    services.service.import_roster(ROSTER, EXAM)
    attempts, blobs = {}, {}
    for student in ("s1", "s2"):
        who = Principal("student", EXAM, student)
        private, public = attempt_key()
        attempt = services.service.start(who, EXAM, public)["attempt_id"]
        result = seal_result(os.urandom(500), {}, keys.results.public_key(), private)
        sha = hashlib.sha256(result).hexdigest()
        upload_id = services.uploads.create(who, len(result), {"attempt_id": attempt,
                                                               "sha256": sha})
        services.uploads.write(who, upload_id, 0, [result])
        attempts[student], blobs[student] = attempt, f"blobs/submissions/{attempt}/{sha}"
    services.service.storage.close()
    return data, attempts, blobs


def test_purge_and_hold_commands(tmp_path: Path) -> None:
    data, attempts, blobs = _past_exam(tmp_path)
    held = _cli("hold", "set", "--attempt", attempts["s2"], "--reason", "appeal", "--data",
                str(data))
    assert held.returncode == 0, held.stderr
    listed = _cli("hold", "list", "--data", str(data))
    assert f"attempt {attempts['s2']}" in listed.stdout and "appeal" in listed.stdout
    dry = _cli("purge", "--dry-run", "--data", str(data))
    assert dry.returncode == 0, dry.stderr
    assert f"would delete 1 hand-ins: {attempts['s1']}/" in dry.stdout
    assert (data / blobs["s1"]).is_file()  # a dry run deletes nothing
    done = _cli("purge", "--data", str(data))
    assert f"deleted 1 hand-ins: {attempts['s1']}/" in done.stdout
    assert f"kept 1 under a legal hold: {attempts['s2']}" in done.stdout
    assert not (data / blobs["s1"]).exists() and (data / blobs["s2"]).is_file()
    bad = _cli("hold", "clear", "--exam", EXAM, "--data", str(data))
    assert bad.returncode == 2 and "no such legal hold" in bad.stderr
    assert (data / blobs["s2"]).is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_purges_periodically(tmp_path: Path) -> None:
    data, attempts, blobs = _past_exam(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    log = tmp_path / "serve.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "server_stub.cli", "serve", "--data",
                                 str(data), "--port", str(_free_port())], cwd=REPO, env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 60
        while any((data / b).exists() for b in blobs.values()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any((data / b).exists() for b in blobs.values())
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    logged = log.read_text("utf-8")  # ids and counts in the server's log, never content
    assert "emtihan.server.purge purge: deleted 2 hand-ins: " in logged
    assert attempts["s1"] in logged and attempts["s2"] in logged
    service = build_services(data).service
    assert service.storage.get_attempt(attempts["s1"]) is None  # records_days passed too
    service.storage.close()


def test_student_sees_own_decisions_only_when_released(running: Running) -> None:
    token = running.login("s1")
    started, _ = running.start(token)
    attempt = started["attempt_id"]
    signed = sign_decision(Ed25519PrivateKey.generate(), reviewer="inv", attempt_id=attempt,
                           exam_id=EXAM, outcome=Outcome.CLEARED, note="ok", evidence_hash="0" * 64)
    with running.client(running.staff_token()) as c:
        assert c.post(f"/v1/review/sessions/{attempt}/decisions",
                      json=signed.to_json()).status_code == 201
    with running.client(token) as c:
        before = c.get(f"/v1/attempts/{attempt}/decisions").json()
    assert before == {"attempt_id": attempt, "released": False, "released_at": None,
                      "decisions": []}
    data = running.server.data_dir
    assert main(["decisions", "release", "--exam", EXAM, "--data", str(data)]) == 0
    with running.client(token) as c:
        after = c.get(f"/v1/attempts/{attempt}/decisions").json()
    assert after["released"] and after["decisions"][0]["decision"] == signed.record
    other = running.login("s2")
    with running.client(other) as c:  # another student: not found, nothing leaks
        r = c.get(f"/v1/attempts/{attempt}/decisions")
    assert r.status_code == 404 and r.json()["error"]["code"] == "attempt_not_found"
    assert main(["decisions", "withdraw", "--exam", EXAM, "--data", str(data)]) == 0
    with running.client(token) as c:
        assert c.get(f"/v1/attempts/{attempt}/decisions").json()["decisions"] == []


def test_local_secret_per_student_and_role(running: Running) -> None:
    def secret(token: str, exam: str = EXAM) -> httpx.Response:
        with running.client(token) as c:
            return c.get(f"/v1/exams/{exam}/local-secret")

    s1 = running.login("s1")
    first = secret(s1).json()["secret"]
    assert len(base64.b64decode(first)) == 32 and secret(s1).json()["secret"] == first
    assert secret(running.login("s2")).json()["secret"] != first
    r = secret(s1, "other-exam")
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    r = secret(running.staff_token())
    assert r.status_code == 403
