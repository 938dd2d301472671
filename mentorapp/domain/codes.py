"""Official code lists (SUN 2020 fields of education, SNI 2007 industries) and free-text lookup.

The lists live in ``resources/codes/*.toml`` so that the wording can follow Statistics Sweden
without a code change. Matching is deliberately strict: applicants write whatever they like
in a form, and a wrong guess would silently mislead matching, so only an exact code, label or
listed synonym counts and everything else is left for the coordinator to decide.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from mentorapp.domain import languages
from mentorapp.domain.languages import FALLBACK
from mentorapp.domain.text import fold_words
from mentorapp.paths import resource_path


@dataclass(frozen=True)
class Code:
    """One entry of a code list, with its labels and the words that unambiguously mean it."""

    code: str
    labels: tuple[tuple[str, str], ...]  # (language code, label); English's always among them
    synonyms: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        """The label in ``language``; English where the list has none, like the rest of the UI."""
        fallback = ""
        for code, text in self.labels:
            if code == language:
                return text
            if code == FALLBACK:
                fallback = text
        return fallback


def _load(filename: str) -> tuple[Code, ...]:
    """Each entry's label and synonyms in every language of the table that the file names
    (``sv = "…"``, ``synonyms_sv = […]``); English's label is required."""
    with resource_path("codes", filename).open("rb") as handle:
        data = tomllib.load(handle)
    codes = [row.code for row in languages.TABLE]
    return tuple(
        Code(
            code=str(entry["code"]),
            labels=tuple(
                (code, entry[code]) for code in codes if code in entry or code == FALLBACK
            ),
            synonyms=tuple(
                fold_words(word) for code in codes for word in entry.get(f"synonyms_{code}", ())
            ),
        )
        for entry in data["codes"]
    )


@cache
def education_fields() -> tuple[Code, ...]:
    """SUN 2020 broad fields of education, in code order."""
    return _load("sun2020.toml")


@cache
def industries() -> tuple[Code, ...]:
    """SNI 2007 sections A–U, in code order."""
    return _load("sni2007.toml")


def _label(codes: tuple[Code, ...], code: str, language: str) -> str:
    for entry in codes:
        if entry.code == code:
            return entry.label(language)
    return ""


def education_field_label(code: str, language: str) -> str:
    """The field's name, or "" for an empty or unknown code (shown as a blank cell)."""
    return _label(education_fields(), code, language)


def industry_label(code: str, language: str) -> str:
    """The section's name, or "" for an empty or unknown code (shown as a blank cell)."""
    return _label(industries(), code, language)


def _build_index(codes: tuple[Code, ...]) -> dict[str, str]:
    """Every accepted spelling -> code.

    A synonym claimed by two codes means nothing for certain, so it is dropped; codes and
    official labels always win over synonyms.
    """
    synonyms: dict[str, str] = {}
    ambiguous: set[str] = set()
    for entry in codes:
        for key in entry.synonyms:
            if synonyms.setdefault(key, entry.code) != entry.code:
                ambiguous.add(key)
    index = {key: code for key, code in synonyms.items() if key not in ambiguous}
    for entry in codes:
        for key in (entry.code, *(label for _code, label in entry.labels)):
            index[fold_words(key)] = entry.code
    return index


@cache
def _education_index() -> dict[str, str]:
    return _build_index(education_fields())


@cache
def _industry_index() -> dict[str, str]:
    return _build_index(industries())


def match_education_field(text: str) -> str | None:
    """The SUN 2020 code that ``text`` clearly names, or None when it is unknown or ambiguous."""
    return _education_index().get(fold_words(text))


def match_industry(text: str) -> str | None:
    """The SNI 2007 section that ``text`` clearly names, or None when it is unknown or ambiguous."""
    return _industry_index().get(fold_words(text))
