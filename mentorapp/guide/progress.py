"""Where a programme stands in the guide: checklist state per stage, and the overview."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import ChecklistEntry
from mentorapp.errors import ValidationError
from mentorapp.guide.checklist import ChecklistRow, Scope, StageProgress
from mentorapp.guide.content import load_guide
from mentorapp.guide.stages import STAGES, stage
from mentorapp.i18n import N_


def _entries(session: Session, scope: Scope, stage_key: str) -> list[ChecklistEntry]:
    query = select(ChecklistEntry).where(
        ChecklistEntry.programme_id == scope.programme_id,
        ChecklistEntry.stage == stage_key,
    )
    if scope.cohort_id is None:
        query = query.where(ChecklistEntry.cohort_id.is_(None))  # type: ignore[union-attr]
    else:
        query = query.where(ChecklistEntry.cohort_id == scope.cohort_id)
    return list(session.exec(query.order_by(col(ChecklistEntry.position), col(ChecklistEntry.id))))


class GuideService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def checklist(self, scope: Scope, stage_key: str, language: str) -> list[ChecklistRow]:
        scope = scope.for_stage(stage_key)
        if stage(stage_key).per_round and scope.cohort_id is None:
            return []
        with self._db.reading() as session:
            entries = _entries(session, scope, stage_key)
        return _merge(stage_key, entries, language)

    def set_done(self, scope: Scope, row: ChecklistRow, done: bool, on: date | None = None) -> None:
        with self._db.transaction() as session:
            entry = self._entry_for(session, scope, row)
            entry.done = done
            entry.done_on = (on or date.today()) if done else None
            session.add(entry)

    def set_note(self, scope: Scope, row: ChecklistRow, note: str) -> None:
        with self._db.transaction() as session:
            entry = self._entry_for(session, scope, row)
            entry.note = note.strip()
            session.add(entry)

    def set_done_on(self, scope: Scope, row: ChecklistRow, on: date) -> None:
        with self._db.transaction() as session:
            entry = self._entry_for(session, scope, row)
            entry.done, entry.done_on = True, on
            session.add(entry)

    def add_own_item(self, scope: Scope, stage_key: str, text: str) -> ChecklistRow:
        text = text.strip()
        if not text:
            raise ValidationError(N_("Write what needs doing before you add the item."), "text")
        scope = scope.for_stage(stage_key)
        if stage(stage_key).per_round and scope.cohort_id is None:
            raise ValidationError(N_("Create a round first; this stage belongs to a round."))
        with self._db.transaction() as session:
            last = max((e.position for e in _entries(session, scope, stage_key)), default=0)
            entry = ChecklistEntry(
                programme_id=scope.programme_id,
                cohort_id=scope.cohort_id,
                stage=stage_key,
                own_text=text,
                position=max(last, 1000) + 1,
            )
            session.add(entry)
            session.flush()
            return _row(stage_key, entry, text, "")

    def rename_own_item(self, entry_id: int, text: str) -> None:
        if not text.strip():
            raise ValidationError(N_("An item cannot be empty. Remove it instead."), "text")
        with self._db.transaction() as session:
            entry = session.get(ChecklistEntry, entry_id)
            if entry is not None and entry.own_text is not None:
                entry.own_text = text.strip()
                session.add(entry)

    def remove_own_item(self, entry_id: int) -> None:
        with self._db.transaction() as session:
            entry = session.get(ChecklistEntry, entry_id)
            if entry is not None and entry.own_text is not None:
                session.delete(entry)

    def progress(self, scope: Scope, language: str) -> list[StageProgress]:
        """Ticked items per stage (``StandingService.progress`` adds what the file shows)."""
        return [progress for progress, _rows in self.all_stages(scope, language)]

    def all_stages(
        self, scope: Scope, language: str
    ) -> list[tuple[StageProgress, list[ChecklistRow]]]:
        """Every stage's rows from one query: the overview and the navigator need them all."""
        with self._db.reading() as session:
            # This round's entries and the programme's: not those of every past round.
            query = select(ChecklistEntry).where(
                ChecklistEntry.programme_id == scope.programme_id,
                or_(
                    col(ChecklistEntry.cohort_id).is_(None),
                    col(ChecklistEntry.cohort_id) == scope.cohort_id,
                ),
            )
            entries = list(
                session.exec(query.order_by(col(ChecklistEntry.position), col(ChecklistEntry.id)))
            )
        result = []
        for item in STAGES:
            available = not item.per_round or scope.cohort_id is not None
            wanted = scope.cohort_id if item.per_round else None
            mine = [e for e in entries if e.stage == item.key and e.cohort_id == wanted]
            rows = _merge(item.key, mine, language) if available else []
            done = sum(row.done for row in rows)
            result.append((StageProgress(item, done, len(rows), available), rows))
        return result

    def _entry_for(self, session: Session, scope: Scope, row: ChecklistRow) -> ChecklistEntry:
        if row.entry_id is not None:
            entry = session.get(ChecklistEntry, row.entry_id)
            if entry is not None:
                return entry
        scope = scope.for_stage(row.stage)
        for entry in _entries(session, scope, row.stage):
            if entry.builtin_key == row.builtin_key:
                return entry
        keys = [item.key for item in load_guide("en")[row.stage].items]
        entry = ChecklistEntry(
            programme_id=scope.programme_id,
            cohort_id=scope.cohort_id,
            stage=row.stage,
            builtin_key=row.builtin_key,
            position=keys.index(row.builtin_key) if row.builtin_key in keys else 999,
        )
        session.add(entry)
        return entry


def _row(
    stage_key: str, entry: ChecklistEntry | None, text: str, hint: str, key: str | None = None
) -> ChecklistRow:
    return ChecklistRow(
        stage=stage_key,
        text=text,
        hint=hint,
        done=bool(entry and entry.done),
        done_on=entry.done_on if entry else None,
        note=entry.note if entry else "",
        builtin_key=entry.builtin_key if entry else key,
        entry_id=entry.id if entry else None,
    )


def _merge(stage_key: str, entries: list[ChecklistEntry], language: str) -> list[ChecklistRow]:
    """Built-in items in the guide's order, then the coordinator's own items."""
    by_key = {entry.builtin_key: entry for entry in entries if entry.builtin_key}
    rows = []
    for item in load_guide(language)[stage_key].items:
        rows.append(_row(stage_key, by_key.get(item.key), item.text, item.hint, item.key))
    rows.extend(_row(stage_key, e, e.own_text or "", "") for e in entries if e.own_text is not None)
    return rows
