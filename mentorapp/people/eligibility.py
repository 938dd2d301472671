"""Eligibility criteria per programme and role, and which ones were confirmed per application.

Built-in criteria carry a ``builtin_key`` and no text of their own: they show the wording of
``resources/eligibility/<lang>.toml`` in the UI language, so switching language switches them
too. Once the coordinator rewrites one, their wording (``text``) is shown in every language.
A confirmation records only that a criterion was met and when, never the evidence: the
programme has no business storing nationality, country of birth or permit details.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import delete
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.enums import Role
from mentorapp.domain.models import Cohort, EligibilityCheck, EligibilityCriterion, Enrolment
from mentorapp.errors import MentorappError, ValidationError
from mentorapp.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from mentorapp.paths import resource_path

# The built-in criteria in their default order. Migration 0002 keeps its own frozen copy.
DEFAULT_CRITERIA: dict[str, tuple[str, ...]] = {
    Role.ADEPT.value: (
        "foreign_background",
        "post_secondary_education",
        "swedish_or_english",
        "residence_permit",
        "no_matching_job",
    ),
    Role.MENTOR.value: (
        "swedish_work_experience",
        "post_secondary_or_equivalent",
        "fluent_swedish_or_english",
        "time_commitment",
    ),
}


class EligibilityContentError(MentorappError):
    title = N_("The eligibility criteria could not be read")


@dataclass(frozen=True)
class BuiltinText:
    text: str
    hint: str


@dataclass(frozen=True)
class Criterion:
    """A criterion as the UI shows it. ``custom``: the text is the coordinator's own wording
    (their own criterion, or a rewritten built-in one that ``edit(id, "")`` can restore)."""

    id: int
    role: str
    key: str | None  # the built-in key, None for the coordinator's own criteria
    text: str
    hint: str
    position: int
    active: bool
    custom: bool

    @property
    def builtin(self) -> bool:
        return self.key is not None


@cache
def builtin_texts(language: str) -> dict[tuple[str, str], BuiltinText]:
    """(role, key) → the built-in wording in ``language`` (English for a UI language without
    its own file, and for anything else)."""
    path = resource_path("eligibility", f"{language}.toml")
    if language not in LANGUAGES or not path.is_file():
        path = resource_path("eligibility", f"{DEFAULT_LANGUAGE}.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EligibilityContentError(
            N_("The file {path} could not be read: {detail}"), path=path, detail=str(exc)
        ) from exc
    texts: dict[tuple[str, str], BuiltinText] = {}
    for role, keys in DEFAULT_CRITERIA.items():
        for key in keys:
            entry = data.get(role, {}).get(key)
            if not isinstance(entry, dict) or not str(entry.get("text", "")).strip():
                raise EligibilityContentError(
                    N_("The file {path} has no text for the criterion “{key}”."),
                    path=path,
                    key=f"{role}.{key}",
                )
            texts[(role, key)] = BuiltinText(
                str(entry["text"]).strip(), str(entry.get("hint", "")).strip()
            )
    return texts


def _check_role(role: str) -> str:
    if role not in DEFAULT_CRITERIA:
        raise ValueError(f"unknown role: {role!r}")
    return role


def _all(session: Session, programme_id: int, role: str) -> list[EligibilityCriterion]:
    query = select(EligibilityCriterion).where(
        EligibilityCriterion.programme_id == programme_id, EligibilityCriterion.role == role
    )
    order = (col(EligibilityCriterion.position), col(EligibilityCriterion.id))
    return list(session.exec(query.order_by(*order)))


def _renumber(criteria: list[EligibilityCriterion]) -> None:
    """Active criteria first in the given order, then the removed ones, numbered from 0."""
    ordered = [c for c in criteria if c.active] + [c for c in criteria if not c.active]
    for position, criterion in enumerate(ordered):
        criterion.position = position


def ensure_defaults(session: Session, programme_id: int) -> None:
    """Give a programme every built-in criterion it lacks, after the ones it has.

    Runs in the caller's transaction: a new programme and its criteria are saved together.
    """
    for role, keys in DEFAULT_CRITERIA.items():
        existing = _all(session, programme_id, role)
        have = {c.builtin_key for c in existing}
        position = max((c.position for c in existing), default=-1) + 1
        for key in keys:
            if key not in have:
                session.add(
                    EligibilityCriterion(
                        programme_id=programme_id, role=role, position=position, builtin_key=key
                    )
                )
                position += 1
    session.flush()


def _view(row: EligibilityCriterion, language: str) -> Criterion:
    assert row.id is not None
    builtin = builtin_texts(language).get((row.role, row.builtin_key or ""))
    text = row.text if row.text is not None else (builtin.text if builtin else "")
    return Criterion(
        id=row.id,
        role=row.role,
        key=row.builtin_key,
        text=text,
        hint=builtin.hint if builtin else "",
        position=row.position,
        active=row.active,
        custom=row.text is not None,
    )


class EligibilityService:
    def __init__(self, database: Database) -> None:
        self._db = database

    ensure_defaults = staticmethod(ensure_defaults)

    def criteria(
        self, programme_id: int, role: str, language: str, include_removed: bool = False
    ) -> list[Criterion]:
        """The role's criteria in order: the active ones, or all with ``include_removed``."""
        with self._db.reading() as session:
            rows = _all(session, programme_id, _check_role(role))
        return [_view(r, language) for r in rows if r.active or include_removed]

    def criterion(self, criterion_id: int, language: str) -> Criterion:
        with self._db.reading() as session:
            return _view(self._get(session, criterion_id), language)

    def add(self, programme_id: int, role: str, text: str) -> int:
        """Add the coordinator's own criterion at the end of the list; returns its id."""
        text = _own_text(text)
        with self._db.transaction() as session:
            criteria = _all(session, programme_id, _check_role(role))
            row = EligibilityCriterion(programme_id=programme_id, role=role, text=text)
            session.add(row)
            _renumber([*criteria, row])
            session.flush()
            assert row.id is not None
            return row.id

    def edit(self, criterion_id: int, text: str) -> None:
        """Reword a criterion. For a built-in one, "" brings back the built-in wording."""
        with self._db.transaction() as session:
            row = self._get(session, criterion_id)
            if row.builtin_key is not None:
                row.text = text.strip() or None
            else:
                row.text = _own_text(text)
            session.add(row)

    def remove(self, criterion_id: int) -> None:
        """Built-in criteria are only switched off (``restore_defaults`` brings them back);
        the coordinator's own are deleted with their confirmations."""
        with self._db.transaction() as session:
            row = self._get(session, criterion_id)
            if row.builtin_key is None:
                session.delete(row)
                session.flush()
            else:
                row.active = False
            _renumber(_all(session, row.programme_id, row.role))

    def move(self, criterion_id: int, step: int) -> None:
        """Move a criterion ``step`` places up (negative) or down among the active ones."""
        with self._db.transaction() as session:
            row = self._get(session, criterion_id)
            criteria = _all(session, row.programme_id, row.role)
            active = [c for c in criteria if c.active]
            if row not in active:
                return
            index = active.index(row) + step
            active.remove(row)
            active.insert(max(0, min(len(active), index)), row)
            _renumber(active + [c for c in criteria if not c.active])

    def restore_defaults(self, programme_id: int, role: str) -> None:
        """Every built-in criterion back, active, in its built-in wording and order; the
        coordinator's own criteria are kept, after them."""
        with self._db.transaction() as session:
            ensure_defaults(session, programme_id)
            criteria = _all(session, programme_id, _check_role(role))
            order = {key: index for index, key in enumerate(DEFAULT_CRITERIA[role])}
            builtins = sorted(
                (c for c in criteria if c.builtin_key in order),
                key=lambda c: order[c.builtin_key or ""],
            )
            for criterion in builtins:
                criterion.active, criterion.text = True, None
            _renumber(builtins + [c for c in criteria if c.builtin_key not in order])

    def confirm(
        self, enrolment_id: int, criterion_id: int, confirmed: bool, on: date | None = None
    ) -> None:
        """Tick (or untick) a criterion for one application. A second tick keeps the first date."""
        with self._db.transaction() as session:
            enrolment = session.get(Enrolment, enrolment_id)
            criterion = session.get(EligibilityCriterion, criterion_id)
            cohort = session.get(Cohort, enrolment.cohort_id) if enrolment else None
            if enrolment is None or cohort is None:
                raise ValidationError(N_("This application no longer exists."))
            if (
                criterion is None
                or criterion.programme_id != cohort.programme_id
                or criterion.role != enrolment.role
            ):
                raise ValidationError(N_("This criterion no longer exists."))
            query = select(EligibilityCheck).where(
                EligibilityCheck.enrolment_id == enrolment_id,
                EligibilityCheck.criterion_id == criterion_id,
            )
            check = session.exec(query).first()
            if confirmed and check is None:
                session.add(
                    EligibilityCheck(
                        enrolment_id=enrolment_id,
                        criterion_id=criterion_id,
                        confirmed_on=on or date.today(),
                    )
                )
            elif not confirmed and check is not None:
                session.execute(
                    delete(EligibilityCheck).where(col(EligibilityCheck.id) == check.id)
                )

    def confirmations(self, enrolment_id: int) -> dict[int, date]:
        """criterion id → the day it was confirmed for this application."""
        with self._db.reading() as session:
            query = select(EligibilityCheck).where(EligibilityCheck.enrolment_id == enrolment_id)
            return {c.criterion_id: c.confirmed_on for c in session.exec(query)}

    @staticmethod
    def _get(session: Session, criterion_id: int) -> EligibilityCriterion:
        row = session.get(EligibilityCriterion, criterion_id)
        if row is None:
            raise ValidationError(N_("This criterion no longer exists."))
        return row


def _own_text(text: str) -> str:
    value = text.strip()
    if not value:
        raise ValidationError(
            N_("Write the criterion, or remove it if it is no longer needed."), "text"
        )
    return value
