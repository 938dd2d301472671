"""Export a round as CSV, and import it again unchanged."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from mentorapp import i18n
from mentorapp.csv_files import CsvWriteFailed
from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.dataio.participants_csv import write_participants_csv
from mentorapp.domain.codes import education_field_label
from mentorapp.programmes import RoundNotFound
from mentorapp.services import Services
from tests.dataio.helpers import SAMPLES, csv_bytes, people

MENTOR_HEADER = [
    "First name",
    "Last name",
    "E-mail",
    "Phone",
    "City",
    "Digital meetings",
    "Languages",
    "Education level",
    "Field of education",
    "Industry",
    "Years of experience",
    "Job title",
    "Employer",
    "Number of adepts",
    "Gender",
]
ADEPT_ROWS = [
    [
        "Förnamn",
        "Efternamn",
        "E-post",
        "Telefon",
        "Ort",
        "Digitala träffar",
        "Språk",
        "Utbildningsområde",
        "Bransch",
        "Års erfarenhet",
        "Mål",
        "Önskat kön på mentor",
        "Kön",
    ],
    [
        "Łucja",
        "Wójcik",
        "Lucja@Example.com",
        "+46 70 174 06 05",
        "Malmö",
        "x",
        "Svenska och engelska",
        "481a",
        "j",
        "",
        'Säga "hej", sen\nmer',
        "kvinna",
        "kvinna",
    ],
    [
        "Ali",
        "Nazari",
        "ali@example.com",
        "",
        "Umeå",
        "",
        "en",
        "Eget område",
        "Något eget",
        "12",
        "",
        "",
        "",
    ],
]


def export(services: Services, cohort: str, role: str, path: Path) -> bytes:
    write_participants_csv(services.database, cohort, role, path)
    return path.read_bytes()


def test_export_format(services, tmp_path: Path) -> None:
    run_import(services.database, csv_bytes(ADEPT_ROWS), ImportOptions("adept", "Vår 2027"))
    path = tmp_path / "adepts.csv"
    assert write_participants_csv(services.database, "vår 2027", "adept", path) == 2
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "First name",
        "Last name",
        "E-mail",
        "Phone",
        "City",
        "Digital meetings",
        "Languages",
        "Education level",
        "Field of education",
        "Industry",
        "Years of experience",
        "Job title",
        "Goal",
        "Gender",
        "Preferred mentor gender",
    ]
    assert rows[1] == [
        "Łucja",
        "Wójcik",
        "lucja@example.com",
        "+46 70 174 06 05",
        "Malmö",
        "yes",
        "sv, en",
        "",
        "481a",
        "j",
        "",
        "",
        'Säga "hej", sen\nmer',
        "kvinna",
        "kvinna",
    ]
    assert rows[2][5:11] == ["no", "en", "", "Eget område", "Något eget", "12"]
    assert b"\r\n" in data and not list(tmp_path.glob("*.partial"))


def test_code_label_is_exported_when_there_are_no_own_words(services, tmp_path: Path) -> None:
    run_import(services.database, csv_bytes(ADEPT_ROWS), ImportOptions("adept", "Vår 2027"))
    with services.database.transaction() as session:
        person = people(services.database)["ali@example.com"]
        person.education_field, person.education_field_text = "4", ""
        session.add(person)
    data = export(services, "Vår 2027", "adept", tmp_path / "a.csv").decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(data, newline="")))[2]
    assert row[8] == education_field_label("4", "en") != ""
    i18n.set_language("sv")
    data = export(services, "Vår 2027", "adept", tmp_path / "a.csv").decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(data, newline="")))[2][8] == education_field_label("4", "sv")


def round_trip(services: Services, tmp_path: Path, role: str, source: bytes) -> None:
    run_import(services.database, source, ImportOptions(role, "Vår 2027"))
    first = export(services, "Vår 2027", role, tmp_path / "first.csv")
    with Services.opened(tmp_path / "fresh.db") as fresh:
        report = run_import(fresh.database, first, ImportOptions(role, "Vår 2027"))
        assert report.errors == [] and report.created == first.count(b"@")
        second = export(fresh, "Vår 2027", role, tmp_path / "second.csv")
        again = people(fresh.database)
    assert second == first
    original = people(services.database)
    assert sorted(again) == sorted(original)
    for email, person in original.items():
        copy = again[email]
        for name in type(person).model_fields:
            if name not in ("id", "organisation_id"):
                assert getattr(copy, name) == getattr(person, name), (email, name)
        assert (copy.organisation_id is None) == (person.organisation_id is None)


def test_adepts_round_trip(services, tmp_path: Path) -> None:
    round_trip(services, tmp_path, "adept", csv_bytes(ADEPT_ROWS))


def test_mentors_round_trip(services, tmp_path: Path) -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"the shared sample files are not here: {SAMPLES}")
    round_trip(services, tmp_path, "mentor", (SAMPLES / "mentors_en_comma.csv").read_bytes())


def test_swedish_sample_round_trip(services, tmp_path: Path) -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"the shared sample files are not here: {SAMPLES}")
    source = (SAMPLES / "adepts_sv_semicolon_bom.csv").read_bytes()
    round_trip(services, tmp_path, "adept", source)


def test_mentor_export_has_only_mentor_columns(services, tmp_path: Path) -> None:
    rows = [
        MENTOR_HEADER,
        [
            "Karin",
            "L",
            "k@example.com",
            "",
            "Lund",
            "yes",
            "sv",
            "",
            "Ekonomi",
            "K",
            "18",
            "Controller",
            "Västbanken AB",
            "2",
            "",
        ],
    ]
    run_import(services.database, csv_bytes(rows), ImportOptions("mentor", "Vår 2027"))
    data = export(services, "Vår 2027", "mentor", tmp_path / "m.csv").decode("utf-8-sig")
    assert data.splitlines()[0] == ",".join(MENTOR_HEADER)
    assert data.splitlines()[1].endswith(",Controller,Västbanken AB,2,")


def test_an_unknown_round_names_the_rounds_that_exist(services, cohort, tmp_path) -> None:
    with pytest.raises(RoundNotFound) as caught:
        write_participants_csv(services.database, "Höst 2030", "adept", tmp_path / "x.csv")
    assert "“Vår 2027”" in caught.value.user_message()
    assert not (tmp_path / "x.csv").exists()


def test_no_rounds_at_all(services, tmp_path) -> None:
    with pytest.raises(RoundNotFound, match="no rounds yet"):
        write_participants_csv(services.database, "Vår 2027", "adept", tmp_path / "x.csv")


def test_an_unwritable_place_is_reported(services, cohort, tmp_path) -> None:
    with pytest.raises(CsvWriteFailed, match="could not write"):
        write_participants_csv(services.database, "Vår 2027", "adept", tmp_path / "no" / "x.csv")
    assert not (tmp_path / "no").exists()
