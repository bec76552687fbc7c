"""client.core against the real embedded server (server_stub) on 127.0.0.1."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from client.core.api import ServerClient
from client.core.handin import open_handin
from client.core.session import AttemptSession, SessionConfig, Step
from exam_packages.errors import OfflineError, ServerError
from exam_packages.package import build_package
from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta
from server_stub.clock import to_iso
from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from tests.support.clocks import FakeClock
from tests.support.clocks import FakeServerClock as ServerClock

T0 = 1_800_000_000
EXAM = "phys-101-final"
ROSTER = "student_id,name,access_code,extra_time_s\ns1,Aida,code-one,0\n"


@dataclass
class World:
    server: EmbeddedServer
    data: Path
    url: str
    keys: PackageKeys
    server_clock: ServerClock
    package_sha: str


def _start_server(data: Path, clock: ServerClock, port: int = 0) -> EmbeddedServer:
    server = EmbeddedServer(data, clock=clock, port=port)
    server.start()
    return server


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    data = tmp_path / "server"
    init_data_dir(data, ServerConfig(scrypt_n=2**10))
    clock = ServerClock(T0)
    keys = PackageKeys.generate()
    meta = sample_meta(EXAM, 1)
    meta.update(opens_at=to_iso(T0 - 60), closes_at=to_iso(T0 + 7200), duration_s=1800)
    media = tmp_path / "diagram.png"
    media.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400)
    built = build_package(meta, sample_exam_doc(), {"diagram.png": media},
                          tmp_path / "exam.emtihan", keys.author, keys.results.public_key(),
                          encrypt=True)
    server = EmbeddedServer(data, clock=clock)
    server.services.service.publish(built.path, built.key_path)
    server.services.service.import_roster(ROSTER, EXAM)
    url = server.start()
    sha = hashlib.sha256(built.path.read_bytes()).hexdigest()
    world = World(server, data, url, keys, clock, sha)
    yield world
    world.server.stop()


def _client(world: World) -> ServerClient:
    client = ServerClient(world.url, timeout=(2, 10))
    client.sleep = lambda s: None  # type: ignore[attr-defined]
    client.upload_retries = 1  # type: ignore[attr-defined]
    return client


def test_api_calls_against_real_server(world: World, tmp_path: Path) -> None:
    client = _client(world)
    with pytest.raises(ServerError) as err:
        client.login(EXAM, "s1", "wrong")
    assert err.value.status == 401 and err.value.server_code == "bad_credentials"
    client.login(EXAM, "s1", "code-one")
    key = client.pin_server_key()
    exams = client.list_exams()
    assert exams[0]["package_sha256"] == world.package_sha
    # a partial download left behind by a dropped connection resumes with Range
    full = client.session.get(f"{world.url}/v1/exams/{EXAM}/package", timeout=5,
                              headers={"Authorization": f"Bearer {client.token}"})
    dest = tmp_path / "pkg.emtihan"
    (tmp_path / "pkg.emtihan.part").write_bytes(full.content[:50_000])
    (tmp_path / "pkg.emtihan.part.etag").write_text(full.headers["ETag"])
    seen: list[tuple[int, int]] = []
    client.download_package(EXAM, dest, lambda d, t: seen.append((d, t)), world.package_sha)
    assert dest.read_bytes() == full.content
    assert seen[0][0] > 50_000 and seen[0][0] <= 50_000 + 65_536
    assert seen[-1] == (len(full.content), len(full.content))
    bw = client.measure_bandwidth()
    assert bw.download_kbps > 0 and bw.upload_kbps > 0 and bw.latency_ms >= 0
    assert client.server_public == key
    client.close()


def test_session_offline_then_online_outbox(world: World, tmp_path: Path) -> None:
    clock = FakeClock(wall=T0 + 5)
    config = SessionConfig(tmp_path / "client", world.keys.trust(), clock)
    session = AttemptSession(config, _client(world))
    session.sign_in(EXAM, "s1", "code-one")
    session.download_package()
    session.check_bandwidth()
    for name in ("camera", "audio"):
        session.record_check(name, {"ok": True}, True)
    session.finish_checks()
    session.consent(True)
    session.record_identity({"outcome": "match", "distance": 0.31})
    info = session.start()
    assert session.remaining_s() == 1800 and info.content_key is not None
    for qid in session.question_ids():
        session.set_answer(qid, {"q1": "a", "q2": True, "q3": "9.81"}[qid])
    port = world.server.port
    world.server.stop()  # the network goes away
    outcome = session.submit()
    assert outcome.queued and session.step == Step.SUBMITTING
    blob = session.outbox.envelope_path(outcome.job).read_bytes()  # kept until the receipt
    with pytest.raises(OfflineError):
        session.server.list_exams()  # type: ignore[union-attr]
    world.server = _start_server(world.data, world.server_clock, port)
    world.server_clock.advance(60)
    outcome = session.retry_outbox()
    assert session.step == Step.SUBMITTED and outcome.receipt is not None
    receipt = outcome.receipt["receipt"]
    assert receipt["attempt_id"] == info.attempt_id and receipt["late"] is False
    assert not session.outbox.envelope_path(outcome.job).exists()  # wiped after the receipt
    assert receipt["sha256"] == hashlib.sha256(blob).hexdigest()
    opened = open_handin(blob, world.keys.results)
    assert opened.answers == {"q1": "a", "q2": True, "q3": "9.81"}
    session.close()
    session.server.close()  # type: ignore[union-attr]


CHILD = r"""
import sys
from pathlib import Path
from client.core.api import ServerClient
from client.core.session import AttemptSession, SessionConfig
from exam_packages.trust import TrustStore

url, data_dir, trust_file = sys.argv[1:4]
config = SessionConfig(Path(data_dir), TrustStore.load(Path(trust_file)))
session = AttemptSession(config, ServerClient(url))
session.sign_in("phys-101-final", "s1", "code-one")
session.download_package()
session.check_bandwidth()
for name in ("camera", "audio"):
    session.record_check(name, {"ok": True}, True)
session.finish_checks()
session.consent(True)
session.record_identity({"outcome": "match"})
session.start()
session.set_answer("q1", "a")
session.set_answer("q2", True)
i = 0
while True:
    session.set_answer("q3", str(i))
    print(i, flush=True)
    i += 1
"""


def test_kill_9_mid_exam_then_sign_in_resumes_everything(world: World, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    trust_file = tmp_path / "trust.json"
    world.keys.trust().save(trust_file)
    data_dir = tmp_path / "client"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", CHILD, world.url, str(data_dir),
                             str(trust_file)], cwd=root, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    last = -1
    for line in proc.stdout:
        last = int(line)
        if last >= 15:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    config = SessionConfig(data_dir, world.keys.trust())
    session = AttemptSession(config, _client(world))
    session.sign_in(EXAM, "s1", "code-one")
    assert session.step == Step.STARTED, session.warnings
    assert session.answers["q1"] == "a" and session.answers["q2"] is True
    assert int(session.answers["q3"]) >= last
    assert 0 < session.remaining_s() <= 1800
    outcome = session.submit()
    assert outcome.receipt is not None
    service = world.server.services.service  # wiped here after the receipt: read the server's
    sub = service.storage.list_submissions(session.attempt_id)[-1]
    blob = b"".join(service.blobs.read_range(sub["blob_key"], 0, sub["size"] - 1))
    opened = open_handin(blob, world.keys.results)
    assert opened.answers == session.answers
    assert b'"kind":"resumed"' in opened.log_bytes
    session.close()
    session.server.close()  # type: ignore[union-attr]
