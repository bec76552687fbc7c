"""Plain-text rendering for ``emtihan-author``: package summaries and paper previews."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .answers import gap_choices
from .model import question_points


def _letters(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def render_manifest(manifest: dict[str, Any]) -> str:
    exam = manifest["exam"]
    policy = exam.get("policy", {})
    encryption = manifest.get("encryption")
    lines = [
        f"exam:        {exam['exam_id']} version {exam['version']}",
        f"title:       {exam['title']}",
        f"language:    {exam['language']}",
        f"window:      {exam['opens_at']} .. {exam['closes_at']}",
        f"duration:    {exam['duration_s']} s",
        f"policy:      shuffle_questions={policy.get('shuffle_questions')} "
        f"shuffle_options={policy.get('shuffle_options')} "
        f"navigation={policy.get('navigation')}",
        f"checks:      {policy.get('required_checks')}",
        f"author key:  {manifest['author_key_id']}",
        f"recipient:   {manifest['recipient']['key_id']}",
        f"created at:  {manifest['created_at']}",
        "encryption:  " + ("none" if encryption is None
                           else f"{encryption['alg']} (content key id {encryption['key_id']})"),
        "files:",
    ]
    for name, entry in sorted(manifest["files"].items()):
        lines.append(f"  {name}  {entry['size']} bytes  sha256 {entry['sha256'][:16]}...")
    return "\n".join(lines)


def _body(question: dict[str, Any], entry: dict[str, Any]) -> list[str]:
    qtype = question["type"]
    if qtype in ("single", "multiple"):
        texts = {o["id"]: o["text"] for o in question["options"]}
        box = "( )" if qtype == "single" else "[ ]"
        return [f"   {box} {_letters(i)}. {texts[oid]}" for i, oid in enumerate(entry["options"])]
    if qtype == "truefalse":
        return ["   ( ) true   ( ) false"]
    if qtype == "matching":
        rights = {p["id"]: p["right"] for p in question["pairs"]}
        rights.update({d["id"]: d["text"] for d in question.get("distractors", [])})
        lines = [f"   {i + 1}. {p['left']}" for i, p in enumerate(question["pairs"])]
        lines += [f"   {_letters(i)}. {rights[pid]}" for i, pid in enumerate(entry["right_order"])]
        return lines
    if qtype == "ordering":
        texts = {i["id"]: i["text"] for i in question["items"]}
        return [f"   - {texts[iid]}" for iid in entry["items"]]
    if qtype == "essay":
        return ["   [essay answer]"]
    if qtype == "description":
        return []
    if qtype in ("gapselect", "ddwtos"):
        return [f"   [[{g['id']}]]: " + " / ".join(c["text"] for c in gap_choices(question, gid))
                for g in question["gaps"] for gid in [g["id"]]]
    if qtype == "cloze":
        return [f"   [[{g['id']}]]: " + (" / ".join(o["text"] for o in g["options"])
                                        if g["type"] == "single" else f"{g['type']} ________")
                for g in question["gaps"]]
    return ["   answer: ________"]


def render_paper(exam_doc: dict[str, Any], paper: dict[str, Any], title: str = "") -> str:
    """The paper as a student would see it, in shown order."""
    questions = exam_doc["questions"]
    total = sum((question_points(questions[e["id"]]) for e in paper["questions"]), Decimal(0))
    lines = [f"{title}" if title else "exam paper",
             f"seed {paper['seed']}: {len(paper['questions'])} questions, {total} points", ""]
    for number, entry in enumerate(paper["questions"], start=1):
        question = questions[entry["id"]]
        points = question_points(question)
        lines.append(f"{number}. [{question['type']}, {points} pt, {entry['id']}] "
                     f"{question['text']}")
        lines.extend(_body(question, entry))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
