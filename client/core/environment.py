"""What else runs on the exam computer: remote control, screen sharing, recorders, VMs.

Qt-free.  The lists are data: ``environment_default.json`` beside this module is the
default set; the signed package's ``policy.environment`` section may override it:

    environment:
      scan_interval_s: 60                # the periodic scan during the exam
      actions: {remote_control: ask_to_close, screen_sharing: flag, recording: allow}
      lists: {remote_control: {names: [anydesk, ...], paths: [/opt/teamviewer/, ...]}}

Per category the action is ``allow`` (not reported), ``ask_to_close`` (the system check
blocks Continue until it is closed; during the exam a flag) or ``flag`` (recorded for the
invigilator).  A process matches by its name, the basename of its executable
(``/proc/PID/exe`` on Linux: the real binary, whatever ``argv[0]`` says), ``cmdline[0]``
and, by prefix, the executable's path; all case-insensitive, ``.exe``/``.app`` ignored.

Virtual machines (systemd-detect-virt --vm, DMI strings, the CPU hypervisor flag) are
reported, never blocking: ``ask_to_close`` is read as ``flag`` for them (SEB's VM
detection refused honest students for years; see issue 13).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

from exam_packages.errors import InputError

ACTIONS = ("allow", "ask_to_close", "flag")
CATEGORIES = ("remote_control", "screen_sharing", "recording", "virtual_machine")
DEFAULT_FILE = Path(__file__).with_name("environment_default.json")
MIN_INTERVAL_S = 10.0
DMI_DIR = Path("/sys/class/dmi/id")
CPUINFO = Path("/proc/cpuinfo")
VM_WORDS = ("vmware", "virtualbox", "kvm", "qemu", "xen", "hyper-v", "parallels", "bochs",
            "bhyve", "innotek", "virtual machine")


def _norm(name: str) -> str:
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].strip().lower()
    for suffix in (".exe", ".app"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return base


@dataclass(frozen=True)
class Finding:
    """One thing found: a process (``pid`` set) or a virtual-machine sign."""

    category: str
    name: str
    action: str
    pid: int | None = None
    path: str = ""
    how: str = ""  # what matched: "name", "exe", "cmdline", "path", or the VM sign

    def key(self) -> tuple[str, str, str]:
        return (self.category, _norm(self.name), self.path.lower())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EnvironmentPolicy:
    actions: dict[str, str]
    names: dict[str, frozenset[str]]
    paths: dict[str, tuple[str, ...]]
    scan_interval_s: float = 60.0

    @classmethod
    def from_policy(cls, policy: dict[str, Any] | None = None) -> EnvironmentPolicy:
        """The default set, overridden by ``policy["environment"]`` (a package policy)."""
        base = json.loads(DEFAULT_FILE.read_text(encoding="utf-8"))
        over = (policy or {}).get("environment") or {}
        if not isinstance(over, dict):
            raise InputError("policy.environment: expected a mapping")
        actions = dict(base["actions"], **over.get("actions", {}))
        lists = dict(base["lists"], **over.get("lists", {}))
        for cat, action in actions.items():
            if action not in ACTIONS:
                raise InputError(f"policy.environment.actions.{cat}: expected one of "
                                 f"{', '.join(ACTIONS)}, got {action!r}")
        interval = float(over.get("scan_interval_s", base["scan_interval_s"]))
        return cls(actions,
                   {c: frozenset(_norm(n) for n in v.get("names", [])) for c, v in lists.items()},
                   {c: tuple(p.lower() for p in v.get("paths", [])) for c, v in lists.items()},
                   max(MIN_INTERVAL_S, interval))

    def action(self, category: str) -> str:
        action = self.actions.get(category, "flag")
        return "flag" if category == "virtual_machine" and action == "ask_to_close" else action

    def match(self, name: str, exe: str, argv0: str) -> tuple[str, str] | None:
        """(category, what matched) for one process, or None."""
        for cat, names in self.names.items():
            for how, value in (("name", name), ("exe", exe), ("cmdline", argv0)):
                if value and _norm(value) in names:
                    return cat, how
        low = exe.lower()
        for cat, prefixes in self.paths.items():
            if low and any(low.startswith(p) for p in prefixes):
                return cat, "path"
        return None


def _proc_facts(proc: Any) -> tuple[str, str, str]:
    info = getattr(proc, "info", None) or {}
    cmd = info.get("cmdline") or []
    return str(info.get("name") or ""), str(info.get("exe") or ""), str(cmd[0] if cmd else "")


def scan_processes(policy: EnvironmentPolicy,
                   processes: Callable[[], Iterable[Any]] | None = None) -> list[Finding]:
    """Processes of a listed category whose action is not ``allow``."""
    it = processes or (lambda: psutil.process_iter(["name", "exe", "cmdline"]))
    me = os.getpid()
    found: list[Finding] = []
    for proc in it():
        if proc.pid == me:
            continue
        name, exe, argv0 = _proc_facts(proc)
        hit = policy.match(name, exe, argv0)
        if hit is None:
            continue
        action = policy.action(hit[0])
        if action != "allow":
            found.append(Finding(hit[0], name or _norm(exe), action, proc.pid, exe, hit[1]))
    return found


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def vm_signs(dmi_dir: Path = DMI_DIR, cpuinfo: Path = CPUINFO,
             detect: Callable[[], str] | None = None) -> list[tuple[str, str]]:
    """(sign, value) pairs that suggest a virtual machine; empty on bare metal."""
    signs: list[tuple[str, str]] = []
    virt = (detect or _systemd_detect_virt)()
    if virt and virt != "none":
        signs.append(("systemd-detect-virt", virt))
    for name in ("sys_vendor", "product_name", "board_vendor", "bios_vendor"):
        value = _read(dmi_dir / name)
        if any(w in value.lower() for w in VM_WORDS):
            signs.append((f"dmi:{name}", value))
    flags = next((line for line in _read(cpuinfo).splitlines() if line.startswith("flags")), "")
    if " hypervisor" in flags:
        signs.append(("cpu flag", "hypervisor"))
    return signs


def _systemd_detect_virt() -> str:
    try:
        out = subprocess.run(["systemd-detect-virt", "--vm"], capture_output=True, text=True,
                             timeout=3, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def detect_vm(policy: EnvironmentPolicy, **kw: Any) -> list[Finding]:
    """Virtual-machine signs as findings (``flag`` or ``allow``: never blocking)."""
    action = policy.action("virtual_machine")
    if action == "allow":
        return []
    return [Finding("virtual_machine", value, action, how=sign) for sign, value in vm_signs(**kw)]


@dataclass
class EnvironmentReport:
    findings: list[Finding] = field(default_factory=list)

    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.action == "ask_to_close"]

    def flagged(self) -> list[Finding]:
        return [f for f in self.findings if f.action == "flag"]

    def to_dict(self) -> dict[str, Any]:
        return {"findings": [f.to_dict() for f in self.findings],
                "blocking": len(self.blocking()), "flagged": len(self.flagged())}


def check_environment(policy: dict[str, Any] | None = None, **vm_kw: Any) -> EnvironmentReport:
    """The system check: processes and virtual machine, under ``policy``."""
    env = EnvironmentPolicy.from_policy(policy)
    return EnvironmentReport(scan_processes(env) + detect_vm(env, **vm_kw))


class PeriodicScan:
    """The scan during the exam: each call returns only findings not seen before."""

    def __init__(self, policy: dict[str, Any] | None = None,
                 processes: Callable[[], Iterable[Any]] | None = None) -> None:
        self.policy = EnvironmentPolicy.from_policy(policy)
        self.processes = processes
        self.seen: set[tuple[str, str, str]] = set()

    @property
    def interval_s(self) -> float:
        return self.policy.scan_interval_s

    def scan(self) -> list[Finding]:
        new = []
        for f in scan_processes(self.policy, self.processes):
            if f.key() not in self.seen:
                self.seen.add(f.key())
                new.append(f)
        return new


def describe(report: EnvironmentReport) -> str:
    """Plain text for ``emtihan-student --check-environment``."""
    if not report.findings:
        return "Nothing found: no listed remote-control, screen-sharing or recording " \
               "software is running, and no virtual machine was detected."
    lines = [f"{'what':<28} {'category':<16} {'policy':<13} pid / sign"]
    for f in report.findings:
        where = str(f.pid) if f.pid is not None else f.how
        lines.append(f"{f.name[:28]:<28} {f.category:<16} {f.action:<13} {where}")
    return "\n".join(lines)
