"""The bundle's face encoder against dlib's original (manual; docs/verifier.md).

    python benchmarks/bench_encoder.py [--bits 8 7 ...]
    python benchmarks/bench_encoder.py --verify BITS -- eval pairs.csv [--out out.csv]
        runs ``emtihan-verify`` with the encoder rounded to BITS loaded in place of the
        original (identity FMR/FNMR over the shared photos; compare the --out CSVs)

For every face of ../shared/faces (HOG detector, 5-point alignment, as the verifier
encodes): the distance between the original encoder's 128-d encoding and the encoding of
the encoder with weights rounded to N mantissa bits (``bundling.encoder``). Baseline, in
the same run: the original encoder on the same image with sensor noise (sigma 2 grey
levels) against the original, i.e. how much an encoding moves anyway from one frame to the
next. Prints each candidate's mean/p95/max and its ratio to the baseline, and the archive
size (gzip -6) of each file.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FACES = (ROOT / ".." / "shared" / "faces").resolve()

from bundling.encoder import shrink  # noqa: E402


def _images() -> list[Path]:
    return sorted(p for p in FACES.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png")
                  and "id_docs" not in p.parts)


def verify(bits: int, rest: list[str]) -> int:
    """``emtihan-verify REST`` with the encoder rounded to ``bits`` (0: the original)."""
    import face_recognition_models as models

    from verifier.cli import main as verify_main
    from verifier.face_adapter import load_api

    api = load_api()
    if bits:
        src = Path(models.face_recognition_model_location())
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / src.name
            path.write_bytes(shrink(src.read_bytes(), bits))
            api.face_encoder = api.dlib.face_recognition_model_v1(str(path))
    return int(verify_main(rest) or 0)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--verify"]:
        return verify(int(argv[1]), [a for a in argv[2:] if a != "--"])
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bits", type=int, nargs="+", default=[8])
    args = p.parse_args(argv)
    warnings.filterwarnings("ignore")
    import dlib
    import face_recognition_models as models
    from PIL import Image

    src = Path(models.face_recognition_model_location())
    original = dlib.face_recognition_model_v1(str(src))
    print(f"original: {src.stat().st_size / 1e6:.1f} MB, gzip "
          f"{len(gzip.compress(src.read_bytes(), 6)) / 1e6:.1f} MB")
    nets = {}
    with tempfile.TemporaryDirectory() as tmp:
        for bits in args.bits:
            small = shrink(src.read_bytes(), bits)
            path = Path(tmp) / f"encoder-b{bits}.dat"
            path.write_bytes(small)
            nets[bits] = dlib.face_recognition_model_v1(str(path))
            print(f"{bits} bits: gzip {len(gzip.compress(small, 6)) / 1e6:.1f} MB")
    aligner = dlib.shape_predictor(models.pose_predictor_five_point_model_location())
    detector = dlib.get_frontal_face_detector()
    rng = np.random.default_rng(0)
    noise: list[float] = []
    moved: dict[int, list[float]] = {bits: [] for bits in nets}
    for image_path in _images():
        image = np.asarray(Image.open(image_path).convert("RGB"))
        noisy = np.clip(image + rng.normal(0, 2, image.shape), 0, 255).astype(np.uint8)
        for box in detector(image, 1):
            shape = aligner(image, box)
            ref = np.array(original.compute_face_descriptor(image, shape, 1))
            again = original.compute_face_descriptor(noisy, aligner(noisy, box), 1)
            noise.append(float(np.linalg.norm(ref - np.array(again))))
            for bits, net in nets.items():
                moved[bits].append(float(np.linalg.norm(
                    ref - np.array(net.compute_face_descriptor(image, shape, 1)))))
    base = float(np.mean(noise))
    print(f"{len(noise)} faces; baseline (original, sensor noise sigma 2): mean {base:.4f}, "
          f"p95 {np.percentile(noise, 95):.4f}, max {max(noise):.4f}")
    for bits, dist in moved.items():
        print(f"{bits} bits vs original: mean {np.mean(dist):.4f}, p95 "
              f"{np.percentile(dist, 95):.4f}, max {max(dist):.4f}; mean / baseline "
              f"{np.mean(dist) / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
