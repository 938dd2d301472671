"""``mentorapp import`` and ``mentorapp export-participants`` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorapp.cli import main
from tests.dataio.helpers import HEADER, SAMPLES, csv_bytes, row

GOOD = [["Tidstämpel", *HEADER], ["x", *row("Amal")], ["y", *row("Bo")]]
BAD = [HEADER, row("Amal"), row("Bo", email="bo@"), row("Carl", city=" ")]


@pytest.fixture
def db_path(tmp_path: Path, capsys) -> Path:
    """A new, empty programme file: an import never makes one by itself."""
    path = tmp_path / "programme.db"
    assert main(["--db", str(path), "new"]) == 0
    capsys.readouterr()
    return path


def write(tmp_path: Path, rows: list[list[str]], name: str = "in.csv") -> str:
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows, delimiter=";"))
    return str(path)


def cli(db_path: Path, *args: str) -> int:
    return main(["--db", str(db_path), *args])


def info(db_path: Path, capsys) -> dict:
    capsys.readouterr()
    main(["--db", str(db_path), "info", "--json"])
    return json.loads(capsys.readouterr().out)


def test_json_report_shape_and_exit_code(db_path, tmp_path, capsys) -> None:
    code = cli(
        db_path, "import", write(tmp_path, GOOD), "--role", "adept", "--cohort", "V27", "--json"
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert {k: data[k] for k in ("created", "updated", "skipped", "ignored_columns", "errors")} == {
        "created": 2,
        "updated": 0,
        "skipped": 0,
        "ignored_columns": ["Tidstämpel"],
        "errors": [],
    }
    assert data["written"] is True and data["cohort_created"] is True
    assert info(db_path, capsys)["adepts"] == 2


def test_human_summary_says_what_was_created(db_path, tmp_path, capsys) -> None:
    assert cli(db_path, "import", write(tmp_path, GOOD), "--role", "adept", "--cohort", "V27") == 0
    out = capsys.readouterr().out
    assert "Created a new programme and the round “V27”." in out
    assert "New: 2, updated: 0, skipped: 0." in out and "“Tidstämpel”" in out
    path = write(tmp_path, GOOD)
    assert (
        cli(db_path, "import", path, "--role", "adept", "--cohort", "v27", "--on-duplicate", "skip")
        == 0
    )
    out = capsys.readouterr().out
    assert "New: 0, updated: 0, skipped: 2." in out and "Created" not in out


def test_rows_with_errors_write_nothing_and_exit_1(db_path, tmp_path, capsys) -> None:
    path = write(tmp_path, BAD)
    assert cli(db_path, "import", path, "--role", "adept", "--cohort", "V27", "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["created"] == 0 and data["written"] is False
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(3, "Email"), (4, "City")]
    assert info(db_path, capsys)["adepts"] == 0
    assert cli(db_path, "import", path, "--role", "adept", "--cohort", "V27") == 1
    out = capsys.readouterr().out
    assert "Row 3, Email: “bo@” is not a complete e-mail address" in out
    assert "Nothing was imported because 2 rows have problems" in out and "--skip-invalid" in out


def test_skip_invalid_imports_the_valid_rows_and_exits_0(db_path, tmp_path, capsys) -> None:
    path = write(tmp_path, BAD)
    assert cli(db_path, "import", path, "--role", "adept", "--cohort", "V27", "--skip-invalid") == 0
    assert "2 rows with problems were left out." in capsys.readouterr().out
    assert info(db_path, capsys)["adepts"] == 1


def test_dry_run_writes_nothing(db_path, tmp_path, capsys) -> None:
    path = write(tmp_path, GOOD)
    assert cli(db_path, "import", path, "--role", "mentor", "--cohort", "V27", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Dry run: nothing was written." in out and "would add 2" in out
    assert "would be created" in out
    assert info(db_path, capsys) | {"schema": ""} == {
        "programmes": 0,
        "cohorts": 0,
        "adepts": 0,
        "mentors": 0,
        "partners": 0,
        "schema": "",
    }
    bad = write(tmp_path, BAD, "bad.csv")
    assert cli(db_path, "import", bad, "--role", "adept", "--cohort", "V27", "--dry-run") == 1
    assert "A real import would write nothing" in capsys.readouterr().out
    args = ("--role", "adept", "--cohort", "V27", "--dry-run", "--skip-invalid", "--json")
    assert cli(db_path, "import", bad, *args) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 1
    assert info(db_path, capsys)["cohorts"] == 0


def test_a_missing_required_column_exits_1_even_with_skip_invalid(db_path, tmp_path, capsys):
    rows = [[h for h in HEADER if h != "City"], row()[:3] + row()[4:]]
    path = write(tmp_path, rows)
    assert cli(db_path, "import", path, "--role", "adept", "--cohort", "V", "--skip-invalid") == 1
    assert "lacks a required column" in capsys.readouterr().out


def test_a_missing_file_is_a_clear_error_with_exit_2(db_path, tmp_path, capsys) -> None:
    missing = tmp_path / "nowhere.csv"
    assert cli(db_path, "import", str(missing), "--role", "adept", "--cohort", "V") == 2
    err = capsys.readouterr().err
    assert "There is no file at" in err and "nowhere.csv" in err
    assert not (tmp_path / "nowhere.db").exists()
    csv = write(tmp_path, GOOD)
    assert cli(tmp_path / "nowhere.db", "import", csv, "--role", "adept", "--cohort", "V") == 2
    assert not (tmp_path / "nowhere.db").exists()  # a typo never creates a database


def test_an_unreadable_file_exits_2(db_path, tmp_path, capsys) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"PK\x03\x04 a workbook")
    assert cli(db_path, "import", str(path), "--role", "adept", "--cohort", "V") == 2
    assert "The file could not be read: This is a spreadsheet workbook" in capsys.readouterr().err


def test_a_database_that_is_not_ours_exits_2(tmp_path, capsys) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not a database")
    code = cli(db, "import", write(tmp_path, GOOD), "--role", "adept", "--cohort", "V")
    assert code == 2 and "not a Mentorapp database" in capsys.readouterr().err


def test_export_then_import_round_trip_via_the_cli(db_path, tmp_path, capsys) -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"the shared sample files are not here: {SAMPLES}")
    sample = str(SAMPLES / "mentors_en_comma.csv")
    assert cli(db_path, "import", sample, "--role", "mentor", "--cohort", "Vår 2027") == 0
    out = tmp_path / "mentors.csv"
    args = ("--cohort", "vår 2027", "--role", "mentor", "--out", str(out))
    assert cli(db_path, "export-participants", *args) == 0
    assert f"Wrote 4 applications to {out}." in capsys.readouterr().out
    fresh = tmp_path / "fresh.db"
    assert cli(fresh, "new") == 0
    assert cli(fresh, "import", str(out), "--role", "mentor", "--cohort", "Vår 2027") == 0
    again = tmp_path / "again.csv"
    assert cli(fresh, "export-participants", *args[:-1], str(again)) == 0
    assert again.read_bytes() == out.read_bytes()


def test_export_of_an_unknown_round_exits_2(db_path, tmp_path, capsys) -> None:
    cli(db_path, "import", write(tmp_path, GOOD), "--role", "adept", "--cohort", "Vår 2027")
    capsys.readouterr()
    out = str(tmp_path / "x.csv")
    assert (
        cli(db_path, "export-participants", "--cohort", "Höst", "--role", "adept", "--out", out)
        == 2
    )
    assert "The rounds in this file are: “Vår 2027”" in capsys.readouterr().err


def test_swedish_summary(db_path, tmp_path, capsys) -> None:
    path = write(tmp_path, GOOD)
    assert (
        main(
            [
                "--db",
                str(db_path),
                "--lang",
                "sv",
                "import",
                path,
                "--role",
                "adept",
                "--cohort",
                "V",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out  # translated text (or English until the catalog has it)
