"""Reading a backup zip and checking all of it before a single row is written.

Each refusal names what is wrong (the file, the columns, the row) and what to do, so the
coordinator is never left wondering whether half a backup went in: none of it did. Whatever
a refusal quotes from the backup (a name, a header, a value) is cut to a short excerpt.

The zip as a container (its size, entries and names, bounded reading) is checked by
``backup_archive`` first; this module reads the manifest and every table's rows, decoded and
checked against the rules of their values (``backup_rules``).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Table

from mentorapp.dataio import backup_archive as bounds
from mentorapp.dataio import backup_csv as dialect
from mentorapp.dataio import backup_rules
from mentorapp.dataio.backup_archive import (
    BoundedReader,
    check_directory,
    check_entries,
    megabytes,
    refuse,
)
from mentorapp.dataio.backup_csv import excerpt
from mentorapp.dataio.backup_zip import (
    DELIMITERS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    BackupContents,
    BackupFile,
    BackupManifest,
    backup_tables,
)
from mentorapp.db.migrate import head_revision, known_revisions
from mentorapp.i18n import N_, format_number


def check_backup(path: Path) -> BackupContents:
    path = Path(path)
    if not path.is_file():
        refuse(N_("There is no backup at {path}. Check the file's name and folder."), path)
    if path.stat().st_size > bounds.MAX_TOTAL_BYTES:
        refuse(
            N_(
                "“{path}” is larger than any Mentorapp backup can be ({limit} MB at most). "
                "Nothing was restored. Choose the .zip file that Mentorapp exported."
            ),
            path,
            limit=megabytes(bounds.MAX_TOTAL_BYTES),
        )
    try:
        check_directory(path)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        _damaged(path, exc)
    with archive:
        try:
            return _check(path, archive)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
            _damaged(path, exc)  # RuntimeError: also NotImplementedError and RecursionError


def _damaged(path: Path, exc: BaseException) -> NoReturn:
    refuse(
        N_(
            "“{path}” is not a Mentorapp backup, or it is damaged ({detail}). Nothing was "
            "restored. Choose the .zip file that Mentorapp exported, or another backup."
        ),
        path,
        detail=excerpt(str(exc) or type(exc).__name__),
    )


def _check(path: Path, archive: zipfile.ZipFile) -> BackupContents:
    check_entries(path, archive.infolist())
    names = archive.namelist()
    if MANIFEST not in names:
        refuse(
            N_(
                "“{path}” has no manifest.json, so it is not a Mentorapp backup. Nothing was "
                "restored. Choose the .zip file that Mentorapp exported."
            ),
            path,
        )
    reader = BoundedReader(path, archive)
    manifest = _manifest(path, reader.read(MANIFEST, bounds.MAX_MANIFEST_BYTES, counted=True))
    _check_revision(path, manifest.schema_revision)
    listed = [entry.name for entry in manifest.files]
    present = [name for name in names if name != MANIFEST]
    for name in sorted(set(listed) - set(present)):
        refuse(
            N_(
                "The backup “{path}” lacks the file {name}, which its manifest lists. Nothing "
                "was restored. The backup is incomplete: use another one."
            ),
            path,
            name=excerpt(name),
        )
    for name in sorted(set(present) - set(listed)) + _duplicates(listed):
        refuse(
            N_(
                "The backup “{path}” holds a file its manifest does not list: {name}. Nothing "
                "was restored. Use the backup as Mentorapp wrote it."
            ),
            path,
            name=excerpt(name),
        )
    tables = {table.name: table for table in backup_tables()}
    in_backup = [entry.table for entry in manifest.files]
    for name in sorted(set(in_backup) - set(tables)) + sorted(set(tables) - set(in_backup)):
        refuse(
            N_(
                "The backup “{path}” does not hold the same tables as this version of "
                "Mentorapp (the table {name} differs). Nothing was restored."
            ),
            path,
            name=excerpt(name),
        )
    for entry in manifest.files:
        if entry.name != f"{entry.table}.csv":
            refuse(
                N_(
                    "The manifest of “{path}” names the file of the table {table} “{name}” "
                    "instead of {expected}. Nothing was restored. Use the backup as Mentorapp "
                    "wrote it."
                ),
                path,
                table=entry.table,
                name=excerpt(entry.name),
                expected=f"{entry.table}.csv",
            )
    promised = sum(entry.rows for entry in manifest.files)
    if promised > bounds.MAX_ROWS:
        refuse(
            N_(
                "The manifest of “{path}” promises {count} rows, more rows than a Mentorapp "
                "backup can hold ({limit} at most). Nothing was restored. Use another backup."
            ),
            path,
            count=format_number(promised),
            limit=format_number(bounds.MAX_ROWS),
        )
    for entry in manifest.files:  # every checksum, before any file is kept or parsed
        if reader.digest(entry.name) != entry.sha256:
            _checksum(path, entry.name)
    rows = {}
    for entry in manifest.files:
        data = reader.read(entry.name)
        if hashlib.sha256(data).hexdigest() != entry.sha256:  # changed since the first pass
            _checksum(path, entry.name)
        text = _decoded(path, entry, data)
        del data  # hold one copy of the file at a time
        rows[entry.table] = _rows(path, entry, text, tables[entry.table], manifest.delimiter)
    return BackupContents(manifest, rows)


def _checksum(path: Path, name: str) -> NoReturn:
    refuse(
        N_(
            "The file {name} in “{path}” is damaged or was changed after the backup "
            "was made (its checksum does not match). Nothing was restored. Use "
            "another backup."
        ),
        path,
        name=name,
    )


def _duplicates(names: list[str]) -> list[str]:
    seen: set[str] = set()
    twice: set[str] = set()
    for name in names:
        (twice if name in seen else seen).add(name)
    return sorted(twice)


def _manifest(path: Path, data: bytes | bytearray) -> BackupManifest:
    try:
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a Mentorapp backup manifest")
        if raw.get("format") != FORMAT or not _is_int(raw.get("format_version")):
            raise ValueError("not a Mentorapp backup manifest")
        if raw["format_version"] > FORMAT_VERSION:
            _newer(path, _text(raw.get("schema_revision", "?")))
        if raw["delimiter"] not in DELIMITERS:
            raise ValueError(f"unknown delimiter {raw['delimiter']!r}")
        if not isinstance(raw["files"], list):
            raise ValueError("the list of files is missing")
        files = tuple(
            BackupFile(
                name=_text(item["name"]),
                table=_text(item["table"]),
                columns=tuple(_text(column) for column in _list(item["columns"])),
                rows=_count(item["rows"]),
                sha256=_text(item["sha256"]),
            )
            for item in raw["files"]
        )
        created_at = _text(raw["created_at"])
        datetime.fromisoformat(created_at)
        version = _text(raw["app_version"])
        if len(version) > 40:
            raise ValueError(f"app_version {version!r} is not a version")
        return BackupManifest(
            app_version=version,
            schema_revision=_text(raw["schema_revision"]),
            created_at=created_at,
            delimiter=raw["delimiter"],
            files=files,
        )
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        refuse(
            N_(
                "The manifest of “{path}” cannot be read ({detail}). Nothing was restored. "
                "Use the backup as Mentorapp wrote it, or another backup."
            ),
            path,
            detail=excerpt(exc),
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{value!r} is not a number of rows")
    return value


def _list(value: object) -> list:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {value!r}")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _newer(path: Path, revision: str) -> NoReturn:
    refuse(
        N_(
            "“{path}” was made by a newer Mentorapp (schema {revision}). Nothing was restored. "
            "Install the latest Mentorapp to restore it."
        ),
        path,
        revision=excerpt(revision),
    )


def _check_revision(path: Path, revision: str) -> None:
    if revision in known_revisions():
        return
    if re.fullmatch(r"[0-9]{4}", revision) and revision > head_revision():
        _newer(path, revision)
    refuse(
        N_(
            "“{path}” names a database schema that Mentorapp does not know ({revision}). "
            "Nothing was restored. Use the backup as Mentorapp wrote it."
        ),
        path,
        revision=excerpt(revision),
    )


def _listing(names: list[str]) -> str:
    return excerpt(", ".join(excerpt(name, 40) for name in names)) or "–"


def _unreadable(path: Path, name: str, detail: str) -> NoReturn:
    refuse(
        N_("The file {name} in “{path}” cannot be read: {detail}. Nothing was restored."),
        path,
        name=name,
        detail=detail,
    )


def _decoded(path: Path, entry: BackupFile, data: bytes | bytearray) -> str:
    """The text without its BOM: a U+FEFF would make Python store every character in two
    bytes, so the BOM is skipped before decoding (through a view, not a copy)."""
    start = len(dialect.BOM.encode()) if data.startswith(dialect.BOM.encode()) else 0
    try:
        return str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError as exc:
        _unreadable(path, entry.name, excerpt(exc))


def _rows(
    path: Path, entry: BackupFile, text: str, table: Table, delimiter: str
) -> list[dict[str, Any]]:
    name = entry.name
    columns = list(table.columns)
    expected = [column.name for column in columns]
    try:
        lines = dialect.iter_rows(text, delimiter, max_fields=bounds.HEADER_FIELDS)
        first = next(lines, [])
        header = [field.value for field in first]
        if header != expected or tuple(header) != entry.columns:
            refuse(
                N_(
                    "The file {name} in “{path}” does not have the columns this version of "
                    "Mentorapp expects (unexpected: {unexpected}; missing: {missing}). Nothing "
                    "was restored. The backup was made by another version of Mentorapp, or was "
                    "changed."
                ),
                path,
                name=name,
                unexpected=_listing([c for c in header if c not in expected]),
                missing=_listing([c for c in expected if c not in header]),
            )
        lines = dialect.iter_rows(text, delimiter, max_fields=len(columns))
        next(lines, None)
        return _records(path, entry, table, lines)
    except dialect.CsvProblem as problem:
        _unreadable(path, name, problem.user_message())


def _records(
    path: Path, entry: BackupFile, table: Table, lines: Iterator[list[dialect.Field]]
) -> list[dict[str, Any]]:
    """Decode and check each row; past the manifest's count the rows are only counted."""
    name = entry.name
    columns = list(table.columns)
    kinds = [(column.name, dialect.kind(column), bool(column.nullable)) for column in columns]
    checks = backup_rules.column_checks(table.name, [column.name for column in columns])
    records = []
    found = 0
    for number, row in enumerate(lines, start=2):
        found += 1
        if found > entry.rows:
            continue  # too many rows: count the rest for the message, keep none of them
        if len(row) != len(columns):
            refuse(
                N_(
                    "Row {row} of {name} in “{path}” has {found} fields instead of "
                    "{expected}. Nothing was restored."
                ),
                path,
                row=number,
                name=name,
                found=len(row),
                expected=len(columns),
            )
        record = {}
        column_name = ""
        try:
            for (column_name, kind, nullable), field in zip(kinds, row, strict=True):
                record[column_name] = dialect.decode(field, kind, nullable)
            for column_name, check in checks:
                check(record[column_name])
            problem = backup_rules.row_problem(table.name, record)
            if problem is not None:
                column_name, error = problem
                raise error
        except dialect.CsvProblem as problem:
            refuse(
                N_(
                    "Row {row} of {name} in “{path}”, column {column}: {detail}. Nothing "
                    "was restored."
                ),
                path,
                row=number,
                name=name,
                column=column_name,
                detail=problem.user_message(),
            )
        records.append(record)
    if found != entry.rows:
        refuse(
            N_(
                "The file {name} in “{path}” holds {found} rows, but its manifest says "
                "{expected}. Nothing was restored. Use another backup."
            ),
            path,
            name=name,
            found=found,
            expected=entry.rows,
        )
    return records
