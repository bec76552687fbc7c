"""Bandwidth check against the real server over a link shaped with ``tc tbf``.

Two network namespaces of our own joined by a veth pair; both ends shaped with tbf
(download = server egress, upload = client egress). ``emtihan-server serve`` runs in
the server namespace; the client session runs as a child process in the client
namespace (a Python thread cannot switch namespace safely) and prints JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from exam_packages.package import build_package
from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta

from .netns import SERVER_IP, ShapedLink, netns_unavailable, reap_stale

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PORT = 8765
EXAM = "phys-101-final"
MIN_KBPS = 512
TOLERANCE = 0.15
# 560 kbit/s: a link 9% above the minimum, where goodput (~95% of the link) clears 512.
STUDENTS = {rate: (f"s{rate}", f"code-{rate}") for rate in (512, 256, 560)}


@dataclass
class Rig:
    link: ShapedLink
    url: str
    trust_file: Path
    work: Path
    results: dict[int, dict[str, Any]] = field(default_factory=dict)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _prepare_server(work: Path) -> Path:
    """Init a data dir, publish an encrypted sample exam (min 512 kbit/s), add a roster."""
    from server_stub.app import build_services
    from server_stub.config import ServerConfig, init_data_dir
    from server_stub.storage import open_storage

    data = work / "server"
    config = init_data_dir(data, ServerConfig(scrypt_n=2**10))
    open_storage(config.storage, data).close()
    keys = PackageKeys.generate()
    now = datetime.now(UTC)
    meta = sample_meta(EXAM, 1)
    meta.update(opens_at=_iso(now - timedelta(minutes=5)),
                closes_at=_iso(now + timedelta(hours=2)), duration_s=1800)
    assert meta["policy"]["required_checks"]["min_bandwidth_kbps"] == MIN_KBPS
    media = work / "diagram.png"
    media.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    built = build_package(meta, sample_exam_doc(), {"diagram.png": media},
                          work / "exam.emtihan", keys.author, keys.results.public_key(),
                          encrypt=True)
    service = build_services(data).service
    service.publish(built.path, built.key_path)
    roster = "".join(f"{sid},Student {sid},{code}\n" for sid, code in STUDENTS.values())
    service.import_roster("student_id,name,access_code\n" + roster, EXAM)
    trust_file = work / "trust.json"
    keys.trust().save(trust_file)
    return data


def _listening(pid: int, port: int) -> bool:
    """Is ``pid`` (in its own namespace) listening on TCP ``port``? Reads /proc/PID/net/tcp."""
    try:
        lines = Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return False
    return any(f":{port:04X}" in line.split()[1] and line.split()[3] == "0A" for line in lines)


def _start_server(link: ShapedLink, data: Path, work: Path) -> subprocess.Popen[bytes]:
    with open(work / "server.log", "wb") as log:  # the child keeps its own copy of the fd
        proc = subprocess.Popen(
            [*link.exec_prefix(link.server_ns), str(BIN / "emtihan-server"), "serve",
             "--data", str(data), "--host", SERVER_IP, "--port", str(PORT)],
            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while not _listening(proc.pid, PORT):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            pytest.fail("server did not start:\n" + (work / "server.log").read_text())
        time.sleep(0.1)
    return proc


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    reason = netns_unavailable()
    if reason:
        pytest.skip(reason)
    reap_stale()
    work = tmp_path_factory.mktemp("netshape")
    data = _prepare_server(work)
    link = ShapedLink()
    server: subprocess.Popen[bytes] | None = None
    try:
        server = _start_server(link, data, work)
        yield Rig(link, f"http://{SERVER_IP}:{PORT}", work / "trust.json", work)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        link.close()


def _measure(rig: Rig, rate_kbit: int) -> dict[str, Any]:
    """Shape the link to ``rate_kbit`` and run the client session once (cached per rate)."""
    if rate_kbit in rig.results:
        return rig.results[rate_kbit]
    rig.link.shape(rate_kbit)
    student, code = STUDENTS[rate_kbit]
    cmd = [*rig.link.exec_prefix(rig.link.client_ns), sys.executable, "-m",
           "tests.netshape.probe", rig.url, str(rig.work / f"client-{rate_kbit}"),
           str(rig.trust_file), EXAM, student, code]
    # No proxy from the environment: the server is reached directly inside the namespaces.
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=90,
                          check=False, env=env)
    assert proc.returncode == 0, proc.stderr
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"\nshaped {rate_kbit} kbit/s: {json.dumps(out)}\n{rig.link.qdisc_stats()}")
    rig.results[rate_kbit] = out
    return out


def _assert_within(measured: int, rate_kbit: int, what: str) -> None:
    error = abs(measured - rate_kbit) / rate_kbit
    assert error <= TOLERANCE, (
        f"{what} {measured} kbit/s is {error:.0%} off the shaped {rate_kbit} kbit/s")


@pytest.mark.parametrize("rate_kbit", [512, 256, 560])
def test_measured_rate_is_within_15_percent_of_shaped_rate(rig: Rig, rate_kbit: int) -> None:
    out = _measure(rig, rate_kbit)
    _assert_within(out["result"]["download_kbps"], rate_kbit, "download")
    _assert_within(out["result"]["upload_kbps"], rate_kbit, "upload")
    assert out["check"]["download_kbps"] == out["result"]["download_kbps"]
    assert out["check"]["required_kbps"] == MIN_KBPS


def test_256_kbit_link_fails_the_check_with_the_user_facing_reason(rig: Rig) -> None:
    out = _measure(rig, 256)
    assert out["check"]["passed"] is False
    assert out["finish_error"] == ("SessionStateError: These checks must pass first: "
                                   "bandwidth.")
    assert out["step"] == "package_ready"  # the session did not move on


def test_link_above_the_minimum_passes_the_check(rig: Rig) -> None:
    out = _measure(rig, 560)
    assert min(out["result"]["download_kbps"], out["result"]["upload_kbps"]) >= MIN_KBPS
    assert out["check"]["passed"] is True
    assert out["finish_error"] is None
    assert out["step"] == "checks_done"


def test_512_kbit_link_passes_the_check(rig: Rig) -> None:
    out = _measure(rig, 512)
    assert out["check"]["passed"] is True
    assert out["finish_error"] is None
    assert out["step"] == "checks_done"
