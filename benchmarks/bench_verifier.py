"""Verifier benchmark (manual: ``.venv/bin/python benchmarks/bench_verifier.py``).

Measures, in the same run and on one thread:
* baseline: naive per-frame face_recognition defaults on the full-resolution frame
  (HOG with upsample 1 + a 128-d encoding of every face), i.e. what
  ``face_locations(img)`` + ``face_encodings(img, locs)`` do;
* the SessionAnalyser pipeline (downscale, detect every k frames, track,
  landmarks + head pose each frame, identity encoding every M seconds);
* identity-check latency (ID document + 3 live frames -> decision).
Prints frames/s and ratios against the baseline.  Needs ../shared/faces.

``bench_verifier.py liveness`` measures what the liveness challenge and the
continuity checks add to the identity decision: today's identity check (ID
document + every 4th frame of a 6 s challenge, what the client ran) against
the attempt decision (ID document + the whole challenge: every frame analysed,
parallax, continuity, template from frames spread over the challenge), on the
same rendered 640x480 challenge.

``bench_verifier.py corpus`` runs the large presentation-attack corpus
(``tests/verifier/corpus.py``: 4 holders x 2 sizes, bona fide in 3 orders,
every attack species, sheets at 3 amplitude/distance settings) and prints
APCER per species and BPCER (ISO/IEC 30107-3).

``bench_verifier.py gl_heads`` runs the corpus' bona fide presentations with
the heads drawn by OpenGL (moderngl, headless EGL; ``tests/verifier/gl_heads.py``)
and prints their BPCER.

``bench_verifier.py calibrate`` instead prints document-vs-live distances:
synthetic documents (a photo of person X pasted onto specimen templates, as in
the tests) against X's other photos, against other people, and the specimen
portraits against every photo.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FACES = (ROOT / ".." / "shared" / "faces").resolve()
EX = FACES / "face_recognition" / "examples"

from verifier.analysers import SessionAnalyser  # noqa: E402
from verifier.capture import capture_time  # noqa: E402
from verifier.config import VerifierConfig  # noqa: E402
from verifier.face_adapter import default_engine  # noqa: E402
from verifier.faces import detect_faces  # noqa: E402
from verifier.geometry import head_pose  # noqa: E402
from verifier.identity import IdentityVerifier  # noqa: E402
from verifier.imageio import read_image_file  # noqa: E402


def canvas(img: np.ndarray, width: int, height: int) -> np.ndarray:
    scale = min(width / img.shape[1], height / img.shape[0])
    small = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    out = np.full((height, width, 3), 90, np.uint8)
    y, x = (height - small.shape[0]) // 2, (width - small.shape[1]) // 2
    out[y : y + small.shape[0], x : x + small.shape[1]] = small
    return out


def make_stream(n: int, width: int, height: int) -> list[np.ndarray]:
    """A student slightly moving: the photo shifted by a few pixels, plus sensor noise."""
    rng = np.random.default_rng(0)
    base = canvas(read_image_file(EX / "obama.jpg"), width, height)
    frames = []
    for i in range(n):
        shift = np.float32([[1, 0, 6 * np.sin(i / 5)], [0, 1, 3 * np.cos(i / 7)]])
        moved = cv2.warpAffine(base, shift, (width, height), borderMode=cv2.BORDER_REPLICATE)
        noise = rng.normal(0, 3, moved.shape)
        frames.append(np.clip(moved + noise, 0, 255).astype(np.uint8))
    return frames


def naive(frames: list[np.ndarray]) -> float:
    engine = default_engine()
    start = time.perf_counter()
    for frame in frames:
        rgb = np.ascontiguousarray(frame[:, :, ::-1])
        for det in engine.detect(rgb, 1):
            engine.encode(rgb, det)
    return len(frames) / (time.perf_counter() - start)


def pipeline(frames: list[np.ndarray], fps: float) -> float:
    verifier = IdentityVerifier()
    template = verifier.enrol(frames[:3])
    analyser = SessionAnalyser(VerifierConfig(), template)
    start = time.perf_counter()
    for i, frame in enumerate(frames):
        analyser.process_frame(i / fps, frame)
    return len(frames) / (time.perf_counter() - start)


def identity_latency(runs: int) -> tuple[float, float]:
    doc = read_image_file(FACES / "id_docs/passporteye/passport-td3.jpg")
    live = make_stream(3, 640, 480)
    verifier = IdentityVerifier()
    verifier.check(doc, live)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        verifier.check(doc, live)
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def _summary(label: str, values: list[float]) -> None:
    if values:
        print(f"{label}: n={len(values)} min {min(values):.3f} mean {statistics.mean(values):.3f} "
              f"max {max(values):.3f}")


def calibrate() -> None:
    from tests.verifier.test_identity import compose_document
    from verifier.faces import detect_faces, distance, encode_face
    from verifier.id_document import find_portrait
    from verifier.pairs import read_manifests, unique_photos

    config, engine = VerifierConfig(), default_engine()
    photos = [p for p in unique_photos(read_manifests(FACES)) if "johns" not in str(p.path)]
    enc = {}
    for p in photos:
        img = read_image_file(p.path)
        enc[p.path] = encode_face(img, detect_faces(img, config, engine=engine)[0], engine=engine)
    templates = ["passporteye/passport-td3.jpg", "passporteye/100_pass-cze2.jpg",
                 "arg0s1080_mrz/id_cards__Latvia.png"]
    genuine, impostor = [], []
    for src in photos:
        for name in templates:
            doc = compose_document(read_image_file(FACES / "id_docs" / name),
                                   read_image_file(src.path), engine, config)
            vec = find_portrait(doc, config, engine=engine).encoding
            for probe in photos:
                if probe.photo_id == src.photo_id:
                    continue
                d = distance(vec, enc[probe.path])
                (genuine if probe.identity == src.identity else impostor).append(d)
    _summary("synthetic doc vs same person", genuine)
    _summary("synthetic doc vs other people", impostor)
    for t in (0.38, 0.42, 0.46, 0.50):
        fnmr = sum(d > t for d in genuine) / len(genuine)
        fmr = sum(d <= t for d in impostor) / len(impostor)
        print(f"  threshold {t:.2f}: FMR {fmr:.4f} FNMR {fnmr:.4f}")
    specimen = []
    for row in read_manifests(FACES, kinds=("id_document",)):
        vec = find_portrait(read_image_file(row.path), config, engine=engine).encoding
        specimen += [distance(vec, e) for e in enc.values()]
    _summary("specimen portraits vs all photos (all impostors)", specimen)


def _challenge(size: str = "640x480", who: str = "leslie") -> tuple[tuple[str, ...], list]:
    from tests.verifier import corpus

    corpus.SIZES.setdefault("640x480", (640, 480))
    corpus.FACE_PX.setdefault("640x480", 160.0)
    photo = read_image_file(FACES / corpus.HOLDERS[who][0])
    order = ("turn_left", "blink", "turn_right")
    frames = corpus.sequence("bona_fide", order, size, holder=photo, other=photo,
                             engine=default_engine(), seed=7)
    return order, frames


DOCUMENT_LEAD_S = 1.0  # the identity page starts the check when the document is added


def _captured_live(verifier, doc, challenge, frames) -> tuple[float, float, float, Any]:
    """The client's way: the check starts when the document is added, the challenge
    ``DOCUMENT_LEAD_S`` later; a camera thread hands each frame over at its capture time
    (and counts faces on every 10th unless dlib is busy, as the camera worker does) while
    the attempt decision analyses them.  Returns the seconds from the last captured
    frame to the decision, the analysis' CPU seconds after that frame (the work left,
    whatever the machine's load), its CPU seconds in all, and the decision."""
    import threading

    from verifier.capture import FrameFeed, capture_time
    from verifier.face_adapter import dlib_turn

    feed, config = FrameFeed(), VerifierConfig()

    def camera() -> None:
        time.sleep(DOCUMENT_LEAD_S)  # the student presses "Start the check"
        t0, c0 = time.perf_counter(), capture_time(frames[0]) or 0.0
        for i, frame in enumerate(frames):
            wait = (capture_time(frame) or 0.0) - c0 - (time.perf_counter() - t0)
            if wait > 0:
                time.sleep(wait)
            feed.put(frame)
            if i % 10 == 1:  # skipped while the analysis uses dlib, as in the client
                with dlib_turn(wait=False) as mine:
                    if mine:
                        detect_faces(np.asarray(frame), config)
        feed.close()

    cpu: dict[str, float] = {"start": time.thread_time()}

    def analysed():  # notes this thread's CPU time when it first sees the capture over
        for frame in feed:
            if feed.closed:
                cpu.setdefault("closed", time.thread_time())
            yield frame

    thread = threading.Thread(target=camera)
    thread.start()
    decision = verifier.decide_stream(doc, challenge, analysed())
    done, end = time.monotonic(), time.thread_time()
    thread.join()
    cpu_after = end - cpu.get("closed", end)
    return done - (feed.closed_at or done), cpu_after, end - cpu["start"], decision


