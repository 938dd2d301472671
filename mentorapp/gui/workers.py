"""Long jobs on a worker thread, reporting progress to the GUI through signals.

The worker thread never hands Python objects to Qt: it stores its outcome on the job and sends
argument-free or integer signals to the job itself, which re-emits ``progress``, ``finished``
and ``failed`` on the GUI thread. At quit, ``stop_jobs()`` cancels the running jobs, waits for
their threads and throws away what they had still queued, so no thread runs Python and no
queued call is left once the window and the interpreter go away.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from mentorapp.errors import MentorappError

ProgressCallback = Callable[[int, int], None]
JobFunction = Callable[[ProgressCallback, Callable[[], bool]], object]

QUIT_WAIT_SECONDS = 60.0  # the matcher cannot be interrupted; it takes seconds, not minutes
_running: set[Job] = set()
_log = logging.getLogger(__name__)


class Job(QObject):
    """Runs ``function(progress, cancelled)`` off the GUI thread; ``cancel()`` asks it to stop."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    _reported = Signal(int, int)  # worker thread → this object, queued onto the GUI thread
    _done = Signal()

    def __init__(self, function: JobFunction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function
        self._cancel = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._abandoned = False
        self._outcome: tuple[str, object] | None = None  # ("finished" or "failed", value)
        self._runner: _Runner | None = None  # kept here: the pool must not delete it
        self._reported.connect(self._relay_progress)
        self._done.connect(self._relay_done)

    def start(self) -> None:
        self._idle.clear()
        _running.add(self)
        self._runner = _Runner(self)
        self._runner.setAutoDelete(False)
        QThreadPool.globalInstance().start(self._runner)

    def cancel(self) -> None:
        self._cancel.set()

    def is_running(self) -> bool:
        return not self._idle.is_set()

    def abandon(self, timeout: float) -> bool:
        """At quit: stop, wait for the thread, drop what it still reports. False: timed out."""
        self._abandoned = True
        self._cancel.set()
        stopped = self._idle.wait(timeout)
        QCoreApplication.removePostedEvents(self)
        _running.discard(self)
        return stopped

    # -- worker thread ---------------------------------------------------------------------
    def _run(self) -> None:
        try:
            try:
                self._outcome = ("finished", self._function(self._report, self._cancel.is_set))
            except Exception as error:
                _log_failure(self._function, error)
                self._outcome = ("failed", error)
            if not self._abandoned:
                self._done.emit()
        except RuntimeError:  # the window that owned the job is gone: nobody to tell
            pass
        finally:
            self._idle.set()

    def _report(self, done: int, total: int) -> None:
        if not self._abandoned:
            self._reported.emit(done, total)

    # -- GUI thread ------------------------------------------------------------------------
    def _relay_progress(self, done: int, total: int) -> None:
        if not self._abandoned:
            self.progress.emit(done, total)

    def _relay_done(self) -> None:
        _running.discard(self)
        outcome, self._outcome = self._outcome, None
        if outcome is not None and not self._abandoned:
            name, value = outcome
            getattr(self, name).emit(value)


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()


def _log_failure(function: JobFunction, error: Exception) -> None:
    """The window shows the error's sentence; the log keeps where a bug struck."""
    from mentorapp.workspace.log import describe

    name = getattr(function, "__qualname__", type(function).__qualname__)
    if isinstance(error, MentorappError):  # a full disk, a refused file: said to the user
        trace = error if error.__cause__ is not None else None  # a wrapped driver's error
        _log.info("job %s refused: %s", name, describe(error), exc_info=trace)
    else:
        _log.error("job %s failed", name, exc_info=error)


def running_jobs() -> list[Job]:
    return [job for job in _running if job.is_running()]


def stop_jobs(within: QObject | None = None, timeout: float = QUIT_WAIT_SECONDS) -> bool:
    """Abandon the running jobs (of ``within``'s children, or all); False if one did not stop."""
    deadline = time.monotonic() + timeout
    stopped = True
    for job in list(_running):
        if within is None or _inside(job, within):
            stopped = job.abandon(max(0.0, deadline - time.monotonic())) and stopped
    if within is None:  # the pool's threads have returned from run() and hold nothing of ours
        remaining = max(0.0, deadline - time.monotonic())
        stopped = QThreadPool.globalInstance().waitForDone(int(remaining * 1000)) and stopped
    return stopped


def _inside(job: QObject, ancestor: QObject) -> bool:
    parent = job.parent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent()
    return False
