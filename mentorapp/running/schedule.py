"""A round's groups and their meetings as every running-period tool reads them.

Plain data, built once by ``MeetingService.schedule`` (three queries, however many groups),
so the Running page, pair health, calendars and reminders all see the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentorapp.people.records import ParticipantRow
from mentorapp.running.health import GroupFacts, MeetingFacts, MeetingState


@dataclass(frozen=True)
class Meeting:
    """Meeting ``number`` of a group: what is planned, and what was recorded."""

    number: int
    planned_on: date | None
    window: tuple[date, date] | None  # the round's window for it on the timeline
    state: str = MeetingState.PLANNED
    held_on: date | None = None
    minutes: int | None = None
    mode: str = ""  # "" | "in_person" | "digital"
    note: str = ""
    sequence: int = 0

    @property
    def due(self) -> date | None:
        """The day it should have happened by: its planned date, or the end of its window."""
        if self.planned_on is not None:
            return self.planned_on
        return self.window[1] if self.window else None

    @property
    def facts(self) -> MeetingFacts:
        return MeetingFacts(self.number, self.due, self.state, self.held_on)


@dataclass(frozen=True)
class GroupSchedule:
    id: int
    mentor: ParticipantRow
    adepts: tuple[ParticipantRow, ...]
    language: str
    meetings: tuple[Meeting, ...]
    ended_on: date | None = None
    end_reason: str = ""
    contacted_on: date | None = None
    accepted_on: date | None = None

    @property
    def people(self) -> tuple[ParticipantRow, ...]:
        return (self.mentor, *self.adepts)

    def facts(self, kickoff: date | None) -> GroupFacts:
        return GroupFacts(
            kickoff,
            tuple(m.facts for m in self.meetings),
            self.ended_on,
            self.end_reason,
            self.contacted_on,
            self.accepted_on,
        )


@dataclass(frozen=True)
class RoundSchedule:
    cohort_id: int
    name: str
    kickoff: date | None
    end: date
    calendar_id: str  # the programme's, for calendar UIDs
    meetings_per_round: int
    groups: tuple[GroupSchedule, ...]

    def group(self, group_id: int) -> GroupSchedule | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def group_of_mentor(self, email: str) -> GroupSchedule | None:
        wanted = email.strip().casefold()
        return next((g for g in self.groups if g.mentor.email.casefold() == wanted), None)
