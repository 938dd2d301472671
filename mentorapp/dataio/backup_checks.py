"""Reading a backup zip and checking all of it before a single row is written.

Each refusal names what is wrong (the file, the columns, the row) and what to do, so the
coordinator is never left wondering whether half a backup went in: none of it did. Whatever
a refusal quotes from the backup (a name, a header, a value) is cut to a short excerpt.

A backup may come from anywhere, so reading it is bounded before it starts. The limits are a
large programme with ample room, not what a machine could survive:

* 10,000 people is a big programme. Measured (``tests/benchmarks/bench_backup_bomb.py``):
  10,000 adepts with one application, four status steps and five confirmed criteria each
  give 111,000 rows and 5.3 MB of CSV, the largest file 1.9 MB. Allowing generously for
  three applications a person over the years and long free text: ``person`` 10,000 × 1 KB
  = 10 MB, ``statuschange`` and ``eligibilitycheck`` 10,000 × 3 × 6 rows × 40–100 bytes ≈
  10 MB each, and ``programme`` with its logo (at most 5 MB, 6.7 MB as base64).
* So one file may unpack to at most ``MAX_FILE_BYTES`` = 32 MB (three times that largest
  table) and all of them together to ``MAX_TOTAL_BYTES`` = 128 MB; the zip file itself may
  not be larger than that either. The manifest is a few KB: at most 1 MB.
* Such a programme has about 400,000 rows in all; a backup may hold ``MAX_ROWS`` = 1,000,000,
  which also bounds the memory the decoded rows take (a few hundred MB at the very most;
  the measured 111,000 rows take 70 MB).
* A backup has one entry per table and the manifest (14 today): at most ``MAX_ENTRIES`` = 64,
  and the zip's table of contents (its central directory) at most 64 KB. Both are read from
  the zip's last bytes before ``zipfile`` opens it, because ``zipfile`` builds an object for
  every entry of the directory as it opens, and a small file can list a million of them.

The declared sizes in the zip's directory are checked first, before anything is unpacked,
and then every file is *streamed*: its bytes are counted as they come, a chunk at a time, and
reading stops as soon as a limit is passed, so a header that lies cannot make Mentorapp unpack
more. The first pass only counts and hashes (no file is kept in memory); the files are parsed
only after every checksum matched. Only stored and deflated entries are read: deflate is
unpacked in bounded steps, while Python unpacks bzip2 and LZMA a whole compressed chunk at a
time, which a bomb can make gigabytes. A limit on the compression ratio is not needed on top:
the absolute limits already bound the time (unpacking 128 MB takes well under a second) and
the memory, and a ratio rule would refuse real, very repetitive tables.

Within the limits, each row is read as a stream with at most as many fields as the table has
columns, decoded and checked against the rules of its values (``backup_rules``).
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any, NoReturn

from sqlalchemy import Table

from mentorapp.dataio import backup_csv as dialect
from mentorapp.dataio import backup_rules
from mentorapp.dataio.backup_csv import excerpt
from mentorapp.dataio.backup_zip import (
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
from mentorapp.i18n import N_, format_number

MAX_ENTRIES = 64
MAX_DIRECTORY_BYTES = 64_000  # the zip's table of contents: 64 entries of up to 1 KB each
MAX_MANIFEST_BYTES = 1_000_000
MAX_FILE_BYTES = 32_000_000
MAX_TOTAL_BYTES = 128_000_000
MAX_ROWS = 1_000_000
CHUNK_BYTES = 1 << 16
HEADER_FIELDS = 1000  # enough to name a wrong header's columns, not a million of them
PACKINGS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_END_RECORD = struct.Struct("<4s4H2LH")  # the zip's "end of central directory" record
_PLAIN_NAME = re.compile(r"[^/\\:\x00-\x1f]+")


class TooLarge(Exception):
    """A stream gave more bytes than its limit; raised as soon as the first one too many came."""


def read_bounded(stream: IO[bytes], limit: int) -> Iterator[bytes]:
    """The stream's bytes a chunk at a time, counted; TooLarge once more than ``limit`` came."""
    taken = 0
    while chunk := stream.read(CHUNK_BYTES):
        taken += len(chunk)
        if taken > limit:
            raise TooLarge(limit)
        yield chunk


