"""The rich-text subset (checked, converted from Moodle HTML) and LaTeX rendered at import."""

from __future__ import annotations

import time

import pytest

from exam_packages.errors import InputError
from exam_packages.model_questions import validate_question
from exam_packages.moodle import import_moodle_xml
from exam_packages.richtext import check_rich_text, html_to_rich, latex_to_images


def _no_images(attrs: dict) -> str:
    return f"![{attrs.get('alt') or ''}](media/{attrs.get('src')})"


def test_moodle_html_kept_as_subset() -> None:
    html = ('<div class="x"><p style="color:red">H<sub>2</sub>O and x<sup>2</sup>, '
            '<strong>bold</strong></p><table border="1"><tr><td colspan="2">11</td></tr>'
            '<tr><td>2</td><td>4</td></tr></table><ul><li>one</li></ul>'
            '<script>alert(1)</script><a href="http://x">link</a></div>')
    text, rich = html_to_rich(html, _no_images)
    assert rich
    assert text == ('<p><p>H<sub>2</sub>O and x<sup>2</sup>, <strong>bold</strong></p>'
                    '<table><tr><td colspan="2">11</td></tr><tr><td>2</td><td>4</td></tr>'
                    '</table><ul><li>one</li></ul>link</p>')
    check_rich_text(text, "t")


@pytest.mark.parametrize(("text", "problem"), [
    ("<script>x</script>", "tag <script> is not allowed"),
    ('<p onclick="x">a</p>', "attribute 'onclick' on <p> is not allowed"),
    ('<img src="http://x/y.png">', "tag <img> is not allowed"),
    ('<a href="file:///etc/passwd">a</a>', "tag <a> is not allowed"),
    ("<!-- c -->", "comments are not allowed"),
    ('<td colspan="x">', "attribute 'colspan' on <td> is not allowed"),
])
def test_unsafe_rich_text_refused(text: str, problem: str) -> None:
    question = {"type": "essay", "text": text, "format": "html"}
    with pytest.raises(InputError) as info:
        validate_question("q1", question, set())
    assert info.value.user_message.startswith(f"question q1.text: rich text: {problem}")


def test_latex_rendered_to_svg_and_measured() -> None:
    pytest.importorskip("ziamath")
    media: dict[str, bytes] = {}

    def add(name: str, data: bytes) -> str:
        media[name] = data
        return name

    start = time.perf_counter()
    text, kept = latex_to_images(r"Solve \(x^2 = 4\) and $$\frac{a}{b}$$.", add)
    elapsed = time.perf_counter() - start
    assert kept == []
    assert text.startswith("Solve ![x^2 = 4](media/math-") and text.count("](media/math-") == 2
    assert all(data.startswith(b"<svg") for data in media.values())
    print(f"2 formulas rendered in {elapsed * 1000:.0f} ms")  # measured, not asserted


def test_moodle_table_and_latex_imported() -> None:
    pytest.importorskip("ziamath")
    xml = (b'<quiz><question type="essay"><name><text>T</text></name><questiontext '
           b'format="html"><text><![CDATA[<p>Table:</p><table><tr><td>1</td><td>1</td></tr>'
           b'<tr><td>2</td><td>4</td></tr></table><p>and $$x^2$$</p>]]></text></questiontext>'
           b'</question></quiz>')
    result = import_moodle_xml(xml)
    question = result.exam_doc["questions"]["q1"]
    assert question["format"] == "html"
    assert "<table><tr><td>1</td><td>1</td></tr><tr><td>2</td><td>4</td></tr></table>" in \
        question["text"]
    assert "$$" not in question["text"] and any(n.startswith("math-") for n in result.media)
