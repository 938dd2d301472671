"""Personal data: a person's export, their erasure, and who is due for erasure.

Erasure model: the person becomes an anonymous stub. Their ``Person`` row stays, with every
personal field cleared (names "", e-mail ``erased-<random>@invalid``, the rest empty), and
their applications stay with round, role, status and dated status steps, so the numbers per
round, role and status and the groups remain as they were. Everything free-text or
identifying that hangs on them goes: goals, status reasons, preferred mentor gender,
eligibility confirmations, their interviews (notes and assessments), their employer link and
their part of a group's score notes, their survey answers, the surveys noted as handed to them
and the outcomes they told (the impact report then counts them as not having answered).

The rows are rewritten so that no trace stays in the file or its free pages (the database's
backend does that: for a file, ``secure_delete`` on, then VACUUM and an emptied WAL). Safety
copies made before the erasure still hold the data: the report counts them, and
``erase_from_safety_copies`` deletes them (and makes one fresh copy from the cleaned file)
when the coordinator agrees.
Half-written copies left by a killed Mentorapp are never of use: erasure deletes them at once
(when this process holds the file's lock, so none is still being written) and counts any it
could not. The employer the person named is handled by ``partners.forget_person``.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import ColumnElement, and_, delete, distinct, func, not_, or_
from sqlalchemy import select as core_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from mentorapp.db.engine import Database
from mentorapp.db.files import private_temporary
from mentorapp.domain.dates import add_months
from mentorapp.domain.models import (
    Cohort,
    EligibilityCheck,
    Enrolment,
    FormerMember,
    GroupMember,
    MatchGroup,
    Person,
    PlannedMeeting,
    ReminderNote,
    StatusChange,
)
from mentorapp.errors import ValidationError, move_into_place
from mentorapp.i18n import N_
from mentorapp.impact import answers as survey_answers
from mentorapp.impact import outcomes as outcome_rows
from mentorapp.paths import make_private_folders, safe_file_name
from mentorapp.people import privacy_data
from mentorapp.people.interviews import delete_for as delete_interviews
from mentorapp.people.participants import PERSON_FIELDS, person_with_email
from mentorapp.programme.partners import forget_person

ERASED_PREFIX, ERASED_DOMAIN = "erased-", "@invalid"
_log = logging.getLogger(__name__)


def is_erased(email: str) -> bool:
    return email.startswith(ERASED_PREFIX) and email.endswith(ERASED_DOMAIN)


class PersonNotFound(ValidationError):
    pass


@dataclass(frozen=True)
class ErasureReport:
    person_ids: tuple[int, ...]
    erased_at: datetime
    applications_kept: int  # anonymous applications that keep the statistics
    file_cleaned: bool  # VACUUM done and the WAL emptied: no trace in the database file
    safety_copies: int  # copies made before the erasure (half-written ones too) holding data
    partials_removed: int = 0  # half-written copies of a killed Mentorapp, deleted at once


@dataclass(frozen=True)
class DueRow:
    person_id: int
    first_name: str
    last_name: str
    email: str
    rounds: int
    last_round: str
    last_round_end: date | None  # None: the person is in no round at all


class PrivacyService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def find(self, email: str) -> int:
        """The id of the person with this e-mail (any case, invisible characters ignored),
        or PersonNotFound."""
        with self._db.reading() as session:
            found = person_with_email(session, email)
        if found is None or found.id is None:
            raise PersonNotFound(N_("Nobody with the e-mail {email} is stored."), email=email)
        return found.id

    def person_data(self, person_id: int) -> dict:
        with self._db.reading() as session:
            return privacy_data.collect(session, _person(session, person_id))

    def export_person(self, person_id: int, folder: Path) -> tuple[Path, Path]:
        """Write ``<name> – personal data.json`` and ``.txt`` into ``folder`` (owner-only)."""
        data = self.person_data(person_id)
        person = data["person"]
        stem = safe_file_name(f"{person['first_name']} {person['last_name']} {person['id']}")
        folder = make_private_folders(Path(folder))  # one the user chose keeps its mode
        json_path, text_path = folder / f"{stem}.json", folder / f"{stem}.txt"
        _write(json_path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        _write(text_path, privacy_data.as_text(data))
        _log.info("personal data of person id %d exported", person_id)
        return json_path, text_path

    def erase_person(self, person_id: int) -> ErasureReport:
        return self.erase_due([person_id])

    def erase_due(self, person_ids: list[int]) -> ErasureReport:
        """Erase these people together (one transaction), then clean the file once."""
        ids = tuple(dict.fromkeys(person_ids))
        erased_at = datetime.now()
        # The backend clears what the storage keeps of erased rows (free pages, a log).
        kept, cleaned = self._db.erase(
            lambda session: sum(_anonymise(session, person_id) for person_id in ids)
        )
        safety = self._db.safety_copies()
        removed = safety.clean_partials()
        copies = len(safety.list()) + len(safety.partials())
        _log.info(
            "person ids %s erased: applications kept %d, file cleaned %s, older safety "
            "copies %d, half-written copies deleted %d",
            ",".join(map(str, ids)),
            kept,
            cleaned,
            copies,
            removed,
        )
        return ErasureReport(ids, erased_at, kept, cleaned, copies, removed)

    def erase_from_safety_copies(self, report: ErasureReport) -> int:
        """Make one copy from the cleaned file, then delete the safety copies made before the
        erasure and any half-written ones, so a safety copy always exists. Returns how many
        were deleted. (Made first: if it cannot be made, nothing is deleted.)"""
        copies = self._db.safety_copies()
        cutoff = report.erased_at.replace(microsecond=0)
        old = [c.path for c in copies.list() if c.made_at <= cutoff]
        if not old and not copies.partials():
            return 0
        fresh = copies.make("manual")
        return copies.delete(p for p in old if p != fresh) + copies.clean_partials()

    def due_for_erasure(self, months: int = 24, today: date | None = None) -> list[DueRow]:
        """People whose every round ended more than ``months`` ago (or who are in no round).

        Never anyone in a current or future round, and never someone already erased. Aggregate
        queries (who is in a round not yet long over; rounds per person and the last one), so
        a file that has grown over years opens fast: only the due people's fields come back.
        """
        joined = col(Cohort.id) == Enrolment.cohort_id
        per_person = (
            select(
                col(Enrolment.person_id).label("person_id"),
                func.count(distinct(col(Enrolment.cohort_id))).label("rounds"),
                func.max(Cohort.end).label("last_end"),
            )
            .join(Cohort, joined)
            .group_by(col(Enrolment.person_id))
            .subquery()
        )
        # Of the rounds that ended on the last end date, the one added last (as before).
        last_round = (
            select(
                col(Enrolment.person_id).label("person_id"),
                func.max(Cohort.id).label("cohort_id"),
            )
            .join(Cohort, joined)
            .join(
                per_person,
                and_(
                    per_person.c.person_id == Enrolment.person_id,
                    per_person.c.last_end == Cohort.end,
                ),
            )
            .group_by(col(Enrolment.person_id))
            .subquery()
        )
        last = aliased(Cohort)
        query = (
            core_select(  # seven columns: more than sqlmodel's typed select() takes
                col(Person.id),
                col(Person.first_name),
                col(Person.last_name),
                col(Person.email),
                per_person.c.rounds,
                col(last.name),
                col(last.end),
            )
            .outerjoin(per_person, per_person.c.person_id == Person.id)
            .outerjoin(last_round, last_round.c.person_id == Person.id)
            .outerjoin(last, col(last.id) == last_round.c.cohort_id)
            .where(_due(add_months(today or date.today(), -months)))
        )
        with self._db.reading() as session:
            found = session.execute(query).all()
        rows = [
            DueRow(person_id, first, last_name, email, rounds or 0, name or "", end)
            for person_id, first, last_name, email, rounds, name, end in found
        ]
        # Sorted here, not in SQL: names sort by code point whatever the database's collation.
        rows.sort(key=lambda row: (row.last_round_end or date.min, row.last_name, row.person_id))
        return rows

    def count_due_for_erasure(self, months: int = 24, today: date | None = None) -> int:
        """How many people ``due_for_erasure`` lists, counted by the database (the overview)."""
        due = _due(add_months(today or date.today(), -months))
        query = select(func.count()).select_from(Person).where(due)
        with self._db.reading() as session:
            return session.execute(query).scalar_one()


def _due(cutoff: date) -> ColumnElement[bool]:
    """Whether a person is due: not erased, and in no round that is current or ended on or
    after ``cutoff`` (those rounds are few, so this is cheap however many people there are)."""
    email = col(Person.email)
    # As ``is_erased``, case and all (a LIKE would ignore case on some databases).
    erased = and_(
        func.substr(email, 1, len(ERASED_PREFIX)) == ERASED_PREFIX,
        func.substr(email, func.length(email) - len(ERASED_DOMAIN) + 1) == ERASED_DOMAIN,
    )
    # From the few rounds still kept to their enrolments (by the cohort index): not a join
    # over every enrolment the file ever had.
    recent = select(col(Cohort.id)).where(or_(col(Cohort.is_current), col(Cohort.end) >= cutoff))
    kept = select(col(Enrolment.person_id)).where(col(Enrolment.cohort_id).in_(recent))
    return and_(not_(erased), col(Person.id).not_in(kept))


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise PersonNotFound(N_("This person is no longer stored."))
    return person


_CLEARED = {key: "" for key in PERSON_FIELDS} | {"digital": False, "years_experience": None}


def _anonymise(session: Session, person_id: int) -> int:
    """Clear the person's data; returns how many of their applications are kept."""
    person = _person(session, person_id)
    forget_person(session, person)  # reads the name and e-mail, so before they are cleared
    for key, value in _CLEARED.items():
        setattr(person, key, value)
    person.email = f"{ERASED_PREFIX}{uuid.uuid4().hex}{ERASED_DOMAIN}"
    session.add(person)
    enrolments = list(session.exec(select(Enrolment).where(Enrolment.person_id == person_id)))
    ids = [e.id for e in enrolments]
    for enrolment in enrolments:
        enrolment.goal = enrolment.preferred_mentor_gender = ""
        session.add(enrolment)
    for change in session.exec(select(StatusChange).where(col(StatusChange.enrolment_id).in_(ids))):
        change.reason = ""
        session.add(change)
    session.execute(delete(EligibilityCheck).where(col(EligibilityCheck.enrolment_id).in_(ids)))
    delete_interviews(session, ids)  # the interviewer's notes and assessments too
    _drop_score_notes(session, ids)
    _drop_running_notes(session, ids)
    survey_answers.delete_for(session, ids)
    outcome_rows.delete_for(session, ids)
    session.flush()
    return len(enrolments)


