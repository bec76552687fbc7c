"""emtihan-verify CLI, pair building and configuration loading."""

from __future__ import annotations

import csv
import json

import pytest

from exam_packages.errors import InputError
from verifier.cli import main
from verifier.config import VerifierConfig
from verifier.evaluation import EvalReport
from verifier.pairs import (
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


def test_eval_command_prints_rates_roc_and_timings(faces_root, tmp_path, capsys):
    names = ["obama.jpg", "obama2.jpg", "biden.jpg", "knn_examples/train/biden/biden2.jpg",
             "alex-lacamoire.png"]
    images = [r for r in read_manifests(faces_root) if r.path in {EX / n for n in names}]
    images = unique_photos(images)
    pairs_csv = tmp_path / "pairs.csv"
    write_pairs_csv(build_pairs(images), pairs_csv)
    assert main(["eval", str(pairs_csv)]) == 0
    out = capsys.readouterr().out
    assert "pairs: 2 genuine, 8 impostor, 0 skipped" in out
    assert "threshold 0.400: FMR 0.0000  FNMR 0.0000" in out
    assert "failure to enrol: 0.000 (0/5 images)" in out
    assert "ROC (threshold sweep)" in out and out.count("obama") >= 2


def test_eval_with_relative_paths_and_failure_to_enrol(faces_root, tmp_path, capsys):
    blank = tmp_path / "blank.png"
    import cv2
    import numpy as np

    cv2.imwrite(str(blank), np.full((200, 200, 3), 128, np.uint8))
    with (tmp_path / "p.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["image_a", "image_b", "same"])
        w.writerow(["blank.png", str(EX / "obama.jpg"), "no"])
    assert main(["eval", str(tmp_path / "p.csv")]) == 0
    out = capsys.readouterr().out
    assert "0 genuine, 0 impostor, 1 skipped" in out
    assert "failure to enrol: 0.500 (1/2 images)" in out
    assert "FAILED: no face" in out


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
    report = EvalReport(0.5, genuine=[0.2, 0.6], impostor=[0.4, 0.7, 0.9])
    assert report.rates(0.5) == (pytest.approx(1 / 3), 0.5)
    assert report.roc([0.1, 1.0]) == [(0.1, 0.0, 1.0), (1.0, 1.0, 0.0)]
