"""Reading one row of a check-in form's answers into a meeting, with the row's problems.

Each row names a group (by an adept's or the mentor's e-mail address, or the mentor's name), a
meeting number, a day and perhaps a comment. ``RowReader`` checks every cell against the round's
schedule (who is in which group, how many meetings, when the group was formed and ended, what
is already recorded) and turns a good row into a ``CheckinMeeting`` with the note it will store.
It reads one row at a time and knows nothing of the file around it: finding the columns is
``checkin_columns``'s job, and collecting the rows, joining two answers about one meeting and
recording them are ``checkin_csv``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mentorapp.dataio.checkin_columns import WORD, Columns, fold
from mentorapp.dataio.row_rules import RowProblem
from mentorapp.domain.day_text import day_of_timestamp, parse_day, within
from mentorapp.domain.text import clean_text, is_email, normalise_email
from mentorapp.i18n import N_, format_date
from mentorapp.running.health import MeetingState
from mentorapp.running.meetings import NOTE_LIMIT
from mentorapp.running.schedule import GroupSchedule, Meeting, RoundSchedule

__all__ = ["CheckinMeeting", "RowReader", "group_name", "meeting_number", "stored_meeting"]

_FARTHEST_DAYS = 366  # as MeetingService: further from the round is a wrong year
_ANONYMOUS = {"anonymous", "anonym", "anonymt"}
_NUMBER_WORDS = {
    **{"forsta": 1, "andra": 2, "tredje": 3, "fjarde": 4, "femte": 5, "sjatte": 6},
    **{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6},
    **{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6},
    **{"ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5},
}
_OF = re.compile(r"(\d+)\s*(?:av|of|/)\s*\d+")


@dataclass(frozen=True)
class CheckinMeeting:
    """A meeting the file records (one per group and meeting, from its first row)."""

    row: int
    group_id: int
    group: str  # the mentor's and adepts' names, for the preview
    number: int
    held_on: date
    comment: str  # what the file said about it, the rows' comments together ("" = none)
    note: str  # the meeting's note as it will be stored
    unchanged: bool  # already recorded as held that day: nothing to write
    replaces: date | None = None  # the other day it was recorded as held on (with replace)


def group_name(group: GroupSchedule) -> str:
    """ "Eva Björklund – Chinedu Okafor": the mentor first, then the adepts."""
    adepts = ", ".join(adept.name for adept in group.adepts)
    return f"{group.mentor.name} – {adepts}" if adepts else group.mentor.name


def stored_meeting(group: GroupSchedule, number: int) -> Meeting | None:
    """The group's meeting of this number as the schedule has it, if there is one."""
    return next((m for m in group.meetings if m.number == number), None)


