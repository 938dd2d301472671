"""A language Mentorapp cannot match on ("franska") is a warning, not a problem: the row is
imported with the languages Mentorapp knows, and the other words are kept as a note."""

from __future__ import annotations

import pytest
from sqlmodel import select

from mentorapp import i18n
from mentorapp.dataio.importer import ImportOptions, ImportReport, run_import
from mentorapp.domain.models import Enrolment, StatusChange
from mentorapp.people.fields import FieldError, parse_languages, split_languages
from tests.dataio.helpers import HEADER, csv_bytes, people, row


def run(services, rows: list[list[str]], **options) -> ImportReport:
    options = ImportOptions(role="adept", cohort_name="Vår 2027", **options)
    return run_import(services.database, csv_bytes(rows), options)


def notes(services) -> dict[str, str]:
    """E-mail -> the note on the application's first step."""
    with services.database.reading() as session:
        query = select(Enrolment.person_id, StatusChange.reason).join(
            StatusChange, StatusChange.enrolment_id == Enrolment.id
        )
        by_id = {p.id: p.email for p in people(services.database).values()}
        return {by_id[pid]: reason for pid, reason in session.exec(query)}


def test_split_languages_keeps_the_words_it_does_not_know() -> None:
    assert split_languages("Svenska, franska och arabiska") == (("sv",), ("franska", "arabiska"))
    assert split_languages("franska/Franska") == ((), ("franska",))
    assert split_languages("en och sv") == (("sv", "en"), ())
    with pytest.raises(FieldError):  # the participant editor stays strict
        parse_languages("sv, franska")


def test_an_unknown_language_is_a_warning_and_the_row_is_imported(services) -> None:
    rows = [HEADER, row("Amal", languages="Svenska, franska"), row("Bo")]
    report = run(services, rows)
    assert report.errors == [] and report.written and report.created == 2
    [warning] = report.warnings
    assert (warning.row, warning.column) == (2, "Languages")
    assert "“franska”" in warning.message and "kept as a note" in warning.message
    assert people(services.database)["amal@example.com"].languages == "sv"
    assert notes(services) == {
        "amal@example.com": "Other languages in the application: franska",
        "bo@example.com": "",
    }
    assert report.as_json()["warnings"] == [
        {"row": 2, "column": "Languages", "message": warning.message}
    ]


def test_only_unknown_languages_import_the_person_without_a_meeting_language(services) -> None:
    report = run(services, [HEADER, row(languages="franska; arabiska")])
    assert report.errors == [] and report.written
    [warning] = report.warnings
    assert "“franska, arabiska”" in warning.message and "meeting language" in warning.message
    assert people(services.database)["amal@example.com"].languages == ""
    assert notes(services)["amal@example.com"].endswith("franska, arabiska")


def test_an_update_never_loses_known_languages_to_unknown_ones(services) -> None:
    run(services, [HEADER, row(languages="en")])
    report = run(services, [HEADER, row(languages="franska")])
    assert report.updated == 1 and len(report.warnings) == 1
    assert people(services.database)["amal@example.com"].languages == "en"
    assert notes(services)["amal@example.com"] == "Other languages in the application: franska"


def test_the_dry_run_gives_the_same_warnings(services) -> None:
    rows = [HEADER, row(languages="sv, franska")]
    dry = run(services, rows, dry_run=True)
    real = run(services, rows)
    assert [w.message for w in dry.warnings] == [w.message for w in real.warnings]
    assert len(real.warnings) == 1


def test_an_empty_language_cell_is_still_a_problem(services) -> None:
    report = run(services, [HEADER, row(languages=" ")])
    assert [(p.row, p.column) for p in report.errors] == [(2, "Languages")]
    assert not report.written


def test_the_warning_and_the_note_are_in_the_users_language(services) -> None:
    i18n.set_language("sv")
    report = run(services, [HEADER, row(languages="svenska, franska")])
    [warning] = report.warnings
    assert "”franska”" in warning.message and "anteckning" in warning.message
    assert notes(services)["amal@example.com"] == "Andra språk i ansökan: franska"


def test_the_cli_prints_the_warning_and_exits_0(db_path, tmp_path, capsys) -> None:
    from mentorapp.cli import main
    from mentorapp.workspace.services import Services

    with Services.opened(db_path):  # the coordinator's file exists
        pass
    path = tmp_path / "in.csv"
    path.write_bytes(csv_bytes([HEADER, row(languages="sv, franska")]))
    args = ["--db", str(db_path), "import", str(path), "--role", "adept", "--cohort", "V"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "New: 1, updated: 0, skipped: 0." in out
    assert "Note on row 2, Languages: “franska” is not a meeting language" in out
