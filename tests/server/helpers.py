"""Shared helpers for the server tests: packages as raw zips, a running server."""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from exam_packages.envelope import seal_result
from exam_packages.package import BuildResult, build_package
from exam_packages.pkg_testing import PackageKeys, sample_exam_doc, sample_meta
from server_stub.clock import to_iso
from server_stub.embedded import EmbeddedServer
from tests.support.clocks import FakeServerClock as FakeClock

T0 = 1_800_000_000  # a fixed "now" for the fake clock
EXAM = "phys-101-final"
ROSTER = "student_id,name,access_code,extra_time_s\ns1,Aida,code-one,0\ns2,Bolat,code-two,600\n"
CODES = {"s1": "code-one", "s2": "code-two"}


def make_package(folder: Path, keys: PackageKeys, *, exam_id: str = EXAM, version: int = 1,
                 opens: int = T0 - 60, closes: int = T0 + 3600, duration: int = 1800,
                 encrypted: bool = False) -> BuildResult:
    """A real signed package (exam_packages.package.build_package) with our window."""
    meta = sample_meta(exam_id, version)
    meta.update(opens_at=to_iso(opens), closes_at=to_iso(closes), duration_s=duration)
    media = folder / "diagram.png"
    media.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return build_package(meta, sample_exam_doc(), {"diagram.png": media},
                         folder / f"{exam_id}-v{version}.emtihan", keys.author,
                         keys.results.public_key(), encrypt=encrypted)


def attempt_key() -> tuple[Ed25519PrivateKey, str]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return private, base64.b64encode(raw).decode()


def meta(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


@dataclass
class Running:
    server: EmbeddedServer
    url: str
    clock: FakeClock
    keys: PackageKeys = field(default_factory=PackageKeys.generate)
    content_key: bytes | None = None

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10)

    def login(self, student: str = "s1") -> str:
        with self.client() as c:
            r = c.post("/v1/auth/login", json={"exam_id": EXAM, "student_id": student,
                                               "access_code": CODES[student]})
        assert r.status_code == 200, r.text
        token: str = r.json()["token"]
        return token

    def staff_token(self, role: str = "invigilator") -> str:
        token, _ = self.server.services.service.create_token(role, 3600)
        return token

    def start(self, token: str) -> tuple[dict, Ed25519PrivateKey]:
        private, public = attempt_key()
        with self.client(token) as c:
            r = c.post(f"/v1/exams/{EXAM}/start", json={"public_key": public})
        assert r.status_code == 200, r.text
        return r.json(), private

    def result(self, private: Ed25519PrivateKey, size: int = 200_000) -> bytes:
        """A real result envelope signed by the attempt key."""
        return seal_result(os.urandom(size), {"exam_id": EXAM}, self.keys.results.public_key(),
                           private)


def upload(run: Running, token: str, attempt_id: str, data: bytes, *, sha: str | None = None,
           chunk: int = 64 * 1024, **extra: str) -> httpx.Response:
    """A plain tus upload with httpx; returns the last response."""
    sha = sha or hashlib.sha256(data).hexdigest()
    tus = {"Tus-Resumable": "1.0.0"}
    with run.client(token) as c:
        r = c.post("/v1/uploads", headers={**tus, "Upload-Length": str(len(data)),
                                           "Upload-Metadata": meta(attempt_id=attempt_id,
                                                                   sha256=sha, **extra)})
        assert r.status_code == 201, r.text
        loc = r.headers["Location"]
        offset = int(c.head(loc, headers=tus).headers["Upload-Offset"])
        while offset < len(data):
            r = c.patch(loc, content=data[offset:offset + chunk],
                        headers={**tus, "Upload-Offset": str(offset),
                                 "Content-Type": "application/offset+octet-stream"})
            if r.status_code != 204:
                return r
            offset = int(r.headers["Upload-Offset"])
        return r
