"""Moodle's ordering question (qtype_ordering) -> an ``ordering`` question: its grading
type as ``scoring`` and its "select a subset" as ``select``/``select_count``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from typing import Any

from .moodle_types import MoodleQuestion

ORDERING_GRADING = {
    "ALL_OR_NOTHING": "all_or_nothing", "-1": "all_or_nothing",
    "ABSOLUTE_POSITION": "absolute_position", "0": "absolute_position",
    "RELATIVE_NEXT_EXCLUDE_LAST": "relative_next_exclude_last", "1": "relative_next_exclude_last",
    "RELATIVE_NEXT_INCLUDE_LAST": "relative_next_include_last", "2": "relative_next_include_last",
    "RELATIVE_ONE_PREVIOUS_AND_NEXT": "relative_one_previous_and_next",
    "3": "relative_one_previous_and_next",
    "RELATIVE_ALL_PREVIOUS_AND_NEXT": "relative_all_previous_and_next",
    "4": "relative_all_previous_and_next",
    "LONGEST_ORDERED_SUBSET": "longest_ordered_subset", "5": "longest_ordered_subset",
    "LONGEST_CONTIGUOUS_SUBSET": "longest_contiguous_subset", "6": "longest_contiguous_subset",
    "RELATIVE_TO_CORRECT": "relative_to_correct", "7": "relative_to_correct",
}
ORDERING_SELECT = {"RANDOM": "random", "1": "random", "CONTIGUOUS": "contiguous",
                   "2": "contiguous"}


def ordering(q: MoodleQuestion) -> dict[str, Any]:
    out = q.base("ordering")
    answers = sorted(enumerate(q.answers()),
                     key=lambda pair: (_order_key(pair[1]), pair[0]))
    items = [{"id": f"i{i + 1}", "text": q.html(a)} for i, (_, a) in enumerate(answers)]
    grading = (q.element.findtext("gradingtype") or "").strip().upper()
    if grading not in ORDERING_GRADING:
        what = f"grading type {grading!r} unknown" if grading else "no grading type given"
        q.change(f"{what}: Moodle's default 'relative to the next item (excluding last)' used")
    out.update(items=items, correct_order=[i["id"] for i in items],
               scoring=ORDERING_GRADING.get(grading, "relative_next_exclude_last"))
    out.update(_ordering_subset(q, len(items)))
    return out


def _ordering_subset(q: MoodleQuestion, total: int) -> dict[str, Any]:
    """qtype_ordering's selecttype/selectcount, sanitised as its start_attempt does: at
    least 2 items (MIN_SUBSET_ITEMS), at most all; all items = no subset."""
    select = ORDERING_SELECT.get((q.element.findtext("selecttype") or "ALL").strip().upper())
    count = (q.element.findtext("selectcount") or "0").strip()
    if select is None or not count.isdigit():
        return {}
    count_items = min(max(int(count), 2), total)
    if count_items >= total:
        return {}
    return {"select": select, "select_count": count_items}


def _order_key(answer: ET.Element) -> Decimal:
    try:
        return Decimal(answer.get("fraction", "0"))
    except InvalidOperation:
        return Decimal(0)
