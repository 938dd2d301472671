"""Every value rule of the import format: what is stored, and what is reported for a bad value."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from mentorapp.dataio.importer import ImportOptions, ImportReport, run_import
from mentorapp.domain.models import Enrolment, Organisation, StatusChange
from mentorapp.i18n import N_
from mentorapp.people.fields import FIELD_BY_KEY
from tests.dataio.helpers import HEADER, counts, csv_bytes, enrolments, people, row


def run(services, rows: list[list[str]], role: str = "adept", **options) -> ImportReport:
    options = ImportOptions(role=role, cohort_name="Vår 2027", **options)
    return run_import(services.database, csv_bytes(rows), options)


def one(services, header: str, value: str, role: str = "adept"):
    """Import one valid row plus one extra column; return (report, the stored person or None)."""
    report = run(services, [[*HEADER, header], [*row(), value]], role=role)
    return report, people(services.database).get("amal@example.com")


def test_a_full_adept_row_is_stored_field_by_field(services) -> None:
    header = [
        "Förnamn",
        "Efternamn",
        "E-postadress",
        "Telefon",
        "Ort",
        "Digitala träffar",
        "Språk",
        "Utbildningsnivå",
        "Utbildningsområde",
        "Bransch",
        "Års erfarenhet",
        "Befattning",
        "Mål",
        "Kön",
        "Önskat kön på mentor",
    ]
    values = [
        "Hülya",
        "Kaya",
        "Hulya.KAYA@Example.com",
        "073-555 02 02",
        "Malmö",
        "x",
        "Svenska och engelska",
        "Master",
        "Juridik",
        "Offentlig förvaltning",
        "3",
        "Jurist",
        "Jobb i kommun\nhelst i Skåne",
        "kvinna",
        "kvinna",
    ]
    report = run(services, [header, values])
    assert (report.created, report.updated, report.skipped, report.errors) == (1, 0, 0, [])
    assert report.written
    person = people(services.database)["hulya.kaya@example.com"]
    assert (person.first_name, person.last_name, person.phone, person.city) == (
        "Hülya",
        "Kaya",
        "073-555 02 02",
        "Malmö",
    )
    assert person.digital is True and person.languages == "sv,en"
    assert (person.education_level, person.education_field, person.education_field_text) == (
        "Master",
        "3",
        "Juridik",
    )
    assert (person.industry, person.industry_text) == ("O", "Offentlig förvaltning")
    assert (person.years_experience, person.job_title, person.gender) == (3, "Jurist", "kvinna")
    assert person.organisation_id is None
    [enrolment] = enrolments(services.database)
    assert (enrolment.role, enrolment.status, enrolment.capacity) == ("adept", "applied", 1)
    assert enrolment.goal == "Jobb i kommun\nhelst i Skåne"
    assert enrolment.preferred_mentor_gender == "kvinna"
    with services.database.reading() as session:
        [change] = session.exec(select(StatusChange)).all()
    assert (change.enrolment_id, change.from_status, change.to_status) == (
        enrolment.id,
        None,
        "applied",
    )
    assert change.changed_on == date.today()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("no", False),
        ("ja", True),
        ("nej", False),
        ("true", True),
        ("false", False),
        ("1", True),
        ("0", False),
        ("x", True),
        ("X", True),
        ("", False),
        ("JA", True),
        ("Nej", False),
        ("TRUE", True),
        (" yes ", True),
    ],
)
def test_every_yes_no_spelling(services, value: str, expected: bool) -> None:
    report, person = one(services, "Digital meetings", value)
    assert report.errors == [] and person.digital is expected


def test_an_unknown_yes_no_value_is_reported(services) -> None:
    report, person = one(services, "Digital meetings", "kanske")
    assert person is None
    [problem] = report.errors
    assert (problem.row, problem.column) == (2, "Digital meetings")
    assert "“kanske” is not yes or no" in problem.message and "ja, nej" in problem.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("sv", "sv"),
        ("en", "en"),
        ("SV", "sv"),
        ("svenska", "sv"),
        ("Engelska", "en"),
        ("swedish", "sv"),
        ("ENGLISH", "en"),
        ("sv, en", "sv,en"),
        ("en;sv", "sv,en"),
        ("Svenska/Engelska", "sv,en"),
        ("svenska och engelska", "sv,en"),
        ("English OCH Swedish", "sv,en"),
        ("en / sv", "sv,en"),
        ("sv , sv", "sv"),
    ],
)
def test_every_language_spelling_and_separator(services, value: str, expected: str) -> None:
    rows = [HEADER, row(languages=value)]
    assert run(services, rows).errors == []
    assert people(services.database)["amal@example.com"].languages == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [("franska", "“franska” is not a meeting language"), ("sv, arabiska", "“arabiska”")],
)
def test_an_unknown_language_is_a_warning(services, value: str, words: str) -> None:
    report = run(services, [HEADER, row(languages=value)])
    [warning] = report.warnings
    assert report.errors == [] and report.written
    assert warning.column == "Languages" and words in warning.message
    assert "Swedish or English" in warning.message


@pytest.mark.parametrize("key", [k for k, s in FIELD_BY_KEY.items() if s.required])
def test_every_required_value_must_be_given(services, key: str) -> None:
    position = ["first_name", "last_name", "email", "city", "languages"]
    position += ["education_field", "industry"]
    values = row()
    values[position.index(key)] = "  "
    report = run(services, [HEADER, row("Bo"), values])
    [problem] = report.errors
    assert (problem.row, problem.column) == (3, HEADER[position.index(key)])
    assert problem.message  # names what is missing and what to do
    assert counts(services.database)["Person"] == 0  # all or nothing


@pytest.mark.parametrize("email", ["amal", "amal@example", "amal @example.com", "a@b@c.se"])
def test_a_bad_email_is_reported_with_an_example(services, email: str) -> None:
    report = run(services, [HEADER, row(email=email)])
    [problem] = report.errors
    assert problem.column == "Email"
    assert "is not a complete e-mail address (like name@example.se)" in problem.message


@pytest.mark.parametrize(
    ("value", "stored", "message"),
    [
        ("7", 7, None),
        (" 0 ", 0, None),
        ("", None, None),
        ("-1", None, "The number must be between 0 and 60."),
        ("61", None, "The number must be between 0 and 60."),
        ("many", None, "“many” is not a whole number."),
        ("2.5", None, "“2.5” is not a whole number."),
    ],
)
def test_years_of_experience(services, value: str, stored, message) -> None:
    report, person = one(services, "Års erfarenhet", value)
    if message is None:
        assert report.errors == [] and person.years_experience == stored
    else:
        assert person is None and [p.message for p in report.errors] == [message]
        assert report.errors[0].column == "Års erfarenhet"


@pytest.mark.parametrize(
    ("value", "stored", "message"),
    [
        ("", 1, None),
        ("3", 3, None),
        ("0", None, "The number must be between 1 and 3."),
        ("4", None, "The number must be between 1 and 3."),
        ("två", None, "“två” is not a whole number."),
    ],
)
def test_number_of_adepts_for_mentors(services, value: str, stored, message) -> None:
    report, person = one(services, "Number of adepts", value, role="mentor")
    if message is None:
        assert report.errors == []
        assert enrolments(services.database)[0].capacity == stored
    else:
        assert person is None and [p.message for p in report.errors] == [message]


@pytest.mark.parametrize(
    ("header", "value", "code", "text"),
    [
        ("Field of education", "Ekonomi", "3", "Ekonomi"),
        ("Field of education", "481a", "4", "481a"),
        ("Field of education", "Något helt eget", "", "Något helt eget"),
        ("Industry", "j", "J", "j"),
        ("Industry", "IT och telekom", "J", "IT och telekom"),
        ("Industry", "Lite av varje", "", "Lite av varje"),
    ],
)
def test_codes_only_where_they_clearly_match(services, header, value, code, text) -> None:
    rows = [HEADER, row(**{"field" if header.startswith("Field") else "industry": value})]
    assert run(services, rows).errors == []
    person = people(services.database)["amal@example.com"]
    if header.startswith("Field"):
        assert (person.education_field, person.education_field_text) == (code, text)
    else:
        assert (person.industry, person.industry_text) == (code, text)


def test_mentor_employers_become_partner_organisations_once(services, cohort) -> None:
    with services.database.transaction() as session:
        session.add(Organisation(programme_id=cohort.programme_id, name="Västbanken AB"))
    header = [*HEADER, "Employer", "Number of adepts", "Goal"]
    rows = [
        header,
        [*row("Karin"), "VÄSTBANKEN ab", "2", "ignored for mentors"],
        [*row("Erik"), "Kodverket AB", "", ""],
        [*row("Malin"), "kodverket ab ", "3", ""],
        [*row("Per"), "", "1", ""],
    ]
    report = run(services, rows, role="mentor")
    assert report.errors == [] and report.created == 4
    assert report.ignored_columns == ["Goal"]
    with services.database.reading() as session:
        names = {o.id: o.name for o in session.exec(select(Organisation))}
    assert sorted(names.values()) == ["Kodverket AB", "Västbanken AB"]
    stored = people(services.database)
    assert names[stored["karin@example.com"].organisation_id] == "Västbanken AB"
    assert stored["erik@example.com"].organisation_id == stored["malin@example.com"].organisation_id
    assert stored["per@example.com"].organisation_id is None
    capacities = [(e.role, e.capacity) for e in enrolments(services.database)]
    assert capacities == [("mentor", 2), ("mentor", 1), ("mentor", 3), ("mentor", 1)]


def test_adept_import_ignores_mentor_only_columns(services) -> None:
    rows = [[*HEADER, "Employer", "Antal adepter"], [*row(), "Firma AB", "2"]]
    report = run(services, rows)
    assert report.ignored_columns == ["Employer", "Antal adepter"]
    assert counts(services.database)["Organisation"] == 0


def test_messages_are_translated_when_shown(services, monkeypatch) -> None:
    report = run(services, [HEADER, row(email="franska")])
    [problem] = report.errors
    assert problem.template == N_(
        "“{value}” is not a complete e-mail address (like name@example.se)."
    )

    class Swedish:
        def gettext(self, message: str) -> str:
            return "“{value}” är ingen e-postadress." if message == problem.template else message

    from mentorapp import i18n

    monkeypatch.setattr(i18n, "_translations", Swedish())
    assert problem.message == "“franska” är ingen e-postadress."
    assert report.as_json()["errors"][0]["message"] == problem.message


def test_goal_and_wish_go_on_the_enrolment_not_the_person(services) -> None:
    rows = [[*HEADER, "Goal", "Preferred mentor gender"], [*row(), "Bli controller", "man"]]
    run(services, rows)
    with services.database.reading() as session:
        [enrolment] = session.exec(select(Enrolment)).all()
    assert (enrolment.goal, enrolment.preferred_mentor_gender) == ("Bli controller", "man")
