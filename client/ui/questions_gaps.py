"""Widgets of the question types that come from Moodle: description, gapselect,
ddwtos (answered with a select list per gap: the accessible fallback of
drag-and-drop), cloze, and numeric questions with units.

The gaps are numbered ``[1]``, ``[2]``... in the question text and answered in a
form below it, one row per gap, in text order, all keyboard usable. ``answer()``
returns exactly the shapes of :mod:`exam_packages.answers`.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from exam_packages.answers import gap_choices

from .i18n import TextBinder
from .questions import NUMBER_RE, MatchingQuestion, QuestionWidget

GAP_RE = re.compile(r"\[\[([A-Za-z0-9][A-Za-z0-9._-]{0,31})\]\]")
UNIT_NUMBER_RE = QRegularExpression(r"^-?\d{0,12}([.,]\d{0,12})?([eE]-?\d{0,3})?$")


def numbered_text(question: dict[str, Any]) -> tuple[dict[str, Any], dict[str, int]]:
    """The question with ``[[g1]]`` shown as ``[1]``, and each gap id's number."""
    numbers: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        numbers.setdefault(match.group(1), len(numbers) + 1)
        return f"[{numbers[match.group(1)]}]"

    text = GAP_RE.sub(number, str(question.get("text", "")))
    return {**question, "text": text}, numbers


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.addItem("—", None)
    for key, text in items:
        combo.addItem(text, key)
    return combo


def _in_order(items: list[dict[str, Any]], order: list[str] | None) -> list[dict[str, Any]]:
    """``items`` (a gap's group) in the order of ``order`` (every choice of the question)."""
    ids = {i["id"] for i in items}
    if not order or not ids <= set(order):
        return items
    by_id = {i["id"]: i for i in items}
    return [by_id[i] for i in order if i in ids]


def _select(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)


class DescriptionQuestion(QuestionWidget):
    """Text (and images) only; nothing to answer."""

    def build(self, order: list[str] | None) -> None:
        return None

    def answer(self) -> None:
        return None

    def set_answer(self, value: Any) -> None:
        return None


class _GapQuestion(QuestionWidget):
    """Numbered gaps in the text, one form row per gap."""

    def __init__(self, question: dict[str, Any], order: list[str] | None,
                 media: dict[str, bytes], binder: TextBinder) -> None:
        shown, self.numbers = numbered_text(question)
        self.source = question
        super().__init__(shown, order, media, binder)
        self.question = question

    def gap_rows(self) -> list[dict[str, Any]]:
        gaps = {g["id"]: g for g in self.source["gaps"]}
        return [gaps[gid] for gid in sorted(gaps, key=lambda g: self.numbers.get(g, 0))]

    def add_row(self, form: QFormLayout, gap_id: str, field: QWidget) -> None:
        label = QLabel(f"[{self.numbers.get(gap_id, 0)}]")
        label.setBuddy(field)
        field.setAccessibleName(f"[{self.numbers.get(gap_id, 0)}]")
        form.addRow(label, field)


class GapSelectQuestion(_GapQuestion):
    """``gapselect`` and ``ddwtos``: a combo box of the gap's group per gap."""

    def build(self, order: list[str] | None) -> None:
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for gap in self.gap_rows():  # the gap's group, in the paper's order of choices
            choices = _in_order(gap_choices(self.source, gap["id"]), order)
            combo = _combo([(c["id"], c["text"]) for c in choices])
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.add_row(form, gap["id"], combo)
            self.combos[gap["id"]] = combo
        self.box.addLayout(form)

    # one combo box per key, like matching: the same answer shape {key: chosen id}
    answer = MatchingQuestion.answer
    set_answer = MatchingQuestion.set_answer


class GapChecks(QWidget):
    """A MULTIRESPONSE gap: one check box per choice (Tab, Space)."""

    def __init__(self, options: list[dict[str, Any]], changed: Any) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for option in options:
            box = QCheckBox(option["text"])
            box.toggled.connect(lambda _on: changed())
            row.addWidget(box)
            self.boxes[option["id"]] = box
        row.addStretch(1)

    def value(self) -> list[str] | None:
        return sorted(k for k, box in self.boxes.items() if box.isChecked()) or None

    def set_value(self, value: Any) -> None:
        for key, box in self.boxes.items():
            box.setChecked(isinstance(value, list) and key in value)


