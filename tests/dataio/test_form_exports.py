"""Files exported by real form tools: their own metadata columns, e-mail columns that compete,
and questions as headers. Each file here is small and shaped like the tool's CSV export."""

from __future__ import annotations

import pytest

from mentorapp.dataio.columns import auto_map
from mentorapp.dataio.csv_source import read_table
from mentorapp.dataio.importer import ImportOptions, ImportReport, run_import
from tests.dataio.helpers import csv_bytes, people

# Microsoft Forms: its own columns first, then the questions as they were asked.
MS_META_EN = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
MS_META_SV = ["ID", "Starttid", "Slutförandetid", "E-post", "Namn"]
QUESTIONS_EN = [
    "First name",
    "Last name",
    "E-postadress",
    "Which city do you live in?",
    "Which languages can you meet in?",
    "What is your field of education? (Choose the closest)",
    "Which industry do you work in, or want to work in?",
]
QUESTIONS_SV = [
    "Förnamn",
    "Efternamn",
    "E-postadress",
    "I vilken ort bor du?",
    "Vilka språk kan du ha träffarna på?",
    "Vilket är ditt utbildningsområde? Välj det som passar bäst",
    "Inom vilken bransch arbetar du?",
]
KEYS = ["first_name", "last_name", "email", "city", "languages", "education_field", "industry"]
ANSWERS = [
    ["Amal", "Yousef", "amal@example.com", "Malmö", "Svenska", "Ekonomi", "Handel"],
    ["Bo", "Ek", "bo.ek@example.se", "Lund", "sv, en", "Teknik", "Bygg"],
    ["Carin", "Öst", "carin@example.org", "Malmö", "engelska", "Juridik", "Handel"],
]


def ms_rows(meta: list[str], questions: list[str], email: str = "anonymous") -> list[list[str]]:
    """A Microsoft Forms export: anonymous responses have "anonymous" as their e-mail."""
    rows = [[*meta, *questions]]
    for number, answers in enumerate(ANSWERS, start=1):
        own = [str(number), "3/1/27 9:01:22", "3/1/27 9:05:10"]
        own.append(email if email == "anonymous" else f"user{number}@school.example")
        own += ["" if email == "anonymous" else f"User {number}"]
        own += ["3/1/27 9:05:10"] * (len(meta) - len(own))
        rows.append([*own, *answers])
    return rows


def google_rows(meta: list[str], questions: list[str]) -> list[list[str]]:
    """A Google Forms export that collects addresses: timestamp, address, then the questions."""
    header = [meta[0], meta[1], *[q for q in questions if q != "E-postadress"]]
    rows = [header]
    for answers in ANSWERS:
        rows.append(["2027/03/01 9:05:10 CET", answers[2], *answers[:2], *answers[3:]])
    return rows


def run(services, rows: list[list[str]], **options) -> ImportReport:
    options = ImportOptions(role="adept", cohort_name="Vår 2027", **options)
    return run_import(services.database, csv_bytes(rows), options)


def mapped(rows: list[list[str]]) -> dict[str, str]:
    """Field key -> the header of the column that auto_map chose for it."""
    table = read_table(csv_bytes(rows))
    mapping = auto_map(table.headers, rows=table.rows)
    return {key: header for header, key in zip(table.headers, mapping, strict=True) if key}


@pytest.mark.parametrize(
    ("meta", "questions"), [(MS_META_EN, QUESTIONS_EN), (MS_META_SV, QUESTIONS_SV)]
)
def test_microsoft_forms_anonymous_email_column_loses_to_the_question(
    services, meta, questions
) -> None:
    rows = ms_rows(meta, questions)
    assert mapped(rows)["email"] == "E-postadress"
    report = run(services, rows)
    assert report.errors == [] and report.created == 3
    assert sorted(people(services.database)) == sorted(a[2] for a in ANSWERS)
    assert set(meta) <= set(report.ignored_columns)


def test_microsoft_forms_signed_in_responses_still_use_the_question(services) -> None:
    """Both columns hold addresses: the one the applicant typed wins over the account."""
    rows = ms_rows(MS_META_EN, QUESTIONS_EN, email="signed-in")
    assert mapped(rows)["email"] == "E-postadress"
    # "Email" remembered from an ordinary file, where it was the question, changes nothing
    table = read_table(csv_bytes(rows))
    assert auto_map(table.headers, {"email": "email"}, table.rows)[8] == "email"
    run(services, rows)
    assert sorted(people(services.database)) == sorted(a[2] for a in ANSWERS)


