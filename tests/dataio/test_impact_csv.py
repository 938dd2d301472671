"""The impact report's table as CSV: rates first, one row per measure, the comparison's
differences, spreadsheet-safe and owner-only."""

from __future__ import annotations

import csv
import os
from datetime import date

import pytest

from mentorapp.dataio.impact_csv import HEADERS, write_report_csv
from mentorapp.impact.statistics import newcombe_difference, wilson
from mentorapp.programme.programmes import CohortDraft
from tests.impact.report_data import fill_round


def _read(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def report(services, cohort):
    with services.database.transaction() as session:
        fill_round(session, cohort.id)
    services.impact.save_reference(cohort.programme_id, "job_or_internship", 0.44, "=1+1 report")
    return services.impact.report(cohort.id, "sv")


def test_one_row_per_rate_and_measure_with_the_reports_numbers(tmp_path, report) -> None:
    path = tmp_path / "impact.csv"
    written = write_report_csv(path, report)
    rows = _read(path)
    assert written == len(rows) == len(report.surveys) + len(report.measures)
    assert list(rows[0]) == list(HEADERS)
    rates = [r for r in rows if r["kind"] == "response_rate"]
    assert [(r["key"], r["answered"], r["of"], r["share"]) for r in rates][:2] == [
        ("t0", "2", "5", "0.4000"),
        ("t1", "2", "5", "0.4000"),
    ]
    job = next(r for r in rows if r["key"] == "job_or_internship")
    low, high = wilson(3, 4).low, wilson(3, 4).high
    assert job["round"] == "Vår 2027" and job["label"] == "Adepter med jobb eller praktik"
    assert (job["count"], job["answered"], job["of"], job["share"], job["floor"]) == (
        "3", "4", "5", "0.7500", "0.6000",
    )  # fmt: skip
    assert (job["ci_low"], job["ci_high"]) == (f"{low:.4f}", f"{high:.4f}")
    assert job["reference"] == "0.4400"
    assert job["reference_source"] == "'=1+1 report"  # a formula is marked as text
    change = next(r for r in rows if r["key"] == "t1.confident_search")
    assert (change["change_paired"], change["change_before"], change["change_after"]) == (
        "2", "0.5000", "0.5000",
    )  # fmt: skip
    nobody = next(r for r in rows if r["key"] == "mentor_end.recommend")
    assert (nobody["answered"], nobody["share"], nobody["ci_low"]) == ("0", "", "")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_a_compared_report_adds_the_other_round_and_the_differences(
    tmp_path, services, cohort
) -> None:
    other = services.programmes.save_cohort(
        cohort.programme_id,
        CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 15), date(2027, 8, 1)),
    )
    with services.database.transaction() as session:
        fill_round(session, cohort.id)
        fill_round(session, other.id, prefix="O")
    report = services.impact.report(cohort.id, "en", compare_with=other.id)
    path = tmp_path / "compared.csv"
    write_report_csv(path, report, delimiter=";")
    assert path.read_text(encoding="utf-8-sig").splitlines()[0].startswith("round;kind;key")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter=";"))
    assert {r["round"] for r in rows if r["kind"] == "measure"} == {"Vår 2027", "Höst 2027"}
    differences = [r for r in rows if r["kind"] == "difference"]
    assert len(differences) == len(report.measures)
    job = next(r for r in differences if r["key"] == "job_or_internship")
    interval = newcombe_difference(3, 4, 3, 4)
    assert (job["share"], job["ci_low"]) == ("0.0000", f"{interval.low:.4f}")
