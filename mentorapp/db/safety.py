"""Safety copies: whole-file snapshots kept in a private folder beside the database.

A coordinator who deleted the wrong round last Tuesday needs last Monday's file, not an
export they never made. So Mentorapp copies the file once a day, when it quits, before a
restore and before a migration, into ``<stem>-safety-copies/`` (0o700, files 0o600), named
``<stem>-<YYYYmmdd-HHMMSS>-<reason>.db``. Rotation keeps the newest ``keep`` copies *of each
reason*, so ten quick quits never push out the daily copies or the copy made before a
restore. Copies are plain single files (rollback journal, no WAL) that any SQLite tool opens.

A copy is written as a hidden ``.<name>.XXXXXXXX.partial`` and renamed when complete, so a
process killed half-way leaves such a file behind, holding people's data. Only the lock
holder makes copies, so while this process holds the lock every partial one is stale:
``remove_stale_partials`` deletes them when the file is opened for writing and on erasure.
Mentorapp 0.1 kept its before-migration copy beside the database
(``<stem>.before-migration-<rev>-<YYYYmmdd-HHMMSS>.db``); those are listed here too, so they
are counted, restorable and deleted like the others.
"""

from __future__ import annotations

import builtins
import logging
import os
import platform
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mentorapp.db.files import (
    connect_existing,
    create_private_file,
    make_private_with_side_files,
    online_copy,
    private_folder,
)
from mentorapp.db.lock import DatabaseLock
from mentorapp.errors import MentorappError
from mentorapp.i18n import N_

REASONS = ("daily", "quit", "before-restore", "manual", "before-migration")
_STAMP = "%Y%m%d-%H%M%S"
_log = logging.getLogger(__name__)
# private_temporary's name, and the -wal/-shm/-journal SQLite gives it while the copy is made
_PARTIAL = r"\.partial(?:-wal|-shm|-journal)?"
_COUNTS = {
    "programmes": "SELECT COUNT(*) FROM programme",
    "cohorts": "SELECT COUNT(*) FROM cohort",
    "adepts": "SELECT COUNT(DISTINCT person_id) FROM enrolment WHERE role = 'adept'",
    "mentors": "SELECT COUNT(DISTINCT person_id) FROM enrolment WHERE role = 'mentor'",
}


class SafetyCopyError(MentorappError):
    """A safety copy could not be made or used; the database itself was not changed."""

    title = N_("Safety copy")


@dataclass(frozen=True)
class SafetyCopy:
    """One copy as the user chooses among them. Counts are None if the copy cannot be read."""

    path: Path
    made_at: datetime
    reason: str
    programmes: int | None = None
    cohorts: int | None = None
    adepts: int | None = None
    mentors: int | None = None
    revision: str | None = None

    @property
    def readable(self) -> bool:
        return self.programmes is not None


