"""SIGKILL the long jobs — an import of 10,000 rows, a restore, a safety copy — at many moments.

Whenever the job dies, the file must pass ``integrity_check``, hold the state from before the
job or the state after it and nothing in between, and open normally; a safety copy is never
listed half-written. A fork server (below) imports Mentorapp once and forks a fresh child per
job, so the kills land in the job itself rather than in Python's start-up; the child runs the
real CLI (``mentorapp.cli.main``) or ``SafetyCopies.make``. Each job is first timed without a
kill, then killed at fractions of that time, and relative to its commit (the child reports the
commit as it starts and ends, through SQLAlchemy events).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mentorapp.dataio.backup_zip import export_backup
from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.db.lock import DatabaseLock, lock_path
from mentorapp.db.safety import SafetyCopies, remove_stale_partials
from mentorapp.demo.writer import write_demo
from mentorapp.workspace.services import Services
from tests.benchmarks.bench_import import make_file
from tests.safety.conftest import checkpoint, digest, table_counts

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="SIGKILL, fork and flock behave as tested on Linux only"
)

ROOT = Path(__file__).resolve().parents[2]
ROWS = 10_000
MIN_KILLS = 20
COHORT = "Vår 2027"
# Moments as fractions of the job's measured time: some at once, most spread over the job.
FRACTIONS = (0.0, 0.003, 0.01, 0.03, 0.06, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
# Moments after the commit began, as fractions of the commit's measured time (>1: just after).
IN_COMMIT = (0.0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.5)

SERVER = r"""
import json, os, sys, time, traceback
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
import mentorapp.dataio.backup_checks, mentorapp.dataio.backup_zip, mentorapp.dataio.importer
import mentorapp.db.lock, mentorapp.workspace.services
from mentorapp.cli import main
from mentorapp.db.safety import SafetyCopies

def say(*words):
    os.write(1, (" ".join(map(str, words)) + f" {time.monotonic()}\n").encode())

def run(job):
    sys.stdout = sys.stderr = open(job["log"], "a", encoding="utf-8")
    event.listen(Engine, "commit", lambda _connection: say("commit"))
    event.listen(Session, "after_commit", lambda _session: say("committed"))
    if job["kind"] == "cli":
        return main(job["argv"])
    SafetyCopies(Path(job["db"])).make("manual")
    return 0

for line in sys.stdin:
    job = json.loads(line)
    go, gone = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(gone)
        os.read(go, 1)  # start only once "pid" is out, so it comes before any event
        code = 70
        try:
            code = run(job)
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            os._exit(code)
    say("pid", child)
    os.write(gone, b"!")  # "go" is still open here, so this never fails if the child died
    os.close(go)
    os.close(gone)
    _pid, status = os.waitpid(child, 0)
    say("exit", os.waitstatus_to_exitcode(status))
"""


@dataclass
class Run:
    """What one job did: its exit code (-9 when killed) and the times of its events."""

    code: int
    started: float
    ended: float
    events: list[tuple[str, float]] = field(default_factory=list)

    @property
    def killed(self) -> bool:
        return self.code == -signal.SIGKILL

    @property
    def duration(self) -> float:
        return self.ended - self.started

    def times(self, name: str) -> list[float]:
        return [at for kind, at in self.events if kind == name]

    def last_commit(self) -> tuple[float, float]:
        """When the job's last commit started and ended, after its start (the big write)."""
        return self.times("commit")[-1] - self.started, self.times("committed")[-1] - self.started


