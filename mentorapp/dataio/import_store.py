"""The database side of an import: find the round, load what exists, write rows in bulk.

Existing e-mails, enrolments and organisations are loaded once per import, not per row, and
new people, enrolments and status changes go in as multi-row inserts, which keeps a form
export of thousands of applications within seconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, cast

from sqlalchemy import insert
from sqlmodel import Session, col, select

from mentorapp.dataio.row_rules import Application
from mentorapp.domain.dates import add_months
from mentorapp.domain.enums import EnrolmentStatus
from mentorapp.domain.models import Cohort, Enrolment, Organisation, Person, Programme, StatusChange
from mentorapp.domain.text import fold, fold_words, normalise_email
from mentorapp.i18n import _, current_language

# Every optional column of a new person with its default, so that all rows of a bulk insert
# have the same keys (the required ones, names and e-mail, come from every valid row).
_PERSON_DEFAULTS: dict[str, Any] = {
    name: info.default
    for name, info in Person.model_fields.items()
    if name != "id" and not info.is_required()
}


def find_cohort(session: Session, programme: Programme | None, name: str) -> Cohort | None:
    if programme is None:
        return None
    cohorts = session.exec(select(Cohort).where(Cohort.programme_id == programme.id))
    return next((c for c in cohorts if fold(c.name) == fold(name)), None)


def existing_people(session: Session) -> dict[str, int]:
    """Stored address in its one form (``normalise_email``) -> person id.

    Normalised here, not in SQL: SQLite's lower() leaves Å and Ö as they are, and an older
    Mentorapp may have stored an address with an invisible character in it."""
    rows = session.exec(select(Person.email, Person.id))
    return {normalise_email(email): cast(int, person_id) for email, person_id in rows}


def enrolled(session: Session, cohort: Cohort | None, role: str) -> dict[int, int]:
    """person id -> enrolment id of those already in this round in this role."""
    if cohort is None:
        return {}
    query = select(Enrolment.person_id, Enrolment.id).where(
        Enrolment.cohort_id == cohort.id, Enrolment.role == role
    )
    return {person_id: cast(int, enrolment_id) for person_id, enrolment_id in session.exec(query)}


def default_programme(session: Session) -> Programme:
    programme = Programme(
        organisation=_("My organisation"),
        name=_("Mentorship programme"),
        default_language=current_language(),
    )
    session.add(programme)
    session.flush()
    return programme


def create_cohort(session: Session, programme: Programme, name: str) -> Cohort:
    """A new round starting in about three months, with the programme's usual length."""
    assert programme.id is not None
    start = add_months(date.today(), 3)
    has_current = session.exec(
        select(Cohort.id).where(Cohort.programme_id == programme.id, Cohort.is_current)
    ).first()
    cohort = Cohort(
        programme_id=programme.id,
        name=name.strip(),
        start=start,
        end=add_months(start, programme.months_per_round),
        is_current=has_current is None,
    )
    session.add(cohort)
    session.flush()
    return cohort


def organisations(
    session: Session,
    programme_id: int,
    new: list[Application],
    updates: list[tuple[Application, int]],
) -> dict[str, int]:
    """Folded employer name -> organisation id, creating the partners the file introduces."""
    query = select(Organisation).where(Organisation.programme_id == programme_id)
    stored = session.exec(query.order_by(col(Organisation.id)))
    known = {fold_words(o.name): cast(int, o.id) for o in stored}
    names = [a.employer for a in new] + [a.employer for a, _p in updates]
    added: dict[str, Organisation] = {}
    for name in names:
        if name and fold_words(name) not in known and fold_words(name) not in added:
            added[fold_words(name)] = Organisation(programme_id=programme_id, name=name)
    if added:
        session.add_all(added.values())
        session.flush()
        known.update({key: cast(int, o.id) for key, o in added.items()})
    return known


def new_enrolments(
    session: Session, cohort: Cohort, role: str, items: Iterable[tuple[int, dict]]
) -> None:
    rows = [
        {"person_id": pid, "cohort_id": cohort.id, "role": role, "status": "applied"}
        | {"capacity": 1, "goal": "", "preferred_mentor_gender": ""}
        | values
        for pid, values in items
    ]
    if not rows:
        return
    ids = session.execute(insert(Enrolment).returning(col(Enrolment.id)), rows).scalars().all()
    today = date.today()
    session.execute(
        insert(StatusChange),
        [
            {"enrolment_id": eid, "from_status": None, "to_status": EnrolmentStatus.APPLIED}
            | {"changed_on": today, "reason": ""}
            for eid in ids
        ],
    )


def create_people(
    session: Session,
    cohort: Cohort,
    role: str,
    chunk: list[Application],
    organisations: dict[str, int],
) -> None:
    rows = [
        _PERSON_DEFAULTS
        | a.person
        | {"email": a.email, "organisation_id": organisations.get(fold_words(a.employer))}
        for a in chunk
    ]
    result = session.execute(insert(Person).returning(col(Person.id), col(Person.email)), rows)
    ids = {email: person_id for person_id, email in result}
    new_enrolments(session, cohort, role, ((ids[a.email], a.enrolment) for a in chunk))


def update_people(
    session: Session,
    cohort: Cohort,
    role: str,
    chunk: list[tuple[Application, int]],
    enrolled: dict[int, int],
    organisations: dict[str, int],
) -> None:
    """Overwrite what the file gives; a code the coordinator chose stays while the words match."""
    people = {
        p.id: p
        for p in session.exec(select(Person).where(col(Person.id).in_([i for _a, i in chunk])))
    }
    enrolment_ids = [enrolled[pid] for _a, pid in chunk if pid in enrolled]
    enrolments = {
        e.person_id: e
        for e in session.exec(select(Enrolment).where(col(Enrolment.id).in_(enrolment_ids)))
    }
    to_enrol: list[tuple[int, dict]] = []
    for application, person_id in chunk:
        person = people[person_id]
        values = dict(application.person)
        for code, text in (
            ("education_field", "education_field_text"),
            ("industry", "industry_text"),
        ):
            same_words = fold_words(values.get(text, "")) == fold_words(getattr(person, text))
            if not values.get(code) and same_words:
                values.pop(code, None)
        for name, value in values.items():
            setattr(person, name, value)
        if application.employer:
            person.organisation_id = organisations[fold_words(application.employer)]
        session.add(person)
        enrolment = enrolments.get(person_id)
        if enrolment is None:
            to_enrol.append((person_id, application.enrolment))
        else:
            for name, value in application.enrolment.items():
                setattr(enrolment, name, value)
            session.add(enrolment)
    session.flush()
    new_enrolments(session, cohort, role, to_enrol)
