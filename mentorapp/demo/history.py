"""The demo's past: how each application got where it is, and how far the guide is ticked off.

Kept apart from ``mentorapp.demo.writer`` (which creates the programme, rounds and people) because
this part only dates things: every date is counted from a round's deadline, start or end, or
from ``today``, so the demo looks lived-in whenever it is written.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from mentorapp.demo.data import demo_data
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import (
    ChecklistEntry,
    Cohort,
    EligibilityCheck,
    EligibilityCriterion,
    Enrolment,
    StatusChange,
)
from mentorapp.guide.content import StageContent
from mentorapp.guide.stages import STAGES

_S = EnrolmentStatus
# Statuses reached only after an accepted application, so its criteria were confirmed.
_AFTER_ACCEPTED = {_S.ACCEPTED, _S.ACTIVE, _S.COMPLETED, _S.WITHDRAWN}

# When each cohort stage's checklist is worked through: from and to (cohort date, days after).
# A stage not named here is worked through over the whole running period.
_WHOLE_ROUND = (("start", 0), ("end", 0))
_STAGE_WINDOWS = {
    "recruitment": (("application_deadline", -49), ("application_deadline", 0)),
    "selection": (("application_deadline", 2), ("start", -14)),
    "matching": (("start", -14), ("start", -3)),
    "kickoff": (("start", -7), ("start", 2)),
    "running": (("start", 7), ("end", -14)),
    "followup": (("start", 30), ("end", -7)),
    "closing": (("end", -7), ("end", 3)),
    "evaluation": (("end", 7), ("end", 35)),
    "alumni": (("end", 21), ("end", 56)),
}
_DONE_IN_RUNNING_ROUND = ("recruitment", "selection", "matching", "kickoff")


@dataclass
class DemoRound:
    """One demo round with its enrolments and, in step, each enrolment's history."""

    key: str  # "finished" or "running"
    cohort: Cohort
    enrolments: list[Enrolment] = field(default_factory=list)
    # Each enrolment's history, oldest first: (status, day, reason).
    histories: list[list[tuple[EnrolmentStatus, date, str]]] = field(default_factory=list)

    def anchor(self, name: str, days: int = 0) -> date:
        """``days`` after the cohort's ``application_deadline``, ``start`` or ``end``."""
        return getattr(self.cohort, name) + timedelta(days=days)


def history(
    rng: random.Random, cohort: Cohort, role: Role, status: EnrolmentStatus, today: date
) -> list[tuple[EnrolmentStatus, date, str]]:
    """The steps that led to ``status``: applied before the deadline, interviewed within two
    weeks after it, decided a few days later. Those still "applied" came in late."""
    assert cohort.application_deadline is not None
    reasons = demo_data().status_reasons
    if status is _S.APPLIED:
        return [(_S.APPLIED, today - timedelta(days=rng.randint(3, 20)), "")]
    applied = cohort.application_deadline - timedelta(days=rng.randint(1, 42))
    interview = cohort.application_deadline + timedelta(days=rng.randint(3, 12))
    decided = interview + timedelta(days=rng.randint(2, 9))
    steps = [(_S.APPLIED, applied, ""), (_S.INTERVIEW, interview, "")]
    if status in (_S.WAITLISTED, _S.DECLINED):
        return [*steps, (status, decided, rng.choice(reasons[(status, role)]))]
    steps += [(_S.ACCEPTED, decided, ""), (_S.ACTIVE, cohort.start, "")]
    if status is _S.COMPLETED:
        steps.append((_S.COMPLETED, cohort.end, ""))
    elif status is _S.WITHDRAWN:
        left = cohort.start + timedelta(days=rng.randint(20, 60))
        steps.append((_S.WITHDRAWN, left, rng.choice(reasons[(status, role)])))
    return steps


