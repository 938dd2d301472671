"""Pair meetings recorded from a check-in form's answers (Google Forms, Microsoft Forms).

A programme asks its mentors and adepts to answer a short form after each meeting: who they
are (an e-mail address, or the group as the mentor's name or e-mail), which meeting, when, and
a comment. The form's answers, exported as CSV, are read with the applications import's reader
(``csv_source``: encodings, delimiters, Excel's "sep=" line, row numbers as a spreadsheet shows
them) and judged row by row with the same kind of problems (``row_rules.RowProblem``). Then it
is all or nothing: one row with a problem and no meeting is recorded; otherwise every meeting
is recorded as held in one transaction (``MeetingService.record_many``).

Dates are read as the two form tools write them in Swedish and English ("2026-10-02",
"2 okt 2026", "02/10/2026", "October 2, 2026"). A date with slashes is read day first
(02/10/2026 is 2 October, as both tools write it in Swedish and British English) unless the
file shows the month first (a second number above 12, as in 10/25/2026 from Google Forms in
American English); when every such date could be read either way, day first is used and the
report says so. A row without a date takes the day of the form's timestamp.

A meeting already recorded as held on the same day is "unchanged"; on another day it is a
problem unless the coordinator chose to replace recorded dates. Both the mentor and the adept
may answer about the same meeting: rows with the same day are one meeting (their comments
are kept together), rows with different days are a problem on the later row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mentorapp.dataio.columns import looks_like_addresses, normalise_header
from mentorapp.dataio.csv_source import MIXED_ENCODING, CsvTable, ImportFileError, read_table
from mentorapp.dataio.row_rules import RowProblem, _extra_cells
from mentorapp.db import Database
from mentorapp.domain.day_text import (
    DAY_FIRST,
    day_of_timestamp,
    parse_day,
    slash_order,
    within,
)
from mentorapp.domain.text import clean_text, is_email, normalise_email
from mentorapp.i18n import N_, _, format_date
from mentorapp.people.participants import ParticipantService
from mentorapp.running.health import MeetingState
from mentorapp.running.meetings import NOTE_LIMIT, MeetingRecord, MeetingService
from mentorapp.running.schedule import GroupSchedule, Meeting, RoundSchedule

__all__ = [
    "MAX_BYTES",
    "CheckinMeeting",
    "CheckinReport",
    "check_checkins",
    "group_name",
    "import_checkins",
    "read_checkin_file",
]

# A round of a thousand groups answering four times each, with comments, is about 2 MB.
MAX_BYTES = 20_000_000
_FARTHEST_DAYS = 366  # as MeetingService: further from the round is a wrong year

# Headers compared without case and accents ("Tidstämpel" = "tidstampel").
_TIMESTAMPS = (  # the form tool's time of answering, best first
    ("completion time", "slutforandetid"),
    ("timestamp", "tidstampel", "submitted", "inskickad", "skickad"),
    ("start time", "starttid"),
)
_IGNORED = {  # the form tools' other columns of their own
    "id",
    "name",
    "namn",
    "last modified time",
    "senaste andringstid",
    "score",
    "poang",
    "total points",
    "points",
}
_ACCOUNT = {"email", "e-post"}  # Microsoft Forms: the responder's account, or "anonymous"
_EXACT = {
    "traffdatum": "date",
    "motesdatum": "date",
    "traffnummer": "number",
    "motesnummer": "number",
    "#": "number",
}
# Words of a question that name what its column holds, in this order of precedence: "Datum för
# träffen" is a date, "Kommentar till mentorn" a comment, "Mentorns e-post" the group.
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("date", ("datum", "date", "when", "nar", "dag", "day")),
    (
        "comment",
        (
            *("kommentar", "comment", "note", "anteckning", "ovrigt", "other", "remark"),
            *("feedback", "pratade", "talk", "discuss", "beratta", "tell"),
        ),
    ),
    ("group", ("mentor", "grupp", "group", "par", "pair")),
    (
        "email",
        ("e-post", "epost", "email", "e-mail", "mejl", "mail", "e-postadress", "mejladress"),
    ),
    ("number", ("traff", "meeting", "mote", "number", "nummer", "nr", "session", "vilken")),
)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|#")
_ANONYMOUS = {"anonymous", "anonym", "anonymt"}
_NUMBER_WORDS = {
    **{"forsta": 1, "andra": 2, "tredje": 3, "fjarde": 4, "femte": 5, "sjatte": 6},
    **{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6},
    **{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6},
    **{"ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5},
}
_OF = re.compile(r"(\d+)\s*(?:av|of|/)\s*\d+")
_LABELS = {
    "person": N_("E-mail or group"),
    "number": N_("Meeting"),
    "date": N_("Date"),
}


def _fold(text: str) -> str:
    """A header or a name as compared: lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFD", normalise_header(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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


