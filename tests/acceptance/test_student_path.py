"""The whole student flow, end to end, on the real window and the real core.

The demo world (embedded server on 127.0.0.1, signed + encrypted sample exam, roster,
trust) runs in this process; the student client runs in subprocesses
(``student_driver.py``: offscreen Qt, ``emtihan-student --camera CLIP``), so it can be
killed with SIGKILL mid-exam and started again on the same data directory:

sign in -> download + verify -> camera check on the Hamilton clip (real frames) ->
microphone meter + speaker digits through a private PulseAudio (null sink + virtual
source; the digits are decoded from what the app played) -> bandwidth -> consent ->
identity: an ID card of another person (biden.jpg) then, as the retry, one of the
person in the clip (lin-manuel-miranda.png) -> answers of several question types ->
kill -9 -> new process, sign in -> resumed exam -> hand in -> signed receipt.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import cv2
import pytest
import requests

pytestmark = [pytest.mark.slow, pytest.mark.needs_faces, pytest.mark.qt]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FACES = ROOT / ".." / "shared" / "faces" / "face_recognition" / "examples"
CLIP = FACES / "short_hamilton_clip.mp4"
MATCH_PHOTO, OTHER_PHOTO = FACES / "lin-manuel-miranda.png", FACES / "biden.jpg"


class Driver:
    """One student process; collects its ``@@TAG {json}`` lines as they arrive."""

    def __init__(self, phase: str, cfg: dict[str, Any], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "student_driver.py"), phase, json.dumps(cfg)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=str(ROOT))
        self.marks: dict[str, dict[str, Any]] = {}
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            line = raw.decode(errors="replace").rstrip()
            self.lines.append(line)
            if line.startswith("@@"):
                tag, _, body = line[2:].partition(" ")
                self.marks[tag] = json.loads(body or "{}")

    def wait_for(self, tag: str, timeout: float) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while tag not in self.marks:
            if "ERROR" in self.marks or self.proc.poll() is not None and not \
                    self.reader.is_alive():
                break
            if time.monotonic() > end:
                break
            time.sleep(0.05)
        if tag not in self.marks:
            self.kill()
            pytest.fail(f"no @@{tag} from the student process; output:\n" +
                        "\n".join(self.lines[-60:]))
        return self.marks[tag]

    def finish(self, timeout: float) -> int:
        code = self.proc.wait(timeout)
        self.reader.join(5)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.reader.join(5)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from emtihan_demo import setup_world

    w = setup_world(tmp_path_factory.mktemp("e2e-world"))
    yield w
    w.server.stop()


def _id_card(photo: Path, out: Path) -> str:
    from emtihan_demo.student import compose_id_card

    image = cv2.imread(str(photo))
    assert image is not None, photo
    assert cv2.imwrite(str(out), compose_id_card(image))
    return str(out)


def _env(pulse_env: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE_")}
    env.update(pulse_env, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1",
               PYTHONFAULTHANDLER="1",  # a native crash prints every thread's stack
               QT_LOGGING_RULES="qt.multimedia.*=false")
    return env


@pytest.fixture(scope="module")
def run(world, pulse, tmp_path_factory):
    """The three student processes; returns their progress lines plus what the test saw."""
    from emtihan_demo import CODE, STUDENT

    for f in (CLIP, MATCH_PHOTO, OTHER_PHOTO):
        if not f.exists():
            pytest.skip(f"missing test photo/video {f}")
    tmp = tmp_path_factory.mktemp("acceptance-student")
    trust = tmp / "trust.json"
    world.trust.save(trust)
    daemon, reason = pulse
    cfg = {"server": world.url, "exam_id": world.exam_id, "student_id": STUDENT,
           "access_code": CODE, "camera": str(CLIP), "data_dir": str(tmp / "client"),
           "trust": str(trust),
           "pulse_source": daemon.source if daemon else None,
           "id_match": _id_card(MATCH_PHOTO, tmp / "id_match.png"),
           "id_nonmatch": _id_card(OTHER_PHOTO, tmp / "id_other.png")}
    env = _env(daemon.env if daemon else {})
    started = time.monotonic()
    first = Driver("first", cfg, env)
    first.wait_for("THREADS", 300)
    first_code = first.finish(30)
    reopened = Driver("reopen", cfg, env)
    reopened.wait_for("READY_TO_KILL", 120)
    reopened.kill()  # SIGKILL mid-exam, after the autosave
    killed = {"returncode": reopened.proc.returncode, "after_s": time.monotonic() - started}
    last = Driver("resume", cfg, env)
    last.wait_for("THREADS", 180)
    code = last.finish(30)
    after = Driver("after", cfg, env)
    after.wait_for("THREADS", 120)
    after.finish(30)
    for line in first.lines + reopened.lines + last.lines + after.lines:  # shown with -s
        if line.startswith("@@"):
            print(line)
    return {"first": first.marks, "reopen": reopened.marks, "last": last.marks,
            "after": after.marks,
            "killed": killed, "first_code": first_code, "last_code": code,
            "audio_skip": reason, "seconds": time.monotonic() - started}


@pytest.fixture(scope="module")
def review(run, world, qapp):
    """The invigilator's side, on the same server: the review tool opens the hand-in."""
    from client.ui.workers import wait_all
    from emtihan_demo import PASSPHRASE
    from emtihan_demo.review import build_review_window

    attempt_id = run["last"]["RECEIPT"]["attempt_id"]
    window = build_review_window(world, PASSPHRASE)
    try:
        _wait(qapp, lambda: window.model.rowCount() >= 1 and window.exam is not None, 30)
        window.select_attempt(attempt_id)
        window.open_selected()
        _wait(qapp, lambda: "Opened" in window.status.text(), 30)
        record = window.selected_record()
        view = window.view
        yield {"record": record, "paper": window.papers.get(attempt_id),
               "identity_html": view.identity.summary.text(),
               "content": record.opened.content if record.opened else None,
               "status": window.status.text(), "window": window}
    finally:
        window.runner.wait()
        window.close()
        wait_all(5000)


