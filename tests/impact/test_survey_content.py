"""The survey instruments: both languages alike, the counted items fixed, edited copies checked
against the built-in structure with the fault's place, and single answers normalised."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from mentorapp.errors import ValidationError
from mentorapp.i18n import speaking
from mentorapp.impact.survey_content import (
    SurveyContentError,
    built_in_path,
    content_for,
    custom_file_name,
    export_content,
    load_content,
    load_content_file,
)
from mentorapp.impact.survey_model import (
    AGREE_VALUES,
    AUDIENCES,
    FIXED_ITEMS,
    MAX_TEXT,
    SURVEY_KEYS,
    Item,
    ItemKind,
    SurveyContent,
)
from mentorapp.impact.survey_values import check_value, value_from_label

LANGUAGES = ("sv", "en")

# The keys every helper codes against (COMMON14.md), survey by survey.
EXPECTED = {
    "t0": ["understand_recruitment", "present_competence", "confident_search", "next_steps",
           "contacts"],
    "t1": ["understand_recruitment", "present_competence", "confident_search", "next_steps",
           "contacts", "new_contact", "interview_insight", "match_suited", "meetings_held",
           "status", "in_field", "recommend", "most_valuable", "improve"],
    "t2": ["status", "in_field", "found_through", "mentor_contributed", "still_in_contact",
           "main_barrier", "comment"],
    "mentor_end": ["diversity_insight", "own_assumptions", "coaching_skills", "network_grew",
                   "inclusion_ideas", "shared_ideas", "support_enough", "hours", "mentor_again",
                   "recommend", "comment"],
    "partner": ["ambassadors", "more_inclusive", "made_changes", "changes_described"],
}  # fmt: skip
OPTIONS = {
    "contacts": ["none", "1_2", "3_5", "6_10", "over_10"],
    "meetings_held": ["0_1", "2_3", "4", "5_plus"],
    "status": ["job", "internship", "studies", "seeking", "other"],
    "in_field": ["yes", "partly", "no"],
    "found_through": ["mentor", "programme_contact", "other_contacts", "job_ad", "other"],
    "main_barrier": ["network", "language", "recognition", "swedish_experience",
                     "discrimination", "other"],
    "mentor_again": ["yes", "no", "maybe"],
}  # fmt: skip


def shape(content: SurveyContent) -> list[tuple[str, str, list[tuple[str, str, list[str]]]]]:
    """Everything but the words."""
    return [
        (
            survey.key,
            survey.audience,
            [(item.key, item.kind.value, [o.key for o in item.options]) for item in survey.items],
        )
        for survey in content.surveys
    ]


@pytest.fixture
def edit(tmp_path: Path) -> Callable[..., Path]:
    """An edited copy of the built-in Swedish file: (old, new) replacements, each must hit."""

    def make(*changes: tuple[str, str], language: str = "sv", count: int = 1) -> Path:
        text = built_in_path(language).read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, old
            text = text.replace(old, new, count)
        path = tmp_path / custom_file_name(language)
        path.write_text(text, encoding="utf-8")
        return path

    return make


def fault(path: Path, language: str = "sv") -> str:
    with pytest.raises(SurveyContentError) as caught:
        load_content_file(path, language)
    message = caught.value.user_message()
    assert str(path) in message
    return message


# -- the built-in files ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_survey_has_the_agreed_items_and_options(language: str) -> None:
    content = load_content(language)
    assert content.language == language
    assert [survey.key for survey in content.surveys] == list(SURVEY_KEYS)
    for survey in content.surveys:
        assert [item.key for item in survey.items] == EXPECTED[survey.key], survey.key
        assert survey.audience == AUDIENCES[survey.key]
        assert survey.title and survey.short and survey.when and survey.intro
        for item in survey.items:
            assert item.text
            if item.kind is ItemKind.CHOICE:
                assert [o.key for o in item.options] == OPTIONS[item.key]
                assert all(o.label for o in item.options)
    hours = content.survey("mentor_end").item("hours")
    assert hours is not None and (hours.kind, hours.low, hours.high) == (ItemKind.NUMBER, 0, 500)
    assert len(content.scales.agree) == 5 and content.thanks


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_counted_items_are_where_the_report_looks(language: str) -> None:
    content = load_content(language)
    for key, (surveys, kind, option_keys) in FIXED_ITEMS.items():
        for survey_key in surveys:
            item = content.survey(survey_key).item(key)
            assert item is not None, (survey_key, key)
            assert item.kind is kind and item.required_for_report
            if kind is ItemKind.CHOICE:
                assert tuple(o.key for o in item.options) == option_keys
    assert not content.survey("t0").item("contacts").required_for_report  # type: ignore[union-attr]


def test_both_languages_have_the_same_structure_and_different_words() -> None:
    swedish, english = load_content("sv"), load_content("en")
    assert shape(swedish) == shape(english)
    for ours, theirs in zip(swedish.surveys, english.surveys, strict=True):
        assert ours.title != theirs.title and ours.intro != theirs.intro
        for a, b in zip(ours.items, theirs.items, strict=True):
            assert a.text != b.text, a.key
    assert swedish.scales.agree != english.scales.agree
    assert swedish.survey("t1").short == "Slut" and english.survey("t2").short == "6 months"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_intro_says_why_and_that_answers_are_anonymous(language: str) -> None:
    words = {"sv": ("följa upp programmet", "redovisas utan"), "en": ("following up", "without")}
    for survey in load_content(language).surveys:
        for word in words[language]:
            assert word in survey.intro, survey.key


def test_the_files_tell_editors_what_they_may_change() -> None:
    for language in LANGUAGES:
        head = built_in_path(language).read_text(encoding="utf-8").split("language =")[0]
        assert "key" in head and "kind" in head and head.count("#") >= 5


# -- edited copies --------------------------------------------------------------------------------


def test_a_wording_only_edit_is_accepted_and_used(edit, tmp_path: Path) -> None:
    path = edit(
        ("Vad gör du just nu?", "Vad sysslar du med i dag?"),
        ('{ key = "partly", label = "Delvis" }', '{ key = "partly", label = "Till viss del" }'),
        ('dont_know = "Vet inte"', 'dont_know = "Ingen aning"'),
    )
    choice = content_for("sv", tmp_path)
    assert choice.error is None and choice.source == path
    status = choice.content.survey("t1").item("status")
    assert status is not None and status.text == "Vad sysslar du med i dag?"
    in_field = choice.content.survey("t1").item("in_field")
    assert in_field is not None and in_field.option_label("partly") == "Till viss del"
    assert shape(choice.content) == shape(load_content("sv"))
    assert content_for("en", tmp_path).source == built_in_path("en")  # no English copy


def test_reordered_questions_are_accepted(edit) -> None:
    text = built_in_path("sv").read_text(encoding="utf-8")
    most = text.index('[[surveys.items]]\nkey = "most_valuable"')
    improve = text.index('[[surveys.items]]\nkey = "improve"')
    end = text.index("# --- Adepter, ungefär")
    first, second = text[most:improve], text[improve:end]
    path = edit((first + second, second.rstrip("\n") + "\n\n" + first.rstrip("\n") + "\n\n"))
    survey = load_content_file(path, "sv").survey("t1")
    assert [i.key for i in survey.items][-2:] == ["improve", "most_valuable"]


def test_a_changed_key_is_refused_naming_the_place(edit) -> None:
    message = fault(edit(('key = "interview_insight"', 'key = "interview_tips"')))
    assert "surveys[1].items[6]" in message and "interview_tips" in message


def test_a_removed_question_is_refused_naming_the_survey(edit) -> None:
    start = built_in_path("sv").read_text(encoding="utf-8")
    block = start[start.index('[[surveys.items]]\nkey = "comment"') :].split("\n\n")[0] + "\n\n"
    message = fault(edit((block, "")))  # the first "comment" is in t2
    assert "comment" in message and "t2" in message and "surveys[2].items" in message


def test_a_missing_option_is_refused_naming_the_place(edit) -> None:
    message = fault(edit(('    { key = "job_ad", label = "Genom en platsannons" },\n', "")))
    assert "surveys[2].items[2].options" in message and "job_ad" in message


def test_a_changed_option_key_is_refused(edit) -> None:
    old = '{ key = "maybe", label = "Kanske" }'
    message = fault(edit((old, old.replace("maybe", "perhaps"))))
    assert "surveys[3].items[8].options[2]" in message and "perhaps" in message


def test_a_wrong_kind_is_refused_naming_the_place(edit) -> None:
    old = 'key = "still_in_contact"\nkind = "yes_no"'
    message = fault(edit((old, old.replace("yes_no", "agree"))))
    assert "surveys[2].items[4].kind" in message and "yes_no" in message


def test_a_counted_item_keeps_its_options(edit) -> None:
    message = fault(edit(('    { key = "partly", label = "Delvis" },\n', "")))
    assert "surveys[1].items[10].options" in message and "partly" in message


def test_a_counted_item_keeps_its_kind(edit) -> None:
    old = 'key = "new_contact"\nkind = "yes_no"'
    message = fault(edit((old, 'key = "new_contact"\nkind = "agree"')))
    assert "surveys[1].items[5].kind" in message and "yes_no" in message


def test_a_missing_counted_item_is_named(edit) -> None:
    message = fault(edit(('key = "new_contact"', 'key = "new_contacts"')))
    assert "new_contact" in message and "t1" in message


def test_a_repeated_or_missing_survey_is_named(edit) -> None:
    repeated = fault(edit(('key = "t2"', 'key = "t1"')))
    assert "surveys[2].key" in repeated and "surveys[1].key" in repeated
    gone = fault(edit(('key = "partner"', 'key = "t0"')))
    assert "surveys[4].key" in gone


def test_a_repeated_item_and_option_key_are_named(edit) -> None:
    item = fault(edit(('key = "next_steps"', 'key = "confident_search"')))
    assert "surveys[0].items[3].key" in item and "surveys[0].items[2].key" in item
    option = fault(edit(('{ key = "3_5", label = "3–5" }', '{ key = "1_2", label = "3–5" }')))
    assert "surveys[0].items[4].options[2].key" in option


def test_empty_options_empty_text_and_unknown_kind_are_named(edit) -> None:
    old = 'options = [\n    { key = "none"'
    empty = fault(edit((old, 'options = []\nx = [\n    { key = "none"')))
    assert "surveys[0].items[4].options" in empty
    text = fault(edit(('text = "Min mentor passade bra för mina mål."', 'text = "  "')))
    assert "surveys[1].items[7].text" in text
    kind = fault(edit(('key = "hours"\nkind = "number"', 'key = "hours"\nkind = "integer"')))
    assert "surveys[3].items[7].kind" in kind and "zero_to_ten" in kind


def test_options_on_an_agreement_item_are_refused(edit) -> None:
    old = 'key = "next_steps"\nkind = "agree"'
    message = fault(edit((old, old + '\noptions = [{ key = "a", label = "A" }]')))
    assert "surveys[0].items[3].options" in message and "choice" in message


def test_a_file_for_another_language_or_broken_toml_is_refused(edit) -> None:
    path = edit(('language = "sv"', 'language = "en"'))
    assert "language" in fault(path, "sv")
    broken = edit(('title = "Startenkät', "title = Startenkät"))
    assert "TOML" in fault(broken)


def test_a_broken_edited_copy_falls_back_with_the_fault(edit, tmp_path: Path) -> None:
    edit(('key = "interview_insight"', 'key = "interview_tips"'))
    choice = content_for("sv", tmp_path)
    assert choice.source == built_in_path("sv") and choice.content is load_content("sv")
    assert choice.error is not None and "interview_tips" in choice.error.user_message()


def test_faults_are_in_swedish_for_a_swedish_user(edit) -> None:
    path = edit(('key = "interview_insight"', 'key = "interview_tips"'))
    with speaking("sv"):
        with pytest.raises(SurveyContentError) as caught:
            load_content_file(path, "sv")
        message, title = caught.value.user_message(), caught.value.user_title()
    assert "interview_tips" in message and "surveys[1].items[6]" in message
    assert "built-in" not in message and title != SurveyContentError.title


def test_export_writes_an_owner_only_copy_that_loads_back(tmp_path: Path) -> None:
    path = export_content("en", tmp_path)
    assert path == tmp_path / "surveys-en.toml"
    assert path.read_bytes() == built_in_path("en").read_bytes()
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    assert shape(load_content_file(path, "en")) == shape(load_content("en"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_to_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    from mentorapp.errors import FileProblem

    with pytest.raises(FileProblem):
        export_content("sv", tmp_path / "nowhere")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(SurveyContentError):
        load_content("xx")


# -- one answer -----------------------------------------------------------------------------------


def item(key: str, survey: str = "t1", language: str = "en") -> Item:
    found = load_content(language).survey(survey).item(key)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("key", "survey", "given", "stored"),
    [
        ("understand_recruitment", "t1", "4", "4"),
        ("understand_recruitment", "t1", " 4 ", "4"),
        ("understand_recruitment", "t1", "DONT_KNOW", "dont_know"),
        ("new_contact", "t1", "Yes", "yes"),
        ("new_contact", "t1", "no", "no"),
        ("recommend", "t1", "10", "10"),
        ("recommend", "t1", "07", "7"),
        ("status", "t2", " Internship", "internship"),
        ("contacts", "t0", "over_10", "over_10"),
        ("hours", "mentor_end", "500", "500"),
        ("hours", "mentor_end", "0", "0"),
        ("comment", "t2", "  Tack!\r\nHej  ", "Tack!\nHej"),
        ("status", "t1", "", ""),
        ("hours", "mentor_end", "   ", ""),
    ],
)
def test_check_value_normalises_good_answers(
    key: str, survey: str, given: str, stored: str
) -> None:
    assert check_value(item(key, survey), given) == stored


@pytest.mark.parametrize(
    ("key", "survey", "given", "named"),
    [
        ("understand_recruitment", "t1", "6", "dont_know"),
        ("understand_recruitment", "t1", "0", "1, 2, 3, 4, 5"),
        ("understand_recruitment", "t1", "Strongly agree", "dont_know"),
        ("new_contact", "t1", "ja", "yes, no"),
        ("recommend", "t1", "11", "0–10"),
        ("recommend", "t1", "7.5", "0–10"),
        ("status", "t2", "employed", "seeking"),
        ("hours", "mentor_end", "501", "0–500"),
        ("hours", "mentor_end", "-1", "0–500"),
        ("hours", "mentor_end", "١٢", "0–500"),  # Arabic-Indic digits are not taken as 12
    ],
)
def test_check_value_refuses_naming_the_item_and_the_allowed(
    key: str, survey: str, given: str, named: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_value(item(key, survey), given)
    assert caught.value.field == key
    message = caught.value.user_message()
    assert key in message and named in message


def test_an_overlong_text_is_refused() -> None:
    assert check_value(item("improve"), "x" * MAX_TEXT) == "x" * MAX_TEXT
    with pytest.raises(ValidationError) as caught:
        check_value(item("improve"), "x" * (MAX_TEXT + 1))
    assert caught.value.field == "improve" and str(MAX_TEXT) in caught.value.user_message()


def test_a_refusal_reads_in_swedish() -> None:
    with pytest.raises(ValidationError) as caught:
        check_value(item("status"), "anställd")
    with speaking("sv"):
        message = caught.value.user_message()
    assert "status" in message and "anställd" in message and "Give one of" not in message


@pytest.mark.parametrize(
    ("key", "survey", "label", "stored"),
    [
        ("understand_recruitment", "t1", "Strongly agree", "5"),
        ("understand_recruitment", "t1", "Instämmer helt", "5"),
        ("understand_recruitment", "t1", "instämmer inte alls", "1"),
        ("understand_recruitment", "t1", "Vet inte", "dont_know"),
        ("understand_recruitment", "t1", "Don’t know", "dont_know"),
        ("understand_recruitment", "t1", "3", "3"),
        ("new_contact", "t1", "Ja", "yes"),
        ("new_contact", "t1", "NEJ", "no"),
        ("new_contact", "t1", "Yes", "yes"),
        ("status", "t1", "Jag söker jobb", "seeking"),
        ("status", "t2", "I have a job", "job"),
        ("in_field", "t2", "Delvis", "partly"),
        ("contacts", "t0", "1-2", "1_2"),
        ("contacts", "t0", "Fler än 10", "over_10"),
        ("mentor_again", "mentor_end", "Kanske", "maybe"),
        ("hours", "mentor_end", "12", "12"),
        ("improve", "t1", "Fler träffar", "Fler träffar"),
        ("status", "t1", "", ""),
    ],
)
def test_value_from_label_takes_labels_in_either_language(
    key: str, survey: str, label: str, stored: str
) -> None:
    assert value_from_label(item(key, survey), label, ("sv", "en")) == stored


@pytest.mark.parametrize(
    ("key", "survey", "label"),
    [
        ("understand_recruitment", "t1", "Kanske"),
        ("new_contact", "t1", "Delvis"),  # an option of another item is not an answer here
        ("status", "t1", "Jag har ett jobb inom mitt område"),
        ("hours", "mentor_end", "tolv"),
        ("improve", "t1", "x" * (MAX_TEXT + 1)),
    ],
)
def test_value_from_label_gives_none_for_an_unknown_label(
    key: str, survey: str, label: str
) -> None:
    assert value_from_label(item(key, survey), label, ("sv", "en")) is None


def test_value_from_label_uses_only_the_languages_asked() -> None:
    assert value_from_label(item("new_contact"), "Ja", ("en",)) is None
    assert value_from_label(item("new_contact"), "Ja", ("sv",)) == "yes"


def test_value_from_label_knows_an_edited_items_own_labels() -> None:
    edited = Item("in_field", ItemKind.CHOICE, "?", (
        *load_content("sv").survey("t1").item("in_field").options[:1],  # type: ignore[union-attr]
    ))  # fmt: skip
    assert value_from_label(edited, "Ja", ()) == "yes"
    assert value_from_label(edited, "Delvis", ("sv",)) is None  # not one of this item's keys


def test_every_agreement_value_is_accepted() -> None:
    for value in AGREE_VALUES:
        assert check_value(item("match_suited"), value) == value


def test_export_keeps_an_existing_copy_unless_asked(tmp_path: Path) -> None:
    from mentorapp.errors import FileProblem

    edited = tmp_path / "surveys-sv.toml"
    edited.write_text("our own edits", encoding="utf-8")
    with pytest.raises(FileProblem):
        export_content("sv", tmp_path)
    assert edited.read_text(encoding="utf-8") == "our own edits"
    export_content("sv", tmp_path, replace=True)
    assert edited.read_bytes() == built_in_path("sv").read_bytes()


# -- an edited label must keep its meaning ------------------------------------------------------

EN_SCALE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
            "Strongly agree"]  # fmt: skip


def test_a_reversed_agreement_scale_is_refused_naming_the_place(edit) -> None:
    def listed(labels: list[str]) -> str:
        return "[" + ", ".join(f'"{label}"' for label in labels) + "]"

    built_in, reversed_ = listed(EN_SCALE), listed(EN_SCALE[::-1])
    message = fault(edit((built_in, reversed_), language="en"), "en")
    assert "scales.agree[0]" in message and "Strongly agree" in message


def test_yes_and_no_swapped_are_refused_in_either_language(edit) -> None:
    message = fault(edit(('yes = "Ja"', 'yes = "Nej"')))
    assert "scales.yes" in message
    # an English copy saying the Swedish "no" for yes is refused as well
    message = fault(edit(('yes = "Yes"', 'yes = "nej "'), language="en"), "en")
    assert "scales.yes" in message


def test_zero_and_ten_swapped_are_refused(edit) -> None:
    message = fault(
        edit(
            ('zero = "Not at all likely"', 'zero = "Extremely likely"'),
            ('ten = "Extremely likely"', 'ten = "Not at all likely"'),
            language="en",
        ),
        "en",
    )
    assert "scales.zero" in message


def test_an_option_labelled_as_another_option_is_refused(edit) -> None:
    message = fault(
        edit(
            ('{ key = "yes", label = "Yes" },\n    { key = "no", label = "No" },\n    '
             '{ key = "maybe", label = "Maybe" },',
             '{ key = "yes", label = "Maybe" },\n    { key = "no", label = "No" },\n    '
             '{ key = "maybe", label = "Yes" },'),
            language="en",
        ),
        "en",
    )  # fmt: skip
    assert "surveys[3].items[8].options[0].label" in message and "maybe" in message


def test_a_reworded_scale_keeping_its_meaning_is_accepted(edit) -> None:
    path = edit(('"Strongly agree"]', '"Fully agree"]'), ('yes = "Yes"', 'yes = "Yes, indeed"'),
                language="en")  # fmt: skip
    content = load_content_file(path, "en")
    match_suited = item("match_suited")
    assert value_from_label(match_suited, "Fully agree", (), (content,)) == "5"
    assert value_from_label(item("new_contact"), "yes, indeed", (), (content,)) == "yes"
    assert value_from_label(match_suited, "Fully agree", ("en", "sv")) is None  # not built in
