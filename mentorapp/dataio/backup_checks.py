"""Reading a backup zip and checking all of it before a single row is written.

Each refusal names what is wrong (the file, the columns, the row) and what to do, so the
coordinator is never left wondering whether half a backup went in: none of it did.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Table

from mentorapp.dataio import backup_csv as dialect
from mentorapp.dataio.backup_zip import (
    _MAX_FILE_BYTES,
    DELIMITERS,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    BackupContents,
    BackupFile,
    BackupManifest,
    BackupRefused,
    backup_tables,
)
from mentorapp.db.migrate import head_revision, known_revisions
from mentorapp.i18n import N_


def _refuse(template: str, path: Path, **params: Any) -> NoReturn:
    raise BackupRefused(template, path=path, **params)


def check_backup(path: Path) -> BackupContents:
    path = Path(path)
    if not path.is_file():
        _refuse(N_("There is no backup at {path}. Check the file's name and folder."), path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        _damaged(path, exc)
    with archive:
        try:
            return _check(path, archive)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
            _damaged(path, exc)


def _damaged(path: Path, exc: BaseException) -> NoReturn:
    _refuse(
        N_(
            "“{path}” is not a Mentorapp backup, or it is damaged ({detail}). Nothing was "
            "restored. Choose the .zip file that Mentorapp exported, or another backup."
        ),
        path,
        detail=str(exc) or type(exc).__name__,
    )


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > _MAX_FILE_BYTES:
        raise zipfile.BadZipFile(f"{name} is too large")
    return archive.read(name)


def _check(path: Path, archive: zipfile.ZipFile) -> BackupContents:
    names = archive.namelist()
    if MANIFEST not in names:
        _refuse(
            N_(
                "“{path}” has no manifest.json, so it is not a Mentorapp backup. Nothing was "
                "restored. Choose the .zip file that Mentorapp exported."
            ),
            path,
        )
    manifest = _manifest(path, _read(archive, MANIFEST))
    _check_revision(path, manifest.schema_revision)
    listed = [entry.name for entry in manifest.files]
    present = [name for name in names if name != MANIFEST]
    for name in sorted(set(listed) - set(present)):
        _refuse(
            N_(
                "The backup “{path}” lacks the file {name}, which its manifest lists. Nothing "
                "was restored. The backup is incomplete: use another one."
            ),
            path,
            name=name,
        )
    for name in sorted(set(present) - set(listed)) + _duplicates(present) + _duplicates(listed):
        _refuse(
            N_(
                "The backup “{path}” holds a file its manifest does not list: {name}. Nothing "
                "was restored. Use the backup as Mentorapp wrote it."
            ),
            path,
            name=name,
        )
    tables = {table.name: table for table in backup_tables()}
    in_backup = [entry.table for entry in manifest.files]
    for name in sorted(set(tables) - set(in_backup)) + sorted(set(in_backup) - set(tables)):
        _refuse(
            N_(
                "The backup “{path}” does not hold the same tables as this version of "
                "Mentorapp (the table {name} differs). Nothing was restored."
            ),
            path,
            name=name,
        )
    rows = {}
    for entry in manifest.files:
        data = _read(archive, entry.name)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            _refuse(
                N_(
                    "The file {name} in “{path}” is damaged or was changed after the backup "
                    "was made (its checksum does not match). Nothing was restored. Use "
                    "another backup."
                ),
                path,
                name=entry.name,
            )
        rows[entry.table] = _rows(path, entry, data, tables[entry.table], manifest.delimiter)
    return BackupContents(manifest, rows)


def _duplicates(names: list[str]) -> list[str]:
    return sorted({name for name in names if names.count(name) > 1})


def _manifest(path: Path, data: bytes) -> BackupManifest:
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw.get("format") != FORMAT or not isinstance(raw.get("format_version"), int):
            raise ValueError("not a Mentorapp backup manifest")
        if raw["format_version"] > FORMAT_VERSION:
            _newer(path, str(raw.get("schema_revision", "?")))
        if raw["delimiter"] not in DELIMITERS:
            raise ValueError(f"unknown delimiter {raw['delimiter']!r}")
        files = tuple(
            BackupFile(
                name=_text(item["name"]),
                table=_text(item["table"]),
                columns=tuple(_text(column) for column in item["columns"]),
                rows=int(item["rows"]),
                sha256=_text(item["sha256"]),
            )
            for item in raw["files"]
        )
        return BackupManifest(
            app_version=_text(raw["app_version"]),
            schema_revision=_text(raw["schema_revision"]),
            created_at=_text(raw["created_at"]),
            delimiter=raw["delimiter"],
            files=files,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        _refuse(
            N_(
                "The manifest of “{path}” cannot be read ({detail}). Nothing was restored. "
                "Use the backup as Mentorapp wrote it, or another backup."
            ),
            path,
            detail=str(exc),
        )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _newer(path: Path, revision: str) -> NoReturn:
    _refuse(
        N_(
            "“{path}” was made by a newer Mentorapp (schema {revision}). Nothing was restored. "
            "Install the latest Mentorapp to restore it."
        ),
        path,
        revision=revision,
    )


def _check_revision(path: Path, revision: str) -> None:
    if revision in known_revisions():
        return
    if re.fullmatch(r"[0-9]{4}", revision) and revision > head_revision():
        _newer(path, revision)
    _refuse(
        N_(
            "“{path}” names a database schema that Mentorapp does not know ({revision}). "
            "Nothing was restored. Use the backup as Mentorapp wrote it."
        ),
        path,
        revision=revision,
    )


def _rows(
    path: Path, entry: BackupFile, data: bytes, table: Table, delimiter: str
) -> list[dict[str, Any]]:
    name = entry.name
    try:
        parsed = dialect.parse(data.decode("utf-8"), delimiter)
    except (UnicodeDecodeError, dialect.CsvProblem) as exc:
        detail = exc.user_message() if isinstance(exc, dialect.CsvProblem) else str(exc)
        _refuse(
            N_("The file {name} in “{path}” cannot be read: {detail}. Nothing was restored."),
            path,
            name=name,
            detail=detail,
        )
    header = [field.value for field in parsed[0]] if parsed else []
    columns = list(table.columns)
    expected = [column.name for column in columns]
    if header != expected or tuple(header) != entry.columns:
        _refuse(
            N_(
                "The file {name} in “{path}” does not have the columns this version of "
                "Mentorapp expects (unexpected: {unexpected}; missing: {missing}). Nothing was "
                "restored. The backup was made by another version of Mentorapp, or was changed."
            ),
            path,
            name=name,
            unexpected=", ".join(c for c in header if c not in expected) or "–",
            missing=", ".join(c for c in expected if c not in header) or "–",
        )
    body = parsed[1:]
    if len(body) != entry.rows:
        _refuse(
            N_(
                "The file {name} in “{path}” holds {found} rows, but its manifest says "
                "{expected}. Nothing was restored. Use another backup."
            ),
            path,
            name=name,
            found=len(body),
            expected=entry.rows,
        )
    kinds = [(column, dialect.kind(column)) for column in columns]
    records = []
    for number, row in enumerate(body, start=2):
        if len(row) != len(columns):
            _refuse(
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
        for (column, kind), field in zip(kinds, row, strict=True):
            try:
                record[column.name] = dialect.decode(field, kind, bool(column.nullable))
            except dialect.CsvProblem as problem:
                _refuse(
                    N_(
                        "Row {row} of {name} in “{path}”, column {column}: {detail}. Nothing "
                        "was restored."
                    ),
                    path,
                    row=number,
                    name=name,
                    column=column.name,
                    detail=problem.user_message(),
                )
        records.append(record)
    return records
