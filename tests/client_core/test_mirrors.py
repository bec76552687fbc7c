"""Package mirrors end to end: a real server lists two local HTTP mirrors; the client
tries them first and verifies their copy exactly like the server's (SHA-256 from the
listing, author signature, rollback), falling back to the server when a mirror serves
a tampered or an older package. Mirrors never see the sign-in token."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from client.core.api import ServerClient
from client.core.mirrors import fetch_package
from client.core.session import AttemptSession, SessionConfig
from exam_packages.errors import EmtihanError, RollbackError
from exam_packages.package import BuildResult, build_package, verify_package
from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta
from exam_packages.rollback import RollbackStore
from server_stub.clock import to_iso
from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from tests.support.clocks import FakeClock
from tests.support.clocks import FakeServerClock as ServerClock

T0 = 1_800_000_000
EXAM = "phys-101-final"


class Mirror:
    """A plain static HTTP server over a directory (a school mirror, a CDN edge)."""

    def __init__(self, root: Path) -> None:
        self.root, self.seen = root, []  # (path, Authorization header or None)
        root.mkdir(parents=True)
        seen = self.seen

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                seen.append((self.path, self.headers.get("Authorization")))
                super().do_GET()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/pkgs"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def serve(self, sha: str, data: bytes) -> None:
        (self.root / "pkgs" / EXAM).mkdir(parents=True, exist_ok=True)
        (self.root / "pkgs" / EXAM / f"{sha}.emtihan").write_bytes(data)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@dataclass
class World:
    server: EmbeddedServer
    keys: PackageKeys
    old: BuildResult
    new: BuildResult
    mirrors: list[Mirror] = field(default_factory=list)

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.new.path.read_bytes()).hexdigest()


def _build(tmp_path: Path, keys: PackageKeys, version: int) -> BuildResult:
    meta = sample_meta(EXAM, version)
    meta.update(opens_at=to_iso(T0 - 60), closes_at=to_iso(T0 + 7200), duration_s=1800)
    media = tmp_path / "diagram.png"
    media.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 200)
    return build_package(meta, sample_exam_doc(), {"diagram.png": media},
                         tmp_path / f"v{version}.emtihan", keys.author,
                         keys.results.public_key())


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    mirrors = [Mirror(tmp_path / f"mirror{i}") for i in range(2)]
    data = tmp_path / "server"
    init_data_dir(data, ServerConfig(scrypt_n=2**10, package_mirrors=[m.url for m in mirrors]))
    keys = PackageKeys.generate()
    old, new = _build(tmp_path, keys, 1), _build(tmp_path, keys, 2)
    server = EmbeddedServer(data, clock=ServerClock(T0))
    server.services.service.publish(new.path)
    server.services.service.import_roster("s1,Aida,code-one\n", EXAM)
    server.start()
    world = World(server, keys, old, new, mirrors)
    yield world
    server.stop()
    for m in mirrors:
        m.stop()


def _session(world: World, tmp_path: Path) -> tuple[AttemptSession, list[str]]:
    client = ServerClient(world.server.base_url, timeout=(2, 10))
    urls: list[str] = []
    client.session.hooks["response"].append(lambda r, *a, **k: urls.append(r.url))
    config = SessionConfig(tmp_path / "client", world.keys.trust(), FakeClock(wall=T0 + 5))
    session = AttemptSession(config, client)
    session.sign_in(EXAM, "s1", "code-one")
    return session, urls


def test_a_good_mirror_serves_the_package_and_the_server_does_not(world: World,
                                                                  tmp_path: Path) -> None:
    world.mirrors[0].serve(world.sha, world.new.path.read_bytes())
    session, urls = _session(world, tmp_path)
    path = session.download_package()
    assert path.read_bytes() == world.new.path.read_bytes()
    assert world.mirrors[0].seen == [(f"/pkgs/{EXAM}/{world.sha}.emtihan", None)]  # no token
    assert not any(u.endswith("/package") for u in urls)


def test_tampered_and_older_mirrors_are_refused_then_the_server_serves(world: World,
                                                                      tmp_path: Path) -> None:
    tampered = bytearray(world.new.path.read_bytes())
    tampered[len(tampered) // 2] ^= 0x01
    world.mirrors[0].serve(world.sha, bytes(tampered))
    world.mirrors[1].serve(world.sha, world.old.path.read_bytes())  # signed, but version 1
    session, urls = _session(world, tmp_path)
    path = session.download_package()
    assert path.read_bytes() == world.new.path.read_bytes()
    assert [len(m.seen) for m in world.mirrors] == [1, 1]
    assert all(auth is None for m in world.mirrors for _, auth in m.seen)
    assert any(u.endswith(f"/v1/exams/{EXAM}/package") for u in urls)
    events = session._log().read_bytes().decode()  # noqa: SLF001
    assert events.count("package_mirror_refused") == 2 and "integrity" in events
    assert RollbackStore(tmp_path / "client" / "rollback.json").highest(EXAM) == 2


def test_without_a_listed_hash_the_signature_and_rollback_still_decide(world: World,
                                                                       tmp_path: Path) -> None:
    rollback = RollbackStore(tmp_path / "rollback.json")
    rollback.record(EXAM, 2)  # this computer has seen version 2 already
    world.mirrors[0].serve("any", world.old.path.read_bytes())
    client = ServerClient(world.server.base_url, timeout=(2, 10))
    client.login(EXAM, "s1", "code-one")
    refused: list[tuple[str, EmtihanError]] = []
    entry = {"exam_id": EXAM, "mirrors": [f"{world.mirrors[0].url}/{EXAM}/any.emtihan"]}
    path = fetch_package(client, entry, tmp_path / "p.emtihan", None,
                         verify=lambda p: verify_package(p, world.keys.trust(),
                                                         rollback=rollback, check_window=False),
                         refused=lambda url, exc: refused.append((url, exc)))
    client.close()
    assert isinstance(refused[0][1], RollbackError)
    assert path.read_bytes() == world.new.path.read_bytes() and rollback.highest(EXAM) == 2
