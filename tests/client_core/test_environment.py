"""The running-software scan against real processes; VM signs report, never block."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from client.core.environment import (
    EnvironmentPolicy,
    EnvironmentReport,
    PeriodicScan,
    check_environment,
    detect_vm,
    scan_processes,
)
from exam_packages.errors import InputError
from exam_packages.model import validate_meta

ROOT = Path(__file__).resolve().parents[2]


def _start(tmp_path: Path, name: str, argv0: str | None = None) -> subprocess.Popen[bytes]:
    """A copy of a harmless binary (sleep) named ``name``, running."""
    exe = tmp_path / name
    shutil.copy("/bin/sleep", exe)
    proc = subprocess.Popen([argv0 or str(exe), "60"], executable=str(exe))
    time.sleep(0.2)
    return proc


@pytest.fixture()
def anydesk(tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    proc = _start(tmp_path, "AnyDesk")  # case-insensitive
    yield proc
    proc.kill()
    proc.wait()


def _mine(findings: list, pid: int) -> list:
    return [f for f in findings if f.pid == pid]


def test_a_running_anydesk_is_found_and_asked_to_close(anydesk) -> None:
    report = check_environment(detect=lambda: "none", dmi_dir=Path("/nonexistent"),
                               cpuinfo=Path("/nonexistent"))
    found = _mine(report.findings, anydesk.pid)
    assert [(f.category, f.action, f.how) for f in found] == [
        ("remote_control", "ask_to_close", "name")]
    assert found[0].path.endswith("/AnyDesk")
    assert found[0] in report.blocking()


def _scan_one(tmp_path: Path, name: str, argv0: str) -> list:
    """Start one renamed binary, scan under the default policy, stop it."""
    proc = _start(tmp_path, name, argv0=argv0)
    try:
        return _mine(scan_processes(EnvironmentPolicy.from_policy()), proc.pid)
    finally:
        proc.kill()
        proc.wait()


def test_renamed_argv0_does_not_hide_the_binary(tmp_path: Path) -> None:
    found = _scan_one(tmp_path, "teamviewer", "innocent-editor")
    assert [(f.category, f.name) for f in found] == [("remote_control", "teamviewer")]


def test_argv0_names_a_listed_tool(tmp_path: Path) -> None:
    found = _scan_one(tmp_path, "helper", "obs")
    assert [(f.category, f.action, f.how) for f in found] == [("recording", "flag", "cmdline")]


def test_the_package_policy_overrides_actions_and_lists(anydesk, tmp_path: Path) -> None:
    allow = EnvironmentPolicy.from_policy({"environment": {"actions": {"remote_control":
                                                                       "allow"}}})
    assert _mine(scan_processes(allow), anydesk.pid) == []
    proc = _start(tmp_path, "examcheat")
    try:
        listed = EnvironmentPolicy.from_policy({"environment": {
            "lists": {"recording": {"names": ["ExamCheat"], "paths": []}},
            "scan_interval_s": 30}})
        found = _mine(scan_processes(listed), proc.pid)
    finally:
        proc.kill()
        proc.wait()
    assert [(f.category, f.action) for f in found] == [("recording", "flag")]
    assert listed.scan_interval_s == 30


def test_a_bad_action_is_refused() -> None:
    with pytest.raises(InputError, match="actions.remote_control: expected one of"):
        EnvironmentPolicy.from_policy({"environment": {"actions": {"remote_control": "kill"}}})
    meta = {"exam_id": "x", "version": 1, "title": "T", "language": "en",
            "opens_at": "2026-12-01T08:00:00Z", "closes_at": "2026-12-01T10:00:00Z",
            "duration_s": 60, "policy": {"environment": {"actions": {"vm": "block"}}}}
    with pytest.raises(InputError, match="environment.actions.vm: expected allow"):
        validate_meta(meta)
    meta["policy"] = {"environment": {"scan_interval_s": 1}}
    with pytest.raises(InputError, match="scan_interval_s: expected seconds >= 10"):
        validate_meta(meta)
    meta["policy"] = {"environment": {"actions": {"recording": "allow"}, "scan_interval_s": 30,
                                      "lists": {"recording": {"names": ["x"]}}}}
    validate_meta(meta)


def test_vm_signs_are_reported_but_never_block(tmp_path: Path) -> None:
    dmi = tmp_path / "dmi"
    dmi.mkdir()
    (dmi / "sys_vendor").write_text("QEMU\n")
    (dmi / "product_name").write_text("Standard PC (Q35 + ICH9, 2009)\n")
    cpu = tmp_path / "cpuinfo"
    cpu.write_text("processor: 0\nflags\t\t: fpu vme sse2 hypervisor lahf_lm\n")
    strict = EnvironmentPolicy.from_policy({"environment": {"actions": {
        "virtual_machine": "ask_to_close"}}})
    found = detect_vm(strict, dmi_dir=dmi, cpuinfo=cpu, detect=lambda: "kvm")
    assert [(f.how, f.name, f.action) for f in found] == [
        ("systemd-detect-virt", "kvm", "flag"), ("dmi:sys_vendor", "QEMU", "flag"),
        ("cpu flag", "hypervisor", "flag")]
    assert EnvironmentReport(found).blocking() == []
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "sys_vendor").write_text("LENOVO\n")
    cpu.write_text("flags\t\t: fpu vme sse2\n")
    assert detect_vm(strict, dmi_dir=bare, cpuinfo=cpu, detect=lambda: "none") == []


def test_the_periodic_scan_reports_each_finding_once(anydesk, tmp_path: Path) -> None:
    scan = PeriodicScan({})
    first = _mine(scan.scan(), anydesk.pid)
    assert [f.name for f in first] == ["AnyDesk"]
    assert _mine(scan.scan(), anydesk.pid) == []
    assert scan.interval_s == 60


def test_check_environment_cli_json(anydesk) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "client.ui.app", "--check-environment",
                          "--json"], capture_output=True, text=True, env=env, timeout=60,
                         check=False)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    mine = [f for f in doc["findings"] if f["pid"] == anydesk.pid]
    assert mine == [{"category": "remote_control", "name": "AnyDesk", "action": "ask_to_close",
                     "pid": anydesk.pid, "path": mine[0]["path"], "how": "name"}]
    assert doc["blocking"] >= 1
    text = subprocess.run([sys.executable, "-m", "client.ui.app", "--check-environment"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert text.returncode == 0
    assert "AnyDesk" in text.stdout and "ask_to_close" in text.stdout
