"""A backup's budget lines hold only what Mentorapp writes: a known kind and category that
agree, and amounts from 0 to the largest Mentorapp keeps. The demo's budget restores."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dataio.conftest import restored
from tests.safety.backup_tools import find_row, read_members, refusal, set_cell, write_members

CASES = {
    "unknown category": ("category", '"champagne"', None),
    "unknown kind": ("kind", '"gift"', None),
    "a grant as a cost": ("kind", '"cost"', ("category", "grant")),
    "negative amount": ("planned", "-100", None),
    "negative actual": ("actual", "-1", ("category", "venue")),
    "negative rate": ("rate", "-45000", ("category", "coordinator_hours")),
}


def test_the_demo_budget_restores(backup: Path, tmp_path: Path) -> None:
    with restored(backup, tmp_path) as (target, report):
        programme = target.programmes.programme()
        assert programme is not None and programme.id is not None
        assert target.budget.summary(programme.id).totals.planned_cost > 0
    assert report.rows["budgetline"] > 10


@pytest.mark.parametrize("case", CASES)
def test_an_impossible_budget_value_is_refused(backup: Path, tmp_path: Path, case: str) -> None:
    column, cell, where = CASES[case]
    members = read_members(backup)
    row = find_row(members, "budgetline", *where) if where else 0
    line = set_cell(members, "budgetline", row, column, cell)
    write_members(backup, members)
    message = refusal(backup, tmp_path / "target.db")
    assert f"Row {line} of budgetline.csv" in message
    assert f"column {column}:" in message
