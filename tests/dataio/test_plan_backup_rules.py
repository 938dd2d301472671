"""A backup's programme plan: the demo's restores as written, and values Mentorapp never
writes (a mode, a unit, an outcome, a number of pairs or gatherings, languages) are refused
by table, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorapp.dataio.backup_zip import export_backup, restore_backup
from mentorapp.demo.writer import write_demo
from mentorapp.workspace.services import Services
from tests.safety.backup_tools import read_members, refusal, set_cell, write_members

CASES = {
    "mode": ("programmeplan", "mode", '"by_post"'),
    "no pairs": ("programmeplan", "pairs_per_round", "0"),
    "too many pairs": ("programmeplan", "pairs_per_round", "501"),
    "gatherings": ("programmeplan", "gatherings_per_round", "21"),
    "languages": ("programmeplan", "languages", '"en,sv"'),
    "unit": ("plangoal", "unit", '"kg"'),
    "measure": ("plangoal", "measure", '"happiness"'),
}


@pytest.fixture
def backup(services: Services, tmp_path: Path) -> Path:
    write_demo(services.database)
    path = tmp_path / "backup.zip"
    export_backup(services.database, path, ";")
    return path


def test_the_demos_plan_restores_as_written(services, backup: Path, tmp_path: Path) -> None:
    programme = services.programmes.programme()
    before = services.plan.plan(programme.id)
    target = Services.open(tmp_path / "target.db")
    try:
        restore_backup(target.database, backup)
        after = target.plan.plan(target.programmes.programme().id)
    finally:
        target.close()
    assert after == before and len(after.goals) == 3 and after.languages == ("sv", "en")


@pytest.mark.parametrize("case", CASES)
def test_an_impossible_plan_value_is_refused(backup: Path, tmp_path: Path, case: str) -> None:
    table, column, cell = CASES[case]
    members = read_members(backup)
    line = set_cell(members, table, 0, column, cell)
    write_members(backup, members)
    message = refusal(backup, tmp_path / "target.db")
    assert f"Row {line} of {table}.csv" in message and f"column {column}:" in message
