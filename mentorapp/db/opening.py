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

import errno
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from mentorapp.db.damage import unreadable
from mentorapp.db.engine import Database
from mentorapp.db.files import connect_existing, location_writable
from mentorapp.db.lock import DatabaseLock
from mentorapp.db.migrate import head_revision, inspect_file, open_database
from mentorapp.db.read_only import ReadOnlyDatabase, open_read_only
from mentorapp.db.safety import remove_stale_partials
from mentorapp.errors import DatabaseRefused, MentorappError
from mentorapp.i18n import N_


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
    """``PRAGMA quick_check`` through a read-only connection; DatabaseRefused if not "ok".

    quick_check reads every page (about 20 ms for 10,000 people, see bench_open.py) but skips
    the index-content comparison of integrity_check, which costs about twice as much.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = connect_existing(path, read_only=True)
        try:
            rows = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc
    if rows != ["ok"]:
        detail = "; ".join(str(row) for row in rows)
        raise unreadable(path, sqlite3.DatabaseError(f"database disk image is malformed: {detail}"))


@dataclass
class WritableFile:
    """A file held for writing: its database and the lock that keeps others out."""

    database: Database
    lock: DatabaseLock | None

    def close(self) -> None:
        self.database.close()
        if self.lock is not None:
            self.lock.release()


def open_for_writing(path: Path, create: bool = False) -> WritableFile:
    """Hold the lock, check the file, migrate if needed, and return it open.

    Raises DatabaseMissing (no file, and not ``create``; or no folder), FileIsReadOnly,
    DatabaseInUse (with the holder's name and time), or DatabaseRefused (damaged, not ours,
    newer). Nothing is created or changed when it raises.
    """
    path = Path(path)
    if create and not path.exists():
        require_folder(path)
    else:
        require_existing(path)
        if not create and path.stat().st_size == 0:
            raise empty_file(path)
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
        check_integrity(path)
        raise read_only_error(path)
    lock = DatabaseLock(path)
    lock.acquire()
    try:
        inspect_file(path)  # not ours, or newer: said as such, before any page is checked
        check_integrity(path)
        _remove_stale_partials(path)
        database = open_database(path)
    except BaseException:
        lock.release()
        raise
    return WritableFile(database, lock)


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
    return open_read_only(path)


def _remove_stale_partials(path: Path) -> None:
    """Half-written copies left by a process that was killed; only the lock holder writes
    them, so while we hold the lock none of them is still being written. A folder we may
    not clean does not stop the opening: erasure counts what is left."""
    try:
        remove_stale_partials(path)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise
