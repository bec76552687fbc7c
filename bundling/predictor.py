"""A smaller dlib 68-point shape predictor: leaf values rounded to fewer significant bits.

    python -m bundling.predictor SRC.dat DST.dat [--bits 8] [--trees N]

dlib serialises every number as a variable-length integer (a size byte, then the bytes);
a float is two of them, mantissa and exponent (``dlib/serialize.h``, ``float_details``).
The 68-point model (99.7 MB) is 10 cascade levels x 500 regression trees of depth 4: 16
leaves x 136 floats per tree, ~10.9 M leaf floats at ~9 bytes each. Rounding the leaf
values to ``bits`` significant bits (the split thresholds, the mean shape and the feature
anchors stay exact) makes each float 3-4 bytes, and the file loads in the unmodified
``dlib.shape_predictor``. ``--trees`` keeps only the first N trees of each level (the
boosting order: later trees are finer corrections). The quality before/after is measured
by ``benchmarks/bench_predictor.py``; the numbers are in docs/verifier.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def int(self) -> int:
        head = self.data[self.pos]
        size = head & 0x0F
        start = self.pos + 1
        value = int.from_bytes(self.data[start:start + size], "little")
        self.pos = start + size
        return -value if head & 0x80 else value


def _pack(value: int) -> bytes:
    neg = 0x80 if value < 0 else 0
    body = abs(value).to_bytes(max(1, (abs(value).bit_length() + 7) // 8), "little")
    return bytes([len(body) | neg]) + body


def _float_bytes(mantissa: int, exponent: int, bits: int) -> bytes:
    """``mantissa * 2**exponent`` rounded to ``bits`` significant bits, as dlib reads it."""
    if mantissa == 0:
        return _pack(0) + _pack(0)
    extra = abs(mantissa).bit_length() - bits
    if extra > 0:
        mantissa = round(mantissa / (1 << extra))
        exponent += extra
    if mantissa != 0:
        zeros = (abs(mantissa) & -abs(mantissa)).bit_length() - 1
        mantissa >>= zeros
        exponent += zeros
    return _pack(mantissa) + _pack(exponent)


def _fixed_bytes(mantissa: int, exponent: int, step: int) -> bytes:
    """``mantissa * 2**exponent`` rounded to a multiple of ``2**step``, written with the
    exponent ``step``: one absolute precision for every leaf, and a constant exponent that
    the archive's compression all but removes."""
    shift = exponent - step
    size = abs(mantissa)
    if shift >= 0:
        size <<= shift
    else:
        size = (size + (1 << (-shift - 1))) >> -shift
    if size == 0:
        return _pack(0) + _pack(step)
    return _pack(-size if mantissa < 0 else size) + _pack(step)


def _copy_float(r: _Reader, out: list[bytes]) -> None:
    start = r.pos
    r.int()
    r.int()
    out.append(r.data[start:r.pos])


def _matrix(r: _Reader, out: list[bytes], bits: int | None) -> None:
    """A float matrix; ``bits`` > 0: significant bits kept, < 0: fixed point at 2**bits."""
    rows, cols = r.int(), r.int()
    out.append(_pack(rows) + _pack(cols))
    for _ in range(abs(rows) * abs(cols)):
        if bits is None:
            _copy_float(r, out)
            continue
        mantissa, exponent = r.int(), r.int()
        out.append(_float_bytes(mantissa, exponent, bits) if bits > 0
                   else _fixed_bytes(mantissa, exponent, bits))


def _tree(r: _Reader, out: list[bytes], bits: int) -> None:
    splits = r.int()
    out.append(_pack(splits))
    for _ in range(splits):  # idx1, idx2 (unsigned), thresh (float): copied exactly
        start = r.pos
        r.int()
        r.int()
        r.int()
        r.int()
        out.append(r.data[start:r.pos])
    leaves = r.int()
    out.append(_pack(leaves))
    for _ in range(leaves):
        _matrix(r, out, bits)


def _skip_tree(r: _Reader) -> None:
    for _ in range(r.int()):
        for _ in range(4):
            r.int()
    for _ in range(r.int()):
        rows, cols = r.int(), r.int()
        for _ in range(2 * abs(rows) * abs(cols)):
            r.int()


def shrink(data: bytes, bits: int = 8, trees: int | None = None) -> bytes:
    """The predictor ``data`` with leaf values rounded (and levels cut to ``trees``)."""
    r, out = _Reader(data), []
    version = r.int()
    if version != 1:
        raise ValueError(f"not a dlib shape predictor of version 1 (version {version})")
    out.append(_pack(version))
    _matrix(r, out, None)  # the mean shape, exact
    levels = r.int()
    out.append(_pack(levels))
    for _ in range(levels):
        count = r.int()
        keep = count if trees is None else min(trees, count)
        out.append(_pack(keep))
        for i in range(count):
            if i < keep:
                _tree(r, out, bits)
            else:
                _skip_tree(r)
    out.append(data[r.pos:])  # anchor indices and deltas of the features, exact
    return b"".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bundling.predictor", description=__doc__)
    p.add_argument("src", type=Path)
    p.add_argument("dst", type=Path)
    p.add_argument("--bits", type=int, default=8)
    p.add_argument("--trees", type=int, default=None)
    args = p.parse_args(argv)
    small = shrink(args.src.read_bytes(), args.bits, args.trees)
    args.dst.write_bytes(small)
    print(f"{args.src.name}: {args.src.stat().st_size / 1e6:.1f} MB -> "
          f"{len(small) / 1e6:.1f} MB ({args.bits} bits"
          f"{'' if args.trees is None else f', {args.trees} trees per level'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
