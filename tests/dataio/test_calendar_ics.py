"""The round's and a group's calendar files, read back with icalendar as a calendar would."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event, Timezone

from mentorapp.dataio.calendar_file import calendar_bytes
from mentorapp.dataio.calendar_ics import (
    STOCKHOLM_VTIMEZONE,
    export_calendar,
    gatherings_for_calendar,
    group_calendar,
    round_calendar,
)
from mentorapp.db.files import WouldReplaceProgramme, online_copy
from mentorapp.demo.writer import write_demo
from mentorapp.domain.models import Gathering, GatheringGuest
from mentorapp.running.health import MeetingState
from mentorapp.running.meetings import MeetingRecord
from mentorapp.running.schedule import GroupSchedule, RoundSchedule
from mentorapp.workspace.services import Services

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("calendar-demo") / "demo.db"
    with Services.opened(path) as services:
        write_demo(services.database)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path):
    """A fresh copy of the demo for each test (the tests change meetings)."""
    services = Services.open(online_copy(demo_file, tmp_path / "programme.db"))
    yield services
    services.close()


def running_round(services: Services) -> RoundSchedule:
    cohort = services.programmes.round_named(None)
    assert cohort.id is not None
    return services.meetings.schedule(cohort.id)


def export(services: Services, path: Path, group_id: int | None = None, **kw) -> Calendar:
    written = export_calendar(services.database, running_round(services), path, group_id, **kw)
    calendar = Calendar.from_ical(path.read_bytes())
    assert len(calendar.events) == written.events
    return calendar


def events_by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.events}


def meeting_events(calendar: Calendar) -> list:
    """The pair meetings (the demo has gatherings too)."""
    return [event for event in calendar.events if str(event["UID"]).startswith("meeting-")]


def exported_day(meeting) -> date | None:
    return meeting.held_on if meeting.state == MeetingState.HELD else meeting.planned_on


def group_with_planned_meeting(schedule: RoundSchedule) -> tuple[GroupSchedule, int]:
    """A group that has not ended, with a meeting planned (dated) and not yet held."""
    for group in schedule.groups:
        for meeting in group.meetings:
            if (
                group.ended_on is None
                and meeting.planned_on is not None
                and meeting.state == MeetingState.PLANNED
            ):
                return group, meeting.number
    raise AssertionError("the demo has no planned meeting with a date")


def add_gatherings(services: Services, cohort_id: int) -> tuple[int, int, int]:
    with services.database.transaction() as session:
        rows = [
            Gathering(
                cohort_id=cohort_id,
                title="Nätverksträff: jobbsök och LinkedIn",
                starts_at=datetime(2026, 11, 26, 17, 30),
                minutes=150,
                place="Stadsbiblioteket, Odengatan 59",
                description="Vi går igenom cv och profiler i små grupper.",
                sequence=3,
            ),
            Gathering(
                cohort_id=cohort_id,
                title="Avslutning",
                starts_at=datetime(2027, 1, 14),
                all_day=True,
            ),
            Gathering(
                cohort_id=cohort_id,
                title="Lön och fack",
                starts_at=datetime(2026, 12, 3, 18, 0),
                cancelled=True,
                sequence=1,
            ),
        ]
        session.add_all(rows)
        session.flush()
        ids = tuple(row.id for row in rows)
    assert all(ids)
    return ids  # type: ignore[return-value]


# -- the calendar as a whole ------------------------------------------------------------------


def test_the_round_calendar_has_what_rfc_5545_asks_for(demo: Services, tmp_path: Path) -> None:
    calendar = export(demo, tmp_path / "round.ics")
    schedule = running_round(demo)
    assert str(calendar["PRODID"]).startswith("-//Mentorapp//Mentorapp ")
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert schedule.name in str(calendar["X-WR-CALNAME"])
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Stockholm"]
    assert calendar.get_missing_tzids() == set()


def test_every_dated_meeting_is_an_event_and_undated_ones_are_left_out(
    demo: Services, tmp_path: Path
) -> None:
    schedule = running_round(demo)
    calendar = export(demo, tmp_path / "round.ics")
    expected = {
        f"meeting-{group.id}-{meeting.number}-{schedule.calendar_id}@mentorapp": exported_day(
            meeting
        )
        for group in schedule.groups
        for meeting in group.meetings
        if exported_day(meeting) is not None
    }
    undated = [m for g in schedule.groups for m in g.meetings if exported_day(m) is None]
    assert expected and undated  # the demo has both
    found = {str(event["UID"]): event.start for event in meeting_events(calendar)}
    # An undated meeting that was changed (cancelled before it got a date) is there as a
    # cancellation; one that never had anything is not.
    off = {
        f"meeting-{group.id}-{meeting.number}-{schedule.calendar_id}@mentorapp"
        for group in schedule.groups
        for meeting in group.meetings
        if exported_day(meeting) is None and meeting.sequence > 0
    }
    assert {uid: day for uid, day in found.items() if uid not in off} == expected
    events = events_by_uid(calendar)
    assert all(str(events[uid]["STATUS"]) == "CANCELLED" for uid in off)


def test_a_date_taken_away_cancels_the_event_and_a_new_one_counts_on(
    demo: Services, tmp_path: Path
) -> None:
    schedule = running_round(demo)
    group, number = group_with_planned_meeting(schedule)
    uid = f"meeting-{group.id}-{number}-{schedule.calendar_id}@mentorapp"
    first = events_by_uid(export(demo, tmp_path / "a.ics"))[uid]
    dates = {m.number: m.planned_on for m in group.meetings}
    demo.meetings.set_dates(group.id, {**dates, number: None})
    gone = events_by_uid(export(demo, tmp_path / "b.ics"))[uid]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert int(gone["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    demo.meetings.set_dates(group.id, dates)
    back = events_by_uid(export(demo, tmp_path / "c.ics"))[uid]
    assert str(back["STATUS"]) == "CONFIRMED" and back.start == first.start
    assert int(back["SEQUENCE"]) == int(first["SEQUENCE"]) + 2


def test_a_meeting_recorded_after_the_group_ended_outranks_its_cancellation(
    demo: Services, tmp_path: Path
) -> None:
    schedule = running_round(demo)
    group, number = group_with_planned_meeting(schedule)
    uid = f"meeting-{group.id}-{number}-{schedule.calendar_id}@mentorapp"
    demo.running.end_group(group.id, "Paret slutar")
    cancelled = events_by_uid(export(demo, tmp_path / "a.ics"))[uid]
    demo.meetings.record(group.id, number, MeetingRecord(MeetingState.HELD, held_on=date.today()))
    held = events_by_uid(export(demo, tmp_path / "b.ics"))[uid]
    assert int(held["SEQUENCE"]) > int(cancelled["SEQUENCE"])
    assert str(held["STATUS"]) == "CONFIRMED"


def test_a_held_meeting_is_on_the_day_it_was_held(demo: Services, tmp_path: Path) -> None:
    schedule = running_round(demo)
    group = next(
        g
        for g in schedule.groups
        if any(m.state == MeetingState.HELD and m.held_on != m.planned_on for m in g.meetings)
    )
    meeting = next(
        m for m in group.meetings if m.state == MeetingState.HELD and m.held_on != m.planned_on
    )
    event = events_by_uid(export(demo, tmp_path / "round.ics"))[
        f"meeting-{group.id}-{meeting.number}-{schedule.calendar_id}@mentorapp"
    ]
    assert event.start == meeting.held_on


def test_pair_meetings_are_all_day_events_that_leave_the_day_free(
    demo: Services, tmp_path: Path
) -> None:
    calendar = export(demo, tmp_path / "round.ics")
    for event in meeting_events(calendar):
        assert type(event.start) is date, event["UID"]
        assert event.end == event.start + timedelta(days=1)
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert str(event["STATUS"]) in {"CONFIRMED", "CANCELLED"}
        assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)


def test_uids_are_unique_and_the_same_in_the_next_export(demo: Services, tmp_path: Path) -> None:
    schedule = running_round(demo)
    first = export(demo, tmp_path / "first.ics", now=NOW)
    second = export(demo, tmp_path / "second.ics", now=NOW + timedelta(days=3))
    uids = [str(event["UID"]) for event in first.events]
    assert len(uids) == len(set(uids))
    assert uids == [str(event["UID"]) for event in second.events]
    assert all(schedule.calendar_id in uid and uid.endswith("@mentorapp") for uid in uids)
    assert first.events[0]["DTSTAMP"].dt != second.events[0]["DTSTAMP"].dt


def test_recording_a_meeting_raises_its_sequence(demo: Services, tmp_path: Path) -> None:
    schedule = running_round(demo)
    group, number = group_with_planned_meeting(schedule)
    uid = f"meeting-{group.id}-{number}-{schedule.calendar_id}@mentorapp"
    before = events_by_uid(export(demo, tmp_path / "before.ics"))
    planned = next(m.planned_on for m in group.meetings if m.number == number)
    assert planned is not None
    moved = planned + timedelta(days=2)
    demo.meetings.record(group.id, number, MeetingRecord(MeetingState.MOVED, planned_on=moved))
    after = events_by_uid(export(demo, tmp_path / "after.ics", language="en"))
    assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + 1
    assert after[uid].start == moved
    assert "Moved to this day." in str(after[uid]["DESCRIPTION"])
    unchanged = {u for u in before if u != uid}
    assert all(after[u]["SEQUENCE"] == before[u]["SEQUENCE"] for u in unchanged)


def test_new_planned_dates_raise_the_sequence(demo: Services, tmp_path: Path) -> None:
    schedule = running_round(demo)
    group, number = group_with_planned_meeting(schedule)
    uid = f"meeting-{group.id}-{number}-{schedule.calendar_id}@mentorapp"
    before = events_by_uid(export(demo, tmp_path / "before.ics"))
    dates = {m.number: m.planned_on for m in group.meetings}
    later = max(d for d in dates.values() if d is not None) + timedelta(days=30)
    dates[number] = later
    dates.update({n: None for n in dates if n > number})  # keep them in order
    demo.meetings.set_dates(group.id, dates)
    after = events_by_uid(export(demo, tmp_path / "after.ics"))
    assert after[uid].start == later
    assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + 1


def test_a_cancelled_meeting_is_marked_cancelled(demo: Services, tmp_path: Path) -> None:
    schedule = running_round(demo)
    group, number = group_with_planned_meeting(schedule)
    uid = f"meeting-{group.id}-{number}-{schedule.calendar_id}@mentorapp"
    assert str(events_by_uid(export(demo, tmp_path / "a.ics"))[uid]["STATUS"]) == "CONFIRMED"
    demo.meetings.record(group.id, number, MeetingRecord(MeetingState.CANCELLED))
    event = events_by_uid(export(demo, tmp_path / "b.ics"))[uid]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) >= 1


def test_the_meetings_of_an_ended_group_are_cancelled_one_sequence_higher(
    demo: Services, tmp_path: Path
) -> None:
    schedule = running_round(demo)
    group, number = group_with_planned_meeting(schedule)
    uid = f"meeting-{group.id}-{number}-{schedule.calendar_id}@mentorapp"
    before = events_by_uid(export(demo, tmp_path / "a.ics"))[uid]
    demo.running.end_group(group.id, "Adepten har fått jobb")
    after = events_by_uid(export(demo, tmp_path / "b.ics", language="en"))[uid]
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert "the group has ended" in str(after["DESCRIPTION"])


def test_notes_addresses_and_phone_numbers_stay_out(demo: Services, tmp_path: Path) -> None:
    schedule = running_round(demo)
    group, number = group_with_planned_meeting(schedule)
    note = "Privat: adepten mår dåligt"
    demo.meetings.record(group.id, number, MeetingRecord(MeetingState.PLANNED, note=note))
    export(demo, tmp_path / "round.ics")
    text = (tmp_path / "round.ics").read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert "mår dåligt" not in unfolded
    assert "ATTENDEE" not in unfolded and "ORGANIZER" not in unfolded
    for person in (p for g in schedule.groups for p in g.people):
        assert person.email not in unfolded
        if person.phone:
            assert person.phone not in unfolded
    assert "@" not in unfolded.replace("@mentorapp", "")


def test_the_file_is_crlf_folded_and_owner_only(demo: Services, tmp_path: Path) -> None:
    cohort = demo.programmes.round_named(None)
    assert cohort.id is not None
    add_gatherings(demo, cohort.id)
    path = tmp_path / "round.ics"
    export(demo, path)
    data = path.read_bytes()
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".round.ics.*"))  # no temporary file left behind


def test_the_file_is_what_icalendar_itself_would_write(demo: Services) -> None:
    """The quicker serialisation and the meetings built from property types give exactly the
    bytes of ``to_ical()`` and of ``Event.new``."""
    schedule = running_round(demo)
    add_gatherings(demo, schedule.cohort_id)
    facts = gatherings_for_calendar(demo.database, schedule.cohort_id)
    calendar = round_calendar(schedule, facts, "sv", NOW)
    assert calendar_bytes(calendar) == calendar.to_ical()
    for event in meeting_events(calendar):
        same = Event.new(
            summary=str(event["SUMMARY"]),
            start=event.start,
            end=event.end,
            stamp=event["DTSTAMP"].dt,
            uid=str(event["UID"]),
            sequence=int(event["SEQUENCE"]),
            description=str(event["DESCRIPTION"]),
            status=str(event["STATUS"]),
            transparency=str(event["TRANSP"]),
        )
        assert same.to_ical() == event.to_ical()


def test_writing_over_the_programme_file_is_refused(demo: Services, tmp_path: Path) -> None:
    target = tmp_path / "programme.db"
    groups = len(running_round(demo).groups)
    with pytest.raises(WouldReplaceProgramme):
        export_calendar(demo.database, running_round(demo), target)
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert len(running_round(demo).groups) == groups
    assert not list(tmp_path.glob(".programme.db.*"))


# -- gatherings -------------------------------------------------------------------------------


def test_gatherings_are_in_stockholm_time_with_place_and_status(
    demo: Services, tmp_path: Path
) -> None:
    schedule = running_round(demo)
    timed, all_day, cancelled = add_gatherings(demo, schedule.cohort_id)
    events = events_by_uid(export(demo, tmp_path / "round.ics"))
    event = events[f"gathering-{timed}-{schedule.calendar_id}@mentorapp"]
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.start == datetime(2026, 11, 26, 17, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert event.end - event.start == timedelta(minutes=150)
    assert str(event["LOCATION"]) == "Stadsbiblioteket, Odengatan 59"
    assert "cv och profiler" in str(event["DESCRIPTION"])
    assert int(event["SEQUENCE"]) == 3
    assert str(event["STATUS"]) == "CONFIRMED"
    whole_day = events[f"gathering-{all_day}-{schedule.calendar_id}@mentorapp"]
    assert type(whole_day.start) is date and whole_day.start == date(2027, 1, 14)
    assert whole_day.end == date(2027, 1, 15)
    called_off = events[f"gathering-{cancelled}-{schedule.calendar_id}@mentorapp"]
    assert str(called_off["STATUS"]) == "CANCELLED"


def test_the_gatherings_are_read_in_order(demo: Services) -> None:
    schedule = running_round(demo)
    add_gatherings(demo, schedule.cohort_id)
    facts = gatherings_for_calendar(demo.database, schedule.cohort_id)
    starts = [g.starts_at for g in facts.gatherings]
    assert starts == sorted(starts)
    titles = [g.title for g in facts.gatherings]
    assert {"Nätverksträff: jobbsök och LinkedIn", "Lön och fack", "Avslutning"} <= set(titles)
    assert facts.language == "sv"


def test_the_zone_rules_agree_with_the_tz_database() -> None:
    """The yearly rules written instead of icalendar's list of dates (which Outlook misreads)
    give every hour from 1997 to 2037 the offset the tz database gives it."""
    written = Timezone.from_ical(STOCKHOLM_VTIMEZONE).to_tz()
    reference = ZoneInfo("Europe/Stockholm")
    for year in range(1997, 2038):
        for month in (1, 3, 4, 7, 10, 11):
            for day in range(1, 32 if month in (3, 10) else 2):
                for hour in range(24):
                    moment = datetime(year, month, day, hour, 30)
                    assert written.utcoffset(moment) == reference.utcoffset(moment), moment


# -- one group's calendar ---------------------------------------------------------------------


def test_a_group_calendar_holds_that_groups_meetings_and_their_gatherings(
    demo: Services, tmp_path: Path
) -> None:
    schedule = running_round(demo)
    timed, not_theirs, _cancelled = add_gatherings(demo, schedule.cohort_id)
    group, _number = group_with_planned_meeting(schedule)
    with demo.database.transaction() as session:  # the pair's adept is invited to one
        adept = group.adepts[0].enrolment_id
        session.add(GatheringGuest(gathering_id=timed, enrolment_id=adept, invited=True))
    calendar = export(demo, tmp_path / "pair.ics", group.id)
    uids = set(events_by_uid(calendar))
    meetings = {u for u in uids if u.startswith("meeting-")}
    assert meetings == {
        f"meeting-{group.id}-{m.number}-{schedule.calendar_id}@mentorapp"
        for m in group.meetings
        if exported_day(m) is not None
    }
    assert f"gathering-{timed}-{schedule.calendar_id}@mentorapp" in uids
    assert f"gathering-{not_theirs}-{schedule.calendar_id}@mentorapp" not in uids
    people = {person.enrolment_id for person in group.people}
    gatherings = gatherings_for_calendar(demo.database, schedule.cohort_id).gatherings
    theirs = [g for g in gatherings if g.guests & people]
    assert uids - meetings == {f"gathering-{g.id}-{schedule.calendar_id}@mentorapp" for g in theirs}
    assert group.mentor.name in str(calendar["X-WR-CALNAME"])
    others = [g.mentor.name for g in schedule.groups if g.id != group.id]
    text = (tmp_path / "pair.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert not any(name in text for name in others)


def test_summaries_follow_the_language(demo: Services) -> None:
    schedule = running_round(demo)
    facts = gatherings_for_calendar(demo.database, schedule.cohort_id)
    group = next(g for g in schedule.groups if len(g.adepts) == 1 and g.language == "sv")
    number = next(m.number for m in group.meetings if exported_day(m) is not None)
    names = (group.mentor.name, group.adepts[0].name)
    swedish = group_calendar(schedule, group.id, facts, "sv", NOW)
    english = group_calendar(schedule, group.id, facts, "en", NOW)

    def summary(calendar: Calendar) -> str:
        uid = f"meeting-{group.id}-{number}-{schedule.calendar_id}@mentorapp"
        return str(events_by_uid(calendar)[uid]["SUMMARY"])

    assert summary(swedish) == f"Parträff {number} – {names[0]} och {names[1]}"
    assert summary(english) == f"Pair meeting {number} – {names[0]} and {names[1]}"


def test_without_a_language_the_group_speaks_its_own_and_the_round_the_programmes(
    demo: Services,
) -> None:
    schedule = running_round(demo)
    facts = gatherings_for_calendar(demo.database, schedule.cohort_id)
    group = next(
        g
        for g in schedule.groups
        if g.language == "en" and any(exported_day(m) for m in g.meetings)
    )
    mine = meeting_events(group_calendar(schedule, group.id, facts, None, NOW))
    assert mine and all(str(e["SUMMARY"]).startswith("Pair meeting") for e in mine)
    everyone = meeting_events(round_calendar(schedule, facts, None, NOW))
    assert facts.language == "sv"
    assert all(str(e["SUMMARY"]).startswith("Parträff") for e in everyone)