def _wait(qapp, cond, timeout: float) -> None:
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        qapp.processEvents()
        time.sleep(0.02)


def _get(world, path: str, token: str) -> requests.Response:
    with requests.Session() as http:
        resp = http.get(world.url + path, headers={"Authorization": f"Bearer {token}"},
                        timeout=(5, 30))
    resp.raise_for_status()
    return resp


# -- the student's side -------------------------------------------------------------------
def test_sign_in_download_and_camera_check_on_real_frames(run):
    first = run["first"]
    assert first["PACKAGE"]["status"].startswith("Verified:")
    cam = first["CAMERA"]
    assert cam["result"] == "Camera OK."
    details = cam["details"]
    assert (details["width"], details["height"]) == (640, 360)  # the clip's real size
    assert details["fps"] >= 10 and cam["frames"] >= 5
    assert first["BANDWIDTH"]["result"][0] is True
    assert first["CHECKS_DONE"] == {"step": "checks_done", "missing": []}


def test_microphone_meter_and_speaker_digits_through_pulseaudio(run):
    if run["audio_skip"]:
        pytest.skip(f"audio part skipped: {run['audio_skip']}")
    audio, speaker = run["first"]["AUDIO"], run["first"]["SPEAKER"]
    assert audio["mic_before_sound"] is None  # silence alone did not pass the meter
    assert audio["microphone"][0] is True and audio["loudest_level"] >= 0.02
    assert audio["mic_text"] == "Microphone OK: we hear you."
    assert len(speaker["played"]) == 3
    # 0.3 s lead-in, 0.3 s per beep, 1 s after each digit: all of it was recorded
    played_s = 0.3 + sum(0.3 * int(d) + 1.0 for d in speaker["played"])
    assert speaker["recorded_s"] >= played_s - 0.5
    assert speaker["heard"] == speaker["played"]  # decoded from the recorded sink monitor
    assert audio["speaker"] == [True, {"typed_correctly": True}]
    assert audio["speaker_text"] == "Speaker OK."


def test_identity_mismatch_then_another_document(run):
    other, retry = run["first"]["ID_NONMATCH"], run["first"]["ID_RETRY"]
    low, high = map(float, other["review_band"])
    # the real verifier: biden.jpg vs the clip is beyond the review band -> no_match
    assert other["outcome"] == "no_match" and float(other["distance"]) > high
    assert other["decision"] == "reject" and other["logged_kind"] == "identity_attempt"
    assert other["shown"].startswith("Not confirmed:") and "Tries left: 2." in other["shown"]
    assert other["continue_enabled"] is False and other["retry_visible"] is True
    assert other["core_step"] == "consented"  # did not move on
    # "try again" asks for a document again, with a new challenge: no try is burnt silently
    assert retry["document_cleared"] is True and retry["start_enabled"] is False
    assert len(retry["step_labels"]) == len(retry["steps"]) == 3  # only the new challenge
    assert not any(t.endswith(("✓", "✗")) for t in retry["step_labels"])


