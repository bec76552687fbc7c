"""emtihan-verify CLI, pair building and configuration loading."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from exam_packages.errors import InputError
from verifier.cli import main
from verifier.config import VerifierConfig
from verifier.evaluation import EvalReport, PairResult
from verifier.identity import IdentityDecision
from verifier.pairs import (
    Pair,
    build_pairs,
    read_manifests,
    read_pairs_csv,
    unique_photos,
    write_pairs_csv,
)

from .conftest import EX

pytestmark = pytest.mark.needs_faces


def test_pairs_skip_shared_photo_ids(faces_root):
    rows = read_manifests(faces_root)
    obama = [r for r in rows if r.identity == "barack_obama"]
    assert len({r.photo_id for r in obama}) < len(obama)  # crops/resizes exist
    pairs = build_pairs(rows)
    by_path = {r.path: r for r in rows}
    assert pairs and all(by_path[p.image_a].photo_id != by_path[p.image_b].photo_id for p in pairs)
    assert any(p.same for p in pairs) and any(not p.same for p in pairs)
    unique = unique_photos(rows)
    assert len({r.photo_id for r in unique}) == len(unique)


def test_eval_command_reports_the_deployed_decision(faces_root, tmp_path, capsys):
    names = ["obama.jpg", "obama2.jpg", "biden.jpg", "knn_examples/train/biden/biden2.jpg",
             "alex-lacamoire.png"]
    images = [r for r in read_manifests(faces_root) if r.path in {EX / n for n in names}]
    images = unique_photos(images)
    pairs_csv, out_csv = tmp_path / "pairs.csv", tmp_path / "out.csv"
    write_pairs_csv(build_pairs(images), pairs_csv)
    assert main(["eval", str(pairs_csv), "--out", str(out_csv)]) == 0
    out = capsys.readouterr().out
    assert "pairs: 2 genuine, 8 impostor; failures to enrol: 0 genuine and 0 impostor" in out
    assert "deployed decision: match below 0.340, review 0.340-0.460, no_match above 0.460" in out
    assert "impostor        0" in out  # no impostor pair is accepted
    assert "operating point (only match accepts): FMR 0.0000" in out
    assert "EER " in out and "ROC (distance threshold sweep)" in out
    rows = list(csv.DictReader(out_csv.open()))
    assert len(rows) == 10 and {r["outcome"] for r in rows} <= {"match", "review", "no_match"}
    genuine = [float(r["distance"]) for r in rows if r["same"] == "yes"]
    impostor = [float(r["distance"]) for r in rows if r["same"] == "no"]
    assert max(genuine) < min(impostor)  # the distances are real, in the expected order


def test_eval_counts_failure_to_enrol_as_non_match(faces_root, tmp_path, capsys):
    blank = tmp_path / "blank.png"
    import cv2
    import numpy as np

    cv2.imwrite(str(blank), np.full((200, 200, 3), 128, np.uint8))
    with (tmp_path / "p.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["image_a", "image_b", "same"])
        w.writerow(["blank.png", str(EX / "obama.jpg"), "yes"])
        w.writerow([str(EX / "obama.jpg"), str(EX / "obama_small.jpg"), "yes"])
    assert main(["eval", str(tmp_path / "p.csv")]) == 0
    out = capsys.readouterr().out
    assert "pairs: 2 genuine, 0 impostor; failures to enrol: 1 genuine and 0 impostor" in out
    # the blank "document" cannot be enrolled: a non-match at the operating point
    assert "FNMR 0.5000 (failures to enrol count as non-matches; FNMR without them 0.0000)" in out
    assert "blank.png  FAILED: as ID: id_no_portrait; as live: no_face" in out


def test_eval_refuses_a_binary_pairs_file(tmp_path, capsys):
    binary = tmp_path / "pairs.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    assert main(["eval", str(binary)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"error: {binary} is not a pairs CSV (image_a,image_b,same)")
    assert "Traceback" not in captured.err


def test_check_command(faces_root, capsys):
    doc = faces_root / "id_docs/passporteye/passport-td3.jpg"
    assert main(["check", str(doc), str(EX / "obama.jpg")]) == 0
    out = capsys.readouterr().out
    assert "outcome: no_match" in out and "threshold: 0.400" in out
    assert "reason: no_match: The face does not match the ID document." in out


def test_check_command_with_video(faces_root, capsys):
    doc = faces_root / "id_docs/passporteye/passport-td3.jpg"
    clip = EX / "short_hamilton_clip.mp4"
    assert main(["check", str(doc), str(clip)]) == 0
    out = capsys.readouterr().out
    assert "outcome: " in out and "distance: " in out


def test_cli_errors_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.jpg"), str(EX / "obama.jpg")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Cannot read image file")
    bad = tmp_path / "bad.csv"
    bad.write_text("image_a,image_b,same\na.jpg,b.jpg,maybe\n")
    assert main(["eval", str(bad)]) == 2
    assert "need image_a, image_b, same=yes|no" in capsys.readouterr().err
    cfg = tmp_path / "cfg.json"
    cfg.write_text(json.dumps({"match_threshold": "high"}))
    assert main(["eval", str(bad), "--config", str(cfg)]) == 2
    assert capsys.readouterr().err == "error: verifier config: match_threshold must be a number\n"


def test_pairs_command(faces_root, tmp_path, capsys):
    out_csv = tmp_path / "all.csv"
    assert main(["pairs", str(faces_root), str(out_csv)]) == 0
    pairs = read_pairs_csv(out_csv)
    assert "genuine and" in capsys.readouterr().out
    assert all(p.image_a.is_absolute() and p.image_a.exists() for p in pairs[:50])


def test_config_from_dict_and_json():
    cfg = VerifierConfig.from_json(
        '{"match_threshold": 0.45, "review_margin": 0.05, "detect_every": 2}'
    )
    assert cfg.match_threshold == 0.45 and cfg.detect_every == 2
    assert cfg.review_band == pytest.approx((0.40, 0.50))
    assert VerifierConfig.from_dict(cfg.to_dict()) == cfg


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"nope": 1}, "verifier config: unknown key 'nope'"),
        ({"detect_every": 1.5}, "verifier config: detect_every must be an integer"),
        ({"match_threshold": -1}, "verifier config: match_threshold must not be negative"),
        ({"match_threshold": True}, "verifier config: match_threshold must be a number"),
        ({"vad_mode": 4}, "verifier config: vad_mode must be 0..3"),
        ({"detect_every": 0}, "verifier config: detect_every must be at least 1"),
    ],
)
def test_config_refuses_bad_values(data, message):
    with pytest.raises(InputError) as info:
        VerifierConfig.from_dict(data)
    assert str(info.value) == message


def test_config_bad_json():
    with pytest.raises(InputError) as info:
        VerifierConfig.from_json("{")
    assert str(info.value).startswith("verifier config is not valid JSON")


def test_report_rates_are_computed_not_hardcoded():
    def pair(same, dist, outcome, failed=False):
        decision = IdentityDecision(outcome, dist, 0.4, (0.34, 0.46))
        return PairResult(Pair(Path("a"), Path("b"), same), decision, failed)

    report = EvalReport(0.4, (0.34, 0.46), pairs=[
        pair(True, 0.2, "match"), pair(True, 0.6, "no_match"), pair(True, None, "review", True),
        pair(False, 0.4, "review"), pair(False, 0.7, "no_match"), pair(False, 0.3, "match")])
    assert report.rates(0.5) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert report.roc([0.1, 1.0]) == [(0.1, 0.0, 1.0), (1.0, 1.0, pytest.approx(1 / 3))]
    assert report.operating_point() == (pytest.approx(1 / 3), pytest.approx(2 / 3))
    assert report.operating_point(with_fte=False) == (pytest.approx(1 / 3), 0.5)
    assert report.counts(True) == {"match": 1, "review": 1, "no_match": 1}
    assert report.enrol_failures(True) == 1 and report.enrol_failures(False) == 0
    eer, at = report.eer()
    assert 0 <= eer <= 1 and at in (0.2, 0.3, 0.4, 0.6, 0.7)
