from __future__ import annotations

import hashlib

from client.review_core.content import SessionContent, build_timeline, parse_log_leniently
from exam_packages.canonical import canonical_bytes


def _record(seq: int, kind: str, severity: int, t_mono: int, thumb: bytes | None = None) -> dict:
    rec = {"seq": seq, "t_mono": t_mono, "t_wall": 1_764_580_000_000 + t_mono, "kind": kind,
           "severity": severity, "data": {"faces": 2, "blob": "x" * 100}}
    if thumb is not None:
        rec["thumb_sha256"] = hashlib.sha256(thumb).hexdigest()
    return rec


def test_timeline_marks_flags_with_thumbnails_and_offsets() -> None:
    thumb = b"\xff\xd8jpeg"
    records = [_record(0, "start", 0, 5000), _record(1, "multiple_faces", 3, 65_000, thumb),
               _record(2, "gaze_away", 2, 125_500, b"dropped"), _record(3, "noise", 1, 130_000)]
    entries = build_timeline(records, {hashlib.sha256(thumb).hexdigest(): thumb})
    assert [e.offset_s for e in entries] == [0, 60, 120, 125]
    assert [e.flagged for e in entries] == [False, True, True, False]
    assert entries[1].thumbnail == thumb and not entries[1].thumb_missing
    assert entries[2].thumbnail is None and entries[2].thumb_missing
    assert entries[1].severity_label == "alert"
    assert entries[1].summary == "multiple faces (faces=2)"
    assert entries[0].t_wall.endswith("Z")


def test_flag_counts_from_log_bytes_skip_broken_lines() -> None:
    lines = b"\n".join(canonical_bytes(r) for r in [
        _record(0, "start", 0, 0), _record(1, "a", 3, 1), _record(2, "b", 2, 2),
        _record(3, "c", 2, 3)]) + b"\n{broken\n"
    content = SessionContent(log_bytes=lines)
    assert len(parse_log_leniently(lines)) == 4
    assert content.flag_counts() == {"alert": 1, "warning": 2}
    assert [e.seq for e in content.flags()] == [1, 2, 3]


def test_the_invigilator_reads_which_programs_the_exam_mode_found() -> None:
    rec = _record(1, "environment_flag", 2, 1000)
    rec["data"] = {"findings": [
        {"category": "remote_control", "name": "anydesk", "action": "ask_to_close",
         "pid": 4242, "detail": ""},
        {"category": "virtual_machine", "name": "kvm", "action": "flag", "pid": 0,
         "detail": "systemd-detect-virt"}]}
    many = _record(2, "check_environment", 2, 2000)
    many["data"] = {"findings": [{"name": f"p{i}", "category": "recording"} for i in range(22)],
                    "blocking": 0, "flagged": 22}
    entries = build_timeline([rec, many], {})
    assert entries[0].summary == ("environment flag (found: anydesk [remote_control, pid 4242]; "
                                  "kvm [virtual_machine])")
    assert entries[1].summary.startswith("check environment (found: p0 [recording]; ")
    assert entries[1].summary.endswith("p19 [recording] and 2 more, blocking=0, flagged=22)")


def test_the_system_check_row_names_the_programs_found(qapp) -> None:
    from client.ui.review.session_view import _check_row

    value = {"passed": False, "blocking": 0, "flagged": 2, "findings": [
        {"category": "virtual_machine", "name": "kvm", "action": "flag", "pid": None,
         "detail": "systemd-detect-virt"},
        {"category": "remote_control", "name": "anydesk", "action": "flag", "pid": 77}]}
    name, text = _check_row("environment", value)
    assert text == ("✘ FAILED — Blocking: 0, Found: kvm [virtual_machine]; anydesk "
                    "[remote_control, pid 77], Flagged: 2")
