"""What refusing a zip bomb costs, beside restoring a real 10,000-person backup.

Run: python tests/benchmarks/bench_backup_bomb.py. Printed, not asserted. Each case runs in a
fresh process, so its peak memory (the process's maximum resident size, imports included)
is its own; "heap" is the peak of Python's allocations (tracemalloc, in a second run).

Cases:
* bomb, honest header: person.csv unpacks to 1 GB (one line of a letter; about 1 MB zipped),
  the manifest's checksum made to agree. Refused by the declared size, nothing unpacked.
* bomb, lying header: the same zip with the header saying 1,000 bytes. Refused while
  streaming (zipfile stops at the declared size and the CRC fails).
* hostile row: a 31 MB person.csv (under the 32 MB limit) whose one row is 31 million
  delimiters.
  Refused at the first field too many.
* real backup: the demo programme plus 10,000 imported adepts with four status steps and four
  confirmed criteria each; restored into a new file (read, check, write).
"""

from __future__ import annotations

import hashlib
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PEOPLE = 10_000
BOMB_BYTES = 1 << 30


def _rss_mb() -> float:
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # Linux: KB; macOS: bytes
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def build_programme(path: Path) -> None:
    """The demo, 10,000 adepts imported into one round, and a history for each of them."""
    from bench_import import make_file

    from mentorapp.dataio.importer import ImportOptions, run_import
    from mentorapp.demo.writer import write_demo
    from mentorapp.workspace.services import Services

    with Services.opened(path) as services:
        write_demo(services.database)
        options = ImportOptions(role="adept", cohort_name="Höst 2027")
        report = run_import(services.database, make_file(PEOPLE), options)
        assert report.written and report.created == PEOPLE, report.as_json()
    connection = sqlite3.connect(path)
    try:
        with connection:
            enrolments = [r[0] for r in connection.execute("SELECT id FROM enrolment")]
            criteria = [
                r[0]
                for r in connection.execute(
                    "SELECT id FROM eligibilitycriterion WHERE role = 'adept'"
                )
            ]
            have = {r[0] for r in connection.execute("SELECT enrolment_id FROM eligibilitycheck")}
            day = date(2027, 3, 1)
            steps = [("applied", "interview"), ("interview", "accepted"), ("accepted", "active")]
            connection.executemany(
                "INSERT INTO statuschange (enrolment_id, from_status, to_status, changed_on, "
                "reason) VALUES (?, ?, ?, ?, ?)",
                [
                    (e, old, new, (day + timedelta(days=n)).isoformat(), "Bra intervju" * (n % 2))
                    for e in enrolments
                    if e not in have
                    for n, (old, new) in enumerate(steps)
                ],
            )
            connection.executemany(
                "INSERT INTO eligibilitycheck (enrolment_id, criterion_id, confirmed_on) "
                "VALUES (?, ?, ?)",
                [(e, c, day.isoformat()) for e in enrolments if e not in have for c in criteria],
            )
            connection.executemany(
                "UPDATE enrolment SET status = 'active' WHERE id = ?",
                [(e,) for e in enrolments if e not in have],
            )
    finally:
        connection.close()


