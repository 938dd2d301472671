"""Outputs never land on the programme, and refusals say the right thing (review findings).

- An export aimed at the open database, its lock or its journal is refused: a zip over
  ``mentorapp.db`` destroyed the programme, a file over ``.lock`` let a second writer in.
- A backup whose rows break a rule of the tables is refused as such, not as a file that
  "cannot be opened".
- A named file that does not exist is not made by the window either.
- A safety copy made with the clock set back is not rotated out at once.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from mentorapp.cli import main
from tests.safety.backup_tools import find_row, read_members, set_cell, write_members
from tests.safety.conftest import digest


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.mark.parametrize("target", ["programme.db", "programme.db.lock", "programme.db-wal"])
def test_no_export_writes_over_the_programme_or_its_companions(
    demo_file: Path, tmp_path: Path, target: str, capsys
) -> None:
    from mentorapp.workspace.services import Services

    with Services.to_read(demo_file) as services:
        running = services.programmes.cohorts(services.programmes.programme().id)[-1].name
    out = tmp_path / target
    if not out.exists():
        out.write_bytes(b"")  # a lock or journal file as a running Mentorapp leaves it
    before = {p.name: digest(p) for p in tmp_path.iterdir() if p.is_file()}
    for command in (
        ["export", "--out", out],
        ["export-participants", "--cohort", running, "--role", "adept", "--out", out],
    ):
        assert run("--db", demo_file, *command) == 2, command
        assert "will not write over it" in capsys.readouterr().err
    assert {p.name: digest(p) for p in tmp_path.iterdir() if p.is_file()} == before
    assert run("--db", demo_file, "info") == 0


def test_the_window_cannot_save_a_spreadsheet_over_a_database(tmp_path: Path) -> None:
    """The guard sits in the one CSV writer, so the window's save dialogs are covered too."""
    from mentorapp.dataio.csv_files import write_csv
    from mentorapp.db.files import WouldReplaceProgramme
    from mentorapp.workspace.services import Services

    other = tmp_path / "another programme.db"
    Services.open(other).close()
    before = digest(other)
    with pytest.raises(WouldReplaceProgramme):
        write_csv(other, ["a"], [["b"]])
    assert digest(other) == before


def test_backup_force_may_still_replace_an_older_copy(demo_file: Path, tmp_path: Path) -> None:
    old = tmp_path / "last week.db"
    assert run("--db", demo_file, "backup", "--out", old) == 0
    assert run("--db", demo_file, "backup", "--out", old, "--force") == 0


def test_rows_that_break_a_table_rule_are_refused_as_such(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    backup = tmp_path / "backup.zip"
    assert run("--db", demo_file, "export", "--out", backup) == 0
    members = read_members(backup)
    row = find_row(members, "enrolment", "role", "adept")
    set_cell(members, "enrolment", row, "person_id", "999999")  # nobody has that id
    write_members(backup, members)
    target = tmp_path / "new.db"
    capsys.readouterr()
    assert run("--db", target, "restore", backup) == 2
    error = capsys.readouterr().err
    assert "do not fit together" in error, error
    assert "cannot be opened" not in error and "disk is connected" not in error


def test_the_window_does_not_make_a_file_named_on_the_command_line(tmp_path: Path) -> None:
    from mentorapp.app import open_workspace
    from mentorapp.db.opening import DatabaseMissing

    typo = tmp_path / "progamme.db"
    with pytest.raises(DatabaseMissing):
        open_workspace(typo, demo=False, create=False)
    assert not typo.exists() and not Path(f"{typo}.lock").exists()


def test_a_copy_made_with_the_clock_set_back_stays(demo_file: Path) -> None:
    from mentorapp.db.safety import SafetyCopies

    copies = SafetyCopies(demo_file, keep=2)
    copies.make("manual", now=datetime(2027, 5, 1, 9, 0, 0))
    copies.make("manual", now=datetime(2027, 5, 2, 9, 0, 0))
    made = copies.make("manual", now=datetime(2027, 4, 1, 9, 0, 0))  # clock went back
    assert made.exists()
    assert len([c for c in copies.list() if c.reason == "manual"]) == 2


@pytest.mark.parametrize("days", ["0", "1000000", "99999999999999999999", "3.5"])
def test_a_number_of_days_out_of_range_is_one_sentence(
    demo_file: Path, days: str, capsys
) -> None:
    assert run("--db", demo_file, "safety-copies", "--delete-older-than", days, "--yes") == 2
    error = capsys.readouterr().err
    assert "whole number of days" in error and "did not expect" not in error


def test_deleting_every_copy_refuses_a_damaged_file(demo_file: Path, capsys) -> None:
    from mentorapp.db.safety import SafetyCopies

    good = SafetyCopies(demo_file).make("manual")
    with demo_file.open("r+b") as handle:  # scribble over the end of the schema page
        handle.seek(4096 - 1200)
        handle.write(b"\x00\x13" * 600)
    assert run("--db", demo_file, "safety-copies", "--delete-all", "--yes") == 2
    assert "damaged" in capsys.readouterr().err
    assert good.exists()
