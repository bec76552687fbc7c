"""Bad input to the importers: DTDs and entities, wrong encodings, huge files."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest

from exam_packages.errors import InputError
from exam_packages.gift import decode_gift
from exam_packages.moodle import import_moodle_xml
from exam_packages.moodle_xml import iter_questions

TF = (b"<question type='truefalse'><name><text>Q%d</text></name><questiontext><text>"
      b"Statement %d " + b"x" * 400 + b"</text></questiontext><answer fraction='100'><text>true"
      b"</text></answer><answer fraction='0'><text>false</text></answer></question>\n")


@pytest.mark.parametrize(("data", "message"), [
    (b"<?xml version='1.0' encoding='ISO-8859-1'?>\n<quiz/>",
     "Moodle XML: line 1: encoding 'ISO-8859-1' is not supported"),
    (b"<quiz>\n<question type='essay'>\n<name><text>caf\xe9</text></name></question></quiz>",
     "Moodle XML: line 3, column 16: bytes that are not UTF-8"),
    ("<quiz/>".encode("utf-16"), "Moodle XML: only UTF-8 files are supported"),
])
def test_wrong_encodings_named_with_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        import_moodle_xml(data)
    assert info.value.user_message.startswith(message)


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">]>\n<quiz>&a;</quiz>',
    b'<?xml version="1.0"?>\n<!DOCTYPE quiz SYSTEM "file:///etc/passwd">\n<quiz/>',
])
def test_dtd_refused_when_streamed(data: bytes) -> None:
    """A stream is not pre-scanned: expat's DTD handlers refuse it before any expansion."""
    with pytest.raises(InputError) as info:
        list(iter_questions(io.BytesIO(data)))
    assert info.value.user_message.startswith("Moodle XML: DTDs and entity declarations")


def test_malformed_stream_names_the_line() -> None:
    data = b"<quiz>\n" + TF % (1, 1) + b"<question type='essay'>\n<oops></question>\n</quiz>"
    with pytest.raises(InputError) as info:
        import_moodle_xml(io.BytesIO(data))
    assert info.value.user_message == ("Moodle XML: malformed XML at line 4, column 9: "
                                       "mismatched tag")


def test_huge_file_read_in_bounded_memory(tmp_path: Path) -> None:
    count = 20_000
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:
        handle.write(b"<quiz>\n")
        for i in range(count):
            handle.write(TF % (i, i))
        handle.write(b"</quiz>\n")
    size = path.stat().st_size
    assert size > 9_000_000
    tracemalloc.start()
    try:
        with path.open("rb") as handle:
            seen = sum(1 for _ in iter_questions(handle))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < size / 10  # one question at a time, never the whole tree


def test_gift_bad_bytes_named_with_line() -> None:
    with pytest.raises(InputError) as info:
        decode_gift(b"::A:: ok {T}\n\n::B:: " + b"caf\xe9 {F}\n")
    assert info.value.user_message.startswith("GIFT: line 3: bytes that are not UTF-8")
    assert decode_gift(b"\xef\xbb\xbf::A:: x {T}") == "::A:: x {T}"
