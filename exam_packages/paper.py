"""Deterministic exam papers: pool draws and shuffles from a seed.

Randomness comes from HMAC-SHA256(key=seed, message="emtihan-paper-v1|<context>|<counter>")
blocks, read as 64-bit big-endian integers with rejection sampling, and a
Fisher-Yates shuffle. The same (exam_doc, policy, seed) gives the same paper on
every machine and Python version; Python's ``random`` is never used.

Rules:

* sections keep their authored order; questions not in any section form a last
  implicit section in sorted id order;
* a section with ``draw: k`` keeps k of its questions (context ``draw|<section>``);
* ``shuffle_questions`` shuffles questions inside each section
  (``questions|<section>``), otherwise the authored order is kept;
* ``shuffle_options`` shuffles single/multiple options (``options|<qid>``),
  except in a question with ``shuffle: false`` (Moodle's per-question
  "shuffle the choices" setting);
* gapselect/ddwtos choices (``choices|<qid>``, Moodle's shufflechoices) are shuffled
  under ``shuffle_options`` only in a question with an explicit ``shuffle: true`` (the
  Moodle import writes it), so papers of packages built before stay the same; each
  gap offers its group's choices in that order;
* the options of cloze gaps with ``shuffle: true`` (Moodle's ``_S`` embedded answers)
  are shuffled under ``shuffle_options`` (``gap|<qid>|<gap id>``, entry ``gap_options``);
* an ordering question with ``select_count`` shows a subset (``ordering-select|<qid>``:
  ``random`` items, or a ``contiguous`` run, in correct order, as qtype_ordering);
* matching right-hand sides, distractors included (``matching|<qid>``), and ordering items
  (``ordering|<qid>``) are always shuffled, and never shown already solved:
  a shuffle that equals the solved order is rotated by one.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from typing import Any, TypeVar

from .answers import matching_choices
from .errors import InputError
from .model import DEFAULT_POLICY

T = TypeVar("T")
_DOMAIN = "emtihan-paper-v1"
_U64 = 1 << 64


class SeededStream:
    """Uniform integers from HMAC-SHA256(seed, domain|context|counter)."""

    def __init__(self, seed: str, context: str) -> None:
        self._key = seed.encode("utf-8")
        self._context = context
        self._counter = 0
        self._buffer = b""

    def _u64(self) -> int:
        if len(self._buffer) < 8:
            message = f"{_DOMAIN}|{self._context}|{self._counter}".encode()
            self._buffer += hmac.new(self._key, message, hashlib.sha256).digest()
            self._counter += 1
        value, self._buffer = self._buffer[:8], self._buffer[8:]
        return int.from_bytes(value, "big")

    def below(self, n: int) -> int:
        """A uniform integer in ``[0, n)`` (rejection sampling, no modulo bias)."""
        if n <= 0:
            raise ValueError("n must be positive")
        limit = _U64 - (_U64 % n)
        while True:
            value = self._u64()
            if value < limit:
                return value % n

    def shuffled(self, items: Sequence[T]) -> list[T]:
        """A Fisher-Yates shuffled copy of ``items``."""
        out = list(items)
        for i in range(len(out) - 1, 0, -1):
            j = self.below(i + 1)
            out[i], out[j] = out[j], out[i]
        return out


def _never_solved(order: list[str], solved: list[str]) -> list[str]:
    if len(order) > 1 and order == solved:
        return order[1:] + order[:1]
    return order


def _section_list(exam_doc: dict[str, Any]) -> list[dict[str, Any]]:
    sections = list(exam_doc.get("sections") or [])
    placed = {qid for s in sections for qid in s.get("questions", [])}
    rest = sorted(qid for qid in exam_doc["questions"] if qid not in placed)
    if rest:
        sections.append({"id": "_rest", "questions": rest})
    return sections


def _ordering_subset(qid: str, question: dict[str, Any], seed: str) -> list[str]:
    """The items an ordering question shows, in correct order: all, or qtype_ordering's
    subset of ``select_count`` (``random`` items or a ``contiguous`` run)."""
    order = list(question["correct_order"])
    count = question.get("select_count")
    if count is None:
        return order
    stream = SeededStream(seed, f"ordering-select|{qid}")
    if question.get("select") == "contiguous":
        start = stream.below(len(order) - count + 1)
        return order[start:start + count]
    kept = set(stream.shuffled(order)[:count])
    return [i for i in order if i in kept]


def _question_entry(qid: str, question: dict[str, Any], seed: str,
                    shuffle_options: bool) -> dict[str, Any]:
    qtype = question["type"]
    if qtype in ("single", "multiple"):
        ids = [o["id"] for o in question["options"]]
        if shuffle_options and question.get("shuffle", True):
            ids = SeededStream(seed, f"options|{qid}").shuffled(ids)
        return {"id": qid, "options": ids}
    if qtype == "matching":
        ids = matching_choices(question)  # pairs' right-hand sides, then distractors
        order = SeededStream(seed, f"matching|{qid}").shuffled(ids)
        return {"id": qid, "right_order": _never_solved(order, ids)}
    if qtype == "ordering":
        solved = _ordering_subset(qid, question, seed)
        order = SeededStream(seed, f"ordering|{qid}").shuffled(solved)
        return {"id": qid, "items": _never_solved(order, solved)}
    if qtype == "cloze" and shuffle_options and any(g.get("shuffle") for g in question["gaps"]):
        return {"id": qid, "gap_options": {
            g["id"]: SeededStream(seed, f"gap|{qid}|{g['id']}").shuffled(
                [o["id"] for o in g["options"]]) for g in question["gaps"] if g.get("shuffle")}}
    if qtype in ("gapselect", "ddwtos") and shuffle_options and question.get("shuffle") is True:
        ids = [c["id"] for c in question["choices"]]
        return {"id": qid, "choices": SeededStream(seed, f"choices|{qid}").shuffled(ids)}
    return {"id": qid}


def make_paper(exam_doc: dict[str, Any], policy: dict[str, Any], seed: str) -> dict[str, Any]:
    """Draw and shuffle a paper for ``seed`` (see the module docstring)."""
    if not isinstance(seed, str) or not seed:
        raise InputError("paper seed must be a non-empty string")
    shuffle_q = bool(policy.get("shuffle_questions", DEFAULT_POLICY["shuffle_questions"]))
    shuffle_o = bool(policy.get("shuffle_options", DEFAULT_POLICY["shuffle_options"]))
    entries: list[dict[str, Any]] = []
    for section in _section_list(exam_doc):
        sid = section["id"]
        qids = list(section["questions"])
        draw = section.get("draw")
        if draw is not None and draw < len(qids):
            kept = set(SeededStream(seed, f"draw|{sid}").shuffled(qids)[:draw])
            qids = [qid for qid in qids if qid in kept]
        if shuffle_q:
            qids = SeededStream(seed, f"questions|{sid}").shuffled(qids)
        for qid in qids:
            entries.append(_question_entry(qid, exam_doc["questions"][qid], seed, shuffle_o))
    return {"seed": seed, "questions": entries}


def _check_perm(qid: str, field: str, shown: Any, expected: list[str]) -> None:
    if not isinstance(shown, list) or sorted(map(str, shown)) != sorted(expected) \
            or len(shown) != len(expected):
        raise InputError(f"paper: question {qid}.{field} is not a permutation of the "
                         "question's ids")


def _check_gap_options(qid: str, question: dict[str, Any], shown: Any) -> None:
    gaps = {g["id"]: g for g in question["gaps"] if g.get("shuffle")}
    if not isinstance(shown, dict) or set(shown) != set(gaps):
        raise InputError(f"paper: question {qid}.gap_options must list its shuffled gaps")
    for gid, order in shown.items():
        _check_perm(qid, f"gap_options.{gid}", order, [o["id"] for o in gaps[gid]["options"]])


def _check_ordering_items(qid: str, question: dict[str, Any], shown: Any) -> None:
    count = question.get("select_count")
    if count is None:
        _check_perm(qid, "items", shown, [i["id"] for i in question["items"]])
        return
    ids = {i["id"] for i in question["items"]}
    if not isinstance(shown, list) or len(shown) != count or len(set(shown)) != count \
            or not set(shown) <= ids:
        raise InputError(f"paper: question {qid}.items is not {count} of the question's items")


def validate_paper(exam_doc: dict[str, Any], paper: Any) -> None:
    """Check that ``paper`` (e.g. from a result envelope) fits ``exam_doc``."""
    if not isinstance(paper, dict) or not isinstance(paper.get("questions"), list):
        raise InputError("paper: expected a mapping with a 'questions' list")
    seen: set[str] = set()
    questions = exam_doc["questions"]
    for entry in paper["questions"]:
        qid = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(qid, str) or qid not in questions:
            raise InputError(f"paper: question {qid!r} is not in the exam")
        if qid in seen:
            raise InputError(f"paper: question {qid} appears twice")
        seen.add(qid)
        question = questions[qid]
        if question["type"] in ("single", "multiple"):
            _check_perm(qid, "options", entry.get("options"),
                        [o["id"] for o in question["options"]])
        elif question["type"] == "matching":
            _check_perm(qid, "right_order", entry.get("right_order"),
                        matching_choices(question))
        elif question["type"] == "ordering":
            _check_ordering_items(qid, question, entry.get("items"))
        elif question["type"] == "cloze" and "gap_options" in entry:
            _check_gap_options(qid, question, entry["gap_options"])
        elif question["type"] in ("gapselect", "ddwtos") and "choices" in entry:
            _check_perm(qid, "choices", entry["choices"], [c["id"] for c in question["choices"]])


def paper_order(entry: dict[str, Any]) -> list[str] | None:
    """The order the student's widget shows for one paper entry: options (single/multiple),
    right-hand sides (matching), items (ordering), gap choices (gapselect/ddwtos) or
    ``"<gap id>:<option id>"`` of shuffled cloze gaps; None keeps the authored order."""
    for field in ("options", "right_order", "items", "choices"):
        if isinstance(entry.get(field), list):
            return list(entry[field])
    if isinstance(entry.get("gap_options"), dict):  # cloze: "gap id:option id" in order
        return [f"{gid}:{oid}" for gid, ids in entry["gap_options"].items() for oid in ids]
    return None


def paper_question_ids(paper: dict[str, Any]) -> list[str]:
    """The question ids of a paper in shown order."""
    return [entry["id"] for entry in paper["questions"]]