class SafetyCopies:
    def __init__(self, db_path: Path, keep: int = 10) -> None:
        self.db_path = Path(db_path)
        self.keep = max(1, keep)
        self.folder = self.db_path.with_name(f"{self.db_path.stem}-safety-copies")
        reasons = "|".join(re.escape(reason) for reason in REASONS)
        self._pattern = re.compile(
            rf"^{re.escape(self.db_path.stem)}-(\d{{8}}-\d{{6}})-({reasons})(?:-(\d+))?\.db$"
        )
        stem, suffix = re.escape(self.db_path.stem), re.escape(self.db_path.suffix)
        self._legacy = re.compile(rf"^{stem}\.before-migration-\w+-(\d{{8}}-\d{{6}}){suffix}$")
        # Beside the database only temporaries of the file itself or of a 0.1 migration copy:
        # other hidden partials there (a CSV export, a backup) belong to whoever writes them.
        name = re.escape(self.db_path.name)
        self._partial_beside = re.compile(
            rf"^\.(?:{name}|{stem}\.before-migration-[^/]*)\.[^.]+{_PARTIAL}$"
        )
        self._partial_inside = re.compile(rf"^\..+{_PARTIAL}$")

    def make(self, reason: str, now: datetime | None = None) -> Path:
        """Copy the database now; returns the copy's path. Older copies are rotated out."""
        if reason not in REASONS:
            raise ValueError(f"unknown reason: {reason!r}")
        stamp = (now or datetime.now()).strftime(_STAMP)
        try:
            private_folder(self.folder)
            target = self._free_name(stamp, reason)
            online_copy(self.db_path, target)
        except (OSError, sqlite3.Error) as exc:
            raise SafetyCopyError(
                N_(
                    "Mentorapp could not save a safety copy of {path} in {folder} ({detail}). "
                    "Check that the disk has free space and that the folder can be written."
                ),
                path=self.db_path,
                folder=self.folder,
                detail=str(exc),
            ) from exc
        self._rotate(reason, keep=target)
        _log.info("safety copy made: %s", target.name)
        return target

    def daily_if_needed(self, now: datetime | None = None) -> Path | None:
        """The day's first start makes a "daily" copy; later starts that day make none."""
        now = now or datetime.now()
        if not self.db_path.is_file() or self.db_path.stat().st_size == 0:
            return None
        for _path, made_at, reason in self._found():
            if reason == "daily" and made_at.date() == now.date():
                return None
        return self.make("daily", now=now)

    def list(self) -> list[SafetyCopy]:
        """Every copy, newest first, with what it holds (read without changing it)."""
        return [self._describe(path, made_at, reason) for path, made_at, reason in self._found()]

    # Below the method list(), the built-in list has to be named builtins.list.
    def older_than(self, cutoff: datetime) -> builtins.list[SafetyCopy]:
        """The copies made before ``cutoff``, newest first (described, for the user to see)."""
        return [
            self._describe(path, made_at, reason)
            for path, made_at, reason in self._found()
            if made_at < cutoff
        ]

    def delete(self, paths: Iterable[Path]) -> int:
        """Delete these copies (a missing one is skipped); returns how many went."""
        deleted = 0
        for path in paths:
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise SafetyCopyError(
                    N_(
                        "Mentorapp could not delete the safety copy {path} ({detail}). Check "
                        "that the folder can be written, then try again."
                    ),
                    path=path,
                    detail=exc.strerror or str(exc),
                ) from exc
            deleted += 1
        _log.info("%d safety copies of %s deleted", deleted, self.db_path.name)
        return deleted

    def partials(self) -> builtins.list[Path]:
        """Half-written copies: hidden ``.partial`` files in the folder and beside the file."""
        found = []
        for folder, pattern in (
            (self.folder, self._partial_inside),
            (self.db_path.parent, self._partial_beside),
        ):
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue
            found += [folder / n for n in names if pattern.match(n) and (folder / n).is_file()]
        return found

    def clean_partials(self) -> int:
        """Delete the half-written copies if this process holds the database's lock (then no
        live process is writing one); otherwise leave them. Returns how many were deleted."""
        if not held_by_this_process(self.db_path):
            return 0
        removed = 0
        for path in self.partials():
            try:
                path.unlink()
            except OSError:  # gone meanwhile, or not ours to delete: it is still counted
                continue
            removed += 1
        return removed

    def restore(self, copy_path: Path) -> Path | None:
        """Put the copy's content into the database file; returns the "before-restore" copy.

        The copy is checked first (a damaged, foreign or newer file is refused and nothing
        changes). Then the current file is copied, and the copy is written into the live file
        with the online backup API, as one transaction. Reopen the database afterwards.
        """
        from mentorapp.db.migrate import inspect_file  # migrate imports this module

        copy_path = Path(copy_path)
        state = inspect_file(copy_path)
        if not state.has_tables or not _intact(copy_path):
            raise SafetyCopyError(
                N_(
                    "“{path}” cannot be restored: it is empty or damaged. Nothing was changed. "
                    "Choose another safety copy."
                ),
                path=copy_path,
            )
        before = None
        if self.db_path.is_file() and self.db_path.stat().st_size > 0:
            before = self.make("before-restore")
        elif not self.db_path.exists():
            create_private_file(self.db_path)
        source = connect_existing(copy_path, read_only=True)
        try:
            live = connect_existing(self.db_path)
            try:
                live.execute("PRAGMA busy_timeout = 5000")
                source.backup(live)
            finally:
                live.close()
        except sqlite3.Error as exc:
            raise SafetyCopyError(
                N_(
                    "Mentorapp could not restore {path} ({detail}). The database was not "
                    "changed. Close other programs that use it and try again."
                ),
                path=copy_path,
                detail=str(exc),
            ) from exc
        finally:
            source.close()
        make_private_with_side_files(self.db_path)
        _log.info("%s restored from the safety copy %s", self.db_path.name, copy_path.name)
        return before

    def _free_name(self, stamp: str, reason: str) -> Path:
        """A name after every copy made in the same second, so the newest always sorts
        newest: reusing a gap that rotation left would make it the oldest, and delete it."""
        stem = self.db_path.stem
        taken = [
            number
            for path, made_at, kind, number in self._parsed()
            if kind == reason and path.parent == self.folder and made_at.strftime(_STAMP) == stamp
        ]
        if not taken:
            return self.folder / f"{stem}-{stamp}-{reason}.db"
        return self.folder / f"{stem}-{stamp}-{reason}-{max(taken) + 1}.db"

    def _parsed(self) -> builtins.list[tuple[Path, datetime, str, int]]:
        found = []
        for path in self.folder.iterdir() if self.folder.is_dir() else ():
            match = self._pattern.match(path.name)
            if match and path.is_file():
                made_at = _when(match.group(1))
                if made_at is not None:
                    found.append((path, made_at, match.group(2), int(match.group(3) or 1)))
        for path in self.db_path.parent.glob(f"{_glob_escape(self.db_path.stem)}.before-*"):
            match = self._legacy.match(path.name)
            made_at = _when(match.group(1)) if match else None
            if made_at is not None and path.is_file():
                found.append((path, made_at, "before-migration", 0))
        found.sort(key=lambda item: (item[1], item[3]), reverse=True)
        return found

    def _found(self) -> builtins.list[tuple[Path, datetime, str]]:
        return [(path, made_at, reason) for path, made_at, reason, _n in self._parsed()]

    def _rotate(self, reason: str, keep: Path) -> None:
        """The oldest go; the copy just made stays even if a clock set back sorts it oldest."""
        mine = [path for path, _at, kind in self._found() if kind == reason and path != keep]
        for old in mine[self.keep - 1 :]:
            old.unlink(missing_ok=True)

    @staticmethod
    def _describe(path: Path, made_at: datetime, reason: str) -> SafetyCopy:
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                counts = {k: connection.execute(q).fetchone()[0] for k, q in _COUNTS.items()}
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                connection.close()
        except sqlite3.Error:
            return SafetyCopy(path, made_at, reason)
        return SafetyCopy(path, made_at, reason, revision=row[0] if row else None, **counts)


def remove_stale_partials(db_path: Path) -> int:
    """Delete the half-written safety copies of ``db_path`` that a killed process left.

    Call it while holding the file's lock (opening for writing, erasing): it does nothing
    otherwise, since a partial file may then still be written. Returns how many went.
    """
    return SafetyCopies(db_path).clean_partials()


def held_by_this_process(db_path: Path) -> bool:
    """Whether the lock file names this very process: only the lock holder makes copies."""
    holder = DatabaseLock(db_path).holder()
    return holder is not None and holder.pid == os.getpid() and holder.host == platform.node()


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?[])", r"[\1]", text)


def _when(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp, _STAMP)
    except ValueError:  # 20271399-…: not a name Mentorapp wrote
        return None


def _intact(path: Path) -> bool:
    try:
        connection = connect_existing(path, read_only=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error:
        return False
