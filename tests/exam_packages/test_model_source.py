"""exam_packages.source: the YAML/JSON authoring format and the demo sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exam_packages.canonical import canonical_bytes
from exam_packages.errors import InputError
from exam_packages.model import QUESTION_TYPES, validate_exam_doc, validate_meta
from exam_packages.source import load_source

SAMPLE = Path(__file__).resolve().parents[2] / "exam_packages" / "samples" / "demo_exam.yaml"

HEADER = """\
exam:
  exam_id: t-1
  version: 1
  title: Test
  language: en
  opens_at: 2026-12-01T08:00:00Z
  closes_at: 2026-12-01T12:00:00Z
  duration_s: 600
"""


def _write(tmp_path: Path, body: str, name: str = "exam.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_sample_covers_every_type_and_is_canonical() -> None:
    source = load_source(SAMPLE)
    validate_meta(source.meta)
    validate_exam_doc(source.exam_doc, set(source.media))
    types = {q["type"] for q in source.exam_doc["questions"].values()}
    moodle = load_source(SAMPLE.with_name("moodle_types.yaml"))
    types |= {q["type"] for q in moodle.exam_doc["questions"].values()}
    assert types == set(QUESTION_TYPES)
    canonical_bytes(source.exam_doc)  # no floats, nothing unserialisable
    canonical_bytes(source.meta)
    assert set(source.media) == {"incline.png"}
    assert source.media["incline.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = " ".join(q["text"] for q in source.exam_doc["questions"].values())
    assert "Қазақстанның" in text and "Расположите" in text and "Explain" in text
    assert "![incline](media/incline.png)" in source.exam_doc["questions"]["incline"]["text"]


def test_sample_friendly_forms_normalised() -> None:
    doc = load_source(SAMPLE).exam_doc
    q = doc["questions"]
    assert q["capital"]["correct"] == ["b"]
    assert [o["id"] for o in q["vectors"]["options"]] == ["a", "b", "c", "d"]
    assert q["gravity"]["answer"] == "9.81" and q["gravity"]["tolerance"] == "0.05"
    assert q["unit"]["accept"][0] == {"pattern": "Ньютон", "mode": "exact",
                                      "case_sensitive": False}
    assert q["match-units"]["pairs"][0] == {"id": "p1", "left": "Күш / Сила / Force",
                                            "right": "Н (N)"}
    assert q["order-planets"]["correct_order"] == ["i1", "i2", "i3", "i4"]
    pool = next(s for s in doc["sections"] if s["id"] == "pool")
    assert pool["draw"] == 2 and pool["questions"] == ["gravity", "incline", "unit"]


def test_float_written_exactly(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
questions:
  - {id: n1, type: numeric, text: "pi?", answer: 3.14159265358979323846, tolerance: 0.10}
  - {id: n2, type: numeric, text: "big?", answer: 1.5e+3}
""")
    doc = load_source(path).exam_doc
    assert doc["questions"]["n1"]["answer"] == "3.14159265358979323846"
    assert doc["questions"]["n1"]["tolerance"] == "0.10"
    assert doc["questions"]["n2"]["answer"] == "1500"
    assert doc["sections"] == [{"id": "main", "questions": ["n1", "n2"]}]


def test_json_source(tmp_path: Path) -> None:
    data = {
        "exam": {"exam_id": "j-1", "version": 2, "title": "J", "language": "ru",
                 "opens_at": "2026-12-01T08:00:00Z", "closes_at": "2026-12-01T12:00:00Z",
                 "duration_s": 60},
        "questions": [{"id": "a", "type": "numeric", "text": "x", "answer": 2.50}],
    }
    path = tmp_path / "exam.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    source = load_source(path)
    assert source.exam_doc["questions"]["a"]["answer"] == "2.5"
    assert source.meta["policy"]["navigation"] == "free"


def test_options_marked_correct(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
questions:
  - id: m
    type: multiple
    text: pick
    options:
      - {text: one, correct: true}
      - {text: two}
      - {text: three, correct: true}
""")
    assert load_source(path).exam_doc["questions"]["m"]["correct"] == ["a", "c"]


def test_missing_correct_names_file_question_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
questions:
  - {id: q1, type: truefalse, text: ok, correct: false}
  - id: q3
    type: single
    text: which?
    options: [x, y]
""")
    with pytest.raises(InputError) as info:
        load_source(path)
    assert info.value.user_message == f"{path}: question q3 (line 11) has no correct answer"


def test_validation_error_gets_line(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
questions:
  - id: q1
    type: single
    text: which?
    options: [x, y]
    correct: z
""")
    with pytest.raises(InputError) as info:
        load_source(path)
    assert info.value.user_message == (f"{path}: question q1 (line 10).correct: 'z' is not "
                                       "an option id")


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "questions:\n  - {id: q1, type: essay\n")
    with pytest.raises(InputError) as info:
        load_source(path)
    assert info.value.user_message.startswith(f"{path}: line ")


def test_duplicate_key_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "questions:\n  - {id: q1, type: essay, text: a, text: b}\n")
    with pytest.raises(InputError) as info:
        load_source(path)
    assert info.value.user_message == f"{path}: line 10: duplicate key 'text'"


def test_duplicate_question_id_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
questions:
  - {id: q1, type: essay, text: a}
  - {id: q1, type: essay, text: b}
""")
    with pytest.raises(InputError) as info:
        load_source(path)
    assert info.value.user_message == f"{path}: question q1 (line 11): duplicate question id"


def test_missing_image_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "questions:\n  - {id: q1, type: essay, text: a, image: x.png}\n")
    with pytest.raises(InputError) as info:
        load_source(path)
    assert "question q1 (line 10).text: image 'media/x.png' is not in the package" in \
        info.value.user_message
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "x.png").write_bytes(b"png")
    assert set(load_source(path).media) == {"x.png"}


def test_unknown_field_and_missing_exam(tmp_path: Path) -> None:
    path = _write(tmp_path, "questions:\n  - {id: q1, type: essay, text: a, colour: red}\n")
    with pytest.raises(InputError, match=r"question q1 \(line 10\): unknown field 'colour'"):
        load_source(path)
    bare = tmp_path / "bare.yaml"
    bare.write_text("questions: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing the 'exam' block"):
        load_source(bare)


def test_unreadable_and_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_source(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe exam")
    with pytest.raises(InputError, match="not UTF-8 text"):
        load_source(bad)


def test_yaml_yes_no_are_text_and_times_become_utc(tmp_path: Path) -> None:
    path = tmp_path / "exam.yaml"
    path.write_text(HEADER.replace("2026-12-01T08:00:00Z", "2026-12-01T13:00:00+05:00") + """\
questions:
  - id: q1
    type: single
    text: Is it?
    options: {y: yes, n: no}
    correct: n
  - {type: short, text: "Country?", accept: [Norway, NO]}
  - {id: q2, type: truefalse, text: ok, correct: true}
""", encoding="utf-8")
    source = load_source(path)
    q = source.exam_doc["questions"]
    assert q["q1"]["options"] == [{"id": "y", "text": "yes"}, {"id": "n", "text": "no"}]
    assert q["q1"]["correct"] == ["n"]
    assert [r["pattern"] for r in q["q3"]["accept"]] == ["Norway", "NO"]  # q2 is taken
    assert q["q2"]["correct"] is True
    assert source.meta["opens_at"] == "2026-12-01T08:00:00Z"
