"""A round's timeline as stored: milestones from its dates, the programme's own offsets and
the round's moves, and the due date of every built-in checklist item.

Defaults live in ``planning/milestones.py`` and ``resources/guide/<lang>.toml`` (each item's
``milestone`` and ``offset``); the file keeps only what a coordinator changed:
``MilestoneOffset`` (a programme's own days from a milestone's anchor), ``MilestoneDate``
(one round's milestone moved by hand) and ``ItemOffset`` (a programme's own days from an
item's milestone). An item's due date is always read from its milestone, so moving a
milestone moves the items due from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import (
    ChecklistEntry,
    Cohort,
    ItemOffset,
    MilestoneDate,
    MilestoneOffset,
    Programme,
    ProgrammePlan,
)
from mentorapp.errors import ValidationError
from mentorapp.guide.checklist import Scope
from mentorapp.guide.content import GuideItem, load_guide
from mentorapp.guide.stages import STAGE_BY_KEY, STAGES
from mentorapp.i18n import N_
from mentorapp.planning.layout import TimelineLayout, timeline_layout
from mentorapp.planning.milestones import (
    DEFAULT_GATHERINGS,
    LONGEST_OFFSET_DAYS,
    Milestone,
    RoundDates,
    anchor_of,
    by_key,
    derive_milestones,
    milestone_keys,
)
from mentorapp.planning.standing import evidence_in

# A checklist item due further than this from its milestone is a typing error.
LONGEST_ITEM_OFFSET_DAYS = 365


@dataclass(frozen=True)
class DueItem:
    """A built-in checklist item with its due date in one round."""

    stage: str
    item: str  # the item's key in resources/guide/<lang>.toml
    text: str
    due: date | None  # None when its milestone is not part of this round
    done: bool
    milestone: str
    offset: int  # days from the milestone, the programme's own or the guide's
    default_offset: int  # the guide's

    @property
    def own_offset(self) -> bool:
        return self.offset != self.default_offset


@dataclass(frozen=True)
class _RoundFacts:
    cohort: Cohort
    meetings: int
    gatherings: int
    offsets: dict[str, int]
    moves: dict[str, date]


class TimelineService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- milestones ------------------------------------------------------------------------

    def milestones(self, cohort_id: int) -> list[Milestone]:
        """The round's milestones in the canonical order (``milestone_keys``)."""
        with self._db.reading() as session:
            return _milestones(_round_facts(session, cohort_id))

    def layout(self, cohort_id: int, today: date | None) -> TimelineLayout:
        """The round's picture, for the GUI and the programme plan."""
        return timeline_layout(self.milestones(cohort_id), today)

    def move(self, cohort_id: int, key: str, on: date) -> None:
        """Move one milestone of one round to ``on`` (a window keeps its length)."""
        with self._db.transaction() as session:
            facts = _round_facts(session, cohort_id)
            _require_key(key, facts.meetings, facts.gatherings)
            start = facts.cohort.start
            if abs((on - start).days) > LONGEST_OFFSET_DAYS:
                raise ValidationError(
                    N_(
                        "A milestone must be within two years of the round's start; check the "
                        "year of the date you entered."
                    ),
                    "date",
                )
            row = _moved(session, cohort_id, key)
            if row is None:
                row = MilestoneDate(cohort_id=cohort_id, key=key, moved_to=on)
            row.moved_to = on
            session.add(row)

    def reset(self, cohort_id: int, key: str) -> None:
        """Put a moved milestone back on its default date."""
        with self._db.transaction() as session:
            _round_facts(session, cohort_id)
            row = _moved(session, cohort_id, key)
            if row is not None:
                session.delete(row)

    def set_default_offset(self, programme_id: int, key: str, days: int | None) -> None:
        """The programme's own days from a milestone's anchor, for every round; None: the
        built-in rule again."""
        with self._db.transaction() as session:
            meetings, gatherings = _programme_shape(session, programme_id)
            _require_key(key, meetings, gatherings)
            if days is not None:
                _require_days(days, LONGEST_OFFSET_DAYS)
            row = session.exec(
                select(MilestoneOffset).where(
                    MilestoneOffset.programme_id == programme_id, MilestoneOffset.key == key
                )
            ).first()
            if days is None:
                if row is not None:
                    session.delete(row)
                return
            row = row or MilestoneOffset(programme_id=programme_id, key=key, days=days)
            row.days = days
            session.add(row)

    def keep_for_every_round(self, cohort_id: int, key: str) -> None:
        """Make a milestone moved in this round the programme's own default: its days from
        its anchor (as this round has them) apply to every round, and the move goes."""
        with self._db.transaction() as session:
            facts = _round_facts(session, cohort_id)
            _require_key(key, facts.meetings, facts.gatherings)
            row = _moved(session, cohort_id, key)
            if row is None:
                return  # on its default already: nothing to keep
            anchor = anchor_of(key, facts.meetings, facts.gatherings)
            others = {k: on for k, on in facts.moves.items() if k != key}
            dates = RoundDates(
                facts.cohort.start, facts.cohort.end, facts.cohort.application_deadline
            )
            placed = by_key(
                derive_milestones(
                    dates, facts.meetings, facts.gatherings, offsets=facts.offsets, moves=others
                )
            )
            round_dates = {"deadline": dates.deadline, "start": dates.start, "end": dates.end}
            base = round_dates.get(anchor or "") or placed[anchor or key].on
            days = (row.moved_to - base).days
            _require_days(days, LONGEST_OFFSET_DAYS)
            own = session.exec(
                select(MilestoneOffset).where(
                    MilestoneOffset.programme_id == facts.cohort.programme_id,
                    MilestoneOffset.key == key,
                )
            ).first()
            own = own or MilestoneOffset(programme_id=facts.cohort.programme_id, key=key, days=days)
            own.days = days
            session.add(own)
            session.delete(row)

    def own_defaults(self, programme_id: int) -> set[str]:
        """The milestones whose default the programme has set itself."""
        with self._db.reading() as session:
            query = select(MilestoneOffset.key).where(MilestoneOffset.programme_id == programme_id)
            return set(session.exec(query))

    # -- checklist due dates ---------------------------------------------------------------

    def set_item_offset(
        self, programme_id: int, stage: str, item_key: str, days: int | None
    ) -> None:
        """The programme's own days from a built-in item's milestone; None: the guide's."""
        if stage not in STAGE_BY_KEY or item_key not in {
            item.key for item in load_guide("en")[stage].items
        }:
            raise ValidationError(
                N_("There is no built-in checklist item “{item}” in the stage “{stage}”."),
                "item",
                item=item_key,
                stage=stage,
            )
        if days is not None:
            _require_days(days, LONGEST_ITEM_OFFSET_DAYS)
        with self._db.transaction() as session:
            _programme_shape(session, programme_id)
            row = session.exec(
                select(ItemOffset).where(
                    ItemOffset.programme_id == programme_id,
                    ItemOffset.stage == stage,
                    ItemOffset.item_key == item_key,
                )
            ).first()
            if days is None:
                if row is not None:
                    session.delete(row)
                return
            row = row or ItemOffset(
                programme_id=programme_id, stage=stage, item_key=item_key, days=days
            )
            row.days = days
            session.add(row)

    def due_items(self, scope: Scope, language: str) -> list[DueItem]:
        """Every built-in item of the programme's stages and of the scope's round, in the
        guide's order, dated from the round's milestones (none without a round)."""
        if scope.cohort_id is None:
            return []
        with self._db.reading() as session:
            facts = _round_facts(session, scope.cohort_id)
            if facts.cohort.programme_id != scope.programme_id:
                raise _no_round()
            milestones = by_key(_milestones(facts))
            own = {
                (row.stage, row.item_key): row.days
                for row in session.exec(
                    select(ItemOffset).where(ItemOffset.programme_id == scope.programme_id)
                )
            }
            done = _done_items(session, scope) | evidence_in(session, scope)
        guide = load_guide(language)
        items = []
        for stage in STAGES:
            for item in guide[stage.key].items:
                items.append(_due(stage.key, item, milestones, own, done))
        return items

    def due_this_week(
        self, scope: Scope, today: date, language: str, days: int = 7
    ) -> list[DueItem]:
        """Items not done that are overdue or due within ``days``, the earliest first."""
        horizon = today + timedelta(days=days)
        due = [
            item
            for item in self.due_items(scope, language)
            if not item.done and item.due is not None and item.due <= horizon
        ]
        return sorted(due, key=lambda item: item.due or today)


