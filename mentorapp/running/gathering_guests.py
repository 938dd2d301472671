"""A gathering's guests: who is on its list, who was invited and who came.

Functions on an open session for ``GatheringService``: it opens the transaction and finds the
gathering, these read and change its guest rows. Someone may come without having been
invited: their guest row says ``invited`` False and ``attended`` True; a row left with
neither is removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import Cohort, Enrolment, Gathering, GatheringGuest, Person
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, current_language
from mentorapp.people.collation import sort_key
from mentorapp.people.privacy import is_erased

ROLES = tuple(role.value for role in Role)
# Who "Invite everyone" reaches: the people taking part in the round now.
INVITABLE = (EnrolmentStatus.ACCEPTED.value, EnrolmentStatus.ACTIVE.value)
# Who the guest list shows (besides anyone already invited or recorded as coming).
TAKING_PART = (*INVITABLE, EnrolmentStatus.COMPLETED.value)
# Who has left the round: no reminders, and off the guest list unless they came.
LEFT = (EnrolmentStatus.WITHDRAWN.value, EnrolmentStatus.DECLINED.value)


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


# -- reading ---------------------------------------------------------------------------------


def guest_rows(session: Session, gathering: Gathering) -> list[GuestRow]:
    """Everyone taking part in the gathering's round (and anyone else invited or recorded as
    coming), each with their invitation and attendance, unsorted."""
    assert gathering.id is not None
    stored = _guests(session, gathering.id)
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
    return rows


def by_name(rows: list[GuestRow]) -> list[GuestRow]:
    """The rows sorted by name in the current language (in place, and returned)."""
    language = current_language()
    rows.sort(
        key=lambda r: (
            sort_key(r.last_name, language),
            sort_key(r.first_name, language),
            r.enrolment_id,
        )
    )
    return rows


def guest_counts(session: Session, ids: list[int]) -> dict[int, tuple[int, int]]:
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


def anyone_came(session: Session, gathering_id: int) -> bool:
    came = session.exec(
        select(GatheringGuest.id).where(
            col(GatheringGuest.gathering_id) == gathering_id,
            col(GatheringGuest.attended).is_(True),
        )
    ).first()
    return came is not None


def count_attendance(session: Session, cohort_id: int) -> dict[int, int]:
    """How many gatherings of the round each enrolment came to (cancelled ones left out)."""
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
    return {enrolment_id: count for enrolment_id, count in session.exec(query)}


def attended_gatherings(session: Session, person_id: int) -> list[tuple[str, str, date]]:
    """(round name, gathering title, date) of every gathering the person came to."""
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
    return [(name, title, starts.date()) for name, title, starts in session.exec(query)]


# -- checking what is asked ------------------------------------------------------------------


def usable_id(value: object) -> bool:
    """A whole number SQLite can store as a row id (a huge one from a script is no row)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def checked_roles(roles: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(roles))
    unknown = [role for role in chosen if role not in ROLES]
    if unknown:
        raise ValidationError(
            N_("“{role}” is not a role: choose adept or mentor."), "roles", role=unknown[0]
        )
    return chosen


def checked_ids(enrolment_ids: Iterable[int]) -> list[int]:
    wanted = list(dict.fromkeys(enrolment_ids))
    if not all(usable_id(i) for i in wanted):
        raise ValidationError(N_("This participant no longer exists."), "enrolment")
    return wanted


def checked_attendance(attended: Mapping[int, bool]) -> dict[int, bool]:
    """Each enrolment id once, with yes or no."""
    wanted = checked_ids(attended)
    values = {i: attended[i] for i in wanted}
    for value in values.values():
        if not isinstance(value, bool):
            raise ValidationError(N_("Attendance is yes or no."), "attended")
    return values


# -- changing --------------------------------------------------------------------------------


def set_guests(session: Session, gathering: Gathering, values: dict[int, bool], field: str) -> int:
    """Set ``field`` ("invited" or "attended") for these people of the round, all or
    nothing; the number changed."""
    assert gathering.id is not None
    _require_in_round(session, gathering, list(values))
    return _set(session, gathering.id, values, field)


def invite_everyone(session: Session, gathering: Gathering, roles: tuple[str, ...]) -> int:
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


def _guests(session: Session, gathering_id: int) -> dict[int, GatheringGuest]:
    query = select(GatheringGuest).where(col(GatheringGuest.gathering_id) == gathering_id)
    return {guest.enrolment_id: guest for guest in session.exec(query)}


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
