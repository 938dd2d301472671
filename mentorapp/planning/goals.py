"""The programme plan as plain values, and what its goals can be measured with.

A goal is a number and an outcome: "50 % of adepts in a job or internship within 6 months".
The outcomes name the survey item (or the record Mentorapp keeps) that will tell whether the
goal was reached, so a board or a funder reads in the plan how each goal is followed up.
Kept free of the database so the plan's form, its PDF and its service all read the same
words; everything is translated in the language asked for, which need not be the UI's.
"""

from __future__ import annotations

import gettext
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from mentorapp.domain import languages
from mentorapp.i18n import N_, _, babel_locale, load_catalog, ngettext

# The longest text each plan field keeps: enough for a plan's paragraph, and a full plan
# still fits its two printed pages (the form takes no more than this either).
TEXT_LIMITS = {
    "need": 1500,
    "adepts": 800,
    "mentors": 800,
    "gatherings": 500,
    "sponsor": 400,
    "partners": 600,
}
GOAL_TEXT_LIMIT = 200
GOAL_NOTE_LIMIT = 300

PERCENT = "percent"
COUNT = "count"
UNITS = (PERCENT, COUNT)
UNIT_LABELS = {PERCENT: N_("%"), COUNT: N_("number")}
MIN_GOALS, MAX_GOALS = 2, 4  # recommended; more or fewer may still be saved
MAX_COUNT = 100_000  # a count target beyond this is a typing mistake

MODES = ("", "in_person", "digital", "mixed")
MODE_LABELS = {
    "": N_("Not decided yet"),
    "in_person": N_("In person"),
    "digital": N_("Digital"),
    "mixed": N_("Both in person and digital"),
}


class Catalog(Protocol):
    """What translating needs: gettext's two calls (a catalog, or the UI's language)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


class _UiLanguage:
    """The UI's current language, through ``i18n``."""

    def gettext(self, message: str, /) -> str:
        return _(message)

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        return ngettext(singular, plural, n)


def catalog_for(language: str | None) -> Catalog:
    """The catalog of ``language`` (a UI language code), or the UI's own for None."""
    if language is None:
        return _UiLanguage()
    if language not in languages.UI_CODES:
        return gettext.NullTranslations()
    return load_catalog(language)


@dataclass(frozen=True)
class Outcome:
    """One thing a goal can be measured with, and where its figure comes from."""

    key: str
    label: str  # N_(): "Adepts with a job or internship within 6 months"
    source: str  # N_(): which survey and item, or which record, gives the figure
    unit: str = PERCENT  # the unit a new goal on this outcome starts with


OUTCOMES: tuple[Outcome, ...] = (
    Outcome(
        "job_or_internship_6m",
        N_("Adepts with a job or internship within 6 months"),
        N_("the adepts' follow-up survey six months after the end, item “status”"),
    ),
    Outcome(
        "in_field",
        N_("Adepts with a job or internship in their own field"),
        N_("the adepts' follow-up survey six months after the end, item “in_field”"),
    ),
    Outcome(
        "new_contacts",
        N_("Adepts who made new professional contacts"),
        N_("the adepts' end survey, item “new_contact”"),
    ),
    Outcome(
        "pairs_completed",
        N_("Pairs who complete the round"),
        N_("Mentorapp's record of the pairs still active when the round ends"),
    ),
    Outcome(
        "meetings_held",
        N_("Meetings held"),
        N_("the adepts' end survey, item “meetings” (number of meetings held)"),
        COUNT,
    ),
    Outcome(
        "mentor_again",
        N_("Mentors who would mentor again"),
        N_("the mentors' end survey, item “mentor_again”"),
    ),
    Outcome("other", N_("Other (the note says how)"), N_("as the note describes")),
)
OUTCOME_BY_KEY = {outcome.key: outcome for outcome in OUTCOMES}


@dataclass(frozen=True)
class Goal:
    """One goal as stored: its words, its number and what it is measured with."""

    id: int | None
    position: int = 0
    text: str = ""
    target: float | None = None
    unit: str = PERCENT
    measure: str = ""  # an outcome key, or "" when only the note says how
    measure_note: str = ""

    @property
    def empty(self) -> bool:
        return not (self.text.strip() or self.target is not None or self.measure)


@dataclass(frozen=True)
class Plan:
    """The whole programme plan: the plan's own fields, the programme's format, the goals."""

    programme_id: int
    need: str = ""
    adepts: str = ""
    mentors: str = ""
    pairs_per_round: int | None = None
    languages: tuple[str, ...] = ()  # meeting-language codes, in the language table's order
    mode: str = ""
    gatherings_per_round: int | None = None
    gatherings: str = ""
    sponsor: str = ""
    partners: str = ""
    months_per_round: int = 4  # the programme's own fields
    meetings_per_round: int = 4
    goals: tuple[Goal, ...] = field(default_factory=tuple)


