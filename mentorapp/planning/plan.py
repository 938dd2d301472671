"""The programme plan: read it, save it as the coordinator types, check what is missing, and
write it as a two-page PDF for a board or a funder.

One row of ``ProgrammePlan`` per programme and its ``PlanGoal`` rows; the length of a round
and its meetings stay the programme's own fields (``ProgrammeService`` saves those). Every
save is checked first and written in one transaction, so a refused value changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain import languages
from mentorapp.domain.models import Cohort, Organisation, PlanGoal, Programme, ProgrammePlan
from mentorapp.domain.text import fold
from mentorapp.errors import MentorappError, ValidationError, file_problem, move_into_place
from mentorapp.i18n import LANGUAGES, N_, speaking
from mentorapp.people.fields import format_languages
from mentorapp.planning.goals import (
    COUNT,
    GOAL_NOTE_LIMIT,
    GOAL_TEXT_LIMIT,
    MAX_COUNT,
    MIN_GOALS,
    MODES,
    OUTCOME_BY_KEY,
    PERCENT,
    TEXT_LIMITS,
    UNITS,
    Goal,
    Plan,
)

if TYPE_CHECKING:
    from mentorapp.documents.plan_data import PlanPrint

MAX_GOALS_KEPT = 8  # more than twice the recommended four; the PDF still fits
PAIRS_RANGE = (1, 500)
GATHERINGS_RANGE = (0, 20)
FIELDS = (*TEXT_LIMITS, "pairs_per_round", "languages", "mode", "gatherings_per_round")
GOAL_FIELDS = ("text", "target", "unit", "measure", "measure_note")

# The parts of the plan, in the form's order, for the checklist of the Idea and Purpose stages.
PARTS = {
    "need": N_("The need"),
    "target_group": N_("Target group"),
    "format": N_("Format"),
    "goals": N_("Measurable goals"),
    "sponsor": N_("Sponsor and partners"),
}


class PlanNotFound(MentorappError):
    title = N_("There is no programme plan")


@dataclass(frozen=True)
class Completeness:
    """Which parts of the plan are filled in (keys of ``PARTS``), and which are still empty."""

    filled: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


class PlanService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- reading -----------------------------------------------------------------------------

    def plan(self, programme_id: int) -> Plan:
        """The plan as it stands; an empty one for a programme that has none yet."""
        with self._db.reading() as session:
            return _read_plan(session, programme_id)

    def completeness(self, programme_id: int) -> Completeness:
        """What the checklist needs to know: the parts filled in and the parts still empty."""
        plan = self.plan(programme_id)
        with self._db.reading() as session:
            has_partners = session.exec(
                select(Organisation.id).where(Organisation.programme_id == programme_id)
            ).first()
        measurable = [
            goal
            for goal in plan.goals
            if goal.target is not None and (goal.measure or goal.measure_note.strip())
        ]
        filled = {
            "need": bool(plan.need.strip()),
            "target_group": bool(plan.adepts.strip() and plan.mentors.strip()),
            "format": bool(plan.pairs_per_round and plan.languages and plan.mode),
            "goals": len(measurable) >= MIN_GOALS,
            "sponsor": bool(plan.sponsor.strip() and (plan.partners.strip() or has_partners)),
        }
        return Completeness(
            tuple(key for key in PARTS if filled[key]),
            tuple(key for key in PARTS if not filled[key]),
        )

    # -- saving ------------------------------------------------------------------------------

    def save(self, programme_id: int, **fields: Any) -> Plan:
        """Save some of the plan's fields (the others stay); all checked before any is written."""
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise TypeError(f"not fields of the plan: {', '.join(sorted(unknown))}")
        values = {name: _checked(name, value) for name, value in fields.items()}
        with self._db.transaction() as session:
            _programme(session, programme_id)
            row = _plan_row(session, programme_id) or ProgrammePlan(programme_id=programme_id)
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            session.flush()
            return _read_plan(session, programme_id)

    def add_goal(self, programme_id: int, **fields: Any) -> Goal:
        """A new goal after the others (empty unless ``fields`` say otherwise)."""
        values = _checked_goal(fields)
        with self._db.transaction() as session:
            _programme(session, programme_id)
            goals = _goal_rows(session, programme_id)
            if len(goals) >= MAX_GOALS_KEPT:
                raise ValidationError(
                    N_("A plan holds at most {count} goals. Two to four are recommended."),
                    "goals",
                    count=MAX_GOALS_KEPT,
                )
            position = max((goal.position for goal in goals), default=-1) + 1
            row = PlanGoal(programme_id=programme_id, position=position, **values)
            session.add(row)
            session.flush()
            return _goal(row)

    def update_goal(self, goal_id: int, **fields: Any) -> Goal:
        """Change some of a goal's fields; the unit and target are checked together."""
        with self._db.transaction() as session:
            row = _goal_row(session, goal_id)
            merged = {name: getattr(row, name) for name in GOAL_FIELDS} | fields
            values = _checked_goal(merged)
            for name in fields:
                setattr(row, name, values[name])
            session.add(row)
            session.flush()
            return _goal(row)

    def remove_goal(self, goal_id: int) -> None:
        with self._db.transaction() as session:
            row = session.get(PlanGoal, goal_id)
            if row is not None:
                session.delete(row)

    def reorder_goals(self, programme_id: int, goal_ids: Sequence[int]) -> None:
        """Put the programme's goals in the order given (every goal named once)."""
        with self._db.transaction() as session:
            rows = {row.id: row for row in _goal_rows(session, programme_id) if row.id}
            if sorted(goal_ids) != sorted(rows):
                raise ValidationError(N_("The goals changed meanwhile. Try again."), "goals")
            for position, goal_id in enumerate(goal_ids):
                rows[goal_id].position = position
                session.add(rows[goal_id])

    # -- printing ----------------------------------------------------------------------------

    def print_data(
        self,
        programme_id: int,
        language: str | None = None,
        cohort_id: int | None = None,
        today: date | None = None,
    ) -> PlanPrint:
        """Everything the printed plan shows, in ``language`` (the programme's by default),
        with the timeline of ``cohort_id`` (the current round by default, if any)."""
        from mentorapp.documents.plan_data import PlanPrint

        today = today or date.today()
        with self._db.reading() as session:
            programme = _programme(session, programme_id)
            plan = _read_plan(session, programme_id)
            partners = session.exec(
                select(Organisation.name).where(Organisation.programme_id == programme_id)
            ).all()
            cohort = _round(session, programme_id, cohort_id)
        language = language or programme.default_language
        if language not in LANGUAGES:
            raise ValidationError(
                N_("The plan can be printed in {languages}."),
                "language",
                languages=", ".join(languages.get(code).native_name for code in LANGUAGES),
            )
        timeline = None
        if cohort is not None and cohort.id is not None:
            timeline = self._timeline(cohort.id, language, today)
        return PlanPrint(
            language=language,
            organisation=programme.organisation,
            programme_name=programme.name,
            logo=programme.logo,
            contact_name=programme.contact_name,
            contact_email=programme.contact_email,
            plan=plan,
            partner_names=tuple(sorted(partners, key=fold)),
            round_name=cohort.name if cohort else "",
            round_start=cohort.start if cohort else None,
            round_end=cohort.end if cohort else None,
            timeline=timeline,
            printed_on=today,
        )

    def _timeline(self, cohort_id: int, language: str, today: date) -> Any:
        """The round's timeline picture, its words in the plan's language."""
        from mentorapp.planning.layout import timeline_layout
        from mentorapp.planning.timeline import TimelineService

        milestones = TimelineService(self._db).milestones(cohort_id)
        with speaking(language):
            layout = timeline_layout(milestones, today)
            # The labels are read now, while the plan's language is spoken.
            return layout

    def write_pdf(
        self,
        programme_id: int,
        path: Path,
        language: str | None = None,
        cohort_id: int | None = None,
        today: date | None = None,
    ) -> Path:
        """Write the plan to ``path`` (through a temporary file, so a failure leaves no half
        PDF); a programme file or its companions are never written over."""
        from mentorapp.db.files import private_temporary, refuse_programme_file
        from mentorapp.documents.plan_pdf import render_plan

        path = Path(path)
        refuse_programme_file(path)
        data = self.print_data(programme_id, language, cohort_id, today)
        try:
            temporary = private_temporary(path.parent, path.name)
        except OSError as exc:
            raise file_problem(exc) from exc
        try:
            with temporary.open("wb") as out:
                render_plan(data, out)
            move_into_place(temporary, path)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise file_problem(exc) from exc
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return path


