"""A backup cannot exhaust the machine: sizes, counts and quoted text are bounded.

The limits live in ``mentorapp.dataio.backup_archive``; these tests read them from there, so a
bomb is always "the limit and a few megabytes more", built in chunks without holding it.
"""

from __future__ import annotations

import hashlib
import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from mentorapp.dataio import backup_archive, backup_checks
from mentorapp.dataio.backup_csv import BOM, excerpt
from mentorapp.dataio.backup_zip import MANIFEST, export_backup
from mentorapp.workspace.services import Services

from .backup_tools import (
    agree,
    edit_manifest,
    patch_entry,
    read_members,
    refusal,
    replace_csv,
    write_members,
)

MEMORY_CEILING = 200 * 1024 * 1024  # an upper bound, far above what a refusal needs
MESSAGE_ROOM = 400  # a refusal's sentence without the path


@pytest.fixture
def backup(demo: Services, tmp_path: Path) -> Path:
    path = tmp_path / "backup.zip"
    export_backup(demo.database, path, ";")
    return path


def write_bomb(backup: Path, path: Path, size: int) -> None:
    """The backup with person.csv replaced by a ``size``-byte header line of one letter,
    written and hashed a megabyte at a time, and the manifest's checksum made to agree."""
    members = read_members(backup)
    digest = hashlib.sha256()
    chunk = b"a" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name not in ("person.csv", MANIFEST):
                archive.writestr(name, data)
        with archive.open("person.csv", "w") as out:
            out.write(BOM.encode())
            digest.update(BOM.encode())
            for _ in range(size // len(chunk)):
                out.write(chunk)
                digest.update(chunk)
        agree(members, "person.csv", digest.hexdigest())
        archive.writestr(MANIFEST, members[MANIFEST])


def measured_refusal(backup: Path, target: Path) -> tuple[str, int]:
    tracemalloc.start()
    try:
        message = refusal(backup, target)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return message, peak


def test_a_zip_bomb_is_refused_with_bounded_memory_and_a_short_message(
    backup: Path, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.zip"
    write_bomb(backup, bomb, backup_archive.MAX_FILE_BYTES + (8 << 20))
    assert bomb.stat().st_size < 1_000_000  # tens of megabytes in a small file
    message, peak = measured_refusal(bomb, tmp_path / "target.db")
    assert len(message) < MESSAGE_ROOM + len(str(bomb))
    assert peak < MEMORY_CEILING
    assert "person.csv" in message and "32 MB" in message


def test_a_zip_that_declares_less_than_it_holds_is_refused(backup: Path, tmp_path: Path) -> None:
    """The header says 1,000 bytes; the stream inflates to the limit and more."""
    bomb = tmp_path / "bomb.zip"
    write_bomb(backup, bomb, backup_archive.MAX_FILE_BYTES + (8 << 20))
    patch_entry(bomb, "person.csv", file_size=1000)
    message, peak = measured_refusal(bomb, tmp_path / "target.db")
    assert "person.csv" in message
    assert len(message) < MESSAGE_ROOM + len(str(bomb))
    assert peak < MEMORY_CEILING


class Endless(io.RawIOBase):
    """A stream that never ends, as a lying zip entry could be; counts what was taken."""

    taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = bytes(len(buffer))
        self.taken += len(buffer)
        return len(buffer)


def test_reading_stops_as_soon_as_the_limit_is_passed() -> None:
    """The count of bytes actually read is checked, not only the header's size."""
    stream = Endless()
    with pytest.raises(backup_archive.TooLarge):
        for _chunk in backup_archive.read_bounded(stream, 5_000_000):
            pass
    assert 5_000_000 < stream.taken <= 5_000_000 + backup_archive.CHUNK_BYTES


def test_reading_within_the_limit_gives_every_byte() -> None:
    data = bytes(range(256)) * 10_000
    assert b"".join(backup_archive.read_bounded(io.BytesIO(data), len(data))) == data


def test_files_that_together_unpack_to_too_much_are_refused(
    backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes = {i.filename: i.file_size for i in zipfile.ZipFile(backup).infolist()}
    monkeypatch.setattr(backup_archive, "MAX_FILE_BYTES", max(sizes.values()) + 1)
    monkeypatch.setattr(backup_archive, "MAX_TOTAL_BYTES", sum(sizes.values()) - 1)
    message = refusal(backup, tmp_path / "target.db")
    assert "together" in message


def test_a_zip_file_larger_than_any_backup_is_refused_before_it_is_opened(
    backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_archive, "MAX_TOTAL_BYTES", backup.stat().st_size - 1)
    opened = []
    monkeypatch.setattr(backup_checks.zipfile, "ZipFile", lambda *a: opened.append(a))
    message = refusal(backup, tmp_path / "target.db")
    assert "larger than any Mentorapp backup" in message
    assert not opened


def test_a_zip_with_thousands_of_entries_is_refused_by_their_number(
    backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = list(read_members(backup).items())
    members += [(f"extra-{n}.csv", b"") for n in range(backup_archive.MAX_ENTRIES * 50)]
    write_members(backup, members)
    opened = []
    monkeypatch.setattr(backup_checks.zipfile, "ZipFile", lambda *a: opened.append(a))
    message = refusal(backup, tmp_path / "target.db")
    assert f"holds {len(members)} files" in message
    assert not opened


def test_a_zip_whose_directory_lists_too_much_is_refused_before_zipfile_reads_it(
    backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """zipfile builds an object per listed entry as it opens a zip: count them first. The
    end record's count is patched to 14, so only the directory's size gives the zip away."""
    import struct

    members = list(read_members(backup).items())
    members += [(f"extra-{n}.csv", b"") for n in range(5_000)]
    write_members(backup, members)
    data = bytearray(backup.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 14, 14)
    backup.write_bytes(bytes(data))
    opened = []
    monkeypatch.setattr(backup_checks.zipfile, "ZipFile", lambda *a: opened.append(a))
    message = refusal(backup, tmp_path / "target.db")
    assert "table of contents" in message
    assert not opened


def test_a_manifest_that_promises_too_many_rows_is_refused(
    backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_archive, "MAX_ROWS", 100)
    message = refusal(backup, tmp_path / "target.db")
    assert "more rows" in message and "100" in message


def test_a_row_with_a_million_fields_stops_at_the_first_field_too_many(
    backup: Path, tmp_path: Path
) -> None:
    members = read_members(backup)
    header = members["organisation.csv"].split(b"\r\n", 1)[0]
    replace_csv(members, "organisation.csv", header + b"\r\n" + b";" * 1_000_000 + b"\r\n")
    edit_manifest(
        members,
        lambda m: next(f for f in m["files"] if f["table"] == "organisation").update(rows=1),
    )
    write_members(backup, members)
    tracemalloc.start()
    try:
        message = refusal(backup, tmp_path / "target.db")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024  # a list of a million fields would need far more
    assert "organisation.csv" in message and "has more than 6 fields" in message


# --- every message that quotes the backup quotes at most a short excerpt ---------------

LONG = "x" * 5000


def long_entry_name(members: dict) -> None:
    members[LONG + ".txt"] = b"hello"


def long_header(members: dict) -> None:
    data = members["organisation.csv"]
    header, rest = data.split(b"\r\n", 1)
    columns = header[3:].decode().split(";")
    columns[1] = LONG
    new = BOM.encode() + ";".join(columns).encode() + b"\r\n" + rest
    replace_csv(members, "organisation.csv", new)
    edit_manifest(
        members,
        lambda m: next(f for f in m["files"] if f["table"] == "organisation").update(
            columns=columns
        ),
    )


def many_unknown_columns(members: dict) -> None:
    data = members["organisation.csv"]
    header, rest = data.split(b"\r\n", 1)
    extra = ";".join(f"column{n}" for n in range(500)).encode()
    replace_csv(members, "organisation.csv", header + b";" + extra + b"\r\n" + rest)


def long_cell(members: dict) -> None:
    from .backup_tools import set_cell

    set_cell(members, "cohort", 0, "start", "9" * 5000)


def long_revision(members: dict) -> None:
    edit_manifest(members, lambda m: m.update(schema_revision=LONG))


def long_table(members: dict) -> None:
    edit_manifest(members, lambda m: m["files"][0].update(table=LONG))


def long_listed_name(members: dict) -> None:
    edit_manifest(members, lambda m: m["files"][0].update(name=LONG + ".csv"))


def long_delimiter(members: dict) -> None:
    edit_manifest(members, lambda m: m.update(delimiter=LONG))


def long_version(members: dict) -> None:
    edit_manifest(members, lambda m: m.update(app_version=LONG))


QUOTING = {
    "entry name": long_entry_name,
    "header": long_header,
    "many columns": many_unknown_columns,
    "cell": long_cell,
    "revision": long_revision,
    "table": long_table,
    "listed name": long_listed_name,
    "delimiter": long_delimiter,
    "app version": long_version,
}


@pytest.mark.parametrize("kind", QUOTING)
def test_a_refusal_quotes_the_backup_in_short(backup: Path, tmp_path: Path, kind: str) -> None:
    members = read_members(backup)
    QUOTING[kind](members)
    write_members(backup, members)
    message = refusal(backup, tmp_path / "target.db")
    assert len(message) < MESSAGE_ROOM + len(str(backup))
    assert "…" in message


def test_an_excerpt_is_short_and_on_one_line() -> None:
    assert excerpt("kort") == "kort"
    long = excerpt("å" * 200)
    assert len(long) == 80 and long.endswith("…")
    assert excerpt("rad ett\r\nrad\ttvå\x00") == "rad ett  rad två "
    assert excerpt("\u202egnp.exe") == "gnp.exe"  # no right-to-left override in a message
    assert excerpt(json.dumps(list(range(1000))), 10) == "[0, 1, 2,…"


def test_the_command_line_refuses_a_bomb_in_one_short_line(
    cli, backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.zip"
    write_bomb(backup, bomb, backup_archive.MAX_FILE_BYTES + (8 << 20))
    target = tmp_path / "new.db"
    assert cli("--db", target, "restore", bomb) == 2
    captured = capsys.readouterr()
    lines = (captured.out + captured.err).strip().splitlines()
    assert len(lines) == 1 and len(lines[0]) < MESSAGE_ROOM + len(str(bomb))
    assert lines[0].startswith("This backup cannot be restored: The file person.csv")
    assert not target.exists()