def liveness_latency(runs: int = 3) -> None:
    from tests.verifier.corpus import HOLDERS
    from verifier.attempt import AttemptVerifier
    from verifier.capture import timed_sequence
    from verifier.liveness import LivenessChallenge

    order, frames = _challenge()
    doc = read_image_file(FACES / HOLDERS["leslie"][1])
    plain = [np.asarray(f) for f in frames]
    old, old_live, new, tail, left, used, old_cpu = [], [], [], [], [], [], []
    config, engine = VerifierConfig(), default_engine()
    challenge = LivenessChallenge(order)
    for _ in range(runs):
        start, cpu0 = time.perf_counter(), time.thread_time()
        today = IdentityVerifier().check(doc, plain[::4])
        old.append(time.perf_counter() - start)
        old_cpu.append(time.thread_time() - cpu0)
        start = time.perf_counter()  # the liveness the client ran after it, as it was:
        for frame in plain:  # a full-frame HOG + landmarks + head pose on every frame
            for face in detect_faces(frame, config, engine=engine):
                head_pose(face.landmarks, frame.shape)
        old_live.append(time.perf_counter() - start)
        start = time.perf_counter()
        decision = AttemptVerifier().decide(doc, challenge, timed_sequence(frames))
        new.append(time.perf_counter() - start)
        waited, cpu_left, cpu_all, streamed = _captured_live(AttemptVerifier(), doc,
                                                             challenge, frames)
        tail.append(waited)
        left.append(cpu_left)
        used.append(cpu_all)
        assert streamed.to_dict() == decision.to_dict(), "streamed decision differs"
    a, b = statistics.median(old), statistics.median(new)
    c, d = statistics.median(old_live), statistics.median(tail)
    seconds = capture_time(frames[-1]) - capture_time(frames[0])
    print(f"identity check alone (ID + every 4th of {len(frames)} frames, after the capture): "
          f"median {a:.2f} s -> {today.outcome}")
    print(f"old client decision (that check + the old liveness, full HOG per frame): "
          f"median {a + c:.2f} s")
    print(f"attempt decision after the capture (ID + liveness + continuity, all frames): "
          f"median {b:.2f} s -> {decision.outcome}, liveness "
          f"{'passed' if decision.liveness.passed else 'FAILED'}; vs the identity check alone "
          f"{b - a:+.2f} s ({b / a:.2f}x)")
    print(f"attempt decision analysed while captured (document {DOCUMENT_LEAD_S:.0f} s before a "
          f"{seconds:.1f} s challenge, frames handed over in real time): last frame -> "
          f"decision median {d:.2f} s; vs the identity check alone {d - a:+.2f} s "
          f"({d / a:.2f}x); vs the old client decision {d - (a + c):+.2f} s")
    print(f"  CPU time: identity check alone {statistics.median(old_cpu):.2f} s; analysis after "
          f"the last frame median {statistics.median(left):.2f} s, "
          f"in all {statistics.median(used):.2f} s for {seconds:.1f} s of capture "
          f"(it keeps up when it gets {statistics.median(used) / seconds:.0%} of a core)")
    print(f"runs: identity alone {[round(x, 2) for x in old]}, after {[round(x, 2) for x in new]}, "
          f"while captured (last frame -> decision) {[round(x, 3) for x in tail]}")


