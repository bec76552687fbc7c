"""Identity matching on the shared photos (needs ../shared/faces)."""

from __future__ import annotations

import csv

import cv2
import numpy as np
import pytest

from exam_packages.errors import EnrolmentError, FaceAnalysisError
from verifier.config import VerifierConfig
from verifier.faces import detect_faces, distance
from verifier.id_document import find_portrait, rotate
from verifier.identity import IdentityDecision, IdentityVerifier, Template, decide
from verifier.quality import frame_reasons

from .conftest import EX, FR, fit_canvas

pytestmark = pytest.mark.needs_faces


def test_same_person_photos_are_closer_than_threshold(cache, config):
    d = distance(cache.encoding(EX / "obama.jpg"), cache.encoding(EX / "obama2.jpg"))
    assert d < config.review_band[0]
    assert decide(d, config)[0] == "match"


def test_different_people_exceed_threshold(cache, config):
    d = distance(cache.encoding(EX / "obama.jpg"), cache.encoding(EX / "biden.jpg"))
    outcome, reasons = decide(d, config)
    assert d > config.review_band[1]
    assert outcome == "no_match"
    assert reasons[0].code == "no_match"


def test_two_person_images_report_several_faces(cache, config, engine):
    for name in ("two_people.jpg", "knn_examples/test/kit_with_rose.jpg"):
        img = cache.image(EX / name)
        faces = detect_faces(img, config, engine=engine)
        reasons = frame_reasons(img, faces, config)
        assert [r.code for r in reasons] == ["several_faces"], name
        assert reasons[0].values["faces"] == 2


def test_astronaut_mission_patch_is_not_a_face(faces_root, cache, engine):
    img = cache.image(faces_root / "skimage" / "astronaut.png")
    upsampled = VerifierConfig(upsample=1)
    faces = detect_faces(img, upsampled, engine=engine)
    assert len(faces) == 1
    assert faces[0].top < 200  # the face, not the patch at y ~ 335
    # without the score filter the patch is reported: the filter is what rejects it
    loose = detect_faces(img, VerifierConfig(upsample=1, min_detection_score=0.0), engine=engine)
    assert len(loose) == 2


def _doc_rows(faces_root):
    with (faces_root / "id_docs" / "MANIFEST.csv").open() as fh:
        return list(csv.DictReader(fh))


def test_specimen_documents_yield_a_portrait_in_any_rotation(faces_root, cache, config, engine):
    rows = _doc_rows(faces_root)
    found = 0
    for i, row in enumerate(rows):
        img = cache.image(faces_root / row["path"])
        degrees = (0, 90, 180, 270)[i % 4]  # each document once, in varying rotations
        portrait = find_portrait(rotate(img, degrees), config, engine=engine)
        assert (portrait.rotation + degrees) % 360 == 0, row["path"]
        assert portrait.encoding.shape == (128,)
        found += 1
    assert found == len(rows) == 32


def compose_document(template: np.ndarray, face_photo: np.ndarray, engine, config) -> np.ndarray:
    """Paste a photo's face over the specimen portrait (synthetic document)."""
    upright = template.copy()
    from verifier.id_document import locate_portrait

    _, slot, _ = locate_portrait(upright, config, engine=engine)
    src = detect_faces(face_photo, config, engine=engine)[0]
    pad = 0.45
    sx0 = max(int(src.left - pad * src.width), 0)
    sy0 = max(int(src.top - pad * 1.3 * src.height), 0)
    sx1 = min(int(src.right + pad * src.width), face_photo.shape[1])
    sy1 = min(int(src.bottom + pad * src.height), face_photo.shape[0])
    w = int(slot.width * (1 + 2 * pad))
    h = int(w * (sy1 - sy0) / (sx1 - sx0))
    x0 = max(slot.left - int(pad * slot.width), 0)
    y0 = max(slot.top - int(pad * 1.3 * slot.height), 0)
    w, h = min(w, upright.shape[1] - x0), min(h, upright.shape[0] - y0)
    upright[y0 : y0 + h, x0 : x0 + w] = cv2.resize(face_photo[sy0:sy1, sx0:sx1], (w, h))
    return upright


