"""Export → restore into a new file → export gives the same CSV bytes, and the same rows."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from mentorapp.dataio.backup_csv import Field, decode, encode, parse
from mentorapp.dataio.backup_zip import MANIFEST, export_backup, restore_backup
from mentorapp.db.migrate import head_revision
from mentorapp.domain.models import (
    ChecklistEntry,
    Enrolment,
    Gathering,
    GatheringGuest,
    GroupMember,
    MatchGroup,
    Organisation,
    PairRule,
    PlannedMeeting,
    Programme,
    ReminderNote,
    ReminderTemplate,
)
from mentorapp.workspace.services import Services

LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3  # every byte value, behind PNG's mark
TRICKY = 'Ärende: "Łukasz" sa; ja, nej\r\nrad två\n  blanksteg  =SUMMA(A1) 🙂'


def add_tricky_rows(services: Services) -> None:
    """Rows the demo lacks: a group of the finished round, pair rules, a logo, a gathering,
    reminder wording and notes, NULL beside "" and odd text."""
    with services.database.transaction() as session:
        programme = session.exec(select(Programme)).one()
        programme.logo = LOGO
        session.add(programme)
        mentors = session.exec(select(Enrolment).where(Enrolment.role == "mentor")).all()
        adepts = session.exec(select(Enrolment).where(Enrolment.role == "adept")).all()
        mentor = mentors[0]
        mates = [a for a in adepts if a.cohort_id == mentor.cohort_id][:2]
        group = MatchGroup(
            cohort_id=mentor.cohort_id,
            mentor_enrolment_id=mentor.id,
            language="sv",
            score=87,
            parts=json.dumps({str(mates[0].id): {"city": {"points": 5}}}),
            accepted_on=date(2027, 1, 31),
        )
        session.add(group)
        session.flush()
        session.add_all(GroupMember(group_id=group.id, adept_enrolment_id=a.id) for a in mates)
        session.add(PlannedMeeting(group_id=group.id, number=1, planned_on=date(2027, 2, 14)))
        session.add(
            PairRule(
                cohort_id=mentor.cohort_id,
                mentor_enrolment_id=mentors[1].id,
                adept_enrolment_id=mates[0].id,
                rule="never",
            )
        )
        entry = session.exec(select(ChecklistEntry).where(ChecklistEntry.own_text.is_not(None)))
        first = entry.first()
        first.own_text, first.note = "", TRICKY
        session.add(first)
        session.add(Organisation(programme_id=programme.id, name=TRICKY, note=""))
        gathering = Gathering(
            cohort_id=mentor.cohort_id,
            title=TRICKY,
            starts_at=datetime(2027, 3, 4, 17, 30),
            place="",
            description=TRICKY,
            sequence=2,
        )
        session.add(gathering)
        session.flush()
        guest = GatheringGuest(gathering_id=gathering.id, enrolment_id=mates[0].id, attended=True)
        session.add(guest)
        session.add(
            ReminderTemplate(
                programme_id=programme.id, key="needs_check_in", language="sv", body=TRICKY
            )
        )
        session.add(
            ReminderNote(
                enrolment_id=mates[0].id,
                drafted_on=date(2027, 3, 1),
                template="gathering",
                way="csv",
            )
        )


def csv_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != MANIFEST}


def all_rows(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        connection.close()


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_round_trip_is_byte_identical(demo: Services, tmp_path: Path, delimiter: str) -> None:
    add_tricky_rows(demo)
    first = tmp_path / "first.zip"
    manifest = export_backup(demo.database, first, delimiter)
    assert {f.table for f in manifest.files} >= {"person", "matchgroup", "plannedmeeting"}
    assert all(f.rows > 0 for f in manifest.files)  # every table is really exercised

    restored = Services.open(tmp_path / "restored.db")
    try:
        report = restore_backup(restored.database, first)
        second = tmp_path / "second.zip"
        export_backup(restored.database, second, delimiter)
    finally:
        restored.close()
    assert report.total_rows == sum(f.rows for f in manifest.files)
    assert report.safety_copy is None

    assert csv_files(first) == csv_files(second)
    demo.close()
    assert all_rows(tmp_path / "programme.db") == all_rows(tmp_path / "restored.db")


def test_null_and_empty_text_stay_apart(demo: Services, tmp_path: Path) -> None:
    add_tricky_rows(demo)
    export_backup(demo.database, tmp_path / "b.zip")
    target = Services.open(tmp_path / "t.db")
    restore_backup(target.database, tmp_path / "b.zip")
    with target.database.reading() as session:
        own = session.exec(select(ChecklistEntry.own_text)).all()
        note = session.exec(select(ChecklistEntry.note).where(ChecklistEntry.own_text == "")).one()
        logo = session.exec(select(Programme.logo)).one()
    target.close()
    assert "" in own and None in own
    assert note == TRICKY
    assert logo == LOGO


def test_manifest_describes_every_file(demo: Services, tmp_path: Path) -> None:
    path = tmp_path / "backup.zip"
    export_backup(demo.database, path, ";")
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        person = archive.read("person.csv")
    assert manifest["schema_revision"] == head_revision()
    assert manifest["delimiter"] == ";"
    assert manifest["created_at"] and manifest["app_version"]
    entry = next(f for f in manifest["files"] if f["table"] == "person")
    assert entry["columns"][:3] == ["id", "first_name", "last_name"]
    assert person.startswith(b"\xef\xbb\xbfid;first_name;last_name;")
    assert entry["rows"] == person.count(b"\r\n") - 1
    assert sorted(f["name"] for f in manifest["files"]) == sorted(
        n for n in zipfile.ZipFile(path).namelist() if n != MANIFEST
    )
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_the_dialect_reads_back_what_it_writes() -> None:
    values = [(None, "text"), ("", "text"), (TRICKY, "text"), (True, "bool"), (False, "bool")]
    values += [(0, "int"), (-12, "int"), (date(2027, 2, 1), "date"), (b"", "bytes")]
    line = ";".join(encode(value, kind) for value, kind in values) + "\r\n"
    (fields,) = parse(line, ";")
    assert [decode(f, k, True) for f, (_v, k) in zip(fields, values, strict=True)] == [
        v for v, _k in values
    ]
    assert fields[0] == Field("", False) and fields[1] == Field("", True)


def test_the_backup_service_does_the_same(demo: Services, tmp_path: Path) -> None:
    from mentorapp.dataio.backup_zip import BackupService

    backups = BackupService(demo.database)
    backups.export(tmp_path / "b.zip")
    contents = backups.read(tmp_path / "b.zip")
    assert len(contents.rows["person"]) == backups.row_counts()["person"]
    report = backups.restore(contents, replace_existing=True)
    assert report.safety_copy in [c.path for c in backups.safety_copies.list()]
