"""Partner organisations: the employers mentors come from and those who help recruit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from mentorapp.db import Database
from mentorapp.domain.models import Organisation, Person
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.validation import fold, is_email


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
                    select(Person.organisation_id, func.count()).group_by(Person.organisation_id)
                ).all()
            )
            rows = session.exec(
                select(Organisation).where(Organisation.programme_id == programme_id)
            ).all()
        found = [
            PartnerRow(o.id, o.name, o.contact_name, o.contact_email, o.note, counts.get(o.id, 0))
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
            return partner.id

    def remove(self, partner_id: int) -> None:
        """The people who work there stay; they just no longer name this employer."""
        with self._db.transaction() as session:
            partner = session.get(Organisation, partner_id)
            if partner is not None:
                session.delete(partner)
