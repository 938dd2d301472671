"""One writer at a time: a second process is told who has the file; dead holders are replaced."""

from __future__ import annotations

import getpass
import json
import os
import platform
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mentorapp.db import lock as lock_module
from mentorapp.db.lock import (
    DatabaseInUse,
    DatabaseLock,
    LockUnavailable,
    OpenedReadOnly,
    open_read_only,
)
from mentorapp.people.participants import ParticipantService
from mentorapp.workspace.services import Services

ROOT = Path(__file__).resolve().parents[2]
TRY_LOCK = """
import sys
from mentorapp.db.lock import DatabaseInUse, DatabaseLock
try:
    DatabaseLock(sys.argv[1]).acquire()
except DatabaseInUse as error:
    print(error.user_message())
    sys.exit(3)
print("acquired", flush=True)
sys.stdin.read()  # hold the lock until the parent closes stdin (or kills us)
"""


def other_process(db_path: Path, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", TRY_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        **options,
    )


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_second_process_is_told_who_has_the_file(db_path: Path) -> None:
    with DatabaseLock(db_path) as held:
        since = json.loads(held.path.read_text())["since"]
        process = other_process(db_path)
        out, _err = process.communicate(timeout=30)
    assert process.returncode == 3
    assert getpass.getuser() in out and platform.node() in out
    assert since.replace("T", " ") in out and "read-only" in out
    assert not held.path.exists()  # released and removed


def test_the_lock_of_a_killed_process_is_taken_over(db_path: Path) -> None:
    process = other_process(db_path)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "acquired"
    with pytest.raises(DatabaseInUse):
        DatabaseLock(db_path).acquire()
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    lock = DatabaseLock(db_path)
    assert lock.holder() is not None and lock.holder().pid == process.pid  # stale file
    lock.acquire()
    assert lock.holder().pid == os.getpid()
    lock.release()


def test_a_stale_lock_file_is_taken_over(db_path: Path) -> None:
    stale = {"user": "gone", "host": platform.node(), "pid": dead_pid(), "since": "2027-01-01"}
    DatabaseLock(db_path).path.write_text(json.dumps(stale))
    with DatabaseLock(db_path) as lock:
        assert lock.holder().pid == os.getpid()


def test_a_live_pid_counts_where_the_os_has_no_locks(db_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lock_module, "_os_lock", lambda _descriptor: None)
    alive = {"user": "anna", "host": platform.node(), "pid": os.getppid(), "since": "2027"}
    DatabaseLock(db_path).path.write_text(json.dumps(alive))
    with pytest.raises(DatabaseInUse, match="anna"):
        DatabaseLock(db_path).acquire()
    alive["pid"] = dead_pid()
    DatabaseLock(db_path).path.write_text(json.dumps(alive))
    with DatabaseLock(db_path) as lock:
        assert lock.held


def test_a_lock_from_another_computer_needs_the_users_word(db_path: Path) -> None:
    remote = {"user": "bo", "host": "kontoret-pc", "pid": 4242, "since": "2027-03-01T09:15:00"}
    DatabaseLock(db_path).path.write_text(json.dumps(remote))
    with pytest.raises(DatabaseInUse) as refused:
        DatabaseLock(db_path).acquire()
    assert "bo on kontoret-pc since 2027-03-01 09:15:00" in refused.value.user_message()
    lock = DatabaseLock(db_path)
    lock.acquire(take_over=True)
    assert lock.holder().host == platform.node()
    lock.release()


def test_read_only_works_while_locked_and_refuses_writes(demo: Services, db_path: Path) -> None:
    with DatabaseLock(db_path):
        database = open_read_only(db_path)
        try:
            participants = ParticipantService(database)
            assert participants.row(1).email.endswith("@example.com")
            with pytest.raises(OpenedReadOnly, match="read-only"):
                participants.update(1, {"city": "Lund"})
        finally:
            database.close()
    assert demo.participants.row(1).city != "Lund"


def test_a_lock_that_cannot_be_made_is_explained(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("x")
    with pytest.raises(LockUnavailable, match="read-only"):
        DatabaseLock(tmp_path / "not-a-folder" / "programme.db").acquire()
