"""A backup's surveys and outcomes: the demo's restore as written, and values Mentorapp never
writes (a survey, a source, a way, a kind, a field, a share) are refused by table, row and
column."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorapp.dataio.backup_csv import CsvProblem
from mentorapp.dataio.backup_rules import COLUMN_RULES
from tests.dataio.conftest import restored
from tests.safety.backup_tools import read_members, refusal, set_cell, write_members

CASES = {
    "survey": ("surveyresponse", "survey", '"t3"'),
    "source": ("surveyresponse", "source", '"email"'),
    "sent survey": ("surveysent", "survey", '"partners"'),
    "way": ("surveysent", "way", '"pigeon"'),
    "kind": ("outcome", "kind", '"pension"'),
    "in field": ("outcome", "in_field", '"maybe"'),
    "through": ("outcome", "through_programme", '"partly"'),
}


def test_the_demos_surveys_and_outcomes_restore_as_written(backup: Path, tmp_path: Path) -> None:
    with restored(backup, tmp_path) as (target, report):
        cohort = target.programmes.round_named(None)
        status = target.owed.status(cohort.id, "t0")
        programme = target.programmes.programme()
        finished = target.programmes.cohorts(programme.id)[0]
        outcomes = target.outcomes.for_round(finished.id)
    assert report.rows["surveyresponse"] > 80 and report.rows["surveyanswer"] > 500
    assert report.rows["surveysent"] > 100 and report.rows["outcome"] == 3
    assert 0 < status.answered < len(status.people)
    assert len(outcomes) == 3


@pytest.mark.parametrize("case", CASES)
def test_an_impossible_survey_value_is_refused(backup: Path, tmp_path: Path, case: str) -> None:
    table, column, cell = CASES[case]
    members = read_members(backup)
    line = set_cell(members, table, 0, column, cell)
    write_members(backup, members)
    message = refusal(backup, tmp_path / "target.db")
    assert f"Row {line} of {table}.csv" in message and f"column {column}:" in message


@pytest.mark.parametrize("share", [-0.01, 1.5])
def test_a_reference_figure_is_a_share_from_0_to_1(share: float) -> None:
    check = COLUMN_RULES[("referencefigure", "share")]
    for good in (0, 0.44, 1):
        check(good)
    with pytest.raises(CsvProblem):
        check(share)
