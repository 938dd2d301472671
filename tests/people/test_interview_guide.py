"""The interview guide: the same questions (by key) in every language, and an edited file's
faults named by place."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorapp.i18n import LANGUAGES
from mentorapp.people.interview_guide import (
    ROLES,
    InterviewGuideError,
    built_in_path,
    load_guide,
    load_guide_file,
)


def test_every_language_has_the_same_keys_and_six_to_eight_questions_per_role() -> None:
    english = load_guide("en")
    for language in LANGUAGES:
        assert built_in_path(language).is_file(), language
        guide = load_guide(language)
        assert guide.title and guide.intro
        for role in ROLES:
            assert guide.keys(role) == english.keys(role), (language, role)
            assert 6 <= len(guide.for_role(role)) <= 8
            for question in guide.for_role(role):
                assert question.question.endswith("?") and question.hint, question
    assert load_guide("sv").for_role("adept")[0].question != english.for_role("adept")[0].question


def test_a_language_without_a_guide_gets_the_english_one() -> None:
    assert load_guide("xx") == load_guide("en")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (('hint = "Listen', 'hunt = "Listen'), "“adept[0].hint” is missing"),
        (('key = "goals"', 'key = "motivation"'), "“adept[1].key” repeats the key “motivation”"),
        (("[guide]", "[guide"), "could not be read"),
        (('question = "Why would you', "question = 5 #"), "“mentor[0].question” should be"),
    ],
)
def test_a_fault_in_an_edited_guide_is_named_by_place(
    tmp_path: Path, change: tuple[str, str], words: str
) -> None:
    text = built_in_path("en").read_text(encoding="utf-8")
    assert change[0] in text
    edited = tmp_path / "interviews-en.toml"
    edited.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(InterviewGuideError) as raised:
        load_guide_file(edited)
    message = raised.value.user_message()
    assert words in message and str(edited) in message
    assert raised.value.user_title() == "The interview guide could not be read"
