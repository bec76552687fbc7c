"""Rollback store: monotonic versions, atomic writes, corrupt file is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from exam_packages.errors import RollbackError
from exam_packages.rollback import RollbackStore


def test_record_and_check(tmp_path: Path) -> None:
    store = RollbackStore(tmp_path / "sub" / "rollback.json")
    assert store.highest("exam-a") is None
    store.record("exam-a", 4)
    store.record("exam-a", 2)  # lower never lowers the mark
    store.check("exam-a", 4)
    store.check("exam-a", 5)
    assert RollbackStore(store.path).highest("exam-a") == 4
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert list(store.path.parent.iterdir()) == [store.path]  # no temp files left behind


def test_lower_version_refused(tmp_path: Path) -> None:
    store = RollbackStore(tmp_path / "rollback.json")
    store.record("exam-a", 4)
    before = store.path.read_bytes()
    with pytest.raises(RollbackError, match="exam-a version 3 is older than version 4"):
        store.check("exam-a", 3)
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"{not json", "is not valid JSON"), (b'{"exam-a": "4"}', "positive integer versions"),
     (b"[1, 2]", "positive integer versions"), (b"\xff\xfe", "is not valid JSON")],
)
def test_corrupt_store_is_an_error_not_a_reset(tmp_path: Path, content: bytes, why: str) -> None:
    path = tmp_path / "rollback.json"
    path.write_bytes(content)
    store = RollbackStore(path)
    with pytest.raises(RollbackError, match=why) as info:
        store.check("exam-a", 1)
    assert info.value.code == "rollback_store_corrupt"
    with pytest.raises(RollbackError, match=why):
        store.record("exam-a", 9)
    assert path.read_bytes() == content
