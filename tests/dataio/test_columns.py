"""Which column holds which field: loose header matching, remembered choices, required fields."""

from __future__ import annotations

import pytest

from mentorapp.dataio.columns import auto_map, missing_required, normalise_header
from mentorapp.people.fields import FIELDS


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("  E-post * ", "e-post"),
        ("Förnamn:", "förnamn"),
        ("FIRST   NAME*", "first name"),
        ("Email :", "email"),
        ("\ufeffÅrs\u00a0erfarenhet", "års erfarenhet"),
        ("E\u2011mail", "e-mail"),
    ],
)
def test_normalise_header(header: str, expected: str) -> None:
    assert normalise_header(header) == expected


@pytest.mark.parametrize(
    "header",
    ["Email", "E-mail", "E-MAIL*", "email:", "E-post", "E-postadress", " e-postadress * "],
)
def test_every_email_spelling_maps_to_email(header: str) -> None:
    assert auto_map([header]) == ["email"]


def test_every_english_and_swedish_header_of_the_format_is_recognised() -> None:
    for spec in FIELDS:
        for header in spec.headers:
            for spelling in (header, header.upper(), f" {header.title()} *", f"{header}:"):
                assert auto_map([spelling]) == [spec.key], spelling


def test_the_table_of_the_format_maps_completely() -> None:
    english = [
        "First name",
        "Last name",
        "Email",
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
        "Goal",
        "Gender",
        "Preferred mentor gender",
    ]
    swedish = [
        "Förnamn",
        "Efternamn",
        "E-postadress",
        "Telefon",
        "Stad",
        "Digitala träffar",
        "Språk",
        "Utbildningsnivå",
        "Utbildningsområde",
        "Bransch",
        "Års erfarenhet",
        "Yrke",
        "Arbetsgivare",
        "Antal adepter",
        "Mål",
        "Kön",
        "Önskat kön på mentor",
    ]
    keys = [spec.key for spec in FIELDS]
    assert auto_map(english) == keys
    assert auto_map(swedish) == keys
    assert auto_map(["Ort", "Befattning", "E-post"]) == ["city", "job_title", "email"]


def test_unknown_columns_map_to_none() -> None:
    headers = ["Tidstämpel", "Timestamp", "Jag godkänner villkoren", "", "Förnamn"]
    assert auto_map(headers) == [None, None, None, None, "first_name"]


def test_a_field_is_used_for_the_first_column_only() -> None:
    assert auto_map(["Email", "E-post", "Ort", "Stad"]) == ["email", None, "city", None]


def test_remembered_choices_win_over_built_in_names() -> None:
    remembered = {
        "mejl": "email",
        "ort": "",  # the coordinator said: ignore this column
        "stad": "city",
        "namn": "no_such_field",  # stale entries are ignored, not trusted
    }
    mapping = auto_map(["Mejl *", "Ort", "Stad", "Namn", "Förnamn"], remembered)
    assert mapping == ["email", None, "city", None, "first_name"]


def test_remembered_duplicates_are_still_used_once() -> None:
    assert auto_map(["Mejl", "Email"], {"mejl": "email"}) == ["email", None]


def test_missing_required_per_role() -> None:
    assert missing_required([None, "email", "first_name"], "adept") == [
        "last_name",
        "city",
        "languages",
        "education_field",
        "industry",
    ]
    everything = [spec.key for spec in FIELDS if spec.required]
    assert missing_required(everything, "mentor") == []
    assert missing_required([*everything, "capacity", None], "adept") == []