class ClozeQuestion(_GapQuestion):
    """``cloze``: a combo box (single), check boxes (multiple), a line (short) or a number
    field per gap."""

    def build(self, order: list[str] | None) -> None:
        form = QFormLayout()
        self.fields: dict[str, QComboBox | QLineEdit | GapChecks] = {}
        for gap in self.gap_rows():
            field: QComboBox | QLineEdit | GapChecks
            # the paper's order of a shuffled gap's options ("gap id:option id")
            shown = [o.split(":", 1)[1] for o in order or [] if o.startswith(gap["id"] + ":")]
            options = _in_order(gap.get("options", []), shown or None)
            if gap["type"] == "single":
                field = _combo([(o["id"], o["text"]) for o in options])
                field.currentIndexChanged.connect(lambda _i: self.changed.emit())
            elif gap["type"] == "multiple":
                field = GapChecks(options, self.changed.emit)
            else:
                field = QLineEdit()
                if gap["type"] == "numeric":
                    field.setValidator(QRegularExpressionValidator(NUMBER_RE, field))
                field.textEdited.connect(lambda _t: self.changed.emit())
            self.add_row(form, gap["id"], field)
            self.fields[gap["id"]] = field
        self.box.addLayout(form)

    def _value(self, gap_id: str) -> str | list[str] | None:
        field = self.fields[gap_id]
        if isinstance(field, QComboBox):
            return field.currentData()
        if isinstance(field, GapChecks):
            return field.value()
        text = field.text().strip()
        return text or None

    def answer(self) -> dict[str, Any] | None:
        values = {gid: self._value(gid) for gid in self.fields}
        chosen = {k: v for k, v in values.items() if v is not None}
        return chosen or None

    def set_answer(self, value: Any) -> None:
        for key, field in self.fields.items():
            given = (value or {}).get(key)
            if isinstance(field, QComboBox):
                _select(field, given)
            elif isinstance(field, GapChecks):
                field.set_value(given)
            else:
                field.setText(given or "")


class NumericUnitQuestion(QuestionWidget):
    """``numeric`` with ``units``: a number and, unless units are typed, a unit list.

    The answer is one string, number and unit as Moodle reads it (``"985 cm/s^2"``,
    or ``"$ 5"`` with ``units_left``).
    """

    def build(self, order: list[str] | None) -> None:
        row = QHBoxLayout()
        self.edit = QLineEdit()
        self.unit: QComboBox | None = None
        display = self.question.get("unit_display", "input")
        if display in ("choice", "select"):
            self.edit.setValidator(QRegularExpressionValidator(UNIT_NUMBER_RE, self.edit))
            self.unit = _combo([(u["unit"], u["unit"]) for u in self.question["units"]])
            self.unit.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.edit.textEdited.connect(lambda _t: self.changed.emit())
        widgets: list[QWidget] = [self.edit] + ([self.unit] if self.unit else [])
        if self.question.get("units_left"):
            widgets.reverse()
        for widget in widgets:
            row.addWidget(widget)
        self.box.addLayout(row)

    def answer(self) -> str | None:
        number = self.edit.text().strip()
        if not number:
            return None
        unit = self.unit.currentData() if self.unit is not None else None
        if not unit:
            return number
        return f"{unit} {number}" if self.question.get("units_left") else f"{number} {unit}"

    def set_answer(self, value: Any) -> None:
        text = str(value or "").strip()
        if self.unit is None:
            self.edit.setText(text)
            return
        units = sorted((u["unit"] for u in self.question["units"]), key=len, reverse=True)
        found = next((u for u in units if text.startswith(u) or text.endswith(u)), None)
        number = text.replace(found, "", 1).strip() if found else text
        self.edit.setText(number)
        _select(self.unit, found)


GAP_WIDGETS: dict[str, type[QuestionWidget]] = {
    "description": DescriptionQuestion, "gapselect": GapSelectQuestion,
    "ddwtos": GapSelectQuestion, "cloze": ClozeQuestion,
}
