"""One writer at a time: a lock file beside the database, and a read-only way in.

SQLite would let two Mentorapps write the same file, each overwriting the other's view of
it; on a shared or synced folder that silently loses a coordinator's work. The lock file
``<db>.lock`` says who has the file open (JSON: user, host, pid, since) so the second one
can tell the user *who* to ask, and an OS lock on it (flock, or msvcrt on Windows) makes
sure two processes on one computer never both believe they hold it. A lock left by a
process that died is taken over: on the same computer the OS lock is released when a
process dies, and the pid is checked where the OS lock is unavailable.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import platform
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mentorapp.db.files import PRIVATE_FILE
from mentorapp.db.read_only import OpenedReadOnly, ReadOnlyDatabase, open_read_only
from mentorapp.errors import MentorappError
from mentorapp.i18n import N_

# open_read_only lives beside the lock: it is what to do when the lock is taken.
__all__ = [
    "DatabaseInUse",
    "DatabaseLock",
    "LockHolder",
    "LockUnavailable",
    "OpenedReadOnly",
    "ReadOnlyDatabase",
    "lock_path",
    "open_read_only",
]

_WINDOWS_LOCK_OFFSET = 1 << 30  # lock a byte far past the JSON, so others can still read it


class DatabaseInUse(MentorappError):
    """Another Mentorapp has the file open for writing."""

    title = N_("The file is open in another Mentorapp")


class LockUnavailable(MentorappError):
    """The lock file cannot be made (a read-only folder or disk)."""

    title = N_("The file cannot be opened for changes")


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str  # ISO time, local

    @classmethod
    def me(cls) -> LockHolder:
        try:
            user = getpass.getuser()
        except (OSError, KeyError):
            user = ""
        since = datetime.now().isoformat(timespec="seconds")
        return cls(user=user, host=platform.node(), pid=os.getpid(), since=since)


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def holder(self) -> LockHolder | None:
        """Who the lock file names (which may be a process that has since died)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]), data["since"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def acquire(self, take_over: bool = False) -> None:
        """Hold the lock or raise DatabaseInUse. ``take_over``: the user has confirmed that
        the Mentorapp named in a lock from another computer is closed."""
        if self.held:
            return
        while True:
            descriptor = self._open()
            locked = _os_lock(descriptor)
            if locked is False:
                os.close(descriptor)
                raise self._in_use(self.holder())
            if _same_file(descriptor, self.path):
                break
            os.close(descriptor)  # released and removed meanwhile: lock the new file
        holder = self.holder()
        if holder is not None and not take_over and _alive_elsewhere(holder, locked):
            _os_unlock(descriptor)
            os.close(descriptor)
            raise self._in_use(holder)
        me = json.dumps(LockHolder.me().__dict__).encode("utf-8")
        os.ftruncate(descriptor, 0)
        _write_at_start(descriptor, me)
        os.fsync(descriptor)
        self._descriptor = descriptor

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as exc:
            raise LockUnavailable(
                N_(
                    "Mentorapp could not create {lock} ({detail}), so it cannot make sure "
                    "that nobody else changes “{path}” at the same time. Open the file "
                    "read-only, or move it to a folder you can write to."
                ),
                lock=self.path,
                path=self.db_path,
                detail=exc.strerror or str(exc),
            ) from exc

    def release(self) -> None:
        if self._descriptor is None:
            return
        descriptor, self._descriptor = self._descriptor, None
        if os.name == "nt":  # Windows cannot remove an open file
            _os_unlock(descriptor)
            os.close(descriptor)
            self.path.unlink(missing_ok=True)
            return
        self.path.unlink(missing_ok=True)  # while locked, so nobody locks the removed file
        _os_unlock(descriptor)
        os.close(descriptor)

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def _in_use(self, holder: LockHolder | None) -> DatabaseInUse:
        if holder is None:
            return DatabaseInUse(
                N_(
                    "“{path}” is open in another Mentorapp on this computer. Close it there "
                    "first, or open the file read-only to look without changing anything."
                ),
                path=self.db_path,
            )
        return DatabaseInUse(
            N_(
                "“{path}” is open in Mentorapp by {user} on {host} since {since}. Close "
                "Mentorapp there first, or open the file read-only to look without changing "
                "anything."
            ),
            path=self.db_path,
            user=holder.user or "?",
            host=holder.host or "?",
            since=holder.since.replace("T", " "),
        )


def _write_at_start(descriptor: int, data: bytes) -> None:
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.write(descriptor, data)


def _os_lock(descriptor: int) -> bool | None:
    """True: locked; False: another process holds it; None: this file system has no locks."""
    try:
        if sys.platform == "win32":  # os.name == "nt", spelled so type checkers see it
            import msvcrt

            os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:  # Windows reports a held lock as EDEADLK
        return False if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK) else None
    return True


def _os_unlock(descriptor: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_UN)
    except OSError:
        pass


def _same_file(descriptor: int, path: Path) -> bool:
    if os.name == "nt":
        return True
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except FileNotFoundError:
        return False


def _alive_elsewhere(holder: LockHolder, os_locked: bool | None) -> bool:
    """Whether the named holder may still be running, though we got the OS lock (or none)."""
    if holder.host != platform.node():
        return True  # another computer: its OS lock may not reach us, so trust the file
    if os_locked:
        return False  # a live process on this computer would still hold the OS lock
    return holder.pid != os.getpid() and _pid_alive(holder.pid)


def _pid_alive(pid: int) -> bool:
    if os.name == "nt" or pid <= 0:
        return os.name == "nt"  # no safe check on Windows: assume alive
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
