"""Looking without touching: a database opened through a ``mode=ro`` connection.

Used when another Mentorapp holds the file's lock: the coordinator can still read it, and
any attempt to change it says plainly why it was not saved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from mentorapp.db.engine import Database, SaveFailed
from mentorapp.db.files import connect_read_only
from mentorapp.db.migrate import head_revision, inspect_file
from mentorapp.errors import DatabaseRefused
from mentorapp.i18n import N_


class OpenedReadOnly(SaveFailed):
    """A change was tried on a file that was opened read-only; nothing was written."""

    title = N_("The file is open read-only")


def _read_only_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA query_only = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


class ReadOnlyDatabase(Database):
    """A database opened to look only: every attempted change raises OpenedReadOnly."""

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        try:
            with super().transaction() as session:
                yield session
        except SaveFailed as exc:
            raise OpenedReadOnly(
                N_(
                    "“{path}” is open read-only, so this change was not saved. Close the "
                    "other Mentorapp and open the file again to make changes."
                ),
                path=self.path,
            ) from exc


def _read_only_engine(path: Path) -> Engine:
    def connect() -> sqlite3.Connection:
        return connect_read_only(path, check_same_thread=False)

    # The plain path tells SQLAlchemy it is a file (pooled like one); ``creator`` opens it
    # through the URI, so special characters in the path need no second escaping.
    engine = create_engine(f"sqlite:///{path}", creator=connect)
    event.listen(engine, "connect", _read_only_pragmas)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    return engine


def open_read_only(db_path: Path) -> ReadOnlyDatabase:
    """Open the file to look at it while another Mentorapp has it: nothing can be written."""
    db_path = Path(db_path)
    state = inspect_file(db_path)
    if not state.has_tables or state.revision != head_revision():
        raise DatabaseRefused(
            N_(
                "“{path}” cannot be opened read-only: it is empty or needs updating to this "
                "version of Mentorapp. Open it normally once, when no other Mentorapp has it."
            ),
            path=db_path,
        )
    return ReadOnlyDatabase(db_path, _read_only_engine(db_path))
