"""Which column of a survey form's answers holds what: who answered, when, and which question.

A coordinator builds the form in Google Forms or Microsoft Forms from ``survey-questions``'s
text, or fills in ``survey-template``'s file, so a column is named by an item's key
("status"), or by the question's text in Swedish or English, perhaps numbered ("3. Hur många
gånger …?"). Who answered is an e-mail column (the form's own, Google's "E-postadress", or a
question asking for it) or a code column (the code printed on the paper form); the form
tools' other columns (a timestamp, "ID", "Name", "Start time") are recognised and left out
without a word, any other column is named in a warning. This module reads the header row
alone; reading the rows is ``survey_rows``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mentorapp.dataio.checkin_columns import _IGNORED, _TIMESTAMPS, fold
from mentorapp.dataio.columns import looks_like_addresses
from mentorapp.dataio.csv_source import CsvTable
from mentorapp.dataio.row_rules import RowProblem
from mentorapp.i18n import N_, _
from mentorapp.impact.survey_model import (
    AGREE_VALUES,
    YES_NO_VALUES,
    Item,
    ItemKind,
    Option,
    Survey,
    SurveyContent,
)

__all__ = [
    "GUIDE_KEYS",
    "MISSING_COLUMNS",
    "REPEATED_COLUMN",
    "SurveyColumns",
    "find_columns",
    "guide_text",
    "header_problems",
]

# Our own files' columns: the answers export's day and the template's code.
_ANSWERED = {"answered_on", "answered on", "besvarad", "svarsdatum"}
_CODES = {"code", "kod", "deltagarkod", "participant code", "survey code", "enkatkod"}
# E-mail columns by their whole header, best first: the address Google Forms collected or
# our template's, then Microsoft Forms' responder account (which may say "anonymous").
_EMAILS = (
    {"e-postadress", "email address", "e-mail address", "e-mail", "epost", "mejladress"},
    {"email", "e-post"},
)
_EMAIL_WORDS = ("e-post", "epost", "email", "e-mail", "mejl", "e-postadress", "mejladress")
_CODE_WORDS = ("kod", "koden", "code")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_NUMBERING = re.compile(r"^\s*(?:[qf]\s*)?\d{1,3}\s*[.):]\s*", re.IGNORECASE)
GUIDE_KEYS = "keys"  # a template's guide row in stored values rather than labels


def _question(text: str) -> str:
    """A header or a question as compared: without numbering, case, accents, end marks."""
    return fold(_NUMBERING.sub("", text)).rstrip(" ?.!:*")


@dataclass(frozen=True)
class SurveyColumns:
    """Where each thing a row says is (column indexes) and which columns are left out."""

    headers: list[str]
    people: tuple[int, ...]  # e-mail and code columns, in the order a row is read by them
    timestamp: int | None
    items: dict[int, Item]  # column -> the item (of the built-in structure) it answers
    ignored: tuple[str, ...]  # columns that are no question of the survey (a warning)
    repeated: tuple[tuple[str, str, str], ...] = ()  # (item key, first header, second header)

    def header(self, index: int | None) -> str:
        if index is None:
            return _("E-mail or code")
        return self.headers[index] or _("column {number}").format(number=index + 1)


def _texts(survey: str, contents: Sequence[SurveyContent]) -> dict[str, str]:
    """Every way a header may name an item: its key and its text in each content."""
    names: dict[str, str] = {}
    for content in contents:
        for item in content.survey(survey).items:
            names.setdefault(_question(item.text), item.key)
    for content in contents:  # a key beats a question that happens to read like one
        for item in content.survey(survey).items:
            names[_question(item.key)] = item.key
            names[_question(item.key.replace("_", " "))] = item.key
    return names


def _has(words: Sequence[str], header: str) -> bool:
    tokens = _WORD.findall(header)
    return any(token == word for token in tokens for word in words)


def find_columns(
    table: CsvTable, structure: Survey, contents: Sequence[SurveyContent]
) -> SurveyColumns:
    """Which column holds what. ``structure`` is the built-in survey (its items are what
    values are checked against); ``contents`` give the wordings a header may use."""
    names = _texts(structure.key, contents)
    items: dict[int, Item] = {}
    first_of: dict[str, int] = {}
    repeated: list[tuple[str, str, str]] = []
    questions: list[int] = []  # a question asking for the e-mail address or the code
    exact: list[list[int]] = [[], []]
    codes: list[int] = []
    timestamps: list[tuple[int, int]] = []
    ignored: list[str] = []
    for index, header in enumerate(table.headers):
        name = fold(header)
        key = names.get(_question(header))
        item = structure.item(key) if key else None
        if item is not None:
            if item.key in first_of:
                repeated.append((item.key, table.headers[first_of[item.key]], header))
            else:
                first_of[item.key] = index
                items[index] = item
        elif (rank := _timestamp_rank(name)) is not None:
            timestamps.append((rank, index))
        elif name in _CODES:
            codes.append(index)
        elif name in _EMAILS[0]:
            exact[0].append(index)
        elif name in _EMAILS[1]:
            exact[1].append(index)
        elif name and (_has(_EMAIL_WORDS, name) or _has(_CODE_WORDS, name)):
            questions.append(index)
        elif name in _IGNORED:
            continue
        elif name or any(index < len(cells) and cells[index] for _n, cells in table.rows):
            ignored.append(header or _("column {number} (no header)").format(number=index + 1))
    # Of Microsoft Forms' account columns, one that holds addresses comes before the code.
    accounts = [i for i in exact[1] if looks_like_addresses(table.rows, i)]
    people = (*questions, *exact[0], *accounts, *codes, *(i for i in exact[1] if i not in accounts))
    return SurveyColumns(
        headers=table.headers,
        people=tuple(people),
        timestamp=min(timestamps)[1] if timestamps else None,
        items=items,
        ignored=tuple(ignored),
        repeated=tuple(repeated),
    )


def _timestamp_rank(name: str) -> int | None:
    if name in _ANSWERED:
        return -1  # our own export's day beats a form's time of answering
    return next((rank for rank, group in enumerate(_TIMESTAMPS) if name in group), None)


NO_PEOPLE_COLUMN = N_(
    "The file has no column that says who answered, so no row can be read. Add a column "
    "“email” with each person's e-mail address, or a column “code” with the code printed on "
    "their paper form."
)
NO_QUESTION_COLUMN = N_(
    "No column of the file is a question of “{survey}”. Name each column by the question's "
    "key (such as “{example}”) or by the question's text."
)
REPEATED_COLUMN = N_(
    "The columns “{first}” and “{second}” are both the question “{item}”. Keep one of them "
    "and remove the other."
)
MISSING_COLUMNS = (NO_PEOPLE_COLUMN, NO_QUESTION_COLUMN)  # the file lacks a column it needs


def header_problems(columns: SurveyColumns, survey: Survey) -> list[RowProblem]:
    """What in the header row keeps every row from being read (row 1)."""
    problems = []
    if not columns.people:
        problems.append(
            RowProblem(
                1,
                columns.header(None),
                NO_PEOPLE_COLUMN,
            )
        )
    if not columns.items:
        problems.append(
            RowProblem(
                1,
                _("Questions"),
                NO_QUESTION_COLUMN,
                {"survey": survey.title, "example": survey.items[0].key},
            )
        )
    for key, first, second in columns.repeated:
        problems.append(
            RowProblem(
                1,
                second,
                REPEATED_COLUMN,
                {"first": first, "second": second, "item": key},
            )
        )
    return problems


def guide_text(item: Item, content: SurveyContent | None) -> str:
    """The answers a template's guide row lists for ``item``: its stored values (``content``
    None) or its labels in ``content``'s language, "" for free text."""
    if item.kind is ItemKind.TEXT:
        return ""
    if item.kind is ItemKind.ZERO_TO_TEN:
        return "0–10"
    if item.kind is ItemKind.NUMBER:
        return f"{item.low}–{item.high}"
    if content is None:
        words = list(_stored(item))
    else:
        scales = content.scales
        if item.kind is ItemKind.AGREE:
            words = [*scales.agree, scales.dont_know]
        elif item.kind is ItemKind.YES_NO:
            words = [scales.yes, scales.no]
        else:
            words = [option.label for option in _options_in(content, item)]
    return " / ".join(words)


def _stored(item: Item) -> tuple[str, ...]:
    if item.kind is ItemKind.AGREE:
        return AGREE_VALUES
    if item.kind is ItemKind.YES_NO:
        return YES_NO_VALUES
    return tuple(option.key for option in item.options)


def _options_in(content: SurveyContent, item: Item) -> tuple[Option, ...]:
    """The item's options as ``content`` words them (the same keys as the built-in ones)."""
    for survey in content.surveys:
        same = survey.item(item.key)
        if same is not None and same.kind is item.kind and same.options:
            return same.options
    return item.options