def test_synthetic_document_matches_other_photos_of_same_person(faces_root, cache, config, engine):
    template = cache.image(faces_root / "id_docs/passporteye/passport-td3.jpg")
    doc = compose_document(template, cache.image(EX / "obama.jpg"), engine, config)
    verifier = IdentityVerifier(config, engine)
    live = [fit_canvas(cache.image(FR / "tests/test_images/obama3.jpg")),
            fit_canvas(cache.image(EX / "knn_examples/test/obama1.jpg"))]
    decision = verifier.check(rotate(doc, 90), live)
    assert decision.outcome == "match", decision
    assert decision.distance is not None and decision.distance < config.review_band[0]
    biden = fit_canvas(cache.image(EX / "knn_examples/train/biden/biden2.jpg"))
    impostor = verifier.check(doc, [biden])
    assert impostor.outcome == "no_match"
    assert impostor.reasons[0].code == "no_match"


def test_specimen_portrait_does_not_match_a_live_person(faces_root, cache, config, engine):
    verifier = IdentityVerifier(config, engine)
    doc = cache.image(faces_root / "id_docs/passporteye/100_pass-cze2.jpg")
    decision = verifier.check(doc, [fit_canvas(cache.image(EX / "obama.jpg"))])
    assert decision.outcome == "no_match"
    assert decision.distance is not None and decision.distance > decision.review_band[1]


def test_template_is_mean_of_several_frames(cache, config, engine):
    verifier = IdentityVerifier(config, engine)
    names = ("obama.jpg", "obama2.jpg", "obama_small.jpg")
    frames = [fit_canvas(cache.image(EX / n)) for n in names]
    template = verifier.enrol(frames)
    assert template.frames_used == 3
    assert np.isclose(np.linalg.norm(template.vector), 1.0)
    single = Template.from_encodings([cache.encoding(EX / "obama.jpg")])
    assert not np.allclose(single.vector, template.vector)


def test_no_face_in_document_gives_review_not_match(cache, config, engine):
    verifier = IdentityVerifier(config, engine)
    blank = np.full((400, 600, 3), 200, dtype=np.uint8)
    decision = verifier.check(blank, [fit_canvas(cache.image(EX / "obama.jpg"))])
    assert isinstance(decision, IdentityDecision)
    assert decision.outcome == "review" and decision.distance is None
    assert decision.reasons[0].code == "id_no_portrait"


def test_no_usable_live_frame_gives_review_with_reasons(faces_root, cache, config, engine):
    verifier = IdentityVerifier(config, engine)
    doc = cache.image(faces_root / "id_docs/passporteye/passport-td3.jpg")
    dark = np.zeros((480, 640, 3), dtype=np.uint8)
    two = fit_canvas(cache.image(EX / "two_people.jpg"), 1280, 720)
    decision = verifier.check(doc, [dark, two])
    assert decision.outcome == "review"
    codes = [r.code for r in decision.reasons]
    assert codes[0] == "live_no_usable_frame"
    assert "no_face" in codes and "several_faces" in codes


def test_enrol_raises_typed_error_with_reasons(config, engine):
    verifier = IdentityVerifier(config, engine)
    with pytest.raises(EnrolmentError) as info:
        verifier.enrol([np.zeros((480, 640, 3), dtype=np.uint8)])
    assert isinstance(info.value, FaceAnalysisError)
    assert info.value.code == "enrolment_failed"
    assert [r.code for r in info.value.reasons] == ["no_face"]
    assert "No face found" in info.value.user_message


def test_match_with_a_second_person_in_some_frame_is_review(faces_root, cache, config, engine):
    template = cache.image(faces_root / "id_docs/passporteye/passport-td3.jpg")
    doc = compose_document(template, cache.image(EX / "obama.jpg"), engine, config)
    verifier = IdentityVerifier(config, engine)
    live = [fit_canvas(cache.image(FR / "tests/test_images/obama3.jpg")),
            fit_canvas(cache.image(EX / "knn_examples/test/obama1.jpg"))]
    two = fit_canvas(cache.image(EX / "two_people.jpg"), 1280, 720)
    assert verifier.check(doc, live).outcome == "match"
    decision = verifier.check(doc, [*live, two])
    assert decision.outcome == "review"
    assert [r.code for r in decision.reasons] == ["several_faces"]
    assert decision.distance is not None and decision.distance < config.review_band[0]
