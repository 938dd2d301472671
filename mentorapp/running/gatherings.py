"""Joint gatherings of a round (a CV evening, a networking night, the closing): when and where,
who was invited and who came.

Every change of what a calendar shows (the title, the time, the place, cancelling) raises the
gathering's ``sequence``, so a calendar imported again updates the event instead of adding a
second one. Invitations and attendance do not touch it; the guest rows themselves are
``gathering_guests``' job.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlmodel import Session, col, delete, select

from mentorapp.db import Database
from mentorapp.domain.models import Cohort, Gathering, GatheringGuest, Programme
from mentorapp.errors import ValidationError, file_problem, move_into_place
from mentorapp.i18n import N_, _, current_language, speaking
from mentorapp.running.gathering_guests import (
    INVITABLE,
    LEFT,
    ROLES,
    TAKING_PART,
    GuestRow,
    anyone_came,
    attended_gatherings,
    by_name,
    checked_attendance,
    checked_ids,
    checked_roles,
    count_attendance,
    guest_counts,
    guest_rows,
    invite_everyone,
    set_guests,
    usable_id,
)

__all__ = [
    "INVITABLE",
    "LEFT",
    "ROLES",
    "TAKING_PART",
    "GatheringDraft",
    "GatheringRow",
    "GatheringService",
    "GuestRow",
]

TITLE_LIMIT = 120
PLACE_LIMIT = 300
DESCRIPTION_LIMIT = 2000
MIN_MINUTES, MAX_MINUTES = 5, 1440
# A date this far from the round is a typing mistake (a wrong year), not a gathering.
FARTHEST_DAYS = 365


@dataclass(frozen=True)
class GatheringDraft:
    """What the coordinator types for a gathering (the dialog, the CLI)."""

    title: str
    starts_at: datetime
    all_day: bool = False
    minutes: int = 120
    place: str = ""
    description: str = ""


@dataclass(frozen=True)
class GatheringRow:
    id: int
    cohort_id: int
    title: str
    starts_at: datetime
    all_day: bool
    minutes: int
    place: str
    description: str
    cancelled: bool
    sequence: int
    invited: int
    attended: int

    @property
    def day(self) -> date:
        return self.starts_at.date()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)


class GatheringService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- the round's gatherings -----------------------------------------------------------

    def list(self, cohort_id: int) -> builtins.list[GatheringRow]:
        """The round's gatherings, earliest first, with how many were invited and came."""
        with self._db.reading() as session:
            query = (
                select(Gathering)
                .where(col(Gathering.cohort_id) == cohort_id)
                .order_by(col(Gathering.starts_at), col(Gathering.id))
            )
            gatherings = list(session.exec(query))
            counts = guest_counts(session, [g.id for g in gatherings if g.id is not None])
        return [_row(g, counts) for g in gatherings]

    def gathering(self, gathering_id: int) -> GatheringRow:
        with self._db.reading() as session:
            found = _gathering(session, gathering_id)
            return _row(found, guest_counts(session, [gathering_id]))

    def add(
        self, cohort_id: int, draft: GatheringDraft, invite_roles: Iterable[str] = ()
    ) -> GatheringRow:
        """Add a gathering to the round, inviting everyone accepted or active in
        ``invite_roles`` in the same transaction; every value is checked first."""
        roles = checked_roles(invite_roles)
        with self._db.transaction() as session:
            cohort = session.get(Cohort, cohort_id) if usable_id(cohort_id) else None
            if cohort is None:
                raise ValidationError(N_("That round no longer exists."))
            checked = _checked(draft, cohort)
            gathering = Gathering(
                cohort_id=cohort_id, title=checked.title, starts_at=checked.starts_at
            )
            _apply(gathering, checked)
            session.add(gathering)
            session.flush()
            gathering_id = gathering.id
            assert gathering_id is not None
            if roles:
                invite_everyone(session, gathering, roles)
        return self.gathering(gathering_id)

    def edit(self, gathering_id: int, draft: GatheringDraft) -> GatheringRow:
        """Change a gathering; its calendar event's sequence goes up by one."""
        with self._db.transaction() as session:
            gathering = _gathering(session, gathering_id)
            cohort = session.get(Cohort, gathering.cohort_id)
            assert cohort is not None
            _apply(gathering, _checked(draft, cohort))
            gathering.sequence += 1
            session.add(gathering)
        return self.gathering(gathering_id)

    def cancel(self, gathering_id: int) -> GatheringRow:
        return self._set_cancelled(gathering_id, True)

    def uncancel(self, gathering_id: int) -> GatheringRow:
        return self._set_cancelled(gathering_id, False)

    def _set_cancelled(self, gathering_id: int, cancelled: bool) -> GatheringRow:
        with self._db.transaction() as session:
            gathering = _gathering(session, gathering_id)
            if gathering.cancelled != cancelled:
                gathering.cancelled = cancelled
                gathering.sequence += 1
                session.add(gathering)
        return self.gathering(gathering_id)

    def delete(self, gathering_id: int) -> None:
        """Remove a gathering and its invitations, unless someone is recorded as coming."""
        with self._db.transaction() as session:
            gathering = _gathering(session, gathering_id)
            if anyone_came(session, gathering_id):
                raise ValidationError(
                    N_(
                        "Someone is recorded as having come to “{title}”, so it cannot be "
                        "deleted. Cancel it instead: the attendance stays in people's history."
                    ),
                    "gathering",
                    title=gathering.title,
                )
            session.exec(
                delete(GatheringGuest).where(col(GatheringGuest.gathering_id) == gathering_id)
            )
            session.delete(gathering)

    # -- guests and attendance ------------------------------------------------------------

    def guests(self, gathering_id: int) -> builtins.list[GuestRow]:
        """Everyone taking part in the round (and anyone else invited or recorded as coming),
        sorted by name in the current language, each with their invitation and attendance."""
        with self._db.reading() as session:
            rows = guest_rows(session, _gathering(session, gathering_id))
        return by_name(rows)

    def invite(self, gathering_id: int, enrolment_ids: Iterable[int], invited: bool = True) -> int:
        """Invite these people of the round (or take the invitation back); the number changed."""
        wanted = checked_ids(enrolment_ids)
        with self._db.transaction() as session:
            gathering = _gathering(session, gathering_id)
            return set_guests(session, gathering, dict.fromkeys(wanted, invited), "invited")

    def invite_all(self, gathering_id: int, roles: Iterable[str] = ROLES) -> int:
        """Invite everyone accepted or active in the round in ``roles``; the number newly
        invited (those invited already stay as they are)."""
        chosen = checked_roles(roles)
        with self._db.transaction() as session:
            return invite_everyone(session, _gathering(session, gathering_id), chosen)

    def set_attendance(self, gathering_id: int, attended: Mapping[int, bool]) -> int:
        """Record who came (True) and who did not (False); someone who was not invited can
        come too. All or nothing: one person not of the round changes nobody. Returns the
        number of people whose attendance changed."""
        values = checked_attendance(attended)
        with self._db.transaction() as session:
            return set_guests(session, _gathering(session, gathering_id), values, "attended")

    def attendance_counts(self, cohort_id: int) -> dict[int, int]:
        """How many gatherings of the round each enrolment came to (cancelled ones left
        out); enrolments that came to none are not in the dictionary."""
        with self._db.reading() as session:
            return count_attendance(session, cohort_id)

    def attended_by_person(self, person_id: int) -> builtins.list[tuple[str, str, date]]:
        """(round name, gathering title, date) of every gathering the person came to,
        earliest first, across rounds and roles."""
        with self._db.reading() as session:
            return attended_gatherings(session, person_id)

    # -- printing -------------------------------------------------------------------------

    def write_attendance_list(
        self, gathering_id: int, path: Path, language: str | None = None, blank_rows: int = 6
    ) -> int:
        """Write the gathering's attendance list to sign as a PDF (through a temporary file
        beside ``path``, owner only: it holds names); returns the number of names on it."""
        from mentorapp.db.files import private_temporary, refuse_programme_file
        from mentorapp.documents.attendance_pdf import (
            AttendanceData,
            AttendanceEntry,
            render_attendance,
        )

        path = Path(path)
        refuse_programme_file(path)
        row = self.gathering(gathering_id)
        with self._db.reading() as session:
            cohort = session.get(Cohort, row.cohort_id)
            assert cohort is not None
            programme = session.get(Programme, cohort.programme_id)
        with speaking(language or current_language()):
            guests = [g for g in self.guests(gathering_id) if g.invited]
            data = AttendanceData(
                organisation=programme.organisation if programme else "",
                programme=programme.name if programme else "",
                round_name=cohort.name,
                title=row.title,
                starts_at=row.starts_at,
                all_day=row.all_day,
                minutes=row.minutes,
                place=row.place,
                cancelled=row.cancelled,
                entries=tuple(AttendanceEntry(g.name, g.role) for g in guests),
                blank_rows=blank_rows,
            )
            try:
                temporary = private_temporary(path.parent, path.name)
            except OSError as exc:
                raise file_problem(exc) from exc
            try:
                with temporary.open("wb") as out:
                    render_attendance(data, out)
                move_into_place(temporary, path)
            except OSError as exc:
                temporary.unlink(missing_ok=True)
                raise file_problem(exc) from exc
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        return len(guests)


