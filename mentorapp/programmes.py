"""The programme and its rounds: create, edit, validate, choose the current round."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from mentorapp.db import Database
from mentorapp.domain.models import Cohort, Programme
from mentorapp.errors import ValidationError
from mentorapp.i18n import LANGUAGES, N_
from mentorapp.validation import fold, is_email


@dataclass
class ProgrammeDraft:
    organisation: str
    name: str
    contact_name: str = ""
    contact_email: str = ""
    default_language: str = "sv"
    meetings_per_round: int = 4
    months_per_round: int = 4


@dataclass
class CohortDraft:
    name: str
    start: date
    end: date
    application_deadline: date | None = None


def validate_programme(draft: ProgrammeDraft) -> None:
    if not draft.organisation.strip():
        raise ValidationError(N_("Please enter the organisation's name."), field="organisation")
    if not draft.name.strip():
        raise ValidationError(N_("Please give the programme a name."), field="name")
    if draft.contact_email.strip() and not is_email(draft.contact_email):
        raise ValidationError(
            N_("“{email}” is not a complete e-mail address (like name@example.se)."),
            field="contact_email",
            email=draft.contact_email.strip(),
        )
    if draft.default_language not in LANGUAGES:
        raise ValidationError(N_("Choose Swedish or English."), field="default_language")
    if not 1 <= draft.meetings_per_round <= 12:
        raise ValidationError(
            N_("The number of meetings per round must be between 1 and 12."),
            field="meetings_per_round",
        )
    if not 1 <= draft.months_per_round <= 24:
        raise ValidationError(
            N_("A round must last between 1 and 24 months."), field="months_per_round"
        )


def validate_cohort(draft: CohortDraft, existing_names: list[str]) -> None:
    name = draft.name.strip()
    if not name:
        raise ValidationError(N_("Please give the round a name, such as “Spring 2027”."), "name")
    if fold(name) in {fold(other) for other in existing_names}:
        raise ValidationError(
            N_("There is already a round called “{name}”. Choose another name."), "name", name=name
        )
    if draft.end <= draft.start:
        raise ValidationError(N_("The round must end after it starts."), field="end")
    if draft.application_deadline and draft.application_deadline > draft.start:
        raise ValidationError(
            N_("The application deadline must be on or before the day the round starts."),
            field="application_deadline",
        )


class ProgrammeService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def programme(self) -> Programme | None:
        """The file's programme. A database holds one programme; the first one wins."""
        with self._db.reading() as session:
            return session.exec(select(Programme).order_by(Programme.id)).first()

    def save_programme(self, draft: ProgrammeDraft, programme_id: int | None = None) -> Programme:
        validate_programme(draft)
        with self._db.transaction() as session:
            programme = session.get(Programme, programme_id) if programme_id else None
            if programme is None:
                programme = Programme(organisation="", name="")
            programme.organisation = draft.organisation.strip()
            programme.name = draft.name.strip()
            programme.contact_name = draft.contact_name.strip()
            programme.contact_email = draft.contact_email.strip()
            programme.default_language = draft.default_language
            programme.meetings_per_round = draft.meetings_per_round
            programme.months_per_round = draft.months_per_round
            session.add(programme)
            session.flush()
            return programme

    def cohorts(self, programme_id: int) -> list[Cohort]:
        with self._db.reading() as session:
            query = select(Cohort).where(Cohort.programme_id == programme_id)
            return list(session.exec(query.order_by(Cohort.start, Cohort.id)))

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
                cohort = Cohort(programme_id=programme_id, name="", start=draft.start, end=draft.end)
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


def describe_round_timing(cohort: Cohort, today: date) -> str:
    """One sentence about where the round is in time, for the overview."""
    from mentorapp.i18n import _, format_date, ngettext

    if cohort.application_deadline and today <= cohort.application_deadline:
        days = (cohort.application_deadline - today).days
        return ngettext(
            "Applications are open; {n} day left until the deadline.",
            "Applications are open; {n} days left until the deadline.",
            days,
        ).format(n=days)
    if today < cohort.start:
        days = (cohort.start - today).days
        return ngettext(
            "The round starts in {n} day.", "The round starts in {n} days.", days
        ).format(n=days)
    if today <= cohort.end:
        week = (today - cohort.start).days // 7 + 1
        weeks = max((cohort.end - cohort.start).days // 7 + 1, week)
        return _("The round is running: week {week} of {weeks}.").format(week=week, weeks=weeks)
    return _("The round ended on {date}.").format(date=format_date(cohort.end, "long"))


def suggest_round_name(start: date) -> str:
    """“Spring 2027” or “Autumn 2027”, from the month the round starts."""
    from mentorapp.i18n import _

    season = _("Spring {year}") if start.month <= 6 else _("Autumn {year}")
    return season.format(year=start.year)
