"""The file-level rules: duplicates, update or skip, all or nothing, dry run, cancel, rounds."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from mentorapp.dataio.csv_source import read_table
from mentorapp.dataio.importer import ImportOptions, ImportReport, preview, run_import
from mentorapp.domain.models import Cohort, Enrolment, Programme
from mentorapp.errors import ValidationError
from mentorapp.programme.programmes import CohortDraft
from tests.dataio.helpers import HEADER, counts, csv_bytes, enrolments, people, row


def options(**changes) -> ImportOptions:
    return ImportOptions(**({"role": "adept", "cohort_name": "Vår 2027"} | changes))


def run(services, rows: list[list[str]], **changes) -> ImportReport:
    return run_import(services.database, csv_bytes(rows), options(**changes))


def test_the_same_email_twice_in_a_file_is_an_error_on_the_later_row(services) -> None:
    rows = [HEADER, row("Amal"), row("Bo"), row("Amal2", email="AMAL@example.com ")]
    report = run(services, rows)
    [problem] = report.errors
    assert (problem.row, problem.column) == (4, "Email")
    assert "amal@example.com is already on row 2" in problem.message
    assert not report.written and counts(services.database)["Person"] == 0
    report = run(services, rows, skip_invalid=True)
    assert report.created == 2 and report.written
    assert people(services.database)["amal@example.com"].first_name == "Amal"


def test_existing_email_is_updated_with_what_the_file_gives(services, cohort) -> None:
    header = [*HEADER, "Phone", "Years of experience", "Digital meetings", "Goal"]
    run(services, [header, [*row(), "070-1", "4", "ja", "Första målet"]])
    rows = [header, [*row("Amal-Maria", email="Amal@Example.com"), "", "9", "", ""]]
    report = run(services, rows)
    assert (report.created, report.updated, report.skipped) == (0, 1, 0)
    person = people(services.database)["amal@example.com"]
    assert person.first_name == "Amal-Maria" and person.years_experience == 9
    assert person.phone == "070-1" and person.digital is True  # empty cells change nothing
    [enrolment] = enrolments(services.database)
    assert enrolment.goal == "Första målet"
    assert counts(services.database)["StatusChange"] == 1


def test_existing_email_is_skipped_when_asked(services, cohort) -> None:
    run(services, [HEADER, row()])
    rows = [HEADER, row("X", email="AMAL@example.com"), row("Bo")]
    report = run(services, rows, on_duplicate="skip")
    assert (report.created, report.updated, report.skipped) == (1, 0, 1)
    assert people(services.database)["amal@example.com"].first_name == "Amal"
    assert counts(services.database)["Enrolment"] == 2


def test_a_person_may_be_in_another_round_or_role(services, programme, cohort) -> None:
    draft = CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 15))
    services.programmes.save_cohort(programme.id, draft)
    run(services, [HEADER, row()])
    report = run(services, [HEADER, row()], role="mentor")
    assert report.updated == 1 and report.written
    report = run(services, [HEADER, row()], role="mentor", cohort_name="höst 2027")
    assert report.updated == 1
    assert counts(services.database)["Person"] == 1
    assert [(e.cohort_id, e.role) for e in enrolments(services.database)] == [
        (cohort.id, "adept"),
        (cohort.id, "mentor"),
        (cohort.id + 1, "mentor"),
    ]
    assert counts(services.database)["StatusChange"] == 3
    assert run(services, [HEADER, row()]).updated == 1  # enrolled already: no second enrolment
    assert counts(services.database)["Enrolment"] == 3


def test_a_coordinators_code_survives_a_reimport_of_the_same_words(services, cohort) -> None:
    run(services, [HEADER, row(field="Eget område")])
    with services.database.transaction() as session:
        person = next(iter(people(services.database).values()))
        person.education_field = "2"
        session.add(person)
    run(services, [HEADER, row(field="eget  område")])
    assert people(services.database)["amal@example.com"].education_field == "2"
    run(services, [HEADER, row(field="Något annat")])
    person = people(services.database)["amal@example.com"]
    assert (person.education_field, person.education_field_text) == ("", "Något annat")


def test_all_or_nothing_by_default_and_valid_rows_only_when_asked(services, cohort) -> None:
    rows = [HEADER, row("Amal"), row("Bo", city=""), row("Carl")]
    before = counts(services.database)
    report = run(services, rows)
    assert not report.written and report.created == 0 and len(report.errors) == 1
    assert counts(services.database) == before
    report = run(services, rows, skip_invalid=True)
    assert report.written and report.created == 2 and report.rows_with_errors == 1
    assert sorted(people(services.database)) == ["amal@example.com", "carl@example.com"]


def test_a_dry_run_writes_nothing_but_reports_what_would_happen(services) -> None:
    rows = [HEADER, row("Amal"), row("Bo")]
    report = run(services, rows, dry_run=True)
    assert (report.created, report.written) == (2, False)
    assert report.cohort_created and report.programme_created
    assert counts(services.database) == dict.fromkeys(counts(services.database), 0)
    assert preview(services.database, read_table(csv_bytes(rows)), options()) == report


def test_preview_counts_updates_and_skips(services, cohort) -> None:
    run(services, [HEADER, row("Amal")])
    table = read_table(csv_bytes([HEADER, row("Amal"), row("Bo"), row("Carl", city="")]))
    report = preview(services.database, table, options(on_duplicate="skip"))
    assert (report.created, report.updated, report.skipped) == (1, 0, 1)
    assert len(report.errors) == 1 and not report.written and not report.cohort_created
    assert counts(services.database)["Person"] == 1


# Steps of a 650-row import: 1 = start, 2-4 = while checking rows, 5-8 = after each chunk
# written, 9 = after the last chunk, just before the commit.
@pytest.mark.parametrize("stop_at", [1, 3, 6, 8, 9])
def test_cancel_rolls_back_everything(services, cohort, stop_at: int) -> None:
    run(services, [HEADER, row("Zoe")])
    before = counts(services.database)
    rows = [HEADER] + [row(f"P{n}", email=f"p{n}@example.com") for n in range(650)]
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= stop_at

    options_ = options(cohort_name="Ny omgång")
    report = run_import(services.database, csv_bytes(rows), options_, cancelled=cancelled)
    assert report.cancelled and not report.written
    assert (report.created, report.cohort_created) == (0, False)
    assert counts(services.database) == before
    assert len(calls) == stop_at


def test_cancel_after_updates_were_written_rolls_them_back(services, cohort) -> None:
    old = [row(f"P{n}", email=f"p{n}@example.com") for n in range(250)]
    run(services, [HEADER, *old])
    before = counts(services.database)
    renamed = [row(f"Q{n}", email=f"p{n}@example.com") for n in range(250)]
    new = [row(f"N{n}", email=f"n{n}@example.com") for n in range(250)]
    steps: list[tuple[int, int]] = []

    def cancelled() -> bool:  # after both chunks of updates, before any new person
        return steps[-1] == (250, 500)

    report = run_import(
        services.database,
        csv_bytes([HEADER, *renamed, *new]),
        options(),
        progress=lambda *step: steps.append(step),
        cancelled=cancelled,
    )
    assert report.cancelled and (200, 500) in steps
    assert counts(services.database) == before
    assert people(services.database)["p7@example.com"].first_name == "P7"


def test_progress_is_reported_every_200_rows(services) -> None:
    rows = [HEADER] + [row(f"P{n}", email=f"p{n}@example.com") for n in range(450)]
    steps: list[tuple[int, int]] = []
    run_import(services.database, csv_bytes(rows), options(), progress=lambda *a: steps.append(a))
    assert steps[0] == (0, 450) and steps[-1] == (450, 450)
    assert (200, 450) in steps and (400, 450) in steps
    assert [done for done, _t in steps] == sorted(done for done, _t in steps)


def test_a_new_round_and_programme_are_created_and_reported(services) -> None:
    report = run(services, [HEADER, row()], cohort_name="  Höst 2027 ")
    assert report.cohort_created and report.programme_created and report.written
    assert report.as_json()["cohort_created"] is True
    with services.database.reading() as session:
        programme = session.exec(select(Programme)).one()
        cohort = session.exec(select(Cohort)).one()
    assert (programme.organisation, programme.name) == ("My organisation", "Mentorship programme")
    assert cohort.name == "Höst 2027" and cohort.application_deadline is None
    assert 88 <= (cohort.start - date.today()).days <= 93
    months = (cohort.end.year - cohort.start.year) * 12 + cohort.end.month - cohort.start.month
    assert months == programme.months_per_round and cohort.is_current
    assert [e.cohort_id for e in enrolments(services.database)] == [cohort.id]


def test_an_existing_round_is_found_by_name_in_any_case(services, cohort) -> None:
    report = run(services, [HEADER, row()], cohort_name=" VÅR 2027")
    assert not report.cohort_created and not report.programme_created
    assert [e.cohort_id for e in enrolments(services.database)] == [cohort.id]


def test_a_new_round_in_an_existing_programme(services, programme, cohort) -> None:
    report = run(services, [HEADER, row()], cohort_name="Höst 2027")
    assert report.cohort_created and not report.programme_created
    assert counts(services.database)["Programme"] == 1
    with services.database.reading() as session:
        new = session.exec(select(Cohort).where(Cohort.name == "Höst 2027")).one()
    assert new.programme_id == programme.id and not new.is_current  # Vår 2027 stays current


def test_no_round_is_created_when_nothing_would_be_enrolled(services) -> None:
    report = run(services, [HEADER, row(city="")], skip_invalid=True)
    assert report.written and not report.cohort_created
    assert counts(services.database)["Cohort"] == 0


def test_unknown_columns_are_ignored_and_listed_as_in_the_file(services) -> None:
    header = ["Tidstämpel", *HEADER, "Jag godkänner villkoren *", "", "E-post"]
    rows = [header, ["2027-01-03 09:12", *row(), "Ja", "note", "other@example.com"]]
    report = run(services, rows)
    assert report.errors == []
    assert report.ignored_columns == [
        "Tidstämpel",
        "Jag godkänner villkoren *",
        "column 10 (no header)",
        "E-post",
    ]
    assert list(people(services.database)) == ["amal@example.com"]


def test_a_missing_required_column_blocks_the_import(services) -> None:
    header = [h for h in HEADER if h != "City"]
    values = [v for h, v in zip(HEADER, row(), strict=True) if h != "City"]
    report = run(services, [header, values, [*values[:2], "bad", *values[3:]]], skip_invalid=True)
    assert report.blocked and not report.written
    assert [(p.row, p.column) for p in report.errors] == [(1, "City"), (3, "Email")]
    assert "“city”, “ort”, “stad”" in report.errors[0].message
    assert counts(services.database)["Person"] == 0


def test_an_explicit_mapping_overrides_the_headers(services) -> None:
    header = ["Namn", "Efternamn", "Mejl", "Ort", "Språk", "Område", "Bransch", "Ort 2"]
    mapping = [
        "first_name",
        "last_name",
        "email",
        None,
        "languages",
        "education_field",
        "industry",
        "city",
    ]
    rows = [header, [*row(city="Lund"), "Malmö"]]
    report = run(services, rows, mapping=mapping)
    assert report.errors == [] and report.ignored_columns == ["Ort"]
    assert people(services.database)["amal@example.com"].city == "Malmö"


def test_a_row_with_more_values_than_columns_is_reported(services) -> None:
    rows = [HEADER, row(), [*row("Bo"), "", "spill"], [*row("Carl"), "", ""]]
    report = run(services, rows)
    [problem] = report.errors
    assert (problem.row, problem.column) == (3, "Industry")
    assert "1 more values than the file has columns" in problem.message


def test_row_numbers_count_blank_rows_and_multi_line_values(services) -> None:
    text = (
        ",".join([*HEADER, "Goal"])
        + "\r\n"
        + ",".join(row("Amal"))
        + ',"two\r\nlines"\r\n'
        + "\r\n,,,,,,,\r\n"
        + ",".join(row("Bo", email="bo@example"))
        + ",\r\n"
    )
    report = run_import(services.database, text.encode(), options())
    assert [(p.row, p.column) for p in report.errors] == [(5, "Email")]


def test_bad_options_are_refused_before_anything_happens(services) -> None:
    with pytest.raises(ValidationError):
        run(services, [HEADER, row()], cohort_name="   ")
    with pytest.raises(ValueError):
        run(services, [HEADER, row()], role="coach")
    with pytest.raises(ValueError):
        run(services, [HEADER, row()], mapping=["email"])
    assert counts(services.database)["Cohort"] == 0


def test_an_empty_table_imports_nothing_without_error(services) -> None:
    report = run(services, [HEADER])
    assert report.errors == [] and report.total_rows == 0 and report.created == 0
    assert counts(services.database)["Enrolment"] == 0


def test_as_json_shape(services) -> None:
    data = run(services, [["Tidstämpel", *HEADER], ["x", *row(email="bad")]]).as_json()
    assert {"created", "updated", "skipped", "ignored_columns", "errors"} <= set(data)
    assert data["ignored_columns"] == ["Tidstämpel"]
    assert data["errors"] == [
        {
            "row": 2,
            "column": "Email",
            "message": "“bad” is not a complete e-mail address (like name@example.se).",
        }
    ]


def test_enrolments_of_other_rounds_are_untouched(services, cohort) -> None:
    run(services, [[*HEADER, "Goal"], [*row(), "Mål 1"]])
    run(services, [[*HEADER, "Goal"], [*row(), "Mål 2"]], cohort_name="Höst 2027")
    with services.database.reading() as session:
        goals = [e.goal for e in session.exec(select(Enrolment).order_by(Enrolment.id))]
    assert goals == ["Mål 1", "Mål 2"]


def test_existing_addresses_match_in_any_case_also_beyond_ascii(services, cohort) -> None:
    from mentorapp.domain.models import Person

    with services.database.transaction() as session:
        session.add(Person(first_name="Åsa", last_name="Ö", email="ÅSA.ÖBERG@Example.com"))
    report = run(services, [HEADER, row("Åsa", email="åsa.öberg@example.com")])
    assert (report.created, report.updated) == (0, 1)
    assert counts(services.database)["Person"] == 1


def test_skipping_a_known_person_still_records_their_application(services, programme) -> None:
    """A mentor from an earlier round applies again: their details stay, the application counts."""
    draft = CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 15))
    services.programmes.save_cohort(programme.id, draft)
    run(services, [HEADER, row()], cohort_name="Höst 2027")
    report = run(services, [HEADER, row("Ändrad", email="amal@example.com")], on_duplicate="skip")
    assert (report.created, report.updated, report.skipped) == (0, 0, 1) and report.written
    assert people(services.database)["amal@example.com"].first_name == "Amal"
    rounds = {e.cohort_id for e in enrolments(services.database)}
    assert len(rounds) == 2
