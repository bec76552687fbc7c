"""A smaller-to-download dlib face encoder: weights rounded to bfloat16 precision.

    python -m bundling.encoder SRC.dat DST.dat [--bits 8]

dlib's face encoder (``dlib_face_recognition_resnet_model_v1.dat``, 22.5 MB) is a ResNet
whose parameter tensors dlib writes as raw 4-byte little-endian floats (``tensor.h``
``serialize``: a version int 2, four dimension ints, then the floats), which gzip cannot
shrink (20.9 MB compressed). Rounding every weight to ``bits`` mantissa bits (8 = the
precision of bfloat16, as inference engines run such networks) zeroes the low bytes of each
float: the file keeps its size and loads in the unmodified
``dlib.face_recognition_model_v1``, and the archive carries about half. The quality before
and after is measured by ``benchmarks/bench_encoder.py`` (docs/verifier.md).

The tensors are found by their header; the small integers of the layer descriptions around
them are copied exactly. ``find_tensors`` refuses a file where the tensors found do not
cover almost all of it (another format, or a header misread).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MIN_COVERED = 0.999  # share of the file the parameter tensors must account for


def _int(data: bytes, pos: int) -> tuple[int | None, int]:
    """dlib's variable-length integer at ``pos`` (None when the size byte is not one)."""
    head = data[pos]
    size = head & 0x0F
    if size > 8 or head & 0x70:
        return None, pos
    value = int.from_bytes(data[pos + 1:pos + 1 + size], "little")
    return (-value if head & 0x80 else value), pos + 1 + size


def _tensor_at(data: bytes, pos: int) -> tuple[int, int] | None:
    """(offset of the floats, how many) when a parameter tensor starts at ``pos``."""
    version, pos = _int(data, pos)
    if version != 2:
        return None
    dims = []
    for _ in range(4):
        dim, pos = _int(data, pos)
        if dim is None or dim <= 0 or dim > 50_000_000:
            return None
        dims.append(dim)
    count = dims[0] * dims[1] * dims[2] * dims[3]
    # parameter tensors are (n, 1, 1, 1) or (outputs, inputs, 1, 1): at least 16 rows
    if count < 64 or dims[0] < 16 or pos + 4 * count > len(data):
        return None
    return pos, count


def find_tensors(data: bytes) -> list[tuple[int, int]]:
    """The (offset, float count) of every parameter tensor in a dlib DNN file."""
    found, pos = [], 0
    while pos < len(data) - 10:
        tensor = _tensor_at(data, pos)
        if tensor is None:
            pos += 1
            continue
        found.append(tensor)
        pos = tensor[0] + 4 * tensor[1]
    covered = sum(4 * count for _, count in found) / max(1, len(data))
    if covered < MIN_COVERED:
        raise ValueError(f"not a dlib DNN file: its float tensors cover {covered:.1%} of it")
    return found


def shrink(data: bytes, bits: int = 8) -> bytes:
    """``data`` with every weight rounded to nearest at ``bits`` mantissa bits."""
    if not 1 <= bits <= 22:
        raise ValueError(f"bits must be 1..22, not {bits}")
    out = bytearray(data)
    drop = 23 - bits
    half, mask = np.uint32(1 << (drop - 1)), np.uint32(~((1 << drop) - 1) & 0xFFFFFFFF)
    for offset, count in find_tensors(data):
        raw = np.frombuffer(data, dtype="<u4", count=count, offset=offset)
        exponent = np.uint32(0x7F800000)
        rounded = (raw + half) & mask  # a carry goes into the exponent, as it should
        # NaN/inf stay, and a finite weight never rounds up to inf
        keep = ((raw & exponent) == exponent) | ((rounded & exponent) == exponent)
        rounded = np.where(keep, raw, rounded)
        out[offset:offset + 4 * count] = rounded.astype("<u4").tobytes()
    return bytes(out)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bundling.encoder", description=__doc__)
    p.add_argument("src", type=Path)
    p.add_argument("dst", type=Path)
    p.add_argument("--bits", type=int, default=8)
    args = p.parse_args(argv)
    args.dst.write_bytes(shrink(args.src.read_bytes(), args.bits))
    print(f"{args.src.name}: weights rounded to {args.bits} mantissa bits -> {args.dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
