"""The demo's joint gatherings: in the running round, a CV evening held three weeks ago (most
of the invited came, one person came without an invitation) and a networking evening in two
weeks that everyone is invited to, so the attendance list and the counts have something to
show."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from mentorapp.demo.history import DemoRound
from mentorapp.domain.enums import EnrolmentStatus
from mentorapp.domain.models import Gathering, GatheringGuest
from mentorapp.running.gathering_content import load_templates

SEED = 4711
SHARE_CAME = 0.7
_TAKING_PART = (EnrolmentStatus.ACCEPTED.value, EnrolmentStatus.ACTIVE.value)


def add_gatherings(session: Session, rounds: list[DemoRound], today: date) -> None:
    running = next(r for r in rounds if r.key == "running")
    cohort = running.cohort
    assert cohort.id is not None
    templates = {t.key: t for t in load_templates("sv")}
    rng = random.Random(SEED)
    invited = [e for e in running.enrolments if e.status in _TAKING_PART]
    # The walk-in: someone on the waiting list who heard about the evening from a friend.
    waiting = [e for e in running.enrolments if e.status == EnrolmentStatus.WAITLISTED.value]

    held_on = _weekday(today - timedelta(days=21))
    cv = templates["job_search_cv"]
    held = _gathering(
        session,
        cohort.id,
        title=cv.title,
        description=cv.description,
        minutes=cv.minutes,
        starts_at=datetime.combine(held_on, time(17, 30)),
        place="Stadsbiblioteket, Malmö – Hörsalen",
    )
    came = set(rng.sample(range(len(invited)), round(len(invited) * SHARE_CAME)))
    for index, enrolment in enumerate(invited):
        assert enrolment.id is not None
        session.add(
            GatheringGuest(
                gathering_id=held,
                enrolment_id=enrolment.id,
                invited=True,
                attended=index in came,
            )
        )
    if waiting and waiting[0].id is not None:
        session.add(
            GatheringGuest(
                gathering_id=held, enrolment_id=waiting[0].id, invited=False, attended=True
            )
        )

    networking = templates["networking"]
    upcoming = _gathering(
        session,
        cohort.id,
        title=networking.title,
        description=networking.description,
        minutes=networking.minutes,
        starts_at=datetime.combine(_weekday(today + timedelta(days=14)), time(18, 0)),
        place="Föreningens lokal, Södra Förstadsgatan 40, Malmö",
    )
    for enrolment in invited:
        assert enrolment.id is not None
        session.add(GatheringGuest(gathering_id=upcoming, enrolment_id=enrolment.id, invited=True))
    session.flush()


def _weekday(day: date) -> date:
    """A Tuesday to Thursday near ``day``: gatherings are held on weekday evenings."""
    while day.weekday() not in (1, 2, 3):
        day += timedelta(days=1)
    return day


def _gathering(session: Session, cohort_id: int, **values: object) -> int:
    gathering = Gathering(cohort_id=cohort_id, **values)  # type: ignore[arg-type]
    session.add(gathering)
    session.flush()
    assert gathering.id is not None
    return gathering.id
