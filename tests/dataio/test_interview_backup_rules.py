"""A backup's interviews: the demo's restore as written, and values Mentorapp never writes
(a state, a decision, a length, a score) are refused by table, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dataio.conftest import restored
from tests.safety.backup_tools import read_members, refusal, set_cell, write_members

CASES = {
    "state": ("interview", "state", '"postponed"'),
    "decision": ("interview", "decision", '"active"'),
    "no minutes": ("interview", "minutes", "0"),
    "a day long": ("interview", "minutes", "1440"),
    "score 6": ("interviewanswer", "score", "6"),
    "score 0": ("interviewanswer", "score", "0"),
}


def test_the_demos_interviews_restore_as_written(backup: Path, tmp_path: Path) -> None:
    with restored(backup, tmp_path) as (target, report):
        cohort = target.programmes.current_cohort(target.programmes.programme().id)
        interviews = target.interviews.for_round(cohort.id)
    assert report.rows["interview"] > 50 and report.rows["interviewanswer"] > 300
    assert {i.state for i in interviews} == {"held", "booked"}
    assert all(i.starts_at.tzinfo is None for i in interviews)  # wall-clock times, as booked


@pytest.mark.parametrize("case", CASES)
def test_an_impossible_interview_value_is_refused(backup: Path, tmp_path: Path, case: str) -> None:
    table, column, cell = CASES[case]
    members = read_members(backup)
    line = set_cell(members, table, 0, column, cell)
    write_members(backup, members)
    message = refusal(backup, tmp_path / "target.db")
    assert f"Row {line} of {table}.csv" in message and f"column {column}:" in message
