"""Question-bank import benchmark (run manually; not part of pytest).

    .venv/bin/python benchmarks/bench_import.py            # 20,000 questions (~12.5 MB)
    .venv/bin/python benchmarks/bench_import.py --questions 2000

Prints, against baselines measured in the same run:

* reading Moodle XML: traced peak memory of the streamed reader
  (``moodle_xml.iter_questions``) / building the whole tree (``ET.fromstring``),
  and the time ratio of the two;
* a full import (convert + validate every question), seconds per 1,000 questions;
* LaTeX rendering with ziamath: milliseconds per formula, against parsing the
  same formulas to MathML only (latex2mathml, its first stage).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exam_packages.moodle import import_moodle_xml  # noqa: E402
from exam_packages.moodle_xml import iter_questions  # noqa: E402

QUESTION = (b"<question type='multichoice'><name><text>Q%d</text></name><questiontext "
            b"format='html'><text><![CDATA[<p>Statement %d " + b"x" * 300 + b"</p>]]></text>"
            b"</questiontext><single>false</single><answer fraction='50'><text>a</text></answer>"
            b"<answer fraction='50'><text>b</text></answer><answer fraction='-100'><text>c"
            b"</text></answer></question>\n")
FORMULAS = [r"x^2", r"\frac{a}{b}+\sqrt{x^2+y^2}", r"\int_0^\infty e^{-x^2}\,dx",
            r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}", r"E=mc^2"]


def _measure(fn: Callable[[], object]) -> tuple[float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=20_000)
    args = parser.parse_args()
    data = b"<quiz>\n" + b"".join(QUESTION % (i, i) for i in range(args.questions)) + b"</quiz>"
    tree_s, tree_peak = _measure(lambda: ET.fromstring(data))
    stream_s, stream_peak = _measure(lambda: sum(1 for _ in iter_questions(io.BytesIO(data))))
    print(f"file: {len(data) / 1e6:.1f} MB, {args.questions} questions")
    print(f"read, whole tree (baseline): {tree_s:.2f} s, peak {tree_peak / 1e6:.1f} MB")
    print(f"read, streamed:              {stream_s:.2f} s, peak {stream_peak / 1e6:.1f} MB "
          f"(memory ratio {stream_peak / tree_peak:.3f}, time ratio {stream_s / tree_s:.2f})")
    start = time.perf_counter()
    result = import_moodle_xml(io.BytesIO(data))
    full = time.perf_counter() - start
    print(f"full import: {full:.2f} s ({full / args.questions * 1000:.3f} s per 1000 questions, "
          f"{result.counts['imported']} imported)")
    try:
        import latex2mathml.converter
        import ziamath
    except ImportError:
        print("LaTeX: ziamath not installed")
        return
    start = time.perf_counter()
    for formula in FORMULAS:
        latex2mathml.converter.convert(formula)
    parse = (time.perf_counter() - start) / len(FORMULAS)
    start = time.perf_counter()
    for formula in FORMULAS:
        ziamath.Latex(formula, size=20).svg()
    render = (time.perf_counter() - start) / len(FORMULAS)
    print(f"LaTeX: {render * 1000:.1f} ms per formula to SVG; MathML parse only (baseline) "
          f"{parse * 1000:.1f} ms (ratio {render / parse:.1f})")


if __name__ == "__main__":
    main()
