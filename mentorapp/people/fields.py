"""The participant fields of the import format, and how a typed value is read and checked.

One place for the rules, so the CSV importer, the detail editor and the CLI agree.
Every problem is a FieldError whose message is translated when it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mentorapp.domain import languages
from mentorapp.domain.text import clean_text, is_email, normalise_email
from mentorapp.errors import MentorappError
from mentorapp.i18n import N_


class FieldError(MentorappError):
    title = N_("Please check what you entered")


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # English label, marked for translation
    headers: tuple[str, ...]  # headers recognised in a CSV file (English and Swedish)
    required: bool = False
    roles: tuple[str, ...] = ("adept", "mentor")


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("first_name", N_("First name"), ("first name", "förnamn"), True),
    FieldSpec("last_name", N_("Last name"), ("last name", "efternamn"), True),
    FieldSpec(
        "email",
        N_("E-mail"),
        ("email", "e-mail", "email address", "e-mail address", "e-post", "e-postadress"),
        True,
    ),
    FieldSpec("phone", N_("Phone"), ("phone", "telefon")),
    FieldSpec("city", N_("City"), ("city", "ort", "stad"), True),
    FieldSpec("digital", N_("Digital meetings"), ("digital meetings", "digitala träffar")),
    FieldSpec("languages", N_("Languages"), ("languages", "språk"), True),
    FieldSpec("education_level", N_("Education level"), ("education level", "utbildningsnivå")),
    FieldSpec(
        "education_field",
        N_("Field of education"),
        ("field of education", "utbildningsområde"),
        True,
    ),
    FieldSpec("industry", N_("Industry"), ("industry", "bransch"), True),
    FieldSpec(
        "years_experience", N_("Years of experience"), ("years of experience", "års erfarenhet")
    ),
    FieldSpec("job_title", N_("Job title"), ("job title", "befattning", "yrke")),
    FieldSpec("employer", N_("Employer"), ("employer", "arbetsgivare"), roles=("mentor",)),
    FieldSpec(
        "capacity", N_("Number of adepts"), ("number of adepts", "antal adepter"), roles=("mentor",)
    ),
    FieldSpec("goal", N_("Goal"), ("goal", "mål"), roles=("adept",)),
    FieldSpec("gender", N_("Gender"), ("gender", "kön")),
    FieldSpec(
        "preferred_mentor_gender",
        N_("Preferred mentor gender"),
        ("preferred mentor gender", "önskat kön på mentor"),
        roles=("adept",),
    ),
)
FIELD_BY_KEY = {spec.key: spec for spec in FIELDS}

LANGUAGE_CODES = languages.MEETING_CODES  # the meeting languages, in the table's order
MAX_YEARS = 60  # years of experience, as the participant editor allows
_MAX_DIGITS = 18  # a whole number of more digits is never a sensible value
_LANGUAGE_SEPARATORS = re.compile(r"\s*(?:,|;|/|\boch\b|\band\b)\s*", re.IGNORECASE)
_YES = {"yes", "ja", "true", "1", "x", "y", "j"}
_NO = {"no", "nej", "false", "0", "n", ""}


def parse_bool(raw: str) -> bool:
    value = raw.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise FieldError(N_("“{value}” is not yes or no (write yes, no, ja, nej or x)."), value=raw)


def split_languages(raw: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The meeting languages Mentorapp can match on, as codes in a fixed order, and the other
    words as written (once each): "Svenska, franska" → (("sv",), ("franska",))."""
    codes: set[str] = set()
    others: dict[str, str] = {}
    known = languages.meeting_language_words()
    for word in _LANGUAGE_SEPARATORS.split(raw.strip()):
        if not word:
            continue
        code = known.get(word.casefold())
        if code is None:
            others.setdefault(word.casefold(), word)
        else:
            codes.add(code)
    return tuple(code for code in LANGUAGE_CODES if code in codes), tuple(others.values())


def parse_languages(raw: str) -> tuple[str, ...]:
    """Meeting languages as codes in a fixed order, e.g. "Svenska och engelska" → ("sv", "en")."""
    codes, others = split_languages(raw)
    if others:
        raise FieldError(
            N_("“{value}” is not a meeting language Mentorapp knows (Swedish or English)."),
            value=others[0],
        )
    if not codes:
        raise FieldError(N_("Give at least one meeting language: Swedish or English."))
    return codes


def format_languages(codes: tuple[str, ...] | list[str]) -> str:
    """The stored form: codes separated by commas, e.g. "sv,en"."""
    return ",".join(code for code in LANGUAGE_CODES if code in codes)


def parse_whole_number(raw: str, low: int, high: int | None = None) -> int:
    """A whole number from ``low`` to ``high``. One with more digits than a sensible value
    has is refused before it is converted (Python refuses over 4,300 digits and SQLite cannot
    store more than 19), so a dry run and the import judge it alike."""
    value = raw.strip()
    if not re.fullmatch(r"[+-]?\d+", value):
        raise FieldError(N_("“{value}” is not a whole number."), value=raw)
    too_long = len(value.lstrip("+-").lstrip("0")) > _MAX_DIGITS
    negative = value.startswith("-")
    number = 0 if too_long else int(value)
    if too_long and not negative and high is None:
        shown = value if len(value) <= 24 else value[:20] + "…"
        raise FieldError(N_("“{value}” is too large a number."), value=shown)
    if too_long or number < low or (high is not None and number > high):
        if high is None:
            raise FieldError(N_("The number must be {low} or more."), low=low)
        raise FieldError(N_("The number must be between {low} and {high}."), low=low, high=high)
    return number


def parse_years(raw: str) -> int | None:
    return None if not raw.strip() else parse_whole_number(raw, 0, MAX_YEARS)


def parse_capacity(raw: str) -> int:
    return 1 if not raw.strip() else parse_whole_number(raw, 1, 3)


def check_email(raw: str) -> str:
    """The address in its one stored form (``normalise_email``): compared and kept alike."""
    value = normalise_email(raw)
    if not value:
        raise FieldError(N_("An e-mail address is needed: it identifies the person."))
    if not is_email(value):
        raise FieldError(
            N_("“{value}” is not a complete e-mail address (like name@example.se)."),
            value=raw.strip(),
        )
    return value


def check_required(key: str, raw: str) -> str:
    value = clean_text(raw)
    if not value and FIELD_BY_KEY[key].required:
        raise FieldError(N_("This is required and cannot be left empty."))
    return value
