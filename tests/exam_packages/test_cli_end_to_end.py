"""emtihan-author end to end in a temporary directory."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exam_packages import cli
from exam_packages.envelope import seal_result
from exam_packages.keys import load_public_key
from exam_packages.paper import make_paper
from exam_packages.pkg_tools import read_content_unverified

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "exam_packages" / "samples" / "demo_exam.yaml"
GIFT = ROOT / "tests" / "exam_packages" / "data" / "import" / "all_constructs.gift"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "keygen", "--kind", "author", "--out", tmp_path / "author.key")[0] == 0
    assert run(capsys, "keygen", "--kind", "results", "--out", tmp_path / "inst.key")[0] == 0
    assert run(capsys, "trust", tmp_path / "author.key.pub", "--name", "Physics",
               "--out", tmp_path / "trust.json")[0] == 0
    code, out, err = run(capsys, "build", SAMPLE, "--author-key", tmp_path / "author.key",
                         "--recipient", tmp_path / "inst.key.pub",
                         "--out", tmp_path / "demo.emtihan", "--encrypt")
    assert (code, err) == (0, "")
    assert "built" in out and "content key:" in out
    return tmp_path


def _rewrite(src: Path, dst: Path, name: str, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, change(data) if info.filename == name else data)


def test_build_verify_inspect_preview(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg, key = built / "demo.emtihan", built / "demo.emtihan.key"
    assert (built / "author.key").stat().st_mode & 0o777 == 0o600
    code, out, _ = run(capsys, "verify", pkg, "--trust", built / "trust.json")
    assert code == 0 and "verified: exam demo-phys-101 version 1, signed by Physics" in out
    code, out, _ = run(capsys, "verify", pkg, "--trust", built / "trust.json",
                       "--content-key", key, "--now", "2027-01-01T00:00:00Z")
    assert code == 0 and "verified and decrypted" in out
    code, out, _ = run(capsys, "inspect", pkg)
    assert code == 0 and "NOT VERIFIED" in out and "content/exam.json.enc" in out
    first = run(capsys, "preview", pkg, "--seed", "7", "--content-key", key)
    second = run(capsys, "preview", pkg, "--seed", "7", "--content-key", key,
                 "--trust", built / "trust.json")
    assert first[0] == second[0] == 0
    strip = [line for line in first[1].splitlines() if not line.startswith("(signature")]
    assert "\n".join(strip) + "\n" == second[1]
    assert "seed 7: 8 questions" in second[1]
    other = run(capsys, "preview", pkg, "--seed", "8", "--content-key", key, "--trust",
                built / "trust.json")
    assert other[1] != second[1]


def test_window_and_missing_key_errors(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg = built / "demo.emtihan"
    code, _, err = run(capsys, "verify", pkg, "--trust", built / "trust.json",
                       "--now", "2031-01-01T00:00:00Z")
    assert code == 2 and err == "error: exam demo-phys-101 closed at 2030-12-31T23:59:59Z\n"
    assert run(capsys, "verify", pkg, "--trust", built / "trust.json", "--no-window",
               "--now", "2031-01-01T00:00:00Z")[0] == 0
    code, _, err = run(capsys, "preview", pkg, "--seed", "7")
    assert code == 2 and "this exam package is encrypted; pass its content key" in err


def test_tampered_package_rejected(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg = built / "demo.emtihan"
    bad_manifest = built / "bad-manifest.emtihan"
    _rewrite(pkg, bad_manifest, "manifest.json",
             lambda d: d.replace(b'"version":1', b'"version":9'))
    code, out, err = run(capsys, "verify", bad_manifest, "--trust", built / "trust.json")
    assert (code, out) == (2, "")
    assert err == ("error: the package signature is invalid: manifest.json or manifest.sig "
                   "was altered\n")
    bad_media = built / "bad-media.emtihan"
    _rewrite(pkg, bad_media, "media/incline.png.enc", lambda d: d[:-1] + bytes([d[-1] ^ 1]))
    code, _, err = run(capsys, "verify", bad_media, "--trust", built / "trust.json")
    assert code == 2
    assert err == "error: media/incline.png.enc: SHA-256 does not match the signed manifest\n"
    code, _, err = run(capsys, "sign", bad_media, "--author-key", built / "author.key",
                       "--out", built / "resigned.emtihan")
    assert code == 2 and "media/incline.png.enc: SHA-256 does not match" in err
    assert not (built / "resigned.emtihan").exists()


def test_untrusted_signer_and_resign(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg = built / "demo.emtihan"
    code, _, err = run(capsys, "keygen", "--kind", "author", "--out", built / "other.key",
                       "--passphrase-env", "NOPE_NOT_SET")
    assert code == 2 and "environment variable NOPE_NOT_SET is not set" in err
    assert not (built / "other.key").exists()
    os.environ["EMTIHAN_TEST_PASS"] = "correct horse"
    try:
        assert run(capsys, "keygen", "--kind", "author", "--out", built / "other.key",
                   "--passphrase-env", "EMTIHAN_TEST_PASS")[0] == 0
        code, _, err = run(capsys, "sign", pkg, "--author-key", built / "other.key",
                           "--out", built / "other.emtihan")
        assert code == 2 and "protected by a passphrase; none was given" in err
        code, out, _ = run(capsys, "sign", pkg, "--author-key", built / "other.key",
                           "--passphrase-env", "EMTIHAN_TEST_PASS",
                           "--out", built / "other.emtihan")
        assert code == 0 and "signed" in out
    finally:
        del os.environ["EMTIHAN_TEST_PASS"]
    code, _, err = run(capsys, "verify", built / "other.emtihan", "--trust", built / "trust.json")
    assert code == 2 and "unknown author key" in err
    assert run(capsys, "trust", built / "other.key.pub", "--out", built / "trust.json")[0] == 0
    code, out, _ = run(capsys, "verify", built / "other.emtihan", "--trust",
                       built / "trust.json", "--content-key", built / "demo.emtihan.key")
    assert code == 0 and "signed by other.key" in out


def test_grade_envelope(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg, key = built / "demo.emtihan", built / "demo.emtihan.key"
    manifest, doc = read_content_unverified(pkg, bytes.fromhex(key.read_text().strip()))
    paper = make_paper(doc, manifest["exam"]["policy"], "attempt-42")
    answers = {"capital": "b", "vectors": ["c"], "explain": "Әрекет пен қарсы әрекет",
               "match-units": {"p1": "p1", "p2": "p2", "p3": "p3"}}
    payload = {"exam_id": "demo-phys-101", "attempt_id": "a-42", "seed": "attempt-42",
               "paper": paper, "answers": answers}
    blob = seal_result(json.dumps(payload).encode(), {"attempt_id": "a-42"},
                       load_public_key(built / "inst.key.pub"),  # type: ignore[arg-type]
                       Ed25519PrivateKey.generate())
    (built / "result.bin").write_bytes(blob)
    args = ["grade", built / "result.bin", "--key", built / "inst.key", "--package", pkg,
            "--trust", built / "trust.json", "--content-key", key]
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "")
    assert "automatic total: 2.50/" in out and "pending manual grading: explain" in out
    code, out, _ = run(capsys, *args, "--json")
    report = json.loads(out)
    assert report["total"] == "2.50" and report["warning"] is None
    assert {q["id"] for q in report["questions"]} == {e["id"] for e in paper["questions"]}
    payload["paper"] = make_paper(doc, manifest["exam"]["policy"], "someone-else")
    blob = seal_result(json.dumps(payload).encode(), {}, load_public_key(  # type: ignore[arg-type]
        built / "inst.key.pub"), Ed25519PrivateKey.generate())
    (built / "result2.bin").write_bytes(blob)
    args[1] = built / "result2.bin"
    code, out, _ = run(capsys, *args)
    assert code == 0 and "warning: the paper differs from the one its seed gives" in out
    code, _, err = run(capsys, "grade", built / "result.bin", "--key", built / "author.key",
                       "--package", pkg, "--trust", built / "trust.json", "--content-key", key)
    assert code == 2 and "is not an institution results (X25519) key" in err


def _handin_zip(document: dict) -> bytes:
    """The shape client.core.handin seals: a stored zip with handin.json first."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("handin.json", json.dumps(document))
        zf.writestr("events.jsonl", b"")
    return out.getvalue()