def goal_count_advice(count: int, catalog: Catalog | None = None) -> str:
    """A sentence when the plan has fewer or more goals than recommended, "" otherwise."""
    words = catalog or _UiLanguage()
    if count < MIN_GOALS:
        return words.gettext(
            N_("Two to four measurable goals are recommended; this plan has fewer.")
        )
    if count > MAX_GOALS:
        return words.gettext(
            N_(
                "Two to four measurable goals are recommended: a board or a funder remembers a "
                "few goals better than many."
            )
        )
    return ""


def format_target(target: float, unit: str, language: str | None = None) -> str:
    """ "50 %" (Swedish) or "50%" (English) for a percentage, "12" or "2,5" for a count."""
    from babel.numbers import format_decimal, format_percent

    locale = languages.get_or_fallback(language).babel_locale if language else babel_locale()
    value = Decimal(repr(round(target, 2)))  # 33.3, never 33.299999999999997
    if unit == PERCENT:
        return format_percent(value / 100, locale=locale, decimal_quantization=False)
    return format_decimal(value, locale=locale, decimal_quantization=False)


def _sentence(key: str, target: str, number: int, words: Catalog) -> str:
    """The sentence of one outcome; a count uses the plural form of its number."""
    if key == "job_or_internship_6m":
        if number < 0:
            return words.gettext(N_("{target} of adepts in a job or internship within 6 months"))
        return words.ngettext(
            "{target} adept in a job or internship within 6 months",
            "{target} adepts in a job or internship within 6 months",
            number,
        )
    if key == "in_field":
        if number < 0:
            return words.gettext(N_("{target} of adepts in a job or internship in their own field"))
        return words.ngettext(
            "{target} adept in a job or internship in their own field",
            "{target} adepts in a job or internship in their own field",
            number,
        )
    if key == "new_contacts":
        if number < 0:
            return words.gettext(N_("{target} of adepts make new professional contacts"))
        return words.ngettext(
            "{target} adept makes new professional contacts",
            "{target} adepts make new professional contacts",
            number,
        )
    if key == "pairs_completed":
        if number < 0:
            return words.gettext(N_("{target} of pairs complete the round"))
        return words.ngettext(
            "{target} pair completes the round", "{target} pairs complete the round", number
        )
    if key == "meetings_held":
        if number < 0:
            return words.gettext(N_("{target} of the planned meetings are held"))
        return words.ngettext(
            "{target} meeting held per pair", "{target} meetings held per pair", number
        )
    if key == "mentor_again":
        if number < 0:
            return words.gettext(N_("{target} of mentors would mentor again"))
        return words.ngettext(
            "{target} mentor would mentor again", "{target} mentors would mentor again", number
        )
    return ""


def goal_sentence(goal: Goal, language: str | None = None) -> str:
    """How the goal reads in a sentence: "50 % of adepts in a job or internship within 6
    months". An "other" goal (or one with no outcome) is its own text with its number."""
    words = catalog_for(language)
    text = " ".join(goal.text.split())
    if goal.target is None:
        outcome = OUTCOME_BY_KEY.get(goal.measure)
        if text or outcome is None or outcome.key == "other":
            return text
        return words.gettext(outcome.label)
    target = format_target(goal.target, goal.unit, language)
    number = -1 if goal.unit == PERCENT else _plural_number(goal.target)
    sentence = _sentence(goal.measure, target, number, words)
    if sentence:
        return sentence.format(target=target)
    if not text:
        return target
    return words.gettext(N_("{target}: {goal}")).format(target=target, goal=text)


def measured_with(goal: Goal, language: str | None = None) -> str:
    """Where the goal's figure will come from, with the coordinator's note: for the plan."""
    words = catalog_for(language)
    outcome = OUTCOME_BY_KEY.get(goal.measure)
    note = " ".join(goal.measure_note.split())
    if outcome is None or outcome.key == "other":
        return note
    source = words.gettext(outcome.source)
    source = source[:1].upper() + source[1:]
    return f"{source}. {note}" if note else f"{source}."


def _plural_number(value: float) -> int:
    """The number a plural form is chosen by: 1 only for exactly one."""
    if not math.isfinite(value):
        return 0
    if not float(value).is_integer():
        return 2  # 1.5 meetings: the plural, in Swedish and English alike
    return 1 if value == 1 else int(min(abs(value), MAX_COUNT)) or 2


__all__ = [
    "COUNT",
    "MAX_GOALS",
    "MIN_GOALS",
    "MODES",
    "MODE_LABELS",
    "OUTCOMES",
    "OUTCOME_BY_KEY",
    "PERCENT",
    "UNITS",
    "UNIT_LABELS",
    "Catalog",
    "Goal",
    "Outcome",
    "Plan",
    "catalog_for",
    "format_target",
    "goal_count_advice",
    "goal_sentence",
    "measured_with",
]
