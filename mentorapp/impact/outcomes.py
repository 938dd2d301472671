"""Outcomes an adept tells the coordinator: a job, an internship or studies from a date.

The impact report counts them beside the survey answers (an adept who never answered a
survey but said "I start at the municipality on Monday" has a job). Several outcomes per
adept are kept (an internship, then a job). The employer is noted only if the coordinator
chooses to: the report needs the kind, the date, the field and whether the programme helped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete as delete_rows
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.dates import add_months
from mentorapp.domain.enums import Role
from mentorapp.domain.models import Cohort, Enrolment, Outcome, Person
from mentorapp.domain.text import normalise_email
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, current_language
from mentorapp.impact.answer_checks import is_erased_enrolment
from mentorapp.impact.answers import SurveyPerson, survey_people
from mentorapp.impact.population import round_people
from mentorapp.impact.survey_model import OUTCOME_KINDS
from mentorapp.people.collation import sort_key

IN_FIELD = ("", "yes", "partly", "no")
THROUGH_PROGRAMME = ("", "yes", "no")
NOTE_LIMIT = 200
# The report counts outcomes "during or within six months after the programme": one that
# began before the round is not an outcome of it. A month's slack is left for a round whose
# start was moved (the report itself counts only those from the round's start on).
MONTHS_BEFORE_ROUND = 1
DAYS_AHEAD = 0  # an outcome is told once it has started (or starts today)
# The words for the stored values, as a list or an extract shows them (through gettext).
KIND_LABELS = {"job": N_("a job"), "internship": N_("an internship"), "studies": N_("studies")}
IN_FIELD_LABELS = {
    "yes": N_("in their own field"),
    "partly": N_("partly in their own field"),
    "no": N_("not in their own field"),
}
THROUGH_LABELS = {"yes": N_("through the programme"), "no": N_("not through the programme")}


def describe(kind: str, in_field: str, through_programme: str) -> str:
    """ "a job, in their own field, through the programme" in the current language."""
    from mentorapp.i18n import _

    parts = [_(KIND_LABELS[kind]) if kind in KIND_LABELS else kind]
    if in_field in IN_FIELD_LABELS:
        parts.append(_(IN_FIELD_LABELS[in_field]))
    if through_programme in THROUGH_LABELS:
        parts.append(_(THROUGH_LABELS[through_programme]))
    return ", ".join(parts)


@dataclass(frozen=True)
class OutcomeRow:
    id: int
    enrolment_id: int
    name: str
    email: str
    kind: str
    started_on: date
    in_field: str
    through_programme: str
    note: str
    recorded_on: date


def _one_of(value: str, allowed: tuple[str, ...], field: str, template: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(
            template,
            field,
            value=str(value)[:40],
            choices=", ".join(choice or "“”" for choice in allowed),
        )
    return value


def check_fields(
    kind: str, in_field: str, through_programme: str, note: str
) -> tuple[str, str, str, str]:
    """The fields as stored (the note trimmed), or a ValidationError naming the field."""
    kind = _one_of(
        kind,
        OUTCOME_KINDS,
        "kind",
        N_("“{value}” is not a kind of outcome. Choose one of: {choices}."),
    )
    in_field = _one_of(
        in_field,
        IN_FIELD,
        "in_field",
        N_("“{value}” does not say whether it is in their own field. Choose one of: {choices}."),
    )
    through_programme = _one_of(
        through_programme,
        THROUGH_PROGRAMME,
        "through_programme",
        N_(
            "“{value}” does not say whether it came through the mentor or the programme. "
            "Choose one of: {choices}."
        ),
    )
    if not isinstance(note, str):
        raise ValidationError(N_("The note must be text."), "note")
    note = " ".join(note.split())
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            N_("The note is too long: keep it under {limit} characters."),
            "note",
            limit=NOTE_LIMIT,
        )
    return kind, in_field, through_programme, note


def check_started(started_on: date, cohort: Cohort, today: date) -> date:
    if not isinstance(started_on, date):
        raise ValidationError(N_("Give the day the job, internship or studies started."), "on")
    if started_on > today + timedelta(days=DAYS_AHEAD):
        raise ValidationError(
            N_(
                "{day} is in the future. Record the outcome once it has started, with the day "
                "it started."
            ),
            "on",
            day=started_on.isoformat(),
        )
    if started_on < add_months(cohort.start, -MONTHS_BEFORE_ROUND):
        raise ValidationError(
            N_(
                "{day} is more than a month before the round “{round}” started: a job, "
                "internship or studies that began before the round is not an outcome of it."
            ),
            "on",
            day=started_on.isoformat(),
            round=cohort.name,
        )
    return started_on


def _adept(session: Session, enrolment_id: int) -> tuple[Enrolment, Cohort]:
    """The enrolment, when it is an adept who took part in their round (``round_people``:
    an adept accepted but never placed did not) and not an erased person's stub."""
    enrolment = (
        session.get(Enrolment, enrolment_id)
        if isinstance(enrolment_id, int) and not isinstance(enrolment_id, bool)
        else None
    )
    if enrolment is None:
        raise ValidationError(N_("This participant is not in this round."), "adept")
    cohort = session.get(Cohort, enrolment.cohort_id)
    assert cohort is not None and enrolment.id is not None
    if enrolment.role != Role.ADEPT.value:
        raise ValidationError(
            N_("Outcomes are recorded for adepts; {name} is a mentor."),
            "adept",
            name=_name(session, enrolment),
        )
    if is_erased_enrolment(session, enrolment):
        raise ValidationError(
            N_("This person's data has been erased, so no outcome can be stored for them."),
            "adept",
        )
    taking_part = round_people(session, enrolment.cohort_id).adepts
    if enrolment.id not in taking_part:
        raise ValidationError(
            N_("{name} did not take part in the round “{round}”."),
            "adept",
            name=_name(session, enrolment),
            round=cohort.name,
        )
    return enrolment, cohort


