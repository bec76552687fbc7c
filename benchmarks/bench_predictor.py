"""The bundle's 68-point predictor against dlib's original (manual; docs/verifier.md).

    python benchmarks/bench_predictor.py landmarks SMALL.dat [MORE.dat ...]
        every face of ../shared/faces (HOG, as the verifier detects): the 68 landmarks of the
        original and of SMALL.dat, their distance in inter-ocular distances (IOD), and the
        differences of what liveness reads from them: eye aspect ratio, yaw/pitch/roll.
        Baseline (same run): the original on the same image with sensor noise (sigma 2
        grey levels) against the original: how much the landmarks move anyway
    python benchmarks/bench_predictor.py pytest SMALL.dat -- tests/verifier/...
        runs pytest with SMALL.dat loaded in place of the original (liveness, attack corpus)
    python benchmarks/bench_predictor.py verify SMALL.dat -- eval pairs.csv
        runs ``emtihan-verify`` with SMALL.dat (identity FMR/FNMR over the shared photos)

Make SMALL.dat with ``python -m bundling.predictor`` (leaf values rounded to fewer bits).
Prints the ratios against the original measured in the same run.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FACES = (ROOT / ".." / "shared" / "faces").resolve()

from verifier.face_adapter import default_engine, load_api  # noqa: E402
from verifier.geometry import LEFT_EYE, RIGHT_EYE, eye_aspect_ratio, head_pose  # noqa: E402
from verifier.imageio import read_image_file  # noqa: E402


def use_predictor(path: Path) -> None:
    """Load ``path`` where the verifier takes the 68-point predictor from."""
    api = load_api()
    api.pose_predictor_68_point = api.dlib.shape_predictor(str(path))


def _images() -> list[Path]:
    return sorted(p for p in FACES.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png")
                  and "id_docs" not in p.parts)


def _compare(a: np.ndarray, b: np.ndarray, shape: tuple[int, ...],
             into: dict[str, list]) -> None:
    iod = float(np.linalg.norm(a[LEFT_EYE].mean(0) - a[RIGHT_EYE].mean(0)))
    into["err"].append(np.linalg.norm(a - b, axis=1) / iod)
    into["ear"].append(abs(eye_aspect_ratio(a) - eye_aspect_ratio(b)))
    pa, pb = head_pose(a, shape), head_pose(b, shape)
    into["pose"].append(max(abs(pa.yaw - pb.yaw), abs(pa.pitch - pb.pitch),
                            abs(pa.roll - pb.roll)))


def _report(name: str, into: dict[str, list]) -> None:
    err = np.concatenate(into["err"])
    per_face = np.array([e.mean() for e in into["err"]])
    print(f"{name}: landmark distance / IOD mean {err.mean():.4f}, p95 "
          f"{np.percentile(err, 95):.4f}, max {err.max():.4f}, worst face mean "
          f"{per_face.max():.4f}; EAR |diff| mean {np.mean(into['ear']):.4f} max "
          f"{np.max(into['ear']):.4f}; head pose |diff| deg mean {np.mean(into['pose']):.2f} "
          f"p95 {np.percentile(into['pose'], 95):.2f} max {np.max(into['pose']):.2f}")


def landmarks(smalls: list[Path]) -> int:
    warnings.simplefilter("ignore")
    import cv2

    engine = default_engine()
    api = load_api()
    original = api.pose_predictor_68_point
    candidates = {str(p): api.dlib.shape_predictor(str(p)) for p in smalls}
    rng = np.random.default_rng(7)
    found: dict[str, dict[str, list]] = {n: {"err": [], "ear": [], "pose": []}
                                         for n in [*candidates, "noise"]}
    for path in _images():
        try:
            bgr = read_image_file(path)
        except Exception:  # noqa: BLE001 - unreadable image: skip
            continue
        scale = min(1.0, 640 / max(bgr.shape[:2]))
        img = cv2.resize(bgr, None, fx=scale, fy=scale) if scale < 1 else bgr
        rgb = np.ascontiguousarray(img[:, :, ::-1])
        noisy = np.clip(rgb + rng.normal(0, 2, rgb.shape), 0, 255).astype(np.uint8)
        for box in engine.detect(rgb, 1):
            api.pose_predictor_68_point = original
            ref = engine.landmarks(rgb, box)
            _compare(ref, engine.landmarks(noisy, box), rgb.shape, found["noise"])
            for name, predictor in candidates.items():
                api.pose_predictor_68_point = predictor
                _compare(ref, engine.landmarks(rgb, box), rgb.shape, found[name])
            api.pose_predictor_68_point = original
    print(f"faces: {len(found['noise']['err'])} in {len(_images())} images (HOG, <= 640 px)")
    for path in smalls:
        _report(f"{path} ({path.stat().st_size / 1e6:.1f} MB) vs original", found[str(path)])
    _report("baseline: original, sensor noise sigma 2 vs none", found["noise"])
    return 0


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("landmarks", "pytest", "verify"):
        print(__doc__)
        return 2
    what, small, rest = argv[0], Path(argv[1]), [a for a in argv[2:] if a != "--"]
    if what == "landmarks":
        return landmarks([small, *[Path(a) for a in rest]])
    use_predictor(small)
    if what == "pytest":
        import pytest

        return int(pytest.main(rest))
    from verifier.cli import main as verify_main

    return int(verify_main(rest) or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
