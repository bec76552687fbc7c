"""Rich text rendered by Qt's text engine, plain text never; images inside options."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from client.ui.i18n import TextBinder
from client.ui.questions import make_question_widget

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000"
                    "000c49444154789c63f8cfc00000030101 00c9fe92ef0000000049454e44ae426082"
                    .replace(" ", ""))


def _labels(widget: Any) -> list[QLabel]:
    return [w for w in widget.findChildren(QLabel) if w.objectName() == "questionText"]


def test_html_question_is_rich_text_plain_is_not(qtbot: Any) -> None:
    rich = make_question_widget({"type": "essay", "format": "html", "text":
                                 "<p>H<sub>2</sub>O</p><table><tr><td>1</td></tr></table>"},
                                None, {}, TextBinder())
    plain = make_question_widget({"type": "essay", "text": "<b>not bold</b> x < 2"},
                                 None, {}, TextBinder())
    for widget in (rich, plain):
        qtbot.addWidget(widget)
    assert _labels(rich)[0].textFormat() == Qt.TextFormat.RichText
    assert _labels(plain)[0].textFormat() == Qt.TextFormat.PlainText
    assert _labels(plain)[0].text() == "<b>not bold</b> x < 2"


def test_image_inside_an_option_is_shown_as_image(qtbot: Any) -> None:
    question = {"type": "single", "text": "Which flag?", "correct": ["a"], "options": [
        {"id": "a", "text": "![California flag](media/ca.png)"},
        {"id": "b", "text": "Arizona ![flag](media/missing.png)"}]}
    widget = make_question_widget(question, None, {"media/ca.png": PNG}, TextBinder())
    qtbot.addWidget(widget)
    first, second = widget.buttons["a"], widget.buttons["b"]
    assert not first.icon().isNull() and first.text() == "California flag"
    assert "media/" not in second.text() and second.text() == "Arizona"
    first.setChecked(True)
    assert widget.answer() == "a"
