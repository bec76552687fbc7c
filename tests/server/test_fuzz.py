"""Bounded schemathesis fuzz of the published OpenAPI spec: no 500, ever; JSON errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.specs.openapi.schemas import OpenApiSchema

from exam_packages.pkg_testing import PackageKeys
from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from tests.support.clocks import FakeServerClock as FakeClock

from .helpers import CODES, EXAM, ROSTER, T0, make_package

pytestmark = pytest.mark.slow
AUTH: dict[str, str] = {}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenApiSchema]:
    tmp = tmp_path_factory.mktemp("fuzz")
    init_data_dir(tmp / "data", ServerConfig(scrypt_n=2**10))
    server = EmbeddedServer(tmp / "data", clock=FakeClock(T0))
    service = server.services.service
    service.publish(make_package(tmp, PackageKeys.generate()).path, None)
    service.import_roster(ROSTER, EXAM)
    url = server.start()
    AUTH["student"] = service.login(EXAM, "s1", CODES["s1"])["token"]
    AUTH["admin"] = service.create_token("admin", 3600)[0]
    yield schemathesis.openapi.from_url(f"{url}/openapi.json")
    server.stop()


def _check(case: Case) -> None:
    role = "admin" if case.path.startswith("/v1/review") else "student"
    response = case.call(headers={"Authorization": f"Bearer {AUTH[role]}"}, timeout=10)
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
    if response.status_code >= 400 and case.method != "HEAD":
        error = response.json()["error"]
        assert error["code"] and error["message"]


def test_no_server_errors(api_schema: OpenApiSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15  # every documented endpoint is fuzzed
    for operation in operations:
        run = settings(max_examples=50, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(
            given(case=operation.as_strategy())(_check))
        run()
