"""One writer at a time, everywhere: while the GUI holds a file, no command writes into it.

The holder is a real second process that opened the file the way the GUI does
(``Workspace.open``); every writing command must then exit non-zero naming the holder and
change nothing, and every reading command must still work.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from mentorapp.cli import main
from mentorapp.domain.models import MatchGroup
from mentorapp.workspace.services import Services
from tests.demo_helpers import held_like_the_gui

ROOT = Path(__file__).resolve().parents[2]
def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def held(demo_file: Path) -> Iterator[subprocess.Popen]:
    with held_like_the_gui(demo_file) as holder:
        yield holder


def fingerprint(path: Path) -> str:
    """The programme's rows as a reading command sees them: changes show up here."""
    with Services.to_read(path) as services:
        info = services.info().as_dict()
        people = services.participants
        rows = [
            (row.email, row.status)
            for cohort in services.programmes.cohorts(services.programmes.programme().id)
            for row in people.rows(cohort.id)
        ]
    return hashlib.sha256(json.dumps([info, sorted(rows)]).encode()).hexdigest()


def write_commands(demo_file: Path, tmp_path: Path) -> list[list[object]]:
    adepts = tmp_path / "adepts.csv"
    adepts.write_text(
        "Förnamn,Efternamn,E-post,Utbildningsområde\nNy,Person,ny.person@example.org,Teknik\n",
        encoding="utf-8",
    )
    backup = tmp_path / "backup.zip"
    assert run("--db", demo_file, "export", "--out", backup) == 0
    with Services.to_read(demo_file) as services:
        running = services.programmes.cohorts(services.programmes.programme().id)[-1].name
    return [
        ["import", adepts, "--role", "adept", "--cohort", "Vår 2027"],
        ["import", adepts, "--role", "adept", "--cohort", "Vår 2027", "--skip-invalid"],
        ["match", "--apply"],
        ["demo-data"],
        ["restore", backup, "--replace"],
        ["person-erase", "samira.benali@example.com", "--yes"],
        ["status", "--cohort", running, "--to", "accepted", "samira.benali@example.com"],
    ]


def test_every_writing_command_refuses_a_held_file_and_changes_nothing(
    demo_file: Path, tmp_path: Path, held, capsys
) -> None:
    commands = write_commands(demo_file, tmp_path)
    before = fingerprint(demo_file)
    capsys.readouterr()
    for command in commands:
        assert run("--db", demo_file, *command) == 2, command
        error = capsys.readouterr().err
        assert "is open in Mentorapp by" in error, (command, error)
        assert " since " in error and os.uname().nodename in error, error
        assert "Traceback" not in error
    assert fingerprint(demo_file) == before


def test_the_refusal_reads_in_swedish(demo_file: Path, tmp_path: Path, held, capsys) -> None:
    commands = write_commands(demo_file, tmp_path)
    capsys.readouterr()
    assert run("--db", demo_file, "--lang", "sv", *commands[0]) == 2
    assert "Filen är öppen i en annan Mentorapp" in capsys.readouterr().err


def test_reading_commands_still_work_on_a_held_file(
    demo_file: Path, tmp_path: Path, held, capsys
) -> None:
    adepts = tmp_path / "adepts.csv"
    with Services.to_read(demo_file) as services:
        running = services.programmes.cohorts(services.programmes.programme().id)[-1].name
    reading = [
        ["info", "--json"],
        ["list", "--json"],
        ["match", "--json"],
        ["export", "--out", tmp_path / "backup.zip"],
        ["export-participants", "--cohort", running, "--role", "adept", "--out", adepts],
        ["import", adepts, "--role", "adept", "--cohort", running, "--dry-run"],
        ["person-export", "samira.benali@example.com", "--out", tmp_path / "person"],
        ["backup", "--out", tmp_path / "copy.db"],
        ["safety-copies"],
    ]
    before = fingerprint(demo_file)
    for command in reading:
        assert run("--db", demo_file, *command) == 0, (command, capsys.readouterr().err)
    assert fingerprint(demo_file) == before


def test_workbooks_are_written_from_a_held_file(demo_file: Path, tmp_path: Path, capsys) -> None:
    # The demo's running round has accepted groups, printed before the kick-off; forget that.
    with Services.opened(demo_file) as services, services.database.transaction() as session:
        for group in session.exec(select(MatchGroup)):
            group.workbook_printed_on = None
            session.add(group)
    with held_like_the_gui(demo_file):
        capsys.readouterr()
        assert run("--db", demo_file, "workbooks", "--out", tmp_path / "books") == 0
        assert list((tmp_path / "books").glob("*.pdf"))
        # Noting the print would be a write: said, not done.
        assert "not noted" in capsys.readouterr().err
    with Services.to_read(demo_file) as services:
        cohort = services.programmes.cohorts(services.programmes.programme().id)[-1]
        assert services.standing.counts(cohort.id).workbooks_printed == 0
    assert run("--db", demo_file, "workbooks", "--out", tmp_path / "again") == 0
    with Services.to_read(demo_file) as services:
        counts = services.standing.counts(cohort.id)
        assert counts.groups and counts.workbooks_printed == counts.groups


def test_a_command_that_writes_keeps_the_gui_out_meanwhile(demo_file: Path) -> None:
    """The same lock both ways: while a command writes, the GUI's open is refused."""
    from mentorapp.db.lock import DatabaseInUse
    from mentorapp.workspace.workspace import Workspace

    with Services.to_write(demo_file), pytest.raises(DatabaseInUse):
        Workspace.open(demo_file)
    Workspace.open(demo_file).close()  # and released afterwards
