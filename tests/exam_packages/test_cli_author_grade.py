"""`emtihan-author grade PACKAGE --answers FILE.json`: an author's answers graded
against a real built package, grades out as Moodle gradebook CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exam_packages import cli
from exam_packages.paper import make_paper
from exam_packages.source import load_source

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "exam_packages" / "samples" / "moodle_types.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("pkg")
    for args in (["keygen", "--kind", "author", "--out", tmp / "author.key"],
                 ["keygen", "--kind", "results", "--out", tmp / "inst.key"],
                 ["trust", tmp / "author.key.pub", "--out", tmp / "trust.json"],
                 ["build", SAMPLE, "--author-key", tmp / "author.key", "--recipient",
                  tmp / "inst.key.pub", "--out", tmp / "m.emtihan", "--encrypt"]):
        assert cli.main([str(a) for a in args]) == 0
    return tmp


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_answers_file_graded_with_csv_out(package: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    doc = load_source(SAMPLE).exam_doc
    seed_paper = make_paper(doc, {}, "7")
    answers = _write(tmp_path / "a.json", [
        {"student_id": "2026-001", "answers": {"primes": ["a", "b"], "gravity": "985 cm/s^2"}},
        {"student_id": "2026-002", "seed": "7",
         "answers": {"primes": ["a", "b", "c"], "capital-fr": "Marseille"}},
    ])
    code, out, err = run(capsys, "grade", package / "m.emtihan", "--answers", answers,
                         "--content-key", package / "m.emtihan.key", "--csv",
                         tmp_path / "grades.csv", "--breakdown", tmp_path / "b.csv")
    assert (code, err) == (0, "")
    assert "(signature not checked" in out and "== 2026-002, seed 7" in out
    rows = list(csv.reader(io.StringIO((tmp_path / "grades.csv").read_text())))
    # 2026-002: 0.50 for Marseille, 0.20 for the ordering never moved, graded in the order
    # its paper showed (as Moodle); 2026-001 has no seed, so no paper and no shown order
    assert rows == [["ID number", "Moodle question types"], ["2026-001", "2.00"],
                    ["2026-002", "0.70"]]
    breakdown = list(csv.DictReader(io.StringIO((tmp_path / "b.csv").read_text())))
    assert len(breakdown) == len(doc["questions"]) + len(seed_paper["questions"])
    primes = [r for r in breakdown if r["question"] == "primes"]
    assert [(r["status"], r["points"]) for r in primes] == [("correct", "1.00"),
                                                            ("wrong", "0.00")]


def test_json_and_signature_checked(package: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    answers = _write(tmp_path / "a.json", {"pets": {"g1": "a", "g2": "c"}})
    code, out, _ = run(capsys, "grade", package / "m.emtihan", "--answers", answers,
                       "--content-key", package / "m.emtihan.key", "--trust",
                       package / "trust.json", "--json")
    report = json.loads(out)
    assert code == 0 and report["signature_checked"] is True
    assert report["students"][0]["student_id"] == "author"
    assert report["summary"]["students"] == 1 and report["students"][0]["total"] == "1.00"


@pytest.mark.parametrize(("content", "message"), [
    (b"[1]", "answers file, entry 1: expected an object"),
    (b'{"answers": {}, "seed": 7}', "answers file: 'seed' must be a non-empty string"),
    (b'[{"student_id": "a", "answers": {}}, {"student_id": "a", "answers": {}}]',
     "answers file: student 'a' appears twice"),
    (b'{"q1": \n', "answers file: line 2: Expecting value"),
])
def test_bad_answers_file(package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, _, err = run(capsys, "grade", package / "m.emtihan", "--answers", path,
                       "--content-key", package / "m.emtihan.key",
                       "--csv", tmp_path / "g.csv")
    assert (code, err) == (2, f"error: {message}\n")
    assert not (tmp_path / "g.csv").exists()


def test_envelope_mode_needs_its_flags(package: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "grade", package / "result.bin", "--key", package / "inst.key")
    assert code == 2 and "grading an envelope needs --package, --trust" in err


def test_real_subprocess(package: Path, tmp_path: Path) -> None:
    answers = _write(tmp_path / "a.json", {"fox": {"g1": "a", "g2": "b"}})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "exam_packages.cli", "grade", str(package / "m.emtihan"),
         "--answers", str(answers), "--content-key", str(package / "m.emtihan.key")],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "fox" in proc.stdout and "correct" in proc.stdout
