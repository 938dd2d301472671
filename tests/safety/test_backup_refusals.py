"""Every kind of damaged backup is refused by name, and the target file is left untouched."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from mentorapp.dataio.backup_zip import (
    MANIFEST,
    BackupRefused,
    RestoreNeedsConfirmation,
    export_backup,
    restore_backup,
)
from mentorapp.db.migrate import open_database
from mentorapp.workspace.services import Services

from .conftest import digest, table_counts

Members = dict[str, bytes]


def read_members(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_members(path: Path, members: Members) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def edit_manifest(members: Members, change: Callable[[dict], None]) -> None:
    manifest = json.loads(members[MANIFEST])
    change(manifest)
    members[MANIFEST] = json.dumps(manifest).encode()


def replace_csv(members: Members, name: str, data: bytes, columns: list[str] | None = None) -> None:
    """Put new content in a CSV and make the manifest agree, so only the content is wrong."""
    members[name] = data

    def agree(manifest: dict) -> None:
        entry = next(f for f in manifest["files"] if f["name"] == name)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        if columns is not None:
            entry["columns"] = columns

    edit_manifest(members, agree)


def not_a_zip(path: Path, _members: Members) -> None:
    path.write_text("Förnamn;Efternamn\nÅsa;Öberg\n", encoding="utf-8")


def truncated(path: Path, _members: Members) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def checksum_mismatch(_path: Path, members: Members) -> None:
    data = bytearray(members["person.csv"])
    position = data.index(b"Benali")
    data[position] = ord("X")
    members["person.csv"] = bytes(data)


def missing_file(_path: Path, members: Members) -> None:
    del members["cohort.csv"]


def extra_file(_path: Path, members: Members) -> None:
    members["notes.txt"] = b"hello"


def wrong_columns(_path: Path, members: Members) -> None:
    data = members["person.csv"].replace(b";gender\r\n", b";kon\r\n", 1)
    header = data[3:].split(b"\r\n", 1)[0].decode().split(";")
    replace_csv(members, "person.csv", data, header)


def newer_schema(_path: Path, members: Members) -> None:
    edit_manifest(members, lambda manifest: manifest.update(schema_revision="9999"))


def row_does_not_parse(_path: Path, members: Members) -> None:
    text = members["cohort.csv"].decode("utf-8-sig")
    lines = text.split("\r\n")
    fields = lines[1].split(";")
    fields[4] = "31/02/2027"  # the start date
    lines[1] = ";".join(fields)
    replace_csv(members, "cohort.csv", ("\ufeff" + "\r\n".join(lines)).encode())


def unclosed_quote(_path: Path, members: Members) -> None:
    data = members["organisation.csv"]
    replace_csv(members, "organisation.csv", data[: data.rindex(b'"')] + b"\r\n")


def no_manifest(_path: Path, members: Members) -> None:
    del members[MANIFEST]


def wrong_row_count(_path: Path, members: Members) -> None:
    def fewer(manifest: dict) -> None:
        next(f for f in manifest["files"] if f["table"] == "person")["rows"] -= 1

    edit_manifest(members, fewer)


DAMAGE = {
    "not a zip": (not_a_zip, "not a Mentorapp backup"),
    "truncated zip": (truncated, "not a Mentorapp backup"),
    "checksum mismatch": (checksum_mismatch, "person.csv"),
    "missing file": (missing_file, "lacks the file cohort.csv"),
    "extra file": (extra_file, "notes.txt"),
    "wrong columns": (wrong_columns, "person.csv"),
    "newer schema": (newer_schema, "made by a newer Mentorapp"),
    "row does not parse": (row_does_not_parse, "31/02/2027"),
    "unclosed quote": (unclosed_quote, "organisation.csv"),
    "no manifest": (no_manifest, "no manifest.json"),
    "wrong row count": (wrong_row_count, "person.csv"),
}


@pytest.fixture
def backup(demo: Services, tmp_path: Path) -> Path:
    path = tmp_path / "backup.zip"
    export_backup(demo.database, path, ";")
    return path


def damage(backup: Path, how: Callable[[Path, Members], None]) -> None:
    members = read_members(backup)
    how(backup, members)
    if how not in (not_a_zip, truncated):
        write_members(backup, members)


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_backup_is_refused_and_nothing_written(
    backup: Path, tmp_path: Path, kind: str
) -> None:
    how, expected = DAMAGE[kind]
    damage(backup, how)
    target = tmp_path / "target.db"
    open_database(target).close()
    before_hash, before_counts = digest(target), table_counts(target)
    database = open_database(target)
    try:
        with pytest.raises(BackupRefused) as refused:
            restore_backup(database, backup)
    finally:
        database.close()
    message = refused.value.user_message()
    assert expected in message and "Nothing was restored" in message
    assert digest(target) == before_hash
    assert table_counts(target) == before_counts
    assert not (tmp_path / "target-safety-copies").exists()


def test_wrong_columns_names_file_and_columns(backup: Path, tmp_path: Path) -> None:
    damage(backup, wrong_columns)
    database = open_database(tmp_path / "target.db")
    with pytest.raises(BackupRefused) as refused:
        restore_backup(database, backup)
    database.close()
    message = refused.value.user_message()
    assert "checksum" not in message
    assert "kon" in message and "gender" in message and "person.csv" in message


def test_a_refused_backup_over_data_makes_no_copy_and_changes_nothing(
    demo: Services, backup: Path, tmp_path: Path, db_path: Path
) -> None:
    damage(backup, checksum_mismatch)
    demo.close()
    before = digest(db_path)
    database = open_database(db_path)
    with pytest.raises(BackupRefused):
        restore_backup(database, backup, replace_existing=True)
    database.close()
    assert digest(db_path) == before
    assert not (tmp_path / "programme-safety-copies").exists()


def test_restore_over_data_needs_the_explicit_choice(
    demo: Services, backup: Path, tmp_path: Path, db_path: Path
) -> None:
    with demo.database.transaction() as session:  # a change the restore will undo
        from mentorapp.domain.models import Programme

        programme = session.get(Programme, 1)
        programme.name = "Ändrat namn"
        session.add(programme)
    counts = table_counts(db_path)
    with pytest.raises(RestoreNeedsConfirmation) as asked:
        restore_backup(demo.database, backup)
    assert "already holds data" in asked.value.user_message()
    assert table_counts(db_path) == counts
    assert not (tmp_path / "programme-safety-copies").exists()

    report = restore_backup(demo.database, backup, replace_existing=True)
    assert report.safety_copy is not None and report.safety_copy.is_file()
    assert report.safety_copy.parent == tmp_path / "programme-safety-copies"
    assert report.replaced["person"] == counts["person"]
    import sqlite3

    with sqlite3.connect(report.safety_copy) as copy:
        assert copy.execute("SELECT name FROM programme").fetchone() == ("Ändrat namn",)
    assert demo.programmes.programme().name != "Ändrat namn"
    assert table_counts(db_path) == counts
