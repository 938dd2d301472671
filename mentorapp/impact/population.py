"""Who a round's surveys are for: the adepts and mentors who took part.

The impact report's base ("n adepts") and the list of who still owes an answer must be the
same people, or a response rate and a floor would not add up. Taking part means placed in
one of the round's accepted groups (a group that ended early included: leaving early is an
outcome too) or, in a round run without the matching board, marked active or completed.
Someone who answered although they are not counted is still counted: an answer is evidence
that they took part. A kick-off (T0) answer is no such evidence: it is handed to the accepted
before they are placed, and an adept never placed did not take part.

An erased person's stub stays in the base (chosen so that a round's numbers stay as they
were after an erasure, as the erasure keeps the enrolment for exactly that): they count as
someone who did not answer. ``answers.survey_people`` leaves them out of every list of whom
to ask, since no one can be asked for answers about a person who is gone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import (
    Enrolment,
    FormerMember,
    GroupMember,
    MatchGroup,
    Outcome,
    SurveyResponse,
)

RUNNING = (EnrolmentStatus.ACTIVE.value, EnrolmentStatus.COMPLETED.value)


@dataclass(frozen=True)
class RoundPeople:
    adepts: frozenset[int]  # enrolment ids
    mentors: frozenset[int]

    def of_role(self, role: str) -> frozenset[int]:
        return self.adepts if role == Role.ADEPT.value else self.mentors


def round_people(session: Session, cohort_id: int) -> RoundPeople:
    """The enrolment ids of the adepts and mentors who took part in the round."""
    groups = select(MatchGroup.id).where(
        col(MatchGroup.cohort_id) == cohort_id, col(MatchGroup.accepted_on).is_not(None)
    )
    in_groups = set(
        session.exec(
            select(GroupMember.adept_enrolment_id).where(col(GroupMember.group_id).in_(groups))
        )
    )
    in_groups |= set(
        session.exec(
            select(FormerMember.adept_enrolment_id).where(col(FormerMember.group_id).in_(groups))
        )
    )
    mentors = set(
        session.exec(
            select(MatchGroup.mentor_enrolment_id).where(
                col(MatchGroup.cohort_id) == cohort_id, col(MatchGroup.accepted_on).is_not(None)
            )
        )
    )
    rows = session.exec(
        select(Enrolment.id, Enrolment.role, Enrolment.status).where(
            col(Enrolment.cohort_id) == cohort_id
        )
    ).all()
    answered = _with_evidence(session, cohort_id)
    adepts: set[int] = set()
    for enrolment_id, role, status in rows:
        assert enrolment_id is not None
        counted = status in RUNNING or enrolment_id in answered
        if role == Role.ADEPT.value and (counted or enrolment_id in in_groups):
            adepts.add(enrolment_id)
        elif role == Role.MENTOR.value and (counted or enrolment_id in mentors):
            mentors.add(enrolment_id)
    return RoundPeople(frozenset(adepts), frozenset(mentors))


def _with_evidence(session: Session, cohort_id: int) -> set[int]:
    """Enrolments of the round with a survey answer after the kick-off or an outcome."""
    of_round = select(Enrolment.id).where(col(Enrolment.cohort_id) == cohort_id)
    responses = select(SurveyResponse.enrolment_id).where(
        col(SurveyResponse.enrolment_id).in_(of_round), col(SurveyResponse.survey) != "t0"
    )
    found = {i for i in session.exec(responses) if i is not None}
    outcomes = select(Outcome.enrolment_id).where(col(Outcome.enrolment_id).in_(of_round))
    found.update(session.exec(outcomes))
    return found
