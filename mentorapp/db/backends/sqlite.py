"""A programme kept in one SQLite file: what the services must not know, in one object.

Connections run with ``foreign_keys=ON``, ``journal_mode=WAL`` and ``synchronous=FULL``; a
read-only one goes through a ``mode=ro`` connection with ``query_only``. Copies are SQLite
online backups into ``<stem>-safety-copies/``, the lock is ``<file>.lock`` beside it, an
erasure runs with ``secure_delete`` and ends with ``VACUUM`` and an emptied WAL, and a
restore defers foreign keys with ``PRAGMA defer_foreign_keys``.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import create_engine

from mentorapp.db import precheck
from mentorapp.db.damage import unreadable
from mentorapp.db.files import connect_existing, connect_read_only

if TYPE_CHECKING:
    from mentorapp.db.lock import DatabaseLock
    from mentorapp.db.safety import SafetyCopies


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL keeps every committed transaction even if the laptop loses power.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def _read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA query_only = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def make_read_only_engine(path: Path) -> Engine:
    def connect() -> sqlite3.Connection:
        return connect_read_only(path, check_same_thread=False)

    # The plain path tells SQLAlchemy it is a file (pooled like one); ``creator`` opens it
    # through the URI, so special characters in the path need no second escaping.
    engine = create_engine(f"sqlite:///{path}", creator=connect)
    event.listen(engine, "connect", _read_only_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _raw(connection: Connection) -> sqlite3.Connection:
    raw = connection.connection.dbapi_connection
    assert raw is not None
    return raw  # type: ignore[return-value]


class SQLiteFile:
    """The backend of a programme file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def location(self) -> Path:
        return self.path

    def engine(self, read_only: bool = False) -> Engine:
        return make_read_only_engine(self.path) if read_only else make_engine(self.path)

    def lock(self) -> DatabaseLock:
        from mentorapp.db.lock import DatabaseLock

        return DatabaseLock(self.path)

    def safety_copies(self, keep: int = 10) -> SafetyCopies:
        from mentorapp.db.safety import SafetyCopies

        return SafetyCopies(self.path, keep=keep)

    def check_integrity(self) -> None:
        """``PRAGMA quick_check`` through a read-only connection; DatabaseRefused if not "ok".

        quick_check reads every page (about 20 ms for 10,000 people, see bench_open.py) but
        skips the index-content comparison of integrity_check, which costs about twice as much.
        """
        path = self.path
        if not path.exists() or path.stat().st_size == 0:
            return
        rows = precheck.take(path)  # the window started it early, on the file as it is now
        if rows is None:
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
            malformed = sqlite3.DatabaseError(f"database disk image is malformed: {detail}")
            raise unreadable(path, malformed)

    def remove_stale_partials(self) -> None:
        """Half-written copies left by a process that was killed; only the lock holder writes
        them, so while we hold the lock none of them is still being written. A folder we may
        not clean does not stop the opening: erasure counts what is left."""
        from mentorapp.db.safety import remove_stale_partials

        try:
            remove_stale_partials(self.path)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise

    @contextmanager
    def erase_traces(self, connection: Connection) -> Iterator[None]:
        """``secure_delete`` on this connection: freed space is zeroed, not left behind."""
        raw = _raw(connection)
        (was,) = raw.execute("PRAGMA secure_delete").fetchone()
        raw.execute("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            raw.execute(f"PRAGMA secure_delete = {int(was)}")

    def after_erasure(self, connection: Connection) -> bool:
        """Rebuild the file without free pages, then empty the WAL.

        False if that failed (a reader kept the WAL, or no room for the rebuild): the erasure
        is saved, but traces may remain until the file is closed and this is done again.
        """
        raw = _raw(connection)
        (timeout,) = raw.execute("PRAGMA busy_timeout").fetchone()
        try:
            raw.execute("VACUUM")
            raw.execute("PRAGMA busy_timeout = 1000")  # a reader holding the WAL: do not hang
            busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            return False
        finally:
            raw.execute(f"PRAGMA busy_timeout = {int(timeout)}")
        return busy == 0

    def defer_foreign_keys(self, connection: Connection) -> None:
        """SQLite switches this off again by itself when the transaction ends."""
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")

    def __repr__(self) -> str:
        return f"SQLiteFile({str(self.path)!r})"
