"""dlib is not thread-safe: the adapter serialises every call into it.

Found by tests/client_e2e: the client's camera thread counted faces while a worker
ran the identity check, and the process died with "malloc(): invalid size".
"""

from __future__ import annotations

import threading
from types import SimpleNamespace

import numpy as np

from verifier.config import VerifierConfig
from verifier.face_adapter import DLIB_CALL_LOCK, DlibFaceEngine, RawDetection
from verifier.faces import detect_faces, encode_face

from .conftest import FR, need_faces


class _Recorder:
    """Stands in for dlib's objects and records whether the lock was held."""

    def __init__(self) -> None:
        self.held: list[bool] = []

    def _note(self, result):  # type: ignore[no-untyped-def]
        self.held.append(DLIB_CALL_LOCK.locked())
        return result

    def run(self, rgb, upsample, threshold):  # type: ignore[no-untyped-def]
        return self._note(([], [], []))

    def shape(self, rgb, rect):  # type: ignore[no-untyped-def]
        return self._note(SimpleNamespace(parts=lambda: []))

    def descriptor(self, rgb, shape, jitter):  # type: ignore[no-untyped-def]
        return self._note([0.0] * 128)


def test_every_dlib_call_holds_the_lock() -> None:
    rec = _Recorder()
    api = SimpleNamespace(
        face_detector=SimpleNamespace(run=rec.run),
        pose_predictor_68_point=rec.shape, pose_predictor_5_point=rec.shape,
        face_encoder=SimpleNamespace(compute_face_descriptor=rec.descriptor),
        dlib=SimpleNamespace(rectangle=lambda *a: a),
    )
    engine = DlibFaceEngine(api)
    rgb = np.zeros((8, 8, 3), np.uint8)
    box = RawDetection(0, 4, 4, 0, 1.0)
    engine.detect(rgb, 0)
    engine.landmarks(rgb, box)
    engine.encode(rgb, box)
    assert rec.held == [True, True, True, True]
    assert not DLIB_CALL_LOCK.locked()


def test_concurrent_detection_and_encoding_give_the_sequential_results(engine) -> None:
    need_faces()
    import cv2

    frame = cv2.imread(str(FR / "examples" / "obama.jpg"))
    config = VerifierConfig()
    expected_faces = detect_faces(frame, config, engine=engine)
    expected = encode_face(frame, expected_faces[0], engine=engine)
    errors: list[BaseException] = []
    results: list[np.ndarray] = []

    def work() -> None:
        try:
            for _ in range(4):
                faces = detect_faces(frame, config, engine=engine)
                results.append(encode_face(frame, faces[0], engine=engine))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors and len(results) == 12
    for vec in results:
        assert np.allclose(vec, expected)


def test_a_turn_without_waiting_is_refused_while_dlib_is_busy():
    from client.core.devices import default_face_counter
    from verifier.face_adapter import dlib_turn

    counter = default_face_counter(wait=False)
    assert counter is not None
    with DLIB_CALL_LOCK:  # the identity analysis is in a dlib call
        with dlib_turn(wait=False) as mine:
            assert mine is False
        assert counter(np.zeros((48, 64, 3), np.uint8)) is None  # skipped, did not wait
    with dlib_turn(wait=False) as mine:  # free: taken, and the calls inside do not deadlock
        assert mine is True and DLIB_CALL_LOCK.locked()
    assert not DLIB_CALL_LOCK.locked()