# -- helpers ---------------------------------------------------------------------------------

_TOO_LONG = N_("The {what} is too long: keep it under {limit} characters.")
_FIELD_WORDS = {"title": N_("title"), "place": N_("place"), "description": N_("description")}


class _Word(str):
    """A field's name that a message shows translated when it is shown."""

    def __format__(self, spec: str) -> str:
        return _(_FIELD_WORDS.get(str(self), str(self)))


def _checked(draft: GatheringDraft, cohort: Cohort) -> GatheringDraft:
    """The draft as stored (trimmed, a whole-day one at midnight), or a ValidationError that
    names the field."""
    title = draft.title.strip() if isinstance(draft.title, str) else ""
    if not title:
        raise ValidationError(N_("Give the gathering a title."), "title")
    if not isinstance(draft.starts_at, datetime):
        raise ValidationError(N_("Give the gathering's date."), "starts_at")
    values = {"title": title, "place": draft.place, "description": draft.description}
    limits = {"title": TITLE_LIMIT, "place": PLACE_LIMIT, "description": DESCRIPTION_LIMIT}
    for field, text in values.items():
        if not isinstance(text, str):
            raise ValidationError(N_("This is not a text."), field)
        if len(text.strip()) > limits[field]:
            raise ValidationError(_TOO_LONG, field, what=_Word(field), limit=limits[field])
    minutes = draft.minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError(_LENGTH, "minutes", low=MIN_MINUTES, high=MAX_MINUTES)
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(_LENGTH, "minutes", low=MIN_MINUTES, high=MAX_MINUTES)
    day = draft.starts_at.date()
    first = cohort.start - timedelta(days=FARTHEST_DAYS)
    last = cohort.end + timedelta(days=FARTHEST_DAYS)
    if not first <= day <= last:
        raise ValidationError(
            N_(
                "{day} is more than a year from the round “{round}”. Check the year: a "
                "gathering of the round is held between {first} and {last}."
            ),
            "starts_at",
            day=day.isoformat(),
            round=cohort.name,
            first=first.isoformat(),
            last=last.isoformat(),
        )
    all_day = bool(draft.all_day)
    starts_at = draft.starts_at.replace(second=0, microsecond=0, tzinfo=None)
    if all_day:
        starts_at = datetime.combine(day, time())
    return GatheringDraft(
        title=title,
        starts_at=starts_at,
        all_day=all_day,
        minutes=minutes,
        place=draft.place.strip(),
        description=draft.description.strip(),
    )


_LENGTH = N_("A gathering takes from {low} to {high} minutes.")


def _apply(gathering: Gathering, draft: GatheringDraft) -> None:
    gathering.title, gathering.starts_at = draft.title, draft.starts_at
    gathering.all_day, gathering.minutes = draft.all_day, draft.minutes
    gathering.place, gathering.description = draft.place, draft.description


def _gathering(session: Session, gathering_id: int) -> Gathering:
    found = session.get(Gathering, gathering_id) if usable_id(gathering_id) else None
    if found is None:
        raise ValidationError(N_("This gathering no longer exists."), "gathering")
    return found


def _row(gathering: Gathering, counts: dict[int, tuple[int, int]]) -> GatheringRow:
    assert gathering.id is not None
    invited, attended = counts.get(gathering.id, (0, 0))
    return GatheringRow(
        id=gathering.id,
        cohort_id=gathering.cohort_id,
        title=gathering.title,
        starts_at=gathering.starts_at,
        all_day=gathering.all_day,
        minutes=gathering.minutes,
        place=gathering.place,
        description=gathering.description,
        cancelled=gathering.cancelled,
        sequence=gathering.sequence,
        invited=invited,
        attended=attended,
    )
