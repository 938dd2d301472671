"""Values of the right type but impossible meaning are refused by table, row and column.

Each case edits one cell of a real export (and the manifest's checksum to agree), so the
value parses as its type and only the rule about its meaning can refuse it.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from mentorapp.dataio.backup_zip import export_backup
from mentorapp.workspace.services import Services

from .backup_tools import find_row, read_members, refusal, set_cell, write_members
from .test_backup_roundtrip import add_tricky_rows

GIF = '"' + base64.b64encode(b"GIF89a\x01\x00\x01\x00").decode() + '"'

# table, column, the cell as written in the CSV, (column, value) of the row to edit or None
CASES = {
    "role boss": ("enrolment", "role", '"boss"', None),
    "status hacked": ("enrolment", "status", '"hacked"', None),
    "capacity -5": ("enrolment", "capacity", "-5", None),
    "capacity 4": ("enrolment", "capacity", "4", ("role", "mentor")),
    "adept with two places": ("enrolment", "capacity", "2", ("role", "adept")),
    "status step to hacked": ("statuschange", "to_status", '"hacked"', None),
    "status step from boss": ("statuschange", "from_status", '"boss"', None),
    "criterion for a boss": ("eligibilitycriterion", "role", '"boss"', None),
    "programme language": ("programme", "default_language", '"de"', None),
    "no meetings": ("programme", "meetings_per_round", "0", None),
    "99 months": ("programme", "months_per_round", "99", None),
    "logo not an image": ("programme", "logo", GIF, None),
    "round ends before it starts": ("cohort", "end", "2000-01-01", None),
    "deadline after the start": ("cohort", "application_deadline", "2099-01-01", None),
    "unknown stage": ("checklistentry", "stage", '"hacking"', None),
    "unknown meeting language": ("person", "languages", '"sv,de"', None),
    "language twice": ("person", "languages", '"sv,sv"', None),
    "field of education": ("person", "education_field", '"99"', None),
    "industry": ("person", "industry", '"Z"', None),
    "negative experience": ("person", "years_experience", "-1", None),
    "group language": ("matchgroup", "language", '"de"', None),
    "group score": ("matchgroup", "score", "101", None),
    "group notes not JSON": ("matchgroup", "parts", '"{not json"', None),
    "member score": ("groupmember", "score", "-1", None),
    "pair rule": ("pairrule", "rule", '"maybe"', None),
    "meeting zero": ("plannedmeeting", "number", "0", None),
    "meeting 13": ("plannedmeeting", "number", "13", None),
    "meeting state": ("plannedmeeting", "state", '"flown"', None),
    "meeting mode": ("plannedmeeting", "mode", '"by bike"', None),
    "meeting minutes": ("plannedmeeting", "minutes", "0", None),
    "health rules not JSON": ("programme", "health_rules", '"[1"', None),
    "gathering minutes": ("gathering", "minutes", "0", None),
    "reminder way": ("remindernote", "way", '"fax"', None),
}


@pytest.fixture
def backup(demo: Services, tmp_path: Path) -> Path:
    add_tricky_rows(demo)  # every table gets rows: pair rules, gatherings, reminders …
    path = tmp_path / "backup.zip"
    export_backup(demo.database, path, ";")
    return path


@pytest.mark.parametrize("case", CASES)
def test_an_impossible_value_is_refused_by_row_and_nothing_restored(
    backup: Path, tmp_path: Path, case: str
) -> None:
    table, column, cell, where = CASES[case]
    members = read_members(backup)
    row = find_row(members, table, *where) if where else 0
    line = set_cell(members, table, row, column, cell)
    write_members(backup, members)
    message = refusal(backup, tmp_path / "target.db")
    assert f"Row {line} of {table}.csv" in message
    assert f"column {column}:" in message


def test_an_untouched_backup_with_every_table_passes_the_rules(
    backup: Path, tmp_path: Path
) -> None:
    target = Services.open(tmp_path / "target.db")
    try:
        from mentorapp.dataio.backup_zip import restore_backup

        report = restore_backup(target.database, backup)
    finally:
        target.close()
    assert report.rows["matchgroup"] == 21  # the demo's 20 and the tricky one
    assert report.rows["gathering"] >= 1 and report.rows["remindernote"] == 1


def test_an_erased_person_passes_the_rules(demo: Services, tmp_path: Path) -> None:
    """An anonymous stub has no languages and an ``@invalid`` address, and must restore."""
    from sqlmodel import select

    from mentorapp.domain.models import Person

    with demo.database.transaction() as session:
        person = session.exec(select(Person)).first()
        person.languages = person.education_field = person.industry = ""
        person.email = "erased-0123456789abcdef@invalid"
        person.years_experience = None
        session.add(person)
    export_backup(demo.database, tmp_path / "b.zip")
    target = Services.open(tmp_path / "target.db")
    try:
        from mentorapp.dataio.backup_zip import restore_backup

        restore_backup(target.database, tmp_path / "b.zip")
    finally:
        target.close()
