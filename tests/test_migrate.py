import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from mentorapp.db.migrate import MIGRATIONS_DIR, head_revision, inspect_file, open_database
from mentorapp.errors import DatabaseRefused
from mentorapp.workspace.services import Services


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


def _database_at(path: Path, revision: str) -> None:
    """A file as an older Mentorapp left it: the schema up to ``revision``."""
    from alembic import command

    from mentorapp.db.engine import make_engine

    engine = make_engine(path)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_migrating_from_the_first_release_keeps_data_and_saves_a_copy(db_path: Path) -> None:
    _database_at(db_path, "0001")
    connection = sqlite3.connect(db_path)
    connection.executescript(
        """
        INSERT INTO programme VALUES (1, 'Broar', 'Mentorskap', '', '', 'sv', 4, 4);
        INSERT INTO cohort VALUES (1, 1, 'Vår 2027', NULL, '2027-02-01', '2027-05-31', 1);
        INSERT INTO person (id, first_name, last_name, email, phone, city, digital, languages,
            education_level, education_field, education_field_text, industry, industry_text,
            job_title, gender) VALUES (1, 'Łukasz', 'Żółć', 'l@example.com', '', 'Malmö', 1,
            'sv', '', '', '', '', '', '', '');
        INSERT INTO enrolment VALUES (1, 1, 1, 'adept', 'accepted', '2027-01-20', 1, '', '');
        """
    )
    connection.commit()
    connection.close()

    open_database(db_path).close()

    copies = list(
        (db_path.parent / "programme-safety-copies").glob("programme-*-before-migration.db")
    )
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT first_name FROM person").fetchall() == [("Łukasz",)]
    with sqlite3.connect(db_path) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
        assert new.execute("SELECT status FROM enrolment").fetchall() == [("accepted",)]
        history = new.execute("SELECT to_status, changed_on FROM statuschange").fetchall()
        assert history == [("accepted", "2027-01-20")]
        roles = new.execute("SELECT role, COUNT(*) FROM eligibilitycriterion GROUP BY role")
        assert dict(roles.fetchall()) == {"adept": 5, "mentor": 4}
        matching = new.execute("SELECT match_weights, match_spread FROM programme").fetchall()
        assert matching == [("", 1)]


def test_current_database_opens_without_copy(db_path: Path) -> None:
    open_database(db_path).close()
    open_database(db_path).close()
    assert not list(db_path.parent.rglob("*before-migration*"))


def test_inspect_missing_file(tmp_path: Path) -> None:
    assert inspect_file(tmp_path / "nothing.db").revision is None


def test_a_failed_migration_changes_nothing(db_path: Path) -> None:
    _database_at(db_path, "0001")
    connection = sqlite3.connect(db_path)  # foreign keys are off in a plain connection
    connection.execute(
        "INSERT INTO enrolment VALUES (1, 99, 99, 'adept', 'applied', NULL, 1, '', '')"
    )
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseRefused, match="nothing was changed"):
        open_database(db_path)
    with sqlite3.connect(db_path) as after:
        assert after.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        tables = {row[0] for row in after.execute("SELECT name FROM sqlite_master")}
        assert "statuschange" not in tables
        assert after.execute("SELECT COUNT(*) FROM enrolment").fetchone() == (1,)


def test_migrations_build_exactly_the_tables_of_the_models(db_path: Path) -> None:
    """A model change without its migration fails here, before it reaches a user's file."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import mentorapp.domain.models  # noqa: F401 - registers the tables

    database = open_database(db_path)
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    database.close()
    assert differences == []
