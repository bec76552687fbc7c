"""Run the server in-process on a free loopback port in a background thread.

    server = EmbeddedServer(data_dir)        # data_dir initialised if needed
    base_url = server.start()                # "http://127.0.0.1:PORT"
    ...
    server.stop()
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from exam_packages.errors import EmtihanError

from .app import build_services, create_app
from .clock import Clock
from .config import CONFIG_NAME, init_data_dir
from .deps import Services
from .storage import SqlStorage


class EmbeddedServer:
    def __init__(self, data_dir: Path | str, *, host: str = "127.0.0.1", port: int = 0,
                 clock: Clock | None = None, check_envelope: bool = True,
                 storage: SqlStorage | None = None, **config_overrides: Any) -> None:
        self.data_dir = Path(data_dir)
        if not (self.data_dir / CONFIG_NAME).exists():
            init_data_dir(self.data_dir)
        self.host, self.port = host, port
        self.services: Services = build_services(
            self.data_dir, clock=clock, check_envelope=check_envelope, storage=storage,
            **config_overrides)
        self.app = create_app(self.services)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.base_url = ""

    def start(self, timeout_s: float = 10.0) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", lifespan="off",
                                timeout_graceful_shutdown=2)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name="emtihan-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise EmtihanError("the embedded server did not start", code="server_start")
            time.sleep(0.01)
        self.base_url = f"http://{self.host}:{self.port}"
        return self.base_url

    def stop(self, *, close_storage: bool = True) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if close_storage:
            self.services.service.storage.close()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
