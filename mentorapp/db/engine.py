"""One SQLite file, opened with the pragmas that keep it safe."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlmodel import Session, create_engine

from mentorapp.db.damage import unreadable
from mentorapp.errors import MentorappError
from mentorapp.i18n import N_


class SaveFailed(MentorappError):
    """The disk refused a write; the transaction was rolled back, so nothing is half-saved."""

    title = N_("Your change could not be saved")


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL keeps every committed transaction even if the laptop loses power.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    return engine


class Database:
    """The open database file. Services get this and open one short transaction per job."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as exc:
            raise SaveFailed(
                N_(
                    "Mentorapp could not write to {path} ({detail}). Check that the disk has "
                    "free space and that the file is not read-only, then try again. What you "
                    "entered is still on screen."
                ),
                path=self.path,
                detail=str(exc.orig),
            ) from exc
        except IntegrityError:  # a rule of the tables: the caller says which, in its words
            raise
        except DatabaseError as exc:  # damaged pages found mid-job: rolled back, say so
            raise unreadable(self.path, exc) from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except DatabaseError as exc:
            raise unreadable(self.path, exc) from exc

    def close(self) -> None:
        self.engine.dispose()
