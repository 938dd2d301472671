"""The CSV backup: every table in a zip the coordinator can open in a spreadsheet, and restore.

A backup is one CSV per table (rows by primary key, dialect in ``backup_csv``) and a
``manifest.json`` naming each file's table, columns, row count and SHA-256. Restoring checks
*everything* first — the zip, the manifest, the schema revision, the exact set of files,
every checksum, every header and every value, its type and its meaning — within limits on
size and count that no real programme comes near (``backup_checks``), and only then replaces
the tables in one transaction, keeping primary keys. A refused backup writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

import mentorapp.domain.models  # noqa: F401 - registers every table in SQLModel.metadata
from mentorapp import __version__
from mentorapp.dataio import backup_csv as dialect
from mentorapp.db.engine import Database
from mentorapp.db.files import private_temporary, refuse_programme_file
from mentorapp.db.migrate import schema_revision
from mentorapp.errors import MentorappError, move_into_place
from mentorapp.i18n import N_

_log = logging.getLogger(__name__)

FORMAT = "mentorapp-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DELIMITERS = (",", ";")


class BackupFailed(MentorappError):
    title = N_("The backup could not be saved")


class BackupRefused(MentorappError):
    """The backup cannot be restored as it is; nothing was written."""

    title = N_("This backup cannot be restored")


class RestoreNeedsConfirmation(MentorappError):
    """The database holds data that a restore would replace; ask before replacing it."""

    title = N_("Replace what is in the file?")


@dataclass(frozen=True)
class BackupFile:
    name: str
    table: str
    columns: tuple[str, ...]
    rows: int
    sha256: str


@dataclass(frozen=True)
class BackupManifest:
    app_version: str
    schema_revision: str
    created_at: str
    delimiter: str
    files: tuple[BackupFile, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at,
            "delimiter": self.delimiter,
            "encoding": "utf-8 with BOM",
            "values": 'NULL: empty field; text: always quoted ("" is empty text); '
            "booleans: 1/0; dates: ISO 8601; binary: base64",
            "files": [{**f.__dict__, "columns": list(f.columns)} for f in self.files],
        }


@dataclass(frozen=True)
class BackupContents:
    """A backup read and checked in full, ready to write."""

    manifest: BackupManifest
    rows: dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class RestoreReport:
    manifest: BackupManifest
    rows: dict[str, int]
    safety_copy: Path | None = None  # the copy made before replacing existing data
    replaced: dict[str, int] = field(default_factory=dict)  # rows there were before

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


class BackupService:
    """What a front end calls for backups of the open database and its safety copies."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self.safety_copies = database.safety_copies()

    def export(self, path: Path, delimiter: str = ",") -> BackupManifest:
        return export_backup(self._db, path, delimiter)

    def read(self, path: Path) -> BackupContents:
        """Check a backup completely (to show what it holds) without writing anything."""
        return read_backup(path)

    def restore(
        self, source: Path | BackupContents, replace_existing: bool = False
    ) -> RestoreReport:
        return restore_backup(self._db, source, replace_existing)

    def row_counts(self) -> dict[str, int]:
        return row_counts(self._db)


def backup_tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name != "alembic_version"]


