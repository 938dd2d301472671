"""The open database: short transactions for the services, whatever kind of place holds it.

What depends on the kind of place (a file today, a server later) is the backend's
(``db/backends``); services use only what is here and plain SQLModel/SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlmodel import Session

from mentorapp.db.damage import unreadable
from mentorapp.errors import MentorappError
from mentorapp.i18n import N_

if TYPE_CHECKING:
    from mentorapp.db.backends import Backend
    from mentorapp.db.safety import SafetyCopies

T = TypeVar("T")


class SaveFailed(MentorappError):
    """The disk refused a write; the transaction was rolled back, so nothing is half-saved."""

    title = N_("Your change could not be saved")


def make_engine(path: Path) -> Engine:
    """An engine on the programme file at ``path`` with its safe settings (tests use it)."""
    from mentorapp.db.backends.sqlite import make_engine as sqlite_engine

    return sqlite_engine(path)


class Database:
    """The open database. Services get this and open one short transaction per job."""

    def __init__(self, backend: Backend, engine: Engine | None = None) -> None:
        self.backend = backend
        self.engine = engine if engine is not None else backend.engine()

    @property
    def location(self) -> Path:
        """Where the programme is, as the user named it: every message about it shows this."""
        return self.backend.location

    @property
    def path(self) -> Path:
        """The programme file (front ends' file tools and tests; services use ``location``)."""
        return Path(self.backend.location)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as exc:
            raise self._save_failed(exc) from exc
        except IntegrityError:  # a rule of the tables: the caller says which, in its words
            raise
        except DatabaseError as exc:  # damaged pages found mid-job: rolled back, say so
            raise unreadable(self.location, exc) from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except DatabaseError as exc:
            raise unreadable(self.location, exc) from exc

    def erase(self, work: Callable[[Session], T]) -> tuple[T, bool]:
        """Run ``work`` in one transaction that leaves no trace of what it clears or deletes.

        Returns its result and whether the storage was cleaned afterwards too (False: the
        erasure is saved, but traces may remain until it is done again).
        """
        with self.engine.connect() as connection, self.backend.erase_traces(connection):
            try:
                with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                    result = work(session)
                cleaned = self.backend.after_erasure(connection)
            except OperationalError as exc:
                raise self._save_failed(exc) from exc
        return result, cleaned

    def defer_foreign_keys(self, connection: Connection) -> None:
        """Within this transaction, foreign keys are checked at the commit (a restore)."""
        self.backend.defer_foreign_keys(connection)

    def safety_copies(self, keep: int = 10) -> SafetyCopies:
        """The whole-programme copies kept for this database."""
        return self.backend.safety_copies(keep=keep)

    def close(self) -> None:
        self.engine.dispose()

    def _save_failed(self, exc: OperationalError) -> SaveFailed:
        return SaveFailed(
            N_(
                "Mentorapp could not write to {path} ({detail}). Check that the disk has "
                "free space and that the file is not read-only, then try again. What you "
                "entered is still on screen."
            ),
            path=self.location,
            detail=str(exc.orig),
        )
