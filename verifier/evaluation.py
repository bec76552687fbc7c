"""Evaluation of the deployed identity decision over a pair list.

Each pair ``(image_a, image_b)`` is judged as deployed: ``image_a`` is the ID
document (portrait search: rotations, upsampling, blur remark), ``image_b``
the live picture (enrolment quality gates, detection retry), and
:meth:`IdentityVerifier.compare` gives match / review / no_match with the
review band.  Reported: outcome counts for genuine and impostor pairs,
FMR/FNMR at the operating point (only ``match`` accepts; ``review`` and
failures to enrol are non-matches, failures to enrol also counted apart),
EER and ROC over the portrait-template distances, and per-pair rows.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from exam_packages.errors import EnrolmentError, FaceAnalysisError

from .config import VerifierConfig
from .face_adapter import FaceEngine, default_engine
from .id_document import Portrait
from .identity import IdentityDecision, IdentityVerifier, Template
from .imageio import read_image_file
from .pairs import Pair
from .quality import Reason, reason

OUTCOMES = ("match", "review", "no_match")


@dataclass(frozen=True)
class ImageSides:
    """One image as it would be used on either side of the check."""

    path: Path
    portrait: Portrait | Reason  # as the ID document
    template: Template | None  # as the live picture
    rejected: tuple[Reason, ...]  # why the live side failed (quality gates)
    seconds: float

    @property
    def failed(self) -> bool:
        return isinstance(self.portrait, Reason) or self.template is None


@dataclass(frozen=True)
class PairResult:
    pair: Pair
    decision: IdentityDecision
    enrol_failed: bool


@dataclass
class EvalReport:
    threshold: float
    review_band: tuple[float, float]
    pairs: list[PairResult] = field(default_factory=list)
    images: list[ImageSides] = field(default_factory=list)

    def _side(self, same: bool) -> list[PairResult]:
        return [p for p in self.pairs if p.pair.same == same]

    def counts(self, same: bool) -> dict[str, int]:
        rows = self._side(same)
        return {o: sum(p.decision.outcome == o for p in rows) for o in OUTCOMES}

    def enrol_failures(self, same: bool) -> int:
        return sum(p.enrol_failed for p in self._side(same))

    def operating_point(self, *, with_fte: bool = True) -> tuple[float, float]:
        """(FMR, FNMR) of the deployed decision: accepted = outcome ``match``."""
        imp = [p for p in self._side(False) if with_fte or not p.enrol_failed]
        gen = [p for p in self._side(True) if with_fte or not p.enrol_failed]
        fmr = float(np.mean([p.decision.outcome == "match" for p in imp])) if imp else 0.0
        fnmr = float(np.mean([p.decision.outcome != "match" for p in gen])) if gen else 0.0
        return fmr, fnmr

    def distances(self, same: bool) -> list[float]:
        return [p.decision.distance for p in self._side(same) if p.decision.distance is not None]

    def rates(self, threshold: float) -> tuple[float, float]:
        """(FMR, FNMR) at a distance threshold; failures to enrol are non-matches."""
        imp, gen = self._side(False), self._side(True)
        d = lambda p: p.decision.distance  # noqa: E731
        fmr = float(np.mean([d(p) is not None and d(p) <= threshold for p in imp])) if imp else 0.0
        fnmr = float(np.mean([d(p) is None or d(p) > threshold for p in gen])) if gen else 0.0
        return fmr, fnmr

    def roc(self, thresholds: Sequence[float]) -> list[tuple[float, float, float]]:
        return [(t, *self.rates(t)) for t in thresholds]

    def eer(self) -> tuple[float, float]:
        """(EER, threshold) where FMR and FNMR cross, over every observed distance."""
        candidates = sorted(set(self.distances(True) + self.distances(False)))
        if not candidates:
            return 0.0, self.threshold
        best = min(candidates, key=lambda t: abs(self.rates(t)[0] - self.rates(t)[1]))
        fmr, fnmr = self.rates(best)
        return (fmr + fnmr) / 2.0, best


def image_sides(path: Path, verifier: IdentityVerifier) -> ImageSides:
    start = time.perf_counter()
    try:
        frame = read_image_file(path)
    except FaceAnalysisError as exc:
        why = reason("live_no_usable_frame", detail=exc.user_message)
        return ImageSides(path, why, None, (why,), time.perf_counter() - start)
    portrait = verifier.portrait(frame)
    template: Template | None = None
    rejected: tuple[Reason, ...] = ()
    try:
        template = verifier.enrol([frame])
    except EnrolmentError as exc:
        rejected = tuple(r for r in exc.reasons if isinstance(r, Reason))
    return ImageSides(path, portrait, template, rejected, time.perf_counter() - start)


def evaluate(
    pairs: Sequence[Pair],
    config: VerifierConfig,
    *,
    engine: FaceEngine | None = None,
    sides: Callable[[Path], ImageSides] | None = None,
) -> EvalReport:
    """Prepare every distinct image once (both sides), then decide every pair."""
    verifier = IdentityVerifier(config, engine or (None if sides else default_engine()))
    prepare = sides or (lambda p: image_sides(p, verifier))
    cache: dict[Path, ImageSides] = {}
    report = EvalReport(config.match_threshold, config.review_band)
    for pair in pairs:
        for path in (pair.image_a, pair.image_b):
            if path not in cache:
                cache[path] = prepare(path)
        doc, live = cache[pair.image_a], cache[pair.image_b]
        decision = verifier.compare(doc.portrait, live.template, live.rejected)
        failed = isinstance(doc.portrait, Reason) or live.template is None
        report.pairs.append(PairResult(pair, decision, failed))
    report.images = list(cache.values())
    return report


def write_pairs_out(report: EvalReport, path: Path) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["image_a", "image_b", "same", "distance", "outcome", "enrol_failed",
                      "reasons"])
        for p in report.pairs:
            dist = "" if p.decision.distance is None else f"{p.decision.distance:.4f}"
            out.writerow([str(p.pair.image_a), str(p.pair.image_b),
                          "yes" if p.pair.same else "no", dist, p.decision.outcome,
                          "yes" if p.enrol_failed else "no",
                          ";".join(r.code for r in p.decision.reasons)])


def format_report(report: EvalReport, thresholds: Sequence[float]) -> str:
    low, high = report.review_band
    fmr, fnmr = report.operating_point()
    _, fnmr_enrolled = report.operating_point(with_fte=False)
    eer, eer_t = report.eer()
    failed_images = sum(1 for r in report.images if r.failed)
    gen, imp = report.counts(True), report.counts(False)
    lines = [
        f"pairs: {sum(gen.values())} genuine, {sum(imp.values())} impostor; failures to enrol: "
        f"{report.enrol_failures(True)} genuine and {report.enrol_failures(False)} impostor "
        f"pairs ({failed_images}/{len(report.images)} images)",
        f"deployed decision: match below {low:.3f}, review {low:.3f}-{high:.3f}, "
        f"no_match above {high:.3f}",
        "            match   review no_match",
        f"genuine  {gen['match']:8d} {gen['review']:8d} {gen['no_match']:8d}",
        f"impostor {imp['match']:8d} {imp['review']:8d} {imp['no_match']:8d}",
        f"operating point (only match accepts): FMR {fmr:.4f}  FNMR {fnmr:.4f} "
        f"(failures to enrol count as non-matches; FNMR without them {fnmr_enrolled:.4f})",
        f"EER {eer:.4f} at distance {eer_t:.3f}",
        "",
        "ROC (distance threshold sweep)",
        "threshold      FMR     FNMR",
    ]
    lines += [f"{t:9.3f} {a:8.4f} {b:8.4f}" for t, a, b in report.roc(thresholds)]
    lines += ["", "per image (ms; FAILED: why it cannot be enrolled)"]
    for r in report.images:
        why = []
        if isinstance(r.portrait, Reason):
            why.append(f"as ID: {r.portrait.code}")
        if r.template is None:
            why.append("as live: " + (",".join(x.code for x in r.rejected) or "no face"))
        status = f"  FAILED: {'; '.join(why)}" if why else ""
        lines.append(f"{r.seconds * 1e3:8.1f}  {r.path}{status}")
    return "\n".join(lines)
