"""The rules of the import format for one file: each row read into values, or into problems.

Nothing here touches the database, so the wizard's preview, a dry run and the real import
judge a file alike. The parsing of single values lives in ``people.fields``; this module adds
what only a file has: columns, row numbers, a header without a required column and the same
e-mail twice. A warning (a language Mentorapp cannot match on) never keeps a row out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mentorapp.domain.codes import match_education_field, match_industry
from mentorapp.i18n import N_, _
from mentorapp.people.fields import (
    FIELD_BY_KEY,
    FieldError,
    check_email,
    check_required,
    format_languages,
    parse_bool,
    parse_capacity,
    parse_years,
    split_languages,
)

PERSON_TEXT = ("first_name", "last_name", "phone", "city", "education_level", "job_title", "gender")
ENROLMENT_TEXT = ("goal", "preferred_mentor_gender")
_DETAILED_SUN = re.compile(r"\d{2,3}[a-z]?", re.IGNORECASE)


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong in the file, kept as a template so it shows in the user's language."""

    row: int
    column: str  # the file's header text, or the field's label when the file has no column
    template: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return _(self.template).format(**self.params)


@dataclass
class Application:
    """A valid row: only the values the file gives (an empty cell never overwrites)."""

    row: int
    email: str
    person: dict[str, Any]  # Person attribute -> value
    enrolment: dict[str, Any]  # Enrolment attribute -> value
    employer: str = ""
    other_languages: tuple[str, ...] = ()  # words of the languages cell Mentorapp cannot match


@dataclass(frozen=True)
class Column:
    index: int
    key: str
    header: str


def education_code(text: str) -> str:
    """The SUN 2020 group that the text clearly names ("481a" is in group 4), else ""."""
    code = match_education_field(text)
    if code is None and _DETAILED_SUN.fullmatch(text.strip()):
        code = text.strip()[0]
    return code or ""


def industry_code(text: str) -> str:
    return match_industry(text) or ""


def _text(key: str) -> Callable[[str], str]:
    return lambda raw: check_required(key, raw)


_PARSERS: dict[str, Callable[[str], Any]] = {
    **{key: _text(key) for key in (*PERSON_TEXT, *ENROLMENT_TEXT, "employer")},
    "email": check_email,
    "digital": parse_bool,
    "languages": lambda raw: _languages(check_required("languages", raw)),
    "education_field": _text("education_field"),
    "industry": _text("industry"),
    "years_experience": parse_years,
    "capacity": parse_capacity,
}


def _languages(raw: str) -> tuple[str, tuple[str, ...]]:
    """The stored codes ("sv,en") and the words that name no language Mentorapp can match on."""
    codes, others = split_languages(raw)
    if not codes and not others:  # only separators, such as ","
        raise FieldError(N_("Give at least one meeting language: Swedish or English."))
    return format_languages(codes), others


def _language_warning(
    number: int, column: str, value: tuple[str, tuple[str, ...]]
) -> RowProblem | None:
    codes, others = value
    if not others:
        return None
    template = (
        N_(
            "“{words}” is not a meeting language Mentorapp can match on (Swedish or English), "
            "so it is kept as a note on the application."
        )
        if codes
        else N_(
            "“{words}” is not a meeting language Mentorapp can match on (Swedish or English), "
            "so it is kept as a note on the application. Give this person a meeting language "
            "before matching."
        )
    )
    return RowProblem(number, column, template, {"words": ", ".join(others)})


def header_problems(missing: list[str]) -> list[RowProblem]:
    """One problem on the header row per required field that no column provides."""
    return [
        RowProblem(
            row=1,
            column=_(FIELD_BY_KEY[key].label),
            template=N_(
                "The file has no column for this, so no row can be imported. Add a column "
                "with one of these headers: {headers}."
            ),
            params={"headers": ", ".join(f"“{h}”" for h in FIELD_BY_KEY[key].headers)},
        )
        for key in missing
    ]


