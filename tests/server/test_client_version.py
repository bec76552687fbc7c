"""``min_client_version``: the real client signs in with its version; older ones are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from client.core.api import ServerClient
from client.i18n.catalogue_path import STUDENT_PATH
from client.ui.errors import error_source
from client.version import __version__
from exam_packages.errors import ApiError, InputError, ServerError
from server_stub.client_version import check_client_version, parse_version
from server_stub.config import ServerConfig, init_data_dir

from .conftest import start_running
from .helpers import EXAM

TOO_OLD = ("This version of the student client is too old for this exam server. Download and "
           "install the current version from your university's exam page, then sign in again.")


def test_versions_compare_by_their_numbers() -> None:
    assert parse_version("0.10.0") == (0, 10, 0) and parse_version("0.10.0") > (0, 9, 3)
    assert parse_version("1.2-beta") is None and parse_version("") is None
    check_client_version("1.0", "1.0.0")  # missing trailing parts count as 0
    check_client_version(None, "")        # no minimum: any client
    with pytest.raises(ApiError) as err:
        check_client_version("0.9.9", "0.10")
    assert err.value.code == "client_too_old" and err.value.status == 426


def test_the_client_sends_its_version_and_an_older_one_is_refused(tmp_path: Path) -> None:
    newer = ".".join(str(int(p) + 1) for p in __version__.split("."))
    run = start_running(tmp_path, min_client_version=newer)
    client = ServerClient(run.url)
    try:
        with pytest.raises(ServerError) as err:
            client.login(EXAM, "s1", "code-one")
        assert err.value.status == 426 and err.value.server_code == "client_too_old"
        assert f"older than the minimum {newer}" in err.value.user_message
        assert client.token is None  # trusted state unchanged: not signed in
        # the student reads what to do, in kk/ru/en
        assert error_source(err.value) == TOO_OLD
        kazakh, russian = STUDENT_PATH[TOO_OLD]
        assert "нұсқасын" in kazakh and "текущую версию" in russian
        # a client that sends no version at all is refused too
        resp = requests.post(run.url + "/v1/auth/login", timeout=10, json={
            "exam_id": EXAM, "student_id": "s1", "access_code": "code-one"})
        assert resp.status_code == 426 and resp.json()["error"]["code"] == "client_too_old"
    finally:
        client.close()
        run.server.stop()


def test_the_current_client_signs_in_at_the_minimum(tmp_path: Path) -> None:
    run = start_running(tmp_path, min_client_version=__version__)
    client = ServerClient(run.url)
    try:
        assert client.login(EXAM, "s1", "code-one")["student_id"] == "s1"
    finally:
        client.close()
        run.server.stop()


def test_a_malformed_minimum_is_refused_at_load(tmp_path: Path) -> None:
    init_data_dir(tmp_path, ServerConfig())
    config = json.loads((tmp_path / "config.json").read_text())
    (tmp_path / "config.json").write_text(json.dumps(dict(config, min_client_version="v2")))
    with pytest.raises(InputError, match="not a dotted version"):
        ServerConfig.load(tmp_path)
