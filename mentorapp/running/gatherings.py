"""Joint gatherings of a round (a CV evening, a networking night, the closing): when and where,
who was invited and who came.

Every change of what a calendar shows (the title, the time, the place, cancelling) raises the
gathering's ``sequence``, so a calendar imported again updates the event instead of adding a
second one. Invitations and attendance do not touch it. Someone may come without having been
invited: their guest row says ``invited`` False and ``attended`` True.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from mentorapp.db import Database
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import Cohort, Enrolment, Gathering, GatheringGuest, Person, Programme
from mentorapp.errors import ValidationError, file_problem, move_into_place
from mentorapp.i18n import N_, _, current_language, speaking
from mentorapp.people.collation import sort_key
from mentorapp.people.privacy import is_erased

TITLE_LIMIT = 120
PLACE_LIMIT = 300
DESCRIPTION_LIMIT = 2000
MIN_MINUTES, MAX_MINUTES = 5, 1440
# A date this far from the round is a typing mistake (a wrong year), not a gathering.
FARTHEST_DAYS = 365
ROLES = tuple(role.value for role in Role)
# Who "Invite everyone" reaches: the people taking part in the round now.
INVITABLE = (EnrolmentStatus.ACCEPTED.value, EnrolmentStatus.ACTIVE.value)
# Who the guest list shows (besides anyone already invited or recorded as coming).
TAKING_PART = (*INVITABLE, EnrolmentStatus.COMPLETED.value)
# Who has left the round: no reminders, and off the guest list unless they came.
LEFT = (EnrolmentStatus.WITHDRAWN.value, EnrolmentStatus.DECLINED.value)


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


@dataclass(frozen=True)
class GuestRow:
    """One participant of the round on a gathering's guest list, invited or not."""

    enrolment_id: int
    person_id: int
    first_name: str
    last_name: str
    email: str
    role: str
    status: str
    invited: bool
    attended: bool

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


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
            counts = _counts(session, [g.id for g in gatherings if g.id is not None])
        return [_row(g, counts) for g in gatherings]

    def gathering(self, gathering_id: int) -> GatheringRow:
        with self._db.reading() as session:
            found = _gathering(session, gathering_id)
            return _row(found, _counts(session, [gathering_id]))

    def add(
        self, cohort_id: int, draft: GatheringDraft, invite_roles: Iterable[str] = ()
    ) -> GatheringRow:
        """Add a gathering to the round, inviting everyone accepted or active in
        ``invite_roles`` in the same transaction; every value is checked first."""
        roles = _roles(invite_roles)
        with self._db.transaction() as session:
            cohort = session.get(Cohort, cohort_id) if _usable_id(cohort_id) else None
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
                _invite_all(session, gathering, roles)
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
            came = session.exec(
                select(GatheringGuest.id).where(
                    col(GatheringGuest.gathering_id) == gathering_id,
                    col(GatheringGuest.attended).is_(True),
                )
            ).first()
            if came is not None:
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
            gathering = _gathering(session, gathering_id)
            stored = _guests(session, gathering_id)
            query = (
                select(Enrolment, Person)
                .join(Person, col(Person.id) == Enrolment.person_id)
                .where(col(Enrolment.cohort_id) == gathering.cohort_id)
            )
            rows = []
            for enrolment, person in session.exec(query):
                assert enrolment.id is not None and person.id is not None
                guest = stored.get(enrolment.id)
                if guest is None and enrolment.status not in TAKING_PART:
                    continue
                # Who left the round drops off the list, unless they are recorded as coming.
                if enrolment.status in LEFT and not (guest and guest.attended):
                    continue
                if is_erased(person.email):  # an anonymous stub: counted, never listed
                    continue
                rows.append(
                    GuestRow(
                        enrolment_id=enrolment.id,
                        person_id=person.id,
                        first_name=person.first_name,
                        last_name=person.last_name,
                        email=person.email,
                        role=enrolment.role,
                        status=enrolment.status,
                        invited=bool(guest and guest.invited),
                        attended=bool(guest and guest.attended),
                    )
                )
        language = current_language()
        rows.sort(
            key=lambda r: (
                sort_key(r.last_name, language),
                sort_key(r.first_name, language),
                r.enrolment_id,
            )
        )
        return rows

    def invite(self, gathering_id: int, enrolment_ids: Iterable[int], invited: bool = True) -> int:
        """Invite these people of the round (or take the invitation back); the number changed."""
        wanted = _ids(enrolment_ids)
        with self._db.transaction() as session:
            gathering = _gathering(session, gathering_id)
            _require_in_round(session, gathering, wanted)
            return _set(session, gathering_id, dict.fromkeys(wanted, invited), "invited")

    def invite_all(self, gathering_id: int, roles: Iterable[str] = ROLES) -> int:
        """Invite everyone accepted or active in the round in ``roles``; the number newly
        invited (those invited already stay as they are)."""
        chosen = _roles(roles)
        with self._db.transaction() as session:
            return _invite_all(session, _gathering(session, gathering_id), chosen)

    def set_attendance(self, gathering_id: int, attended: Mapping[int, bool]) -> int:
        """Record who came (True) and who did not (False); someone who was not invited can
        come too. All or nothing: one person not of the round changes nobody. Returns the
        number of people whose attendance changed."""
        wanted = _ids(attended)
        values = {i: attended[i] for i in wanted}
        for value in values.values():
            if not isinstance(value, bool):
                raise ValidationError(N_("Attendance is yes or no."), "attended")
        with self._db.transaction() as session:
            gathering = _gathering(session, gathering_id)
            _require_in_round(session, gathering, wanted)
            return _set(session, gathering_id, values, "attended")

    def attendance_counts(self, cohort_id: int) -> dict[int, int]:
        """How many gatherings of the round each enrolment came to (cancelled ones left
        out); enrolments that came to none are not in the dictionary."""
        query = (
            select(GatheringGuest.enrolment_id, func.count())
            .join(Gathering, col(Gathering.id) == GatheringGuest.gathering_id)
            .where(
                col(Gathering.cohort_id) == cohort_id,
                col(Gathering.cancelled).is_(False),
                col(GatheringGuest.attended).is_(True),
            )
            .group_by(col(GatheringGuest.enrolment_id))
        )
        with self._db.reading() as session:
            return {enrolment_id: count for enrolment_id, count in session.exec(query)}

    def attended_by_person(self, person_id: int) -> builtins.list[tuple[str, str, date]]:
        """(round name, gathering title, date) of every gathering the person came to,
        earliest first, across rounds and roles."""
        query = (
            select(Cohort.name, Gathering.title, Gathering.starts_at)
            .join(Gathering, col(Gathering.cohort_id) == Cohort.id)
            .join(GatheringGuest, col(GatheringGuest.gathering_id) == Gathering.id)
            .join(Enrolment, col(Enrolment.id) == GatheringGuest.enrolment_id)
            .where(
                col(Enrolment.person_id) == person_id,
                col(GatheringGuest.attended).is_(True),
                col(Gathering.cancelled).is_(False),
            )
            .order_by(col(Gathering.starts_at), col(Gathering.id))
        )
        with self._db.reading() as session:
            return [(name, title, starts.date()) for name, title, starts in session.exec(query)]

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


