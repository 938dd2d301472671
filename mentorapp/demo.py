"""A realistic, invented demo programme, so a coordinator can try every screen before real data.

The demo is deterministic: a fixed random seed and dates counted from ``today`` give the same
rows every time, which keeps screenshots, tests and support conversations reproducible.
It is only ever written into a new or empty file, in one transaction.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from mentorapp.db.engine import Database
from mentorapp.demo_names import (
    ADEPT_NAMES,
    ADEPT_PROFILES,
    CHECKLIST_NOTES,
    CITIES,
    EMPLOYERS,
    GENERIC_GOALS,
    MENTOR_NAMES,
    OWN_CHECKLIST_ITEMS,
    RETIREES,
    STATUS_REASONS,
    Name,
)
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import (
    ChecklistEntry,
    Cohort,
    EligibilityCheck,
    EligibilityCriterion,
    Enrolment,
    Organisation,
    Person,
    Programme,
    StatusChange,
)
from mentorapp.errors import MentorappError
from mentorapp.guide.content import StageContent, load_guide
from mentorapp.guide.stages import STAGES
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
# Statuses reached only after an accepted application, so its criteria were confirmed.
_AFTER_ACCEPTED = {_S.ACCEPTED, _S.ACTIVE, _S.COMPLETED, _S.WITHDRAWN}

# When each cohort stage's checklist is worked through: from and to (cohort date, days after).
_STAGE_WINDOWS = {
    "recruitment": (("application_deadline", -49), ("application_deadline", 0)),
    "selection": (("application_deadline", 2), ("start", -14)),
    "matching": (("start", -14), ("start", -3)),
    "kickoff": (("start", -7), ("start", 2)),
    "running": (("start", 7), ("end", -14)),
    "followup": (("start", 30), ("end", -7)),
    "closing": (("end", -7), ("end", 3)),
    "evaluation": (("end", 7), ("end", 35)),
    "alumni": (("end", 21), ("end", 56)),
}
_DONE_IN_RUNNING_ROUND = ("recruitment", "selection", "matching", "kickoff")


class DemoRefused(MentorappError):
    """The file already holds data; the demo never writes over anything."""

    title = N_("The demo cannot be written here")


@dataclass
class _Round:
    key: str  # "finished" or "running"
    cohort: Cohort
    enrolments: list[Enrolment] = field(default_factory=list)
    # Each enrolment's history, oldest first: (status, day, reason).
    histories: list[list[tuple[EnrolmentStatus, date, str]]] = field(default_factory=list)

    def anchor(self, name: str, days: int = 0) -> date:
        """``days`` after the cohort's ``application_deadline``, ``start`` or ``end``."""
        return getattr(self.cohort, name) + timedelta(days=days)


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
        _add_histories(session, programme.id, rounds)
        _add_checklist(session, programme.id, rounds, guide, today)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def _season_name(start: date) -> str:
    return f"{'Vår' if start.month <= 6 else 'Höst'} {start.year}"


