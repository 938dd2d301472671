"""A backup zip as a container: its size, its entries and their names, read within bounds.

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
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

from mentorapp.dataio.backup_csv import excerpt
from mentorapp.dataio.backup_zip import MANIFEST, BackupRefused
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


def refuse(template: str, path: Path, **params: Any) -> NoReturn:
    raise BackupRefused(template, path=path, **params)


def megabytes(size: int) -> str:
    return format_number(size / 1_000_000)


def check_directory(path: Path) -> None:
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
    refuse(
        N_(
            "“{path}” holds {count} files, far more than a Mentorapp backup ({limit} at "
            "most). Nothing was restored. Use the backup as Mentorapp wrote it."
        ),
        path,
        count=count,
        limit=MAX_ENTRIES,
    )


def check_entries(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip by its directory alone: too many entries, odd names, links, encryption,
    other packings, declared sizes above the limits. Nothing is unpacked yet."""
    if len(infos) > MAX_ENTRIES:
        _too_many(path, len(infos))
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if not _PLAIN_NAME.fullmatch(name) or name in (".", "..") or name.startswith("."):
            refuse(
                N_(
                    "The backup “{path}” holds an entry with a folder or unusual name ({name}), "
                    "which Mentorapp never writes. Nothing was restored. Use the backup as "
                    "Mentorapp wrote it."
                ),
                path,
                name=excerpt(name),
            )
        if name in seen:
            refuse(
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
            refuse(
                N_(
                    "The entry {name} in “{path}” is not a plain file (it is a link or a "
                    "folder). Nothing was restored. Use the backup as Mentorapp wrote it."
                ),
                path,
                name=excerpt(name),
            )
        if info.flag_bits & 0x1:
            refuse(
                N_(
                    "The file {name} in “{path}” is encrypted, and Mentorapp never encrypts "
                    "the files of a backup. Nothing was restored. Use the backup as Mentorapp "
                    "wrote it."
                ),
                path,
                name=excerpt(name),
            )
        if info.compress_type not in PACKINGS:
            refuse(
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
    refuse(
        N_(
            "The file {name} in “{path}” unpacks to more than {limit} MB, far more than a "
            "programme's data, so it was not read. Nothing was restored. Use another backup."
        ),
        path,
        name=excerpt(name),
        limit=megabytes(limit),
    )


def _too_much(path: Path) -> NoReturn:
    refuse(
        N_(
            "The files in “{path}” unpack to more than {limit} MB together, far more than a "
            "programme's data, so they were not read. Nothing was restored. Use another backup."
        ),
        path,
        limit=megabytes(MAX_TOTAL_BYTES),
    )


class BoundedReader:
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