def _usable_id(value: object) -> bool:
    """A whole number SQLite can store as a row id (a huge one from a script is no row)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def _gathering(session: Session, gathering_id: int) -> Gathering:
    found = session.get(Gathering, gathering_id) if _usable_id(gathering_id) else None
    if found is None:
        raise ValidationError(N_("This gathering no longer exists."), "gathering")
    return found


def _counts(session: Session, ids: list[int]) -> dict[int, tuple[int, int]]:
    """(invited, attended) per gathering id."""
    if not ids:
        return {}
    query = select(GatheringGuest.gathering_id, GatheringGuest.invited, GatheringGuest.attended)
    found: dict[int, tuple[int, int]] = {}
    for gathering_id, invited, attended in session.exec(
        query.where(col(GatheringGuest.gathering_id).in_(ids))
    ):
        was = found.get(gathering_id, (0, 0))
        found[gathering_id] = (was[0] + bool(invited), was[1] + bool(attended))
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


def _guests(session: Session, gathering_id: int) -> dict[int, GatheringGuest]:
    query = select(GatheringGuest).where(col(GatheringGuest.gathering_id) == gathering_id)
    return {guest.enrolment_id: guest for guest in session.exec(query)}


def _roles(roles: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(roles))
    unknown = [role for role in chosen if role not in ROLES]
    if unknown:
        raise ValidationError(
            N_("“{role}” is not a role: choose adept or mentor."), "roles", role=unknown[0]
        )
    return chosen


def _invite_all(session: Session, gathering: Gathering, roles: tuple[str, ...]) -> int:
    assert gathering.id is not None
    if not roles:
        return 0
    query = select(Enrolment.id).where(
        col(Enrolment.cohort_id) == gathering.cohort_id,
        col(Enrolment.status).in_(INVITABLE),
        col(Enrolment.role).in_(roles),
    )
    ids = [i for i in session.exec(query) if i is not None]
    return _set(session, gathering.id, dict.fromkeys(ids, True), "invited")


def _ids(enrolment_ids: Iterable[int]) -> list[int]:
    wanted = list(dict.fromkeys(enrolment_ids))
    if not all(_usable_id(i) for i in wanted):
        raise ValidationError(N_("This participant no longer exists."), "enrolment")
    return wanted


def _require_in_round(session: Session, gathering: Gathering, ids: list[int]) -> None:
    if not ids:
        return
    query = select(Enrolment.id).where(
        col(Enrolment.id).in_(ids), col(Enrolment.cohort_id) == gathering.cohort_id
    )
    found = set(session.exec(query))
    if len(found) != len(ids):
        raise ValidationError(
            N_(
                "Someone on the list is not a participant of this round (any more), so "
                "nothing was changed. Refresh the list and try again."
            ),
            "enrolment",
        )


def _set(session: Session, gathering_id: int, values: dict[int, bool], field: str) -> int:
    """Set ``field`` ("invited" or "attended") per enrolment; a row left with neither is
    removed. Returns how many changed."""
    stored = _guests(session, gathering_id)
    changed = 0
    for enrolment_id, value in values.items():
        guest = stored.get(enrolment_id)
        if guest is None:
            if not value:
                continue
            guest = GatheringGuest(gathering_id=gathering_id, enrolment_id=enrolment_id)
        elif getattr(guest, field) == value:
            continue
        setattr(guest, field, value)
        changed += 1
        if not guest.invited and not guest.attended:
            session.delete(guest)
        else:
            session.add(guest)
    return changed
