"""The budget's lines in the file: read a round's or the programme's, add, change, remove and
reorder lines (one transaction each), and sum them up with the adepts placed.

What the lines mean, and how programme-wide lines count toward a round, is in
``planning.budget_lines``; this module only reads and writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import func
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import BudgetLine, Cohort, GroupMember, MatchGroup, Programme
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.planning.budget_lines import (
    Budget,
    BudgetDraft,
    BudgetLineRow,
    BudgetSummary,
    kind_of,
    settle,
)

MAX_LINES = 500  # per programme or round: far more than a budget has, a guard against loops


class BudgetLineGone(ValidationError):
    title = N_("The line is no longer there")


class BudgetService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # --- reading --------------------------------------------------------------------------

    def lines(self, programme_id: int, cohort_id: int | None = None) -> list[BudgetLineRow]:
        """The programme-wide lines (``cohort_id`` None) or one round's lines, in order."""
        with self._db.reading() as session:
            return _rows(session, programme_id, cohort_id, only_scope=True)

    def budget(self, programme_id: int, cohort_id: int | None = None) -> Budget:
        """A round's view (its lines, the programme-wide lines beside them, its adepts placed)
        or, with ``cohort_id`` None, the whole programme's (every line, every round)."""
        with self._db.reading() as session:
            programme = session.get(Programme, programme_id)
            if programme is None:
                raise ValidationError(N_("This file has no programme yet."), "programme")
            round_name = ""
            if cohort_id is not None:
                cohort = session.get(Cohort, cohort_id)
                if cohort is None or cohort.programme_id != programme_id:
                    raise ValidationError(
                        N_("The round is no longer there. Choose another round."), "cohort"
                    )
                round_name = cohort.name
            every = _rows(session, programme_id, cohort_id, only_scope=False)
            placed = _placed(session, programme_id, cohort_id)
        if cohort_id is None:
            own = [line for line in every if line.cohort_id is None]
            others = [line for line in every if line.cohort_id is not None]
        else:
            own = [line for line in every if line.cohort_id == cohort_id]
            others = [line for line in every if line.cohort_id is None]
        return Budget(
            scope="programme" if cohort_id is None else "round",
            programme_name=programme.name,
            round_name=round_name,
            cohort_id=cohort_id,
            lines=tuple(own),
            others=tuple(others),
            placed=placed,
        )

    def summary(self, programme_id: int, cohort_id: int | None = None) -> BudgetSummary:
        """Totals, balance, adepts placed and cost per adept placed (see budget_lines)."""
        return self.budget(programme_id, cohort_id).summary()

    # --- writing --------------------------------------------------------------------------

    def add(self, programme_id: int, cohort_id: int | None, draft: BudgetDraft) -> BudgetLineRow:
        """A new line at the end of the programme's or the round's list."""
        settled = settle(draft)
        with self._db.transaction() as session:
            if session.get(Programme, programme_id) is None:
                raise ValidationError(N_("This file has no programme yet."), "programme")
            if cohort_id is not None:
                cohort = session.get(Cohort, cohort_id)
                if cohort is None or cohort.programme_id != programme_id:
                    raise ValidationError(
                        N_("The round is no longer there. Choose another round."), "cohort"
                    )
            scope = _scope(programme_id, cohort_id)
            count, last = session.exec(
                select(func.count(), func.max(BudgetLine.position)).where(*scope)
            ).one()
            if count >= MAX_LINES:
                raise ValidationError(
                    N_("A budget can have at most {limit} lines here."), "lines", limit=MAX_LINES
                )
            line = BudgetLine(
                programme_id=programme_id,
                cohort_id=cohort_id,
                position=(last + 1) if last is not None else 0,
            )
            _apply(line, settled)
            session.add(line)
            session.flush()
            return _row(line, _round_name(session, cohort_id))

    def update(self, line_id: int, draft: BudgetDraft) -> BudgetLineRow:
        """Change a line as a whole; coordinator hours get their amounts from hours × rate."""
        settled = settle(draft)
        with self._db.transaction() as session:
            line = _line(session, line_id)
            _apply(line, settled)
            session.add(line)
            session.flush()
            return _row(line, _round_name(session, line.cohort_id))

    def remove(self, line_id: int) -> None:
        with self._db.transaction() as session:
            line = session.get(BudgetLine, line_id)
            if line is not None:
                session.delete(line)

    def reorder(self, programme_id: int, cohort_id: int | None, line_ids: Sequence[int]) -> None:
        """Put the scope's lines in the order of ``line_ids``, which must name each once."""
        with self._db.transaction() as session:
            lines: dict[int, BudgetLine] = {
                cast(int, line.id): line
                for line in session.exec(
                    select(BudgetLine).where(*_scope(programme_id, cohort_id))
                ).all()
            }
            if sorted(line_ids) != sorted(lines) or len(set(line_ids)) != len(line_ids):
                raise ValidationError(
                    N_("The budget changed meanwhile. Look at the lines again and try once more."),
                    "lines",
                )
            for position, line_id in enumerate(line_ids):
                line = lines[line_id]
                line.position = position
                session.add(line)

    def move(self, line_id: int, steps: int) -> None:
        """Move a line up (negative ``steps``) or down among the lines of its scope."""
        with self._db.reading() as session:
            line = _line(session, line_id)
            programme_id, cohort_id = line.programme_id, line.cohort_id
        order = [row.id for row in self.lines(programme_id, cohort_id)]
        index = order.index(line_id)
        target = max(0, min(len(order) - 1, index + steps))
        if target != index:
            order.insert(target, order.pop(index))
            self.reorder(programme_id, cohort_id, order)