def test_microsoft_forms_without_an_email_question_uses_its_own_email_column() -> None:
    rows = ms_rows(MS_META_EN, QUESTIONS_EN, email="signed-in")
    rows = [[c for i, c in enumerate(r) if i != 8] for r in rows]  # no "E-postadress" question
    assert mapped(rows)["email"] == "Email"


@pytest.mark.parametrize(
    ("meta", "questions"),
    [
        (["Timestamp", "Email address"], QUESTIONS_EN),
        (["Tidstämpel", "E-postadress"], QUESTIONS_SV),
    ],
)
def test_google_forms_collected_address_is_the_email(services, meta, questions) -> None:
    rows = google_rows(meta, questions)
    assert mapped(rows) == dict(zip(KEYS, [*questions[:2], meta[1], *questions[3:]], strict=True))
    report = run(services, rows)
    assert (report.errors, report.created, report.ignored_columns) == ([], 3, [meta[0]])


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["What is your field of education? (Choose the closest)"], ["education_field"]),
        (["Vilket är ditt utbildningsområde? Välj det som passar bäst"], ["education_field"]),
        (["What is your highest level of education?"], ["education_level"]),
        (["Hur många års erfarenhet har du av arbetslivet?"], ["years_experience"]),
        (["How many years of work experience do you have?"], ["years_experience"]),
        (["Vad är ditt mål med mentorskapet?"], ["goal"]),
        (["Vilket kön har du?"], ["gender"]),
        # the longer, more specific field wins over "kön" / "gender" alone
        (["Vilket kön önskar du att din mentor har?"], ["preferred_mentor_gender"]),
        (["What gender would you prefer your mentor to have?"], ["preferred_mentor_gender"]),
        (["Kan du tänka dig digitala träffar?"], ["digital"]),
        (["Hur många adepter kan du ta emot?"], ["capacity"]),
        (["Vem är din arbetsgivare?"], ["employer"]),
        (["Your phone number (so we can call you)"], ["phone"]),
    ],
)
def test_a_question_as_header_maps_to_the_field_it_names(headers, expected) -> None:
    assert auto_map(headers) == expected


@pytest.mark.parametrize(
    "header",
    [
        "First and last name",  # two fields: ambiguous
        "Which city do you live in, or can you meet digitally?",
        "Jag godkänner att ni sparar min e-postadress och mitt telefonnummer",  # consent box
        "I agree that my email address is stored",
        "Name",
        "Namn",
        "Start time",
        "Completion time",
        "Varför vill du bli adept?",
        "Vad vill du ge dina adepter?",  # the words, not the number, of adepts
        "What would you like to tell your mentor?",
    ],
)
def test_ambiguous_or_unrelated_questions_stay_unmatched(header) -> None:
    assert auto_map([header]) == [None]


def test_an_exact_header_wins_over_a_question_that_names_the_same_field() -> None:
    headers = ["Which city would you prefer to meet in?", "Ort", "Skriv din e-postadress", "Email"]
    assert auto_map(headers) == [None, "city", None, "email"]


def test_the_column_with_addresses_is_the_email_when_several_could_be() -> None:
    headers = ["Email", "E-post"]
    rows = [(2, ["anonymous", "amal@example.com"]), (3, ["anonymous", "bo@example.se"])]
    assert auto_map(headers, rows=rows) == [None, "email"]
    # addresses in both: the first column, as before
    rows = [(2, ["a@example.com", "amal@example.com"])]
    assert auto_map(headers, rows=rows) == ["email", None]
    # without values (a header row only) the header decides
    assert auto_map(headers) == ["email", None]


def test_values_win_over_a_remembered_email_column() -> None:
    """A remembered "Email" from an earlier file must not take an anonymous column now."""
    headers = ["Email", "E-postadress"]
    rows = [(2, ["anonymous", "amal@example.com"])]
    assert auto_map(headers, {"email": "email"}, rows) == [None, "email"]
    # a column the coordinator chose to ignore stays ignored
    assert auto_map(headers, {"e-postadress": ""}, rows) == ["email", None]
