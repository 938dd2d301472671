"""The demo's running round in its running period: accepted groups and their meetings.

Matched with the real solver a week before the kick-off; most groups have met as planned,
a few are overdue or have not started, one was contacted and one ended early (its adept
waits for a new mentor in the Matching stage), so every state of pair health shows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, select

from mentorapp.demo.history import DemoRound
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import FormerMember, GroupMember, MatchGroup, PlannedMeeting
from mentorapp.matching import store
from mentorapp.matching.model import Candidate, Weights
from mentorapp.matching.proposal import build_proposal
from mentorapp.people.participants import participant_rows

SEED = 2713
MEETINGS = 4
ENDED_DAYS_AGO = 18
MEETING_NOTES = (
    "Gick igenom cv:t och två annonser.",
    "Pratade om nätverk och vilka på arbetsplatsen som är bra att känna.",
    "Övade inför en intervju hos en kommun.",
    "Lunch på mentorns arbetsplats; träffade två kollegor.",
)


def add_running(session: Session, rounds: list[DemoRound], today: date) -> None:
    running = next(r for r in rounds if r.key == "running")
    cohort = running.cohort
    assert cohort.id is not None
    rows = [r for r in participant_rows(session, cohort.id) if r.status == EnrolmentStatus.ACTIVE]
    proposal = build_proposal(
        adepts=[Candidate.from_row(r) for r in rows if r.role == Role.ADEPT],
        mentors=[Candidate.from_row(r) for r in rows if r.role == Role.MENTOR],
        weights=Weights(),
    )
    kickoff = cohort.start
    store.accept(session, cohort.id, proposal, kickoff - timedelta(days=7))
    groups = list(session.exec(select(MatchGroup).where(MatchGroup.cohort_id == cohort.id)))
    groups.sort(key=lambda g: g.id or 0)
    rng = random.Random(SEED)
    span = (cohort.end - kickoff).days / MEETINGS
    windows = [
        (kickoff + timedelta(days=round(span * n)), kickoff + timedelta(days=round(span * (n + 1))))
        for n in range(MEETINGS)
    ]
    for index, group in enumerate(groups):
        assert group.id is not None
        fate = _FATES[index] if index < len(_FATES) else "on_track"
        _add_meetings(session, rng, group.id, fate, windows, today)
        if fate == "contacted":
            group.contacted_on = today - timedelta(days=4)
        if fate == "ended":
            _end(session, group, today - timedelta(days=ENDED_DAYS_AGO))
        group.workbook_printed_on = kickoff - timedelta(days=2)
        session.add(group)


# The first groups (by id) get these courses; every other group meets as planned.
_FATES = ("overdue", "on_track", "not_started", "on_track", "contacted", "overdue", "ended",
          "on_track", "moved", "on_track", "cancelled", "silent")


def _add_meetings(
    session: Session,
    rng: random.Random,
    group_id: int,
    fate: str,
    windows: list[tuple[date, date]],
    today: date,
) -> None:
    planned_dates = rng.random() < 0.7
    for number, (start, end) in enumerate(windows, start=1):
        planned = start + timedelta(days=rng.randint(5, max((end - start).days - 5, 6)))
        meeting = PlannedMeeting(group_id=group_id, number=number)
        if planned_dates:
            meeting.planned_on = planned
        held_day = planned + timedelta(days=rng.randint(-3, 4))
        due_to_be_held = held_day <= today - timedelta(days=2)
        held = due_to_be_held and _holds(fate, number)
        if fate == "ended" and held_day >= today - timedelta(days=ENDED_DAYS_AGO):
            held = False  # nothing after the group ended
        if held:
            meeting.state = "held"
            meeting.held_on = held_day
            meeting.minutes = rng.choice((60, 75, 90, 90, 120))
            meeting.mode = rng.choice(("in_person", "in_person", "digital"))
            if rng.random() < 0.4:
                meeting.note = rng.choice(MEETING_NOTES)
        elif fate == "moved" and number == 3:
            meeting.state = "moved"
            meeting.planned_on = min(end, today + timedelta(days=9))
            meeting.note = "Mentorn är på tjänsteresa; de ses när hen är tillbaka."
            meeting.sequence = 1
        elif fate == "cancelled" and number == 2:
            meeting.state = "cancelled"
            meeting.note = "Adepten var sjuk; de tar upp ämnet på nästa träff."
            meeting.sequence = 1
        elif meeting.planned_on is None:
            continue
        session.add(meeting)


def _holds(fate: str, number: int) -> bool:
    """Whether a group with this course held meeting ``number`` (if its day has come)."""
    if fate in ("not_started",):
        return False
    if fate in ("overdue", "contacted", "silent"):
        return number == 1
    if fate == "cancelled":
        return number != 2
    if fate == "moved":
        return number < 3
    return True


def _end(session: Session, group: MatchGroup, on: date) -> None:
    group.ended_on = on
    session.flush()
    meetings = select(PlannedMeeting).where(PlannedMeeting.group_id == group.id)
    for meeting in session.exec(meetings):
        if meeting.state != "held":  # as RunningService.end_group does
            meeting.sequence += 1
            session.add(meeting)
    group.end_reason = "Mentorn flyttar utomlands; adepten får en ny mentor."
    members = list(session.exec(select(GroupMember).where(GroupMember.group_id == group.id)))
    for member in members:
        assert group.id is not None
        adept_id = member.adept_enrolment_id
        session.add(FormerMember(group_id=group.id, adept_enrolment_id=adept_id, left_on=on))
        session.delete(member)
