"""Selection interviews: booking one per applicant, the interviewer's notes and 1–5
assessments, and the decision taken after it.

The pipeline follows the interviews: booking moves an application to "interview" (Interview
booked), cancelling the only booking moves it back to "applied", and a decision moves it to
accepted, waitlisted or declined. Each move is a dated history row written by
``PipelineService.change_status_in`` in the same transaction as the interview itself, so the
two never disagree.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.enums import EnrolmentStatus, status_label
from mentorapp.domain.models import Cohort, Enrolment, Interview, InterviewAnswer, Person, Programme
from mentorapp.errors import ValidationError, move_into_place
from mentorapp.i18n import N_, _, format_date, format_datetime
from mentorapp.people.pipeline import DECISIONS, PipelineService

BOOKED, HELD, CANCELLED = "booked", "held", "cancelled"
STATES = (BOOKED, HELD, CANCELLED)
MIN_MINUTES, MAX_MINUTES = 5, 480
MAX_TEXT = 500  # a place, a meeting link or a name
MAX_NOTE = 20_000
MIN_YEAR, MAX_YEAR = 2000, 2100  # a typing slip, not a booking, outside these
# Where an interview can be booked: the application waits for one or has one.
_BOOKABLE = (EnrolmentStatus.APPLIED.value, EnrolmentStatus.INTERVIEW.value)
# Where a decision can still be taken (or changed): not once the pair is running.
_DECIDABLE = (*_BOOKABLE, *DECISIONS)


@dataclass(frozen=True)
class InterviewRow:
    """One interview as the front ends show it, with whose application it is."""

    id: int
    enrolment_id: int
    cohort_id: int
    person_id: int
    name: str
    email: str
    role: str
    status: str  # the application's current pipeline status
    starts_at: datetime
    minutes: int
    place: str
    interviewer: str
    state: str
    notes: str
    decision: str
    reason: str
    decided_on: date | None

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Answer:
    question_key: str
    score: int | None
    note: str


@dataclass(frozen=True)
class Booking:
    """What the booking dialog asks for."""

    starts_at: datetime
    minutes: int = 45
    place: str = ""
    interviewer: str = ""


class InterviewService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- booking ---------------------------------------------------------------------------
    def book(
        self,
        enrolment_id: int,
        starts_at: datetime,
        minutes: int = 45,
        place: str = "",
        interviewer: str = "",
    ) -> InterviewRow:
        """Book an interview and move the application to "Interview booked" (with history)."""
        booking = _checked(Booking(starts_at, minutes, place, interviewer))
        with self._db.transaction() as session:
            enrolment, person = _application(session, enrolment_id)
            name = _full_name(person)
            if enrolment.status not in _BOOKABLE:
                raise ValidationError(
                    N_(
                        "{name} has the status “{status}”, so no interview can be booked. An "
                        "interview is booked for an application that is “Applied”."
                    ),
                    "enrolment",
                    name=name,
                    status=_Label(enrolment.status),
                )
            existing = session.exec(
                select(Interview).where(
                    col(Interview.enrolment_id) == enrolment_id, col(Interview.state) == BOOKED
                )
            ).first()
            if existing is not None:
                raise ValidationError(
                    N_(
                        "{name} already has an interview booked for {when}. Move that one "
                        "instead, or cancel it first."
                    ),
                    "starts_at",
                    name=name,
                    when=_When(existing.starts_at),
                )
            interview = Interview(
                enrolment_id=enrolment_id,
                starts_at=booking.starts_at,
                minutes=booking.minutes,
                place=booking.place,
                interviewer=booking.interviewer,
            )
            session.add(interview)
            session.flush()
            reason = _("Interview booked for {when}").format(
                when=format_datetime(booking.starts_at)
            )
            PipelineService.change_status_in(
                session, [enrolment_id], EnrolmentStatus.INTERVIEW.value, reason
            )
            interview_id = interview.id
        assert interview_id is not None
        return self.interview(interview_id)

    def reschedule(
        self,
        interview_id: int,
        starts_at: datetime,
        minutes: int = 45,
        place: str = "",
        interviewer: str = "",
    ) -> InterviewRow:
        """Move a booked interview to another time or place (the status stays as it is)."""
        booking = _checked(Booking(starts_at, minutes, place, interviewer))
        with self._db.transaction() as session:
            interview = _interview(session, interview_id)
            if interview.state != BOOKED:
                raise ValidationError(_NOT_BOOKED, "starts_at", state=_State(interview.state))
            interview.starts_at, interview.minutes = booking.starts_at, booking.minutes
            interview.place, interview.interviewer = booking.place, booking.interviewer
            session.add(interview)
        return self.interview(interview_id)

    def cancel(self, interview_id: int, reason: str = "") -> InterviewRow:
        """Cancel a booked interview; an application waiting only for it goes back to
        "Applied", with the cancellation in its history."""
        with self._db.transaction() as session:
            interview = _interview(session, interview_id)
            if interview.state != BOOKED:
                raise ValidationError(_NOT_BOOKED, "state", state=_State(interview.state))
            interview.state = CANCELLED
            session.add(interview)
            session.flush()
            enrolment = session.get(Enrolment, interview.enrolment_id)
            assert enrolment is not None
            others = session.exec(
                select(Interview.id).where(
                    col(Interview.enrolment_id) == interview.enrolment_id,
                    col(Interview.state) == BOOKED,
                )
            ).first()
            if enrolment.status == EnrolmentStatus.INTERVIEW.value and others is None:
                why = _("Interview on {when} cancelled").format(
                    when=format_datetime(interview.starts_at)
                )
                if reason.strip():
                    why += f": {reason.strip()}"
                PipelineService.change_status_in(
                    session, [interview.enrolment_id], EnrolmentStatus.APPLIED.value, why
                )
        return self.interview(interview_id)

    # -- the interview sheet ---------------------------------------------------------------
    def save_notes(self, interview_id: int, notes: str) -> None:
        with self._db.transaction() as session:
            interview = _open_interview(session, interview_id)
            interview.notes = _note(notes)
            session.add(interview)

    def save_answer(
        self, interview_id: int, question_key: str, score: int | None, note: str = ""
    ) -> None:
        """The assessment (1–5, or none yet) and note for one question of the guide."""
        self.save_answers(interview_id, {question_key: (score, note)})

    def save_answers(self, interview_id: int, answers: dict[str, tuple[int | None, str]]) -> None:
        """Several answers at once; all are checked before any is written."""
        for key, (score, note) in answers.items():
            if not key.strip() or len(key) > 100:
                raise ValidationError(N_("The question has no usable key."), "question_key")
            if score is not None and (
                isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5
            ):
                raise ValidationError(
                    N_("An assessment is a whole number from 1 to 5, not “{score}”."),
                    "score",
                    score=score,
                )
            _note(note)
        with self._db.transaction() as session:
            _open_interview(session, interview_id)
            stored = {
                answer.question_key: answer
                for answer in session.exec(
                    select(InterviewAnswer).where(col(InterviewAnswer.interview_id) == interview_id)
                )
            }
            for key, (score, note) in answers.items():
                answer = stored.get(key) or InterviewAnswer(
                    interview_id=interview_id, question_key=key
                )
                answer.score, answer.note = score, note.strip()
                session.add(answer)

    def answers(self, interview_id: int) -> dict[str, Answer]:
        query = select(InterviewAnswer).where(col(InterviewAnswer.interview_id) == interview_id)
        with self._db.reading() as session:
            return {
                a.question_key: Answer(a.question_key, a.score, a.note)
                for a in session.exec(query.order_by(col(InterviewAnswer.id)))
            }

    def decide(self, interview_id: int, decision: str, reason: str = "") -> InterviewRow:
        """Mark the interview held and move the application to the decision, with its reason
        in the history. A decision can be changed until the pair has started."""
        if decision not in DECISIONS:
            raise ValidationError(
                N_("“{decision}” is not a decision: choose accepted, waitlisted or declined."),
                "decision",
                decision=decision,
            )
        reason = reason.strip()
        if not reason and decision != EnrolmentStatus.ACCEPTED.value:
            raise ValidationError(
                N_(
                    "Write a short reason for “{decision}”. It is shown in the application's "
                    "history, and helps when the applicant asks."
                ),
                "reason",
                decision=_Label(decision),
            )
        if len(reason) > MAX_TEXT:
            raise ValidationError(_TOO_LONG, "reason", limit=MAX_TEXT)
        with self._db.transaction() as session:
            interview = _interview(session, interview_id)
            if interview.state == CANCELLED:
                raise ValidationError(
                    N_("This interview was cancelled. Book a new one before deciding."), "state"
                )
            enrolment, person = _application(session, interview.enrolment_id)
            if enrolment.status not in _DECIDABLE:
                raise ValidationError(
                    N_(
                        "{name} has the status “{status}” already, so the decision can no "
                        "longer be changed here."
                    ),
                    "decision",
                    name=_full_name(person),
                    status=_Label(enrolment.status),
                )
            today = date.today()
            interview.state, interview.decision = HELD, decision
            interview.reason, interview.decided_on = reason, today
            session.add(interview)
            why = reason or _("Accepted after the interview on {day}").format(
                day=format_date(interview.starts_at.date())
            )
            PipelineService.change_status_in(session, [enrolment.id or 0], decision, why, today)
        return self.interview(interview_id)

    # -- reading ---------------------------------------------------------------------------
    def interview(self, interview_id: int) -> InterviewRow:
        rows = self._rows(col(Interview.id) == interview_id)
        if not rows:
            raise ValidationError(N_("This interview no longer exists."))
        return rows[0]

    def for_enrolment(self, enrolment_id: int) -> list[InterviewRow]:
        """The application's interviews, earliest first (cancelled ones included)."""
        return self._rows(col(Interview.enrolment_id) == enrolment_id)

    def for_round(self, cohort_id: int) -> list[InterviewRow]:
        """Every interview of the round, earliest first (cancelled ones included)."""
        return self._rows(col(Enrolment.cohort_id) == cohort_id)

    def schedule(self, cohort_id: int, day: date) -> list[InterviewRow]:
        """The day's interviews that are booked or held, in time order."""
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            return []  # none is ever booked then (and the day after 9999-12-31 has no date)
        start = datetime.combine(day, datetime.min.time())
        return self._rows(
            col(Enrolment.cohort_id) == cohort_id,
            col(Interview.state) != CANCELLED,
            col(Interview.starts_at) >= start,
            col(Interview.starts_at) < start + timedelta(days=1),
        )

    def days(self, cohort_id: int) -> list[date]:
        """The days of the round that have a booked or held interview."""
        found = {
            row.starts_at.date() for row in self.for_round(cohort_id) if row.state != CANCELLED
        }
        return sorted(found)

    def _rows(self, *where: object) -> list[InterviewRow]:
        query = (
            select(Interview, Enrolment, Person)
            .join(Enrolment, col(Enrolment.id) == Interview.enrolment_id)
            .join(Person, col(Person.id) == Enrolment.person_id)
            .where(*where)  # type: ignore[arg-type]
            .order_by(col(Interview.starts_at), col(Interview.id))
        )
        with self._db.reading() as session:
            return [_row(i, e, p) for i, e, p in session.exec(query)]

    # -- printing --------------------------------------------------------------------------
    def write_schedule(self, cohort_id: int, day: date, path: Path) -> int:
        """Write the day's schedule as a PDF (through a temporary file beside ``path``, owner
        only: it holds names); returns the number of interviews on it."""
        from mentorapp.documents.interview_schedule import (
            ScheduleData,
            ScheduleEntry,
            render_schedule,
        )

        with self._db.reading() as session:
            cohort = session.get(Cohort, cohort_id)
            if cohort is None:
                raise ValidationError(N_("That round no longer exists."))
            programme = session.get(Programme, cohort.programme_id)
        rows = self.schedule(cohort_id, day)
        data = ScheduleData(
            organisation=programme.organisation if programme else "",
            programme=programme.name if programme else "",
            round_name=cohort.name,
            day=day,
            entries=tuple(
                ScheduleEntry(
                    r.starts_at,
                    r.minutes,
                    r.name,
                    r.email,
                    r.role,
                    r.place,
                    r.interviewer,
                    r.state,
                    r.decision,
                )
                for r in rows
            ),
        )
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".schedule-", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                render_schedule(data, out)
            move_into_place(temporary, path)  # never over a device or a pipe
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return len(rows)


