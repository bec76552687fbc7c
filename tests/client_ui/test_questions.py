"""Question widgets: every type answered with the keyboard, restored, and validated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut

from client.ui.i18n import TextBinder
from client.ui.questions import make_question_widget, split_text
from tests.support.fake_backend import sample_exam_doc

DOC = sample_exam_doc()


def _widget(qtbot, qid, order=None, media=None):
    w = make_question_widget(DOC["questions"][qid], order, media or {}, TextBinder())
    qtbot.addWidget(w)
    w.show()
    changes: list[int] = []
    w.changed.connect(lambda: changes.append(1))
    return w, changes


def test_single_choice_by_keyboard_uses_paper_order(qtbot):
    w, changes = _widget(qtbot, "q1", ["c", "a", "b"])
    assert [b.text() for b in w.buttons.values()] == ["Shymkent", "Astana", "Almaty"]
    first = w.layout().itemAt(1).widget()
    assert first.text() == "Shymkent"  # the paper's order is the display order
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert w.answer() == "c"  # the one schema: a single choice is one option id
    w.buttons["a"].setFocus()
    qtbot.keyClick(w.buttons["a"], Qt.Key.Key_Space)
    assert w.answer() == "a" and changes


def test_multiple_choice_toggles_with_space(qtbot):
    w, _ = _widget(qtbot, "q2")
    for key in ("a", "c"):
        qtbot.keyClick(w.buttons[key], Qt.Key.Key_Space)
    assert w.answer() == ["a", "c"]
    qtbot.keyClick(w.buttons["a"], Qt.Key.Key_Space)
    assert w.answer() == ["c"]


def test_truefalse_and_restore(qtbot):
    w, _ = _widget(qtbot, "q3")
    assert w.answer() is None and not w.answered()
    qtbot.keyClick(w.false_button, Qt.Key.Key_Space)
    assert w.answer() is False
    w.set_answer(True)
    assert w.answer() is True


def test_short_and_essay_text(qtbot):
    w, changes = _widget(qtbot, "q4")
    qtbot.keyClicks(w.edit, "  Irtysh ")
    assert w.answer() == "Irtysh" and changes
    essay, _ = _widget(qtbot, "q6")
    qtbot.keyClicks(essay.edit, "Action and reaction.")
    assert essay.answer() == "Action and reaction."
    assert essay.edit.tabChangesFocus()  # Tab leaves the essay box: keyboard usable


def test_numeric_accepts_decimal_comma_as_string(qtbot):
    w, _ = _widget(qtbot, "q5", media={})
    qtbot.keyClicks(w.edit, "19,62")
    assert w.answer() == "19.62"  # a decimal string, never a float


def test_numeric_refuses_letters(qtbot):
    w, changes = _widget(qtbot, "q5")
    qtbot.keyClicks(w.edit, "abc")
    assert w.edit.text() == "" and w.answer() is None and not changes


def test_numeric_question_shows_its_image(qtbot):
    from tests.support.fake_backend import _diagram_png

    w, _ = _widget(qtbot, "q5", media={"media/diagram.png": _diagram_png()})
    images = [lbl for lbl in w.findChildren(type(w.layout().itemAt(0).widget()))
              if lbl.pixmap() is not None and not lbl.pixmap().isNull()]
    assert len(images) == 1 and images[0].accessibleName() == "Force diagram"


def test_missing_image_shows_alt_text(qtbot):
    w, _ = _widget(qtbot, "q5", media={})
    texts = [lbl.text() for lbl in w.findChildren(type(w.layout().itemAt(0).widget()))]
    assert "[Force diagram]" in texts


def test_matching_combo_per_left_item(qtbot):
    w, _ = _widget(qtbot, "q7", ["p3", "p1", "p2"])
    combo = w.combos["p1"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "watt", "newton", "joule"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert w.answer() == {"p1": "p1"}
    w.set_answer({"p2": "p2", "p3": "p3"})
    assert w.answer() == {"p2": "p2", "p3": "p3"}


def test_ordering_move_buttons_and_alt_arrows(qtbot):
    w, changes = _widget(qtbot, "q8", ["i2", "i1", "i3", "i4"])
    assert w.answer() is None  # untouched order is not an answer
    w.list.setCurrentRow(1)
    qtbot.mouseClick(w.up, Qt.MouseButton.LeftButton)
    assert w.answer() == ["i1", "i2", "i3", "i4"] and changes
    w.list.setCurrentRow(3)
    w.up.setFocus()
    qtbot.keyClick(w.up, Qt.Key.Key_Space)  # the button is keyboard operable
    assert w.answer() == ["i1", "i2", "i4", "i3"]
    w.move_item(-5)  # out of range: nothing moves
    assert w.answer() == ["i1", "i2", "i4", "i3"]
    keys = sorted(sc.key().toString() for sc in w.findChildren(QShortcut))
    assert keys == ["Alt+Down", "Alt+Up"]


def test_ordering_restore_ignores_foreign_ids(qtbot):
    w, _ = _widget(qtbot, "q8")
    w.set_answer(["i9", "i1"])
    assert w.answer() is None
    w.set_answer(["i4", "i3", "i2", "i1"])
    assert w.answer() == ["i4", "i3", "i2", "i1"]


def test_unknown_type_is_refused(qtbot):
    import pytest

    with pytest.raises(ValueError, match="unknown question type 'drawing'"):
        make_question_widget({"type": "drawing", "text": "x"}, None, {}, TextBinder())


def test_split_text_keeps_alt_and_order():
    parts = split_text("Look:\n![a cat](media/cat.png)\nthen answer.")
    assert parts == [("text", "Look:"), ("image", "media/cat.png\0a cat"),
                     ("text", "then answer.")]
