"""Long jobs on a worker thread, reporting progress to the GUI through signals."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

ProgressCallback = Callable[[int, int], None]
JobFunction = Callable[[ProgressCallback, Callable[[], bool]], object]


class Job(QObject):
    """Runs ``function(progress, cancelled)`` off the GUI thread; ``cancel()`` asks it to stop."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, function: JobFunction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function
        self._cancel = threading.Event()

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Runner(self))

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _run(self) -> None:
        try:
            result = self._function(self.progress.emit, self._cancel.is_set)
        except Exception as error:
            self.failed.emit(error)
            return
        self.finished.emit(result)


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()