def export_backup(database: Database, path: Path, delimiter: str = ",") -> BackupManifest:
    """Write the zip to ``path`` (beside it first, then moved into place)."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {DELIMITERS}")
    path = Path(path)
    refuse_programme_file(path)
    created = datetime.now().astimezone()
    contents: list[tuple[BackupFile, bytes]] = []
    with database.reading() as session:
        connection = session.connection()  # one read transaction: one consistent snapshot
        for table in backup_tables():
            kinds = [dialect.kind(column) for column in table.columns]
            lines = [dialect.format_line([c.name for c in table.columns], delimiter)]
            query = select(table).order_by(*table.primary_key.columns)
            for row in connection.execute(query):
                cells = [dialect.encode(v, k) for v, k in zip(row, kinds, strict=True)]
                lines.append(dialect.format_line(cells, delimiter))
            data = (dialect.BOM + "".join(lines)).encode("utf-8")
            name = f"{table.name}.csv"
            columns = tuple(c.name for c in table.columns)
            digest = hashlib.sha256(data).hexdigest()
            contents.append((BackupFile(name, table.name, columns, len(lines) - 1, digest), data))
    manifest = BackupManifest(
        app_version=__version__,
        schema_revision=schema_revision(database),
        created_at=created.isoformat(timespec="seconds"),
        delimiter=delimiter,
        files=tuple(entry for entry, _data in contents),
    )
    manifest_bytes = json.dumps(manifest.as_json(), indent=2, ensure_ascii=False).encode()
    try:
        temporary = private_temporary(path.parent, path.name)
        try:
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
                stamp = created.timetuple()[:6]
                for name, data in [(f.name, d) for f, d in contents] + [(MANIFEST, manifest_bytes)]:
                    info = zipfile.ZipInfo(name, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, data)
            with temporary.open("rb+") as written:
                os.fsync(written.fileno())
            move_into_place(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise BackupFailed(
            N_("Mentorapp could not write {path} ({detail}). Choose another folder and try again."),
            path=path,
            detail=exc.strerror or str(exc),
        ) from exc
    rows, revision = sum(entry.rows for entry in manifest.files), manifest.schema_revision
    _log.info("backup written: %d tables, %d rows, schema %s", len(contents), rows, revision)
    return manifest


def restore_backup(
    database: Database, source: Path | BackupContents, replace_existing: bool = False
) -> RestoreReport:
    """Replace the database's content with the backup's, or refuse and write nothing.

    A database that holds data is only replaced with ``replace_existing``, and then a
    "before-restore" safety copy is made first.
    """
    contents = source if isinstance(source, BackupContents) else read_backup(Path(source))
    held = row_counts(database)
    if any(held.values()) and not replace_existing:
        raise _needs_confirmation(database, held)
    copy = database.safety_copies().make("before-restore") if any(held.values()) else None
    tables = backup_tables()
    try:
        with database.transaction() as session:
            connection = session.connection()
            if not replace_existing and any(_counts(connection).values()):
                raise _needs_confirmation(database, _counts(connection))
            database.defer_foreign_keys(connection)  # checked once all rows are in, at commit
            for table in reversed(tables):
                connection.execute(table.delete())
            for table in tables:
                if contents.rows[table.name]:
                    connection.execute(table.insert(), contents.rows[table.name])
    except IntegrityError as exc:
        raise BackupRefused(
            N_(
                "The rows of the backup do not fit together ({detail}), so nothing was "
                "restored. Use another backup."
            ),
            detail=dialect.excerpt(exc.orig),
        ) from exc
    rows = {name: len(values) for name, values in contents.rows.items()}
    _log.info(
        "backup restored: %d rows in %d tables replaced %d rows (safety copy first: %s)",
        sum(rows.values()),
        len(rows),
        sum(held.values()),
        copy is not None,
    )
    return RestoreReport(contents.manifest, rows, copy, held)


def row_counts(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return _counts(session.connection())


def _counts(connection: Connection) -> dict[str, int]:
    query = select(func.count())
    return {t.name: connection.execute(query.select_from(t)).scalar_one() for t in backup_tables()}


def _needs_confirmation(database: Database, held: dict[str, int]) -> RestoreNeedsConfirmation:
    return RestoreNeedsConfirmation(
        N_(
            "“{path}” already holds data (programmes: {programmes}, rounds: {cohorts}, "
            "people: {people}). Restoring the backup replaces all of it; a safety copy is "
            "saved first. Choose to replace it, or restore into a new file."
        ),
        path=database.location,
        programmes=held.get("programme", 0),
        cohorts=held.get("cohort", 0),
        people=held.get("person", 0),
    )


def read_backup(path: Path) -> BackupContents:
    """Read and check the whole backup; raises BackupRefused naming the first problem."""
    from mentorapp.dataio.backup_checks import check_backup

    return check_backup(path)