# -- helpers ---------------------------------------------------------------------------------

_NOT_BOOKED = N_("Only a booked interview can be changed; this one is “{state}”.")
_TOO_LONG = N_("This is longer than {limit} characters. Shorten it, please.")
_STATE_LABELS = {BOOKED: N_("booked"), HELD: N_("held"), CANCELLED: N_("cancelled")}


class _Label(str):
    """A status key that a message shows translated when it is shown (not when raised)."""

    def __format__(self, spec: str) -> str:
        return status_label(str(self))


class _State(str):
    def __format__(self, spec: str) -> str:
        label = _STATE_LABELS.get(str(self))
        return _(label) if label else str(self)


class _When:
    """A date and time that a message formats in the language it is shown in."""

    def __init__(self, value: datetime) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return format_datetime(self.value)


def state_label(state: str) -> str:
    """An interview's state as the user reads it ("booked", "held", "cancelled")."""
    return format(_State(state))


def _checked(booking: Booking) -> Booking:
    if not isinstance(booking.starts_at, datetime):
        raise ValidationError(N_("Give the interview's date and time."), "starts_at")
    if not MIN_YEAR <= booking.starts_at.year <= MAX_YEAR:
        raise ValidationError(
            N_("An interview is booked between the years {low} and {high}."),
            "starts_at",
            low=MIN_YEAR,
            high=MAX_YEAR,
        )
    minutes = booking.minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError(_LENGTH, "minutes", low=MIN_MINUTES, high=MAX_MINUTES)
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(_LENGTH, "minutes", low=MIN_MINUTES, high=MAX_MINUTES)
    place, interviewer = booking.place.strip(), booking.interviewer.strip()
    for field, text in (("place", place), ("interviewer", interviewer)):
        if len(text) > MAX_TEXT:
            raise ValidationError(_TOO_LONG, field, limit=MAX_TEXT)
    starts_at = booking.starts_at.replace(second=0, microsecond=0, tzinfo=None)
    return Booking(starts_at, minutes, place, interviewer)


