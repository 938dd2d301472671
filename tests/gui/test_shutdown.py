"""Quitting after a long session exits cleanly: no fatal interpreter error, no worker left.

Two causes made the quit end in "Fatal Python error: bool_dealloc" or a segfault:
PySide6 6.12.0 takes a reference to True away on every emit() (mentorapp/gui/pyside_bugs.py),
and a worker thread still running Python while the interpreter shut down (gui/workers.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from mentorapp.gui.pyside_bugs import emit_loses_a_reference, void_call_loses_a_reference
from mentorapp.gui.workers import Job, running_jobs, stop_jobs

pytestmark = pytest.mark.gui
HERE = Path(__file__).resolve().parent


def _run(arguments: list[str], tmp_path: Path, timeout: float) -> subprocess.CompletedProcess:
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        MENTORAPP_DATA_DIR=str(tmp_path / "data"),
        MENTORAPP_CONFIG_DIR=str(tmp_path / "config"),
    )
    return subprocess.run(
        [sys.executable, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=HERE.parent.parent,
    )


def test_a_long_session_quits_cleanly(tmp_path: Path) -> None:
    result = _run([str(HERE / "long_session.py")], tmp_path, timeout=120)
    assert "Fatal Python error" not in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr[-3000:]
    assert "session done: " in result.stdout
    assert "run_gui returned 0" in result.stdout
    assert "reported after quit" not in result.stdout  # abandoned jobs tell nobody


EMITS = (
    "from PySide6.QtCore import QObject, Signal\n"
    "class Probe(QObject):\n"
    "    ping = Signal(int)\n"
    "probe = Probe()\n"
    "for number in range(20000):\n"
    "    probe.ping.emit(number)\n"
)


def test_many_emits_leave_the_interpreter_healthy(tmp_path: Path) -> None:
    repaired = "from mentorapp.gui.pyside_bugs import keep_true_alive; keep_true_alive()\n"
    result = _run(["-c", repaired + EMITS], tmp_path, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.skipif(not emit_loses_a_reference(), reason="this PySide6 counts True correctly")
def test_without_the_repair_this_pyside6_crashes_the_interpreter(tmp_path: Path) -> None:
    """The bug the repair is for, so that a PySide6 that fixes it lets the repair go."""
    result = _run(["-c", EMITS], tmp_path, timeout=60)
    assert result.returncode != 0 and "bool_dealloc" in result.stderr


VOID_CALLS = (
    "from PySide6.QtGui import QStandardItem\n"
    "item = QStandardItem('x')\n"
    "for number in range(200000):\n"
    "    item.setText('y')\n"
)


def test_many_calls_returning_nothing_leave_the_interpreter_healthy(tmp_path: Path) -> None:
    """The impact report's table makes ~1,000 such calls each time it is rebuilt."""
    repaired = "from mentorapp.gui.pyside_bugs import keep_none_alive; keep_none_alive()\n"
    result = _run(["-c", repaired + VOID_CALLS], tmp_path, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.skipif(not void_call_loses_a_reference(), reason="this PySide6 counts None correctly")
def test_without_the_repair_this_pyside6_frees_none(tmp_path: Path) -> None:
    """The bug ``keep_none_alive`` is for, so that a PySide6 that fixes it lets it go."""
    result = _run(["-c", VOID_CALLS], tmp_path, timeout=60)
    assert result.returncode != 0


def test_stop_jobs_waits_for_the_thread_and_drops_its_reports(qtbot) -> None:
    owner, other = QWidget(), QWidget()
    qtbot.addWidget(owner)
    qtbot.addWidget(other)
    started, release = threading.Event(), threading.Event()
    reported: list[object] = []

    def work(progress, cancelled):
        started.set()
        progress(1, 2)
        while not cancelled():
            time.sleep(0.001)
        return "late"

    def elsewhere(progress, cancelled):
        release.wait(5)
        return "cancelled" if cancelled() else "elsewhere"

    job, other_job = Job(work, owner), Job(elsewhere, other)
    for each in (job, other_job):
        each.progress.connect(lambda done, total: reported.append((done, total)))
        each.finished.connect(reported.append)
        each.start()
    assert started.wait(5)
    assert stop_jobs(owner, timeout=5)
    assert not job.is_running()  # ``work`` ends only when it is told to stop
    assert other_job.is_running()  # not the owner's: still running, and not told to stop
    qtbot.wait(50)
    assert "late" not in reported and (1, 2) not in reported
    release.set()
    qtbot.waitUntil(lambda: "elsewhere" in reported)
    assert other_job not in running_jobs()
