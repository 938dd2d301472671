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

This module is the import itself: it reads the file, collects the rows, keeps a dry run from
writing, records the meetings and reports. Which column holds what is found in
``checkin_columns``; each row is read into a meeting, with its problems, in ``checkin_rows``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mentorapp.dataio.checkin_columns import Columns, find_columns, header_problems
from mentorapp.dataio.checkin_rows import (
    CheckinMeeting,
    RowReader,
    group_name,
    meeting_number,
    stored_meeting,
)
from mentorapp.dataio.csv_source import MIXED_ENCODING, CsvTable, ImportFileError, read_table
from mentorapp.dataio.row_rules import RowProblem, _extra_cells
from mentorapp.db import Database
from mentorapp.domain.day_text import DAY_FIRST, day_of_timestamp, slash_order
from mentorapp.i18n import N_, format_date
from mentorapp.people.participants import ParticipantService
from mentorapp.running.health import MeetingState
from mentorapp.running.meetings import MeetingRecord, MeetingService
from mentorapp.running.schedule import RoundSchedule

__all__ = [
    "MAX_BYTES",
    "CheckinMeeting",
    "CheckinReport",
    "check_checkins",
    "group_name",
    "import_checkins",
    "meeting_number",
    "read_checkin_file",
]

# A round of a thousand groups answering four times each, with comments, is about 2 MB.
MAX_BYTES = 20_000_000


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
    stored = stored_meeting(group, found.number) if group else None
    held = stored is not None and stored.state == MeetingState.HELD
    return MeetingRecord(
        state=MeetingState.HELD,
        held_on=found.held_on,
        minutes=stored.minutes if held and stored else None,
        mode=stored.mode if held and stored else "",
        note=found.note,
    )


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
    report.problems = header_problems(columns, count)
    if report.problems:
        return report
    judge = _Rows(table, columns, schedule, people, today, replace)
    judge.run()
    report.meetings = judge.meetings
    report.problems = sorted(judge.problems, key=lambda p: p.row)
    report.warnings = sorted(judge.warnings, key=lambda p: p.row)
    return report


class _Rows:
    """The file's rows collected into meetings: one per group and meeting, and every problem
    of the file (the rows' own, from ``RowReader``, and those of the file around them)."""

    def __init__(
        self,
        table: CsvTable,
        columns: Columns,
        schedule: RoundSchedule,
        people: dict[str, str],
        today: date,
        replace: bool,
    ) -> None:
        self.table, self.columns, self.schedule = table, columns, schedule
        self.today = today
        self.meetings: list[CheckinMeeting] = []
        slash_values = [
            cells[index]
            for index in (columns.day, columns.timestamp)
            if index is not None
            for _n, cells in table.rows
        ]
        order, guessed = slash_order(slash_values)
        self.reader = RowReader(columns, schedule, people, today, order, replace)
        # One list of each for the whole file, in the order found: the reader's.
        self.problems = self.reader.problems
        self.warnings = self.reader.warnings
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
            found = self.reader.row(number, cells)
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
        note = self.reader.note(found.row, comment, self._stored_note(found))
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
        stored = stored_meeting(group, found.number) if group else None
        return stored.note if stored else ""
