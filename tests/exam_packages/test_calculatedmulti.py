"""qtype_calculatedmulti: answers written as Moodle writes them (format_float, pinned by
Moodle's own variablesubstituter_test.php cases), one multichoice variant per dataset
item."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from exam_packages.moodle import import_moodle_xml
from exam_packages.moodle_calculatedmulti import format_float

XML = Path(__file__).parent / "data" / "import" / "moodle_calculatedmulti.xml"


@pytest.mark.parametrize(("value", "length", "fmt", "moodle"), [
    ("0.12345", "", "", "0.12345"),  # no length: the value as it is
    ("0.12345", "0", "1", "0"), ("0.12345", "2", "1", "0.12"), ("0.12345", "4", "1", "0.1235"),
    ("0.12345", "2", "2", "0.12"), ("0.0012345", "4", "1", "0.0012"),  # Moodle's own cases
    ("1234.5", "3", "2", "1230"), ("0.000123456", "3", "2", "1.23e-4"),
    ("10000", "2", "2", "1.0e4"), ("0.5", "2", "2", "0.50"), ("-2.675", "2", "1", "-2.68"),
])
def test_format_float_as_moodle(value: str, length: str, fmt: str, moodle: str) -> None:
    assert format_float(Decimal(value), length, fmt) == moodle


def test_variants_are_the_multichoice_moodle_shows() -> None:
    result = import_moodle_xml(XML.read_bytes())
    entry = result.entries[0]
    assert (entry.status, entry.qid) == ("changed", "q1-v1..q1-v2")
    assert result.exam_doc["sections"][0]["draw"] == 1
    first, second = (result.exam_doc["questions"][q] for q in ("q1-v1", "q1-v2"))
    assert first["text"] == "What is 2.5 + 4?" and second["text"] == "What is 7.1 + 3?"
    assert [o["text"] for o in first["options"]] == ["6.50", "10.00", "about 1.0e4"]
    assert [o["text"] for o in second["options"]] == ["10.10", "21.30", "about 2.1e4"]
    assert first["correct"] == ["a"] and first["points"] == 2
    assert first["answer_feedback"] == {"a": "Yes.", "b": "That is the product."}
