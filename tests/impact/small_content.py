"""A small hand-made survey content for the report's tests: the report counts keys and kinds,
so a few items of each kind show every rule without the shipped wording."""

from __future__ import annotations

from mentorapp.impact.survey_model import (
    IN_FIELD_VALUES,
    STATUS_VALUES,
    Item,
    ItemKind,
    Option,
    ScaleLabels,
    Survey,
    SurveyContent,
)


def _options(keys: tuple[str, ...]) -> tuple[Option, ...]:
    return tuple(Option(key, key.capitalize()) for key in keys)


def _agree(key: str, text: str) -> Item:
    return Item(key, ItemKind.AGREE, text)


def small_content(language: str = "en") -> SurveyContent:
    status = Item("status", ItemKind.CHOICE, "What do you do now?", _options(STATUS_VALUES))
    in_field = Item("in_field", ItemKind.CHOICE, "In your field?", _options(IN_FIELD_VALUES))
    surveys = (
        Survey("t0", "adept", "Start survey", "Start", "At the kick-off.", "", (
            _agree("understand_recruitment", "I understand how recruitment works"),
            _agree("confident_search", "I feel confident searching for jobs"),
            Item("contacts", ItemKind.CHOICE, "Contacts?", _options(("none", "1_2"))),
        )),
        Survey("t1", "adept", "End survey", "End", "At the closing.", "", (
            _agree("understand_recruitment", "I understand how recruitment works"),
            _agree("confident_search", "I feel confident searching for jobs"),
            Item("new_contact", ItemKind.YES_NO, "New contact?", required_for_report=True),
            _agree("match_suited", "My mentor suited me"),
            status,
            in_field,
            Item("recommend", ItemKind.ZERO_TO_TEN, "Would you recommend it"),
            Item("most_valuable", ItemKind.TEXT, "What was most valuable?"),
        )),
        Survey("t2", "adept", "Six-month survey", "6 months", "Six months on.", "", (
            status,
            in_field,
            _agree("mentor_contributed", "My mentor contributed"),
            Item("still_in_contact", ItemKind.YES_NO, "Still in contact"),
        )),
        Survey("mentor_end", "mentor", "Mentor survey", "Mentors", "At the closing.", "", (
            _agree("diversity_insight", "I understand diversity better"),
            Item("shared_ideas", ItemKind.YES_NO, "Shared ideas at work"),
            Item("hours", ItemKind.NUMBER, "Hours", low=0, high=500),
            Item("mentor_again", ItemKind.CHOICE, "Mentor again",
                 _options(("yes", "no", "maybe"))),
            Item("recommend", ItemKind.ZERO_TO_TEN, "Would you recommend it"),
        )),
        Survey("partner", "partner", "Partner survey", "Partners", "Yearly.", "", (
            _agree("more_inclusive", "We are more inclusive"),
        )),
    )  # fmt: skip
    scales = ScaleLabels(("1", "2", "3", "4", "5"), "Don't know", "Yes", "No", "No", "Yes")
    return SurveyContent(language, surveys, scales, "Thank you!")
