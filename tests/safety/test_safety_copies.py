"""Safety copies: made with the online backup, listed with counts, rotated, restored."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mentorapp.db.migrate import open_database
from mentorapp.db.safety import SafetyCopies, SafetyCopyError
from mentorapp.errors import DatabaseRefused
from mentorapp.programme.programmes import ProgrammeDraft
from mentorapp.workspace.services import Services

from .conftest import table_counts

POSIX = pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX permissions")
NOON = datetime(2027, 3, 1, 12, 0, 0)


def test_a_copy_is_consistent_while_the_file_is_open_in_wal_mode(demo: Services, db_path: Path):
    demo.participants.update(1, {"city": "Göteborg"})  # sits in the WAL, not yet in the file
    assert Path(f"{db_path}-wal").stat().st_size > 0
    copy = SafetyCopies(db_path).make("manual")
    assert copy.parent.name == "programme-safety-copies"
    assert copy.name.startswith("programme-") and copy.name.endswith("-manual.db")
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        city = connection.execute("SELECT city FROM person WHERE id = 1").fetchone()
    assert city == ("Göteborg",)
    assert table_counts(copy) == table_counts(db_path)


def test_copies_are_listed_newest_first_with_counts(demo: Services, db_path: Path) -> None:
    copies = SafetyCopies(db_path)
    copies.make("daily", now=NOON)
    copies.make("quit", now=NOON + timedelta(hours=5))
    listed = copies.list()
    assert [c.reason for c in listed] == ["quit", "daily"]
    assert listed[0].made_at == NOON + timedelta(hours=5)
    info = demo.info()
    for copy in listed:
        assert (copy.programmes, copy.cohorts) == (info.programmes, info.cohorts)
        assert (copy.adepts, copy.mentors) == (info.adepts, info.mentors)
        assert copy.readable and copy.revision == info.schema


def test_a_damaged_copy_is_listed_as_unreadable(services: Services, db_path: Path) -> None:
    copies = SafetyCopies(db_path)
    path = copies.make("manual", now=NOON)
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 100)
    (listed,) = copies.list()
    assert not listed.readable and listed.programmes is None
    with pytest.raises((SafetyCopyError, DatabaseRefused)):
        copies.restore(path)


def test_rotation_keeps_the_newest_of_each_reason(services: Services, db_path: Path) -> None:
    copies = SafetyCopies(db_path, keep=3)
    daily = [copies.make("daily", now=NOON + timedelta(days=n)) for n in range(5)]
    for n in range(6):
        copies.make("quit", now=NOON + timedelta(days=10, minutes=n))
    kept = copies.list()
    assert sorted(c.path for c in kept if c.reason == "daily") == daily[2:]
    assert len([c for c in kept if c.reason == "quit"]) == 3
    assert not daily[0].exists() and not daily[1].exists()


def test_two_copies_in_one_second_both_kept(services: Services, db_path: Path) -> None:
    copies = SafetyCopies(db_path)
    first, second = copies.make("manual", now=NOON), copies.make("manual", now=NOON)
    assert first != second and first.exists() and second.exists()
    assert [c.path for c in copies.list()] == [second, first]


def test_daily_copy_only_once_a_day(services: Services, db_path: Path) -> None:
    copies = SafetyCopies(db_path)
    assert copies.daily_if_needed(now=NOON) is not None
    assert copies.daily_if_needed(now=NOON + timedelta(hours=6)) is None
    assert copies.daily_if_needed(now=NOON + timedelta(days=1)) is not None
    assert [c.reason for c in copies.list()] == ["daily", "daily"]


def test_no_daily_copy_of_a_missing_file(tmp_path: Path) -> None:
    assert SafetyCopies(tmp_path / "none.db").daily_if_needed() is None


def test_restore_brings_the_copy_back_after_a_copy_of_now(demo: Services, db_path: Path) -> None:
    copies = SafetyCopies(db_path)
    good = copies.make("manual", now=NOON)
    before = table_counts(db_path)
    with demo.database.transaction() as session:
        session.connection().exec_driver_sql("DELETE FROM cohort")
    assert table_counts(db_path)["enrolment"] == 0
    demo.close()

    saved = copies.restore(good)
    assert saved is not None and saved.name.endswith("-before-restore.db")
    assert table_counts(saved)["enrolment"] == 0  # the state just before the restore
    reopened = Services.open(db_path)
    try:
        assert reopened.info().cohorts == 2
        with reopened.database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        reopened.close()
    assert table_counts(db_path) == before


def test_a_copy_from_a_newer_mentorapp_is_not_restored(services: Services, db_path: Path) -> None:
    copies = SafetyCopies(db_path)
    newer = copies.make("manual", now=NOON)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseRefused):
        copies.restore(newer)
    assert len(copies.list()) == 1  # no before-restore copy either


@POSIX
def test_new_database_and_copies_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "new.db"
        services = Services.open(path)
        services.programmes.save_programme(ProgrammeDraft("Org", "Namn"))
        for name in ("new.db", "new.db-wal", "new.db-shm"):
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
        copy = SafetyCopies(path).make("manual")
        services.close()
    finally:
        os.umask(old)
    assert copy.stat().st_mode & 0o777 == 0o600
    assert copy.parent.stat().st_mode & 0o777 == 0o700


def test_a_migration_copy_is_a_safety_copy(tmp_path: Path) -> None:
    from tests.test_migrate import _database_at

    path = tmp_path / "old.db"
    _database_at(path, "0002")
    open_database(path).close()
    (copy,) = SafetyCopies(path).list()
    assert copy.reason == "before-migration" and copy.revision == "0002"


def test_many_copies_in_one_second_keep_the_newest(services, tmp_path) -> None:
    """Rotation frees the first names of a second; the next copy must not reuse them, or it
    would sort as the oldest and be rotated out at once."""
    from datetime import datetime

    from mentorapp.db.safety import SafetyCopies

    copies = SafetyCopies(services.database.path, keep=2)
    moment = datetime(2027, 3, 1, 9, 30, 0)
    made = [copies.make("manual", now=moment) for _ in range(5)]
    assert made[-1].exists() and made[-2].exists()
    assert [c.path for c in copies.list() if c.reason == "manual"] == [made[-1], made[-2]]
