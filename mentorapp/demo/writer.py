"""A realistic, invented demo programme, so a coordinator can try every screen before real data.

The demo is deterministic: a fixed random seed and dates counted from ``today`` give the same
rows every time, which keeps screenshots, tests and support conversations reproducible.
It is only ever written into a new or empty file, in one transaction.
This module creates the programme, its rounds, organisations and people; the invented data
comes from ``mentorapp.demo.data`` and the dated history from ``mentorapp.demo.history``.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta

from sqlmodel import Session, select

from mentorapp.db.engine import Database
from mentorapp.demo.budget import add_budget
from mentorapp.demo.data import Name, demo_data
from mentorapp.demo.gatherings import add_gatherings
from mentorapp.demo.history import DemoRound, add_checklist, add_histories, history
from mentorapp.demo.interviews import add_interviews
from mentorapp.demo.plan import add_plan
from mentorapp.demo.running import add_running
from mentorapp.demo.surveys import add_surveys
from mentorapp.demo.timeline import add_timeline
from mentorapp.domain.dates import add_months
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import Cohort, Enrolment, Organisation, Person, Programme
from mentorapp.errors import MentorappError
from mentorapp.guide.content import load_guide
from mentorapp.i18n import N_
from mentorapp.people.eligibility import ensure_defaults

SEED = 2027
# Adepts and mentors per round: (finished, running). Two mentors return for the second round.
ADEPTS_PER_ROUND = (25, 35)
MENTORS_PER_ROUND = (17, 23)
RETURNING_MENTORS = 2
# PTS keeps 070-174 06 05 … 070-174 06 99 for fiction, so no real phone ever rings.
_FICTIONAL_PHONES = tuple(f"070-174 06 {n:02d}" for n in range(5, 100))
_ASCII_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"})

# Statuses beyond the common one, per round and role; the rest get the common status.
_S = EnrolmentStatus
_FINISHED_ADEPTS = [_S.WITHDRAWN] * 2
_FINISHED_MENTORS = [_S.WITHDRAWN]
_RUNNING_ADEPTS = [_S.WAITLISTED] * 3 + [_S.DECLINED] * 2 + [_S.APPLIED] * 3
_RUNNING_MENTORS = [_S.DECLINED, _S.APPLIED]


class DemoRefused(MentorappError):
    """The file already holds data; the demo never writes over anything."""

    title = N_("The demo cannot be written here")


def write_demo(database: Database, today: date | None = None) -> None:
    """Write the demo programme into ``database``, which must not hold a programme or person."""
    today = today or date.today()
    guide = load_guide("sv")
    rng = random.Random(SEED)
    with database.transaction() as session:
        has_data = session.exec(select(Programme.id).limit(1)).first() is not None
        has_data = has_data or session.exec(select(Person.id).limit(1)).first() is not None
        if has_data:
            raise DemoRefused(
                N_(
                    "“{path}” already holds data. The demo programme is only written into a "
                    "new or empty file, so nothing of yours is overwritten."
                ),
                path=database.path,
            )
        programme = Programme(
            organisation="Föreningen Broar till arbete",
            name="Mentorskap för nyanlända akademiker",
            contact_name="Linnea Åkerlund",
            contact_email="linnea.akerlund@example.org",
            default_language="sv",
            meetings_per_round=4,
            months_per_round=4,
            # Fixed, so the demo's rows are the same every time (a real file gets a random one).
            calendar_id="d3e0c0de5eed4a11b0a5f00d2027ca11",
        )
        session.add(programme)
        session.flush()
        assert programme.id is not None
        ensure_defaults(session, programme.id)
        rounds = _add_cohorts(session, programme.id, today)
        organisations = _add_organisations(session, programme.id)
        _add_people(session, rng, rounds, organisations, today)
        for round_ in rounds:
            _ensure_room(round_)
            session.add_all(round_.enrolments)
        session.flush()
        add_histories(session, programme.id, rounds)
        add_checklist(session, programme.id, rounds, guide, today)
        add_timeline(session, programme.id, rounds, today)
        add_plan(session, programme.id, rounds, today)
        add_interviews(session, programme.id, rounds, today)
        add_budget(session, programme.id, rounds, today)
        add_running(session, rounds, today)
        add_gatherings(session, rounds, today)
        add_surveys(session, rounds, today)


def _season_name(start: date) -> str:
    return f"{'Vår' if start.month <= 6 else 'Höst'} {start.year}"


def _add_cohorts(session: Session, programme_id: int, today: date) -> list[DemoRound]:
    finished_end = today - timedelta(days=150)
    finished_start = add_months(finished_end, -4)
    running_start = today - timedelta(days=76)
    rounds = []
    for key, start, end in (
        ("finished", finished_start, finished_end),
        ("running", running_start, add_months(running_start, 4)),
    ):
        start -= timedelta(days=start.weekday())  # rounds start on a Monday
        cohort = Cohort(
            programme_id=programme_id,
            name=_season_name(start),
            application_deadline=start - timedelta(days=35),
            start=start,
            end=end,
            is_current=key == "running",
        )
        session.add(cohort)
        rounds.append(DemoRound(key, cohort))
    session.flush()
    return rounds


def _add_organisations(session: Session, programme_id: int) -> list[Organisation]:
    organisations = [
        Organisation(
            programme_id=programme_id,
            name=employer.name,
            contact_name=employer.contact_name,
            contact_email=_email(
                Name(*employer.contact_name.partition(" ")[::2], ""), "example.org"
            )
            if employer.contact_name
            else "",
            note=employer.note,
        )
        for employer in demo_data().employers
    ]
    session.add_all(organisations)
    session.flush()
    return organisations


def _email(name: Name, domain: str) -> str:
    text = unicodedata.normalize("NFKD", f"{name.first} {name.last}".translate(_ASCII_FOLD))
    ascii_text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = (
        "".join(c for c in w if c.isascii() and (c.isalnum() or c == "-"))
        for w in ascii_text.split()
    )
    return f"{'.'.join(w for w in words if w)}@{domain}"


def _person(rng: random.Random, name: Name, email: str, phones: list[str]) -> Person:
    """The fields adepts and mentors share, drawn from the seeded generator."""
    cities, weights = zip(*demo_data().cities, strict=True)
    return Person(
        first_name=name.first,
        last_name=name.last,
        email=email,
        phone=phones.pop() if rng.random() < 0.6 else "",
        city=rng.choices(cities, weights)[0],
        digital=rng.random() < 0.5,
        gender=name.gender,
    )


def _add_people(
    session: Session,
    rng: random.Random,
    rounds: list[DemoRound],
    organisations: list[Organisation],
    today: date,
) -> None:
    data = demo_data()
    phones = list(_FICTIONAL_PHONES)
    rng.shuffle(phones)
    adepts = list(data.adept_names)
    rng.shuffle(adepts)
    weights = [p.weight for p in data.adept_profiles]
    adept_people: list[tuple[Person, str, str]] = []
    for name in adepts:
        profile = rng.choices(data.adept_profiles, weights)[0]
        person = _person(rng, name, _email(name, "example.com"), phones)
        person.languages = rng.choices(("sv,en", "en", "sv"), (5, 3, 2))[0]
        person.education_level = profile.level
        person.education_field = profile.field
        person.education_field_text = profile.field_text
        person.industry = profile.industry
        person.industry_text = profile.industry_text
        person.years_experience = rng.randint(1, 12)
        person.job_title = profile.occupation
        goal = profile.goal if rng.random() < 0.7 else rng.choice(data.generic_goals)
        preference = ""
        if name.gender and rng.random() < 0.2:
            other = "man" if name.gender == "kvinna" else "kvinna"
            preference = name.gender if rng.random() < 0.75 else other
        adept_people.append((person, goal, preference))
    session.add_all(p for p, _, _ in adept_people)

    mentors = list(data.mentor_names)
    rng.shuffle(mentors)
    retirees = [n for n in mentors if n.gender][: len(data.retirees)]
    mentor_people: list[Person] = []
    employed = 0
    for name in mentors:
        person = _person(rng, name, _email(name, "example.org"), phones)
        person.languages = rng.choices(("sv,en", "sv", "en"), (11, 8, 1))[0]
        if name in retirees:
            retiree = data.retirees[retirees.index(name)]
            career, person.industry = retiree.profile, retiree.industry
            person.industry_text = retiree.industry_text
            person.years_experience = rng.randint(30, 35)
        else:
            index = employed % len(data.employers)
            employed += 1
            employer = data.employers[index]
            career = rng.choice(employer.profiles)
            person.organisation_id = organisations[index].id
            person.industry, person.industry_text = employer.industry, employer.industry_text
            person.years_experience = rng.randint(5, 30)
        person.job_title = career.job_title
        person.education_level = career.level
        person.education_field = career.field
        person.education_field_text = career.field_text
        mentor_people.append(person)
    session.add_all(mentor_people)
    session.flush()

    finished, running = rounds
    split = ADEPTS_PER_ROUND[0]
    _enrol(rng, finished, Role.ADEPT, adept_people[:split], _FINISHED_ADEPTS, today)
    _enrol(rng, running, Role.ADEPT, adept_people[split:], _RUNNING_ADEPTS, today)
    split = MENTORS_PER_ROUND[0]
    returning = mentor_people[split - RETURNING_MENTORS : split]
    finished_mentors = [(p, "", "") for p in mentor_people[:split]]
    running_mentors = [(p, "", "") for p in returning + mentor_people[split:]]
    _enrol(rng, finished, Role.MENTOR, finished_mentors, _FINISHED_MENTORS, today)
    _enrol(rng, running, Role.MENTOR, running_mentors, _RUNNING_MENTORS, today)
    _leave_uncoded(running, [p for p, _, _ in adept_people])


def _enrol(
    rng: random.Random,
    round_: DemoRound,
    role: Role,
    people: list[tuple[Person, str, str]],
    exceptions: list[EnrolmentStatus],
    today: date,
) -> None:
    """Enrol ``people``: the last ones get the ``exceptions``, everyone else the common status."""
    cohort = round_.cohort
    assert cohort.id is not None and cohort.application_deadline is not None
    common = EnrolmentStatus.COMPLETED if round_.key == "finished" else EnrolmentStatus.ACTIVE
    statuses = [common] * (len(people) - len(exceptions)) + exceptions
    for (person, goal, preference), status in zip(people, statuses, strict=True):
        assert person.id is not None
        round_.histories.append(history(rng, cohort, role, status, today))
        round_.enrolments.append(
            Enrolment(
                person_id=person.id,
                cohort_id=cohort.id,
                role=role.value,
                status=status.value,
                capacity=rng.choices((1, 2, 3), (5, 4, 1))[0] if role is Role.MENTOR else 1,
                goal=goal,
                preferred_mentor_gender=preference,
            )
        )


def _leave_uncoded(round_: DemoRound, adepts: list[Person]) -> None:
    """A few new applications still wait for the coordinator to code what the applicant wrote
    (the text stays; the SUN or SNI code is left empty)."""
    people = {person.id: person for person in adepts}

    def adepts_with(status: EnrolmentStatus) -> list[Person]:
        chosen = (e for e in round_.enrolments if e.status == status and e.role == Role.ADEPT)
        return [people[e.person_id] for e in chosen]

    late = adepts_with(_S.APPLIED)
    for person in late:
        person.education_field = ""
    late[0].industry = ""
    adepts_with(_S.WAITLISTED)[0].industry = ""


def _ensure_room(round_: DemoRound) -> None:
    """Give a round's matched mentors room for all its matched adepts, as a real round has."""
    matched = {EnrolmentStatus.COMPLETED.value, EnrolmentStatus.ACTIVE.value}
    adepts = [e for e in round_.enrolments if e.role == Role.ADEPT and e.status in matched]
    mentors = [e for e in round_.enrolments if e.role == Role.MENTOR and e.status in matched]
    for mentor in mentors:
        if sum(m.capacity for m in mentors) >= len(adepts):
            break
        mentor.capacity = max(mentor.capacity, 2)