def test_identity_review_then_retry_then_continue_flagged(run):
    same, again, final = (run["first"][k] for k in ("ID_MATCH", "ID_AGAIN", "ID_FINAL"))
    for attempt in (same, again):
        low, high = map(float, attempt["review_band"])
        if attempt["distance"] is None:  # no template: the clip's frames broke continuity
            assert attempt["reasons"], attempt
        else:
            assert float(attempt["distance"]) < high  # the face is the ID holder's ...
        # ... but liveness cannot pass on a recorded clip, so nobody is told "accept"
        assert attempt["outcome"] == "review" and attempt["decision"] == "review"
        assert attempt["liveness"]["passed"] is False
        assert attempt["shown"].startswith("We could not confirm it automatically:")
        # every step marked as the verifier judged it: no green tick on a failed step
        steps = {s["name"]: s["passed"] for s in attempt["liveness"]["steps"]}
        assert all(st == ("ok" if ok else "fail") for st, ok in
                   zip(attempt["steps_state"], steps.values(), strict=True))
        assert all(t.endswith("✓" if ok else "✗")
                   for t, ok in zip(attempt["steps_shown"], steps.values(), strict=True))
    assert same["retry_visible"] and same["continue_enabled"] and same["retries_left"] == 1
    assert same["logged_kind"] == "identity_attempt" and same["core_step"] == "consented"
    assert again["retries_left"] == 0 and not again["retry_visible"]
    # what the student was told last is the final record, with the earlier tries in it
    ident = final["identity"]
    assert final["step"] == "identity_done" and ident["outcome"] == "review"
    assert [t["outcome"] for t in ident["tries"]] == ["no_match", "review"]


def test_every_question_answered_flagged_and_autosaved(run):
    saved = run["first"]["SAVED"]
    assert set(saved["answers"]) == set(saved["kinds"])  # every question on the paper
    assert len(set(saved["kinds"].values())) >= 6
    assert saved["answers"] == saved["core_answers"]
    assert saved["flags"] == saved["core_flags"] and len(saved["flags"]) == 2
    assert sum("⚑" in t for t in saved["nav"]) == 2 and all("✓" in t for t in saved["nav"])
    assert saved["autosave_note"] == "All answers saved on this computer."
    assert "autosave.bin" in saved["autosave_files"]


def test_close_mid_exam_asks_and_reopen_restores_answers_and_time(run):
    first, reopened = run["first"], run["reopen"]["REOPENED"]
    prompt = first["CLOSE_PROMPT"]
    assert "&Go back to the exam" in prompt["buttons"] and prompt["default"].startswith(
        "&Go back")
    assert first["STILL_OPEN"] == {"visible": True, "exam_running": True}  # "Go back"
    assert run["first_code"] == 0 and first["THREADS"]["running"] == 0
    saved = first["SAVED"]
    assert reopened["attempt_id"] == saved["attempt_id"] and reopened["step"] == 4
    assert reopened["answers"] == saved["answers"] and reopened["flags"] == saved["flags"]
    # the server's clock kept running while the window was closed, and nothing more
    away = reopened["wall"] - first["CLOSING"]["wall"]
    expected = first["CLOSING"]["remaining"] - away
    assert expected - 3 <= reopened["remaining"] <= expected + 1.5
    assert reopened["resumed_logged"] == 1 and reopened["warnings"] == []


def test_kill_9_and_reopen_keeps_the_last_change(run):
    before, after = run["reopen"]["READY_TO_KILL"], run["last"]["RESUMED"]
    assert run["killed"]["returncode"] == -signal.SIGKILL
    assert after["flags"] == before["flags"] and len(after["flags"]) == 1
    assert after["answers"] == run["first"]["SAVED"]["answers"]
    assert 0 < after["remaining"] <= run["reopen"]["REOPENED"]["remaining"]
    assert after["resumed_logged"] == 2


