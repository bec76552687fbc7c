"""Friendly authoring forms of one question -> the canonical question dict."""

from __future__ import annotations

import string
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .errors import InputError

PASS_THROUGH = ("type", "text", "points", "title", "feedback", "shuffle", "format",
                "combined_feedback", "hints", "grader_info", "answer_feedback")


def _where(qid: str, entry: Any) -> str:
    line = getattr(entry, "line", None)
    return f"question {qid} (line {line})" if line else f"question {qid}"


def _as_text(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return value


def _letter_ids(count: int) -> list[str]:
    letters = string.ascii_lowercase
    if count <= len(letters):
        return list(letters[:count])
    return [f"o{i + 1}" for i in range(count)]


def _options(where: str, raw: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """Options as list of strings, list of {id?, text, correct?} or mapping id -> text."""
    if isinstance(raw, dict):
        return [{"id": str(k), "text": _as_text(v)} for k, v in raw.items()], []
    if not isinstance(raw, list):
        raise InputError(f"{where}.options: expected a list or a mapping")
    ids = _letter_ids(len(raw))
    options: list[dict[str, Any]] = []
    marked: list[str] = []
    for index, item in enumerate(raw):
        if isinstance(item, dict):
            oid = str(item.get("id", ids[index]))
            options.append({"id": oid, "text": _as_text(item.get("text"))})
            if item.get("correct") is True:
                marked.append(oid)
        else:
            options.append({"id": ids[index], "text": _as_text(item)})
    return options, marked


def _option_fractions(raw: Any, options: list[dict[str, Any]]) -> dict[str, str]:
    """``options: [{text, fraction: 0.5}]`` -> ``{option id: "0.5"}``."""
    if not isinstance(raw, list):
        return {}
    return {opt["id"]: _as_text(item["fraction"]) for opt, item in zip(options, raw, strict=True)
            if isinstance(item, dict) and "fraction" in item}


def _derived_correct(qtype: str, fractions: dict[str, str]) -> list[str] | None:
    if not fractions:
        return None
    if qtype == "single":
        return [k for k, v in fractions.items() if Decimal(v) == 1] or None
    return [k for k, v in fractions.items() if Decimal(v) > 0] or None


def _choice(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    where = _where(qid, entry)
    options, marked = _options(where, entry.get("options"))
    out["options"] = options
    fractions = entry.get("fractions") or _option_fractions(entry.get("options"), options)
    if fractions:
        out["fractions"] = ({str(k): _as_text(v) for k, v in fractions.items()}
                            if isinstance(fractions, dict) else fractions)
    given = out.get("fractions")
    derived: dict[str, str] = given if isinstance(given, dict) else {}
    correct = entry.get("correct", marked or _derived_correct(str(entry.get("type")), derived))
    if isinstance(correct, str | int) and not isinstance(correct, bool):
        correct = [str(correct)]
    if correct is None or correct == []:
        raise InputError(f"{where} has no correct answer")
    if not isinstance(correct, list):
        raise InputError(f"{where}.correct: expected an option id or a list of option ids")
    out["correct"] = [str(c) for c in correct]
    if "scoring" in entry:
        out["scoring"] = entry["scoring"]


def _truefalse(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    value = entry.get("correct", entry.get("answer"))
    if value is None:
        raise InputError(f"{_where(qid, entry)} has no correct answer")
    if not isinstance(value, bool):
        raise InputError(f"{_where(qid, entry)}.correct: expected true or false")
    out["correct"] = value


def _short(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    raw = entry.get("accept", entry.get("answer"))
    if raw is None or raw == []:
        raise InputError(f"{_where(qid, entry)} has no correct answer")
    default_case = entry.get("case_sensitive", False)
    default_mode = entry.get("mode", "exact")
    rules = []
    for item in raw if isinstance(raw, list) else [raw]:
        rule = dict(item) if isinstance(item, dict) else {"pattern": _as_text(item)}
        rule["pattern"] = _as_text(rule.get("pattern"))
        if "fraction" in rule:
            rule["fraction"] = _as_text(rule["fraction"])
        rule.setdefault("mode", default_mode)
        rule.setdefault("case_sensitive", default_case)
        rules.append(rule)
    out["accept"] = rules


def _numeric(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    if "answer" not in entry and "answers" not in entry:
        raise InputError(f"{_where(qid, entry)} has no correct answer")
    for key in ("answer", "tolerance", "unit_penalty"):
        if key in entry:
            out[key] = _as_text(entry[key])
    if isinstance(entry.get("answers"), list):
        out["answers"] = [{k: _as_text(v) for k, v in item.items()}
                          if isinstance(item, dict) else item for item in entry["answers"]]
    elif "answers" in entry:
        out["answers"] = entry["answers"]
    units = entry.get("units")
    if isinstance(units, dict):  # friendly: {m: 1, cm: 100}
        units = [{"unit": str(k), "multiplier": v} for k, v in units.items()]
    if isinstance(units, list):
        out["units"] = [{k: _as_text(v) for k, v in u.items()} if isinstance(u, dict) else u
                        for u in units]
    for key in ("unit_grading", "unit_display", "units_left"):
        if key in entry:
            out[key] = entry[key]


def _essay(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    return None


def _matching(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    raw = entry.get("pairs")
    if not raw:
        raise InputError(f"{_where(qid, entry)} has no correct answer")
    items = list(raw.items()) if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise InputError(f"{_where(qid, entry)}.pairs: expected a list or a mapping")
    pairs = []
    for index, item in enumerate(items):
        pid = f"p{index + 1}"
        if isinstance(item, dict):
            pairs.append({"id": str(item.get("id", pid)), "left": _as_text(item.get("left")),
                          "right": _as_text(item.get("right"))})
        elif isinstance(item, list | tuple) and len(item) == 2:
            pairs.append({"id": pid, "left": _as_text(item[0]), "right": _as_text(item[1])})
        else:
            raise InputError(f"{_where(qid, entry)}.pairs[{index}]: expected left and right")
    out["pairs"] = pairs
    if "scoring" in entry:
        out["scoring"] = entry["scoring"]
    extra = entry.get("distractors")
    if isinstance(extra, list):  # friendly: a list of texts
        out["distractors"] = [
            {"id": str(item.get("id", f"d{i + 1}")), "text": _as_text(item.get("text"))}
            if isinstance(item, dict) else {"id": f"d{i + 1}", "text": _as_text(item)}
            for i, item in enumerate(extra)]
    elif extra is not None:
        out["distractors"] = extra


def _ordering(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    raw = entry.get("items")
    if not isinstance(raw, list) or not raw:
        raise InputError(f"{_where(qid, entry)}.items: expected a list in the correct order")
    items = []
    for index, item in enumerate(raw):
        iid = f"i{index + 1}"
        if isinstance(item, dict):
            items.append({"id": str(item.get("id", iid)), "text": _as_text(item.get("text"))})
        else:
            items.append({"id": iid, "text": _as_text(item)})
    out["items"] = items
    order = entry.get("correct_order", [i["id"] for i in items])
    out["correct_order"] = [str(i) for i in order] if isinstance(order, list) else order
    for key in ("scoring", "select", "select_count"):
        if key in entry:
            out[key] = entry[key]


def _select_gaps(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    raw = entry.get("choices")
    if isinstance(raw, list):
        ids = _letter_ids(len(raw))
        out["choices"] = [
            {**{k: _as_text(v) if k != "group" else v for k, v in item.items()},
             "id": str(item.get("id", ids[i]))} if isinstance(item, dict)
            else {"id": ids[i], "text": _as_text(item)} for i, item in enumerate(raw)]
    else:
        out["choices"] = raw
    out["gaps"] = entry.get("gaps")


def _cloze(qid: str, entry: dict[str, Any], out: dict[str, Any]) -> None:
    raw = entry.get("gaps")
    if not isinstance(raw, list):
        out["gaps"] = raw
        return
    gaps = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict) or item.get("type") not in ("single", "multiple", "short",
                                                                    "numeric"):
            gaps.append(item)
            continue
        gap: dict[str, Any] = {"id": str(item.get("id", f"g{index + 1}")), "type": item["type"]}
        for key in ("points", "answer_feedback", "shuffle"):
            if key in item:
                gap[key] = item[key]
        NORMALIZERS[item["type"]](f"{qid}.gaps[{index}]", item, gap)
        gaps.append(gap)
    out["gaps"] = gaps


NORMALIZERS: dict[str, Callable[[str, dict[str, Any], dict[str, Any]], None]] = {
    "single": _choice, "multiple": _choice, "truefalse": _truefalse, "short": _short,
    "numeric": _numeric, "essay": _essay, "matching": _matching, "ordering": _ordering,
    "description": _essay, "gapselect": _select_gaps, "ddwtos": _select_gaps, "cloze": _cloze,
}
FRIENDLY_ONLY = {"id", "image", "correct", "answer", "accept", "options", "pairs", "items",
                 "correct_order", "scoring", "case_sensitive", "mode", "tolerance", "fractions",
                 "answers", "units", "unit_grading", "unit_penalty", "unit_display",
                 "units_left", "choices", "gaps", "distractors", "select", "select_count"}


def normalize_question(qid: str, entry: dict[str, Any]) -> dict[str, Any]:
    """Return the canonical form of one source question (not yet validated)."""
    where = _where(qid, entry)
    qtype = entry.get("type")
    if qtype not in NORMALIZERS:
        raise InputError(f"{where}.type: unknown type {qtype!r}; expected one of "
                         f"{', '.join(NORMALIZERS)}")
    unknown = set(entry) - set(PASS_THROUGH) - FRIENDLY_ONLY
    if unknown:
        raise InputError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    out: dict[str, Any] = {key: entry[key] for key in PASS_THROUGH if key in entry}
    if "text" in out:
        out["text"] = _as_text(out["text"])
    image = entry.get("image")
    if image is not None:
        out["text"] = f"{out.get('text', '')}\n\n![{qid}](media/{image})"
    NORMALIZERS[qtype](qid, entry, out)
    return out
