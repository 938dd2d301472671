"""Which column of a file holds which participant field.

Headers come from whatever form tool the coordinator used, so they are compared loosely
(case, spaces, a trailing ``*`` or ``:``). A mapping the coordinator chose earlier is
remembered by normalised header and wins over the built-in names. A header that is a whole
question ("What is your field of education?") is recognised by the field's words when it
names one field only; an exact header always wins over such a question. Form tools add
columns of their own (Microsoft Forms' "Email" may hold "anonymous"), so when several columns
could be the e-mail, the one whose values look like addresses is taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mentorapp.errors import MentorappError
from mentorapp.i18n import N_
from mentorapp.people.fields import FIELD_BY_KEY, FIELDS

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2212"})


class ColumnMapError(MentorappError):
    """A column mapping given on the command line that cannot be used; nothing was imported."""

    title = N_("The columns could not be matched")


def normalise_header(text: str) -> str:
    """The form of a header used for comparing: "  E-post * " → "e-post"."""
    value = " ".join(text.replace("\ufeff", "").translate(_DASHES).split()).casefold()
    return value.rstrip(" *:").strip()


_BUILT_IN: dict[str, str] = {
    normalise_header(header): spec.key for spec in FIELDS for header in spec.headers
}

# The columns form tools add of their own. Microsoft Forms: its "Email" and "Name" are the
# responder's account, or "anonymous"; Google Forms: its "Email address" is the address the
# form collected, so it is an e-mail column like any other.
MICROSOFT_FORMS = (
    "id",
    "start time",
    "completion time",
    "email",
    "name",
    "last modified time",
    "starttid",
    "slutförandetid",
    "e-post",
    "namn",
)
GOOGLE_FORMS = ("timestamp", "tidstämpel", "email address", "e-postadress")
_MICROSOFT_TIMES = {"start time", "completion time", "starttid", "slutförandetid"}
_FORM_METADATA = set(MICROSOFT_FORMS) | set(GOOGLE_FORMS)

# Words that name a field inside a longer question, beside the field's own headers. A keyword
# of five letters or more also matches its inflections ("branschen", "utbildningsområdet").
_QUESTION_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "first_name": (("given", "name"),),
    "last_name": (("surname",), ("family", "name")),
    "email": (("e-mailadress",),),
    "phone": (("telefonnummer",), ("mobilnummer",), ("mobile",)),
    "digital": (("digital",), ("online",)),
    "languages": (("language",),),
    "education_level": (("level", "education"), ("highest", "education"), ("högsta", "utbildning")),
    "education_field": (("field", "study"),),
    "industry": (("industries",),),
    "years_experience": (("år", "erfarenhet"),),
    "job_title": (("occupation",), ("profession",), ("yrkestitel",)),
    "capacity": (("how", "many", "adepts"), ("hur", "många", "adepter")),
    "goal": (("goals",), ("målet",)),
    "preferred_mentor_gender": (("gender", "mentor"), ("kön", "mentor")),
}
# A question with one of these words is a consent or terms box, never a participant's value.
_NOT_A_VALUE = {
    "agree",
    "accept",
    "accepterar",
    "consent",
    "gdpr",
    "godkänner",
    "integritetspolicy",
    "privacy",
    "samtycke",
    "samtycker",
    "terms",
    "villkor",
    "villkoren",
}
_WORD = re.compile(r"\w+(?:-\w+)*")
_SMALL_WORDS = {"of", "av", "på", "i", "the"}


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _keyword_sets() -> dict[str, list[frozenset[str]]]:
    sets: dict[str, list[frozenset[str]]] = {}
    for spec in FIELDS:
        phrases = [_words(normalise_header(h)) for h in spec.headers]
        phrases += list(_QUESTION_WORDS.get(spec.key, ()))
        sets[spec.key] = [frozenset(w for w in p if w not in _SMALL_WORDS) for p in phrases]
    return sets


_KEYWORDS = _keyword_sets()


def _has(word: str, tokens: Sequence[str]) -> bool:
    return any(
        token == word or (len(word) >= 5 and token.startswith(word) and len(token) - len(word) <= 3)
        for token in tokens
    )


def question_field(header: str) -> str | None:
    """The one field a longer header names by its words, or None when it names none or several.

    "Vilket kön önskar du på din mentor?" names the preferred mentor gender, not the gender:
    a field whose words include another field's words wins over it.
    """
    name = normalise_header(header)
    tokens = _words(name)
    if name in _FORM_METADATA or any(token in _NOT_A_VALUE for token in tokens):
        return None
    found: dict[str, list[frozenset[str]]] = {}
    for key, sets in _KEYWORDS.items():
        matched = [words for words in sets if words and all(_has(w, tokens) for w in words)]
        if matched:
            found[key] = matched
    keys = [
        key
        for key, sets in found.items()
        if not any(
            other != key and any(mine < theirs for mine in sets for theirs in other_sets)
            for other, other_sets in found.items()
        )
    ]
    return keys[0] if len(keys) == 1 else None


_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_SAMPLE = 200  # values looked at per column: enough to tell addresses from "anonymous"


def looks_like_addresses(rows: Sequence[tuple[int, Sequence[str]]], index: int) -> bool:
    """Whether most filled cells of the column are e-mail addresses."""
    values: list[str] = []
    for _number, cells in rows:
        if index < len(cells) and cells[index].strip():
            values.append(cells[index].strip())
            if len(values) == _SAMPLE:
                break
    matching = sum(1 for value in values if _ADDRESS.fullmatch(value))
    return bool(values) and matching * 2 > len(values)


# How sure a column's field is: a remembered choice, then an exact header, then a question,
# then a form tool's own account column.
_REMEMBERED, _EXACT, _QUESTION, _ACCOUNT = 3, 2, 1, 0


def auto_map(
    headers: list[str],
    remembered: dict[str, str] | None = None,
    rows: Sequence[tuple[int, Sequence[str]]] | None = None,
) -> list[str | None]:
    """A field key (or None = ignored) per column; each field is used for one column at most.

    ``rows`` (the table's numbered rows) let the values decide between e-mail columns.
    """
    remembered = remembered or {}
    names = [normalise_header(header) for header in headers]
    microsoft = "id" in names and bool(_MICROSOFT_TIMES & set(names))
    candidates: dict[str, list[tuple[tuple[int, int, int], int]]] = {}
    for index, name in enumerate(names):
        if name in remembered and (remembered[name] == "" or remembered[name] in FIELD_BY_KEY):
            key, tier = remembered[name] or None, _REMEMBERED
            if microsoft and name in MICROSOFT_FORMS and key == "email":
                tier = _ACCOUNT  # remembered from a file where "Email" was the question
        elif microsoft and name in MICROSOFT_FORMS:
            key, tier = ("email", _ACCOUNT) if _BUILT_IN.get(name) == "email" else (None, 0)
        elif name in _BUILT_IN:
            key, tier = _BUILT_IN[name], _EXACT
        else:
            key, tier = question_field(name), _QUESTION
        if key is None:
            continue
        addresses = key == "email" and rows is not None and looks_like_addresses(rows, index)
        candidates.setdefault(key, []).append(((int(addresses), tier, -index), index))
    mapping: list[str | None] = [None] * len(headers)
    for key, found in candidates.items():
        mapping[max(found)[1]] = key
    return mapping


def missing_required(mapping: list[str | None], role: str) -> list[str]:
    """Required field keys of ``role`` that no column provides, in the format's order."""
    present = set(mapping)
    return [
        spec.key
        for spec in FIELDS
        if spec.required and role in spec.roles and spec.key not in present
    ]


def apply_overrides(
    headers: list[str], mapping: list[str | None], overrides: Sequence[str], role: str
) -> list[str | None]:
    """``mapping`` with each "Header text=field" applied (``mentorapp import --map``).

    An empty field leaves the column out. A header that is not in the file, a field that is
    not this role's, or one field for two columns is a ColumnMapError.
    """
    keys = [spec.key for spec in FIELDS if role in spec.roles]
    names = [normalise_header(header) for header in headers]
    result = list(mapping)
    chosen: dict[str, str] = {}  # field key -> the header given for it
    for override in overrides:
        header, equals, key = override.rpartition("=")
        header, key = header.strip(), key.strip()
        if not equals or not normalise_header(header):
            raise ColumnMapError(
                N_(
                    "“{value}” is not of the form “Header text=field”: write, for example, "
                    "--map “E-postadress=email”."
                ),
                value=override,
            )
        if key and key not in keys:
            raise ColumnMapError(
                N_(
                    "“{field}” is not a field of this import: use one of {keys}, or nothing "
                    "after “=” to leave the column out."
                ),
                field=key,
                keys=", ".join(keys),
            )
        if normalise_header(header) not in names:
            raise ColumnMapError(
                N_("The file has no column “{header}”; its columns are {headers}."),
                header=header,
                headers=", ".join(f"“{h}”" for h in headers if h),
            )
        if key and key in chosen:
            raise ColumnMapError(
                N_(
                    "Both “{first}” and “{second}” are mapped to {field}, but a field can come "
                    "from one column only."
                ),
                first=chosen[key],
                second=header,
                field=key,
            )
        index = names.index(normalise_header(header))
        if key:
            chosen[key] = header
            result = [None if value == key else value for value in result]
        result[index] = key or None
    return result
