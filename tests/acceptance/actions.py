"""Give an answer to a real question widget the way a student does: clicks and keys.

``answer_like_a_student(widget, answer)`` takes an answer in the one schema of
``exam_packages.answers`` and performs the mouse clicks and key presses that
produce it in ``client.ui.questions`` (no ``set_answer``).  Used by the acceptance
driver and by the widget contract test.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)


def click(button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    # on the indicator: the middle of a wide row is outside a radio/check box's hit area
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(8, button.height() // 2))


def type_text(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Select all, delete, then type ``text`` key by key.  Characters outside Latin-1
    (Kazakh, Russian) come as key events carrying their text, as a keyboard layout sends
    them (``QTest.keyClicks`` aborts on those)."""
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def choose(combo: QComboBox, data: Any) -> None:
    """Pick an entry with the keyboard: Home, then Down until it is selected."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(target):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == target


def order(widget: Any, wanted: list[str]) -> None:
    """Select items with the mouse and press "Move up" until the list is in ``wanted``."""
    lst = widget.list

    def ids() -> list[str]:
        return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())]

    moved = False
    for pos, item_id in enumerate(wanted):
        row = ids().index(item_id)
        rect = lst.visualItemRect(lst.item(row))
        QTest.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())
        for _ in range(row - pos):
            QTest.mouseClick(widget.up, Qt.MouseButton.LeftButton)
            moved = True
    if not moved:  # already in order: the student confirms it by moving one item and back
        lst.setCurrentRow(0)
        QTest.mouseClick(widget.down, Qt.MouseButton.LeftButton)
        QTest.mouseClick(widget.up, Qt.MouseButton.LeftButton)
    assert ids() == wanted


def answer_like_a_student(widget: Any, answer: Any) -> None:
    kind = widget.question["type"]
    if kind == "single":
        click(widget.buttons[answer])
    elif kind == "multiple":
        for key, button in widget.buttons.items():
            if button.isChecked() != (key in answer):
                click(button)
    elif kind == "truefalse":
        click(widget.true_button if answer else widget.false_button)
    elif kind in ("short", "numeric", "essay"):
        type_text(widget.edit, str(answer))
    elif kind == "matching":
        for pair_id, chosen in answer.items():
            choose(widget.combos[pair_id], chosen)
    elif kind == "ordering":
        order(widget, list(answer))
    else:
        raise AssertionError(f"no student actions for question type {kind!r}")