@dataclass
class CheckinReport:
    """What an import did, or (dry run, preview) would do; problems stay translatable."""

    rows: int = 0
    meetings: list[CheckinMeeting] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)  # said; keep no row out
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header, key) used
    ignored_columns: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def recorded(self) -> int:
        """Meetings written (or, before writing, to be written)."""
        return sum(1 for meeting in self.meetings if not meeting.unchanged)

    @property
    def unchanged(self) -> int:
        return sum(1 for meeting in self.meetings if meeting.unchanged)

    @property
    def rows_with_problems(self) -> int:
        return len({problem.row for problem in self.problems if problem.row > 1})

    def as_json(self) -> dict:
        return {
            "rows": self.rows,
            "recorded": self.recorded if self.written or not self.problems else 0,
            "unchanged": self.unchanged,
            "problems": [_as_json(p) for p in self.problems],
            "warnings": [_as_json(p) for p in self.warnings],
            "written": self.written,
        }


def _as_json(problem: RowProblem) -> dict:
    return {"row": problem.row, "column": problem.column, "message": problem.message}


def group_name(group: GroupSchedule) -> str:
    """ "Eva Björklund – Chinedu Okafor": the mentor first, then the adepts."""
    adepts = ", ".join(adept.name for adept in group.adepts)
    return f"{group.mentor.name} – {adepts}" if adepts else group.mentor.name


def read_checkin_file(path: Path) -> bytes:
    """The file's bytes; a missing, unreadable or oversized file is an ImportFileError."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise ImportFileError(
            N_("There is no file at {path}. Check the file's name and folder."), path=path
        ) from exc
    except OSError as exc:
        raise ImportFileError(
            N_("Mentorapp could not open {path} ({detail})."),
            path=path,
            detail=exc.strerror or str(exc),
        ) from exc
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            N_(
                "The file is larger than {megabytes} MB, far more than a check-in form's "
                "answers for a round. Choose the CSV file exported from the form."
            ),
            megabytes=MAX_BYTES // 1_000_000,
        )
    return data


def import_checkins(
    database: Database,
    cohort_id: int,
    data: bytes | CsvTable,
    *,
    dry_run: bool = False,
    replace: bool = False,
    today: date | None = None,
) -> CheckinReport:
    """Check every row, then record all the meetings as held in one transaction, or none.

    Raises ImportFileError for a file that cannot be read at all; every other fault is a
    problem in the report, and a report with problems means nothing was written.
    """
    table = data if isinstance(data, CsvTable) else read_table(data)
    meetings = MeetingService(database)
    schedule = meetings.schedule(cohort_id)
    people = {row.email: row.name for row in ParticipantService(database).rows(cohort_id)}
    report = check_checkins(table, schedule, people, today or date.today(), replace)
    if dry_run or report.problems:
        return report
    records = {
        (meeting.group_id, meeting.number): _record(schedule, meeting)
        for meeting in report.meetings
        if not meeting.unchanged
    }
    if records:
        meetings.record_many(records)
    report.written = True
    return report


def _record(schedule: RoundSchedule, found: CheckinMeeting) -> MeetingRecord:
    """Held on the file's day; how long and where stay as recorded, if it was held before."""
    group = schedule.group(found.group_id)
    stored = _meeting(group, found.number) if group else None
    held = stored is not None and stored.state == MeetingState.HELD
    return MeetingRecord(
        state=MeetingState.HELD,
        held_on=found.held_on,
        minutes=stored.minutes if held and stored else None,
        mode=stored.mode if held and stored else "",
        note=found.note,
    )


def _meeting(group: GroupSchedule, number: int) -> Meeting | None:
    return next((m for m in group.meetings if m.number == number), None)


# -- columns --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    person: int | None  # e-mail column
    group: int | None
    number: int | None
    day: int | None
    comment: int | None
    timestamp: int | None
    headers: list[str]

    @property
    def when(self) -> int | None:
        """The column a row's day comes from: its date, else the form's timestamp."""
        return self.day if self.day is not None else self.timestamp

    def header(self, index: int | None, key: str) -> str:
        if index is None:
            return _(_LABELS[key])
        return self.headers[index] or _("column {number}").format(number=index + 1)


def _key(name: str) -> str | None:
    if name in _EXACT:
        return _EXACT[name]
    tokens = _WORD.findall(name)
    for key, words in _WORDS:
        if any(_has(word, tokens) for word in words):
            return key
    return None


