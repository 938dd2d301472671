"""A survey as plain text, for a coordinator who builds the same form in Google Forms or
Microsoft Forms.

The answers are spelled out exactly as the labels in the survey file, because a form's CSV
export holds the chosen label and ``survey_values.value_from_label`` reads it back. The
first question asks for the e-mail address or the code printed on the paper form, which is
how a row is matched to its person.

The few words of our own (``Short answer`` …) are translated with gettext; callers wrap the
call in ``i18n.speaking(content.language)`` so that they match the survey's language.
"""

from __future__ import annotations

from mentorapp.i18n import _
from mentorapp.impact.survey_model import Item, ItemKind, ScaleLabels, Survey

__all__ = ["questions_as_text"]

INDENT = "   "


def _bracketed(text: str) -> str:
    return "[" + text + "]"


def _answers(item: Item, scales: ScaleLabels) -> list[str]:
    """The lines under a question that say how it is answered."""
    one = _bracketed(_("One answer"))
    if item.kind is ItemKind.AGREE:
        return [one, *(f"- {label}" for label in scales.agree), f"- {scales.dont_know}"]
    if item.kind is ItemKind.YES_NO:
        return [one, f"- {scales.yes}", f"- {scales.no}"]
    if item.kind is ItemKind.CHOICE:
        return [one, *(f"- {option.label}" for option in item.options)]
    if item.kind is ItemKind.ZERO_TO_TEN:
        return [
            "["
            + _("A scale from 0 to 10: 0 = {zero}, 10 = {ten}").format(
                zero=scales.zero, ten=scales.ten
            )
            + "]"
        ]
    if item.kind is ItemKind.NUMBER:
        return [
            "["
            + _("A whole number from {low} to {high}").format(low=item.low, high=item.high)
            + "]"
        ]
    return [_bracketed(_("Long answer"))]


def _question(number: int, text: str, help_: str, answers: list[str]) -> list[str]:
    lines = [f"{number}. {text}"]
    if help_:
        lines.append(INDENT + help_)
    lines.extend(INDENT + line for line in answers)
    return [*lines, ""]


def questions_as_text(survey: Survey, scales: ScaleLabels) -> str:
    """Title, introduction and every question with its answers, numbered, ready to paste."""
    lines = [survey.title, "=" * len(survey.title), "", survey.intro, ""]
    lines += _question(
        1,
        _("Your e-mail or the code on your paper form"),
        _("Write the e-mail address you gave the programme, or the code printed on your form."),
        [_bracketed(_("Short answer"))],
    )
    for number, item in enumerate(survey.items, start=2):
        lines += _question(number, item.text, item.help, _answers(item, scales))
    return "\n".join(lines).rstrip("\n") + "\n"
