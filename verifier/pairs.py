"""Build genuine/impostor pair lists from the labelled photo folders.

Each sub-folder of the faces root has a MANIFEST.csv (path, identity,
photo_id, faces, kind, ...).  Only single-face images with one identity are
used; rows sharing a ``photo_id`` are the same photograph (crops, resizes),
so by default one row per photo_id is kept and pairs sharing a photo_id are
never formed.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from exam_packages.errors import InputError

DEFAULT_KINDS = ("photo", "aligned_chip")


@dataclass(frozen=True)
class LabelledImage:
    path: Path  # absolute
    identity: str
    photo_id: str


@dataclass(frozen=True)
class Pair:
    image_a: Path
    image_b: Path
    same: bool


def read_manifests(root: Path, kinds: Sequence[str] = DEFAULT_KINDS) -> list[LabelledImage]:
    root = Path(root).resolve()
    manifests = sorted(root.glob("*/MANIFEST.csv"))
    if not manifests:
        raise InputError(f"No */MANIFEST.csv under {root}")
    out: list[LabelledImage] = []
    for manifest in manifests:
        with manifest.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                identity = (row.get("identity") or "").strip()
                if row.get("faces") != "1" or not identity or "+" in identity:
                    continue
                if row.get("kind") not in kinds:
                    continue
                out.append(LabelledImage(root / row["path"], identity, row["photo_id"]))
    return out


def unique_photos(images: Iterable[LabelledImage]) -> list[LabelledImage]:
    seen: set[str] = set()
    out = []
    for img in images:
        if img.photo_id not in seen:
            seen.add(img.photo_id)
            out.append(img)
    return out


def build_pairs(images: Sequence[LabelledImage]) -> list[Pair]:
    """All pairs of ``images`` except those sharing a photo_id."""
    pairs = []
    for a, b in itertools.combinations(images, 2):
        if a.photo_id == b.photo_id:
            continue
        pairs.append(Pair(a.path, b.path, a.identity == b.identity))
    return pairs


def write_pairs_csv(pairs: Sequence[Pair], path: Path) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["image_a", "image_b", "same"])
        for pair in pairs:
            writer.writerow([str(pair.image_a), str(pair.image_b), "yes" if pair.same else "no"])


def read_pairs_csv(path: Path) -> list[Pair]:
    """Read image_a,image_b,same (yes/no); relative paths are relative to the CSV."""
    path = Path(path)
    base = path.resolve().parent
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(f"Cannot read pairs file {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, csv.Error, ValueError) as exc:
        raise InputError(f"{path} is not a pairs CSV (image_a,image_b,same): {exc}") from exc
    pairs = []
    for number, row in enumerate(rows, start=2):
        try:
            same = {"yes": True, "no": False}[(row.get("same") or "").strip().lower()]
            a, b = Path(row["image_a"].strip()), Path(row["image_b"].strip())
        except (KeyError, AttributeError) as exc:
            raise InputError(f"{path}:{number}: need image_a, image_b, same=yes|no") from exc
        pairs.append(Pair(base / a if not a.is_absolute() else a,
                          base / b if not b.is_absolute() else b, same))
    if not pairs:
        raise InputError(f"{path}: no pairs")
    return pairs