class RowReader:
    """Reads rows into meetings; what is wrong goes to ``problems``, what is only said to
    ``warnings`` (both in the order found, as ``RowProblem``)."""

    def __init__(
        self,
        columns: Columns,
        schedule: RoundSchedule,
        people: dict[str, str],
        today: date,
        order: str,  # how dates with slashes are read: day_text.DAY_FIRST or MONTH_FIRST
        replace: bool,
    ) -> None:
        self.columns, self.schedule = columns, schedule
        self.people = {normalise_email(email): name for email, name in people.items()}
        self.today, self.order, self.replace = today, order, replace
        self.problems: list[RowProblem] = []
        self.warnings: list[RowProblem] = []
        self._groups_of: dict[str, list[GroupSchedule]] = {}
        self._mentors_named: dict[str, list[GroupSchedule]] = {}
        for group in schedule.groups:
            for person in group.people:
                self._groups_of.setdefault(normalise_email(person.email), []).append(group)
            self._mentors_named.setdefault(fold(group.mentor.name), []).append(group)

    def row(self, number: int, cells: list[str]) -> CheckinMeeting | None:
        """The row's meeting, or None with its problems added."""
        columns = self.columns
        group = self._group(number, cells)
        meeting = self._number(number, cells)
        held_on = self._day(number, cells)
        comment = clean_text(cells[columns.comment]) if columns.comment is not None else ""
        if group is None or meeting is None or held_on is None:
            return None
        if group.ended_on is not None and held_on > group.ended_on:
            self._problem(
                number,
                columns.header(columns.when, "date"),
                N_("This group ended on {ended}, so it did not meet on {date}."),
                ended=format_date(group.ended_on),
                date=format_date(held_on),
            )
            return None
        if group.accepted_on is not None and held_on < group.accepted_on:
            self._problem(
                number,
                columns.header(columns.when, "date"),
                N_(
                    "This group was formed on {formed}, so it did not meet on {date}. If the "
                    "file writes the month first, check the date."
                ),
                formed=format_date(group.accepted_on),
                date=format_date(held_on),
            )
            return None
        stored = stored_meeting(group, meeting)
        recorded = stored.held_on if stored and stored.state == MeetingState.HELD else None
        if recorded is not None and recorded != held_on and not self.replace:
            self._problem(
                number,
                columns.header(columns.when, "date"),
                N_(
                    "Meeting {number} of this group is already recorded as held on "
                    "{recorded}. To record {date} instead, correct the date already recorded, "
                    "or import again choosing to replace recorded dates."
                ),
                number=meeting,
                recorded=format_date(recorded),
                date=format_date(held_on),
            )
            return None
        unchanged = recorded == held_on  # said again: nothing is written, not even the comment
        stored_note = stored.note if stored else ""
        note = stored_note if unchanged else self.note(number, comment, stored_note)
        return CheckinMeeting(
            row=number,
            group_id=group.id,
            group=group_name(group),
            number=meeting,
            held_on=held_on,
            comment=comment,
            note=note,
            unchanged=unchanged,
            replaces=recorded if recorded is not None and recorded != held_on else None,
        )

    def _problem(self, row: int, column: str, template: str, /, **params: object) -> None:
        self.problems.append(RowProblem(row, column, template, dict(params)))

    def note(self, number: int, comment: str, stored: str) -> str:
        """The stored note with the file's comment added; cut to the limit, with a warning."""
        if not comment or comment in stored:
            note = stored
        else:
            note = f"{stored}\n{comment}" if stored else comment
        if len(note) <= NOTE_LIMIT:
            return note
        self.warnings.append(
            RowProblem(
                number,
                self.columns.header(self.columns.comment, "person"),
                N_(
                    "The comment makes the meeting's note longer than {limit} characters, so "
                    "only its first {limit} characters are kept."
                ),
                {"limit": NOTE_LIMIT},
            )
        )
        return note[: NOTE_LIMIT - 1].rstrip() + "…"

    # -- the cells ------------------------------------------------------------------------

    def _group(self, number: int, cells: list[str]) -> GroupSchedule | None:
        columns = self.columns
        email = cells[columns.person].strip() if columns.person is not None else ""
        if fold(email) in _ANONYMOUS:
            email = ""
        named = cells[columns.group].strip() if columns.group is not None else ""
        by_email = self._by_email(number, email, quiet=bool(named)) if email else None
        by_group = self._by_group(number, named) if named else None
        if email and by_email is None and not named:
            return None
        if named and by_group is None:
            return None
        if by_email is not None and by_group is not None and by_email.id != by_group.id:
            self._problem(
                number,
                columns.header(columns.group, "person"),
                N_(
                    "{email} is in the group of {mentor}, but the row names the group of "
                    "{other}. Correct one of them."
                ),
                email=normalise_email(email),
                mentor=by_email.mentor.name,
                other=by_group.mentor.name,
            )
            return None
        if by_email is None and by_group is None:
            self._problem(
                number,
                columns.header(columns.person if columns.person is not None else None, "person"),
                N_(
                    "The row does not say whose meeting it was: give the mentor's or the "
                    "adept's e-mail address, or the mentor's name."
                ),
            )
            return None
        return by_group or by_email

    def _by_email(self, number: int, raw: str, quiet: bool = False) -> GroupSchedule | None:
        """The group of the person with this address; ``quiet`` leaves an unknown address
        for the group column to settle."""
        column = self.columns.header(self.columns.person, "person")
        email = normalise_email(raw)
        groups = self._groups_of.get(email)
        if groups:
            # Someone re-matched after their group ended is in two groups: the current one.
            current = [g for g in groups if g.ended_on is None]
            return current[0] if current else max(groups, key=lambda g: g.ended_on or date.min)
        if quiet:  # the group column decides
            return None
        if email in self.people:
            self._problem(
                number,
                column,
                N_(
                    "{name} ({email}) is in the round “{round}” but in no accepted group, so "
                    "there is no meeting of theirs to record."
                ),
                name=self.people[email],
                email=email,
                round=self.schedule.name,
            )
        elif not is_email(email):
            self._problem(
                number,
                column,
                N_("“{value}” is not an e-mail address."),
                value=raw,
            )
        else:
            self._problem(
                number,
                column,
                N_("No one in the round “{round}” has the e-mail address {email}."),
                round=self.schedule.name,
                email=email,
            )
        return None

    def _by_group(self, number: int, value: str) -> GroupSchedule | None:
        column = self.columns.header(self.columns.group, "person")
        if "@" in value:
            return self._by_email(number, value)
        groups = self._mentors_named.get(fold(value), [])
        if len(groups) == 1:
            return groups[0]
        if groups:
            self._problem(
                number,
                column,
                N_(
                    "More than one mentor in the round “{round}” is called {name}: give the "
                    "mentor's e-mail address instead."
                ),
                round=self.schedule.name,
                name=value,
            )
        else:
            self._problem(
                number,
                column,
                N_("No mentor in the round “{round}” is called “{name}”."),
                round=self.schedule.name,
                name=value,
            )
        return None

    def _number(self, number: int, cells: list[str]) -> int | None:
        assert self.columns.number is not None
        column = self.columns.header(self.columns.number, "number")
        raw = cells[self.columns.number].strip()
        count = self.schedule.meetings_per_round
        if not raw:
            self._problem(
                number, column, N_("Give the meeting's number, from 1 to {count}."), count=count
            )
            return None
        meeting = meeting_number(raw)
        if meeting is None:
            self._problem(
                number,
                column,
                N_(
                    "“{value}” is not a meeting number: write a number from 1 to {count}, such "
                    "as “2” or “Meeting 2”."
                ),
                value=raw,
                count=count,
            )
            return None
        if not 1 <= meeting <= count:
            self._problem(
                number,
                column,
                N_("The programme has meetings 1 to {count}; there is no meeting {number}."),
                count=count,
                number=meeting,
            )
            return None
        return meeting

    def _day(self, number: int, cells: list[str]) -> date | None:
        columns = self.columns
        stamp = cells[columns.timestamp].strip() if columns.timestamp is not None else ""
        answered = day_of_timestamp(stamp, self.today, self.order) if stamp else None
        raw = cells[columns.day].strip() if columns.day is not None else ""
        column = columns.header(columns.day if raw else columns.timestamp, "date")
        if raw:
            held_on = parse_day(raw, answered or self.today, self.order)
            if held_on is None:
                held_on = day_of_timestamp(raw, answered or self.today, self.order)
            if held_on is None:
                self._problem(
                    number,
                    column,
                    N_(
                        "“{value}” is not a date Mentorapp can read: write it as 2026-10-02 "
                        "or as “2 Oct 2026”."
                    ),
                    value=raw,
                )
                return None
        elif answered is not None:
            held_on = answered
        else:
            if stamp:
                template = N_(
                    "The row has no date, and its time of answering “{value}” cannot be read "
                    "as one. Give the day the meeting was held."
                )
            else:
                template = N_("The row has no date: give the day the meeting was held.")
            self._problem(number, column, template, value=stamp)
            return None
        if held_on > self.today:
            self._problem(
                number,
                column,
                N_("The meeting cannot have been held on {date}: that day has not come yet."),
                date=format_date(held_on),
            )
            return None
        start = self.schedule.kickoff or self.schedule.end
        if not within(held_on, min(start, self.schedule.end), self.schedule.end, _FARTHEST_DAYS):
            self._problem(
                number,
                column,
                N_("{date} is more than a year from the round; check the year."),
                date=format_date(held_on),
            )
            return None
        return held_on


def meeting_number(text: str) -> int | None:
    """1 from "1", "Träff 1", "Meeting #1", "1:a", "första", "Meeting 1 of 4"; else None."""
    value = fold(text)
    if match := _OF.search(value):
        return int(match[1])
    numbers = re.findall(r"\d+", value)
    if len(numbers) == 1:
        return int(numbers[0])
    if numbers:
        return None
    words = [_NUMBER_WORDS[w] for w in WORD.findall(value) if w in _NUMBER_WORDS]
    return words[0] if len(words) == 1 else None