def _name(session: Session, enrolment: Enrolment) -> str:
    person = session.get(Person, enrolment.person_id)
    if person is None:
        return str(enrolment.id)
    return f"{person.first_name} {person.last_name}".strip() or person.email


def delete_for(session: Session, enrolment_ids: Iterable[int | None]) -> None:
    """Remove the people's outcomes (erasure)."""
    ids = [i for i in enrolment_ids if i is not None]
    session.execute(delete_rows(Outcome).where(col(Outcome.enrolment_id).in_(ids)))


class OutcomeService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def record(
        self,
        enrolment_id: int,
        kind: str,
        started_on: date,
        in_field: str = "",
        through_programme: str = "",
        note: str = "",
        today: date | None = None,
    ) -> int:
        """Store what the adept told; returns the outcome's id."""
        today = today or date.today()
        kind, in_field, through_programme, note = check_fields(
            kind, in_field, through_programme, note
        )
        with self._db.transaction() as session:
            _enrolment, cohort = _adept(session, enrolment_id)
            check_started(started_on, cohort, today)
            outcome = Outcome(
                enrolment_id=enrolment_id,
                kind=kind,
                started_on=started_on,
                in_field=in_field,
                through_programme=through_programme,
                note=note,
                recorded_on=today,
            )
            session.add(outcome)
            session.flush()
            assert outcome.id is not None
            return outcome.id

    def update(
        self,
        outcome_id: int,
        kind: str,
        started_on: date,
        in_field: str = "",
        through_programme: str = "",
        note: str = "",
        today: date | None = None,
    ) -> None:
        """Correct an outcome (the day it was recorded stays)."""
        today = today or date.today()
        kind, in_field, through_programme, note = check_fields(
            kind, in_field, through_programme, note
        )
        with self._db.transaction() as session:
            outcome = _outcome(session, outcome_id)
            _enrolment, cohort = _adept(session, outcome.enrolment_id)
            check_started(started_on, cohort, today)
            outcome.kind, outcome.started_on = kind, started_on
            outcome.in_field, outcome.through_programme = in_field, through_programme
            outcome.note = note
            session.add(outcome)

    def delete(self, outcome_id: int) -> None:
        with self._db.transaction() as session:
            session.delete(_outcome(session, outcome_id))

    def for_round(self, cohort_id: int) -> list[OutcomeRow]:
        """The round's outcomes, by adept and then by start."""
        with self._db.reading() as session:
            if session.get(Cohort, cohort_id) is None:
                raise ValidationError(N_("That round no longer exists."), "cohort")
            query = (
                select(Outcome, Person)
                .join(Enrolment, col(Enrolment.id) == Outcome.enrolment_id)
                .join(Person, col(Person.id) == Enrolment.person_id)
                .where(col(Enrolment.cohort_id) == cohort_id)
            )
            rows = [
                OutcomeRow(
                    id=outcome.id or 0,
                    enrolment_id=outcome.enrolment_id,
                    name=f"{person.first_name} {person.last_name}".strip(),
                    email=person.email,
                    kind=outcome.kind,
                    started_on=outcome.started_on,
                    in_field=outcome.in_field,
                    through_programme=outcome.through_programme,
                    note=outcome.note,
                    recorded_on=outcome.recorded_on,
                )
                for outcome, person in session.exec(query)
            ]
        language = current_language()
        rows.sort(key=lambda r: (sort_key(r.name, language), r.enrolment_id, r.started_on, r.id))
        return rows

    def adepts(self, cohort_id: int) -> list[SurveyPerson]:
        """The adepts an outcome can be recorded for: those the round's surveys are for."""
        with self._db.reading() as session:
            return survey_people(session, cohort_id, "t1")

    def find_adept(self, cohort_id: int, email: str) -> int:
        """The enrolment id of the round's adept with this e-mail."""
        with self._db.reading() as session:
            if session.get(Cohort, cohort_id) is None:
                raise ValidationError(N_("That round no longer exists."), "cohort")
            query = (
                select(Enrolment.id, Person.email)
                .join(Person, col(Person.id) == Enrolment.person_id)
                .where(
                    col(Enrolment.cohort_id) == cohort_id,
                    col(Enrolment.role) == Role.ADEPT.value,
                )
            )
            wanted = normalise_email(str(email))
            for enrolment_id, stored in session.exec(query):
                if enrolment_id is not None and wanted and normalise_email(stored) == wanted:
                    return enrolment_id
        raise ValidationError(
            N_("No adept in this round has the e-mail {email}."),
            "adept",
            email=str(email)[:120],
        )


def _outcome(session: Session, outcome_id: int) -> Outcome:
    outcome = (
        session.get(Outcome, outcome_id)
        if isinstance(outcome_id, int) and not isinstance(outcome_id, bool)
        else None
    )
    if outcome is None:
        raise ValidationError(N_("That outcome is no longer stored."), "outcome")
    return outcome
