"""Looking without touching: a database opened through a ``mode=ro`` connection.

Used when another Mentorapp holds the file's lock: the coordinator can still read it, and
any attempt to change it says plainly why it was not saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlmodel import Session

from mentorapp.db.backends.sqlite import SQLiteFile
from mentorapp.db.engine import Database, SaveFailed
from mentorapp.db.migrate import head_revision, inspect_file
from mentorapp.errors import DatabaseRefused
from mentorapp.i18n import N_


class OpenedReadOnly(SaveFailed):
    """A change was tried on a file that was opened read-only; nothing was written."""

    title = N_("The file is open read-only")


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
                path=self.location,
            ) from exc


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
    backend = SQLiteFile(db_path)
    return ReadOnlyDatabase(backend, backend.engine(read_only=True))
