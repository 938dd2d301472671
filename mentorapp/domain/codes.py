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

from mentorapp.domain.text import fold_words
from mentorapp.paths import resource_path


@dataclass(frozen=True)
class Code:
    """One entry of a code list, with its labels and the words that unambiguously mean it."""

    code: str
    sv: str
    en: str
    synonyms: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        """The label in ``language``; English for anything but Swedish, like the rest of the UI."""
        return self.sv if language == "sv" else self.en


def _load(filename: str) -> tuple[Code, ...]:
    with resource_path("codes", filename).open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(
        Code(
            code=str(entry["code"]),
            sv=entry["sv"],
            en=entry["en"],
            synonyms=tuple(
                fold_words(word)
                for word in (*entry.get("synonyms_sv", ()), *entry.get("synonyms_en", ()))
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
        for key in (entry.code, entry.sv, entry.en):
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