def _due(
    stage_key: str,
    item: GuideItem,
    milestones: dict[str, Milestone],
    own: dict[tuple[str, str], int],
    done: set[tuple[str, str]],
) -> DueItem:
    offset = own.get((stage_key, item.key), item.offset)
    anchor = milestones.get(item.milestone)
    return DueItem(
        stage=stage_key,
        item=item.key,
        text=item.text,
        due=anchor.on + timedelta(days=offset) if anchor is not None else None,
        done=(stage_key, item.key) in done,
        milestone=item.milestone,
        offset=offset,
        default_offset=item.offset,
    )


def _done_items(session: Session, scope: Scope) -> set[tuple[str, str]]:
    """(stage, item key) of the ticked built-in items: the programme's stages and the round's
    (``evidence_in`` adds those the file shows done without a tick)."""
    query = select(ChecklistEntry).where(
        ChecklistEntry.programme_id == scope.programme_id,
        col(ChecklistEntry.builtin_key).is_not(None),
        col(ChecklistEntry.done).is_(True),
    )
    found = set()
    for entry in session.exec(query):
        wanted = scope.cohort_id if STAGE_BY_KEY.get(entry.stage, STAGES[0]).per_round else None
        if entry.cohort_id == wanted and entry.builtin_key:
            found.add((entry.stage, entry.builtin_key))
    return found


