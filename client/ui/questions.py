"""One widget per question type (docs/package-format.md), all keyboard usable.

Every :class:`QuestionWidget` has ``answer()`` in the shape of
:mod:`exam_packages.answers` (checked by the session before autosave),
``set_answer(value)`` and a ``changed`` signal.
The paper's ``options`` order (shuffled per student) is used for options,
matching right-hand choices and the initial order of ordering items.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import TextBinder

IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
NUMBER_RE = QRegularExpression(r"^-?\d{0,12}([.,]\d{0,12})?$")


def split_text(text: str) -> list[tuple[str, str]]:
    """Question text -> [("text", str) | ("image", path) ...] with alt texts kept."""
    parts: list[tuple[str, str]] = []
    pos = 0
    for m in IMAGE_RE.finditer(text):
        if text[pos:m.start()].strip():
            parts.append(("text", text[pos:m.start()].strip()))
        parts.append(("image", m.group(2) + "\0" + m.group(1)))
        pos = m.end()
    if text[pos:].strip():
        parts.append(("text", text[pos:].strip()))
    return parts


def show_option_image(button: QAbstractButton, text: str, media: dict[str, bytes]) -> None:
    """An option ``![alt](media/x.png)`` is shown as its image (the alt text is kept)."""
    match = IMAGE_RE.search(text)
    if match is None:
        return
    pix = QPixmap()
    if match.group(2) in media and pix.loadFromData(media[match.group(2)]):
        button.setIcon(QIcon(pix))
        button.setIconSize(pix.size().boundedTo(QSize(320, 240)))
    rest = IMAGE_RE.sub("", text).strip()
    button.setText(rest or match.group(1))
    button.setAccessibleName(rest or match.group(1) or match.group(2))


def ordered(items: list[dict[str, Any]], order: list[str] | None) -> list[dict[str, Any]]:
    by_id = {i["id"]: i for i in items}
    if order and set(order) == set(by_id):
        return [by_id[i] for i in order]
    return list(items)


class QuestionWidget(QWidget):
    changed = Signal()

    def __init__(self, question: dict[str, Any], order: list[str] | None,
                 media: dict[str, bytes], binder: TextBinder) -> None:
        super().__init__()
        self.question = question
        self.binder = binder
        self.media = media
        self.box = QVBoxLayout(self)
        for kind, value in split_text(str(question.get("text", ""))):
            self.box.addWidget(self._part(kind, value, media))
        self.build(order)
        self.box.addStretch(1)

    def _part(self, kind: str, value: str, media: dict[str, bytes]) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        if kind == "text":
            rich = self.question.get("format") == "html"  # the package's checked subset
            label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
            label.setText(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName("questionText")
            return label
        path, alt = value.split("\0", 1)
        pix = QPixmap()
        if path in media and pix.loadFromData(media[path]):
            label.setPixmap(pix)
        else:
            label.setText(f"[{alt or path}]")
        label.setAccessibleName(alt)
        label.setToolTip(alt)
        return label

    def build(self, order: list[str] | None) -> None:
        raise NotImplementedError

    def answer(self) -> Any:
        raise NotImplementedError

    def set_answer(self, value: Any) -> None:
        raise NotImplementedError

    def answered(self) -> bool:
        value = self.answer()
        return value not in (None, "", [], {})


class ChoiceQuestion(QuestionWidget):
    """``single`` (radio buttons) and ``multiple`` (check boxes)."""

    def build(self, order: list[str] | None) -> None:
        multiple = self.question["type"] == "multiple"
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: dict[str, QRadioButton | QCheckBox] = {}
        for opt in ordered(self.question["options"], order):
            button = QCheckBox(opt["text"]) if multiple else QRadioButton(opt["text"])
            show_option_image(button, opt["text"], self.media)
            self.group.addButton(button)
            self.buttons[opt["id"]] = button
            self.box.addWidget(button)
            button.toggled.connect(lambda _on: self.changed.emit())

    def answer(self) -> str | list[str] | None:
        chosen = [k for k, b in self.buttons.items() if b.isChecked()]
        if self.question["type"] == "single":  # the schema: one option id
            return chosen[0] if chosen else None
        return sorted(chosen) or None

    def set_answer(self, value: Any) -> None:
        chosen = {value} if isinstance(value, str) else set(value or [])
        if self.question["type"] == "single":  # an exclusive group cannot be emptied one by one
            self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key in chosen)
        self.group.setExclusive(self.question["type"] != "multiple")


class TrueFalseQuestion(QuestionWidget):
    def build(self, order: list[str] | None) -> None:
        self.group = QButtonGroup(self)
        self.true_button = QRadioButton()
        self.false_button = QRadioButton()
        self.binder.bind(self.true_button.setText, "True")
        self.binder.bind(self.false_button.setText, "False")
        for b in (self.true_button, self.false_button):
            self.group.addButton(b)
            self.box.addWidget(b)
            b.toggled.connect(lambda _on: self.changed.emit())

    def answer(self) -> bool | None:
        if self.true_button.isChecked():
            return True
        return False if self.false_button.isChecked() else None

    def set_answer(self, value: Any) -> None:
        if value is None:
            return
        (self.true_button if value else self.false_button).setChecked(True)


class TextQuestion(QuestionWidget):
    """``short`` and ``numeric`` (one line) and ``essay`` (plain text, Tab leaves it)."""

    def build(self, order: list[str] | None) -> None:
        kind = self.question["type"]
        self.edit: QLineEdit | QPlainTextEdit
        if kind == "essay":
            self.edit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)
            self.edit.setMinimumHeight(180)
            self.edit.textChanged.connect(self.changed.emit)
        else:
            self.edit = QLineEdit()
            if kind == "numeric":
                self.edit.setValidator(QRegularExpressionValidator(NUMBER_RE, self.edit))
                self.binder.bind(self.edit.setPlaceholderText, "A number, e.g. 9.81")
            self.edit.textEdited.connect(lambda _t: self.changed.emit())
        self.box.addWidget(self.edit)

    def answer(self) -> str | None:
        if isinstance(self.edit, QPlainTextEdit):
            text = self.edit.toPlainText()
        else:
            text = self.edit.text().strip()
            if self.question["type"] == "numeric":
                text = text.replace(",", ".")
        return text or None

    def set_answer(self, value: Any) -> None:
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(value or "")
        else:
            self.edit.setText(value or "")


class MatchingQuestion(QuestionWidget):
    """A combo box of right-hand texts for every left-hand item."""

    def build(self, order: list[str] | None) -> None:
        form = QFormLayout()
        pairs = self.question["pairs"]
        # the paper's order of every right-hand choice, Moodle's distractors included
        choices = [{"id": p["id"], "right": p["right"]} for p in pairs] + [
            {"id": d["id"], "right": d["text"]} for d in self.question.get("distractors", [])]
        # each text once, as Moodle offers it (stems with the same answer share it)
        rights: list[dict[str, Any]] = []
        self.alias: dict[str, str] = {}
        for choice in ordered(choices, order):
            kept = next((r for r in rights if r["right"] == choice["right"]), None)
            if kept is None:
                rights.append(choice)
            else:
                self.alias[choice["id"]] = kept["id"]
        self.combos: dict[str, QComboBox] = {}
        for pair in pairs:
            combo = QComboBox()
            combo.addItem("—", None)
            for r in rights:
                combo.addItem(r["right"], r["id"])
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            label = QLabel(pair["left"])
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[pair["id"]] = combo
        self.box.addLayout(form)

    def answer(self) -> dict[str, str] | None:
        chosen = {k: c.currentData() for k, c in self.combos.items() if c.currentData()}
        return chosen or None

    def set_answer(self, value: Any) -> None:
        alias = getattr(self, "alias", {})  # a choice shown once for equal texts
        for key, combo in self.combos.items():
            given = (value or {}).get(key)
            idx = combo.findData(alias.get(given, given)) if value else 0
            combo.setCurrentIndex(max(idx, 0))


class OrderingQuestion(QuestionWidget):
    """A list with Move up / Move down buttons (also Alt+Up / Alt+Down)."""

    def build(self, order: list[str] | None) -> None:
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        items = self.question["items"]
        by_id = {i["id"]: i for i in items}
        if order and "select_count" in self.question and set(order) <= set(by_id):
            items = [by_id[i] for i in order]  # the paper's subset (Moodle's selectcount)
        for item in ordered(items, order):
            entry = QListWidgetItem(item["text"])
            entry.setData(Qt.ItemDataRole.UserRole, item["id"])
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * (self.list.count() + 1) + 8)
        self.touched = False
        row = QHBoxLayout()
        self.up = QPushButton()
        self.down = QPushButton()
        self.binder.bind(self.up.setText, "Move &up")
        self.binder.bind(self.down.setText, "Move &down")
        # QShortcut objects: the buttons' "&" mnemonics would replace setShortcut()
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.move_item(-1), context=context)
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.move_item(1), context=context)
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.down.clicked.connect(lambda: self.move_item(1))
        row.addWidget(self.up)
        row.addWidget(self.down)
        row.addStretch(1)
        self.box.addWidget(self.list)
        self.box.addLayout(row)

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.touched = True
        self.changed.emit()

    def answer(self) -> list[str] | None:
        if not self.touched:
            return None
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_answer(self, value: Any) -> None:
        if not value:
            return
        items = {self.list.item(i).data(Qt.ItemDataRole.UserRole): self.list.item(i).text()
                 for i in range(self.list.count())}
        if set(value) != set(items):
            return
        self.list.clear()
        for key in value:
            entry = QListWidgetItem(items[key])
            entry.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self.touched = True


# The Moodle types subclass QuestionWidget, so they are imported once it exists.
from .questions_gaps import GAP_WIDGETS, NumericUnitQuestion  # noqa: E402

WIDGETS: dict[str, type[QuestionWidget]] = {
    "single": ChoiceQuestion, "multiple": ChoiceQuestion, "truefalse": TrueFalseQuestion,
    "short": TextQuestion, "numeric": TextQuestion, "essay": TextQuestion,
    "matching": MatchingQuestion, "ordering": OrderingQuestion, **GAP_WIDGETS,
}


def make_question_widget(question: dict[str, Any], order: list[str] | None,
                         media: dict[str, bytes], binder: TextBinder) -> QuestionWidget:
    if question.get("type") == "numeric" and question.get("units"):
        return NumericUnitQuestion(question, order, media, binder)
    cls = WIDGETS.get(str(question.get("type")))
    if cls is None:
        raise ValueError(f"unknown question type {question.get('type')!r}")
    return cls(question, order, media, binder)
