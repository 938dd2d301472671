"""The one way in: every front end opens a programme file through here, to read or to write.

Writing means holding the file's lock (one writer at a time, whether the writer is the GUI or
a command), a file that passed SQLite's ``quick_check`` (a damaged file is never written to),
and a folder that can be written to. Reading needs none of that: it goes through a
``mode=ro`` connection, so it works while another Mentorapp writes, from a read-only folder,
and can never change a byte. A missing file is only made when the caller makes a new
programme (``create=True``), and missing folders are never made: a mistyped ``--db`` gets a
sentence naming it instead of a new, empty programme somewhere unexpected.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mentorapp.db.backends import backend_for
from mentorapp.db.backends.sqlite import SQLiteFile
from mentorapp.db.engine import Database
from mentorapp.db.files import location_writable
from mentorapp.db.lock import DatabaseLock
from mentorapp.db.migrate import head_revision, inspect_file, open_database
from mentorapp.db.read_only import ReadOnlyDatabase, open_read_only
from mentorapp.db.safety import SafetyCopies
from mentorapp.errors import DatabaseRefused, MentorappError
from mentorapp.i18n import N_

_log = logging.getLogger(__name__)


class DatabaseMissing(MentorappError):
    """The named file does not exist (nothing was created)."""

    title = N_("There is no such file")


class FileIsReadOnly(MentorappError):
    """A healthy file that cannot be written here: it can still be opened to look."""

    title = N_("The file is read-only")


def looks_like_address(path: Path) -> bool:
    """``postgresql://…`` or ``https://…`` given where a file was expected."""
    return "://" in str(path) or str(path).startswith(("postgres:", "postgresql:"))


def require_existing(path: Path) -> None:
    """Refuse a path with no file at it, naming it, before anything is created."""
    if looks_like_address(path):
        raise DatabaseMissing(
            N_(
                "“{path}” looks like a server address. This version of Mentorapp opens "
                "programme files only: give the path of a .db file."
            ),
            path=path,
        )
    if path.is_dir():
        raise DatabaseRefused(N_("“{path}” is a folder, not a Mentorapp file."), path=path)
    if not path.exists():
        raise DatabaseMissing(
            N_(
                "There is no Mentorapp file at “{path}”. Check the name and the folder; "
                "nothing was created."
            ),
            path=path,
        )


def require_folder(path: Path) -> None:
    """A new file may be made, but only in a folder that is already there."""
    if looks_like_address(path):
        require_existing(path)
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseMissing(
            N_(
                "The folder “{folder}” does not exist, so “{path}” cannot be created there. "
                "Check the path; Mentorapp does not create folders for you."
            ),
            folder=folder,
            path=path,
        )


def check_integrity(path: Path) -> None:
    """The file's quick check (``SQLiteFile.check_integrity``); DatabaseRefused if damaged."""
    SQLiteFile(Path(path)).check_integrity()


@dataclass
class WritableFile:
    """A database held for writing: the lock that keeps others out and, for the GUI, the
    safety copies made when it opens (the day's first) and when it closes."""

    database: Database
    lock: DatabaseLock | None
    safety: SafetyCopies | None = None

    def reopen(self) -> None:
        """After the file was replaced from a safety copy: a fresh connection (lock kept)."""
        location = self.database.location
        self.database.close()
        self.database = open_database(location)

    def close(self) -> None:
        """The closing safety copy (if any), then the connection and the lock go, even if
        that copy could not be made."""
        try:
            if self.safety is not None:
                self.safety.make("quit")
        finally:
            self.database.close()
            if self.lock is not None:
                self.lock.release()


def open_for_writing(
    path: Path, create: bool = False, safety_copies_keep: int | None = None
) -> WritableFile:
    """Hold the lock, check the file, migrate if needed, and return it open.

    ``safety_copies_keep`` (how many of each kind to keep; the GUI's choice): copy the file
    on the day's first opening and again when it is closed. The command line makes none.

    Raises DatabaseMissing (no file, and not ``create``; or no folder), FileIsReadOnly,
    DatabaseInUse (with the holder's name and time), or DatabaseRefused (damaged, not ours,
    newer), or SafetyCopyError (the day's copy could not be made). Nothing is created or
    changed when it raises, and the lock is released again.
    """
    path = Path(path)
    if create and not path.exists():
        require_folder(path)
    else:
        require_existing(path)
        if not create and path.stat().st_size == 0:
            raise empty_file(path)
    backend = backend_for(path)
    if not location_writable(path) and not path.exists():
        raise DatabaseMissing(
            N_(
                "“{path}” cannot be created: the folder “{folder}” cannot be written to. "
                "Choose a folder of your own."
            ),
            path=path,
            folder=path.parent,
        )
    if not location_writable(path):
        inspect_file(path)  # a damaged or foreign file is refused as such, not as read-only
        backend.check_integrity()
        raise read_only_error(path)
    lock = backend.lock()
    try:
        lock.acquire()
    except MentorappError as refused:
        _log.info("%s not opened for writing: %s", path.name, type(refused).__name__)
        raise
    try:
        state = inspect_file(path)  # not ours, or newer: said so, before any page is checked
        backend.check_integrity()
        backend.remove_stale_partials()
        database = open_database(path)
    except BaseException:
        lock.release()
        raise
    _log.info("%s opened for writing at revision %s", path.name, _migrated(state.revision))
    held = WritableFile(database, lock)
    if safety_copies_keep is not None:
        try:
            held.safety = backend.safety_copies(keep=safety_copies_keep)
            held.safety.daily_if_needed()
        except BaseException:
            held.safety = None  # no closing copy of a file that was not opened
            held.close()
            raise
    return held


def empty_file(path: Path) -> DatabaseMissing:
    return DatabaseMissing(
        N_(
            "“{path}” is empty: it holds no Mentorapp programme. Nothing was changed. Make a "
            "programme in it with “mentorapp --db FILE new”, or choose another file."
        ),
        path=path,
    )


def read_only_error(path: Path) -> FileIsReadOnly:
    return FileIsReadOnly(
        N_(
            "“{path}” is in a place where it cannot be changed (a read-only file, folder or "
            "disk). It is not damaged: you can open it read-only to look at it, or copy it to "
            "a folder of your own to work in it."
        ),
        path=path,
    )


def open_for_reading(path: Path) -> ReadOnlyDatabase:
    """Open to look only; works while another Mentorapp writes and from read-only places.

    A file from an older Mentorapp is updated first when nobody holds it (that copy-first
    migration is a write, done under the lock); otherwise it is refused with a sentence.
    """
    path = Path(path)
    require_existing(path)
    state = inspect_file(path)
    if not state.has_tables:
        raise empty_file(path)
    check_integrity(path)
    if state.revision != head_revision() and location_writable(path):
        open_for_writing(path).close()  # the lock refuses if another Mentorapp has it
    _log.info("%s opened for reading (found at revision %s)", path.name, state.revision)
    return open_read_only(path)


def _migrated(found: str | None) -> str:
    """The file's revision for the log, saying so when it was upgraded (after a safety copy)."""
    head = head_revision()
    if found is None or found == head:
        return head
    return f"{head}, upgraded from {found} after a safety copy"
