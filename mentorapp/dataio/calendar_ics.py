"""A round's pair meetings and gatherings as iCalendar files (RFC 5545) that Outlook, Google
Calendar and Apple Calendar import: one per round for the coordinator, one per group for the
pair.

Why it is written the way it is:

- Every event's UID is made of its row's id and the programme's ``calendar_id`` (kept in the
  file, so a restored backup keeps it): importing the file again updates the events instead
  of adding copies, and two programmes' calendars never collide.
- SEQUENCE is the row's ``sequence``, which the services raise on every change, so a
  calendar program takes the new date over the one it has.
- A pair meeting has only a date, so it is an all-day event shown as free time (it must not
  block the whole day). A meeting without a planned date is left out (a month's window is no
  appointment); a held meeting is shown on the day it was held. The meetings of a group that
  ended early and were not held are marked cancelled, one SEQUENCE higher.
- Privacy: the meeting note is never exported (it may be private), nor e-mail addresses or
  phone numbers; there are no ATTENDEE lines.
- Europe/Stockholm is described with yearly rules (RRULE), not the list of dates icalendar
  generates: Outlook misreads definitions made only of RDATEs (events an hour off in summer).
  A test checks the rules against the tz database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vDDDTypes, vInt, vText
from icalendar.enums import STATUS, TRANSP
from sqlmodel import col, select

from mentorapp import __version__
from mentorapp.dataio.calendar_file import write_calendar
from mentorapp.db import Database
from mentorapp.domain.models import Cohort, Gathering, GatheringGuest, MatchGroup, Programme
from mentorapp.errors import ValidationError
from mentorapp.i18n import LANGUAGES, N_, _, babel_locale, format_date, ngettext, speaking
from mentorapp.running.health import MeetingState
from mentorapp.running.schedule import GroupSchedule, Meeting, RoundSchedule

TIMEZONE = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TIMEZONE)
PRODID = f"-//Mentorapp//Mentorapp {__version__}//EN"
UID_DOMAIN = "mentorapp"

# Sweden has kept the EU's summer time rule since 1996: from the last Sunday of March at 02:00
# to the last Sunday of October at 03:00 local time.
STOCKHOLM_VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Stockholm\r\n"
    "X-LIC-LOCATION:Europe/Stockholm\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19960331T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19961027T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)


@dataclass(frozen=True)
class CalendarGathering:
    """A gathering as its calendar event needs it (read here, not through the gatherings
    service, so the calendar depends on the table only)."""

    id: int
    title: str
    starts_at: datetime  # local wall-clock time in Stockholm
    all_day: bool
    minutes: int
    place: str
    description: str
    cancelled: bool
    sequence: int
    # Who is invited or came (enrolment ids): a pair's calendar holds only their gatherings.
    guests: frozenset[int] = frozenset()


@dataclass(frozen=True)
class RoundFacts:
    """What the calendar needs besides the schedule: the programme and the gatherings."""

    programme_name: str
    language: str  # the programme's own language
    gatherings: tuple[CalendarGathering, ...]


@dataclass(frozen=True)
class CalendarExport:
    path: Path
    events: int


def gatherings_for_calendar(database: Database, cohort_id: int) -> RoundFacts:
    """The round's gatherings by start, and the programme's name and language, in one read."""
    with database.reading() as session:
        cohort = session.get(Cohort, cohort_id)
        if cohort is None:
            raise ValidationError(N_("That round no longer exists."))
        programme = session.get(Programme, cohort.programme_id)
        assert programme is not None
        query = (
            select(Gathering)
            .where(Gathering.cohort_id == cohort_id)
            .order_by(col(Gathering.starts_at), col(Gathering.id))
        )
        guests: dict[int, set[int]] = {}
        invited = (
            select(col(GatheringGuest.gathering_id), col(GatheringGuest.enrolment_id))
            .join(Gathering, col(Gathering.id) == GatheringGuest.gathering_id)
            .where(Gathering.cohort_id == cohort_id)
        )
        for gathering_id, enrolment_id in session.exec(invited):
            guests.setdefault(gathering_id, set()).add(enrolment_id)
        gatherings = tuple(
            CalendarGathering(
                id=row.id,
                title=row.title,
                starts_at=row.starts_at,
                all_day=row.all_day,
                minutes=row.minutes,
                place=row.place,
                description=row.description,
                cancelled=row.cancelled,
                sequence=row.sequence,
                guests=frozenset(guests.get(row.id, ())),
            )
            for row in session.exec(query)
            if row.id is not None
        )
        return RoundFacts(programme.name, programme.default_language, gatherings)


def round_of_group(database: Database, group_id: int) -> int:
    """The round a group belongs to (the calendar of a group is built from its round's)."""
    with database.reading() as session:
        group = session.get(MatchGroup, group_id)
        if group is None:
            raise ValidationError(N_("This group no longer exists."))
        return group.cohort_id


# -- building the calendar ------------------------------------------------------------------


def round_calendar(
    schedule: RoundSchedule,
    facts: RoundFacts,
    language: str | None = None,
    now: datetime | None = None,
) -> Calendar:
    """Every group's meetings and the round's gatherings, for the coordinator."""
    language = _language(language, facts.language)
    with speaking(language):
        texts = _Texts(schedule, facts)
        events = [
            event
            for group in schedule.groups
            for event in _meeting_events(schedule, group, texts, _stamp(now))
        ]
        events += _gathering_events(schedule, facts, _stamp(now))
        name = f"{facts.programme_name} – {schedule.name}"
        uid = f"round-{schedule.cohort_id}-{schedule.calendar_id}@{UID_DOMAIN}"
        return _calendar(name, uid, events)


def group_calendar(
    schedule: RoundSchedule,
    group_id: int,
    facts: RoundFacts,
    language: str | None = None,
    now: datetime | None = None,
) -> Calendar:
    """One group's meetings and the round's gatherings, for the pair; in the group's meeting
    language when it is one Mentorapp speaks and no language is asked for."""
    group = schedule.group(group_id)
    if group is None:
        raise ValidationError(N_("This group no longer exists."))
    if language is None and group.language in LANGUAGES:
        language = group.language
    language = _language(language, facts.language)
    with speaking(language):
        events = _meeting_events(schedule, group, _Texts(schedule, facts), _stamp(now))
        # Only the gatherings someone in the group is invited to (or came to).
        people = {person.enrolment_id for person in group.people}
        theirs = tuple(g for g in facts.gatherings if g.guests & people)
        events += _gathering_events(schedule, replace(facts, gatherings=theirs), _stamp(now))
        name = f"{facts.programme_name} – {_names(group)}"
        uid = f"group-{group.id}-{schedule.calendar_id}@{UID_DOMAIN}"
        return _calendar(name, uid, events)


# An event with the moment it is sorted by (the local wall-clock start) and its UID.
_Sorted = tuple[datetime, str, Event]


def _calendar(name: str, uid: str, events: list[_Sorted]) -> Calendar:
    events.sort(key=lambda item: (item[0], item[1]))
    calendar = Calendar.new(
        prodid=PRODID,
        method="PUBLISH",
        calscale="GREGORIAN",
        name=name,
        uid=uid,
        subcomponents=[Timezone.from_ical(STOCKHOLM_VTIMEZONE), *(e for _s, _u, e in events)],
    )
    calendar["X-WR-TIMEZONE"] = TIMEZONE
    return calendar


def _stamp(now: datetime | None) -> datetime:
    """DTSTAMP: when the file was made, in UTC, to the second."""
    moment = now if now is not None else datetime.now(UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def _language(asked: str | None, programme: str) -> str:
    if asked in LANGUAGES:
        return str(asked)
    return programme if programme in LANGUAGES else LANGUAGES[0]


def _names(group: GroupSchedule, locale: str | None = None) -> str:
    from babel.lists import format_list

    names = [person.name for person in group.people if person.name]
    return format_list(names, locale=locale or babel_locale()) if names else ""


class _Texts:
    """The words of the meeting events in the language spoken, each made once per calendar
    (a round has thousands of events but few different dates and numbers)."""

    def __init__(self, schedule: RoundSchedule, facts: RoundFacts) -> None:
        self.schedule, self.facts = schedule, facts
        self.summary = _("Pair meeting {number} – {names}")
        self.held = {
            "in_person": _("Held in person on {date}."),
            "digital": _("Held online on {date}."),
            "": _("Held on {date}."),
        }
        self._dates: dict[date, str] = {}
        self._numbers: dict[int, str] = {}
        self.locale = babel_locale()
        # DTSTART, DTEND and DTSTAMP values by moment: a round's thousands of events share
        # a few hundred days, and each value costs a time zone lookup to make.
        self._values: dict[date | datetime, vDDDTypes] = {}
        self._texts: dict[str, vText] = {}

    def text(self, words: str) -> vText:
        """A TEXT value many events share (a status, a description), made once."""
        if words not in self._texts:
            self._texts[words] = vText(words)
        return self._texts[words]

    def value(self, moment: date | datetime) -> vDDDTypes:
        if moment not in self._values:
            self._values[moment] = vDDDTypes(moment)
        return self._values[moment]

    def date(self, day: date) -> str:
        if day not in self._dates:
            self._dates[day] = format_date(day)
        return self._dates[day]

    def heading(self, number: int) -> str:
        if number not in self._numbers:
            self._numbers[number] = _(
                "{programme}, round “{round}”: pair meeting {number} of {count}."
            ).format(
                programme=self.facts.programme_name,
                round=self.schedule.name,
                number=number,
                count=self.schedule.meetings_per_round,
            )
        return self._numbers[number]


def _meeting_events(
    schedule: RoundSchedule, group: GroupSchedule, texts: _Texts, stamp: datetime
) -> list[_Sorted]:
    """The group's dated meetings as all-day events.

    Built from icalendar's property types rather than ``Event.new``: a round has thousands
    of meetings, and the checks of ``Event.new`` took a third of the time (the same lines
    come out; tests/dataio/test_calendar_ics.py compares them).
    """
    names = _names(group, texts.locale)
    events = []
    for meeting in group.meetings:
        dated = meeting.held_on if meeting.state == MeetingState.HELD else meeting.planned_on
        undated = dated is None
        if dated is None and meeting.sequence == 0:
            continue  # never had a date: nothing a calendar could hold
        # A meeting whose date was taken away (or cancelled before it got one) goes out as a
        # cancellation, so a calendar that took it in hears that it is off. The day only
        # places it; clients find the event by its UID.
        day = dated or (meeting.window[0] if meeting.window else schedule.kickoff or schedule.end)
        cancelled = undated or meeting.state == MeetingState.CANCELLED
        # Ending the group raised the SEQUENCE of the meetings not held (RunningService).
        ended = group.ended_on is not None and meeting.state != MeetingState.HELD
        uid = f"meeting-{group.id}-{meeting.number}-{schedule.calendar_id}@{UID_DOMAIN}"
        event = Event()
        event["SUMMARY"] = vText(texts.summary.format(number=meeting.number, names=names))
        event["DTSTART"] = texts.value(day)
        event["DTEND"] = texts.value(day + timedelta(days=1))
        event["DTSTAMP"] = texts.value(stamp)
        event["UID"] = vText(uid)
        event["SEQUENCE"] = vInt(meeting.sequence)
        event["DESCRIPTION"] = texts.text(_meeting_description(texts, meeting, ended))
        event["STATUS"] = texts.text(STATUS.CANCELLED if cancelled or ended else STATUS.CONFIRMED)
        event["TRANSP"] = texts.text(TRANSP.TRANSPARENT)
        events.append((datetime.combine(day, time()), uid, event))
    return events


def _meeting_description(texts: _Texts, meeting: Meeting, ended: bool) -> str:
    """What the meeting is and what was recorded about it; never the coordinator's note."""
    lines = [texts.heading(meeting.number)]
    if meeting.state == MeetingState.HELD and meeting.held_on is not None:
        held = texts.held.get(meeting.mode, texts.held[""])
        lines.append(held.format(date=texts.date(meeting.held_on)))
        if meeting.minutes:
            lines.append(
                ngettext(
                    "It lasted about {minutes} minute.",
                    "It lasted about {minutes} minutes.",
                    meeting.minutes,
                ).format(minutes=meeting.minutes)
            )
    elif ended:
        lines.append(_("Cancelled: the group has ended."))
    elif meeting.state == MeetingState.CANCELLED:
        lines.append(_("Cancelled."))
    elif meeting.state == MeetingState.MOVED:
        lines.append(_("Moved to this day."))
    return "\n".join(lines)


def _gathering_events(schedule: RoundSchedule, facts: RoundFacts, stamp: datetime) -> list[_Sorted]:
    events = []
    for gathering in facts.gatherings:
        start: date | datetime
        if gathering.all_day:
            start = gathering.starts_at.date()
            end: date | datetime = start + timedelta(days=1)
        else:
            start = gathering.starts_at.replace(tzinfo=STOCKHOLM)
            end = start + timedelta(minutes=max(gathering.minutes, 1))
        uid = f"gathering-{gathering.id}-{schedule.calendar_id}@{UID_DOMAIN}"
        event = Event.new(
            uid=uid,
            stamp=stamp,
            start=start,
            end=end,
            summary=gathering.title,
            description=gathering.description or None,
            location=gathering.place or None,
            sequence=gathering.sequence,
            status=STATUS.CANCELLED if gathering.cancelled else STATUS.CONFIRMED,
            transparency=TRANSP.TRANSPARENT if gathering.all_day else TRANSP.OPAQUE,
        )
        events.append((gathering.starts_at.replace(tzinfo=None), uid, event))
    return events


# -- writing the file -----------------------------------------------------------------------


def export_calendar(
    database: Database,
    schedule: RoundSchedule,
    path: Path,
    group_id: int | None = None,
    language: str | None = None,
    now: datetime | None = None,
) -> CalendarExport:
    """The round's calendar (``group_id`` None) or one group's, written to ``path``."""
    facts = gatherings_for_calendar(database, schedule.cohort_id)
    if group_id is None:
        calendar = round_calendar(schedule, facts, language, now)
    else:
        calendar = group_calendar(schedule, group_id, facts, language, now)
    return CalendarExport(Path(path), write_calendar(calendar, path))


def suggested_name(schedule: RoundSchedule, group_id: int | None = None) -> str:
    """A file name for the calendar: the round's name, with the mentor's for a group."""
    from mentorapp.paths import safe_file_name

    group = schedule.group(group_id) if group_id is not None else None
    if group is None:
        return safe_file_name(f"{schedule.name}.ics")
    return safe_file_name(f"{schedule.name} {group.mentor.name}.ics")
