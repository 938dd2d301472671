"""A backup's programme plan: the demo's restores as written, and values Mentorapp never
writes (a mode, a unit, an outcome, a number of pairs or gatherings, languages) are refused
by table, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dataio.conftest import restored
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


def test_the_demos_plan_restores_as_written(services, backup: Path, tmp_path: Path) -> None:
    programme = services.programmes.programme()
    before = services.plan.plan(programme.id)
    with restored(backup, tmp_path) as (target, _report):
        after = target.plan.plan(target.programmes.programme().id)
    assert after == before and len(after.goals) == 3 and after.languages == ("sv", "en")


@pytest.mark.parametrize("case", CASES)
def test_an_impossible_plan_value_is_refused(backup: Path, tmp_path: Path, case: str) -> None:
    table, column, cell = CASES[case]
    members = read_members(backup)
    line = set_cell(members, table, 0, column, cell)
    write_members(backup, members)
    message = refusal(backup, tmp_path / "target.db")
    assert f"Row {line} of {table}.csv" in message and f"column {column}:" in message
