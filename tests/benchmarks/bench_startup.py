"""Start-up: process start → main window painted on the demo database, beside a bare Qt window.

Run: python tests/benchmarks/bench_startup.py [people …]. It prints the medians and ratios for
- the bare PySide6 window (the yardstick),
- Mentorapp's main window on screen (the target is at most 5× the bare window), and
- Mentorapp's window filled with the demo programme's data (the database layer loads after
  the window is on screen), then filled from files that have grown over years: the demo plus
  10,000 and 100,000 people (or the sizes given) in twenty years of past rounds, built once per
  run in a temporary folder (the target: filled in under 1 s at 100,000).
Mentorapp is started through its real entry point, ``mentorapp.cli.main``; only the event
loop is replaced by "report the moments, then quit". Printed, never asserted.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROUNDS = 9
SIZES = (10_000, 100_000)  # people added to the demo for the "grown over years" files
PAST_ROUNDS = 40  # two rounds a year for twenty years before the demo's rounds
# As an installed app runs: with compiled bytecode cached (some shells and containers set
# PYTHONDONTWRITEBYTECODE, which would make every start compile Mentorapp from source).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# Both windows report their first paint (an event filter on the top-level window): the moment
# the user sees something, not the return of show().
FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    painted = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print("shown", flush=True)
        return False

def wait_for_first_paint(window):
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    while not watcher.painted:
        QApplication.processEvents()
"""

BARE = FIRST_PAINT + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 760)
window.show()
wait_for_first_paint(window)
"""

MENTORAPP = FIRST_PAINT + """
import sys
from mentorapp.cli import main

def shown(app):
    from PySide6.QtWidgets import QApplication
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    assert windows and windows[0].isVisible()
    wait_for_first_paint(windows[0])
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


def grow(demo: Path, target: Path, people: int) -> None:
    """Copy the demo and add ``people`` people in past rounds, in one transaction.

    As a file used for years looks: most people in one round, one in ten in two (a mentor who
    came back), one in twenty already erased (anonymous stubs), one in a hundred in no round,
    and two dated status steps per application.
    """
    from sqlalchemy import func, insert, select

    from mentorapp.db.engine import make_engine
    from mentorapp.domain.models import Cohort, Enrolment, Person, Programme, StatusChange

    shutil.copy(demo, target)  # owner-only, as the demo
    engine = make_engine(target)
    with engine.begin() as connection:
        programme_id = connection.execute(select(func.min(Programme.id))).scalar_one()
        first_person = connection.execute(select(func.max(Person.id))).scalar_one() + 1
        first_enrolment = connection.execute(select(func.max(Enrolment.id))).scalar_one() + 1
        cohort_ids = []
        for number in range(PAST_ROUNDS):  # the newest first: autumn 2025, spring 2025, …
            year, spring = 2025 - number // 2, number % 2 == 1
            start, end = date(year, 9, 1), date(year + 1, 1, 20)
            if spring:
                start, end = date(year, 2, 1), date(year, 6, 30)
            name = f"{'Vår' if spring else 'Höst'} {year} (arkiv)"
            cohort_ids.append(
                connection.execute(
                    insert(Cohort).values(
                        programme_id=programme_id, name=name, start=start, end=end
                    )
                ).inserted_primary_key[0]
            )
        persons, enrolments, steps = [], [], []
        for n in range(people):
            person_id = first_person + n
            erased = n % 20 == 7
            persons.append(
                {
                    "id": person_id,
                    "first_name": "" if erased else f"Förnamn{n}",
                    "last_name": "" if erased else f"Efternamn{n % 997}",
                    "email": f"erased-{n:08x}@invalid" if erased else f"person{n}@example.org",
                    "city": "" if erased else "Malmö",
                    "languages": "" if erased else "sv,en",
                }
            )
            if n % 100 == 42:
                continue  # in no round
            round_index = n * PAST_ROUNDS // people
            joined = [round_index] + ([round_index - 1] if n % 10 == 3 and round_index else [])
            for index in joined:
                enrolment_id = first_enrolment + len(enrolments)
                role = "mentor" if n % 3 == 0 else "adept"
                enrolments.append(
                    {
                        "id": enrolment_id,
                        "person_id": person_id,
                        "cohort_id": cohort_ids[index],
                        "role": role,
                        "status": "completed",
                    }
                )
                applied = date(2025 - index // 2, 1, 10)
                steps.append(
                    {"enrolment_id": enrolment_id, "to_status": "applied", "changed_on": applied}
                )
                steps.append(
                    {
                        "enrolment_id": enrolment_id,
                        "from_status": "applied",
                        "to_status": "completed",
                        "changed_on": applied.replace(day=25),
                    }
                )
        connection.execute(insert(Person), persons)
        connection.execute(insert(Enrolment), enrolments)
        connection.execute(insert(StatusChange), steps)
    engine.dispose()


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
        sizes = [int(arg) for arg in sys.argv[1:]] or list(SIZES)
        grown = {}
        for people in sizes:
            grown[people] = Path(folder) / f"grown-{people}.db"
            grow(database, grown[people], people)
        files = [database, *grown.values()]
        time_moments(BARE)  # warm disk caches
        for path in files:
            time_moments(MENTORAPP, str(path))
        bare, shown = [], []
        filled: dict[Path, list[float]] = {path: [] for path in files}
        for _ in range(ROUNDS):  # interleaved, so all see the same machine load
            bare.append(time_moments(BARE)[0])
            for path in files:
                moments = time_moments(MENTORAPP, str(path))
                if path == database:
                    shown.append(moments[0])
                filled[path].append(moments[1])
    yardstick = statistics.median(bare)
    print(f"bare PySide6 window shown:        {yardstick * 1000:5.0f} ms (median of {ROUNDS})")
    rows = [("Mentorapp main window shown:", shown)]
    rows.append(("Mentorapp filled with the demo:", filled[database]))
    rows += [(f"filled, demo + {n:,} people:", filled[grown[n]]) for n in sizes]
    for label, values in rows:
        median = statistics.median(values)
        print(f"{label:33} {median * 1000:5.0f} ms = {median / yardstick:.1f}x the bare window")
    print("targets: main window shown within 5x the bare window; filled under 1 s at 100,000")


if __name__ == "__main__":
    main()
