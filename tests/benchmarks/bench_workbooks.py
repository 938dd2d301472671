"""Workbook speed: a round of 40 groups printed as 40 PDF files, and as one combined file.

Run: python tests/benchmarks/bench_workbooks.py [groups]. The database (one round, one to
three adepts per mentor, some planned meetings) is made before the clock starts; the time
covers reading the groups, rendering and writing every file. The target is under 30 s for
40 workbooks on a 2-core laptop.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mentorapp.workspace.services import Services
from tests.documents.helpers import add_group, make_round, tiny_png

TARGET_SECONDS = 30.0
FIRST = ["Łukasz", "Nguyễn Thị", "Şükrü", "Ștefan", "Åsa", "Amal", "Reza", "Zeynep", "Jiří"]
LAST = ["Żółć", "Đặng", "Çelik", "Năstase", "Öberg", "Haidari", "Karimi", "Dvořák", "Åkesson"]


def name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {LAST[(n * 7) % len(LAST)]}"


def main() -> int:
    groups = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as folder, Services.opened(Path(folder) / "b.db") as s:
        cohort_id = make_round(s, logo=tiny_png())
        for g in range(groups):
            adepts = [name(100 + g * 3 + a) for a in range(1 + g % 3)]
            meetings = {m: date(2027, 2, 15) + timedelta(weeks=4 * (m - 1)) for m in (1, 2)}
            add_group(s, cohort_id, name(g), adepts, "sv" if g % 2 else "en", meetings)
        started = time.perf_counter()
        files = s.workbooks.write_workbooks(cohort_id, Path(folder) / "single")
        single = time.perf_counter() - started
        started = time.perf_counter()
        s.workbooks.write_workbooks(cohort_id, Path(folder) / "combined", combined=True)
        combined = time.perf_counter() - started
        size = sum(f.stat().st_size for f in files) / len(files) / 1e3
    print(f"{len(files)} workbooks: {single:.1f} s ({single / len(files) * 1e3:.0f} ms each)")
    print(f"average file: {size:.0f} kB")
    print(f"one combined file: {combined:.1f} s (target for each: < {TARGET_SECONDS:.0f} s)")
    return 0 if max(single, combined) < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
