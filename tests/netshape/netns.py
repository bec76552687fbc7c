"""Two network namespaces joined by a veth pair, each end shaped with ``tc tbf``.

``ShapedLink()`` creates ``emt-s-<pid>-<n>`` (server, 10.231.7.1/30) and
``emt-c-<pid>-<n>`` (client, 10.231.7.2/30); ``shape(rate_kbit)`` puts (or replaces)
a tbf qdisc on the egress of both veth ends, so download and upload are limited to
the same rate; ``close()`` deletes both namespaces (the veth pair goes with them).
Only addresses inside these private namespaces are used.

``netns_unavailable()`` says why the test cannot run here (None when it can);
``reap_stale()`` deletes namespaces of ours left by a run that was killed (its pid is gone).
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
from collections.abc import Sequence

SERVER_IP = "10.231.7.1"
CLIENT_IP = "10.231.7.2"
PREFIX = 30
# A small bucket (one full 1514-byte frame, the largest a veth with MTU 1500 hands to tbf,
# plus a little) so the initial burst does not inflate a measurement of a few seconds.
BURST_BYTES = 1600
# Queue limit expressed as delay: deep enough that TCP is not starved by tail drops. At
# 200 ms the 256 kbit/s queue held ~4 frames: the upload lost 234 packets to tail drops and
# measured 191 kbit/s of goodput in some runs (the flaky netshape failure); at 400 ms (a
# home router's uplink buffer is usually deeper still) it measures 250 kbit/s every time.
LATENCY_MS = 400

_counter = itertools.count()
_OURS = re.compile(r"^emt-(?:s|c|probe)-(\d+)-\d+$")


class NetnsError(RuntimeError):
    """A namespace/tc command failed (message has the command and its stderr)."""


def run(cmd: Sequence[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(list(cmd), capture_output=True, text=True, timeout=20, check=False)
    if check and proc.returncode != 0:
        raise NetnsError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return proc


def netns_unavailable() -> str | None:
    """Why shaped-link tests cannot run here, or None if they can (probes a namespace)."""
    if os.geteuid() != 0:
        return "needs root to create network namespaces (ip netns add)"
    probe = f"emt-probe-{os.getpid()}-{next(_counter)}"
    try:
        made = run(["ip", "netns", "add", probe], check=False)
    except FileNotFoundError:
        return "iproute2 (ip, tc) is not installed"
    if made.returncode != 0:
        return f"'ip netns add' failed: {made.stderr.strip()}"
    try:
        tbf = run(["ip", "netns", "exec", probe, "tc", "qdisc", "add", "dev", "lo", "root",
                   "tbf", "rate", "512kbit", "burst", str(BURST_BYTES), "latency", "50ms"],
                  check=False)
        if tbf.returncode != 0:
            return f"tc tbf is not available: {tbf.stderr.strip()}"
    except FileNotFoundError:
        return "tc (iproute2) is not installed"
    finally:
        run(["ip", "netns", "del", probe], check=False)
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_stale() -> list[str]:
    """Delete our namespaces whose creating test process is dead; returns their names.

    The server a killed run left inside such a namespace is stopped first (only
    processes inside a namespace named by this module, so never anyone else's)."""
    listed = run(["ip", "netns", "list"], check=False).stdout.split("\n")
    reaped = []
    for line in listed:
        name = line.split(" ")[0]
        match = _OURS.match(name)
        if not match or _alive(int(match.group(1))):
            continue
        for pid in run(["ip", "netns", "pids", name], check=False).stdout.split():
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        run(["ip", "netns", "del", name], check=False)
        reaped.append(name)
    return reaped


class ShapedLink:
    """client namespace <-> veth <-> server namespace, both directions tbf-shaped."""

    def __init__(self) -> None:
        tag = f"{os.getpid()}-{next(_counter)}"
        self.server_ns = f"emt-s-{tag}"
        self.client_ns = f"emt-c-{tag}"
        self._veth_s = f"evs{tag}"[:15]
        self._veth_c = f"evc{tag}"[:15]
        self.rate_kbit: int | None = None
        self._made: list[str] = []
        try:
            self._build()
        except BaseException:
            self.close()
            raise

    def _build(self) -> None:
        for ns in (self.server_ns, self.client_ns):
            run(["ip", "netns", "add", ns])
            self._made.append(ns)
        run(["ip", "link", "add", self._veth_s, "netns", self.server_ns,
             "type", "veth", "peer", "name", self._veth_c, "netns", self.client_ns])
        for ns, dev, ip in ((self.server_ns, self._veth_s, SERVER_IP),
                            (self.client_ns, self._veth_c, CLIENT_IP)):
            self.ns_run(ns, ["ip", "addr", "add", f"{ip}/{PREFIX}", "dev", dev])
            self.ns_run(ns, ["ip", "link", "set", dev, "up"])
            self.ns_run(ns, ["ip", "link", "set", "lo", "up"])

    def ns_run(self, ns: str, cmd: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return run(["ip", "netns", "exec", ns, *cmd])

    def exec_prefix(self, ns: str) -> list[str]:
        """Prefix a command with this to run it inside namespace ``ns``."""
        return ["ip", "netns", "exec", ns]

    def shape(self, rate_kbit: int) -> None:
        """Limit both directions to ``rate_kbit`` kbit/s (1 kbit = 1000 bit, as in tc)."""
        for ns, dev in ((self.server_ns, self._veth_s), (self.client_ns, self._veth_c)):
            self.ns_run(ns, ["tc", "qdisc", "replace", "dev", dev, "root", "tbf",
                             "rate", f"{rate_kbit}kbit", "burst", str(BURST_BYTES),
                             "latency", f"{LATENCY_MS}ms"])
        self.rate_kbit = rate_kbit

    def qdisc_stats(self) -> str:
        out = []
        for ns, dev in ((self.server_ns, self._veth_s), (self.client_ns, self._veth_c)):
            out.append(self.ns_run(ns, ["tc", "-s", "qdisc", "show", "dev", dev]).stdout)
        return "".join(out)

    def close(self) -> None:
        """Delete the namespaces (idempotent; also removes the veth pair)."""
        while self._made:
            run(["ip", "netns", "del", self._made.pop()], check=False)

    def __enter__(self) -> ShapedLink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