def _add_cohorts(session: Session, programme_id: int, today: date) -> list[_Round]:
    finished_end = today - timedelta(days=150)
    finished_start = _add_months(finished_end, -4)
    running_start = today - timedelta(days=76)
    rounds = []
    for key, start, end in (
        ("finished", finished_start, finished_end),
        ("running", running_start, _add_months(running_start, 4)),
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
        rounds.append(_Round(key, cohort))
    session.flush()
    return rounds


def _add_organisations(session: Session, programme_id: int) -> list[Organisation]:
    organisations = [
        Organisation(
            programme_id=programme_id,
            name=employer.name,
            contact_name=employer.contact_name,
            contact_email=_email(Name(*employer.contact_name.split(" ", 1), ""), "example.org")
            if employer.contact_name
            else "",
            note=employer.note,
        )
        for employer in EMPLOYERS
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
    cities, weights = zip(*CITIES, strict=True)
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
    rounds: list[_Round],
    organisations: list[Organisation],
    today: date,
) -> None:
    phones = list(_FICTIONAL_PHONES)
    rng.shuffle(phones)
    adepts = list(ADEPT_NAMES)
    rng.shuffle(adepts)
    weights = [p.weight for p in ADEPT_PROFILES]
    adept_people: list[tuple[Person, str, str]] = []
    for name in adepts:
        profile = rng.choices(ADEPT_PROFILES, weights)[0]
        person = _person(rng, name, _email(name, "example.com"), phones)
        person.languages = rng.choices(("sv,en", "en", "sv"), (5, 3, 2))[0]
        person.education_level = profile.level
        person.education_field = profile.field
        person.education_field_text = profile.field_text
        person.industry = profile.industry
        person.industry_text = profile.industry_text
        person.years_experience = rng.randint(1, 12)
        person.job_title = profile.occupation
        goal = profile.goal if rng.random() < 0.7 else rng.choice(GENERIC_GOALS)
        preference = ""
        if name.gender and rng.random() < 0.2:
            other = "man" if name.gender == "kvinna" else "kvinna"
            preference = name.gender if rng.random() < 0.75 else other
        adept_people.append((person, goal, preference))
    session.add_all(p for p, _, _ in adept_people)

    mentors = list(MENTOR_NAMES)
    rng.shuffle(mentors)
    retirees = [n for n in mentors if n.gender][: len(RETIREES)]
    mentor_people: list[Person] = []
    employed = 0
    for name in mentors:
        person = _person(rng, name, _email(name, "example.org"), phones)
        person.languages = rng.choices(("sv,en", "sv", "en"), (11, 8, 1))[0]
        if name in retirees:
            retiree = RETIREES[retirees.index(name)]
            profile, person.industry = retiree.profile, retiree.industry
            person.industry_text = retiree.industry_text
            person.years_experience = rng.randint(30, 35)
        else:
            index = employed % len(EMPLOYERS)
            employed += 1
            employer = EMPLOYERS[index]
            profile = rng.choice(employer.profiles)
            person.organisation_id = organisations[index].id
            person.industry, person.industry_text = employer.industry, employer.industry_text
            person.years_experience = rng.randint(5, 30)
        person.job_title = profile.job_title
        person.education_level = profile.level
        person.education_field = profile.field
        person.education_field_text = profile.field_text
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
    round_: _Round,
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
        round_.histories.append(_history(rng, cohort, role, status, today))
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


def _history(
    rng: random.Random, cohort: Cohort, role: Role, status: EnrolmentStatus, today: date
) -> list[tuple[EnrolmentStatus, date, str]]:
    """The steps that led to ``status``: applied before the deadline, interviewed within two
    weeks after it, decided a few days later. Those still "applied" came in late."""
    assert cohort.application_deadline is not None
    if status is _S.APPLIED:
        return [(_S.APPLIED, today - timedelta(days=rng.randint(3, 20)), "")]
    applied = cohort.application_deadline - timedelta(days=rng.randint(1, 42))
    interview = cohort.application_deadline + timedelta(days=rng.randint(3, 12))
    decided = interview + timedelta(days=rng.randint(2, 9))
    steps = [(_S.APPLIED, applied, ""), (_S.INTERVIEW, interview, "")]
    if status in (_S.WAITLISTED, _S.DECLINED):
        return [*steps, (status, decided, rng.choice(STATUS_REASONS[(status, role)]))]
    steps += [(_S.ACCEPTED, decided, ""), (_S.ACTIVE, cohort.start, "")]
    if status is _S.COMPLETED:
        steps.append((_S.COMPLETED, cohort.end, ""))
    elif status is _S.WITHDRAWN:
        left = cohort.start + timedelta(days=rng.randint(20, 60))
        steps.append((_S.WITHDRAWN, left, rng.choice(STATUS_REASONS[(status, role)])))
    return steps


def _leave_uncoded(round_: _Round, adepts: list[Person]) -> None:
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


def _add_histories(session: Session, programme_id: int, rounds: list[_Round]) -> None:
    """Every application's status history and, once accepted, its confirmed criteria (all
    that are active, on the day of the interview)."""
    query = select(EligibilityCriterion).where(
        EligibilityCriterion.programme_id == programme_id, EligibilityCriterion.active
    )
    criteria = [(c.role, c.id) for c in session.exec(query) if c.id is not None]
    rows: list[StatusChange | EligibilityCheck] = []
    for round_ in rounds:
        for enrolment, steps in zip(round_.enrolments, round_.histories, strict=True):
            assert enrolment.id is not None
            before = [None, *(status.value for status, _, _ in steps)]
            for previous, (status, day, reason) in zip(before, steps, strict=False):
                change = StatusChange(
                    enrolment_id=enrolment.id,
                    from_status=previous,
                    to_status=status.value,
                    changed_on=day,
                    reason=reason,
                )
                rows.append(change)
            if _AFTER_ACCEPTED.isdisjoint(status for status, _, _ in steps):
                continue
            interview = next(day for status, day, _ in steps if status is _S.INTERVIEW)
            for role, criterion_id in criteria:
                if role == enrolment.role:
                    check = EligibilityCheck(
                        enrolment_id=enrolment.id, criterion_id=criterion_id, confirmed_on=interview
                    )
                    rows.append(check)
    session.add_all(rows)


def _ensure_room(round_: _Round) -> None:
    """Give a round's matched mentors room for all its matched adepts, as a real round has."""
    matched = {EnrolmentStatus.COMPLETED.value, EnrolmentStatus.ACTIVE.value}
    adepts = [e for e in round_.enrolments if e.role == Role.ADEPT and e.status in matched]
    mentors = [e for e in round_.enrolments if e.role == Role.MENTOR and e.status in matched]
    for mentor in mentors:
        if sum(m.capacity for m in mentors) >= len(adepts):
            break
        mentor.capacity = max(mentor.capacity, 2)


def _working_day(day: date, today: date) -> date:
    day = min(day, today)
    return day - timedelta(days=max(0, day.weekday() - 4))


def _spread(first: date, last: date, count: int, today: date) -> list[date]:
    """``count`` increasing working days from ``first`` to ``last``, none after ``today``."""
    span = max((last - first).days, 0)
    return [
        _working_day(first + timedelta(days=span * (k + 1) // (count + 1)), today)
        for k in range(count)
    ]


def _add_checklist(
    session: Session,
    programme_id: int,
    rounds: list[_Round],
    guide: dict[str, StageContent],
    today: date,
) -> None:
    """Tick the guide as a coordinator would have: all that is past done, the rest still open."""
    # (stage, cohort id, first day, last day, items done (None: all), note)
    plan: list[tuple[str, int | None, date, date, int | None, str]] = []
    for index, stage in enumerate(s for s in STAGES if not s.per_round):
        first = rounds[0].anchor("application_deadline", 25 * index - 150)
        last = first + timedelta(days=28)
        plan.append((stage.key, None, first, last, None, CHECKLIST_NOTES.get(("", stage.key), "")))
    for round_ in rounds:
        for stage in (s for s in STAGES if s.per_round):
            (a, da), (b, db) = _STAGE_WINDOWS[stage.key]
            first, last = round_.anchor(a, da), round_.anchor(b, db)
            done: int | None = None
            if round_.key == "running" and stage.key not in _DONE_IN_RUNNING_ROUND:
                half = (len(guide[stage.key].items) + 1) // 2
                done, last = (half, today) if stage.key == "running" else (0, last)
            note = CHECKLIST_NOTES.get((round_.key, stage.key), "")
            plan.append((stage.key, round_.cohort.id, first, last, done, note))

    entries: list[ChecklistEntry] = []
    for stage_key, cohort_id, first, last, done, note in plan:
        items = guide[stage_key].items
        done = len(items) if done is None else done
        days = _spread(first, last, done, today)
        note_at = done if done < len(items) else 0  # the first open item, else the first one
        for position, item in enumerate(items):
            if position < done or (note and position == note_at):
                entries.append(
                    ChecklistEntry(
                        programme_id=programme_id,
                        cohort_id=cohort_id,
                        stage=stage_key,
                        builtin_key=item.key,
                        position=position,
                        done=position < done,
                        done_on=days[position] if position < done else None,
                        note=note if position == note_at else "",
                    )
                )
    running = rounds[1]
    for stage_key, text, offset in OWN_CHECKLIST_ITEMS:
        done_on = None
        if offset is not None:
            done_on = _working_day(running.anchor("start", offset), today)
        entries.append(
            ChecklistEntry(
                programme_id=programme_id,
                cohort_id=running.cohort.id,
                stage=stage_key,
                own_text=text,
                position=len(guide[stage_key].items),
                done=done_on is not None,
                done_on=done_on,
            )
        )
    session.add_all(entries)
