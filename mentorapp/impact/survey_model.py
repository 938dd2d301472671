"""What a survey is, as the content files describe it and every other part reads it.

The instruments (``resources/surveys/<lang>.toml``, checked by ``impact.survey_content``) are
prose that organisations may reword, but the keys and the stored values below are fixed: the
impact report counts them, and a form's CSV export is read back through them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ItemKind(StrEnum):
    """The kinds of item, with the values an answer to each is stored as."""

    AGREE = "agree"  # "1"–"5", or "dont_know"
    YES_NO = "yes_no"  # "yes" | "no"
    ZERO_TO_TEN = "zero_to_ten"  # "0"–"10"
    CHOICE = "choice"  # one of the item's option keys
    NUMBER = "number"  # a whole number from ``low`` to ``high``
    TEXT = "text"  # free text, at most MAX_TEXT characters


SURVEY_KEYS = ("t0", "t1", "t2", "mentor_end", "partner")
ADEPT_SURVEYS = ("t0", "t1", "t2")
MENTOR_SURVEYS = ("mentor_end",)
PARTNER_SURVEYS = ("partner",)
AUDIENCES = {"t0": "adept", "t1": "adept", "t2": "adept", "mentor_end": "mentor",
             "partner": "partner"}  # fmt: skip

DONT_KNOW = "dont_know"
AGREE_VALUES = ("1", "2", "3", "4", "5", DONT_KNOW)
YES_NO_VALUES = ("yes", "no")
ZERO_TO_TEN_VALUES = tuple(str(n) for n in range(11))
MAX_TEXT = 2000

# The items the impact report counts: where they are asked, and the option keys they keep
# whatever an organisation's wording says.
STATUS_VALUES = ("job", "internship", "studies", "seeking", "other")
IN_FIELD_VALUES = ("yes", "partly", "no")
FIXED_ITEMS: dict[str, tuple[tuple[str, ...], ItemKind, tuple[str, ...]]] = {
    # item key: (the surveys that must ask it, its kind, its option keys)
    "status": (("t1", "t2"), ItemKind.CHOICE, STATUS_VALUES),
    "in_field": (("t1", "t2"), ItemKind.CHOICE, IN_FIELD_VALUES),
    "new_contact": (("t1",), ItemKind.YES_NO, YES_NO_VALUES),
}
OUTCOME_KINDS = ("job", "internship", "studies")  # what an adept can tell the coordinator


@dataclass(frozen=True)
class Option:
    key: str  # stored as the answer
    label: str  # shown and printed


@dataclass(frozen=True)
class Item:
    """One question. ``key`` is stable: an item asked in two surveys (T0 and T1) has the same
    key in both, which is how the report finds the change between them."""

    key: str
    kind: ItemKind
    text: str
    options: tuple[Option, ...] = ()  # CHOICE only
    low: int = 0  # NUMBER only
    high: int = 0  # NUMBER only
    help: str = ""  # a short hint under the question, may be ""
    required_for_report: bool = False  # one of FIXED_ITEMS

    def option_label(self, key: str) -> str:
        for option in self.options:
            if option.key == key:
                return option.label
        return key


@dataclass(frozen=True)
class Survey:
    key: str  # one of SURVEY_KEYS
    audience: str  # "adept" | "mentor" | "partner"
    title: str  # "Start survey (at the kick-off)"
    short: str  # a tab's or a column's name: "Start", "End", "6 months", "Mentors", "Partners"
    when: str  # when it is handed out, one sentence
    intro: str  # printed at the top of the form
    items: tuple[Item, ...]

    def item(self, key: str) -> Item | None:
        return next((item for item in self.items if item.key == key), None)


@dataclass(frozen=True)
class ScaleLabels:
    """The words of the shared scales, printed above the answer boxes."""

    agree: tuple[str, str, str, str, str]  # 1 … 5
    dont_know: str
    yes: str
    no: str
    zero: str  # the words under 0 of a 0–10 item, e.g. "not at all likely"
    ten: str  # … and under 10


@dataclass(frozen=True)
class SurveyContent:
    language: str
    surveys: tuple[Survey, ...]  # in SURVEY_KEYS order
    scales: ScaleLabels
    thanks: str  # printed at the end of a form

    def survey(self, key: str) -> Survey:
        for survey in self.surveys:
            if survey.key == key:
                return survey
        raise KeyError(key)