def read_rows(
    rows: list[tuple[int, list[str]]],
    headers: list[str],
    columns: list[Column],
    missing: list[str],
    on_row: Callable[[int], None] | None = None,
    warnings: list[RowProblem] | None = None,
) -> tuple[list[Application], list[RowProblem]]:
    """Check every row; a row with any problem gives no application.

    ``missing`` are required fields without a column: reported once on the header, not on
    every row. ``on_row(index)`` lets the caller report progress or stop. Warnings, which
    keep no row out, are added to ``warnings`` when it is given.
    """
    applications: list[Application] = []
    problems = header_problems(missing)
    first_row: dict[str, int] = {}
    email_column = next((c.header for c in columns if c.key == "email"), "")
    for index, (number, cells) in enumerate(rows):
        if on_row is not None:
            on_row(index)
        row_warnings: list[RowProblem] = []
        application, row_problems = read_row(number, cells, headers, columns, row_warnings)
        email = application.email if application else _email_of(cells, columns)
        if email:
            earlier = first_row.setdefault(email, number)
            if earlier != number:
                row_problems.append(_duplicate(number, email_column, email, earlier))
        if row_problems:
            problems.extend(row_problems)
        elif application is not None and not missing:
            applications.append(application)
            if warnings is not None:  # a row left out needs no note about what it keeps
                warnings.extend(row_warnings)
    return applications, problems


def _email_of(cells: list[str], columns: list[Column]) -> str:
    for column in columns:
        if column.key == "email":
            try:
                return check_email(cells[column.index])
            except FieldError:
                return ""
    return ""


def _duplicate(number: int, column: str, email: str, earlier: int) -> RowProblem:
    return RowProblem(
        row=number,
        column=column,
        template=N_(
            "{email} is already on row {earlier}. A person can be in the file only once: "
            "remove this row or merge it with row {earlier}."
        ),
        params={"email": email, "earlier": earlier},
    )


def read_row(
    number: int,
    cells: list[str],
    headers: list[str],
    columns: list[Column],
    warnings: list[RowProblem] | None = None,
) -> tuple[Application | None, list[RowProblem]]:
    """The row's values, or the problems that stop it from being imported."""
    problems: list[RowProblem] = []
    values: dict[str, Any] = {}
    for column in columns:
        raw = cells[column.index]
        try:
            value = _PARSERS[column.key](raw)
        except FieldError as error:
            problems.append(RowProblem(number, column.header, error.template, error.params))
            continue
        if column.key == "languages" and warnings is not None:
            warning = _language_warning(number, column.header, value)
            if warning is not None:
                warnings.append(warning)
        if raw.strip():
            values[column.key] = value
    extra = [cell for cell in cells[len(headers) :] if cell]
    if extra:
        problems.append(_extra_cells(number, len(extra), headers[-1]))
    if problems:
        return None, problems
    return _application(number, values), problems


def _extra_cells(number: int, count: int, last_header: str) -> RowProblem:
    return RowProblem(
        row=number,
        column=last_header,
        template=N_(
            "This row has {count} more values than the file has columns, so its values may "
            "be in the wrong columns. A value probably contains a comma or semicolon: put "
            "quotation marks around that value."
        ),
        params={"count": count},
    )


def _application(number: int, values: dict[str, Any]) -> Application:
    person: dict[str, Any] = {
        key: values[key] for key in (*PERSON_TEXT, "digital", "years_experience") if key in values
    }
    codes, other_languages = values.get("languages", ("", ()))
    if codes:  # only unknown words: a person keeps the languages they had
        person["languages"] = codes
    if "education_field" in values:
        person["education_field_text"] = values["education_field"]
        person["education_field"] = education_code(values["education_field"])
    if "industry" in values:
        person["industry_text"] = values["industry"]
        person["industry"] = industry_code(values["industry"])
    enrolment = {key: values[key] for key in (*ENROLMENT_TEXT, "capacity") if key in values}
    return Application(
        row=number,
        email=values.get("email", ""),
        person=person,
        enrolment=enrolment,
        employer=values.get("employer", ""),
        other_languages=other_languages,
    )
