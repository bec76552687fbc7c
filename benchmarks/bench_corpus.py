"""The large presentation-attack corpus (run by ``bench_verifier.py corpus``).

APCER per species = attacks whose deployed outcome is ``match``; BPCER = bona
fide presentations whose liveness failed (ISO/IEC 30107-3).  Also prints the
outcome counts and the parallax / sample-distance ranges the thresholds sit in.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from tests.verifier.corpus import ATTACKS, HOLDERS, OTHERS, SIZES, render_photo, sequence
from verifier.attempt import AttemptVerifier
from verifier.capture import timed_sequence
from verifier.face_adapter import default_engine
from verifier.identity import IdentityVerifier
from verifier.imageio import read_image_file
from verifier.liveness import STEPS, LivenessChallenge

ORDERS = list(itertools.permutations(STEPS))
SHEETS = [(25.0, 8.0), (40.0, 5.0), (55.0, 12.0)]  # (amplitude deg, camera distance in faces)


def _plan() -> list[tuple[str, str, str, tuple[str, ...], dict[str, float]]]:
    plan = []
    for n, (who, size) in enumerate(itertools.product(HOLDERS, SIZES)):
        for k in range(3):
            plan.append(("bona_fide", who, size, ORDERS[(n + 2 * k) % 6], {}))
        for kind in ATTACKS:
            settings = SHEETS if kind in ("warped_still", "print") else [(40.0, 8.0)]
            for j, (amp, dist) in enumerate(settings):
                plan.append((kind, who, size, ORDERS[(n + j) % 6],
                             {"amplitude": amp, "distance": dist}))
    return plan


def run_corpus(faces: Path) -> None:
    engine = default_engine()
    verifier = AttemptVerifier(engine=engine)
    identity = IdentityVerifier(engine=engine)
    photos = {name: read_image_file(faces / render_photo(name))
              for name in [*HOLDERS, "cruise"]}
    portraits = {who: identity.portrait(read_image_file(faces / doc))
                 for who, (_, doc) in HOLDERS.items()}
    rows: dict[str, list[Any]] = defaultdict(list)
    start = time.perf_counter()
    for seed, (kind, who, size, order, kw) in enumerate(_plan()):
        frames = sequence(kind, order, size, holder=photos[who], other=photos[OTHERS[who]],
                          engine=engine, seed=100 + seed, **kw)
        d = verifier.decide_with_portrait(portraits[who], LivenessChallenge(order),
                                          timed_sequence(frames))
        rows[kind].append(d)
        codes = ",".join(sorted({r.code for r in d.reasons})) or "-"
        print(f"{kind:12s} {who:9s} {size:8s} {'+'.join(order):26s} {kw or ''} -> "
              f"{d.outcome:8s} liveness {'pass' if d.liveness.passed else 'FAIL'} "
              f"{d.liveness.measures} [{codes}]", flush=True)
    print(f"\n{sum(len(v) for v in rows.values())} presentations in "
          f"{time.perf_counter() - start:.0f} s")
    print("species        n  accepted(match)  APCER   liveness passed  review  no_match")
    for kind in ATTACKS:
        ds = rows[kind]
        acc = sum(d.outcome == "match" for d in ds)
        print(f"{kind:12s} {len(ds):3d} {acc:16d} {acc / len(ds):7.3f} "
              f"{sum(d.liveness.passed for d in ds):16d} "
              f"{sum(d.outcome == 'review' for d in ds):7d} "
              f"{sum(d.outcome == 'no_match' for d in ds):9d}")
    bona = rows["bona_fide"]
    failed = [d for d in bona if not d.liveness.passed]
    print(f"bona fide: n={len(bona)}, liveness failed {len(failed)} -> BPCER "
          f"{len(failed) / len(bona):.3f}; outcomes: "
          f"{ {o: sum(d.outcome == o for d in bona) for o in ('match', 'review', 'no_match')} }")
    for d in failed:
        print("  failed bona fide:", [r.to_dict() for r in d.liveness.reasons])
    par = [v for d in bona for v in d.liveness.measures.get("parallax", {}).values()]
    dist = [d.liveness.measures.get("max_sample_distance", 0.0) for d in bona]
    if par:
        print(f"bona fide parallax {min(par):.3f}..{max(par):.3f}; max sample distance "
              f"{min(dist):.3f}..{max(dist):.3f}")
    sheets = [v for k in ("warped_still", "print") for d in rows[k]
              for v in d.liveness.measures.get("parallax", {}).values()]
    if sheets:
        print(f"sheet (warped/print) parallax {min(sheets):.3f}..{max(sheets):.3f}")


def run_gl_heads(faces: Path) -> None:
    """BPCER on the bona fide presentations of the corpus plan (same holders, sizes,
    orders and seeds) with the heads drawn by OpenGL (tests/verifier/gl_heads.py)."""
    engine = default_engine()
    verifier = AttemptVerifier(engine=engine)
    identity = IdentityVerifier(engine=engine)
    photos = {name: read_image_file(faces / render_photo(name)) for name in HOLDERS}
    portraits = {who: identity.portrait(read_image_file(faces / doc))
                 for who, (_, doc) in HOLDERS.items()}
    decisions = []
    start = time.perf_counter()
    for seed, (kind, who, size, order, _kw) in enumerate(_plan()):
        if kind != "bona_fide":
            continue
        frames = sequence("bona_fide_gl", order, size, holder=photos[who],
                          other=photos[who], engine=engine, seed=100 + seed)
        d = verifier.decide_with_portrait(portraits[who], LivenessChallenge(order),
                                          timed_sequence(frames))
        decisions.append(d)
        codes = ",".join(sorted({r.code for r in d.reasons})) or "-"
        print(f"bona_fide_gl {who:9s} {size:8s} {'+'.join(order):26s} -> {d.outcome:8s} "
              f"liveness {'pass' if d.liveness.passed else 'FAIL'} {d.liveness.measures} "
              f"[{codes}]", flush=True)
    failed = [d for d in decisions if not d.liveness.passed]
    par = [v for d in decisions for v in d.liveness.measures.get("parallax", {}).values()]
    outcomes = {o: sum(d.outcome == o for d in decisions) for o in ("match", "review", "no_match")}
    print(f"\nGL bona fide: n={len(decisions)} in {time.perf_counter() - start:.0f} s, liveness "
          f"failed {len(failed)} -> BPCER {len(failed) / max(len(decisions), 1):.3f}; outcomes "
          f"{outcomes}")
    if par:
        print(f"parallax {min(par):.3f}..{max(par):.3f}")
