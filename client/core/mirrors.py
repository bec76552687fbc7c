"""Package download from mirrors first, then the exam server.

Packages are signed by the exam author, so any HTTP cache, CDN or school server may
serve them. The exam listing (``GET /v1/exams``, from the signed-in server) names
mirror URLs for the exact package (``<base>/<exam_id>/<sha256>.emtihan``) and its
SHA-256. Each mirror is tried in turn with the same resumable download, the same
SHA-256 check against the listing and the same signature + rollback verification
as the server's copy; a mirror that fails any of them (unreachable, tampered, an
older package) is reported and skipped, and the server is the last resort. The
mirror never sees the student's sign-in: it gets a plain GET without the token.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from exam_packages.errors import EmtihanError

from .download import resumable_download

if TYPE_CHECKING:
    from .api import Progress, ServerClient

MAX_MIRRORS = 8
MAX_URL = 2048


def mirror_urls(entry: dict[str, Any]) -> list[str]:
    """The listing's mirrors that are plain http(s) URLs (others are ignored)."""
    found = entry.get("mirrors")
    if not isinstance(found, list):
        return []
    urls = [u for u in found if isinstance(u, str) and len(u) <= MAX_URL
            and urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc]
    return urls[:MAX_MIRRORS]


def _discard(dest: Path) -> None:
    for path in (dest, dest.with_name(dest.name + ".part"),
                 dest.with_name(dest.name + ".part.etag")):
        path.unlink(missing_ok=True)


def fetch_package(server: ServerClient, entry: dict[str, Any], dest: Path,
                  progress: Progress | None, *, verify: Callable[[Path], None],
                  refused: Callable[[str, EmtihanError], object]) -> Path:
    """Download the listed package into ``dest`` (mirrors, then the server) and ``verify``
    it; ``refused(url, error)`` is told about each mirror that was not used."""
    from .api import ServerClient

    sha = str(entry.get("package_sha256", "")) or None
    for url in mirror_urls(entry):
        mirror = ServerClient(url, timeout=server.timeout)  # no token: mirrors are public
        try:
            path = resumable_download(mirror, url, dest, progress, sha)
            verify(path)
            return path
        except EmtihanError as exc:
            _discard(dest)
            refused(url, exc)
        finally:
            mirror.close()
    path = server.download_package(str(entry["exam_id"]), dest, progress, sha)
    verify(path)
    return path