# -- checks ------------------------------------------------------------------------------------


def _checked(name: str, value: Any) -> Any:
    """One plan field's value as stored, or a ValidationError naming the field."""
    if name in TEXT_LIMITS:
        return _text(name, value, TEXT_LIMITS[name])
    if name == "pairs_per_round":
        return _whole(
            name,
            value,
            PAIRS_RANGE,
            N_("The number of pairs per round must be a whole number from {low} to {high}."),
        )
    if name == "gatherings_per_round":
        return _whole(
            name,
            value,
            GATHERINGS_RANGE,
            N_("The number of joint gatherings must be a whole number from {low} to {high}."),
        )
    if name == "mode":
        if value not in MODES:
            raise ValidationError(
                N_("Choose whether the pairs meet in person, digitally or both."), "mode"
            )
        return value
    return _languages(value)


def _text(name: str, value: Any, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text")
    if len(value) > limit:
        raise ValidationError(
            N_("This text is {length} characters long; the plan keeps at most {limit}."),
            name,
            length=len(value),
            limit=limit,
        )
    return value


def _whole(name: str, value: Any, bounds: tuple[int, int], template: str) -> int | None:
    """A whole number within ``bounds``, or None for a field left empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    low, high = bounds
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 10:
        number = int(value.strip())
    if number is None or not low <= number <= high:
        raise ValidationError(template, name, low=low, high=high)
    return number


def _languages(value: Any) -> str:
    """Meeting languages as stored (``"sv,en"``), from codes or that stored form."""
    if value is None:
        return ""
    codes: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    cleaned = [str(code).strip() for code in codes if str(code).strip()]
    known = languages.MEETING_CODES
    unknown = [code for code in cleaned if code not in known]
    if unknown:
        raise ValidationError(
            N_("“{code}” is not a meeting language Mentorapp knows ({known})."),
            "languages",
            code=unknown[0],
            known=", ".join(known),
        )
    return format_languages(cleaned)


def _checked_goal(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(GOAL_FIELDS)
    if unknown:
        raise TypeError(f"not fields of a goal: {', '.join(sorted(unknown))}")
    values = dict(fields)
    unit = values.get("unit", PERCENT)
    if unit not in UNITS:
        raise ValidationError(N_("Choose whether the target is a percentage or a number."), "unit")
    if values.get("measure", "") not in ("", *OUTCOME_BY_KEY):
        raise ValidationError(N_("Choose what the goal will be measured with."), "measure")
    values["text"] = _text("text", values.get("text", ""), GOAL_TEXT_LIMIT)
    values["measure_note"] = _text("measure_note", values.get("measure_note", ""), GOAL_NOTE_LIMIT)
    values["target"] = _target(values.get("target"), unit)
    return values


def _target(value: Any, unit: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and len(value) < 20:
        try:
            number = float(value.strip().replace(",", ".").replace("%", "").strip())
        except ValueError:
            number = None
    if unit == COUNT:
        if number is None or not math.isfinite(number) or not 0 <= number <= MAX_COUNT:
            raise ValidationError(
                N_("A target number must be from 0 to {high}."), "target", high=MAX_COUNT
            )
    elif number is None or not math.isfinite(number) or not 0 <= number <= 100:
        raise ValidationError(N_("A target percentage must be from 0 to 100."), "target")
    return number


# -- rows --------------------------------------------------------------------------------------


def _programme(session: Session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise PlanNotFound(N_("The programme could not be found. It may have been removed."))
    return programme


def _round(session: Session, programme_id: int, cohort_id: int | None) -> Cohort | None:
    if cohort_id is not None:
        cohort = session.get(Cohort, cohort_id)
        return cohort if cohort is not None and cohort.programme_id == programme_id else None
    query = select(Cohort).where(Cohort.programme_id == programme_id, Cohort.is_current)
    return session.exec(query).first()


def _plan_row(session: Session, programme_id: int) -> ProgrammePlan | None:
    query = select(ProgrammePlan).where(ProgrammePlan.programme_id == programme_id)
    return session.exec(query).first()


def _goal_rows(session: Session, programme_id: int) -> list[PlanGoal]:
    query = select(PlanGoal).where(PlanGoal.programme_id == programme_id)
    return list(session.exec(query.order_by(col(PlanGoal.position), col(PlanGoal.id))))


def _goal_row(session: Session, goal_id: int) -> PlanGoal:
    row = session.get(PlanGoal, goal_id)
    if row is None:
        raise ValidationError(N_("That goal no longer exists."), "goals")
    return row


def _goal(row: PlanGoal) -> Goal:
    return Goal(
        id=row.id,
        position=row.position,
        text=row.text,
        target=row.target,
        unit=row.unit if row.unit in UNITS else PERCENT,
        measure=row.measure if row.measure in OUTCOME_BY_KEY else "",
        measure_note=row.measure_note,
    )


def _read_plan(session: Session, programme_id: int) -> Plan:
    programme = _programme(session, programme_id)
    row = _plan_row(session, programme_id) or ProgrammePlan(programme_id=programme_id)
    codes = tuple(code for code in row.languages.split(",") if code in languages.MEETING_CODES)
    return Plan(
        programme_id=programme_id,
        need=row.need,
        adepts=row.adepts,
        mentors=row.mentors,
        pairs_per_round=row.pairs_per_round,
        languages=codes,
        mode=row.mode if row.mode in MODES else "",
        gatherings_per_round=row.gatherings_per_round,
        gatherings=row.gatherings,
        sponsor=row.sponsor,
        partners=row.partners,
        months_per_round=programme.months_per_round,
        meetings_per_round=programme.meetings_per_round,
        goals=tuple(_goal(goal) for goal in _goal_rows(session, programme_id)),
    )
