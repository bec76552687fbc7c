"""Outside JSON read by the review tool and the verifier config is depth-bounded (issue 10)."""

from __future__ import annotations

import pytest

from client.review_core.content import parse_log_leniently
from exam_packages.errors import InputError
from verifier.config import VerifierConfig

DEEP = b"[" * 5000 + b"]" * 5000


def test_a_deeply_nested_log_line_is_skipped_not_a_crash():
    lines = b'{"seq": 0, "kind": "a"}\n' + DEEP + b'\n{"seq": 1, "kind": "b"}\n'
    assert [r["kind"] for r in parse_log_leniently(lines)] == ["a", "b"]


def test_a_deeply_nested_verifier_config_is_a_typed_error():
    with pytest.raises(InputError, match="verifier config is nested too deeply"):
        VerifierConfig.from_json(DEEP)
    assert VerifierConfig.from_json(b"{}") == VerifierConfig()


def test_a_deeply_nested_server_answer_is_a_network_error(monkeypatch):
    from client.review_core.api import HttpReviewServer
    from exam_packages.errors import NetworkError

    class Answer:
        status_code = 200
        content = DEEP

    client = HttpReviewServer("http://127.0.0.1:9", "token")
    monkeypatch.setattr(client, "_request", lambda *a, **k: Answer())
    with pytest.raises(NetworkError, match="unreadable answer to /v1/server-key"):
        client.server_key()
