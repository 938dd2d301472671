"""A long scripted session through the real run_gui, ending with a quit while workers run.

Run by tests/gui/test_shutdown.py in a subprocess, so that a fatal error of the interpreter at
quit shows as an exit code and text on stderr. Prints "run_gui returned N" when run_gui does.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import mentorapp.gui.main_window as main_window
from mentorapp.app import run_gui
from mentorapp.gui.dialogs.settings_dialog import SettingsDialog
from mentorapp.gui.workers import Job

PROGRESS_REPORTS = 3000  # a large import reports this often; 300 were enough to crash the quit


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the scripted session timed out")
        QApplication.processEvents()
        time.sleep(0.005)


def close_the_next_dialog() -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
        else:
            dialog.reject()

    QTimer.singleShot(20, close)


def run_job(function) -> object:
    """A job with its own owner, as the import wizard has; waits for and returns its result."""
    results: list[object] = []
    job = Job(function, window)
    job.progress.connect(lambda done, total: None)
    job.finished.connect(results.append)
    job.start()
    wait_until(lambda: bool(results))
    return results[0]


def long_import(progress, cancelled) -> int:
    for row in range(PROGRESS_REPORTS):
        progress(row, PROGRESS_REPORTS)
    return PROGRESS_REPORTS


def uninterruptible(progress, cancelled) -> str:
    """Like the matcher, it cannot be stopped; like a long export, it keeps reporting."""
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        progress(sum(range(500)) % 100, 100)
    return "done"


def until_cancelled(progress, cancelled) -> str:
    step = 0
    while not cancelled():
        step += 1
        progress(step % 100, 100)
        time.sleep(0.001)
    return "cancelled"


def session() -> None:
    out = Path(tempfile.mkdtemp(prefix="mentorapp-long-session-"))
    board = window.pages["matching"]._tools[0][0]
    panel = window.pages["kickoff"]._tools[0][0]
    for lap, language in enumerate(("sv", "en", "sv")):
        for key in window.navigator_model.keys_in_order():  # every stage, forth and back
            window.show_stage(key)
            QApplication.processEvents()
        for _ in window.navigator_model.keys_in_order():
            window.step_stage(-1)
        for opener in (window.show_help, window.show_about, window.show_guide):
            close_the_next_dialog()
            opener()
        close_the_next_dialog()
        SettingsDialog.ask(window, window.context.settings, language)
        window.show_stage("matching")  # the page starts a quiet proposal on a worker
        wait_until(lambda: board._job is None and board.proposal is not None)
        board.propose()  # and once more with its progress dialog
        wait_until(lambda: board._job is None)
        if lap == 0:
            window.context.services.matching.accept(window.context.cohort.id, board.proposal)
        window.show_stage("kickoff")
        panel.written = []
        panel.write(out)  # the workbooks, on a worker, with a progress dialog
        wait_until(lambda: bool(panel.written))
        assert run_job(long_import) == PROGRESS_REPORTS
        window.apply_language(language)
    print(f"session done: {len(panel.written)} workbooks in the last lap", flush=True)

    # Quit while two workers still run: one that stops when asked, one that cannot.
    for function in (until_cancelled, uninterruptible):
        job = Job(function, window)
        job.finished.connect(lambda result: print(f"reported after quit: {result}", flush=True))
        job.start()
    time.sleep(0.2)
    window.quit_action.trigger()


window = None
_welcome = main_window.MainWindow.welcome


def welcome(self) -> None:
    global window
    _welcome(self)
    window = self
    QTimer.singleShot(0, session)


main_window.MainWindow.welcome = welcome
code = run_gui(demo=True, language="en")
print(f"run_gui returned {code}", flush=True)
sys.exit(code)
