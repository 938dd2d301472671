"""Numbers outside a sensible range are row problems, and a dry run finds exactly the problems
the real import finds (a number SQLite cannot store used to pass the check and then crash)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.people.fields import MAX_YEARS, FieldError, parse_capacity, parse_years
from mentorapp.workspace.services import Services
from tests.dataio.helpers import HEADER, counts, csv_bytes, row

HUGE = "99999999999999999999"  # more than SQLite's 64-bit INTEGER holds
ENORMOUS = "9" * 5000  # more digits than Python converts from text by default
OUT_OF_RANGE = [
    HUGE,
    ENORMOUS,
    "-" + HUGE,
    "+" + HUGE,
    "0" * 30 + "7" + "0" * 30,
    str(MAX_YEARS + 1),
    "-1",
    "NaN",
    "inf",
    "-inf",
    "1e3",
    "2.5",
]


def problems(report) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in report.errors]


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_years_out_of_range_are_field_errors(value: str) -> None:
    with pytest.raises(FieldError):
        parse_years(value)


@pytest.mark.parametrize("value", [*OUT_OF_RANGE, "0", "4"])
def test_capacity_out_of_range_is_a_field_error(value: str) -> None:
    with pytest.raises(FieldError):
        parse_capacity(value)


def test_leading_zeros_and_the_limits_themselves_are_fine() -> None:
    assert parse_years("0" * 40 + "12") == 12
    assert (parse_years("0"), parse_years(str(MAX_YEARS))) == (0, MAX_YEARS)
    assert (parse_capacity("1"), parse_capacity("003")) == (1, 3)


@pytest.mark.parametrize(
    ("header", "value", "role"),
    [
        ("Years of experience", HUGE, "adept"),
        ("Års erfarenhet", ENORMOUS, "mentor"),
        ("Years of experience", "1000", "adept"),
        ("Number of adepts", HUGE, "mentor"),
        ("Antal adepter", ENORMOUS, "mentor"),
    ],
)
def test_dry_run_and_import_report_the_same_row_problem(services, header, value, role) -> None:
    data = csv_bytes([[*HEADER, header], [*row(), value], [*row("Bo"), "2"]])
    before = counts(services.database)
    dry = run_import(
        services.database, data, ImportOptions(role=role, cohort_name="V", dry_run=True)
    )
    real = run_import(services.database, data, ImportOptions(role=role, cohort_name="V"))
    assert problems(dry) == problems(real)
    [(number, column, message)] = problems(real)
    assert (number, column) == (2, header) and "between" in message
    assert not real.written and counts(services.database) == before
    # with --skip-invalid the other row goes in and the bad one is left out
    kept = run_import(
        services.database, data, ImportOptions(role=role, cohort_name="V", skip_invalid=True)
    )
    assert kept.written and kept.created == 1 and problems(kept) == problems(real)


def test_the_cli_dry_run_says_what_the_import_says(db_path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes([[*HEADER, "Years of experience"], [*row(), HUGE]]))
    with Services.opened(db_path):  # the coordinator's file exists
        pass
    args = ["--db", str(db_path), "import", str(path), "--role", "adept", "--cohort", "V"]
    assert main([*args, "--json"]) == 1
    real = json.loads(capsys.readouterr().out)["errors"]
    assert main([*args, "--json", "--dry-run"]) == 1
    dry = json.loads(capsys.readouterr().out)["errors"]
    assert dry == real and [e["row"] for e in real] == [2]
    assert main(["--lang", "sv", *args]) == 1
    out = capsys.readouterr().out
    assert f"Rad 2, Years of experience: Talet måste vara mellan 0 och {MAX_YEARS}." in out