def add_histories(session: Session, programme_id: int, rounds: list[DemoRound]) -> None:
    """Every application's status history and, once accepted, its confirmed criteria (all
    that are active, on the day of the interview)."""
    query = select(EligibilityCriterion).where(
        EligibilityCriterion.programme_id == programme_id, EligibilityCriterion.active
    )
    criteria = [(c.role, c.id) for c in session.exec(query) if c.id is not None]
    rows: list[StatusChange | EligibilityCheck] = []
    for round_ in rounds:
        for enrolment, steps in zip(round_.enrolments, round_.histories, strict=True):
            assert enrolment.id is not None
            before = [None, *(status.value for status, _, _ in steps)]
            for previous, (status, day, reason) in zip(before, steps, strict=False):
                change = StatusChange(
                    enrolment_id=enrolment.id,
                    from_status=previous,
                    to_status=status.value,
                    changed_on=day,
                    reason=reason,
                )
                rows.append(change)
            if _AFTER_ACCEPTED.isdisjoint(status for status, _, _ in steps):
                continue
            interview = next(day for status, day, _ in steps if status is _S.INTERVIEW)
            for role, criterion_id in criteria:
                if role == enrolment.role:
                    check = EligibilityCheck(
                        enrolment_id=enrolment.id, criterion_id=criterion_id, confirmed_on=interview
                    )
                    rows.append(check)
    session.add_all(rows)


def _working_day(day: date, today: date) -> date:
    day = min(day, today)
    return day - timedelta(days=max(0, day.weekday() - 4))


def _spread(first: date, last: date, count: int, today: date) -> list[date]:
    """``count`` increasing working days from ``first`` to ``last``, none after ``today``."""
    span = max((last - first).days, 0)
    return [
        _working_day(first + timedelta(days=span * (k + 1) // (count + 1)), today)
        for k in range(count)
    ]


def add_checklist(
    session: Session,
    programme_id: int,
    rounds: list[DemoRound],
    guide: dict[str, StageContent],
    today: date,
) -> None:
    """Tick the guide as a coordinator would have: all that is past done, the rest still open."""
    notes = demo_data().checklist_notes
    # (stage, cohort id, first day, last day, items done (None: all), note)
    plan: list[tuple[str, int | None, date, date, int | None, str]] = []
    for index, stage in enumerate(s for s in STAGES if not s.per_round):
        first = rounds[0].anchor("application_deadline", 25 * index - 150)
        last = first + timedelta(days=28)
        plan.append((stage.key, None, first, last, None, notes.get(("", stage.key), "")))
    for round_ in rounds:
        for stage in (s for s in STAGES if s.per_round):
            (a, da), (b, db) = _STAGE_WINDOWS.get(stage.key, _WHOLE_ROUND)
            first, last = round_.anchor(a, da), round_.anchor(b, db)
            done: int | None = None
            if round_.key == "running" and stage.key not in _DONE_IN_RUNNING_ROUND:
                half = (len(guide[stage.key].items) + 1) // 2
                done, last = (half, today) if stage.key == "running" else (0, last)
            note = notes.get((round_.key, stage.key), "")
            plan.append((stage.key, round_.cohort.id, first, last, done, note))

    entries: list[ChecklistEntry] = []
    for stage_key, cohort_id, first, last, done, note in plan:
        items = guide[stage_key].items
        done = len(items) if done is None else done
        days = _spread(first, last, done, today)
        note_at = done if done < len(items) else 0  # the first open item, else the first one
        for position, item in enumerate(items):
            if position < done or (note and position == note_at):
                entries.append(
                    ChecklistEntry(
                        programme_id=programme_id,
                        cohort_id=cohort_id,
                        stage=stage_key,
                        builtin_key=item.key,
                        position=position,
                        done=position < done,
                        done_on=days[position] if position < done else None,
                        note=note if position == note_at else "",
                    )
                )
    running = rounds[1]
    for stage_key, text, offset in demo_data().own_checklist_items:
        done_on = None
        if offset is not None:
            done_on = _working_day(running.anchor("start", offset), today)
        entries.append(
            ChecklistEntry(
                programme_id=programme_id,
                cohort_id=running.cohort.id,
                stage=stage_key,
                own_text=text,
                position=len(guide[stage_key].items),
                done=done_on is not None,
                done_on=done_on,
            )
        )
    session.add_all(entries)
