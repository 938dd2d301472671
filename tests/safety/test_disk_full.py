"""A full disk or a read-only file: the service says so clearly and nothing is half-written.

Root ignores file permissions, so the disk is filled for real with SQLite's own limit
(``max_page_count``: SQLITE_FULL, "database or disk is full"), and a read-only file is
opened through a ``mode=ro`` connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from mentorapp.dataio.backup_zip import export_backup, restore_backup
from mentorapp.db.engine import SaveFailed
from mentorapp.db.lock import OpenedReadOnly, open_read_only
from mentorapp.people.participants import ParticipantService
from mentorapp.people.privacy import PrivacyService
from mentorapp.workspace.services import Services

from .conftest import digest, table_counts


def fill_the_disk(services: Services, spare_pages: int = 0) -> None:
    """From now on the file cannot grow beyond its size plus ``spare_pages``."""
    engine = services.database.engine
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()

    def limit(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + spare_pages}")

    event.listen(engine, "connect", limit)


def statuses(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT id, status FROM enrolment ORDER BY id").fetchall()


def test_a_full_disk_mid_transaction_saves_nothing(demo: Services, db_path: Path) -> None:
    cohort = demo.programmes.cohorts(1)[-1]
    ids = [row.enrolment_id for row in demo.participants.rows(cohort.id)]
    before_status, before_counts = statuses(db_path), table_counts(db_path)
    fill_the_disk(demo, spare_pages=5)  # room for the first few rows only
    with pytest.raises(SaveFailed) as failed:
        demo.pipeline.change_status(ids, "waitlisted", reason="Väntelista " * 400)
    message = failed.value.user_message()
    assert "database or disk is full" in message and "free space" in message
    assert str(db_path) in message
    assert statuses(db_path) == before_status
    assert table_counts(db_path) == before_counts


def test_a_full_disk_during_restore_leaves_the_file_empty(demo: Services, tmp_path: Path):
    export_backup(demo.database, tmp_path / "b.zip")
    target = Services.open(tmp_path / "target.db")
    fill_the_disk(target)
    with pytest.raises(SaveFailed):
        restore_backup(target.database, tmp_path / "b.zip")
    target.close()
    assert not any(table_counts(tmp_path / "target.db").get(t) for t in ("person", "cohort"))


def test_a_failed_erasure_changes_nothing(demo: Services, db_path: Path) -> None:
    privacy = PrivacyService(demo.database)
    person_id = privacy.find("samira.benali@example.com")
    before = privacy.person_data(person_id)

    def disk_full(_conn, _cursor, statement, *_args) -> None:
        if statement.startswith("UPDATE enrolment"):  # after the person row was changed
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(demo.database.engine, "before_cursor_execute", disk_full)
    with pytest.raises(SaveFailed, match="disk is full"):
        privacy.erase_person(person_id)
    event.remove(demo.database.engine, "before_cursor_execute", disk_full)
    after = privacy.person_data(person_id)
    assert {**after, "exported_at": ""} == {**before, "exported_at": ""}


def test_a_read_only_file_refuses_changes_clearly(demo: Services, db_path: Path) -> None:
    demo.close()
    before = digest(db_path)
    database = open_read_only(db_path)
    try:
        participants = ParticipantService(database)
        assert participants.row(1).first_name  # reading works
        with pytest.raises(OpenedReadOnly) as refused:
            participants.update(1, {"city": "Lund"})
        assert isinstance(refused.value, SaveFailed)
        assert "read-only" in refused.value.user_message()
        assert participants.row(1).city != "Lund"
    finally:
        database.close()
    assert digest(db_path) == before
