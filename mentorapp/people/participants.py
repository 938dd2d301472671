"""Participants of a round: the rows the GUI lists, and adding, editing and removing them.

A row joins a person with one application (enrolment) to a round. Values are checked with
the same rules as the CSV import (``people.fields``) before anything is written, and every
change is one transaction, so the GUI can undo an edit by saving the old values again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from types import UnionType
from typing import Any

from sqlalchemy import RowMapping, Select, String, func, select
from sqlalchemy import cast as sql_cast
from sqlmodel import Session, col

from mentorapp.db import Database
from mentorapp.domain.codes import education_fields, industries
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import (
    Cohort,
    EligibilityCheck,
    Enrolment,
    Organisation,
    Person,
    StatusChange,
)
from mentorapp.domain.text import clean_text, fold, normalise_email
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.people.fields import (
    LANGUAGE_CODES,
    FieldError,
    check_email,
    format_languages,
    parse_bool,
    parse_languages,
    parse_whole_number,
)
from mentorapp.people.records import ParticipantRow

PERSON_FIELDS = (
    *("first_name", "last_name", "email", "phone", "city", "digital", "languages"),
    *("education_level", "education_field", "education_field_text", "industry"),
    *("industry_text", "years_experience", "job_title", "gender"),
)
ENROLMENT_FIELDS = ("capacity", "goal", "preferred_mentor_gender")
EDITABLE_FIELDS = frozenset((*PERSON_FIELDS, *ENROLMENT_FIELDS, "employer"))
_ROLES = frozenset(r.value for r in Role)
_REQUIRED = ("first_name", "last_name", "email", "city", "languages")
_NUMBER_RANGES = {"years_experience": (0, None), "capacity": (1, 3)}


class ParticipantError(ValidationError, FieldError):
    """A value that breaks a rule; ``field`` names the key of the value. Nothing was saved."""


def _participant_query() -> Select[Any]:
    """All the columns of ``ParticipantRow`` in one statement: the latest status change and
    the confirmed criteria come from correlated subqueries that use their indexes."""
    last_change = (
        select(func.max(StatusChange.id))
        .where(col(StatusChange.enrolment_id) == Enrolment.id)
        .correlate(Enrolment)
        .scalar_subquery()
    )
    confirmed = (
        # group_concat on SQLite, string_agg on PostgreSQL (which joins text only)
        select(func.aggregate_strings(sql_cast(EligibilityCheck.criterion_id, String), ","))
        .where(col(EligibilityCheck.enrolment_id) == Enrolment.id)
        .correlate(Enrolment)
        .scalar_subquery()
    )
    columns = [
        col(Enrolment.id).label("enrolment_id"),
        Enrolment.person_id,
        Enrolment.cohort_id,
        Enrolment.role,
        Enrolment.status,
        col(StatusChange.changed_on).label("status_changed_on"),
        col(StatusChange.reason).label("status_reason"),
        *(getattr(Person, key) for key in PERSON_FIELDS),
        col(Organisation.name).label("employer"),
        *(getattr(Enrolment, key) for key in ENROLMENT_FIELDS),
        confirmed.label("confirmed"),
    ]
    return (
        select(*columns)
        .select_from(Enrolment)
        .join(Person, col(Person.id) == Enrolment.person_id)
        .outerjoin(Organisation, col(Organisation.id) == Person.organisation_id)
        .outerjoin(StatusChange, col(StatusChange.id) == last_change)
        .order_by(col(Enrolment.id))
    )


def _to_row(row: RowMapping) -> ParticipantRow:
    values = dict(row)
    values["languages"] = tuple(c for c in (values["languages"] or "").split(",") if c)
    values["digital"] = bool(values["digital"])
    values["employer"] = values["employer"] or ""
    values["status_reason"] = values["status_reason"] or ""
    values["confirmed"] = frozenset(int(i) for i in (values["confirmed"] or "").split(",") if i)
    return ParticipantRow(**values)


def participant_rows(session: Session, cohort_id: int) -> list[ParticipantRow]:
    """Everyone who applied to the round, read in an open session (the demo writes in one)."""
    query = _participant_query().where(col(Enrolment.cohort_id) == cohort_id)
    return [_to_row(r) for r in session.execute(query).mappings()]


class ParticipantService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def rows(self, cohort_id: int, role: str | None = None) -> list[ParticipantRow]:
        """Everyone who applied to the round (optionally one role), in the order they came."""
        query = _participant_query().where(col(Enrolment.cohort_id) == cohort_id)
        if role is not None:
            query = query.where(col(Enrolment.role) == role)
        with self._db.reading() as session:
            return [_to_row(r) for r in session.execute(query).mappings()]

    def row(self, enrolment_id: int) -> ParticipantRow:
        with self._db.reading() as session:
            found = session.execute(_participant_query().where(col(Enrolment.id) == enrolment_id))
            values = found.mappings().first()
        if values is None:
            raise ValidationError(N_("This application no longer exists."))
        return _to_row(values)

    def update(self, enrolment_id: int, changes: dict[str, object]) -> ParticipantRow:
        """Save typed values (see ``EDITABLE_FIELDS``); all are checked before any is written."""
        _check_keys(changes)
        with self._db.transaction() as session:
            enrolment = _enrolment(session, enrolment_id)
            person = session.get(Person, enrolment.person_id)
            assert person is not None
            cleaned = _clean_all(changes, enrolment.role)
            current = {key: getattr(person, key) for key in PERSON_FIELDS}
            _check_pairs({**current, **cleaned}, changes)
            if "email" in cleaned:
                _check_email_free(session, str(cleaned["email"]), person.id)
            programme_id = _programme_id(session, enrolment.cohort_id)
            _apply(session, person, enrolment, cleaned, programme_id)
        return self.row(enrolment_id)

    def create(self, cohort_id: int, role: str, values: dict[str, object]) -> ParticipantRow:
        """Add an applicant by hand, with the status "applied".

        A person whose e-mail is already known is enrolled as they are; the values only fill
        in what is missing about them, so nothing stored is overwritten by accident.
        """
        if role not in _ROLES:
            raise ValueError(f"unknown role: {role!r}")
        _check_keys(values)
        cleaned = _clean_all(values, role)
        missing = [key for key in _REQUIRED if not cleaned.get(key)]
        if missing:
            raise ParticipantError(N_("This is required and cannot be left empty."), missing[0])
        _check_pairs(cleaned, EDITABLE_FIELDS)
        with self._db.transaction() as session:
            programme_id = _programme_id(session, cohort_id)
            email = str(cleaned["email"])
            person = person_with_email(session, email)
            if person is None:
                person = Person(first_name="", last_name="", email=email)
                session.add(person)
            else:
                _check_not_enrolled(session, person, cohort_id, role)
                cleaned = {k: v for k, v in cleaned.items() if _is_empty(person, k)}
            enrolment = Enrolment(person_id=0, cohort_id=cohort_id, role=role)
            _apply(session, person, enrolment, cleaned, programme_id)
            assert person.id is not None
            enrolment.person_id = person.id
            enrolment.status = EnrolmentStatus.APPLIED.value
            session.add(enrolment)
            session.flush()
            assert enrolment.id is not None
            session.add(
                StatusChange(
                    enrolment_id=enrolment.id,
                    to_status=EnrolmentStatus.APPLIED.value,
                    changed_on=date.today(),
                )
            )
            enrolment_id = enrolment.id
        return self.row(enrolment_id)

    def counts(self, cohort_id: int) -> dict[str, dict[str, int]]:
        """role → status → number of applications, with a zero for every status."""
        counts = {role.value: {status.value: 0 for status in EnrolmentStatus} for role in Role}
        query = (
            select(col(Enrolment.role), col(Enrolment.status), func.count())
            .where(col(Enrolment.cohort_id) == cohort_id)
            .group_by(col(Enrolment.role), col(Enrolment.status))
        )
        with self._db.reading() as session:
            for role, status, number in session.execute(query):
                counts.setdefault(role, {})[status] = number
        return counts


def _check_keys(values: dict[str, object]) -> None:
    unknown = set(values) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not participant fields: {sorted(unknown)}")


def clean_value(key: str, value: object, role: str) -> object:
    """The stored form of one typed value (str, bool, int, a tuple of language codes or None;
    text as typed is read too). Raises FieldError when the value breaks a rule."""
    if key == "digital":
        return parse_bool(value) if isinstance(value, str) else _typed(key, value, bool)
    if key == "languages":
        return format_languages(parse_languages(value) if isinstance(value, str) else _codes(value))
    if key in _NUMBER_RANGES:
        if value is None or value == "":
            return None if key == "years_experience" else 1
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError(f"{key} must be a whole number, not {value!r}")
        number = parse_whole_number(str(value), *_NUMBER_RANGES[key])
        if key == "capacity" and role != Role.MENTOR and number != 1:
            raise FieldError(N_("Only a mentor can take more than one adept."))
        return number
    text = clean_text(_typed(key, "" if value is None else value, str))
    if key == "email":
        return check_email(text)
    if key in _REQUIRED and not text:
        raise FieldError(N_("This is required and cannot be left empty."))
    if key == "education_field" and text and text not in {c.code for c in education_fields()}:
        raise FieldError(N_("“{value}” is not a field of education code (SUN 2020)."), value=text)
    if key == "industry":
        text = text.upper()
        if text and text not in {c.code for c in industries()}:
            raise FieldError(N_("“{value}” is not an industry code (SNI 2007, A–U)."), value=text)
    return text


def _typed(key: str, value: object, kind: type | UnionType) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"{key} must be {getattr(kind, '__name__', kind)}, not {value!r}")
    return value


def _codes(value: object) -> tuple[str, ...]:
    codes = tuple(_typed("languages", value, tuple | list | set | frozenset))
    for code in codes:
        if code not in LANGUAGE_CODES:
            raise FieldError(
                N_("“{value}” is not a meeting language Mentorapp knows (Swedish or English)."),
                value=code,
            )
    if not codes:
        raise FieldError(N_("Give at least one meeting language: Swedish or English."))
    return codes


def _clean_all(values: dict[str, object], role: str) -> dict[str, object]:
    cleaned = {}
    for key, value in values.items():
        try:
            cleaned[key] = clean_value(key, value, role)
        except FieldError as error:
            raise ParticipantError(error.template, field=key, **error.params) from error
    return cleaned


def _check_pairs(values: dict[str, object], given: Iterable[str]) -> None:
    """A field of education and an industry are needed, as a code or in the person's words.
    Checked only when one of them is ``given``, so other fields of old rows stay editable."""
    for code, text in (("education_field", "education_field_text"), ("industry", "industry_text")):
        touched = [key for key in (text, code) if key in given]
        if touched and not values.get(code) and not values.get(text):
            raise ParticipantError(N_("This is required and cannot be left empty."), touched[0])


def person_with_email(
    session: Session, email: str, other_than: int | None = None
) -> Person | None:
    """The person with this address, compared in its one form (``normalise_email``).

    Compared in Python, not SQL: SQLite's lower() leaves Å as it is, and an older Mentorapp
    may have stored an address with an invisible character in it."""
    key = normalise_email(email)
    for person_id, stored in session.execute(select(col(Person.id), col(Person.email))):
        if person_id != other_than and normalise_email(stored) == key:
            return session.get(Person, person_id)
    return None


def _check_email_free(session: Session, email: str, person_id: int | None) -> None:
    other = person_with_email(session, email, other_than=person_id)
    if other is not None:
        raise ParticipantError(
            N_(
                "The e-mail address “{email}” already belongs to someone else, {name}. "
                "Each person needs an address of their own."
            ),
            field="email",
            email=email,
            name=f"{other.first_name} {other.last_name}".strip(),
        )


def _check_not_enrolled(session: Session, person: Person, cohort_id: int, role: str) -> None:
    query = select(col(Enrolment.id)).where(
        col(Enrolment.person_id) == person.id,
        col(Enrolment.cohort_id) == cohort_id,
        col(Enrolment.role) == role,
    )
    if session.execute(query).first() is not None:
        template = (
            N_("{name} is already a mentor in this round.")
            if role == Role.MENTOR
            else N_("{name} is already an adept in this round.")
        )
        name = f"{person.first_name} {person.last_name}".strip()
        raise ParticipantError(template, field="email", name=name)


def _is_empty(person: Person, key: str) -> bool:
    if key == "employer":
        return person.organisation_id is None
    if key in ENROLMENT_FIELDS:
        return True
    return getattr(person, key) in ("", None)


def _enrolment(session: Session, enrolment_id: int) -> Enrolment:
    enrolment = session.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise ValidationError(N_("This application no longer exists."))
    return enrolment


def _programme_id(session: Session, cohort_id: int) -> int:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise ValidationError(N_("That round no longer exists."))
    return cohort.programme_id


def _organisation(session: Session, programme_id: int, name: str) -> int | None:
    """The id of the programme's organisation called ``name`` (any case), created if new."""
    if not name:
        return None
    query = select(Organisation).where(col(Organisation.programme_id) == programme_id)
    for organisation in session.scalars(query):
        if fold(organisation.name) == fold(name):
            return organisation.id
    organisation = Organisation(programme_id=programme_id, name=name)
    session.add(organisation)
    session.flush()
    return organisation.id


def _apply(
    session: Session,
    person: Person,
    enrolment: Enrolment,
    cleaned: dict[str, object],
    programme_id: int,
) -> None:
    for key, value in cleaned.items():
        if key == "employer":
            person.organisation_id = _organisation(session, programme_id, str(value))
        else:
            setattr(enrolment if key in ENROLMENT_FIELDS else person, key, value)
    session.add(person)
    session.flush()
    if enrolment.id is not None:
        session.add(enrolment)