def _has(word: str, tokens: Sequence[str]) -> bool:
    """A word of the question, or one it begins (for words of four letters or more)."""
    return any(t == word or (len(word) >= 4 and t.startswith(word)) for t in tokens)


def find_columns(table: CsvTable) -> tuple[_Columns, list[str]]:
    """Which column holds what, and the headers of the columns that are left out."""
    names = [_fold(header) for header in table.headers]
    found: dict[str, list[int]] = {}
    timestamps: list[tuple[int, int]] = []  # (rank, index)
    accounts: list[int] = []
    for index, name in enumerate(names):
        rank = next((r for r, group in enumerate(_TIMESTAMPS) if name in group), None)
        if rank is not None:
            timestamps.append((rank, index))
        elif name in _ACCOUNT:
            accounts.append(index)
        elif name and name not in _IGNORED and (key := _key(name)) is not None:
            found.setdefault(key, []).append(index)
    emails = found.get("email", []) + accounts
    # A question answered with addresses beats a form's account column ("anonymous").
    person = max(
        emails,
        key=lambda i: (looks_like_addresses(table.rows, i), i not in accounts, -i),
        default=None,
    )
    columns = _Columns(
        person=person,
        group=_first(found, "group"),
        number=_first(found, "number"),
        day=_first(found, "date"),
        comment=_first(found, "comment"),
        timestamp=min(timestamps)[1] if timestamps else None,
        headers=table.headers,
    )
    used = {
        columns.person,
        columns.group,
        columns.number,
        columns.day,
        columns.comment,
        columns.timestamp,
    }
    ignored = [
        header or _("column {number} (no header)").format(number=index + 1)
        for index, header in enumerate(table.headers)
        if index not in used and (header or any(cells[index] for _n, cells in table.rows))
    ]
    return columns, ignored


def _first(found: dict[str, list[int]], key: str) -> int | None:
    indexes = found.get(key)
    return indexes[0] if indexes else None


def _header_problems(columns: _Columns, count: int) -> list[RowProblem]:
    problems = []
    if columns.person is None and columns.group is None:
        problems.append(
            RowProblem(
                1,
                _(_LABELS["person"]),
                N_(
                    "The file has no column that says whose meeting it was, so no row can be "
                    "read. Add a column “Email” with the mentor's or the adept's e-mail "
                    "address, or a column “Mentor” with the mentor's name or e-mail address."
                ),
            )
        )
    if columns.number is None:
        problems.append(
            RowProblem(
                1,
                _(_LABELS["number"]),
                N_(
                    "The file has no column with the meeting's number, so no row can be read. "
                    "Add a column “Meeting” with a number from 1 to {count}."
                ),
                {"count": count},
            )
        )
    if columns.day is None and columns.timestamp is None:
        problems.append(
            RowProblem(
                1,
                _(_LABELS["date"]),
                N_(
                    "The file has neither a date column nor the form's time of answering, so "
                    "no meeting has a day. Add a column “Date” with the day each meeting was "
                    "held."
                ),
            )
        )
    return problems


# -- rows -----------------------------------------------------------------------------------


def check_checkins(
    table: CsvTable,
    schedule: RoundSchedule,
    people: dict[str, str],
    today: date,
    replace: bool = False,
) -> CheckinReport:
    """Judge every row against the round; nothing here touches the database.

    ``people`` are everyone who applied to the round (e-mail → name), so an address of
    someone without a group is told apart from one that nobody in the round has.
    """
    columns, ignored = find_columns(table)
    report = CheckinReport(rows=len(table.rows), ignored_columns=ignored)
    report.columns = [
        (columns.headers[index], key)
        for key, index in (
            ("email", columns.person),
            ("group", columns.group),
            ("number", columns.number),
            ("date", columns.day),
            ("comment", columns.comment),
            ("timestamp", columns.timestamp),
        )
        if index is not None
    ]
    count = schedule.meetings_per_round
    report.problems = _header_problems(columns, count)
    if report.problems:
        return report
    judge = _Rows(table, columns, schedule, people, today, replace)
    judge.run()
    report.meetings = judge.meetings
    report.problems = sorted(judge.problems, key=lambda p: p.row)
    report.warnings = sorted(judge.warnings, key=lambda p: p.row)
    return report