def test_hand_in_confirmation_then_signed_receipt(run, world):
    from client.core.api import ServerClient, verify_receipt

    confirm, rec = run["last"]["CONFIRM"], run["last"]["RECEIPT"]
    assert "Unanswered: none." in confirm["text"]
    flagged = run["last"]["RESUMED"]["flags"]
    assert f"Flagged for review: {len(flagged) and 1}." in confirm["text"]
    assert confirm["focus"] == "&Back to the exam"  # Enter does not hand in
    assert rec["signature_valid"] is True and rec["core_step"] == "submitted"
    attempt = rec["attempt_id"]
    token, _ = world.server.services.service.create_token("invigilator", 3600)
    doc = _get(world, f"/v1/attempts/{attempt}/receipt", token).json()
    blob = _get(world, f"/v1/review/sessions/{attempt}/bundle", token).content
    assert hashlib.sha256(blob).hexdigest() == rec["sha256"]
    verify_receipt(doc, ServerClient(world.url).server_key(), attempt, rec["sha256"])
    assert len(world.server.services.service.storage.list_submissions(attempt)) == 1
    assert run["last"]["THREADS"] == {"exit_code": 0, "running": 0} and run["last_code"] == 0
    print(f"student path took {run['seconds']:.1f} s")


def test_signing_in_again_shows_the_kept_receipt_and_nothing_else_is_left(run):
    after, rec = run["after"]["AFTER"], run["last"]["RECEIPT"]
    assert after["step"] == 5 and after["sha256"] == rec["sha256"]
    assert after["attempt_id"] == rec["attempt_id"]
    # the local wipe after the verified receipt (issue 16): only the receipt record is left
    assert after["files"] == ["receipt.json"], after["files"]
    assert run["after"]["THREADS"] == {"exit_code": 0, "running": 0}


# -- the invigilator's side, same server ----------------------------------------------------
def test_review_grades_the_paper_to_the_expected_score(run, review):
    from exam_packages.grading import grade
    from exam_packages.paper import make_paper

    record, paper = review["record"], review["paper"]
    assert record.verification == "verified", review["status"]
    content, exam = review["content"], review["window"].exam
    assert content.answers == run["first"]["SAVED"]["answers"]
    # expected, computed apart: the model answer of every question on the student's paper
    expected = grade(exam.exam_doc, content.answers,
                     make_paper(exam.exam_doc, exam.policy, content.seed))
    assert expected.total == expected.max_total - expected.manual_max > 0  # every mark
    assert paper.score == str(expected.total) and paper.max_score == str(expected.max_total)
    assert all(item.grade.status in ("correct", "manual") for item in paper.items)


def test_review_shows_what_the_student_was_told(run, review):
    told = run["first"]["ID_AGAIN"]
    identity = review["content"].identity
    assert identity.outcome == told["outcome"] == "review"
    assert identity.steps == tuple((s["name"], s["passed"]) for s in told["liveness"]["steps"])
    html = review["identity_html"]
    assert "Not confirmed automatically: a person must compare the faces." in html
    assert "{'passed'" not in html  # no raw Python
    for _name, ok in identity.steps:
        assert ("passed ✓" if ok else "not passed ✗") in html
    assert identity.tries == ("1: no_match", "2: review")
    # the live picture beside the portrait is a frame the template was built from: there is
    # one exactly when a template (hence a distance) was made
    assert bool(identity.live_frames) == (told["distance"] is not None)
    assert any(c.name == "Identity record" and c.ok for c in review["record"].opened.checks)


def test_review_every_identity_doubt_is_an_open_flag(review):
    content, record = review["content"], review["record"]
    flags = {e.kind: e for e in content.flags()}
    assert "identity_result" in flags and flags["identity_result"].severity_label == "alert"
    book = record.decisions
    assert book is not None and flags["identity_result"].seq in book.undecided_flags()


def test_review_timeline_is_complete(run, review):
    kinds = [e.kind for e in review["content"].timeline()]
    for kind in ("signed_in", "package_verified", "check_camera", "check_audio",
                 "check_bandwidth", "consent_given", "identity_attempt", "identity_result",
                 "exam_started", "answer_changed", "resumed", "exam_submitted"):
        assert kind in kinds, kind
    assert kinds.count("identity_attempt") == 2 and kinds.count("identity_result") == 1
    assert kinds.count("resumed") == 2
    assert kinds.index("identity_result") < kinds.index("exam_started") < kinds.index("resumed")
