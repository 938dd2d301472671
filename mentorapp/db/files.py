"""Owner-only files, and consistent copies of a live SQLite file.

People's data lives in these files, so on POSIX every file Mentorapp creates is readable by
its owner only (0o600) and its folders are 0o700; Windows keeps a user's profile private
already, so nothing is changed there. Copies go through SQLite's online backup API, which
reads one consistent snapshot (the WAL included) even while another connection writes.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from mentorapp.errors import MentorappError, move_into_place
from mentorapp.i18n import N_
from mentorapp.paths import make_private_folders

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SIDE_FILES = ("-wal", "-shm", "-journal")


def _posix() -> bool:
    return os.name == "posix"


def make_private(path: Path) -> None:
    """Owner read/write only, for a file that exists (POSIX; a no-op elsewhere)."""
    if _posix() and path.is_file():
        os.chmod(path, PRIVATE_FILE)


def make_private_with_side_files(path: Path) -> None:
    """The database file and its -wal/-shm/-journal companions, where they exist."""
    for candidate in (path, *side_files(path)):
        make_private(candidate)


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDE_FILES]


def private_folder(path: Path) -> Path:
    """A folder of Mentorapp's own, made 0700 even if it exists; missing parents get 0700 too
    (``mkdir(parents=True)`` would give them the umask's mode)."""
    return make_private_folders(path, own=True)


def create_private_file(path: Path) -> None:
    """Create an empty file that nobody else can read, before SQLite opens it.

    SQLite gives the -wal and -shm files the database file's permissions, so they follow.
    """
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:  # another process was quicker; its file is as good
        return
    os.close(descriptor)
    make_private(path)


def private_temporary(folder: Path, name: str) -> Path:
    """A new, empty, owner-only file in ``folder`` to write ``name`` into before moving it."""
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".partial")
    os.close(descriptor)
    return Path(temporary)


def location_writable(path: Path) -> bool:
    """Whether SQLite can change the file here: the file itself and its folder (journal)."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def connect_read_only(path: Path, check_same_thread: bool = True) -> sqlite3.Connection:
    """A ``mode=ro`` connection that also reads a WAL file from a read-only folder or disk.

    There SQLite cannot create the ``-shm`` file a WAL reader needs and refuses to open a
    healthy file. Only then, where this user cannot write the folder and no ``-wal`` or
    ``-shm`` exists (nobody is writing it now), is it read as ``immutable=1``, without
    locks; everywhere else the reader takes SQLite's locks and sees other writers' changes.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=check_same_thread)
    try:
        connection.execute("PRAGMA schema_version").fetchone()  # opens the WAL index now
        return connection
    except sqlite3.OperationalError:
        connection.close()
        if os.access(path.parent, os.W_OK) or any(f.exists() for f in side_files(path)):
            raise
    immutable = uri + "&immutable=1"
    return sqlite3.connect(immutable, uri=True, check_same_thread=check_same_thread)


def connect_existing(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """Connect without ever creating a file (a plain connect would make an empty one)."""
    if read_only:
        return connect_read_only(path)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)


def online_copy(source: Path, target: Path) -> Path:
    """Copy the database at ``source`` to ``target`` as one self-contained, owner-only file.

    The copy is written beside ``target`` and moved into place only when complete, so an
    interrupted copy never leaves a half file under the real name.
    """
    temporary = private_temporary(target.parent, target.name)
    try:
        origin = connect_existing(source, read_only=True)  # reads, also from a read-only disk
        try:
            copy = sqlite3.connect(temporary)
            try:
                origin.backup(copy)
                # A rollback journal instead of WAL: the copy is a single file to keep or send.
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        finally:
            origin.close()
        make_private(temporary)
        move_into_place(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


class WouldReplaceProgramme(MentorappError):
    """An output was aimed at a programme file or one of its companions; nothing was written."""

    title = N_("This file cannot be overwritten")


def refuse_programme_file(target: Path, allow_database: bool = False) -> None:
    """An export must never replace a database, its journal files, its lock or a safety copy.

    Writing a zip over the open ``mentorapp.db`` (or over its ``.lock``, which would let a
    second writer in) is one mistyped ``--out`` away; ``allow_database`` is for ``backup
    --force``, which may replace an older copy of the file on purpose.
    """
    target = Path(target)
    reason = None
    if any(part.endswith("-safety-copies") for part in target.resolve().parent.parts):
        reason = "safety"
    elif target.name.endswith((*SIDE_FILES, ".lock")):
        base = target.name.removesuffix(".lock")
        for suffix in SIDE_FILES:
            base = base.removesuffix(suffix)
        if (target.parent / base).is_file():
            reason = "companion"
    elif not allow_database and target.is_file():
        with target.open("rb") as handle:
            if handle.read(16) == b"SQLite format 3\x00":
                reason = "database"
    if reason is not None:
        raise WouldReplaceProgramme(
            N_(
                "“{path}” is a Mentorapp programme file, one of its companion files or a "
                "safety copy, so Mentorapp will not write over it. Choose another name."
            ),
            path=target,
        )
