"""Start-up: process start → main window shown on the demo database, beside a bare Qt window.

Run: python tests/benchmarks/bench_startup.py. It prints the medians and ratios for
- the bare PySide6 window (the yardstick),
- Mentorapp's main window on screen (the target is at most 5× the bare window), and
- Mentorapp's window filled with the demo programme's data (the database layer loads after
  the window is on screen).
Mentorapp is started through its real entry point, ``mentorapp.cli.main``; only the event
loop is replaced by "report the moments, then quit".
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 9
# As an installed app runs: with compiled bytecode cached (some shells and containers set
# PYTHONDONTWRITEBYTECODE, which would make every start compile Mentorapp from source).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
print("shown", flush=True)
"""

MENTORAPP = """
import sys
from mentorapp.cli import main

def shown(app):
    from PySide6.QtWidgets import QApplication
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    assert windows and windows[0].isVisible()
    print("shown", flush=True)
    while windows[0].context.services is None:
        QApplication.processEvents()
    QApplication.processEvents()
    assert windows[0].context.programme is not None
    print("filled", flush=True)
    return 0

import PySide6.QtWidgets
PySide6.QtWidgets.QApplication.exec = shown
sys.exit(main(["--db", sys.argv[1], "--lang", "sv"]))
"""


def time_moments(code: str, *args: str) -> list[float]:
    """Seconds from process start to each line the child prints ("shown", "filled")."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if os.environ.get("BENCH_DEBUG") else subprocess.DEVNULL,
        text=True,
        env=ENVIRONMENT,
    )
    assert process.stdout is not None
    moments = []
    for line in process.stdout:
        moments.append(time.perf_counter() - started)
        if line.strip() not in ("shown", "filled"):
            raise RuntimeError(f"unexpected output: {line!r}")
    if process.wait() != 0 or not moments:
        details = process.stderr.read() if process.stderr else ""
        raise RuntimeError(f"the window was not shown {details[-2000:]}")
    return moments


def main() -> None:
    ENVIRONMENT["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MENTORAPP_CONFIG_DIR"] = folder
        ENVIRONMENT["MENTORAPP_CONFIG_DIR"] = folder
        database = Path(folder) / "demo.db"
        subprocess.run(
            [sys.executable, "-m", "mentorapp", "--db", str(database), "demo-data"],
            check=True,
            capture_output=True,
        )
        time_moments(BARE), time_moments(MENTORAPP, str(database))  # warm disk caches
        bare, shown, filled = [], [], []
        for _ in range(ROUNDS):  # interleaved, so both see the same machine load
            bare.append(time_moments(BARE)[0])
            moments = time_moments(MENTORAPP, str(database))
            shown.append(moments[0])
            filled.append(moments[1])
    yardstick = statistics.median(bare)
    print(f"bare PySide6 window shown:        {yardstick * 1000:5.0f} ms (median of {ROUNDS})")
    for label, values in (
        ("Mentorapp main window shown:", shown),
        ("Mentorapp filled with the demo:", filled),
    ):
        median = statistics.median(values)
        print(f"{label:33} {median * 1000:5.0f} ms = {median / yardstick:.1f}x the bare window")
    print("target: main window shown within 5x the bare window")


if __name__ == "__main__":
    main()
