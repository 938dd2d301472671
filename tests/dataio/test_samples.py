"""The example files in the shared folder import as their README says."""

from __future__ import annotations

import pytest
from sqlmodel import select

from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.domain.models import Organisation
from tests.dataio.helpers import SAMPLES, counts, enrolments, people

pytestmark = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"the shared sample files are not here: {SAMPLES}"
)


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def test_swedish_semicolon_file_with_bom_imports_six_adepts(services) -> None:
    report = run_import(
        services.database,
        sample("adepts_sv_semicolon_bom.csv"),
        ImportOptions(role="adept", cohort_name="Vår 2027"),
    )
    assert (report.created, report.errors, report.written) == (6, [], True)
    assert report.ignored_columns == ["Tidstämpel"]
    assert report.cohort_created and report.programme_created
    stored = people(services.database)
    assert len(stored) == 6
    hulya = stored["hulya.kaya@example.com"]
    assert (hulya.first_name, hulya.city, hulya.digital, hulya.languages) == (
        "Hülya",
        "Malmö",
        True,
        "sv",
    )
    assert stored["lucia.fernandez@example.com"].languages == "sv,en"  # "Svenska och engelska"
    assert stored["w.wrobel@example.com"].languages == "sv,en"  # "Svenska/Engelska"
    assert stored["thabo.nkosi@example.com"].digital is False  # empty = no
    goals = {e.person_id: e.goal for e in enrolments(services.database)}
    thabo = stored["thabo.nkosi@example.com"]
    assert goals[thabo.id] == "Forskning & utveckling;\nhelst inom material"
    assert {e.role for e in enrolments(services.database)} == {"adept"}


def test_english_mentors_file_imports_four_mentors_with_partners(services, cohort) -> None:
    report = run_import(
        services.database,
        sample("mentors_en_comma.csv"),
        ImportOptions(role="mentor", cohort_name="Vår 2027"),
    )
    assert (report.created, report.errors, report.ignored_columns) == (4, [], [])
    with services.database.reading() as session:
        partners = {o.id: o.name for o in session.exec(select(Organisation))}
    assert sorted(partners.values()) == ["Kodverket AB", "Malmö stad", "Västbanken AB"]
    stored = people(services.database)
    employers = {email: partners.get(p.organisation_id) for email, p in stored.items()}
    assert employers["karin.lundgren@example.com"] == "Västbanken AB"
    assert employers["per.akesson@example.com"] is None
    assert stored["per.akesson@example.com"].job_title == "Pensionär, f.d. FoU-chef"
    assert stored["per.akesson@example.com"].languages == "sv,en"  # "sv;en"
    capacities = {e.person_id: e.capacity for e in enrolments(services.database)}
    by_email = {email: capacities[p.id] for email, p in stored.items()}
    assert by_email == {
        "karin.lundgren@example.com": 2,
        "erik.sandberg@example.com": 1,
        "malin.ekdahl@example.com": 3,
        "per.akesson@example.com": 2,
    }


def test_errors_file_reports_rows_three_to_five_and_writes_nothing(services, cohort) -> None:
    before = counts(services.database)
    options = ImportOptions(role="adept", cohort_name="Vår 2027")
    report = run_import(services.database, sample("adepts_with_errors.csv"), options)
    assert [(p.row, p.column) for p in report.errors] == [
        (3, "Email"),
        (4, "Email"),
        (5, "Years of experience"),
    ]
    assert "many" in report.errors[2].message
    assert report.warnings == []  # "franska" on row 5 is only a warning, and the row is out
    assert not report.written and counts(services.database) == before

    options.skip_invalid = True
    report = run_import(services.database, sample("adepts_with_errors.csv"), options)
    assert report.written and report.created == 1 and report.rows_with_errors == 3
    assert list(people(services.database)) == ["amal.yousef@example.com"]