class Forker:
    """The fork server: ``run`` starts a job in a fresh child and kills it when asked."""

    def __init__(self, folder: Path) -> None:
        self.log = folder / "jobs.log"
        self.errors = (folder / "server.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        )

    def _line(self) -> tuple[str, list[str], float]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the fork server stopped: " + Path(self.errors.name).read_text()
        kind, *values, at = line.split()
        return kind, values, float(at)

    def run(
        self, job: dict, after: float | None = None, in_commit: tuple[int, float] | None = None
    ) -> Run:
        """Run ``job``; SIGKILL it ``after`` seconds from its start, or ``in_commit=(n, s)``:
        ``s`` seconds after its n-th commit began. Without either it runs to its end."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({**job, "log": str(self.log)}) + "\n")
        self.process.stdin.flush()
        kind, values, started = self._line()
        assert kind == "pid", kind
        pid = int(values[0])
        events: list[tuple[str, float]] = []
        commits = 0
        if after is not None:
            time.sleep(max(0.0, started + after - time.monotonic()))
            _kill(pid)
        while True:
            kind, values, at = self._line()
            if kind == "exit":
                return Run(int(values[0]), started, at, events)
            events.append((kind, at))
            commits += kind == "commit"
            if in_commit is not None and kind == "commit" and commits == in_commit[0]:
                time.sleep(in_commit[1])
                _kill(pid)

    def tail(self) -> str:
        """The end of the jobs' output, to show why a job failed."""
        return self.log.read_text(encoding="utf-8")[-3000:] if self.log.exists() else ""

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.errors.close()


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it had ended and was reaped already
        os.kill(pid, signal.SIGKILL)


@pytest.fixture
def forker(tmp_path: Path) -> Iterator[Forker]:
    server = Forker(tmp_path)
    yield server
    server.close()


@pytest.fixture(scope="module")
def csv_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 valid adept applications, as a Swedish web form exports them."""
    path = tmp_path_factory.mktemp("csv") / "ansokningar.csv"
    path.write_bytes(make_file(ROWS))
    return path


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory, csv_file: Path) -> dict[str, Path]:
    """The demo programme ("small"), the demo plus 10,000 adepts ("big"), and a backup zip
    of each; files checkpointed, so each is one self-contained file to copy."""
    folder = tmp_path_factory.mktemp("templates")
    made = {}
    for name in ("small", "big"):
        path = made[name] = folder / f"{name}.db"
        services = Services.open(path)
        try:
            write_demo(services.database)
            if name == "big":
                options = ImportOptions(role="adept", cohort_name=COHORT)
                report = run_import(services.database, csv_file.read_bytes(), options)
                assert report.created == ROWS, report.as_json()
            export_backup(services.database, folder / f"{name}.zip")
        finally:
            services.close()
        checkpoint(path)
        made[f"{name}.zip"] = folder / f"{name}.zip"
    return made


def fresh_copy(template: Path, path: Path) -> Path:
    shutil.copyfile(template, path)
    return path


def assert_intact(path: Path) -> None:
    """integrity_check and foreign keys are fine, the file opens in Mentorapp, and a lock
    left by the killed process is taken over."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    lock = DatabaseLock(path)
    lock.acquire()
    try:
        services = Services.open(path)
        try:
            assert services.info().programmes == 1
        finally:
            services.close()
    finally:
        lock.release()


def fingerprint(path: Path) -> str:
    """A checksum of every row of every table (SQLite's own tables left out)."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        hashed = hashlib.sha256()
        for name in names:
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{name}"'))
            hashed.update(f"{name}:{len(rows)}\n".encode())
            for text in rows:
                hashed.update(text.encode() + b"\n")
        return hashed.hexdigest()
    finally:
        connection.close()


def kill_plan(seed: int, share: slice = slice(None)) -> list[tuple[str, float]]:
    """The moments to kill at: fractions of the job's time, and during and just after its
    last commit (``share`` of each list); shuffled, so the order of rounds decides nothing."""
    plan = [("time", f) for f in FRACTIONS[share]] + [("commit", f) for f in IN_COMMIT[share]]
    random.Random(seed).shuffle(plan)
    return plan


def moment(plan: list[tuple[str, float]], reference: Run, rng: random.Random) -> dict:
    """The next moment of ``plan`` in seconds for a job like ``reference`` (after the plan:
    random ones within the job's first 90 %)."""
    kind, fraction = plan.pop() if plan else ("time", rng.uniform(0, 0.9))
    if kind == "time":
        return {"after": reference.duration * fraction}
    begun, ended = reference.last_commit()
    return {"in_commit": (len(reference.times("commit")), (ended - begun) * fraction)}


def test_killed_imports_of_10000_rows_write_all_or_nothing(
    tmp_path: Path, forker: Forker, templates: dict[str, Path], csv_file: Path
) -> None:
    before = table_counts(templates["small"])

    def job(path: Path) -> dict:
        argv = ["--db", path, "import", csv_file, "--role", "adept", "--cohort", COHORT]
        return {"kind": "cli", "argv": [str(arg) for arg in argv]}

    reference_path = fresh_copy(templates["small"], tmp_path / "reference.db")
    reference = forker.run(job(reference_path))
    assert reference.code == 0, forker.tail()
    after = table_counts(reference_path)
    assert after["person"] - before["person"] == ROWS
    assert reference.times("commit"), "the import reported no commit"

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    plan = kill_plan(seed)
    outcomes: Counter[str] = Counter()
    number = 0
    while plan or outcomes["killed"] < MIN_KILLS:
        assert number < 60, f"could not kill {MIN_KILLS} imports: {outcomes} (seed {seed})"
        when = moment(plan, reference, rng)
        number += 1
        path = fresh_copy(templates["small"], tmp_path / f"import-{number}.db")
        run = forker.run(job(path), **when)
        assert run.killed or run.code == 0, (
            f"{when}: exit {run.code} (seed {seed})\n{forker.tail()}"
        )
        assert_intact(path)
        counts = table_counts(path)
        new_people = counts["person"] - before["person"]
        assert new_people in (0, ROWS), f"{new_people} people, killed {when} (seed {seed})"
        assert counts in (before, after), f"a half import, killed {when} (seed {seed})"
        outcomes["killed" if run.killed else "finished"] += 1
        outcomes[
            f"{'in commit' if 'in_commit' in when else 'at a time'}: "
            f"{'none' if counts == before else 'all'}"
        ] += 1
        for leftover in path.parent.glob(f"{path.name}*"):
            leftover.unlink()
    print(
        f"\nimport of {ROWS} rows: {reference.duration:.2f} s, commit at "
        f"{reference.last_commit()[0]:.2f}–{reference.last_commit()[1]:.2f} s; {outcomes}"
    )


def test_killed_restores_leave_the_old_or_the_backups_content(
    tmp_path: Path, forker: Forker, templates: dict[str, Path]
) -> None:
    """Both ways: the 10,000 adepts' backup over the demo, and the demo's over the 10,000.

    Each way has its own file, restored into again after each kill (so the next restore must
    take over the killed one's lock), and put back to the old content once a restore got
    through."""
    other = {"big": "small", "small": "big"}
    files = {name: tmp_path / f"to-{name}" / "programme.db" for name in other}

    def reset(name: str) -> None:
        shutil.rmtree(files[name].parent, ignore_errors=True)
        files[name].parent.mkdir()
        fresh_copy(templates[other[name]], files[name])

    def job(name: str) -> dict:
        backup = templates[f"{name}.zip"]
        return {
            "kind": "cli",
            "argv": ["--db", str(files[name]), "restore", str(backup), "--replace"],
        }

    old = {name: fingerprint(templates[other[name]]) for name in other}
    restored: dict[str, str] = {}
    references: dict[str, Run] = {}
    for name in other:  # without a kill: the job's time, and the content a restore leaves
        reset(name)
        references[name] = forker.run(job(name))
        assert references[name].code == 0, forker.tail()
        restored[name] = fingerprint(files[name])
        assert restored[name] != old[name]
        reset(name)

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    plans = {"big": kill_plan(seed, slice(0, None, 2)), "small": kill_plan(seed, slice(1, None, 2))}
    outcomes: Counter[str] = Counter()
    checked: set[tuple[Path, int]] = set()
    number = 0
    while plans["big"] or plans["small"] or outcomes["killed"] < MIN_KILLS:
        assert number < 70, f"could not kill {MIN_KILLS} restores: {outcomes} (seed {seed})"
        number += 1
        name = "big" if number % 2 else "small"
        path = files[name]
        when = moment(plans[name], references[name], rng)
        run = forker.run(job(name), **when)
        assert run.killed or run.code == 0, (
            f"{when}: exit {run.code} (seed {seed})\n{forker.tail()}"
        )
        stale_lock = lock_path(path).exists()
        assert_intact(path)
        now = fingerprint(path)
        assert now in (old[name], restored[name]), (
            f"restoring {name}.zip, killed {when}: neither the old nor the new content "
            f"(seed {seed})"
        )
        for copy in SafetyCopies(path).list():  # the "before-restore" copies are whole
            if identity(copy.path) not in checked:
                assert_copy_intact(copy.path)
                checked.add(identity(copy.path))
        outcomes["killed" if run.killed else "finished"] += 1
        outcomes["stale lock taken over"] += stale_lock
        outcomes[f"{name}.zip: {'new' if now == restored[name] else 'old'}"] += 1
        if now == restored[name]:
            reset(name)
    for name, run in references.items():
        begun, ended = run.last_commit()
        print(f"\nrestore of {name}.zip: {run.duration:.2f} s, commit {begun:.2f}–{ended:.2f} s")
    print(outcomes)


def test_killed_safety_copies_never_leave_a_half_copy_under_a_real_name(
    tmp_path: Path, forker: Forker, templates: dict[str, Path]
) -> None:
    path = fresh_copy(templates["big"], tmp_path / "programme.db")
    original, counts = digest(path), table_counts(path)
    copies = SafetyCopies(path)
    job = {"kind": "copy", "db": str(path)}
    references = [forker.run(job) for _ in range(3)]  # the first one is slower (cold cache)
    assert [run.code for run in references] == [0, 0, 0], forker.tail()
    assert len(copies.list()) == 3
    duration = statistics.median(run.duration for run in references)

    seed = random.randrange(1 << 30)
    moments = [duration * f for f in (*FRACTIONS, 0.97, 1.0, 1.05, 1.1, 1.2, 1.5)]
    random.Random(seed).shuffle(moments)
    extra = random.Random(seed)
    outcomes: Counter[str] = Counter()
    checked: set[tuple[Path, int]] = set()
    number = 0
    while moments or outcomes["killed"] < MIN_KILLS:
        assert number < 80, f"could not kill {MIN_KILLS} copies: {outcomes} (seed {seed})"
        number += 1
        after = moments.pop() if moments else duration * extra.uniform(0, 0.9)
        run = forker.run(job, after=after)
        assert run.killed or run.code == 0, (
            f"{after:.4f} s: exit {run.code} (seed {seed})\n{forker.tail()}"
        )
        outcomes["killed" if run.killed else "finished"] += 1
        assert digest(path) == original and table_counts(path) == counts
        listed = {copy.path for copy in copies.list()}
        for copy in copies.list():
            assert copy.readable, f"{copy.path.name} is listed but unreadable (seed {seed})"
            if identity(copy.path) not in checked:
                assert_copy_intact(copy.path, more_people_than=ROWS)
                checked.add(identity(copy.path))
        others = {p for p in copies.folder.iterdir() if p not in listed}
        assert all(".partial" in p.name and p.name.startswith(".") for p in others), others
        outcomes[".partial files left"] = len(others)
    assert_intact(path)
    assert digest(path) == original
    for copy in copies.list():
        assert_copy_intact(copy.path, more_people_than=ROWS)
    partials = [p for p in copies.folder.iterdir() if ".partial" in p.name]
    with DatabaseLock(path):  # the clean-up runs only under the lock, as opening does
        removed = remove_stale_partials(path)
    assert removed == len(partials)
    assert not [p.name for p in copies.folder.iterdir() if ".partial" in p.name]
    assert copies.list() and {identity(copy.path) for copy in copies.list()} <= checked
    print(f"\nsafety copy of {ROWS} people: {duration * 1000:.0f} ms; {outcomes}")


def identity(path: Path) -> tuple[Path, int]:
    """A file as checked once: a later copy under a reused name is checked again."""
    return path, path.stat().st_ino


def assert_copy_intact(path: Path, more_people_than: int = 0) -> None:
    """A listed safety copy is whole: integrity_check passes and it holds the people."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        assert connection.execute("SELECT COUNT(*) FROM person").fetchone()[0] > more_people_than
    finally:
        connection.close()