def _drop_running_notes(session: Session, enrolment_ids: list) -> None:
    """Meeting notes, a group's end reason and reminder subjects may name the person: the
    free text of every group they led or were in goes; dates and states stay for the counts."""
    led = core_select(col(MatchGroup.id)).where(
        col(MatchGroup.mentor_enrolment_id).in_(enrolment_ids)
    )
    groups: set[int | None] = set(session.scalars(led))
    members = core_select(col(GroupMember.group_id)).where(
        col(GroupMember.adept_enrolment_id).in_(enrolment_ids)
    )
    former = core_select(col(FormerMember.group_id)).where(
        col(FormerMember.adept_enrolment_id).in_(enrolment_ids)
    )
    groups |= set(session.scalars(members)) | set(session.scalars(former))
    meetings = select(PlannedMeeting).where(col(PlannedMeeting.group_id).in_(groups))
    for meeting in session.exec(meetings):
        if meeting.note:
            meeting.note = ""
            session.add(meeting)
    for group in session.exec(select(MatchGroup).where(col(MatchGroup.id).in_(groups))):
        if group.end_reason:
            group.end_reason = ""
            session.add(group)
    notes = select(ReminderNote).where(col(ReminderNote.enrolment_id).in_(enrolment_ids))
    for note in session.exec(notes):
        note.subject = ""
        session.add(note)


def _drop_score_notes(session: Session, enrolment_ids: list) -> None:
    """A group's score notes describe its pairs (shared city, field…): drop the erased
    adept's notes, or all of a group whose mentor is erased."""
    led = select(MatchGroup).where(col(MatchGroup.mentor_enrolment_id).in_(enrolment_ids))
    for group in session.exec(led):
        group.parts = ""
        session.add(group)
    member = (
        select(MatchGroup, GroupMember)
        .join(GroupMember, col(GroupMember.group_id) == MatchGroup.id)
        .where(col(GroupMember.adept_enrolment_id).in_(enrolment_ids))
    )
    for group, membership in session.exec(member):
        try:
            parts = json.loads(group.parts) if group.parts else {}
        except ValueError:
            parts = {}
        if isinstance(parts, dict):
            parts.pop(str(membership.adept_enrolment_id), None)
        group.parts = json.dumps(parts, ensure_ascii=False) if parts else ""
        session.add(group)


def _write(path: Path, text: str) -> None:
    temporary = private_temporary(path.parent, path.name)
    try:
        temporary.write_text(text, encoding="utf-8")
        move_into_place(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
