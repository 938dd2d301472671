"""Partner organisations: the employers mentors come from and those who help recruit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from sqlalchemy import func
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import Organisation, Person
from mentorapp.domain.text import fold, is_email
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    contact_name: str
    contact_email: str
    note: str
    people: int  # mentors (and others) who work there


@dataclass
class PartnerDraft:
    name: str
    contact_name: str = ""
    contact_email: str = ""
    note: str = ""


class PartnerService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def partners(self, programme_id: int) -> list[PartnerRow]:
        with self._db.reading() as session:
            counts = dict(
                session.exec(
                    select(col(Person.organisation_id), func.count()).group_by(
                        col(Person.organisation_id)
                    )
                ).all()
            )
            rows = session.exec(
                select(Organisation).where(Organisation.programme_id == programme_id)
            ).all()
        found = [
            PartnerRow(
                cast(int, o.id),
                o.name,
                o.contact_name,
                o.contact_email,
                o.note,
                counts.get(o.id, 0),
            )
            for o in rows
        ]
        return sorted(found, key=lambda row: fold(row.name))

    def save(self, programme_id: int, draft: PartnerDraft, partner_id: int | None = None) -> int:
        name = draft.name.strip()
        if not name:
            raise ValidationError(N_("Please give the organisation's name."), "name")
        email = draft.contact_email.strip()
        if email and not is_email(email):
            raise ValidationError(
                N_("“{email}” is not a complete e-mail address (like name@example.se)."),
                "contact_email",
                email=email,
            )
        with self._db.transaction() as session:
            others = session.exec(
                select(Organisation).where(Organisation.programme_id == programme_id)
            ).all()
            if any(fold(o.name) == fold(name) and o.id != partner_id for o in others):
                raise ValidationError(
                    N_("There is already a partner called “{name}”."), "name", name=name
                )
            partner = session.get(Organisation, partner_id) if partner_id else None
            if partner is None:
                partner = Organisation(programme_id=programme_id, name=name)
            partner.name, partner.contact_name = name, draft.contact_name.strip()
            partner.contact_email, partner.note = email, draft.note.strip()
            session.add(partner)
            session.flush()
            assert partner.id is not None
            return partner.id

    def remove(self, partner_id: int) -> None:
        """The people who work there stay; they just no longer name this employer."""
        with self._db.transaction() as session:
            partner = session.get(Organisation, partner_id)
            if partner is not None:
                session.delete(partner)


def forget_person(session: Session, person: Person) -> None:
    """Erasure's part for the organisation ``person`` names as employer (inside its job).

    An employer's name is an organisation's name, not personal data by itself, and the
    partner row is the programme's own record, so it normally stays: only the person's link
    to it goes, and its contact fields if they name the person (contact e-mail hers, or
    contact name her full name). It becomes personal when it says nothing but what this one
    person told us: the row is deleted when nobody else works there and, once her contact
    details are out, it has no contact or note left (it was made from her application and
    never filled in as a partner), or when its name holds her full name (a sole trader's
    firm, "Anna Lindqvist Konsult", identifies her). A partner added by hand with only a
    name looks the same as one made from an application; it goes too, which loses a name
    the coordinator can type again, rather than keep one that may be the erased person's.
    """
    organisation_id, person.organisation_id = person.organisation_id, None
    session.add(person)
    session.flush()
    organisation = session.get(Organisation, organisation_id) if organisation_id else None
    if organisation is None:
        return
    full_name = fold(f"{person.first_name} {person.last_name}")
    names = {full_name, fold(f"{person.last_name} {person.first_name}")}
    email = fold(person.email)
    if (email and fold(organisation.contact_email) == email) or (
        person.first_name.strip()
        and person.last_name.strip()
        and " ".join(fold(organisation.contact_name).split()) in names
    ):
        organisation.contact_name = organisation.contact_email = ""
        session.add(organisation)
    others = session.exec(
        select(func.count()).select_from(Person).where(Person.organisation_id == organisation.id)
    ).one()
    if others:
        return
    bare = not (organisation.contact_name or organisation.contact_email or organisation.note)
    whole_words = rf"(?<!\w){re.escape(' '.join(full_name.split()))}(?!\w)"
    named_after = bool(person.first_name.strip() and person.last_name.strip()) and bool(
        re.search(whole_words, " ".join(fold(organisation.name).split()))
    )
    if bare or named_after:
        session.delete(organisation)
    session.flush()
