"""Reading one row of a survey form's answers into a response, with the row's problems.

Each row says who answered (an e-mail address, or the code printed on the paper form), when
(the form's timestamp; a file without one is dated the day it is imported), and an answer per
question column: a stored value ("4", "yes", "job") or a label in Swedish or English
("Instämmer helt", "Yes", "I have a job"). ``RowReader`` checks every cell against the round
(who is in it, who is asked this survey, what they answered before) and knows nothing of the
file around the row: finding the columns is ``survey_columns``'s job, collecting the rows and
saving them ``survey_csv``'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from mentorapp.dataio.checkin_columns import fold
from mentorapp.dataio.row_rules import RowProblem
from mentorapp.dataio.survey_columns import SurveyColumns, guide_text
from mentorapp.domain.day_text import day_of_timestamp
from mentorapp.domain.text import clean_text, is_email, normalise_email
from mentorapp.errors import Translated, ValidationError
from mentorapp.i18n import N_, current_language, format_date
from mentorapp.impact.survey_model import DONT_KNOW, Item, ItemKind, SurveyContent
from mentorapp.impact.survey_values import check_value, value_from_label

__all__ = ["FoundResponse", "Respondent", "RowReader", "Stored", "SurveyRound"]

_ANONYMOUS = {"anonymous", "anonym", "anonymt"}


@dataclass(frozen=True)
class Respondent:
    """Someone of the round, as a row may name them."""

    enrolment_id: int
    name: str
    email: str
    role: str  # "adept" | "mentor"
    asked: bool  # the survey is theirs to answer (its audience, and they took part)


@dataclass(frozen=True)
class Stored:
    answered_on: date
    values: Mapping[str, str]


@dataclass(frozen=True)
class SurveyRound:
    """What rows are judged against; read from the database by ``survey_csv``."""

    name: str  # the round's
    survey: str  # the survey's key
    title: str  # the survey's title, for sentences
    audience: str  # "adept" | "mentor"
    secret: str  # the programme's, for reading codes
    earliest: date  # no answer is dated before this
    today: date
    people: Sequence[Respondent]  # everyone who applied to the round
    stored: Mapping[int, Stored] = field(default_factory=dict)  # earlier responses


@dataclass(frozen=True)
class FoundResponse:
    row: int
    enrolment_id: int
    name: str
    values: dict[str, str]  # item key -> stored value, blank answers left out
    answered_on: date
    unchanged: bool  # the same answers are stored already: nothing to write
    replaces: bool  # other answers are stored, and the import replaces them


class RowReader:
    """Reads rows into responses; what is wrong goes to ``problems`` (in the order found)."""

    def __init__(
        self,
        columns: SurveyColumns,
        round_: SurveyRound,
        contents: Sequence[SurveyContent],
        order: str,  # how timestamps with slashes are read (day_text.DAY_FIRST/MONTH_FIRST)
        replace: bool,
    ) -> None:
        self.columns, self.round, self.contents = columns, round_, contents
        self.order, self.replace = order, replace
        self.problems: list[RowProblem] = []
        self._by_id = {person.enrolment_id: person for person in round_.people}
        self._by_email: dict[str, list[Respondent]] = {}
        for person in round_.people:
            self._by_email.setdefault(normalise_email(person.email), []).append(person)
        self._seen: dict[int, int] = {}  # enrolment id -> the row it was first on
        self._values_seen: dict[tuple[str, str], str | None] = {}
        self._guides = {
            index: {guide_text(item, None), *(guide_text(item, c) for c in contents)} - {""}
            for index, item in columns.items.items()
        }

    def _problem(self, row: int, column: str, template: str, /, **params: object) -> None:
        self.problems.append(RowProblem(row, column, template, dict(params)))

    def is_guide(self, cells: list[str]) -> bool:
        """The template's second row, which lists the answers of each question."""
        if any(cells[i].strip() for i in self.columns.people):
            return False
        filled = [(i, cells[i].strip()) for i in self.columns.items if cells[i].strip()]
        return bool(filled) and all(text in self._guides[i] for i, text in filled)

    def row(self, number: int, cells: list[str]) -> FoundResponse | None:
        """The row's response, or None with its problems added."""
        before = len(self.problems)
        person = self._person(number, cells)
        values = self._values(number, cells)
        answered_on = self._day(number, cells)
        if person is not None and not values and len(self.problems) == before:
            # a template's row left empty: nothing to judge, nothing to save
            day = answered_on or self.round.today
            return FoundResponse(number, person.enrolment_id, person.name, {}, day, False, False)
        if person is not None and person.enrolment_id in self._seen:
            self._problem(
                number,
                self.columns.header(self.columns.people[0]),
                N_(
                    "{name} has answered on row {earlier} too. Keep the row with the right "
                    "answers and remove the other one."
                ),
                name=person.name,
                earlier=self._seen[person.enrolment_id],
            )
            person = None
        elif person is not None:
            self._seen[person.enrolment_id] = number
        if person is None or answered_on is None or len(self.problems) > before:
            return None
        stored = self.round.stored.get(person.enrolment_id)
        unchanged = replaces = False
        if stored is not None:
            dated = self.columns.timestamp is not None
            unchanged = dict(stored.values) == values and (
                stored.answered_on == answered_on or not dated
            )
            if unchanged:
                answered_on = stored.answered_on
            elif not self.replace:
                self._problem(
                    number,
                    self.columns.header(self.columns.people[0]),
                    N_(
                        "{name} has already answered “{survey}” (on {day}), with other "
                        "answers. To keep this row's answers instead, import the file again "
                        "choosing to replace earlier answers."
                    ),
                    name=person.name,
                    survey=self.round.title,
                    day=format_date(stored.answered_on),
                )
                return None
            else:
                replaces = True
        return FoundResponse(
            number, person.enrolment_id, person.name, values, answered_on, unchanged, replaces
        )

    # -- who -------------------------------------------------------------------------------

    def _person(self, number: int, cells: list[str]) -> Respondent | None:
        found: list[tuple[int, Respondent]] = []
        failures: list[tuple[int, str, str]] = []  # (column, value, what was wrong)
        for index in self.columns.people:
            value = clean_text(cells[index])
            if not value or fold(value) in _ANONYMOUS:
                continue
            person = self._by_email_cell(value) if "@" in value else self._by_code(value)
            if person is None:
                failures.append((index, value, "email" if "@" in value else "code"))
            elif all(other.enrolment_id != person.enrolment_id for _i, other in found):
                found.append((index, person))
        if len(found) > 1:
            (first_index, first), (second_index, second) = found[:2]
            self._problem(
                number,
                self.columns.header(second_index),
                N_(
                    "The row names two people: {first} in “{first_column}” and {second} in "
                    "“{second_column}”. Correct one of them."
                ),
                first=first.name,
                first_column=self.columns.header(first_index),
                second=second.name,
                second_column=self.columns.header(second_index),
            )
            return None
        if found:
            index, person = found[0]
            return person if self._asked(number, index, person) else None
        if failures:
            self._unknown(number, *failures[0])
        else:
            self._problem(
                number,
                self.columns.header(self.columns.people[0] if self.columns.people else None),
                N_(
                    "The row does not say who answered: give the person's e-mail address or "
                    "the code on their paper form."
                ),
            )
        return None

    def _by_email_cell(self, value: str) -> Respondent | None:
        people = self._by_email.get(normalise_email(value), [])
        asked = [p for p in people if p.role == self.round.audience]
        return next(iter(asked or people), None)

    def _by_code(self, value: str) -> Respondent | None:
        from mentorapp.impact.codes import read_code

        enrolment_id = read_code(self.round.secret, value)
        return self._by_id.get(enrolment_id) if enrolment_id is not None else None

    def _unknown(self, number: int, index: int, value: str, kind: str) -> None:
        column = self.columns.header(index)
        if kind == "code":
            self._problem(
                number,
                column,
                N_(
                    "“{value}” is neither an e-mail address nor the code of anyone in the "
                    "round “{round}”. Check it against the paper form."
                ),
                value=value[:40],
                round=self.round.name,
            )
        elif not is_email(value):
            self._problem(number, column, N_("“{value}” is not an e-mail address."), value=value)
        else:
            self._problem(
                number,
                column,
                N_("No one in the round “{round}” has the e-mail address {email}."),
                round=self.round.name,
                email=normalise_email(value),
            )

    def _asked(self, number: int, index: int, person: Respondent) -> bool:
        if person.asked:
            return True
        if person.role != self.round.audience:
            template = N_(
                "{name} is not asked “{survey}”: it is for the round's {audience}, and "
                "{name} is one of its {role}."
            )
        else:
            template = N_(
                "{name} did not take part in the round “{round}”, so “{survey}” is not theirs "
                "to answer."
            )
        self._problem(
            number,
            self.columns.header(index),
            template,
            name=person.name,
            survey=self.round.title,
            round=self.round.name,
            audience=_people_word(self.round.audience),
            role=_people_word(person.role),
        )
        return False

    # -- what ------------------------------------------------------------------------------

    def _values(self, number: int, cells: list[str]) -> dict[str, str]:
        values: dict[str, str] = {}
        for index, item in self.columns.items.items():
            raw = clean_text(cells[index])
            if not raw:
                continue
            value = self._value(item, raw)
            if value is None:
                self._bad_value(number, index, item, raw)
            elif value:
                values[item.key] = value
        return values

    def _value(self, item: Item, raw: str) -> str | None:
        """The stored value of a cell; a form's column repeats a few labels, so each is
        looked up once."""
        if item.kind is not ItemKind.TEXT and (item.key, raw) in self._values_seen:
            return self._values_seen[item.key, raw]
        found = None
        for content in self.contents:
            worded = content.survey(self.round.survey).item(item.key) or item
            found = value_from_label(worded, raw, contents=self.contents)
            if found is not None:
                break
        if item.kind is not ItemKind.TEXT:
            self._values_seen[item.key, raw] = found
        return found

    def _bad_value(self, number: int, index: int, item: Item, raw: str) -> None:
        column = self.columns.header(index)
        if item.kind in (ItemKind.TEXT, ItemKind.NUMBER, ItemKind.ZERO_TO_TEN):
            try:
                check_value(item, raw)
            except ValidationError as error:
                self.problems.append(RowProblem(number, column, error.template, error.params))
                return
        self._problem(
            number,
            column,
            N_("“{value}” is not an answer to this question. Write one of: {allowed}."),
            value=raw if len(raw) <= 40 else raw[:39] + "…",
            allowed=", ".join(self._allowed(item)),
        )

    def _allowed(self, item: Item) -> list[str]:
        """Each stored value with its label in the user's language: "5 (Strongly agree)"."""
        language = current_language()
        content = next((c for c in self.contents if c.language == language), self.contents[0])
        scales = content.scales
        if item.kind is ItemKind.AGREE:
            pairs = [(str(n), label) for n, label in enumerate(scales.agree, 1)]
            pairs.append((DONT_KNOW, scales.dont_know))
        elif item.kind is ItemKind.YES_NO:
            pairs = [("yes", scales.yes), ("no", scales.no)]
        else:
            worded = content.survey(self.round.survey).item(item.key) or item
            pairs = [(option.key, worded.option_label(option.key)) for option in item.options]
        return [f"{key} ({label})" for key, label in pairs]

    # -- when ------------------------------------------------------------------------------

    def _day(self, number: int, cells: list[str]) -> date | None:
        index = self.columns.timestamp
        stamp = cells[index].strip() if index is not None else ""
        today = self.round.today
        if not stamp:
            return today
        column = self.columns.header(index)
        day = day_of_timestamp(stamp, today, self.order)
        if day is None:
            self._problem(
                number,
                column,
                N_(
                    "The time of answering “{value}” cannot be read as a day: write it as "
                    "2026-10-02 or as “2 Oct 2026”."
                ),
                value=stamp[:40],
            )
        elif day > today:
            self._problem(
                number,
                column,
                N_("The survey cannot have been answered on {day}: that is in the future."),
                day=format_date(day),
            )
        elif day < self.round.earliest:
            self._problem(
                number,
                column,
                N_(
                    "The survey cannot have been answered on {day}, long before the round "
                    "“{round}” started. Check the year."
                ),
                day=format_date(day),
                round=self.round.name,
            )
        else:
            return day
        return None


def _people_word(role: str) -> Translated:
    return Translated(N_("adepts") if role == "adept" else N_("mentors"))
