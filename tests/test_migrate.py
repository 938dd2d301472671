import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from mentorapp.db import migrate
from mentorapp.db.migrate import MIGRATIONS_DIR, head_revision, inspect_file, open_database
from mentorapp.errors import DatabaseRefused
from mentorapp.services import Services


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_head_revision_matches_alembic() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == head_revision()


def test_empty_file_is_migrated_to_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    database = open_database(path)
    database.close()
    connection = sqlite3.connect(path)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    connection.close()
    assert {"programme", "cohort", "checklistentry", "person", "enrolment"} <= tables
    assert version == head_revision()


def test_pragmas_are_set(services: Services) -> None:
    with services.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Förnamn;Efternamn\nÅsa;Öberg\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(DatabaseRefused) as caught:
        open_database(path)
    assert "not a Mentorapp database" in caught.value.user_message()
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_other_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="not one made by Mentorapp"):
        open_database(path)
    assert digest(path) == before


def test_newer_database_is_refused_and_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = digest(db_path)
    with pytest.raises(DatabaseRefused) as caught:
        open_database(db_path)
    assert "newer version of Mentorapp" in caught.value.user_message()
    assert digest(db_path) == before


def test_damaged_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    with pytest.raises(DatabaseRefused):
        open_database(path)


def test_a_copy_is_saved_before_migrating(
    db_path: Path, programme, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.close()
    monkeypatch.setattr(migrate, "head_revision", lambda: "9000")
    open_database(db_path).close()
    copies = list(db_path.parent.glob("programme.before-migration-0001-*.db"))
    assert len(copies) == 1
    connection = sqlite3.connect(copies[0])
    names = connection.execute("SELECT name FROM programme").fetchall()
    connection.close()
    assert names == [("Mentorskap 2027",)]


def test_current_database_opens_without_copy(db_path: Path) -> None:
    open_database(db_path).close()
    open_database(db_path).close()
    assert not list(db_path.parent.glob("*before-migration*"))


def test_inspect_missing_file(tmp_path: Path) -> None:
    assert inspect_file(tmp_path / "nothing.db").revision is None
