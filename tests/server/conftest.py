from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from tests.support.clocks import FakeServerClock as FakeClock

from .helpers import EXAM, ROSTER, T0, Running, make_package


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    """A server on loopback with one published exam (window T0-60 .. T0+3600) and a roster."""
    data = tmp_path / "data"
    init_data_dir(data, ServerConfig(scrypt_n=2**10))
    clock = FakeClock(T0)
    server = EmbeddedServer(data, clock=clock)
    run = Running(server, "", clock)
    service = server.services.service
    built = make_package(tmp_path, run.keys, encrypted=True)
    run.content_key = built.content_key
    service.publish(built.path, built.key_path)
    service.import_roster(ROSTER, EXAM)
    run.url = server.start()
    yield run
    server.stop()