def _scope(programme_id: int, cohort_id: int | None) -> tuple:
    cohort = col(BudgetLine.cohort_id)
    return (
        col(BudgetLine.programme_id) == programme_id,
        cohort.is_(None) if cohort_id is None else cohort == cohort_id,
    )


def _rows(
    session: Session, programme_id: int, cohort_id: int | None, only_scope: bool
) -> list[BudgetLineRow]:
    """The scope's lines or, with ``only_scope`` False, also those the view needs beside them:
    a round's view the programme-wide lines, the whole programme's view every round's."""
    query = select(BudgetLine).where(col(BudgetLine.programme_id) == programme_id)
    if only_scope:
        query = query.where(*_scope(programme_id, cohort_id))
    elif cohort_id is not None:
        cohort = col(BudgetLine.cohort_id)
        query = query.where(cohort.is_(None) | (cohort == cohort_id))
    rounds = {
        cohort_id: (start, name)
        for cohort_id, start, name in session.exec(
            select(col(Cohort.id), col(Cohort.start), col(Cohort.name)).where(
                Cohort.programme_id == programme_id
            )
        ).all()
    }
    lines = session.exec(query).all()

    def order(line: BudgetLine) -> tuple:
        """Programme-wide lines first, then each round's by its start; each in its order."""
        start = rounds[line.cohort_id][0] if line.cohort_id in rounds else None
        return (line.cohort_id is not None, start, line.cohort_id or 0, line.position, line.id)

    return [
        _row(line, rounds[line.cohort_id][1] if line.cohort_id in rounds else "")
        for line in sorted(lines, key=order)
    ]


def _placed(session: Session, programme_id: int, cohort_id: int | None) -> int:
    """Adepts in accepted groups of the round, or of every round of the programme."""
    query = (
        select(func.count())
        .select_from(GroupMember)
        .join(MatchGroup, col(MatchGroup.id) == GroupMember.group_id)
        .where(col(MatchGroup.accepted_on).is_not(None))
    )
    if cohort_id is not None:
        query = query.where(col(MatchGroup.cohort_id) == cohort_id)
    else:
        rounds = select(col(Cohort.id)).where(Cohort.programme_id == programme_id)
        query = query.where(col(MatchGroup.cohort_id).in_(rounds))
    return session.exec(query).one()


def _line(session: Session, line_id: int) -> BudgetLine:
    line = session.get(BudgetLine, line_id)
    if line is None:
        raise BudgetLineGone(
            N_("This budget line was removed meanwhile. Nothing was changed."), "line"
        )
    return line


def _round_name(session: Session, cohort_id: int | None) -> str:
    cohort = session.get(Cohort, cohort_id) if cohort_id is not None else None
    return cohort.name if cohort is not None else ""


def _apply(line: BudgetLine, draft: BudgetDraft) -> None:
    line.kind = kind_of(draft.category)
    line.category = draft.category
    line.description = draft.description
    line.planned = draft.planned
    line.actual = draft.actual
    line.planned_hours = draft.planned_hours
    line.actual_hours = draft.actual_hours
    line.rate = draft.rate


def _row(line: BudgetLine, round_name: str) -> BudgetLineRow:
    assert line.id is not None
    return BudgetLineRow(
        id=line.id,
        cohort_id=line.cohort_id,
        kind=line.kind,
        category=line.category,
        description=line.description,
        position=line.position,
        planned=line.planned,
        actual=line.actual,
        planned_hours=line.planned_hours,
        actual_hours=line.actual_hours,
        rate=line.rate,
        round_name=round_name,
    )
