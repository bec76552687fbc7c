"""bundling.predictor on a hand-made dlib stream: what is rounded, cut and kept exactly."""

from __future__ import annotations

import math

import pytest

from bundling.predictor import _pack, _Reader, shrink


def _float(value: float) -> bytes:
    mantissa, exponent = math.frexp(value)
    return _pack(int(mantissa * 2**53)) + _pack(exponent - 53)


def _read_float(r: _Reader) -> float:
    mantissa = r.int()
    return math.ldexp(mantissa, r.int())


def _tree(leaf: float, thresh: float) -> bytes:
    splits = _pack(1) + _pack(3) + _pack(7) + _float(thresh)
    leaves = _pack(2) + b"".join(_pack(-2) + _pack(-1) + _float(leaf) + _float(-leaf)
                                 for _ in range(2))
    return splits + leaves


def _model(trees: int) -> bytes:
    mean = _pack(-2) + _pack(-1) + _float(0.123456789) + _float(0.987654321)
    forests = _pack(1) + _pack(trees) + b"".join(_tree(0.1 + i, 0.3333333333) for i in
                                                  range(trees))
    tail = _pack(1) + _pack(2) + _pack(5) + _pack(6)  # anchor indices etc., copied as they are
    return _pack(1) + mean + forests + tail


def test_leaves_are_rounded_trees_cut_and_the_rest_kept_exactly() -> None:
    small = shrink(_model(3), bits=4, trees=2)
    r = _Reader(small)
    assert r.int() == 1
    assert (r.int(), r.int()) == (-2, -1)
    assert [_read_float(r), _read_float(r)] == [0.123456789, 0.987654321]  # mean shape exact
    assert (r.int(), r.int()) == (1, 2)  # one level, two of three trees kept
    for i in range(2):
        assert (r.int(), r.int(), r.int()) == (1, 3, 7)
        assert _read_float(r) == 0.3333333333  # split threshold exact
        assert r.int() == 2
        for _ in range(2):
            assert (r.int(), r.int()) == (-2, -1)
            leaf, neg = _read_float(r), _read_float(r)
            assert leaf == -neg and abs(leaf - (0.1 + i)) <= (0.1 + i) / 2**4  # 4 bits
    assert small[r.pos:] == _pack(1) + _pack(2) + _pack(5) + _pack(6)
    assert len(small) < len(_model(3))


def test_a_stream_that_is_not_a_shape_predictor_is_refused() -> None:
    with pytest.raises(ValueError, match="not a dlib shape predictor"):
        shrink(_pack(2) + _model(1)[2:])


def test_fixed_point_writes_every_leaf_on_one_step_with_one_exponent() -> None:
    small = shrink(_model(1), bits=-6)  # step 2**-6 = 0.015625
    r = _Reader(small)
    assert r.int() == 1
    assert (r.int(), r.int()) == (-2, -1)
    assert [_read_float(r), _read_float(r)] == [0.123456789, 0.987654321]  # mean shape exact
    assert (r.int(), r.int()) == (1, 1)
    assert (r.int(), r.int(), r.int()) == (1, 3, 7)
    assert _read_float(r) == 0.3333333333  # split threshold exact
    assert r.int() == 2
    for _ in range(2):
        assert (r.int(), r.int()) == (-2, -1)
        for want in (0.1, -0.1):
            mantissa, exponent = r.int(), r.int()
            assert exponent == -6 and mantissa == round(want * 64)  # 0.1 -> 6 * 2**-6
