"""The official code lists load, and free text maps to a code only when it clearly names one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mentorapp.domain.codes import (
    Code,
    education_field_label,
    education_fields,
    industries,
    industry_label,
    match_education_field,
    match_industry,
)


def test_lists_have_the_expected_codes() -> None:
    assert [c.code for c in education_fields()] == [str(n) for n in range(10)]
    assert [c.code for c in industries()] == list("ABCDEFGHIJKLMNOPQRSTU")
    for c in education_fields() + industries():
        assert isinstance(c, Code) and dict(c.labels).keys() >= {"sv", "en"}
        assert all(dict(c.labels).values())


@pytest.mark.parametrize("codes", [education_fields, industries])
def test_synonyms_are_lower_case_and_point_to_one_code(
    codes: Callable[[], tuple[Code, ...]],
) -> None:
    owner: dict[str, str] = {}
    labels = {
        label.casefold(): c.code for c in codes() for label in (*dict(c.labels).values(), c.code)
    }
    for entry in codes():
        for word in entry.synonyms:
            assert word == word.lower().strip(), word
            assert owner.setdefault(word, entry.code) == entry.code, f"{word!r} is ambiguous"
            assert labels.get(word, entry.code) == entry.code, f"{word!r} is another's label"


def test_labels_by_language_and_blank_for_unknown() -> None:
    assert education_field_label("4", "sv").startswith("Naturvetenskap, matematik")
    assert education_field_label("4", "en").startswith("Natural sciences")
    assert industry_label("K", "sv") == "Finans- och försäkringsverksamhet"
    assert industry_label("K", "en") == "Financial and insurance activities"
    assert industry_label("Q", "de") == "Human health and social work activities"
    assert education_field_label("", "sv") == ""
    assert education_field_label("42", "sv") == ""
    assert industry_label("Z", "en") == ""
    assert education_fields()[3].label("sv") == "Samhällsvetenskap, juridik, handel, administration"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3", "3"),
        (" 7 ", "7"),
        ("Ekonomi", "3"),
        ("  juridik ", "3"),
        ("Data och IT", "4"),
        ("DATA  OCH   IT", "4"),
        ("Computer Science", "4"),
        ("Teknik", "5"),
        ("engineering", "5"),
        ("Medicine", "7"),
        ("nursing", "7"),
        ("Naturvetenskap", "4"),
        ("samhällsvetenskap", "3"),
        ("Humanities and arts", "2"),
        ("hälso- och sjukvård samt social omsorg", "7"),
    ],
)
def test_education_field_clear_matches(text: str, code: str) -> None:
    assert match_education_field(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "xyz",
        "ekonomi och teknik",
        "Master i ekonomi",
        "10",
        "04",
        "K",
        "bank",
        "data it",
    ],
)
def test_education_field_no_guessing(text: str) -> None:
    assert match_education_field(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("K", "K"),
        ("k", "K"),
        ("Bank och finans", "K"),
        ("IT och telekom", "J"),
        ("it", "J"),
        ("Bygg", "F"),
        ("industri", "C"),
        ("Offentlig förvaltning", "O"),
        ("handel", "G"),
        ("Vård", "Q"),
        ("Utbildning", "P"),
        ("construction", "F"),
        ("Information and communication", "J"),
        ("vård och omsorg; sociala tjänster", "Q"),
    ],
)
def test_industry_clear_matches(text: str, code: str) -> None:
    assert match_industry(text) == code


@pytest.mark.parametrize(
    "text", ["", "Z", "AB", "62", "62010", "bank och vård", "IT-bolag i Kista", "teknik", "ekonomi"]
)
def test_industry_no_guessing(text: str) -> None:
    assert match_industry(text) is None
