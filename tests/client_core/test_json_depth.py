"""Issue 10: JSON the client did not write is parsed with a depth bound (typed errors)."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from client.core.api import ServerClient
from client.core.autosave import CURRENT, AutosaveStore
from exam_packages.errors import LocalStateError, NetworkError

from .keysources import StaticKeys


def test_deep_autosave_is_a_local_state_error(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path, StaticKeys(bytes(32)))
    deep = b"[" * 50_000 + b"]" * 50_000
    (tmp_path / CURRENT).write_bytes(store._seal(deep, CURRENT))
    with pytest.raises(LocalStateError, match="unexpected layout"):
        store.read_snapshot(tmp_path / CURRENT)


class _Deep(requests.adapters.BaseAdapter):
    def send(self, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:
        response = requests.Response()
        response.status_code = 200
        response._content = b"[" * 50_000 + b"]" * 50_000
        response.request = request
        return response

    def close(self) -> None:
        pass


def test_deep_server_answer_is_a_network_error() -> None:
    session = requests.Session()
    session.mount("http://", _Deep())
    client = ServerClient("http://server.invalid", session=session)
    with pytest.raises(NetworkError, match="not JSON"):
        client.list_exams()
