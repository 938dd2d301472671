"""The application pipeline: status changes with their dated history, undo, and the decisions.

Every change of status is a ``StatusChange`` row, so the history answers "when was she
accepted, and why was he waitlisted?" Any status may follow any other: coordinators correct
mistakes, and an undo simply deletes the change it took back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import select
from sqlmodel import Session, col

from mentorapp.db import Database
from mentorapp.domain.enums import EnrolmentStatus, Role, role_label, status_label
from mentorapp.domain.models import Cohort, Enrolment, Person, StatusChange
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, current_language, format_date
from mentorapp.people.collation import sort_key
from mentorapp.people.participants import ParticipantService
from mentorapp.people.records import ParticipantRow

DECISIONS = (
    EnrolmentStatus.ACCEPTED.value,
    EnrolmentStatus.WAITLISTED.value,
    EnrolmentStatus.DECLINED.value,
)
_ROLE_ORDER = {role.value: index for index, role in enumerate(Role)}
_CHUNK = 500  # ids per IN (…), well below SQLite's limit on parameters



@dataclass(frozen=True)
class StatusStep:
    """One step of an application's history (``id`` is what ``undo`` takes)."""

    from_status: str | None
    to_status: str
    changed_on: date
    reason: str
    id: int = 0


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def name_order(row: ParticipantRow, language: str) -> tuple:
    """Last name, then first name, in the order of ``language``."""
    return sort_key(row.last_name, language), sort_key(row.first_name, language)


class PipelineService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._participants = ParticipantService(database)

    def change_status(
        self, enrolment_ids: list[int], to_status: str, reason: str = "", on: date | None = None
    ) -> list[int]:
        """Move applications to ``to_status`` together, or none of them if one is missing.

        Applications already there are left alone. Returns the ids of the new history rows,
        which ``undo`` takes back.
        """
        with self._db.transaction() as session:
            return self.change_status_in(session, enrolment_ids, to_status, reason, on)

    @staticmethod
    def change_status_in(
        session: Session,
        enrolment_ids: list[int],
        to_status: str,
        reason: str = "",
        on: date | None = None,
    ) -> list[int]:
        """``change_status`` inside a transaction of another job (an interview booked, a
        decision taken), so the status and that job are saved together or not at all."""
        if to_status not in {s.value for s in EnrolmentStatus}:
            raise ValidationError(
                N_("“{status}” is not a status Mentorapp knows."), "status", status=to_status
            )
        ids = list(dict.fromkeys(enrolment_ids))
        day, reason = on or date.today(), reason.strip()
        found: dict[int, Enrolment] = {}
        for chunk in _chunks(ids):
            query = select(Enrolment).where(col(Enrolment.id).in_(chunk))
            found.update((cast(int, e.id), e) for e in session.scalars(query))
        if len(found) != len(ids):
            raise ValidationError(
                N_(
                    "Some of the chosen applications no longer exist, so nothing was "
                    "changed. Look at the list again and try once more."
                )
            )
        changes = []
        for enrolment_id in ids:
            enrolment = found[enrolment_id]
            if enrolment.status == to_status:
                continue
            changes.append(
                StatusChange(
                    enrolment_id=enrolment_id,
                    from_status=enrolment.status,
                    to_status=to_status,
                    changed_on=day,
                    reason=reason,
                )
            )
            enrolment.status = to_status
            session.add(enrolment)
        session.add_all(changes)
        session.flush()
        return [change.id for change in changes if change.id is not None]

    def undo(self, change_ids: list[int]) -> None:
        """Take status changes back: each application returns to the status it came from.

        Refused (and nothing is changed) if an application has moved on since, by a change
        that is not being undone too.
        """
        undoing = set(change_ids)
        with self._db.transaction() as session:
            changes: list[StatusChange] = []
            for chunk in _chunks(sorted(undoing)):
                changes += session.scalars(
                    select(StatusChange).where(col(StatusChange.id).in_(chunk))
                )
            if len(changes) != len(undoing):
                raise ValidationError(N_("This change has already been undone."))
            for change in sorted(changes, key=lambda c: c.id or 0, reverse=True):
                self._undo_one(session, change, undoing)

    @staticmethod
    def _undo_one(session: Session, change: StatusChange, undoing: set[int]) -> None:
        enrolment = session.get(Enrolment, change.enrolment_id)
        assert enrolment is not None
        later = select(col(StatusChange.id)).where(
            col(StatusChange.enrolment_id) == change.enrolment_id, col(StatusChange.id) > change.id
        )
        moved_on = [i for i in session.scalars(later) if i not in undoing]
        if moved_on or change.from_status is None:
            person = session.get(Person, enrolment.person_id)
            name = f"{person.first_name} {person.last_name}".strip() if person else ""
            if moved_on:
                template = N_(
                    "The status of {name} has been changed again since, so this change cannot "
                    "be undone. Choose the right status by hand instead."
                )
            else:
                template = N_(
                    "The application of {name} cannot be undone. Remove the person from the "
                    "round instead."
                )
            raise ValidationError(template, name=name)
        enrolment.status = change.from_status
        session.add(enrolment)
        session.delete(change)

    def history(self, enrolment_id: int) -> list[StatusStep]:
        """The application's steps, oldest first."""
        query = (
            select(StatusChange)
            .where(col(StatusChange.enrolment_id) == enrolment_id)
            .order_by(col(StatusChange.id))
        )
        with self._db.reading() as session:
            return [
                StatusStep(c.from_status, c.to_status, c.changed_on, c.reason, c.id or 0)
                for c in session.scalars(query)
            ]

    def decision_list(self, cohort_id: int) -> dict[str, list[ParticipantRow]]:
        """Accepted, waitlisted and declined applications, adepts before mentors, by name."""
        language = current_language()
        groups: dict[str, list[ParticipantRow]] = {status: [] for status in DECISIONS}
        for row in self._participants.rows(cohort_id):
            if row.status in groups:
                groups[row.status].append(row)
        for rows in groups.values():
            rows.sort(key=lambda r: (_ROLE_ORDER.get(r.role, 99), name_order(r, language)))
        return groups

    def decision_text(self, cohort_id: int, today: date | None = None) -> str:
        """A plain summary to print: each decision with its count, then names and addresses."""
        with self._db.reading() as session:
            cohort = session.get(Cohort, cohort_id)
        if cohort is None:
            raise ValidationError(N_("That round no longer exists."))
        day = format_date(today or date.today())
        lines = [_("Decisions for {round}, {date}").format(round=cohort.name, date=day)]
        for status, rows in self.decision_list(cohort_id).items():
            lines += ["", f"{status_label(status)} ({len(rows)})"]
            for role in Role:
                people = [r for r in rows if r.role == role]
                if people:
                    lines.append(f"  {role_label(role, plural=True)}")
                    lines += [f"    {r.name} <{r.email}>" for r in people]
        return "\n".join(lines) + "\n"