def write_bomb(backup: Path, bomb: Path, size: int, line: bytes = b"a") -> None:
    """``backup`` with person.csv replaced by ``size`` bytes, written and hashed in chunks."""
    with zipfile.ZipFile(backup) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    digest = hashlib.sha256()
    chunk = line * (1 << 20)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name not in ("person.csv", "manifest.json"):
                archive.writestr(name, data)
        with archive.open("person.csv", "w") as out:
            head = members["person.csv"].split(b"\r\n", 1)[0] + b"\r\n" if line == b";" else b""
            out.write(head)
            digest.update(head)
            for _ in range(size // len(chunk)):
                out.write(chunk)
                digest.update(chunk)
        manifest = json.loads(members["manifest.json"])
        entry = next(f for f in manifest["files"] if f["name"] == "person.csv")
        entry.update(sha256=digest.hexdigest(), rows=1 if line == b";" else entry["rows"])
        archive.writestr("manifest.json", json.dumps(manifest))


def measure(mode: str, zip_path: Path, heap: bool) -> dict:
    """Run in a child process: refuse or restore ``zip_path`` into a new file."""
    from mentorapp.dataio.backup_zip import BackupRefused, restore_backup
    from mentorapp.workspace.services import Services

    target = zip_path.with_suffix(f".{mode}.{int(heap)}.db")
    services = Services.open(target)
    before = _rss_mb()
    if heap:
        tracemalloc.start()
    started = time.perf_counter()
    outcome = ""
    try:
        report = restore_backup(services.database, zip_path)
        outcome = f"restored {report.total_rows:,} rows"
    except BackupRefused as refused:
        message = refused.user_message()
        outcome = f"refused, message {len(message)} chars: {message[:110]}…"
    elapsed = time.perf_counter() - started
    peak_heap = tracemalloc.get_traced_memory()[1] / 1e6 if heap else 0.0
    services.close()
    return {
        "seconds": elapsed,
        "rss_before": before,
        "rss_peak": _rss_mb(),
        "heap": peak_heap,
        "outcome": outcome,
    }


def run_child(mode: str, zip_path: Path, heap: bool) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(zip_path), str(int(heap))],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    from mentorapp.dataio.backup_zip import export_backup
    from mentorapp.db.migrate import open_database
    from tests.safety.backup_tools import patch_entry

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        started = time.perf_counter()
        build_programme(root / "programme.db")
        built = time.perf_counter() - started
        print(f"built the demo and {PEOPLE:,} more adepts with their history in {built:.1f} s")
        database = open_database(root / "programme.db")
        started = time.perf_counter()
        manifest = export_backup(database, root / "real.zip", ";")
        exported = time.perf_counter() - started
        database.close()
        infos = zipfile.ZipFile(root / "real.zip").infolist()
        size = sum(i.file_size for i in infos)
        most = max(manifest.files, key=lambda f: f.rows)
        biggest = max(infos, key=lambda i: i.file_size)
        print(
            f"export: {exported:.2f} s; {sum(f.rows for f in manifest.files):,} rows, "
            f"{size / 1e6:.1f} MB unpacked, {(root / 'real.zip').stat().st_size / 1e6:.1f} MB "
            f"zipped; most rows: {most.table} ({most.rows:,}); largest file: "
            f"{biggest.filename} ({biggest.file_size / 1e6:.1f} MB, packed "
            f"{biggest.file_size / biggest.compress_size:.0f}:1)"
        )

        cases = {"real backup (restore)": ("restore", root / "real.zip")}
        write_bomb(root / "real.zip", root / "bomb.zip", BOMB_BYTES)
        cases["bomb, honest header (1 GB)"] = ("refuse", root / "bomb.zip")
        (root / "liar.zip").write_bytes((root / "bomb.zip").read_bytes())
        patch_entry(root / "liar.zip", "person.csv", file_size=1000)
        cases["bomb, lying header (1 GB, says 1 KB)"] = ("refuse", root / "liar.zip")
        write_bomb(root / "real.zip", root / "row.zip", 30 << 20, b";")
        cases["hostile row (31 MB of delimiters)"] = ("refuse", root / "row.zip")
        for name, (mode, path) in cases.items():
            timed = run_child(mode, path, heap=False)
            heap = run_child(mode, path, heap=True)
            print(f"\n{name}: zip {path.stat().st_size / 1e6:.1f} MB")
            print(
                f"  time {timed['seconds']:.2f} s; process peak {timed['rss_peak']:.0f} MB "
                f"(after opening {timed['rss_before']:.0f} MB); Python heap peak "
                f"{heap['heap']:.1f} MB"
            )
            print(f"  {timed['outcome']}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]), sys.argv[4] == "1")))
        raise SystemExit(0)
    raise SystemExit(main())
