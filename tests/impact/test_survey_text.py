"""The questions as plain text for Google Forms / Microsoft Forms: every item and answer, in
the survey's language, and answers spelled so that the form's export reads back."""

from __future__ import annotations

import pytest

from mentorapp.i18n import speaking
from mentorapp.impact.survey_content import load_content
from mentorapp.impact.survey_model import SURVEY_KEYS, ItemKind
from mentorapp.impact.survey_text import questions_as_text
from mentorapp.impact.survey_values import value_from_label


def text_of(language: str, key: str) -> str:
    content = load_content(language)
    with speaking(language):
        return questions_as_text(content.survey(key), content.scales)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("key", SURVEY_KEYS)
def test_every_item_and_option_is_in_the_text(language: str, key: str) -> None:
    content = load_content(language)
    survey = content.survey(key)
    text = text_of(language, key)
    assert text.startswith(survey.title + "\n") and survey.intro in text
    for number, item in enumerate(survey.items, start=2):
        assert f"\n{number}. {item.text}\n" in text, item.key
        if item.help:
            assert item.help in text
        for option in item.options:
            assert f"   - {option.label}\n" in text
    assert f"\n{len(survey.items) + 2}. " not in text
    if any(item.kind is ItemKind.AGREE for item in survey.items):
        for label in (*content.scales.agree, content.scales.dont_know):
            assert f"   - {label}\n" in text


def test_the_first_question_asks_for_the_email_or_code() -> None:
    assert "\n1. Your e-mail or the code on your paper form\n" in text_of("en", "t0")
    swedish = text_of("sv", "t0")
    first = swedish.split("\n1. ", 1)[1].split("\n", 1)[0]
    assert "e-post" in first.lower() and "kod" in first.lower()


def test_numbers_and_scales_are_spelled_out() -> None:
    text = text_of("en", "mentor_end")
    assert "[A whole number from 0 to 500]" in text
    assert "0 = Not at all likely, 10 = Extremely likely" in text
    assert "[Long answer]" in text


def test_every_answer_written_in_the_text_reads_back() -> None:
    """What a respondent ticks is what the CSV holds; each such line must be understood."""
    for language in ("sv", "en"):
        content = load_content(language)
        for survey in content.surveys:
            text = text_of(language, survey.key)
            blocks = text.split("\n\n")
            for item in survey.items:
                block = next(b for b in blocks if f". {item.text}" in b)
                for line in block.splitlines():
                    if line.startswith("   - "):
                        assert value_from_label(item, line[5:], (language,)) is not None, line


def test_the_text_is_stable() -> None:
    assert text_of("sv", "t2") == text_of("sv", "t2")
    assert text_of("sv", "t2").endswith("\n") and not text_of("sv", "t2").endswith("\n\n")