_LENGTH = N_("An interview takes from {low} to {high} minutes.")


def _note(text: str) -> str:
    if len(text) > MAX_NOTE:
        raise ValidationError(_TOO_LONG, "notes", limit=MAX_NOTE)
    return text.strip()


def _application(session: Session, enrolment_id: int) -> tuple[Enrolment, Person]:
    enrolment = session.get(Enrolment, enrolment_id)
    person = session.get(Person, enrolment.person_id) if enrolment else None
    if enrolment is None or person is None:
        raise ValidationError(N_("This application no longer exists."))
    return enrolment, person


def _interview(session: Session, interview_id: int) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise ValidationError(N_("This interview no longer exists."))
    return interview


def _open_interview(session: Session, interview_id: int) -> Interview:
    interview = _interview(session, interview_id)
    if interview.state == CANCELLED:
        raise ValidationError(
            N_("This interview was cancelled, so its notes can no longer be changed."), "state"
        )
    return interview


def _full_name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}".strip()


def _row(interview: Interview, enrolment: Enrolment, person: Person) -> InterviewRow:
    assert interview.id is not None and enrolment.id is not None and person.id is not None
    return InterviewRow(
        id=interview.id,
        enrolment_id=enrolment.id,
        cohort_id=enrolment.cohort_id,
        person_id=person.id,
        name=_full_name(person),
        email=person.email,
        role=enrolment.role,
        status=enrolment.status,
        starts_at=interview.starts_at,
        minutes=interview.minutes,
        place=interview.place,
        interviewer=interview.interviewer,
        state=interview.state,
        notes=interview.notes,
        decision=interview.decision,
        reason=interview.reason,
        decided_on=interview.decided_on,
    )


def delete_for(session: Session, enrolment_ids: Sequence[int | None]) -> None:
    """Remove the interviews of these applications and their answers (an erasure)."""
    ids = select(col(Interview.id)).where(col(Interview.enrolment_id).in_(enrolment_ids))
    session.execute(delete(InterviewAnswer).where(col(InterviewAnswer.interview_id).in_(ids)))
    session.execute(delete(Interview).where(col(Interview.enrolment_id).in_(enrolment_ids)))