def _refuse(template: str, path: Path, **params: Any) -> NoReturn:
    raise BackupRefused(template, path=path, **params)


def _megabytes(size: int) -> str:
    return format_number(size / 1_000_000)


def check_backup(path: Path) -> BackupContents:
    path = Path(path)
    if not path.is_file():
        _refuse(N_("There is no backup at {path}. Check the file's name and folder."), path)
    if path.stat().st_size > MAX_TOTAL_BYTES:
        _refuse(
            N_(
                "“{path}” is larger than any Mentorapp backup can be ({limit} MB at most). "
                "Nothing was restored. Choose the .zip file that Mentorapp exported."
            ),
            path,
            limit=_megabytes(MAX_TOTAL_BYTES),
        )
    try:
        _check_directory(path)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        _damaged(path, exc)
    with archive:
        try:
            return _check(path, archive)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
            _damaged(path, exc)  # RuntimeError: also NotImplementedError and RecursionError


def _damaged(path: Path, exc: BaseException) -> NoReturn:
    _refuse(
        N_(
            "“{path}” is not a Mentorapp backup, or it is damaged ({detail}). Nothing was "
            "restored. Choose the .zip file that Mentorapp exported, or another backup."
        ),
        path,
        detail=excerpt(str(exc) or type(exc).__name__),
    )


def _check_directory(path: Path) -> None:
    """Refuse a zip whose table of contents is too long, from its end record alone.

    A file without an end record is left for ``zipfile`` to call damaged.
    """
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - _END_RECORD.size - 0xFFFF))  # the record, then a comment
        tail = handle.read()
    position = tail.rfind(b"PK\x05\x06")
    if position < 0 or len(tail) - position < _END_RECORD.size:
        return
    fields = _END_RECORD.unpack_from(tail, position)
    count, directory = fields[4], fields[5]
    if count > MAX_ENTRIES:  # 0xFFFF, "see the zip64 record", is more than enough to refuse
        _too_many(path, count)
    if directory > MAX_DIRECTORY_BYTES:
        raise zipfile.BadZipFile(f"a table of contents of {directory:,} bytes for {count} files")


def _too_many(path: Path, count: int) -> NoReturn:
    _refuse(
        N_(
            "“{path}” holds {count} files, far more than a Mentorapp backup ({limit} at "
            "most). Nothing was restored. Use the backup as Mentorapp wrote it."
        ),
        path,
        count=count,
        limit=MAX_ENTRIES,
    )


