"""The exam package on the invigilator's side: questions for the paper view.

The package is verified against the author trust file (signature, hashes) and
decrypted with its content key; the exam window is not checked (review happens
after the exam). A package for another exam or version than a session's
hand-in gives a warning instead of a wrong paper.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exam_packages.content_crypto import load_content_key
from exam_packages.package import open_package
from exam_packages.trust import TrustStore

from .content import SessionContent
from .paper import ReconstructedPaper, try_reconstruct


@dataclass(frozen=True)
class LoadedExam:
    exam_id: str
    version: int
    title: str
    exam_doc: dict[str, Any]
    policy: dict[str, Any]
    media: dict[str, bytes] = field(default_factory=dict)

    def images(self) -> dict[str, bytes]:
        """``emtihan:media/<name>`` resources for the paper HTML."""
        return {f"emtihan:media/{name}": data for name, data in self.media.items()}


def default_key_path(package: Path) -> Path | None:
    candidate = Path(f"{package}.key")
    return candidate if candidate.exists() else None


def load_exam(package: Path, trust_file: Path, content_key_file: Path | None) -> LoadedExam:
    """Verify and open; raises ``VerificationError`` / ``InputError`` with a user message."""
    trust = TrustStore.load(Path(trust_file))
    key = load_content_key(Path(content_key_file)) if content_key_file else None
    opened = open_package(Path(package), trust, content_key=key, check_window=False)
    exam = opened.manifest["exam"]
    media = {name: opened.media(name) for name in opened.media_names}
    return LoadedExam(str(exam["exam_id"]), int(exam["version"]), str(exam["title"]),
                      opened.exam_doc, dict(exam.get("policy") or {}), media)


def paper_for(exam: LoadedExam, content: SessionContent) -> ReconstructedPaper | str:
    """The session's paper, or why it cannot be shown."""
    if content.exam_id and content.exam_id != exam.exam_id:
        return (f"This hand-in is for exam {content.exam_id}, but the loaded package is "
                f"{exam.exam_id}.")
    if content.exam_version and content.exam_version != exam.version:
        return (f"This hand-in was written on version {content.exam_version} of the exam; "
                f"the loaded package is version {exam.version}.")
    recorded = content.meta.get("paper")
    paper = try_reconstruct(exam.exam_doc, exam.policy, content.seed, content.answers,
                            recorded if isinstance(recorded, dict) else None)
    expected = expected_seed(content)
    if isinstance(paper, ReconstructedPaper) and content.seed != expected:
        paper.warnings.insert(0, f"The hand-in's paper seed is {content.seed!r}, not the "
                                 f"client's rule attempt_id|student_id ({expected!r}).")
    return paper


def expected_seed(content: SessionContent) -> str:
    """The client's per-attempt seed rule (docs/client.md)."""
    return f"{content.attempt_id}|{content.student_id}"