class _Rows:
    def __init__(
        self,
        table: CsvTable,
        columns: _Columns,
        schedule: RoundSchedule,
        people: dict[str, str],
        today: date,
        replace: bool,
    ) -> None:
        self.table, self.columns, self.schedule = table, columns, schedule
        self.people = {normalise_email(email): name for email, name in people.items()}
        self.today, self.replace = today, replace
        self.meetings: list[CheckinMeeting] = []
        self.problems: list[RowProblem] = []
        self.warnings: list[RowProblem] = []
        self._groups_of: dict[str, list[GroupSchedule]] = {}
        self._mentors_named: dict[str, list[GroupSchedule]] = {}
        for group in schedule.groups:
            for person in group.people:
                self._groups_of.setdefault(normalise_email(person.email), []).append(group)
            self._mentors_named.setdefault(_fold(group.mentor.name), []).append(group)
        slash_values = [
            cells[index]
            for index in (columns.day, columns.timestamp)
            if index is not None
            for _n, cells in table.rows
        ]
        self.order, guessed = slash_order(slash_values)
        if guessed:
            self._warn_order(slash_values)
        damaged_columns = {columns.person, columns.group, columns.number, columns.day}
        damaged_columns |= {columns.comment, columns.timestamp}
        self.damaged = [d for d in table.damaged if d.column in damaged_columns]

    def _warn_order(self, values: list[str]) -> None:
        example = next(v for v in values if re.fullmatch(r"\s*\d{1,2}/\d{1,2}/\d{2,4}.*", v))
        read = day_of_timestamp(example, self.today, DAY_FIRST)
        self.warnings.append(
            RowProblem(
                1,
                self.columns.header(self.columns.when, "date"),
                N_(
                    "Dates with slashes were read with the day first: “{example}” as {date}. "
                    "If the form wrote the month first, change the dates to the form "
                    "2026-10-02 and import the file again."
                ),
                {"example": example.strip(), "date": format_date(read)},
            )
        )

    def run(self) -> None:
        first: dict[tuple[int, int], int] = {}  # meeting -> index in self.meetings
        for number, cells in self.table.rows:
            problems_before = len(self.problems)
            found = self._row(number, cells)
            for damage in self.damaged:
                if damage.row == number:
                    self.problems.append(
                        RowProblem(
                            number,
                            self.columns.header(damage.column, "person"),
                            MIXED_ENCODING,
                            {"utf8": damage.utf8, "windows": damage.windows},
                        )
                    )
            extra = [cell for cell in cells[len(self.table.headers) :] if cell]
            if extra:
                last = self.table.headers[-1] if self.table.headers else ""
                self.problems.append(_extra_cells(number, len(extra), last))
            if found is None or len(self.problems) > problems_before:
                continue
            self._add(first, found)

    def _add(self, first: dict[tuple[int, int], int], found: CheckinMeeting) -> None:
        key = (found.group_id, found.number)
        if key not in first:
            first[key] = len(self.meetings)
            self.meetings.append(found)
            return
        earlier = self.meetings[first[key]]
        if earlier.held_on != found.held_on:
            self.problems.append(
                RowProblem(
                    found.row,
                    self.columns.header(self.columns.when, "date"),
                    N_(
                        "Meeting {number} of this group is also on row {earlier}, held on "
                        "{other}. Keep the row with the right day and remove the other one."
                    ),
                    {
                        "number": found.number,
                        "earlier": earlier.row,
                        "other": format_date(earlier.held_on),
                    },
                )
            )
            return
        if earlier.unchanged or not found.comment or found.comment in earlier.comment:
            return
        # The mentor and the adept both answered about the meeting: keep both comments.
        comment = f"{earlier.comment}\n{found.comment}" if earlier.comment else found.comment
        note = self._note(found.row, comment, self._stored_note(found))
        self.meetings[first[key]] = CheckinMeeting(
            earlier.row,
            earlier.group_id,
            earlier.group,
            earlier.number,
            earlier.held_on,
            comment,
            note,
            earlier.unchanged,
            earlier.replaces,
        )

    def _stored_note(self, found: CheckinMeeting) -> str:
        group = self.schedule.group(found.group_id)
        stored = _meeting(group, found.number) if group else None
        return stored.note if stored else ""

    def _row(self, number: int, cells: list[str]) -> CheckinMeeting | None:
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
        stored = _meeting(group, meeting)
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
        note = stored_note if unchanged else self._note(number, comment, stored_note)
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

    def _note(self, number: int, comment: str, stored: str) -> str:
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
        if _fold(email) in _ANONYMOUS:
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
        groups = self._mentors_named.get(_fold(value), [])
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
    value = _fold(text)
    if match := _OF.search(value):
        return int(match[1])
    numbers = re.findall(r"\d+", value)
    if len(numbers) == 1:
        return int(numbers[0])
    if numbers:
        return None
    words = [_NUMBER_WORDS[w] for w in _WORD.findall(value) if w in _NUMBER_WORDS]
    return words[0] if len(words) == 1 else None
