"""The demo's timeline: what a coordinator typically adjusts after the first rounds.

The programme sends its end survey a week before a round ends (so answers are in before the
closing) and trains mentors ten days before the kick-off; in the running round the mid-point
check-in was pushed a week (the autumn half-term) and the closing gathering set on the
Thursday evening the venue was free.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from mentorapp.demo.history import DemoRound
from mentorapp.domain.models import Cohort, ItemOffset, MilestoneDate, MilestoneOffset, Programme
from mentorapp.planning.milestones import RoundDates, by_key, derive_milestones

THURSDAY = 3


def add_timeline(session: Session, programme_id: int, rounds: list[DemoRound], today: date) -> None:
    """Programme offsets for every round, and two milestones moved by hand in the running one."""
    session.add(MilestoneOffset(programme_id=programme_id, key="end_survey", days=-7))
    session.add(
        ItemOffset(programme_id=programme_id, stage="kickoff", item_key="mentor_training", days=-10)
    )
    programme = session.get(Programme, programme_id)
    meetings = programme.meetings_per_round if programme else 4
    for round_ in rounds:
        if round_.key != "running" or round_.cohort.id is None:
            continue
        defaults = by_key(derive_milestones(_dates(round_.cohort), meetings))
        midpoint = defaults["midpoint"].on + timedelta(days=7)
        closing = _next_weekday(defaults["closing"].on, THURSDAY)
        for key, on in (("midpoint", midpoint), ("closing", closing)):
            session.add(MilestoneDate(cohort_id=round_.cohort.id, key=key, moved_to=on))
    session.flush()


def _dates(cohort: Cohort) -> RoundDates:
    return RoundDates(cohort.start, cohort.end, cohort.application_deadline)


def _next_weekday(day: date, weekday: int) -> date:
    """``day`` itself if it is that weekday, else the next one."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)