def main() -> None:
    warnings.simplefilter("ignore")
    cv2.setNumThreads(1)
    if sys.argv[1:] == ["calibrate"]:
        calibrate()
        return
    if sys.argv[1:] == ["liveness"]:
        default_engine()
        liveness_latency()
        return
    if sys.argv[1:] == ["gl_heads"]:
        from benchmarks.bench_corpus import run_gl_heads

        run_gl_heads(FACES)
        return
    if sys.argv[1:] == ["corpus"]:
        from benchmarks.bench_corpus import run_corpus

        run_corpus(FACES)
        return
    default_engine()  # load models outside the timings
    for width, height in ((1280, 720), (640, 480)):
        base = naive(make_stream(12, width, height))
        # 30 s of video at 5 fps: includes identity encodings every encode_every_s
        ours = pipeline(make_stream(150, width, height), fps=5.0)
        print(f"{width}x{height}: naive {base:6.2f} frames/s | analyser {ours:6.2f} frames/s "
              f"| ratio {ours / base:5.1f}x")
    median, worst = identity_latency(5)
    print(f"identity check (ID doc + 3 live frames): median {median * 1e3:.0f} ms, "
          f"max {worst * 1e3:.0f} ms")
    liveness_latency()


if __name__ == "__main__":
    main()
