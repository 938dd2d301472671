"""The Running page's service: every group's health, the counts, and the coordinator's
actions on a group (contacted, ended early) and on the health rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, delete, select

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
from mentorapp.i18n import N_
from mentorapp.running.health import Assessment, Health, HealthRules, assess
from mentorapp.running.meetings import MeetingService
from mentorapp.running.schedule import GroupSchedule, RoundSchedule

REASON_LIMIT = 300


@dataclass(frozen=True)
class GroupHealth:
    group: GroupSchedule
    assessment: Assessment

    @property
    def health(self) -> Health:
        return self.assessment.health


def health_of(schedule: RoundSchedule, today: date, rules: HealthRules) -> list[GroupHealth]:
    """Each group of ``schedule`` with its health today (no database: the rules alone)."""
    return [
        GroupHealth(group, assess(group.facts(schedule.kickoff), today, rules))
        for group in schedule.groups
    ]


class RunningService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._meetings = MeetingService(database)

    def groups(self, cohort_id: int, today: date | None = None) -> list[GroupHealth]:
        schedule = self._meetings.schedule(cohort_id)
        return health_of(schedule, today or date.today(), self.rules_of_round(cohort_id))

    def counts(self, cohort_id: int, today: date | None = None) -> dict[Health, int]:
        found = Counter(item.health for item in self.groups(cohort_id, today))
        return {health: found.get(health, 0) for health in Health}

    # -- the thresholds -------------------------------------------------------------------

    def rules(self, programme_id: int) -> HealthRules:
        with self._db.reading() as session:
            programme = session.get(Programme, programme_id)
            return HealthRules.from_json(programme.health_rules if programme else "")

    def rules_of_round(self, cohort_id: int) -> HealthRules:
        with self._db.reading() as session:
            cohort = session.get(Cohort, cohort_id)
            if cohort is None:
                raise ValidationError(N_("That round no longer exists."))
            programme = session.get(Programme, cohort.programme_id)
            return HealthRules.from_json(programme.health_rules if programme else "")

    def save_rules(self, programme_id: int, rules: HealthRules) -> None:
        with self._db.transaction() as session:
            programme = session.get(Programme, programme_id)
            if programme is None:
                raise ValidationError(N_("The programme no longer exists."))
            programme.health_rules = rules.to_json()
            session.add(programme)

    # -- a group --------------------------------------------------------------------------

    def mark_contacted(self, group_id: int, on: date | None) -> None:
        """Note that the coordinator got in touch (None takes the note back)."""
        with self._db.transaction() as session:
            group = _group(session, group_id)
            group.contacted_on = on
            session.add(group)

    def end_group(self, group_id: int, reason: str, on: date | None = None) -> None:
        """End a group before the round ends; its adepts can be matched again.

        The group, its meetings and who was in it stay for the history; the adepts leave
        the group, so the Matching stage offers them a new mentor.
        """
        reason = reason.strip()
        if not reason:
            raise ValidationError(N_("Say why the group ends, in a few words."), "reason")
        if len(reason) > REASON_LIMIT:
            raise ValidationError(
                N_("The reason is too long: keep it under {limit} characters."),
                "reason",
                limit=REASON_LIMIT,
            )
        on = on or date.today()
        with self._db.transaction() as session:
            group = _group(session, group_id)
            if group.ended_on is not None:
                raise ValidationError(N_("This group has already ended."))
            group.ended_on, group.end_reason = on, reason
            session.add(group)
            # Its meetings not held are off: one more in each SEQUENCE, so the calendars that
            # hold them take the cancellation (and a meeting recorded later gets another).
            meetings = select(PlannedMeeting).where(
                PlannedMeeting.group_id == group_id, col(PlannedMeeting.state) != "held"
            )
            for meeting in session.exec(meetings):
                meeting.sequence += 1
                session.add(meeting)
            members = session.exec(select(GroupMember).where(GroupMember.group_id == group_id))
            for member in members:
                session.add(
                    FormerMember(
                        group_id=group_id, adept_enrolment_id=member.adept_enrolment_id, left_on=on
                    )
                )
            session.flush()
            session.exec(delete(GroupMember).where(col(GroupMember.group_id) == group_id))


def _group(session: Session, group_id: int) -> MatchGroup:
    group = session.get(MatchGroup, group_id)
    if group is None or group.accepted_on is None:
        raise ValidationError(N_("This group no longer exists."))
    return group
