"""The headless demo's two actors: the scripted student and the invigilator."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import cv2
import requests
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from client.core.api import Progress, ServerClient, verify_receipt
from client.core.devices import CameraSource, camera_check, default_face_counter
from client.core.handin import open_handin
from client.core.identity import record_of
from client.core.proctor import Proctor
from client.core.session import AttemptSession, SessionConfig, Step
from exam_packages.content_crypto import load_content_key
from exam_packages.errors import NetworkError
from exam_packages.grading import grade, render_report
from exam_packages.keys import load_private_key
from exam_packages.model import retention_of
from exam_packages.package import open_package

from .student import id_image, open_camera, scripted_answer, simulated_audio_check
from .world import CODE, PASSPHRASE, STUDENT, say

if TYPE_CHECKING:
    from .world import DemoWorld


def progress_printer(what: str) -> Progress:
    shown = {-1}

    def report(done: int, total: int) -> None:
        pct = 100 * done // total if total else 0
        if pct // 25 not in shown:
            shown.add(pct // 25)
            say(f"  {what}: {done}/{total} bytes ({pct}%)")
    return report


def _jpeg(image: Any, width: int = 320) -> bytes:
    scale = width / image.shape[1]
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return bytes(cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 70])[1])


def _frames(camera: CameraSource, count: int, every: int) -> list[Any]:
    frames = []
    for i in range(count * every):
        ok, frame = camera.read()
        if ok and frame is not None and i % every == 0:
            frames.append(frame)
    return frames


def do_checks(session: AttemptSession, camera: CameraSource, source: str,
              args: argparse.Namespace, rng: random.Random) -> None:
    bw = session.check_bandwidth(progress_printer("bandwidth test"))
    say(f"[student] bandwidth: down {bw.download_kbps} kbit/s, up {bw.upload_kbps} kbit/s, "
        f"latency {bw.latency_ms} ms (loopback)")
    say(f"[student] camera check using {source}")
    counter = None if args.no_verifier else default_face_counter()
    if "short_hamilton_clip" in source:
        _frames(camera, 95, 1)  # the clip's first 3 s show no face: the student sits down
    cam = camera_check(camera, seconds=1.0, face_counter=counter)
    say(f"  {cam.resolution[0]}x{cam.resolution[1]}, {cam.fps:.0f} fps, brightness "
        f"{cam.brightness:.0f}, faces {cam.faces}; hints: {cam.hints or 'none'}")
    session.record_check("camera", dict(cam.to_dict(), source=source), cam.ok)
    audio = simulated_audio_check(rng)
    say(f"[student] audio check (SIMULATED: no sound card here): beeps played, digits typed "
        f"correctly = {audio['answer_ok']}, loudest {audio['loudest_dbfs']} dBFS")
    session.record_check("audio", audio, bool(audio["answer_ok"]))
    session.finish_checks()
    session.consent(True, "consent-v1")
    kept = retention_of(session.policy)
    say(f"[student] consent given (camera, microphone, screen events; hand-in kept "
        f"{kept['evidence_days']} days, decisions and receipt record {kept['records_days']} "
        "days: the package's policy)")


def do_identity(session: AttemptSession, camera: CameraSource,
                args: argparse.Namespace) -> None:
    image, what = id_image(args.id_image)
    live = _frames(camera, 3, 10)
    say(f"[student] identity check: {what} against {len(live)} live frames")
    from verifier.attempt import without_liveness
    from verifier.config import VerifierConfig
    from verifier.identity import IdentityDecision, IdentityVerifier
    from verifier.quality import Reason

    if image is None or args.no_verifier:
        cfg = VerifierConfig()
        face = IdentityDecision("review", None, cfg.match_threshold, cfg.review_band, [
            Reason("not_run", "The face comparison was not run.")])
    else:
        face = IdentityVerifier().check(image, live)
    # the same record the window logs (client.core.identity): no liveness (a recorded video
    # cannot follow the challenge), so the verifier never says "match"
    record = replace(record_of(without_liveness(face).to_dict(), attempt=1), final=True)
    summary = record.to_dict()
    say(f"  outcome: {summary['outcome']} (face distance {summary.get('distance')}, face "
        f"alone: {face.outcome}); liveness not run in the headless demo, so a person "
        "reviews it; nothing is refused automatically")
    images = {"id_portrait": _jpeg(image)} if image is not None else {}
    if live:
        images["live_0"] = _jpeg(live[0])
    session.record_identity(summary, images)


def do_proctoring(session: AttemptSession, camera: CameraSource,
                  args: argparse.Namespace) -> None:
    proctor = (Proctor(session.report) if args.no_verifier
               else Proctor.with_verifier(session.report))
    events = []
    for i, frame in enumerate(_frames(camera, 12, 5)):
        events += proctor.process_frame(i * 0.5, frame)
    events.append(proctor.focus_lost(3.0))  # as the UI would report it
    kinds = [e["kind"] for e in events]
    say(f"[proctor] {proctor.frames} frames analysed; events: {kinds} "
        f"({proctor.analyser_note or 'verifier analysers'})")


def answer_all(session: AttemptSession, start: int, stop: int) -> None:
    """Answer questions ``start..stop`` of the paper (skipping those already answered)."""
    entries = {e["id"]: e for e in session.paper["questions"]}
    for i, qid in enumerate(session.question_ids()[start:stop], start=start):
        if qid in session.answers:
            continue
        question = session.exam_doc["questions"][qid]
        session.set_answer(qid, scripted_answer(question, entries[qid], wrong=(i == 1)))


def sign_in(world: DemoWorld) -> AttemptSession:
    """The demo student signs in; a saved attempt in the data directory is restored."""
    config = SessionConfig(world.base / "client", world.trust)
    session = AttemptSession(config, ServerClient(world.url))
    session.sign_in(world.exam_id, STUDENT, CODE)
    say(f"[student] signed in as {STUDENT}; server key pinned")
    return session


def start_attempt(session: AttemptSession, args: argparse.Namespace,
                  rng: random.Random) -> None:
    """Download, checks, consent, identity, start and a little proctoring."""
    session.download_package(progress_printer("package download"))
    say("[student] package verified: author signature, rollback, every file hash")
    camera, source = open_camera(args.video)
    try:
        do_checks(session, camera, source, args, rng)
        do_identity(session, camera, args)
        info = session.start()
        say(f"[student] exam started: attempt {info.attempt_id}, {len(session.question_ids())}"
            f" questions, {session.remaining_s()} s left; from here on no network is needed")
        do_proctoring(session, camera, args)
    finally:
        camera.close()


def run_headless_student(world: DemoWorld, args: argparse.Namespace,
                         rng: random.Random) -> str:
    session = sign_in(world)
    if session.step != Step.SIGNED_IN:  # a saved attempt in this data directory
        return continue_saved(session)
    start_attempt(session, args, rng)
    half = len(session.question_ids()) // 2
    answer_all(session, 0, half)
    session.close()
    say(f"[student] simulated crash after {half} answers; resuming from the encrypted "
        "autosave ...")
    session = AttemptSession.resume_offline(session.config, world.exam_id, STUDENT,
                                            ServerClient(world.url))
    say(f"  restored {len(session.answers)} answers, {session.remaining_s()} s left")
    answer_all(session, half, len(session.question_ids()))
    return hand_in(session)


def hand_in(session: AttemptSession) -> str:
    """Submit (or finish a queued upload) and print the signed receipt."""
    progress = progress_printer("hand-in upload")
    outcome = (session.submit(progress) if session.step == Step.STARTED
               else session.retry_outbox(progress))  # submitting / submitted: finish it
    receipt = outcome.receipt
    if receipt is None:
        raise NetworkError("The hand-in is queued in the outbox; the server did not answer.")
    say("[student] handed in; signed receipt (verified with the pinned server key):")
    say(json.dumps(receipt, indent=2, ensure_ascii=False))
    left = sorted(str(p.relative_to(session.config.data_dir)) for p in
                  (session.config.data_dir / "attempts").rglob("*") if p.is_file())
    say(f"[student] local copy wiped after the receipt; left on this computer: {left}")
    session.close()
    return session.attempt_id


def continue_saved(session: AttemptSession) -> str:
    """The data directory holds this student's attempt: resume it rather than start anew."""
    say(f"[student] resumed the saved attempt {session.attempt_id} ({session.step.value}): "
        f"{len(session.answers)} answers, {session.remaining_s()} s left")
    if session.step == Step.STARTED:
        answer_all(session, 0, len(session.question_ids()))
    return hand_in(session)


