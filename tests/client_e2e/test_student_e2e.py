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
    """The two student processes; returns their progress lines plus what the test saw."""
    from emtihan_demo import CODE, STUDENT

    for f in (CLIP, MATCH_PHOTO, OTHER_PHOTO):
        if not f.exists():
            pytest.skip(f"missing test photo/video {f}")
    tmp = tmp_path_factory.mktemp("e2e-student")
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
    first.wait_for("READY_TO_KILL", 240)
    first.kill()  # SIGKILL mid-exam, after the autosave
    killed = {"returncode": first.proc.returncode, "after_s": time.monotonic() - started}
    second = Driver("resume", cfg, env)
    second.wait_for("THREADS", 180)
    code = second.finish(30)
    for line in first.lines + second.lines:  # shown with -s: the real outcomes
        if line.startswith("@@"):
            print(line)
    return {"first": first.marks, "second": second.marks, "killed": killed,
            "second_code": code, "second_lines": second.lines, "audio_skip": reason,
            "seconds": time.monotonic() - started}


def _get(world, path: str, token: str) -> requests.Response:
    with requests.Session() as http:
        resp = http.get(world.url + path, headers={"Authorization": f"Bearer {token}"},
                        timeout=(5, 30))
    resp.raise_for_status()
    return resp


# -- the tests ----------------------------------------------------------------------------
def test_sign_in_download_and_camera_check_on_real_frames(run):
    first = run["first"]
    assert first["PACKAGE"]["status"].startswith("Verified:")
    cam = first["CAMERA"]
    assert cam["result"] == "Camera OK."
    details = cam["details"]
    assert (details["width"], details["height"]) == (640, 360)  # the clip's real size
    assert details["faces"] == 1 and details["fps"] >= 10 and cam["frames"] >= 5
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


def test_identity_other_person_is_refused_and_cannot_continue(run):
    other = run["first"]["ID_NONMATCH"]
    low, high = map(float, other["review_band"])
    # the real verifier: biden.jpg vs the clip is beyond the review band -> no_match
    assert other["outcome"] == "no_match" and float(other["distance"]) > high
    assert other["decision"] == "reject"
    assert other["logged_kind"] == "identity_attempt"  # a try, recorded in the event log
    assert other["shown"].startswith("Not confirmed:") and "Tries left: 2." in other["shown"]
    assert other["continue_enabled"] is False and other["retry_visible"] is True
    assert other["flagged"] is False and other["core_step"] == "consented"  # did not move on


def test_identity_same_person_continues_flagged_for_review(run):
    same = run["first"]["ID_MATCH"]
    low, high = map(float, same["review_band"])
    # the real verifier: the composed card vs the clip's face is below the band's top
    # (match under `low`, review inside it; logged either way).  Seen on this machine:
    # match at 0.22-0.26 (band 0.34-0.46); biden.jpg gave no_match at 0.53-0.59 ...
    assert same["outcome"] in ("match", "review") and float(same["distance"]) < high
    assert same["outcome"] == ("match" if float(same["distance"]) < low else "review")
    # ... but liveness cannot pass on a recorded clip, so the UI says review, not accept
    live = same["liveness"]
    assert live["passed"] is False
    assert "liveness_incomplete" in [r["code"] for r in live["reasons"]]
    assert same["decision"] == "review" and same["flagged"] is True
    assert same["shown"].startswith("We could not confirm it automatically:")
    assert "Not all liveness steps were completed." in same["shown"]
    assert "a person will review your identity" in same["shown"]
    assert same["continue_enabled"] is True and same["logged_kind"] == "identity_result"
    assert same["core_step"] == "identity_done"


def test_answers_are_autosaved_before_the_crash(run):
    saved = run["first"]["SAVED"]
    # the paper draws from a pool, so its types vary: every type on it is answered
    assert sorted(set(saved["kinds"].values())) == saved["paper_kinds"]
    assert len(saved["paper_kinds"]) >= 6
    assert set(saved["kinds"]) <= set(saved["answers"])
    assert saved["answers"] == saved["core_answers"] and saved["answers"]
    assert saved["flags"] == saved["core_flags"] and len(saved["flags"]) == 1
    assert saved["autosave_note"] == "All answers saved on this computer."
    assert "autosave.bin" in saved["autosave_files"]
    assert run["killed"]["returncode"] == -signal.SIGKILL


def test_resume_after_kill_restores_answers_flags_and_time(run):
    saved, resumed = run["first"]["SAVED"], run["second"]["RESUMED"]
    assert resumed["attempt_id"] == saved["attempt_id"]
    assert resumed["answers"] == saved["answers"]  # read back from the widgets
    assert resumed["flags"] == saved["flags"]
    assert 0 < resumed["remaining"] <= saved["remaining"]  # time was not reset
    assert resumed["step"] == 4 and resumed["resumed_logged"] is True
    assert resumed["warnings"] == []


def test_hand_in_receipt_is_signed_by_the_server_and_stored_once(run, world):
    from client.core.api import ServerClient, verify_receipt
    from exam_packages.errors import SignatureError

    rec = run["second"]["RECEIPT"]
    assert rec["signature_valid"] is True and rec["core_step"] == "submitted"
    assert rec["status"].startswith("Handed in.") and rec["sha256"] in rec["shown"]
    attempt = rec["attempt_id"]
    token, _ = world.server.services.service.create_token("invigilator", 3600)
    doc = _get(world, f"/v1/attempts/{attempt}/receipt", token).json()
    blob = _get(world, f"/v1/review/sessions/{attempt}/bundle", token).content
    assert hashlib.sha256(blob).hexdigest() == rec["sha256"]
    server_key = ServerClient(world.url).server_key()
    verify_receipt(doc, server_key, attempt, rec["sha256"])
    assert len(world.server.services.service.storage.list_submissions(attempt)) == 1
    forged = {**doc, "receipt": {**doc["receipt"], "sha256": "0" * 64}}
    with pytest.raises(SignatureError, match="not signed by the exam server's key"):
        verify_receipt(forged, server_key, attempt, "0" * 64)
    assert len(world.server.services.service.storage.list_submissions(attempt)) == 1


def test_hand_in_holds_the_answers_given_before_the_crash(run, world):
    from client.core.handin import open_handin
    from emtihan_demo import PASSPHRASE
    from exam_packages.keys import load_private_key

    rec, saved = run["second"]["RECEIPT"], run["first"]["SAVED"]
    token, _ = world.server.services.service.create_token("invigilator", 3600)
    blob = _get(world, f"/v1/review/sessions/{rec['attempt_id']}/bundle", token).content
    opened = open_handin(blob, load_private_key(world.institution_key_file, PASSPHRASE))
    assert opened.answers == saved["answers"]
    kinds = [json.loads(line)["kind"] for line in opened.log_bytes.splitlines()]
    assert kinds.count("identity_attempt") == 1 and kinds.count("identity_result") == 1
    assert "resumed" in kinds and kinds.index("resumed") > kinds.index("exam_started")


def test_no_thread_left_in_either_student_process(run):
    assert run["second"]["THREADS"] == {"exit_code": 0, "running": 0}
    assert run["second_code"] == 0
    print(f"e2e flow took {run['seconds']:.1f} s (kill after {run['killed']['after_s']:.1f} s)")