def _milestones(facts: _RoundFacts) -> list[Milestone]:
    cohort = facts.cohort
    return derive_milestones(
        RoundDates(cohort.start, cohort.end, cohort.application_deadline),
        facts.meetings,
        facts.gatherings,
        offsets=facts.offsets,
        moves=facts.moves,
    )


def _no_round() -> ValidationError:
    return ValidationError(N_("That round is no longer in the file."), "cohort")


def _round_facts(session: Session, cohort_id: int) -> _RoundFacts:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise _no_round()
    meetings, gatherings = _programme_shape(session, cohort.programme_id)
    offsets = {
        row.key: row.days
        for row in session.exec(
            select(MilestoneOffset).where(MilestoneOffset.programme_id == cohort.programme_id)
        )
    }
    moves = {
        row.key: row.moved_to
        for row in session.exec(select(MilestoneDate).where(MilestoneDate.cohort_id == cohort_id))
    }
    return _RoundFacts(cohort, meetings, gatherings, offsets, moves)


def _programme_shape(session: Session, programme_id: int) -> tuple[int, int]:
    """Pair meetings and joint gatherings per round."""
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise ValidationError(N_("That programme is no longer in the file."))
    plan = session.exec(
        select(ProgrammePlan).where(ProgrammePlan.programme_id == programme_id)
    ).first()
    gatherings = DEFAULT_GATHERINGS
    if plan is not None and plan.gatherings_per_round is not None:
        gatherings = plan.gatherings_per_round
    return programme.meetings_per_round, gatherings


def _moved(session: Session, cohort_id: int, key: str) -> MilestoneDate | None:
    return session.exec(
        select(MilestoneDate).where(MilestoneDate.cohort_id == cohort_id, MilestoneDate.key == key)
    ).first()


def _require_key(key: str, meetings: int, gatherings: int) -> None:
    if key not in milestone_keys(meetings, gatherings):
        raise ValidationError(
            N_("There is no milestone “{key}” in this programme's rounds."), "key", key=key
        )


def _require_days(days: int, longest: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or abs(days) > longest:
        raise ValidationError(
            N_("Write a whole number of days between −{longest} and {longest}."),
            "days",
            longest=longest,
        )
