"""Planned dates of a group's pair meetings, which the workbook prints on its meeting pages."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from mentorapp.db import Database
from mentorapp.domain.models import PlannedMeeting
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_


class MeetingService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def dates(self, group_id: int) -> dict[int, date]:
        with self._db.reading() as session:
            rows = session.exec(select(PlannedMeeting).where(PlannedMeeting.group_id == group_id))
            return {row.number: row.planned_on for row in rows}

    def set_dates(self, group_id: int, dates: dict[int, date | None]) -> None:
        """Replace the group's planned dates; a meeting set to None has no date yet."""
        planned = [(number, day) for number, day in sorted(dates.items()) if day is not None]
        days = [day for _number, day in planned]
        if days != sorted(days):
            raise ValidationError(
                N_("The meetings must be in order: each one on or after the one before it.")
            )
        with self._db.transaction() as session:
            for row in session.exec(
                select(PlannedMeeting).where(PlannedMeeting.group_id == group_id)
            ):
                session.delete(row)
            session.flush()
            for number, day in planned:
                session.add(PlannedMeeting(group_id=group_id, number=number, planned_on=day))