def _get(world: DemoWorld, path: str, token: str) -> requests.Response:
    with requests.Session() as http:
        resp = http.get(world.url + path, headers={"Authorization": f"Bearer {token}"},
                        timeout=(5, 30))
    if resp.status_code != 200:
        raise NetworkError(f"{path}: HTTP {resp.status_code}")
    return resp


def invigilate(world: DemoWorld, attempt_id: str) -> None:
    token, _ = world.server.services.service.create_token("invigilator", 3600)
    blob = _get(world, f"/v1/review/sessions/{attempt_id}/bundle", token).content
    say(f"[invigilator] downloaded the sealed bundle ({len(blob)} bytes, ciphertext only on "
        "the server)")
    institution = load_private_key(world.institution_key_file, PASSPHRASE)
    assert isinstance(institution, X25519PrivateKey)
    opened = open_handin(blob, institution)
    server_key = ServerClient(world.url).server_key()
    receipt = _get(world, f"/v1/attempts/{attempt_id}/receipt", token).json()
    verify_receipt(receipt, server_key, attempt_id, hashlib.sha256(blob).hexdigest())
    records = [json.loads(line) for line in opened.log_bytes.splitlines()]
    flagged = [r["kind"] for r in records if r["severity"] >= 2]
    say(f"[invigilator] decrypted with the institution key; envelope signature, event log "
        f"chain + seal ({len(records)} records) and receipt verified; flags: {flagged}")
    package = open_package(world.package, world.trust,
                           content_key=load_content_key(world.content_key_file),
                           check_window=False)
    report = grade(package.exam_doc, opened.answers, opened.document["paper"])
    say("[invigilator] automatic grade:")
    say(render_report(report))
    say(f"GRADE {report.total}/{report.max_total - report.manual_max} automatic "
        f"(+ up to {report.manual_max} manual)")
