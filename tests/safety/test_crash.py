"""SIGKILL a writer again and again: the file stays intact and keeps every reported commit."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentorapp.workspace.services import Services

ROOT = Path(__file__).resolve().parents[2]
KILLS = 60


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
def test_killed_writers_never_damage_the_file(demo: Services, db_path: Path) -> None:
    demo.close()
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    writer = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("crash_writer.py")), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdin is not None and writer.stdout is not None
    committed: dict[str, set[int]] = {"item": set(), "status": set()}
    try:
        for _round in range(KILLS):
            writer.stdin.write("go\n")
            writer.stdin.flush()
            pid = ready = None
            while pid is None or not ready:
                line = writer.stdout.readline()
                assert line, "the writer stopped"
                kind, _, value = line.strip().partition(" ")
                pid = int(value) if kind == "pid" else pid
                ready = ready or kind == "ready"
            time.sleep(rng.uniform(0.05, 0.2))
            os.kill(pid, signal.SIGKILL)
            while not (line := writer.stdout.readline().strip()).endswith("dead"):
                assert line, "the writer stopped"
                kind, _, value = line.partition(" ")
                assert kind in committed, f"unexpected output {line!r} (seed {seed})"
                committed[kind].add(int(value))
            # A report the kill cut short runs into "dead" ("872dead"): its commit may or may
            # not be complete, so it proves nothing either way and is dropped.
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)

    assert len(committed["item"]) > KILLS, "the writer hardly wrote; the test proves nothing"
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        items = {r[0] for r in connection.execute("SELECT id FROM checklistentry")}
        changes = {r[0] for r in connection.execute("SELECT id FROM statuschange")}
    finally:
        connection.close()
    assert committed["item"] <= items, f"lost committed items (seed {seed})"
    assert committed["status"] <= changes, f"lost committed status changes (seed {seed})"
    reopened = Services.open(db_path)
    assert reopened.info().programmes == 1
    reopened.close()
