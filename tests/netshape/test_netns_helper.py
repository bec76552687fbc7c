"""The namespace helper's skip reasons, cleanup on failure and stale-namespace reaping.

These replace ``netns.run`` with a fake that records commands, so they need neither
root nor iproute2 and run in milliseconds.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Sequence

import pytest

from tests.netshape import netns

Answer = Callable[[list[str]], subprocess.CompletedProcess[str]]


def _ok(stdout: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess([], 0, stdout, "")


def _fail(stderr: str) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess([], 2, "", stderr)


class FakeRun:
    """Stands in for ``netns.run``: records every command, answers via ``answer``."""

    def __init__(self, answer: Answer) -> None:
        self.calls: list[list[str]] = []
        self.answer = answer

    def __call__(self, cmd: Sequence[str], check: bool = True
                 ) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(cmd))
        proc = self.answer(list(cmd))
        if check and proc.returncode != 0:
            raise netns.NetnsError(f"{' '.join(cmd)} failed: {proc.stderr}")
        return proc

    def deleted(self) -> list[str]:
        return [c[3] for c in self.calls if c[:3] == ["ip", "netns", "del"]]


@pytest.fixture
def root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(netns.os, "geteuid", lambda: 0)


def test_not_root_is_a_skip_reason_and_touches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeRun(lambda cmd: _ok())
    monkeypatch.setattr(netns, "run", fake)
    monkeypatch.setattr(netns.os, "geteuid", lambda: 1000)
    assert netns.netns_unavailable() == "needs root to create network namespaces (ip netns add)"
    assert fake.calls == []


def test_missing_iproute2_is_a_skip_reason(monkeypatch: pytest.MonkeyPatch, root: None) -> None:
    def missing(cmd: Sequence[str], check: bool = True) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError(cmd[0])

    monkeypatch.setattr(netns, "run", missing)
    assert netns.netns_unavailable() == "iproute2 (ip, tc) is not installed"


def test_netns_add_refused_is_a_skip_reason(monkeypatch: pytest.MonkeyPatch, root: None) -> None:
    fake = FakeRun(lambda cmd: _fail("mount --make-shared /run/netns failed: Permission denied"))
    monkeypatch.setattr(netns, "run", fake)
    assert netns.netns_unavailable() == (
        "'ip netns add' failed: mount --make-shared /run/netns failed: Permission denied")
    assert fake.deleted() == []  # nothing was made, nothing to delete


def test_missing_tbf_is_a_skip_reason_and_the_probe_namespace_is_deleted(
        monkeypatch: pytest.MonkeyPatch, root: None) -> None:
    def answer(cmd: list[str]) -> subprocess.CompletedProcess[str]:
        return _fail("Specified qdisc kind is unknown.") if "tbf" in cmd else _ok()

    fake = FakeRun(answer)
    monkeypatch.setattr(netns, "run", fake)
    assert netns.netns_unavailable() == "tc tbf is not available: Specified qdisc kind is unknown."
    added = [c[3] for c in fake.calls if c[:3] == ["ip", "netns", "add"]]
    assert len(added) == 1 and added[0].startswith(f"emt-probe-{os.getpid()}-")
    assert fake.deleted() == added


def test_failed_build_deletes_the_namespaces_it_made(monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(cmd: list[str]) -> subprocess.CompletedProcess[str]:
        return _fail("RTNETLINK answers: File exists") if cmd[:3] == ["ip", "link", "add"] \
            else _ok()

    fake = FakeRun(answer)
    monkeypatch.setattr(netns, "run", fake)
    with pytest.raises(netns.NetnsError, match="RTNETLINK answers: File exists"):
        netns.ShapedLink()
    added = [c[3] for c in fake.calls if c[:3] == ["ip", "netns", "add"]]
    assert len(added) == 2 and sorted(fake.deleted()) == sorted(added)


def test_shape_puts_tbf_on_both_veth_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeRun(lambda cmd: _ok())
    monkeypatch.setattr(netns, "run", fake)
    link = netns.ShapedLink()
    link.shape(256)
    tbf = [c for c in fake.calls if "tbf" in c]
    assert [c[3] for c in tbf] == [link.server_ns, link.client_ns]
    for cmd in tbf:
        rate = cmd[cmd.index("rate") + 1]
        burst = int(cmd[cmd.index("burst") + 1])
        assert rate == "256kbit" and 1514 <= burst <= 4096
    assert link.rate_kbit == 256
    link.close()
    assert sorted(fake.deleted()) == sorted([link.server_ns, link.client_ns])


def test_reap_stale_deletes_only_our_namespaces_of_dead_runs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    dead = 2**31 - 2  # above any pid_max, so no such process
    listing = (f"emt-s-{dead}-0 (id: 4)\nemt-c-{dead}-0 (id: 5)\n"
               f"emt-s-{os.getpid()}-7 (id: 6)\nsomeone-elses\nemt-s-x-1\n")

    def answer(cmd: list[str]) -> subprocess.CompletedProcess[str]:
        return _ok(listing) if cmd == ["ip", "netns", "list"] else _ok()

    fake = FakeRun(answer)
    monkeypatch.setattr(netns, "run", fake)
    assert netns.reap_stale() == [f"emt-s-{dead}-0", f"emt-c-{dead}-0"]
    assert fake.deleted() == [f"emt-s-{dead}-0", f"emt-c-{dead}-0"]