def _check_entries(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip by its directory alone: too many entries, odd names, links, encryption,
    other packings, declared sizes above the limits. Nothing is unpacked yet."""
    if len(infos) > MAX_ENTRIES:
        _too_many(path, len(infos))
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if not _PLAIN_NAME.fullmatch(name) or name in (".", "..") or name.startswith("."):
            _refuse(
                N_(
                    "The backup “{path}” holds an entry with a folder or unusual name ({name}), "
                    "which Mentorapp never writes. Nothing was restored. Use the backup as "
                    "Mentorapp wrote it."
                ),
                path,
                name=excerpt(name),
            )
        if name in seen:
            _refuse(
                N_(
                    "The backup “{path}” holds the file {name} twice. Nothing was restored. "
                    "Use the backup as Mentorapp wrote it."
                ),
                path,
                name=excerpt(name),
            )
        seen.add(name)
        kind = stat.S_IFMT(info.external_attr >> 16)  # 0: no type given (Windows, zipfile)
        if info.is_dir() or kind not in (0, stat.S_IFREG):
            _refuse(
                N_(
                    "The entry {name} in “{path}” is not a plain file (it is a link or a "
                    "folder). Nothing was restored. Use the backup as Mentorapp wrote it."
                ),
                path,
                name=excerpt(name),
            )
        if info.flag_bits & 0x1:
            _refuse(
                N_(
                    "The file {name} in “{path}” is encrypted, and Mentorapp never encrypts "
                    "the files of a backup. Nothing was restored. Use the backup as Mentorapp "
                    "wrote it."
                ),
                path,
                name=excerpt(name),
            )
        if info.compress_type not in PACKINGS:
            _refuse(
                N_(
                    "The file {name} in “{path}” is packed in a way Mentorapp does not read "
                    "(method {method}). Nothing was restored. Use the backup as Mentorapp "
                    "wrote it, or pack its files again as an ordinary zip."
                ),
                path,
                name=excerpt(name),
                method=info.compress_type,
            )
        limit = MAX_MANIFEST_BYTES if name == MANIFEST else MAX_FILE_BYTES
        if info.file_size > limit:
            _too_large(path, name, limit)
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        _too_much(path)


def _too_large(path: Path, name: str, limit: int) -> NoReturn:
    _refuse(
        N_(
            "The file {name} in “{path}” unpacks to more than {limit} MB, far more than a "
            "programme's data, so it was not read. Nothing was restored. Use another backup."
        ),
        path,
        name=excerpt(name),
        limit=_megabytes(limit),
    )


def _too_much(path: Path) -> NoReturn:
    _refuse(
        N_(
            "The files in “{path}” unpack to more than {limit} MB together, far more than a "
            "programme's data, so they were not read. Nothing was restored. Use another backup."
        ),
        path,
        limit=_megabytes(MAX_TOTAL_BYTES),
    )


class _Reader:
    """Reads entries a chunk at a time within the per-file limit and a budget for the zip."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path, self.archive = path, archive
        self.left = MAX_TOTAL_BYTES  # what the first reading of every entry may still unpack

    def chunks(self, name: str, limit: int, counted: bool) -> Iterator[bytes]:
        allowed = min(limit, self.left) if counted else limit
        try:
            with self.archive.open(name) as stream:
                for chunk in read_bounded(stream, allowed):
                    if counted:
                        self.left -= len(chunk)
                    yield chunk
        except TooLarge:
            if allowed < limit:
                _too_much(self.path)
            _too_large(self.path, name, limit)

    def digest(self, name: str) -> str:
        """The SHA-256 of an entry, read once and not kept."""
        digest = hashlib.sha256()
        for chunk in self.chunks(name, MAX_FILE_BYTES, counted=True):
            digest.update(chunk)
        return digest.hexdigest()

    def read(self, name: str, limit: int | None = None, counted: bool = False) -> bytearray:
        """The whole entry, grown in place (a join would hold it twice for a moment)."""
        data = bytearray()
        for chunk in self.chunks(name, limit or MAX_FILE_BYTES, counted):
            data += chunk
        return data


def _check(path: Path, archive: zipfile.ZipFile) -> BackupContents:
    _check_entries(path, archive.infolist())
    names = archive.namelist()
    if MANIFEST not in names:
        _refuse(
            N_(
                "“{path}” has no manifest.json, so it is not a Mentorapp backup. Nothing was "
                "restored. Choose the .zip file that Mentorapp exported."
            ),
            path,
        )
    reader = _Reader(path, archive)
    manifest = _manifest(path, reader.read(MANIFEST, MAX_MANIFEST_BYTES, counted=True))
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
            name=excerpt(name),
        )
    for name in sorted(set(present) - set(listed)) + _duplicates(listed):
        _refuse(
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
        _refuse(
            N_(
                "The backup “{path}” does not hold the same tables as this version of "
                "Mentorapp (the table {name} differs). Nothing was restored."
            ),
            path,
            name=excerpt(name),
        )
    for entry in manifest.files:
        if entry.name != f"{entry.table}.csv":
            _refuse(
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
    if promised > MAX_ROWS:
        _refuse(
            N_(
                "The manifest of “{path}” promises {count} rows, more rows than a Mentorapp "
                "backup can hold ({limit} at most). Nothing was restored. Use another backup."
            ),
            path,
            count=format_number(promised),
            limit=format_number(MAX_ROWS),
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
    _refuse(
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
        _refuse(
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
    _refuse(
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
    _refuse(
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
    _refuse(
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
        lines = dialect.iter_rows(text, delimiter, max_fields=HEADER_FIELDS)
        first = next(lines, [])
        header = [field.value for field in first]
        if header != expected or tuple(header) != entry.columns:
            _refuse(
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
            _refuse(
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
        _refuse(
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
