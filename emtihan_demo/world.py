"""The demo's world in one data directory: keys, trust, the built package, server and client data.

``setup_world(base)`` makes what is missing and reuses what is there, so a second run on the
same directory is the same exam on the same server for the same student: the author key (so the
trust pinned by the client matches the package it already downloaded), the package (rebuilt only
when missing or when its exam window no longer leaves room for an attempt), the published exam
and the roster.  The client's own data (``base/client``) holds the autosaved attempt, so the
client core resumes it at sign-in.

    base/keys/author.pem, institution_results.pem (passphrase), invigilator.pem, trust.json
    base/<exam_id>.emtihan (+ .key)     the signed, encrypted package
    base/server/                        the embedded server's data (database, blobs, its key)
    base/client/                        the student client's data (autosave, outbox, pins)
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from exam_packages.keys import (
    generate_results_key,
    generate_signing_key,
    load_private_key,
    save_private_key,
)
from exam_packages.package import build_package, read_manifest_unverified
from exam_packages.source import load_source
from exam_packages.trust import TrustStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "exam_packages" / "samples" / "demo_exam.yaml"
STUDENT, CODE, NAME = "s-demo-01", "DEMO-2026", "Aigerim Demo"
PASSPHRASE = b"demo institution passphrase"
WINDOW_DAYS = 365  # a package built today can be taken for a year
UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass
class DemoWorld:
    base: Path
    server: Any
    url: str
    exam_id: str
    trust: TrustStore
    institution_key_file: Path
    package: Path
    content_key_file: Path


def say(text: str) -> None:
    print(text, flush=True)


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/emtihan-demo``, else ``~/.local/share/emtihan-demo``."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    root = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return root / "emtihan-demo"


def wipe(base: Path) -> None:
    """``--fresh``: remove the whole demo directory (only one that looks like a demo's)."""
    if not base.exists():
        return
    known = {"keys", "server", "client"}
    if any(base.iterdir()) and not known & {p.name for p in base.iterdir()}:
        raise SystemExit(f"{base} does not look like an Emtihan demo directory; not wiping it")
    shutil.rmtree(base)
    say(f"[demo] --fresh: removed {base}")


def _keys(keys_dir: Path) -> tuple[Ed25519PrivateKey, X25519PrivateKey, bool]:
    """The author and institution keys; True when they were made now."""
    author_file, inst_file = keys_dir / "author.pem", keys_dir / "institution_results.pem"
    if author_file.exists() and inst_file.exists():
        author, institution = load_private_key(author_file), load_private_key(inst_file,
                                                                              PASSPHRASE)
        assert isinstance(author, Ed25519PrivateKey)
        assert isinstance(institution, X25519PrivateKey)
        return author, institution, False
    keys_dir.mkdir(parents=True, exist_ok=True)
    author, institution = generate_signing_key(), generate_results_key()
    save_private_key(institution, inst_file, PASSPHRASE)
    save_private_key(author, author_file, None)
    return author, institution, True


def demo_window(sample_meta: dict[str, Any], now: datetime) -> tuple[str, str]:
    """The exam window of a package built ``now``: the sample's, widened to cover a year."""
    opens = datetime.strptime(sample_meta["opens_at"], UTC_FORMAT).replace(tzinfo=UTC)
    closes = datetime.strptime(sample_meta["closes_at"], UTC_FORMAT).replace(tzinfo=UTC)
    opens = min(opens, now - timedelta(days=1))
    closes = max(closes, now + timedelta(days=WINDOW_DAYS))
    return opens.strftime(UTC_FORMAT), closes.strftime(UTC_FORMAT)


def still_open(manifest: dict[str, Any], now: datetime) -> bool:
    """True when an attempt started now still fits in the package's window."""
    exam = manifest["exam"]
    opens = datetime.strptime(exam["opens_at"], UTC_FORMAT).replace(tzinfo=UTC)
    closes = datetime.strptime(exam["closes_at"], UTC_FORMAT).replace(tzinfo=UTC)
    room = timedelta(seconds=int(exam["duration_s"]), days=1)
    return opens <= now and now + room <= closes


def _package(base: Path, author: Ed25519PrivateKey, institution: X25519PrivateKey,
             keys_new: bool) -> tuple[Path, Path, str]:
    """The signed, encrypted package: reused when it is there and still open, else built."""
    source = load_source(SAMPLE)
    meta = dict(source.meta)
    out = base / f"{meta['exam_id']}.emtihan"
    key_file = Path(f"{out}.key")
    now = datetime.now(UTC)
    if not keys_new and out.exists() and key_file.exists():
        manifest = read_manifest_unverified(out)
        if still_open(manifest, now):
            say(f"[author] reusing {out.name} (version {manifest['exam']['version']}, "
                f"open until {manifest['exam']['closes_at']})")
            return out, key_file, str(meta["exam_id"])
        meta["version"] = int(manifest["exam"]["version"]) + 1
        say(f"[author] {out.name}'s exam window has closed; building version {meta['version']}")
    meta["opens_at"], meta["closes_at"] = demo_window(source.meta, now)
    built = build_package(meta, source.exam_doc, source.media, out, author,
                          institution.public_key(), encrypt=True)
    assert built.key_path is not None
    say(f"[author] built and signed {out.name} (encrypted, {out.stat().st_size} bytes, "
        f"open {meta['opens_at']} .. {meta['closes_at']})")
    return out, built.key_path, str(meta["exam_id"])


def _serve(base: Path, package: Path, key_file: Path, exam_id: str) -> Any:
    """The embedded server on ``base/server``: publishes and imports only what is missing."""
    from server_stub.embedded import EmbeddedServer

    server = EmbeddedServer(base / "server")
    service = server.services.service
    published = service.storage.get_exam(exam_id)
    sha = hashlib.sha256(package.read_bytes()).hexdigest()
    if published is None or published["package_sha256"] != sha:
        service.publish(package, key_file)
        say("[server] exam published")
    if service.storage.get_student(exam_id, STUDENT) is None:
        service.import_roster(f"student_id,name,access_code\n{STUDENT},{NAME},{CODE}\n",
                              exam_id)
        say("[server] roster imported: 1 student")
    return server


def setup_world(base: Path) -> DemoWorld:
    """Make (or reuse) the demo's keys, package, server and roster in ``base``; start the server."""
    base = Path(base)
    base.mkdir(parents=True, exist_ok=True)
    keys_dir = base / "keys"
    author, institution, keys_new = _keys(keys_dir)
    say(f"[author] {'created' if keys_new else 'reusing'} the demo keys in {keys_dir}")
    package, key_file, exam_id = _package(base, author, institution, keys_new)
    server = _serve(base, package, key_file, exam_id)
    url = server.start()
    say(f"[server] embedded server at {url} (data in {base / 'server'})")
    trust = TrustStore.from_keys([("demo author", author.public_key())])
    trust.save(keys_dir / "trust.json")
    return DemoWorld(base, server, url, exam_id, trust, keys_dir / "institution_results.pem",
                     package, key_file)
