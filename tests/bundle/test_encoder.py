"""bundling.encoder: weights rounded, everything else exact, the real model still encodes."""

from __future__ import annotations

import struct
import warnings
from pathlib import Path

import numpy as np
import pytest

from bundling.encoder import find_tensors, shrink
from bundling.predictor import _pack

FACES = Path(__file__).resolve().parents[2] / ".." / "shared" / "faces"


def _tensor(values: list[float], rows: int) -> bytes:
    cols = len(values) // rows
    head = _pack(2) + _pack(rows) + _pack(cols) + _pack(1) + _pack(1)
    return head + struct.pack(f"<{len(values)}f", *values)


def _net(values: list[float]) -> bytes:
    return _pack(1) + _tensor(values, 16)


def test_weights_are_rounded_to_nearest_and_the_layout_kept() -> None:
    values = [1.0 + i / 1000 for i in range(4000)] + [float("inf"), -3.1415926] * 48
    net = _net(values)
    small = shrink(net, bits=8)
    assert len(small) == len(net) and small[:11] == net[:11]  # header ints exact
    (offset, count), = find_tensors(small)
    got = np.frombuffer(small, "<f4", count=count, offset=offset)
    want = np.array(values, np.float32)
    finite = np.isfinite(want)
    assert np.all(np.isinf(got[~finite]))
    rel = np.abs(got[finite] - want[finite]) / np.abs(want[finite])
    assert rel.max() <= 2.0 ** -9  # half a unit in the 8th mantissa bit
    assert np.all(got.view("<u4")[finite] & 0x7FFF == 0)  # the low 15 bits are zero


def test_a_file_that_is_not_a_dlib_network_is_refused() -> None:
    with pytest.raises(ValueError, match="not a dlib DNN file"):
        shrink(b"\x01\x02" + bytes(range(256)) * 40)
    with pytest.raises(ValueError, match="bits must be"):
        shrink(_net([1.0] * 64), bits=0)


@pytest.mark.needs_faces
def test_the_rounded_real_encoder_encodes_a_face_like_the_original(tmp_path: Path) -> None:
    photo = FACES / "face_recognition" / "examples" / "obama.jpg"
    if not photo.exists():
        pytest.skip("needs ../shared/faces")
    warnings.filterwarnings("ignore", category=UserWarning)
    import dlib
    import face_recognition_models as models
    from PIL import Image

    src = Path(models.face_recognition_model_location())
    small = tmp_path / src.name
    small.write_bytes(shrink(src.read_bytes(), 8))
    image = np.asarray(Image.open(photo).convert("RGB"))
    box = dlib.get_frontal_face_detector()(image, 1)[0]
    shape = dlib.shape_predictor(models.pose_predictor_five_point_model_location())(image, box)
    ref = np.array(dlib.face_recognition_model_v1(str(src)).compute_face_descriptor(image, shape))
    got = np.array(dlib.face_recognition_model_v1(str(small)).compute_face_descriptor(image, shape))
    # measured over the shared faces: mean 0.004, max 0.005; sensor noise alone moves 0.06
    assert np.linalg.norm(ref - got) < 0.02
