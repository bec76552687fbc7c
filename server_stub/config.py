"""The data directory: ``config.json``, ``server_key.pem`` (0600), ``server.db``, ``blobs/``."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from exam_packages.errors import InputError

from .security import ServerKey

CONFIG_NAME = "config.json"
KEY_NAME = "server_key.pem"


@dataclass
class ServerConfig:
    storage: str = "sqlite"              # "sqlite" or a postgresql:// DSN
    blobs: str = "local"                 # "local" or "s3://bucket/prefix"
    s3_endpoint: str | None = None       # e.g. http://127.0.0.1:9000 for MinIO
    max_upload_bytes: int = 64 * 1024 * 1024
    max_json_bytes: int = 64 * 1024
    bandwidth_cap_bytes: int = 8 * 1024 * 1024
    student_token_ttl_s: int = 12 * 3600
    scrypt_n: int = 2**14
    # sign-in throttling (docs/server-ops.md "Sign-in throttling"), per login_window_s:
    login_window_s: int = 900
    login_max_failures: int = 10         # wrong codes per (student, source address)
    login_max_failures_address: int = 50  # wrong codes per source address, any student
    login_max_failures_student: int = 100  # per student from all addresses (known exempt)
    token_max_failures_address: int = 30  # unknown/expired bearer tokens per address
    max_concurrent_scrypt: int = 2       # access-code checks running at once
    trust_forwarded_for: bool = False    # behind a reverse proxy: use X-Forwarded-For
    # request and upload limits (docs/server-ops.md "Limits")
    body_idle_timeout_s: float = 30.0    # longest pause between two parts of a body
    body_max_s: float = 600.0            # longest time to receive one request body
    max_versions_per_attempt: int = 5    # distinct results handed in per attempt
    purge_interval_s: int = 3600         # serve: run the retention purge this often (0 = off)
    # base URLs of package mirrors (HTTP caches, CDNs, school servers) listed to students;
    # a mirror serves <base>/<exam_id>/<package sha256>.emtihan (docs/server-ops.md)
    package_mirrors: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, data_dir: Path) -> ServerConfig:
        path = Path(data_dir) / CONFIG_NAME
        try:
            raw = json.loads(path.read_text("utf-8"))
        except FileNotFoundError as exc:
            raise InputError(f"{data_dir} is not a server data directory: run "
                             "'emtihan-server init --data DIR' first") from exc
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} is not valid JSON: {exc}") from exc
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise InputError(f"{path}: unknown settings {sorted(unknown)}")
        return cls(**raw)

    def save(self, data_dir: Path) -> None:
        path = Path(data_dir) / CONFIG_NAME
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, sort_keys=True) + "\n", "utf-8")
        os.replace(tmp, path)


def init_data_dir(data_dir: Path, config: ServerConfig | None = None) -> ServerConfig:
    """Create (idempotently) config, signing key and blob dirs; never overwrites a key."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(data_dir, 0o700)
    for sub in ("blobs", "uploads"):
        (data_dir / sub).mkdir(exist_ok=True)
    if not (data_dir / CONFIG_NAME).exists() or config is not None:
        (config or ServerConfig()).save(data_dir)
    if not (data_dir / KEY_NAME).exists():
        ServerKey.create(data_dir / KEY_NAME)
    return ServerConfig.load(data_dir)
