"""The demo's selection interviews: held for the running round before it started, with
assessments, short notes and the decision each application's history already tells; and a
few booked for late applicants, so the interview sheet and the day's schedule have data.

Everything is invented and neutral: no health, origin, religion or other sensitive detail.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from babel.dates import format_date
from sqlmodel import Session

from mentorapp.demo.history import DemoRound
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import Enrolment, Interview, InterviewAnswer, StatusChange
from mentorapp.people.interview_guide import load_guide

_S = EnrolmentStatus
SEED = 2031  # its own generator: the rest of the demo draws the same values as before
INTERVIEWERS = ("Linnea Åkerlund", "Jonas Berglund")
PLACES = ("Föreningens kontor, rum 2", "https://meet.example.org/broar-urval")
FIRST_SLOT, SLOT_MINUTES, LENGTH = time(9, 0), 60, 45
_DECIDED = (_S.ACCEPTED, _S.WAITLISTED, _S.DECLINED)
# Scores drawn for an accepted, waitlisted and declined application.
_SCORES = {
    _S.ACCEPTED: (3, 4, 4, 4, 5, 5),
    _S.WAITLISTED: (3, 3, 4, 4),
    _S.DECLINED: (2, 2, 3, 3),
}
_NOTES = {
    "motivation": ("Tydlig egen drivkraft.", "Vill bredda sitt nätverk.", "Nyfiken på branschen."),
    "goals": ("Målet är en praktikplats i vår.", "Vill ha ett första jobb i sitt yrke."),
    "background": ("Lång erfarenhet från sitt tidigare land.", "Har läst kompletterande kurser."),
    "availability": ("Kan träffas kvällstid.", "Flexibla tider."),
    "language": ("Vill öva svenska.", "Helst engelska i början."),
    "expectations": ("Realistiska förväntningar.", "Förstår att mentorn inte ordnar jobb."),
    "practicalities": ("Kan träffas både på plats och digitalt.", "Föredrar digitala träffar."),
    "experience": ("Har handlett nyanställda.", "Första gången som mentor."),
    "offer": ("Kan dela kontakter i branschen.", "Kan berätta om de oskrivna reglerna."),
}
_GENERAL = {
    _S.ACCEPTED: ("Bra samtal, passar programmet.", "Engagerad och väl förberedd."),
    _S.WAITLISTED: ("Bra samtal; reserv tills en plats blir ledig.",),
    _S.DECLINED: ("Programmet passar inte just nu; tipsade om andra vägar.",),
}


def add_interviews(
    session: Session, programme_id: int, rounds: list[DemoRound], today: date
) -> None:
    """Interviews for the running round (``programme_id`` is the demo's one programme)."""
    rng = random.Random(SEED)
    guide = load_guide("sv")
    running = next(r for r in rounds if r.key == "running")
    slots: dict[date, int] = {}
    interviews: list[tuple[Interview, EnrolmentStatus, str]] = []
    for enrolment, steps in zip(running.enrolments, running.histories, strict=True):
        held = next((day for status, day, _ in steps if status is _S.INTERVIEW), None)
        decided = next(((s, d, r) for s, d, r in steps if s in _DECIDED), None)
        if held is None or decided is None or enrolment.id is None:
            continue
        status, decided_on, reason = decided
        number = slots.get(held, 0)
        slots[held] = number + 1
        starts = datetime.combine(held, FIRST_SLOT) + timedelta(minutes=SLOT_MINUTES * number)
        interview = Interview(
            enrolment_id=enrolment.id,
            starts_at=starts,
            minutes=LENGTH,
            place=PLACES[number % 2],
            interviewer=INTERVIEWERS[number % 2],
            state="held",
            notes=rng.choice(_GENERAL[status]),
            decision=status.value,
            reason=reason,
            decided_on=decided_on,
        )
        interviews.append((interview, status, enrolment.role))
    session.add_all(i for i, _, _ in interviews)
    session.flush()
    answers = []
    for interview, status, role in interviews:
        assert interview.id is not None
        noted = set(rng.sample(guide.keys(role), 2))
        for key in guide.keys(role):
            note = rng.choice(_NOTES.get(key, ("",))) if key in noted else ""
            score = rng.choice(_SCORES[status])
            answers.append(
                InterviewAnswer(interview_id=interview.id, question_key=key, score=score, note=note)
            )
    session.add_all(answers)
    _book_late_applicants(session, running, today)


def _book_late_applicants(session: Session, running: DemoRound, today: date) -> None:
    """The late mentor and the last late adept have an interview booked on the next working days
    (a place may open up); their status follows, with its history row dated today. At least
    one late adept stays at "applied", still to be contacted."""
    late = [e for e in running.enrolments if e.status == _S.APPLIED.value]
    mentors = [e for e in late if e.role == Role.MENTOR.value]
    adepts = [e for e in late if e.role == Role.ADEPT.value]
    chosen: list[Enrolment] = mentors[:1] + (adepts[-1:] if len(adepts) > 1 else [])
    day = today
    for number, enrolment in enumerate(chosen):
        assert enrolment.id is not None
        day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        starts = datetime.combine(day, time(10 + 3 * number, 0))
        session.add(
            Interview(
                enrolment_id=enrolment.id,
                starts_at=starts,
                minutes=LENGTH,
                place=PLACES[number % 2],
                interviewer=INTERVIEWERS[0],
            )
        )
        when = f"{format_date(day, 'd MMM', locale='sv_SE')} {starts:%H:%M}"
        session.add(
            StatusChange(
                enrolment_id=enrolment.id,
                from_status=enrolment.status,
                to_status=_S.INTERVIEW.value,
                changed_on=today,
                reason=f"Intervju bokad till {when}",
            )
        )
        enrolment.status = _S.INTERVIEW.value
        session.add(enrolment)
