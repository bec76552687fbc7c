"""Biometric evaluation over a pair list: FMR, FNMR, ROC, failure to enrol, timings."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from exam_packages.errors import FaceAnalysisError

from .config import VerifierConfig
from .face_adapter import FaceEngine, default_engine
from .faces import detect_faces, distance, encode_face
from .imageio import read_image_file
from .pairs import Pair


@dataclass(frozen=True)
class ImageResult:
    path: Path
    encoding: np.ndarray | None  # None: failure to enrol
    detect_s: float
    encode_s: float
    error: str = ""


@dataclass
class EvalReport:
    threshold: float
    genuine: list[float] = field(default_factory=list)
    impostor: list[float] = field(default_factory=list)
    skipped_pairs: int = 0
    images: list[ImageResult] = field(default_factory=list)

    @property
    def failure_to_enrol(self) -> float:
        failed = sum(1 for r in self.images if r.encoding is None)
        return failed / len(self.images) if self.images else 0.0

    def rates(self, threshold: float) -> tuple[float, float]:
        """(FMR, FNMR) at ``threshold`` (match when distance <= threshold)."""
        fmr = float(np.mean([d <= threshold for d in self.impostor])) if self.impostor else 0.0
        fnmr = float(np.mean([d > threshold for d in self.genuine])) if self.genuine else 0.0
        return fmr, fnmr

    def roc(self, thresholds: Sequence[float]) -> list[tuple[float, float, float]]:
        return [(t, *self.rates(t)) for t in thresholds]


def encode_image(path: Path, config: VerifierConfig, engine: FaceEngine) -> ImageResult:
    """Largest plausible face of one image; errors become a failure to enrol."""
    start = time.perf_counter()
    try:
        frame = read_image_file(path)
        faces = detect_faces(frame, config, engine=engine)
    except FaceAnalysisError as exc:
        return ImageResult(path, None, time.perf_counter() - start, 0.0, exc.user_message)
    detected = time.perf_counter()
    if not faces:
        return ImageResult(path, None, detected - start, 0.0, "no face")
    encoding = encode_face(frame, faces[0], engine=engine)
    return ImageResult(path, encoding, detected - start, time.perf_counter() - detected)


def evaluate(
    pairs: Sequence[Pair],
    config: VerifierConfig,
    *,
    engine: FaceEngine | None = None,
    encoder: Callable[[Path], ImageResult] | None = None,
) -> EvalReport:
    """Encode every distinct image once, then score all pairs."""
    eng = engine
    if encoder is None:
        eng = eng or default_engine()
        encoder = lambda p: encode_image(p, config, eng)  # noqa: E731
    cache: dict[Path, ImageResult] = {}
    report = EvalReport(config.match_threshold)
    for pair in pairs:
        for path in (pair.image_a, pair.image_b):
            if path not in cache:
                cache[path] = encoder(path)
        enc_a, enc_b = cache[pair.image_a].encoding, cache[pair.image_b].encoding
        if enc_a is None or enc_b is None:
            report.skipped_pairs += 1
            continue
        (report.genuine if pair.same else report.impostor).append(distance(enc_a, enc_b))
    report.images = list(cache.values())
    return report


def format_report(report: EvalReport, thresholds: Sequence[float]) -> str:
    fmr, fnmr = report.rates(report.threshold)
    lines = [
        f"pairs: {len(report.genuine)} genuine, {len(report.impostor)} impostor, "
        f"{report.skipped_pairs} skipped (failure to enrol)",
        f"threshold {report.threshold:.3f}: FMR {fmr:.4f}  FNMR {fnmr:.4f}",
        f"failure to enrol: {report.failure_to_enrol:.3f} "
        f"({sum(1 for r in report.images if r.encoding is None)}/{len(report.images)} images)",
        "",
        "ROC (threshold sweep)",
        "threshold      FMR     FNMR",
    ]
    lines += [f"{t:9.3f} {a:8.4f} {b:8.4f}" for t, a, b in report.roc(thresholds)]
    lines += ["", "per-image timings (detect ms, encode ms)"]
    for r in report.images:
        status = "" if r.encoding is not None else f"  FAILED: {r.error}"
        lines.append(f"{r.detect_s * 1e3:8.1f} {r.encode_s * 1e3:8.1f}  {r.path}{status}")
    return "\n".join(lines)
