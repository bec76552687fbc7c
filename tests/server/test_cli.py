"""emtihan-server CLI: init, publish, roster import, tokens create, export."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest

from exam_packages.envelope import seal_result
from exam_packages.pkg_testing import PackageKeys
from server_stub.app import build_services
from server_stub.cli import main
from server_stub.config import ServerConfig, init_data_dir
from server_stub.service import Principal
from tests.support.clocks import FakeServerClock as FakeClock

from .helpers import EXAM, ROSTER, T0, attempt_key, make_package


@pytest.fixture
def data(tmp_path: Path) -> Path:
    assert main(["init", "--data", str(tmp_path / "data")]) == 0
    init_data_dir(tmp_path / "data", ServerConfig(scrypt_n=2**10))  # cheap hashes for tests
    return tmp_path / "data"


def test_init_creates_private_key(data: Path) -> None:
    mode = stat.S_IMODE((data / "server_key.pem").stat().st_mode)
    assert mode == 0o600
    assert (data / "server.db").is_file()
    assert json.loads((data / "config.json").read_text())["storage"] == "sqlite"


def test_publish_roster_tokens_export(data: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    keys = PackageKeys.generate()
    built = make_package(tmp_path, keys, encrypted=True)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, "utf-8")
    assert main(["publish", str(built.path), "--data", str(data), "--content-key",
                 str(built.key_path)]) == 0
    assert main(["roster", "import", str(roster), "--exam", EXAM, "--data", str(data)]) == 0
    capsys.readouterr()
    assert main(["tokens", "create", "--role", "invigilator", "--data", str(data)]) == 0
    token = capsys.readouterr().out.strip()
    assert build_services(data).service.authenticate(token) == Principal("invigilator")
    services = build_services(data, clock=FakeClock(T0))  # inside the exam window
    service = services.service
    assert service.storage.get_student(EXAM, "s2")["extra_time_s"] == 600
    assert "code-one" not in (data / "server.db").read_bytes().decode("latin-1")
    student = Principal("student", EXAM, "s1")
    private, public = attempt_key()
    attempt = service.start(student, EXAM, public)["attempt_id"]
    result = seal_result(b"answers", {}, keys.results.public_key(), private)
    upload_id = services.uploads.create(student, len(result), {
        "attempt_id": attempt, "sha256": hashlib.sha256(result).hexdigest()})
    services.uploads.write(student, upload_id, 0, [result])
    service.storage.close()
    assert main(["export", "--exam", EXAM, "--out", str(tmp_path / "out"), "--data",
                 str(data)]) == 0
    sessions = json.loads((tmp_path / "out" / "sessions.json").read_text())
    assert [s["attempt_id"] for s in sessions] == [attempt]
    sha = hashlib.sha256(result).hexdigest()
    assert (tmp_path / "out" / attempt / f"{sha}.bin").read_bytes() == result
    receipt = json.loads((tmp_path / "out" / attempt / f"{sha}.receipt.json").read_text())
    assert receipt["receipt"]["sha256"] == sha


def test_publish_encrypted_without_key_refused(data: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    built = make_package(tmp_path, PackageKeys.generate(), encrypted=True)
    assert main(["publish", str(built.path), "--data", str(data)]) == 2
    assert "--content-key" in capsys.readouterr().err
    assert build_services(data).service.storage.get_exam(EXAM) is None


def test_publish_older_version_refused(data: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    keys = PackageKeys.generate()
    (tmp_path / "v2").mkdir()
    (tmp_path / "v1").mkdir()
    newer = make_package(tmp_path / "v2", keys, version=2)
    older = make_package(tmp_path / "v1", keys, version=1)
    assert main(["publish", str(newer.path), "--data", str(data)]) == 0
    assert main(["publish", str(older.path), "--data", str(data)]) == 2
    assert "older than the published version 2" in capsys.readouterr().err
    assert build_services(data).service.storage.get_exam(EXAM)["version"] == 2


def test_roster_bad_row_refused(data: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("s1,Aida,code,1.5\n", "utf-8")
    assert main(["roster", "import", str(roster), "--exam", EXAM, "--data", str(data)]) == 2
    assert "extra_time_s must be a whole number" in capsys.readouterr().err
    assert build_services(data).service.storage.get_student(EXAM, "s1") is None


def test_not_a_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tokens", "create", "--role", "admin", "--data", str(tmp_path)]) == 2
    assert "emtihan-server init" in capsys.readouterr().err
    assert not (tmp_path / "server.db").exists()
