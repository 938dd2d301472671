"""A group's pair meetings: planned dates (printed in the workbook) and what happened.

Every change raises the meeting's ``sequence``, which its calendar event carries, so a
calendar imported again updates the event instead of keeping the old time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import (
    Cohort,
    FormerMember,
    GroupMember,
    MatchGroup,
    PlannedMeeting,
    Programme,
)
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, current_language, format_date
from mentorapp.people.participants import ParticipantService
from mentorapp.people.pipeline import name_order
from mentorapp.people.records import ParticipantRow
from mentorapp.planning.timeline import TimelineService
from mentorapp.running.health import MeetingState
from mentorapp.running.schedule import GroupSchedule, Meeting, RoundSchedule

MODES = ("", "in_person", "digital")
NOTE_LIMIT = 500
LONGEST_MEETING = 600  # minutes
# A date this far from the round is a typing mistake (a wrong year), not a meeting.
_FARTHEST_DAYS = 366


@dataclass(frozen=True)
class MeetingRecord:
    """What the coordinator records about one meeting; ``planned_on`` None leaves it as is."""

    state: str
    held_on: date | None = None
    minutes: int | None = None
    mode: str = ""
    note: str = ""
    planned_on: date | None = None


class MeetingService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- planned dates (the workbook's meeting pages) -------------------------------------

    def dates(self, group_id: int) -> dict[int, date]:
        with self._db.reading() as session:
            rows = session.exec(select(PlannedMeeting).where(PlannedMeeting.group_id == group_id))
            return {row.number: row.planned_on for row in rows if row.planned_on is not None}

    def set_dates(self, group_id: int, dates: dict[int, date | None]) -> None:
        """Replace the group's planned dates; a meeting set to None or left out has no date.

        What was recorded about a meeting (held, cancelled, a note) stays.
        """
        planned = [(number, day) for number, day in sorted(dates.items()) if day is not None]
        days = [day for _number, day in planned]
        if days != sorted(days):
            raise ValidationError(
                N_("The meetings must be in order: each one on or after the one before it.")
            )
        with self._db.transaction() as session:
            rows = _rows(session, group_id)
            for number, day in {**dict.fromkeys(rows), **dates}.items():
                row = rows.get(number)
                if row is None:
                    if day is not None:
                        row = PlannedMeeting(group_id=group_id, number=number, planned_on=day)
                        session.add(row)
                    continue
                if row.planned_on != day:
                    # The row stays when its date goes: its SEQUENCE tells calendars it is off.
                    row.planned_on = day
                    row.sequence += 1
                    session.add(row)

    # -- what happened ----------------------------------------------------------------------

    def record(self, group_id: int, number: int, record: MeetingRecord) -> None:
        """Record meeting ``number`` of a group as held, moved, cancelled or planned again."""
        self.record_many({(group_id, number): record})

    def record_many(self, records: dict[tuple[int, int], MeetingRecord]) -> None:
        """Record several meetings in one transaction: all of them are saved, or none."""
        with self._db.transaction() as session:
            for (group_id, number), record in sorted(records.items()):
                group = session.get(MatchGroup, group_id)
                if group is None or group.accepted_on is None:
                    raise ValidationError(N_("This group no longer exists."))
                cohort = session.get(Cohort, group.cohort_id)
                programme = session.get(Programme, cohort.programme_id) if cohort else None
                assert cohort is not None and programme is not None
                _check(record, number, programme.meetings_per_round, cohort)
                formed = group.accepted_on
                held_on = record.held_on if record.state == MeetingState.HELD else None
                if held_on is not None and group.ended_on is not None and held_on > group.ended_on:
                    raise ValidationError(
                        N_("The group ended on {ended}, so it did not meet on {date}."),
                        "held_on",
                        ended=format_date(group.ended_on),
                        date=format_date(held_on),
                    )
                if held_on is not None and held_on < formed:
                    raise ValidationError(
                        N_("The group was formed on {formed}, so it did not meet on {date}."),
                        "held_on",
                        formed=format_date(formed),
                        date=format_date(held_on),
                    )
                row = _rows(session, group_id).get(number)
                if row is None:
                    row = PlannedMeeting(group_id=group_id, number=number)
                else:
                    row.sequence += 1
                row.state = record.state
                row.held_on = record.held_on if record.state == MeetingState.HELD else None
                row.minutes = record.minutes if record.state == MeetingState.HELD else None
                row.mode = record.mode if record.state == MeetingState.HELD else ""
                row.note = record.note.strip()
                if record.planned_on is not None:
                    row.planned_on = record.planned_on
                session.add(row)
                session.flush()

    # -- the round as a whole ---------------------------------------------------------------

    def schedule(self, cohort_id: int) -> RoundSchedule:
        """Every accepted group of the round with its people and meetings, by mentor name."""
        with self._db.reading() as session:
            cohort = session.get(Cohort, cohort_id)
            if cohort is None:
                raise ValidationError(N_("That round no longer exists."))
            programme = session.get(Programme, cohort.programme_id)
            assert programme is not None
            in_round = col(MatchGroup.cohort_id) == cohort_id
            # Plain columns, not ORM objects: a round can have a thousand groups and four
            # thousand meetings, and this read is what the Running page waits for.
            groups = session.execute(
                core_select(
                    col(MatchGroup.id),
                    col(MatchGroup.mentor_enrolment_id),
                    col(MatchGroup.language),
                    col(MatchGroup.ended_on),
                    col(MatchGroup.end_reason),
                    col(MatchGroup.contacted_on),
                    col(MatchGroup.accepted_on),
                ).where(in_round, col(MatchGroup.accepted_on).is_not(None))
            ).all()
            members: dict[int, list[int]] = defaultdict(list)
            for table, column in (
                (GroupMember, GroupMember.adept_enrolment_id),
                (FormerMember, FormerMember.adept_enrolment_id),
            ):
                query = (
                    select(table.group_id, column)
                    .join(MatchGroup, col(MatchGroup.id) == table.group_id)
                    .where(in_round)
                )
                for group_id, adept_id in session.exec(query):
                    members[group_id].append(adept_id)
            meetings: dict[int, dict[int, tuple]] = defaultdict(dict)
            query_meetings = (
                core_select(
                    col(PlannedMeeting.group_id),
                    col(PlannedMeeting.number),
                    col(PlannedMeeting.planned_on),
                    col(PlannedMeeting.state),
                    col(PlannedMeeting.held_on),
                    col(PlannedMeeting.minutes),
                    col(PlannedMeeting.mode),
                    col(PlannedMeeting.note),
                    col(PlannedMeeting.sequence),
                )
                .join(MatchGroup, col(MatchGroup.id) == PlannedMeeting.group_id)
                .where(in_round)
            )
            for meeting in session.execute(query_meetings):
                meetings[meeting[0]][meeting[1]] = tuple(meeting[2:])
            calendar_id = programme.calendar_id
            count = programme.meetings_per_round
            name, end = cohort.name, cohort.end
        milestones = {m.key: m for m in TimelineService(self._db).milestones(cohort_id)}
        kickoff = milestones["kickoff"].on if "kickoff" in milestones else None
        windows = {
            n: (m.on, m.until)
            for n in range(1, count + 1)
            if (m := milestones.get(f"meeting_{n}")) is not None and m.until is not None
        }
        rows = {r.enrolment_id: r for r in ParticipantService(self._db).rows(cohort_id)}
        language = current_language()
        order: dict[int, tuple] = {}

        def name_key(row: ParticipantRow) -> tuple:
            if row.enrolment_id not in order:
                order[row.enrolment_id] = name_order(row, language)
            return order[row.enrolment_id]

        found = []
        for group in groups:
            mentor = rows.get(group.mentor_enrolment_id)
            if mentor is None or group.id is None:
                continue
            adepts = sorted(
                (rows[a] for a in members.get(group.id, ()) if a in rows), key=name_key
            )
            stored = meetings.get(group.id, {})
            numbers = sorted({*range(1, count + 1), *stored})
            found.append(
                GroupSchedule(
                    id=group.id,
                    mentor=mentor,
                    adepts=tuple(adepts),
                    language=group.language,
                    meetings=tuple(_meeting(n, stored.get(n), windows.get(n)) for n in numbers),
                    ended_on=group.ended_on,
                    end_reason=group.end_reason,
                    contacted_on=group.contacted_on,
                    accepted_on=group.accepted_on,
                )
            )
        found.sort(key=lambda g: (name_key(g.mentor), g.id))
        return RoundSchedule(cohort_id, name, kickoff, end, calendar_id, count, tuple(found))


def _rows(session: Session, group_id: int) -> dict[int, PlannedMeeting]:
    query = select(PlannedMeeting).where(PlannedMeeting.group_id == group_id)
    return {row.number: row for row in session.exec(query)}


def _meeting(number: int, row: tuple | None, window: tuple[date, date] | None) -> Meeting:
    """Meeting ``number`` from its stored columns (planned on … sequence), or as planned."""
    if row is None:
        return Meeting(number, None, window)
    planned_on, state, held_on, minutes, mode, note, sequence = row
    return Meeting(number, planned_on, window, state, held_on, minutes, mode, note, sequence)


def _check(record: MeetingRecord, number: int, meetings: int, cohort: Cohort) -> None:
    """Refuse what cannot be right, naming the field, before anything is written."""
    if not 1 <= number <= meetings:
        raise ValidationError(
            N_("The programme has meetings 1 to {count}; there is no meeting {number}."),
            "number",
            count=meetings,
            number=number,
        )
    if record.state not in tuple(MeetingState):
        raise ValueError(f"unknown meeting state {record.state!r}")
    if record.mode not in MODES:
        raise ValueError(f"unknown meeting mode {record.mode!r}")
    if record.state == MeetingState.HELD:
        if record.held_on is None:
            raise ValidationError(N_("Give the day the meeting was held."), "held_on")
        if record.held_on > date.today():
            raise ValidationError(
                N_("The meeting cannot have been held on {date}: that day has not come yet."),
                "held_on",
                date=format_date(record.held_on),
            )
    if record.minutes is not None and not 1 <= record.minutes <= LONGEST_MEETING:
        raise ValidationError(
            N_("A meeting lasts between 1 and {most} minutes."), "minutes", most=LONGEST_MEETING
        )
    if len(record.note) > NOTE_LIMIT:
        raise ValidationError(
            N_("The note is too long: keep it under {limit} characters."), "note", limit=NOTE_LIMIT
        )
    for field, day in (("held_on", record.held_on), ("planned_on", record.planned_on)):
        if day is None:
            continue
        if not cohort.start - timedelta(days=_FARTHEST_DAYS) <= day <= cohort.end + timedelta(
            days=_FARTHEST_DAYS
        ):
            raise ValidationError(
                N_("{date} is more than a year from the round; check the year."),
                field,
                date=format_date(day),
            )
