"""Run blocking core calls off the GUI thread.

:func:`run_task` moves a :class:`TaskWorker` to a fresh ``QThread``; the worker
calls ``fn(progress)`` and emits ``done(result)`` or ``user_message(text)``.  It
never lets an exception escape: an ``EmtihanError`` becomes its
``user_message``, anything else a generic message (and is logged).  Every thread
started here is registered so windows and tests can wait for, or detect, leaks.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from exam_packages.errors import EmtihanError

from .errors import error_source
from .i18n import tr
from .qtcompat import emit

log = logging.getLogger(__name__)
_THREADS: weakref.WeakSet[QThread] = weakref.WeakSet()
_ACTIVE: set[TaskHandle] = set()


def register_thread(thread: QThread) -> None:
    _THREADS.add(thread)


def running_threads() -> list[QThread]:
    """Threads started by the UI that are still running."""
    alive = []
    for t in list(_THREADS):
        try:
            if t.isRunning():
                alive.append(t)
        except RuntimeError:  # C++ object already deleted
            continue
    return alive


def wait_all(timeout_ms: int = 10000) -> bool:
    """Wait for every registered thread; True when none is left running."""
    for t in running_threads():
        t.quit()
        t.wait(timeout_ms)
    return not running_threads()


class TaskWorker(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    user_message = Signal(str)
    finished = Signal()

    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._report)
        except EmtihanError as exc:
            emit(self.user_message, error_source(exc))  # translated where shown
        except Exception as exc:  # a bug or a library failure must not kill the UI
            log.exception("background task failed")
            emit(self.user_message, tr("Something went wrong: {detail}").format(detail=exc))
        else:
            emit(self.done, result)
        self.finished.emit()

    def _report(self, done: int, total: int) -> None:
        emit(self.progress, int(done), int(total))


class TaskHandle(QObject):
    """Lives in the GUI thread: relays the worker's signals (queued) to the callbacks
    and keeps the worker and its thread alive until the thread has finished."""

    def __init__(
        self,
        worker: TaskWorker,
        thread: QThread,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[str], None] | None,
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__()
        self.worker = worker
        self.qthread = thread
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self.reported = False  # the done or error callback has been delivered
        worker.done.connect(self._done)
        worker.user_message.connect(self._error)
        worker.progress.connect(self._progress)

    def wait(self, timeout_ms: int = 10000) -> bool:
        return self.qthread.wait(timeout_ms)

    @property
    def pending(self) -> bool:
        """The result is not in yet. A thread that has reported may still be ending for a
        moment: a button pressed then must start new work, not be ignored."""
        return not self.reported and self.qthread.isRunning()

    @Slot(object)
    def _done(self, result: object) -> None:
        self.reported = True
        if self._on_done is not None:
            self._on_done(result)

    @Slot(str)
    def _error(self, text: str) -> None:
        self.reported = True
        if self._on_error is not None:
            self._on_error(text)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    @Slot()
    def _release(self) -> None:
        _ACTIVE.discard(self)


def run_task(
    fn: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> TaskHandle:
    """Start ``fn(progress)`` in a new thread; callbacks run in the GUI thread."""
    worker = TaskWorker(fn)
    thread = QThread()
    worker.moveToThread(thread)
    handle = TaskHandle(worker, thread, on_done, on_error, on_progress)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    thread.finished.connect(handle._release)
    _ACTIVE.add(handle)
    register_thread(thread)
    thread.start()
    return handle
