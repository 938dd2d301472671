"""Helpers that build hostile or edited backup zips for the refusal tests.

Every edit keeps the manifest's checksums in agreement with the new content, so a test proves
the check it is about and not merely the checksum.
"""

from __future__ import annotations

import hashlib
import json
import struct
import warnings
import zipfile
from collections.abc import Iterable
from pathlib import Path

from mentorapp.dataio.backup_csv import BOM, LINE_END, Field, parse
from mentorapp.dataio.backup_zip import MANIFEST

Members = dict[str, bytes]


def read_members(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_members(path: Path, members: Members | Iterable[tuple[str, bytes]]) -> None:
    """Write the entries in order; a repeated name gives a zip with that name twice."""
    items = members.items() if isinstance(members, dict) else members
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about a duplicate name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in items:
                archive.writestr(name, data)


def edit_manifest(members: Members, change) -> None:
    manifest = json.loads(members[MANIFEST])
    change(manifest)
    members[MANIFEST] = json.dumps(manifest).encode()


def agree(members: Members, name: str, sha256: str, **fields: object) -> None:
    """Make the manifest's entry for ``name`` carry ``sha256`` (and any other ``fields``)."""

    def change(manifest: dict) -> None:
        entry = next(f for f in manifest["files"] if f["name"] == name)
        entry.update(sha256=sha256, **fields)

    edit_manifest(members, change)


def replace_csv(members: Members, name: str, data: bytes) -> None:
    members[name] = data
    agree(members, name, hashlib.sha256(data).hexdigest())


def _cell(field: Field) -> str:
    return '"' + field.value.replace('"', '""') + '"' if field.quoted else field.value


def set_cell(members: Members, table: str, row: int, column: str, cell: str) -> int:
    """Write ``cell`` (as it stands in the CSV, e.g. ``"boss"`` with quotes, or ``-5``) into
    data row ``row`` (0 = the first row under the header); returns that row's line number."""
    name = f"{table}.csv"
    delimiter = json.loads(members[MANIFEST])["delimiter"]
    rows = parse(members[name].decode("utf-8"), delimiter)
    header = [f.value for f in rows[0]]
    lines = [[_cell(f) for f in fields] for fields in rows]
    lines[row + 1][header.index(column)] = cell
    text = BOM + "".join(delimiter.join(line) + LINE_END for line in lines)
    replace_csv(members, name, text.encode("utf-8"))
    return row + 2


def patch_entry(path: Path, name: str, **values: int) -> None:
    """Overwrite header fields of entry ``name`` in both its local and central headers.

    ``values``: flag_bits, compress_type, file_size (the declared uncompressed size), so a test
    can make a zip lie in ways that ``zipfile`` will not write.
    """
    data = bytearray(path.read_bytes())
    central = {"flag_bits": (8, "<H"), "compress_type": (10, "<H"), "file_size": (24, "<I")}
    local = {"flag_bits": (6, "<H"), "compress_type": (8, "<H"), "file_size": (22, "<I")}
    position = data.find(b"PK\x01\x02")
    found = False
    while position >= 0:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        offset = struct.unpack_from("<I", data, position + 42)[0]
        if bytes(data[position + 46 : position + 46 + name_length]) == name.encode():
            for key, value in values.items():
                struct.pack_into(central[key][1], data, position + central[key][0], value)
                struct.pack_into(local[key][1], data, offset + local[key][0], value)
            found = True
        position = data.find(b"PK\x01\x02", position + 46)
    assert found, name
    path.write_bytes(bytes(data))


def find_row(members: Members, table: str, column: str, value: str) -> int:
    """The index (0 = first data row) of the first row whose ``column`` holds ``value``."""
    delimiter = json.loads(members[MANIFEST])["delimiter"]
    rows = parse(members[f"{table}.csv"].decode("utf-8"), delimiter)
    index = [f.value for f in rows[0]].index(column)
    return next(n for n, fields in enumerate(rows[1:]) if fields[index].value == value)


def refusal(backup: Path, target: Path) -> str:
    """Restore ``backup`` into a new file ``target``; return the refusal's message after
    checking that the file was left exactly as it was and no safety copy was made."""
    import pytest

    from mentorapp.dataio.backup_zip import BackupRefused, restore_backup
    from mentorapp.db.migrate import open_database

    from .conftest import digest, table_counts

    open_database(target).close()
    before = digest(target), table_counts(target)
    database = open_database(target)
    try:
        with pytest.raises(BackupRefused) as refused:
            restore_backup(database, backup)
    finally:
        database.close()
    assert (digest(target), table_counts(target)) == before
    assert not target.with_name(f"{target.stem}-safety-copies").exists()
    message = refused.value.user_message()
    assert "Nothing was restored" in message
    return message
