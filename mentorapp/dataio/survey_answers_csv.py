"""A survey's answers as a spreadsheet, for a funder's own analysis.

One row per person who answered: name, e-mail address, code and the day, then one column per
question, named by its key (the same in every language and in the impact report's CSV). An
answer is written as its label in the chosen language ("Strongly agree", "Yes", "I have a
job"); a 0–10 or number answer as the number, so a spreadsheet can count with it; free text as
typed. The file holds names and what people wrote, so it is owner-only, and a text that starts
like a formula is marked as text (``csv_files.write_csv``). The file can be imported again
(``survey_csv``): its columns and labels are what the import reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from mentorapp.dataio.csv_files import write_csv
from mentorapp.impact.answers import SurveyPerson
from mentorapp.impact.survey_model import DONT_KNOW, Item, ItemKind, SurveyContent

__all__ = ["HEADERS", "answer_cell", "answers_rows", "write_answers_csv"]

HEADERS = ("name", "email", "code", "answered_on")


def answer_cell(item: Item, value: str, content: SurveyContent) -> str | int:
    """One stored answer as the file shows it in ``content``'s language."""
    if not value:
        return ""
    scales = content.scales
    if item.kind is ItemKind.AGREE:
        if value == DONT_KNOW:
            return scales.dont_know
        return scales.agree[int(value) - 1] if value in ("1", "2", "3", "4", "5") else value
    if item.kind is ItemKind.YES_NO:
        return {"yes": scales.yes, "no": scales.no}.get(value, value)
    if item.kind in (ItemKind.ZERO_TO_TEN, ItemKind.NUMBER):
        return int(value) if value.isascii() and value.isdigit() else value
    if item.kind is ItemKind.CHOICE:
        return item.option_label(value)
    return value


def answers_rows(
    rows: Sequence[tuple[SurveyPerson, Mapping[str, str]]], survey: str, content: SurveyContent
) -> tuple[list[str], list[list[object]]]:
    """The header and one row per person who answered, in ``rows``' order."""
    items = content.survey(survey).items
    headers = [*HEADERS, *(item.key for item in items)]
    lines: list[list[object]] = []
    for person, values in rows:
        if person.answered_on is None:
            continue
        lines.append(
            [
                person.name,
                person.email,
                person.code,
                person.answered_on.isoformat(),
                *(answer_cell(item, values.get(item.key, ""), content) for item in items),
            ]
        )
    return headers, lines


def write_answers_csv(
    path: Path,
    rows: Sequence[tuple[SurveyPerson, Mapping[str, str]]],
    survey: str,
    content: SurveyContent,
    delimiter: str = ",",
) -> int:
    """Write the file (``rows`` from ``SurveyService.table``); the number of people in it.

    ``content`` is the wording of the chosen language (or an organisation's edited copy)."""
    headers, lines = answers_rows(rows, survey, content)
    return write_csv(Path(path), headers, lines, delimiter)
