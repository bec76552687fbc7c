"""A real review world: embedded server, real package, real hand-ins.

Everything is produced by the project's own code: the package by
``exam_packages.package.build_package``, the attempts by the client's
``ServerClient`` (login, start, tus upload), the event logs by
``client.core.eventlog.EventLog`` and the bundles by ``client.core.handin``.
One bundle is tampered the way a cheating client would: its event log is
edited after it was sealed, then the envelope is sealed again with the real
attempt key (so it decrypts, but the log chain and seal no longer verify).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import cv2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from client.core.api import ServerClient
from client.core.eventlog import ALERT, NOTICE, WARNING, EventLog
from client.core.handin import META_FORMAT, HandinInputs, build_payload, seal_handin
from client.core.identity import IdentityRecord, StepOutcome
from client.review_core.decisions import raw_public
from exam_packages.envelope import seal_result
from exam_packages.keys import generate_results_key, generate_signing_key, save_private_key
from exam_packages.package import build_package
from exam_packages.paper import make_paper
from exam_packages.source import load_source
from exam_packages.trust import TrustStore
from server_stub.clock import to_iso
from server_stub.config import ServerConfig, init_data_dir
from server_stub.embedded import EmbeddedServer
from tests.support.clocks import FakeClock as ClientClock
from tests.support.clocks import FakeServerClock as FakeClock

ROOT = Path(__file__).resolve().parents[2]
FACES = ROOT / ".." / "shared" / "faces" / "face_recognition" / "examples"
SAMPLE = ROOT / "exam_packages" / "samples" / "demo_exam.yaml"
T0 = 1_800_000_000
PASSPHRASE = b"office passphrase"
ROSTER = ("student_id,name,access_code\ns1,Aida Nurlanova,code-1\ns2,Bolat Seitkali,code-2\n"
          "s3,Dana Omarova,code-3\ns4,Erlan Abenov,code-4\n")
# What every student answers (only the questions their paper drew are kept).
ANSWERS = {"capital": "b", "vectors": ["a"], "light-speed": True, "gravity": "9.8",
           "incline": "a", "unit": "Ньютон", "explain": "Инерция: дене тыныштықта қалады."}
CODES = {"s1": "code-1", "s2": "code-2", "s3": "code-3", "s4": "code-4"}


def jpeg(name: str, width: int = 200) -> bytes:
    """A small JPEG of one of the shared test photos (read, scaled, never copied)."""
    image = cv2.imread(str(FACES / name))
    assert image is not None, f"missing test photo {name}"
    h, w = image.shape[:2]
    image = cv2.resize(image, (width, int(h * width / w)))
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return bytes(data.tobytes())


@dataclass
class World:
    server: EmbeddedServer
    url: str
    clock: FakeClock
    tmp: Path
    exam_id: str
    package: Path
    content_key_path: Path
    trust_path: Path
    institution_key_path: Path
    invigilator_key_path: Path
    institution: X25519PrivateKey
    invigilator: Ed25519PrivateKey
    exam_doc: dict
    policy: dict
    attempts: dict[str, str] = field(default_factory=dict)  # student -> attempt id

    def token(self, role: str = "invigilator") -> str:
        token, _ = self.server.services.service.create_token(role, 3600)
        return token


# What the student's client showed and logged (client.core.identity), as JSON.
IDENTITY = json.loads(json.dumps(IdentityRecord(
    outcome="match", distance=0.3012, threshold=0.40, review_band=(0.34, 0.46),
    liveness_passed=True, steps=(StepOutcome("blink", True), StepOutcome("turn_left", True)),
    final=True).to_dict()))


def _log(directory: Path, attempt: Ed25519PrivateKey, flagged: bool) -> tuple[bytes, bytes, dict]:
    clock = ClientClock(wall=T0 + 10, monotonic=500.0)
    with EventLog(directory, clock=clock) as log:
        log.append("identity_result", IDENTITY)  # a match is not a flag
        log.append("exam_started", {"questions": 9})
        clock.advance(95)
        log.append("answer_saved", {"question": "capital"})
        if flagged:
            clock.advance(140)
            log.append("multiple_faces", {"faces": 2}, severity=ALERT,
                       thumbnail=jpeg("two_people.jpg", 240))
            clock.advance(200)
            log.append("gaze_away", {"seconds": 7}, severity=WARNING,
                       thumbnail=jpeg("biden.jpg", 160))
            clock.advance(60)
            log.append("headset_removed", {}, severity=NOTICE)
        clock.advance(300)
        log.append("exam_submitted", {"answered": 5})
        signature = log.seal(attempt)
        return log.read_bytes(), signature, log.evidence()


def _inputs(world: World, student: str, attempt_id: str, attempt: Ed25519PrivateKey,
            flagged: bool) -> HandinInputs:
    log_bytes, signature, evidence = _log(world.tmp / f"log-{student}", attempt, flagged)
    seed = f"{attempt_id}|{student}"
    paper = make_paper(world.exam_doc, world.policy, seed)
    return HandinInputs(
        attempt_id=attempt_id, exam_id=world.exam_id, exam_version=1, student_id=student,
        seed=seed, paper=paper,
        answers={qid: answer for qid, answer in ANSWERS.items()
                 if qid in {entry["id"] for entry in paper["questions"]}},
        log_bytes=log_bytes, log_signature=signature, evidence=evidence,
        system_checks={"camera": {"ok": True, "device": "Integrated Camera"},
                       "audio": {"ok": True, "vad_speech": False},
                       "bandwidth": {"ok": True, "download_kbps": 4800, "upload_kbps": 900}},
        identity=IDENTITY,
        identity_images={"id_portrait": jpeg("obama.jpg", 220),
                         "live_0": jpeg("obama2.jpg", 220), "live_1": jpeg("obama-480p.jpg")},
        submitted_at=to_iso(world.clock.now()), remaining_s=600,
    )


def tamper(blob_inputs: HandinInputs, institution_public: object,
           attempt: Ed25519PrivateKey) -> bytes:
    """Edit the sealed log inside the payload (an alert becomes a notice), re-seal."""
    payload = build_payload(blob_inputs)
    edited = blob_inputs.log_bytes.replace(b'"severity":3', b'"severity":1', 1)
    assert edited != blob_inputs.log_bytes
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(payload)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = edited if info.filename == "events.jsonl" else src.read(info)
            dst.writestr(info, data)
    meta = {"format": META_FORMAT, "attempt_id": blob_inputs.attempt_id,
            "exam_id": blob_inputs.exam_id}
    return seal_result(out.getvalue(), meta, institution_public, attempt)  # type: ignore[arg-type]


def _hand_in(world: World, student: str, *, flagged: bool, tampered: bool = False,
             late_s: int = 0) -> None:
    client = ServerClient(world.url, timeout=10)
    try:
        client.login(world.exam_id, student, CODES[student])
        attempt = generate_signing_key()
        start = client.start(world.exam_id, raw_public(attempt.public_key()))
        world.attempts[student] = start.attempt_id
        inputs = _inputs(world, student, start.attempt_id, attempt, flagged)
        public = world.institution.public_key()
        blob = tamper(inputs, public, attempt) if tampered else seal_handin(inputs, public, attempt)
        path = world.tmp / f"{student}.result"
        path.write_bytes(blob)
        if late_s:
            world.clock.advance(late_s)
        sha = hashlib.sha256(blob).hexdigest()
        client.upload_result(path, start.attempt_id, sha, flags={"high": 1, "low": 1}
                             if flagged else {})
        client.fetch_receipt(start.attempt_id, sha)
    finally:
        client.close()


def build_world(tmp: Path) -> World:
    source = load_source(SAMPLE)
    meta = dict(source.meta, opens_at=to_iso(T0 - 60), closes_at=to_iso(T0 + 7200),
                duration_s=1800, version=1)
    author, institution, invigilator = (generate_signing_key(), generate_results_key(),
                                        generate_signing_key())
    package = tmp / "demo.emtihan"
    built = build_package(meta, source.exam_doc, source.media, package, author,
                          institution.public_key(), encrypt=True)
    assert built.key_path is not None
    trust_path = tmp / "trust.json"
    TrustStore.from_keys([("demo author", author.public_key())]).save(trust_path)
    save_private_key(institution, tmp / "institution.pem", PASSPHRASE)
    save_private_key(invigilator, tmp / "invigilator.pem", PASSPHRASE)
    data = tmp / "server"
    init_data_dir(data, ServerConfig(scrypt_n=2**10))
    clock = FakeClock(T0)
    server = EmbeddedServer(data, clock=clock)
    service = server.services.service
    service.publish(package, built.key_path)
    service.import_roster(ROSTER, meta["exam_id"])
    world = World(server, server.start(), clock, tmp, meta["exam_id"], package, built.key_path,
                  trust_path, tmp / "institution.pem", tmp / "invigilator.pem", institution,
                  invigilator, source.exam_doc, source.meta["policy"])
    try:
        _hand_in(world, "s1", flagged=False)
        _hand_in(world, "s2", flagged=True, late_s=1800 + 420)
        _hand_in(world, "s3", flagged=True, tampered=True)
        client = ServerClient(world.url, timeout=10)  # s4 starts but never hands in
        client.login(world.exam_id, "s4", CODES["s4"])
        world.attempts["s4"] = client.start(
            world.exam_id, raw_public(generate_signing_key().public_key())).attempt_id
        client.close()
    except BaseException:
        server.stop()
        raise
    return world
