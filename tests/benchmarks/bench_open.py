"""What opening a file costs with the integrity check: 10,000 people, five runs each.

Run: python tests/benchmarks/bench_open.py [people]. Prints the median and the slowest of
``quick_check`` (run at every open, before the first write), the full ``integrity_check``
(for comparison: not run at open), and the whole open for writing (lock, check, engine) and
for reading, on a file holding one round with that many adepts.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import make_file

from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.db.opening import check_integrity, open_for_reading, open_for_writing
from mentorapp.workspace.services import Services

RUNS = 5


def timed(job) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    people = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "programme.db"
        with Services.opened(path) as services:
            options = ImportOptions(role="adept", cohort_name="Vår 2027")
            report = run_import(services.database, make_file(people), options)
            assert report.created == people, report.errors[:3]
        size = path.stat().st_size / 1e6

        def full_check() -> None:
            connection = sqlite3.connect(path)
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            connection.close()

        def writing() -> None:
            open_for_writing(path).close()

        def reading() -> None:
            open_for_reading(path).close()

        print(f"{people} people, file {size:.1f} MB, {RUNS} runs (median / slowest):")
        for name, job in [
            ("quick_check at open", lambda: check_integrity(path)),
            ("integrity_check (not used)", full_check),
            ("open for writing, in all", writing),
            ("open for reading, in all", reading),
        ]:
            median, slowest = timed(job)
            print(f"  {name:28} {median * 1000:7.1f} ms / {slowest * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