def test_grade_handin_bundle(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg, key = built / "demo.emtihan", built / "demo.emtihan.key"
    manifest, doc = read_content_unverified(pkg, bytes.fromhex(key.read_text().strip()))
    paper = make_paper(doc, manifest["exam"]["policy"], "a-7|s-1")
    document = {"format": "emtihan-handin", "version": 1, "attempt_id": "a-7",
                "exam_id": "demo-phys-101", "exam_version": 1, "seed": "a-7|s-1",
                "paper": paper, "answers": {"light-speed": True}}
    recipient = load_public_key(built / "inst.key.pub")
    for name, doc_version in (("ok.bin", 1), ("old.bin", 2)):
        blob = seal_result(_handin_zip({**document, "exam_version": doc_version}), {},
                           recipient, Ed25519PrivateKey.generate())  # type: ignore[arg-type]
        (built / name).write_bytes(blob)
    common = ["--key", built / "inst.key", "--package", pkg, "--trust", built / "trust.json",
              "--content-key", key, "--json"]
    code, out, _ = run(capsys, "grade", built / "ok.bin", *common)
    assert code == 0 and json.loads(out)["total"] == "1.00"
    code, _, err = run(capsys, "grade", built / "old.bin", *common)
    assert code == 2
    assert err == ("error: the result is for version 2 of demo-phys-101, the package is "
                   "version 1\n")


def test_import_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import-gift", GIFT, "--out", tmp_path / "g")
    assert code == 0 and "imported 13 question(s)" in out and "skipped 2" in out
    assert (tmp_path / "g" / "exam.yaml").is_file()
    code, _, err = run(capsys, "import-gift", GIFT, "--out", tmp_path / "g")
    assert code == 2 and "already exists; use --force" in err
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">]><quiz>&a;</quiz>')
    code, _, err = run(capsys, "import-moodle", bomb, "--out", tmp_path / "m")
    assert code == 2 and err.startswith("error: Moodle XML: DTDs and entity declarations")


def test_help_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    commands = ["keygen", "trust", "build", "sign", "verify", "inspect", "preview",
                "import-moodle", "import-gift", "grade"]
    assert run(capsys, "--help")[0] == 0
    for command in commands:
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and out.startswith(f"usage: emtihan-author {command}")
    code, _, err = run(capsys, "build")
    assert code == 2 and "required" in err


def test_unexpected_error_exit_1(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def boom(args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli.cmd, "cmd_inspect", boom)
    code, _, err = run(capsys, "inspect", tmp_path / "x")
    assert (code, err) == (1, "error: unexpected failure (RuntimeError: disk on fire)\n")


def test_imported_moodle_source_builds(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xml = ROOT / "tests" / "exam_packages" / "data" / "import" / "moodle_all_types.xml"
    code, out, _ = run(capsys, "import-moodle", xml, "--out", built / "moodle")
    assert code == 0 and "media: arrow_pic.png" in out
    code, out, err = run(capsys, "build", built / "moodle" / "exam.yaml", "--author-key",
                         built / "author.key", "--recipient", built / "inst.key.pub",
                         "--out", built / "moodle.emtihan")
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "preview", built / "moodle.emtihan", "--seed", "1",
                       "--trust", built / "trust.json")
    assert code == 0 and "10 questions" in out and "![arrow](media/arrow_pic.png)" in out
