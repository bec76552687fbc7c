from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6")

from client.ui.review.workers import TaskRunner, live_threads  # noqa: E402
from exam_packages.errors import NetworkError  # noqa: E402

pytestmark = pytest.mark.qt


def test_running_task_is_listed_until_it_ends(qtbot, no_thread_leak: None) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    results: list[object] = []
    runner.run(lambda: gate.wait(10) and "done", results.append, results.append)
    assert runner.busy and len(live_threads()) == 1
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert results == ["done"] and live_threads() == []


def test_errors_arrive_as_user_messages(qtbot, no_thread_leak: None) -> None:
    runner = TaskRunner()
    errors: list[str] = []

    def boom() -> None:
        raise NetworkError("The server is unreachable.")

    runner.run(boom, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert errors == ["The server is unreachable."]


def test_unexpected_exception_is_not_swallowed_silently(qtbot, no_thread_leak: None) -> None:
    runner = TaskRunner()
    errors: list[str] = []
    runner.run(lambda: 1 // 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    assert errors == ["Unexpected error (ZeroDivisionError): integer division or modulo by zero"]
