"""Open a database file safely: refuse what is not ours, copy before migrating, then upgrade.

The check reads the file without changing it, so a refused file is left exactly as it was.
Alembic is imported only when a migration has to run, which keeps start-up quick.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from mentorapp.db.backends.sqlite import SQLiteFile
from mentorapp.db.damage import unreadable
from mentorapp.db.engine import Database
from mentorapp.db.files import (
    connect_existing,
    create_private_file,
    make_private,
    make_private_with_side_files,
)
from mentorapp.errors import DatabaseRefused
from mentorapp.i18n import N_

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def known_revisions() -> list[str]:
    """Revisions this version of Mentorapp knows, oldest first (files are named NNNN_*.py)."""
    names = (p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return sorted(name[:4] for name in names)


def head_revision() -> str:
    return known_revisions()[-1]


@dataclass(frozen=True)
class FileState:
    """What a file holds: nothing yet (revision None) or a Mentorapp schema at a revision."""

    revision: str | None
    has_tables: bool


def inspect_file(path: Path) -> FileState:
    """Tell what is in the file, raising DatabaseRefused for anything Mentorapp must not open."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(revision=None, has_tables=False)
    if path.is_dir():
        raise DatabaseRefused(N_("“{path}” is a folder, not a Mentorapp file."), path=path)
    with path.open("rb") as handle:
        magic = handle.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise DatabaseRefused(
            N_(
                "“{path}” is not a Mentorapp database. Nothing in it was changed. "
                "Choose a file that Mentorapp created, or a new file name."
            ),
            path=path,
        )
    try:
        connection = connect_existing(path, read_only=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc
    if not tables:
        return FileState(revision=None, has_tables=False)
    if revision is None or "programme" not in tables:
        raise DatabaseRefused(
            N_(
                "“{path}” is a database, but not one made by Mentorapp. Nothing in it was "
                "changed. Choose a file that Mentorapp created, or a new file name."
            ),
            path=path,
        )
    if revision not in known_revisions():
        raise DatabaseRefused(
            N_(
                "“{path}” was saved by a newer version of Mentorapp. Nothing in it was "
                "changed. Install the latest Mentorapp to open it."
            ),
            path=path,
        )
    return FileState(revision=revision, has_tables=True)


def copy_before_migration(path: Path, revision: str) -> Path:
    """Save a consistent copy (the online backup includes the WAL) among the safety copies.

    The copy's own ``alembic_version`` records ``revision``; it is named like every safety
    copy, with the reason "before-migration", and is rotated with the others of its kind.
    """
    from mentorapp.db.safety import SafetyCopies

    return SafetyCopies(path).make("before-migration")


def _upgrade(database: Database) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.connect() as connection:
        # Batch migrations rebuild tables; with foreign keys on, dropping the old table would
        # cascade-delete the rows that point at it. The switch only works outside a transaction.
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseRefused(
                        N_(
                            "Updating “{path}” to this version of Mentorapp failed, so nothing "
                            "was changed. A copy was saved beside it. Please contact support."
                        ),
                        path=database.location,
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def open_database(path: Path) -> Database:
    """Open (creating or migrating as needed) the Mentorapp database at ``path``."""
    path = Path(path)
    state = inspect_file(path)
    if state.revision == head_revision():
        return Database(SQLiteFile(path))
    if state.has_tables and state.revision is not None:
        copy_before_migration(path, state.revision)
    if not path.exists():
        create_private_file(path)  # people's data: owner-only from the first byte
    elif not state.has_tables:
        make_private(path)
    database = Database(SQLiteFile(path))
    try:
        _upgrade(database)
    except Exception:
        database.close()
        raise
    if not state.has_tables:
        make_private_with_side_files(path)
    return database


def schema_revision(database: Database) -> str:
    with database.engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else ""
