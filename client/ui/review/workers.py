"""Run blocking review calls (HTTP, decryption, PDF) off the GUI thread.

:class:`TaskRunner` starts one ``QThread`` per task; results come back to the
GUI thread through a relay object living there (queued connection), so
callbacks may touch widgets. ``live_threads()`` lists threads still running:
the window waits for them on close and the tests fail if one is left behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from exam_packages.errors import EmtihanError

log = logging.getLogger(__name__)
_LIVE: set[QThread] = set()


def live_threads() -> list[QThread]:
    alive = []
    for thread in list(_LIVE):
        try:
            if thread.isRunning():
                alive.append(thread)
        except RuntimeError:  # the C++ object is gone
            _LIVE.discard(thread)
    return alive


class _Worker(QObject):
    done = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except EmtihanError as exc:
            self.failed.emit(exc.user_message)
        except Exception as exc:  # noqa: BLE001 - never let a worker die silently
            log.exception("review task failed")
            self.failed.emit(f"Unexpected error ({type(exc).__name__}): {exc}")  # tr_core
        else:
            self.done.emit(result)
        finally:
            self.finished.emit()


class _Relay(QObject):
    """Lives in the GUI thread; delivers a task's outcome to plain callables."""

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[str], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error = on_done, on_error

    @Slot(object)
    def deliver(self, result: Any) -> None:
        self._on_done(result)

    @Slot(str)
    def fail(self, message: str) -> None:
        self._on_error(message)


class TaskRunner(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[tuple[QThread, _Worker, _Relay]] = []

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> None:
        thread = QThread()
        worker = _Worker(fn)
        relay = _Relay(on_done, on_error, self)
        worker.moveToThread(thread)
        worker.done.connect(relay.deliver)
        worker.failed.connect(relay.fail)
        worker.finished.connect(thread.quit)
        thread.started.connect(worker.run)
        thread.finished.connect(self._reap)
        self._tasks.append((thread, worker, relay))
        _LIVE.add(thread)
        thread.start()
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)

    @Slot()
    def _reap(self) -> None:
        for task in [t for t in self._tasks if t[0].isFinished()]:
            thread, worker, relay = task
            self._tasks.remove(task)
            _LIVE.discard(thread)
            worker.deleteLater()
            relay.deleteLater()
            thread.deleteLater()
        if not self._tasks:
            self.busy_changed.emit(False)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until every task's thread has ended (used on close)."""
        for thread, _worker, _relay in list(self._tasks):
            thread.wait(timeout_ms)
        return not any(t[0].isRunning() for t in self._tasks)
