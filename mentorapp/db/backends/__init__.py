"""Where a programme is kept, and the few things only that kind of place knows.

A ``Database`` is opened from a location: a programme file today (``backends.sqlite``), a
server address in a later issue. The backend owns everything that depends on the kind of
place: the connection's settings, copies of it, the lock that keeps a second writer out,
opening to look only, checking it for damage, leaving no trace of erased rows, and
deferring foreign keys while a restore replaces every table. Services speak only the
SQLModel and SQLAlchemy that every backend understands (``tests/test_database_seam.py``
keeps them so), and reach the rest through ``Database``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from mentorapp.db.lock import DatabaseLock
    from mentorapp.db.safety import SafetyCopies


class Backend(Protocol):
    """What one kind of place does for the database kept in it."""

    @property
    def location(self) -> Path:
        """Where the programme is, as the user named it (every error message shows it)."""
        ...

    def engine(self, read_only: bool = False) -> Engine:
        """A fresh engine; ``read_only`` ones refuse every change."""
        ...

    def lock(self) -> DatabaseLock:
        """The lock that lets one writer in at a time (not yet held)."""
        ...

    def safety_copies(self, keep: int = 10) -> SafetyCopies:
        """The whole-programme copies kept beside it."""
        ...

    def check_integrity(self) -> None:
        """Raise DatabaseRefused if it is damaged; quick enough for every opening."""
        ...

    def remove_stale_partials(self) -> None:
        """Drop half-written copies a killed Mentorapp left (call while holding the lock)."""
        ...

    def erase_traces(self, connection: Connection) -> AbstractContextManager[None]:
        """While open, what the connection deletes or overwrites leaves no readable trace."""
        ...

    def after_erasure(self, connection: Connection) -> bool:
        """After an erasure was committed: clear what the storage still keeps of it.

        False if that could not be done now (the erasure itself is saved)."""
        ...

    def defer_foreign_keys(self, connection: Connection) -> None:
        """Check foreign keys at this transaction's commit, not at each statement."""
        ...


def backend_for(location: Path | str) -> Backend:
    """The backend for a location. Only files today: ``db/opening`` refuses an address."""
    from mentorapp.db.backends.sqlite import SQLiteFile

    return SQLiteFile(Path(location))


__all__ = ["Backend", "backend_for"]
