"""The programme and its rounds: create, edit, validate, choose the current round."""

from __future__ import annotations

from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import Cohort, Programme
from mentorapp.domain.text import fold
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.people.eligibility import ensure_defaults
from mentorapp.programme.rules import (
    CohortDraft,
    ProgrammeDraft,
    describe_round_timing,
    suggest_round_name,
    validate_cohort,
    validate_programme,
)

__all__ = [
    "CohortDraft",
    "ProgrammeDraft",
    "ProgrammeService",
    "describe_round_timing",
    "suggest_round_name",
]


class RoundNotFound(ValidationError):
    title = N_("There is no such round")


def find_round(session: Session, name: str | None) -> Cohort:
    """The round called ``name`` (any case), or the current round when no name is given; the
    error names the rounds that do exist, so the user can pick one."""
    programme = session.exec(select(Programme).order_by(col(Programme.id))).first()
    cohorts = _cohorts(session, programme.id) if programme and programme.id else []
    cohorts.sort(key=lambda c: (c.start, c.id or 0))
    for cohort in cohorts:
        if (name is None and cohort.is_current) or (name and fold(cohort.name) == fold(name)):
            return cohort
    if not cohorts:
        raise RoundNotFound(N_("This file has no rounds yet. Create a round in Mentorapp first."))
    names = ", ".join(f"“{c.name}”" for c in cohorts)
    if name is None:
        raise RoundNotFound(
            N_("Choose a round with --cohort. The rounds in this file are: {names}."), names=names
        )
    raise RoundNotFound(
        N_("There is no round called “{name}”. The rounds in this file are: {names}."),
        "cohort",
        name=name.strip(),
        names=names,
    )


class ProgrammeService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def programme(self) -> Programme | None:
        """The file's programme. A database holds one programme; the first one wins."""
        with self._db.reading() as session:
            return session.exec(select(Programme).order_by(col(Programme.id))).first()

    def save_programme(self, draft: ProgrammeDraft, programme_id: int | None = None) -> Programme:
        validate_programme(draft)
        with self._db.transaction() as session:
            programme = session.get(Programme, programme_id) if programme_id else None
            created = programme is None
            if programme is None:
                programme = Programme(organisation="", name="")
            programme.organisation = draft.organisation.strip()
            programme.name = draft.name.strip()
            programme.contact_name = draft.contact_name.strip()
            programme.contact_email = draft.contact_email.strip()
            programme.default_language = draft.default_language
            programme.meetings_per_round = draft.meetings_per_round
            programme.months_per_round = draft.months_per_round
            programme.logo = draft.logo
            session.add(programme)
            session.flush()
            if created:
                assert programme.id is not None
                ensure_defaults(session, programme.id)  # a new programme starts with criteria
            return programme

    def cohorts(self, programme_id: int) -> list[Cohort]:
        with self._db.reading() as session:
            query = select(Cohort).where(Cohort.programme_id == programme_id)
            return list(session.exec(query.order_by(col(Cohort.start), col(Cohort.id))))

    def round_named(self, name: str | None) -> Cohort:
        with self._db.reading() as session:
            return find_round(session, name)

    def current_cohort(self, programme_id: int) -> Cohort | None:
        with self._db.reading() as session:
            query = select(Cohort).where(Cohort.programme_id == programme_id, Cohort.is_current)
            return session.exec(query).first()

    def save_cohort(
        self,
        programme_id: int,
        draft: CohortDraft,
        cohort_id: int | None = None,
        make_current: bool = False,
    ) -> Cohort:
        with self._db.transaction() as session:
            others = [c for c in _cohorts(session, programme_id) if c.id != cohort_id]
            validate_cohort(draft, [c.name for c in others])
            cohort = session.get(Cohort, cohort_id) if cohort_id else None
            if cohort is None:
                cohort = Cohort(
                    programme_id=programme_id, name="", start=draft.start, end=draft.end
                )
                make_current = make_current or not any(c.is_current for c in others)
            cohort.name = draft.name.strip()
            cohort.start = draft.start
            cohort.end = draft.end
            cohort.application_deadline = draft.application_deadline
            session.add(cohort)
            session.flush()
            if make_current:
                _make_current(session, programme_id, cohort)
            return cohort

    def set_current_cohort(self, programme_id: int, cohort_id: int) -> None:
        with self._db.transaction() as session:
            cohort = session.get(Cohort, cohort_id)
            if cohort is None or cohort.programme_id != programme_id:
                raise ValidationError(N_("That round no longer exists."))
            _make_current(session, programme_id, cohort)


def _cohorts(session: Session, programme_id: int) -> list[Cohort]:
    return list(session.exec(select(Cohort).where(Cohort.programme_id == programme_id)))


def _make_current(session: Session, programme_id: int, chosen: Cohort) -> None:
    for cohort in _cohorts(session, programme_id):
        cohort.is_current = cohort.id == chosen.id
        session.add(cohort)
