"""Where a round stands: its counts, the stage it is in, and the checklist work the file shows.

The overview used to name the first stage with an open checklist item as the current one, so
a coordinator who imported, matched and printed without ticking boxes read "Idea and needs,
2 % done". Here the stage follows the round's dates (its milestones) and the work the file
holds (applications, decisions, accepted groups, printed workbooks), and an item counts as
done when it is ticked *or* when the file shows it was done. Every number comes from an
aggregate query, so a file that has grown over years opens as fast as a new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import (
    BudgetLine,
    Cohort,
    Enrolment,
    Gathering,
    GatheringGuest,
    GroupMember,
    Interview,
    MatchGroup,
    Organisation,
    PlanGoal,
    PlannedMeeting,
    Programme,
    ProgrammePlan,
    SurveyResponse,
)
from mentorapp.guide.checklist import ChecklistRow, Scope, StageProgress
from mentorapp.guide.progress import GuideService
from mentorapp.guide.stages import STAGES, Stage, stage
from mentorapp.i18n import N_, _

DECIDED = (
    EnrolmentStatus.ACCEPTED,
    EnrolmentStatus.WAITLISTED,
    EnrolmentStatus.DECLINED,
    EnrolmentStatus.ACTIVE,
    EnrolmentStatus.COMPLETED,
)
PLACED = (EnrolmentStatus.ACCEPTED, EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)

# The stage a round is in from its dates: the milestone from which each stage starts, in
# order (a stage lasts until the next one's milestone). Before applications open, the
# programme's own stages are the work, and the first one still open is the stage.
DATE_STAGES: tuple[tuple[str, str], ...] = (
    ("applications_open", "recruitment"),
    ("application_deadline", "selection"),
    ("decisions_sent", "matching"),
    ("matching_done", "kickoff"),
    ("kickoff", "running"),
    ("midpoint", "followup"),
    ("closing", "closing"),
    ("end_survey", "evaluation"),
    ("followup_survey", "alumni"),
)
# Days after a stage's milestone during which the stage before it is still the current one
# (the end survey goes out at the close, evaluation starts a fortnight later).
EVALUATION_AFTER_SURVEY = timedelta(days=14)

# What the file shows as done, per checklist item: the reason shown beside it.
EVIDENCE_REASONS: dict[tuple[str, str], str] = {
    ("idea", "problem_statement"): N_("The programme plan describes the need."),
    ("idea", "target_group"): N_("The programme plan says who the adepts and mentors are."),
    ("idea", "internal_sponsor"): N_("The programme plan names a sponsor."),
    ("anchoring", "recruitment_partners"): N_("Partner organisations are in the file."),
    ("purpose", "measurable_goals"): N_("The programme plan has at least two goals."),
    ("purpose", "length_and_scale"): N_("The programme plan says how many pairs per round."),
    ("purpose", "language_and_mode"): N_(
        "The programme plan names the languages and how pairs meet."
    ),
    ("purpose", "group_events"): N_("The programme plan says how many gatherings per round."),
    ("resources", "funding"): N_("The budget has income lines."),
    ("recruitment", "application_forms"): N_("Applications have come in."),
    ("selection", "interview_guide"): N_("Interviews are booked."),
    ("selection", "decisions_reserves"): N_("Places and reserves are decided."),
    ("matching", "match_reasons"): N_("Accepted matches keep their reasons."),
    ("kickoff", "agreement_template"): N_("The workbooks, with their agreement page, are printed."),
    ("kickoff", "first_meetings_booked"): N_("Every group has its first three meeting dates."),
    ("running", "meeting_calendar"): N_("Every group has a date for each of its meetings."),
    ("running", "joint_events"): N_("Two joint gatherings have been held, with attendance."),
    ("kickoff", "baseline_survey"): N_("Adepts' answers to the start survey are in."),
    ("closing", "end_survey"): N_("Answers to the end survey are in."),
    ("evaluation", "six_month_followup"): N_("Adepts' answers to the six-month survey are in."),
}
# The survey whose answers show an item done.
SURVEY_EVIDENCE = {
    "t0": ("kickoff", "baseline_survey"),
    "t1": ("closing", "end_survey"),
    "t2": ("evaluation", "six_month_followup"),
}


@dataclass(frozen=True)
class RoundCounts:
    """Where a round's people are, for the overview."""

    applied_adepts: int = 0
    applied_mentors: int = 0
    accepted_adepts: int = 0
    accepted_mentors: int = 0
    matched_adepts: int = 0
    groups: int = 0
    workbooks_printed: int = 0
    interviews_booked: int = 0
    meetings_held: int = 0

    @property
    def unmatched_adepts(self) -> int:
        """Accepted adepts who are in no accepted group yet."""
        return max(self.accepted_adepts - self.matched_adepts, 0)


@dataclass(frozen=True)
class Standing:
    current_stage: Stage
    stage_from_dates: Stage | None
    stage_from_work: Stage | None
    done: int
    total: int
    stages: tuple[StageProgress, ...]
    next_items: tuple[ChecklistRow, ...]
    counts: RoundCounts
    evidence: Mapping[tuple[str, str], str] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0


def stage_from_dates(milestones: Mapping[str, date], today: date) -> str | None:
    """The stage a round is in on ``today`` by its milestones (None: before it opens)."""
    current = None
    for key, stage_key in DATE_STAGES:
        starts = milestones.get(key)
        if starts is None:
            continue
        if key == "end_survey":
            starts += EVALUATION_AFTER_SURVEY
        if today >= starts:
            current = stage_key
    return current


def stage_from_work(counts: RoundCounts) -> str | None:
    """The latest stage the round's work has reached (None: nothing has happened yet)."""
    if counts.meetings_held:
        return "running"
    if counts.workbooks_printed:
        return "kickoff"
    if counts.groups:
        return "matching"
    decided = counts.accepted_adepts + counts.accepted_mentors
    if decided or counts.interviews_booked:
        return "selection"
    if counts.applied_adepts or counts.applied_mentors:
        return "recruitment"
    return None


def later(*keys: str | None) -> str | None:
    order = {item.key: index for index, item in enumerate(STAGES)}
    known = [key for key in keys if key]
    return max(known, key=order.__getitem__) if known else None


class StandingService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def counts(self, cohort_id: int) -> RoundCounts:
        """The round's counts, each one aggregate query."""
        with self._db.reading() as session:
            return _counts(session, cohort_id)

    def evidence(self, scope: Scope) -> dict[tuple[str, str], str]:
        """(stage, item) → why the file shows the item done, in the current language."""
        with self._db.reading() as session:
            found = evidence_in(session, scope)
        return {key: _(EVIDENCE_REASONS[key]) for key in sorted(found)}

    def progress(self, scope: Scope, language: str) -> list[StageProgress]:
        """Done items per stage, ticked or shown by the file (the navigator's counts)."""
        evidence = self.evidence(scope)
        return [
            _with_evidence(ticked, rows, evidence)[0]
            for ticked, rows in GuideService(self._db).all_stages(scope, language)
        ]

    def standing(
        self,
        scope: Scope,
        language: str,
        milestones: Mapping[str, date] | None = None,
        today: date | None = None,
        next_count: int = 5,
    ) -> Standing:
        """The overview's numbers for ``scope`` on ``today`` (milestones: the round's dates
        by key, from the timeline)."""
        today = today or date.today()
        counts = self.counts(scope.cohort_id) if scope.cohort_id is not None else RoundCounts()
        evidence = self.evidence(scope)
        stages = GuideService(self._db).all_stages(scope, language)
        progress = []
        open_rows: list[ChecklistRow] = []
        for ticked, rows in stages:
            stage_progress, still_open = _with_evidence(ticked, rows, evidence)
            progress.append(stage_progress)
            open_rows.extend(still_open)
        by_dates = stage_from_dates(milestones or {}, today) if scope.cohort_id else None
        by_work = stage_from_work(counts)
        first_open = next((p.stage.key for p in progress if p.available and p.done < p.total), None)
        if by_dates is None and by_work is None:
            current = first_open or progress[-1].stage.key
        else:
            current = later(by_dates, by_work) or progress[-1].stage.key
        # The next steps: what is open in the current stage first, then in the stages before.
        order = {item.key: index for index, item in enumerate(STAGES)}
        here = order[current]
        open_rows.sort(key=lambda row: (order[row.stage] != here, order[row.stage] > here))
        return Standing(
            current_stage=stage(current),
            stage_from_dates=stage(by_dates) if by_dates else None,
            stage_from_work=stage(by_work) if by_work else None,
            done=sum(p.done for p in progress),
            total=sum(p.total for p in progress),
            stages=tuple(progress),
            next_items=tuple(open_rows[:next_count]),
            counts=counts,
            evidence=evidence,
        )


def _with_evidence(
    ticked: StageProgress, rows: list[ChecklistRow], evidence: Mapping[tuple[str, str], str]
) -> tuple[StageProgress, list[ChecklistRow]]:
    """A stage's progress counting what the file shows done, and its rows still open."""
    still_open = [
        row for row in rows if not row.done and (row.stage, row.builtin_key or "") not in evidence
    ]
    done = len(rows) - len(still_open)
    return StageProgress(ticked.stage, done, ticked.total, ticked.available), still_open


def _counts(session: Session, cohort_id: int) -> RoundCounts:
    by_role_status = select(col(Enrolment.role), col(Enrolment.status), func.count()).where(
        col(Enrolment.cohort_id) == cohort_id
    )
    applied = {Role.ADEPT.value: 0, Role.MENTOR.value: 0}
    accepted = {Role.ADEPT.value: 0, Role.MENTOR.value: 0}
    for role, status, number in session.execute(
        by_role_status.group_by(col(Enrolment.role), col(Enrolment.status))
    ):
        applied[role] = applied.get(role, 0) + number
        if status in PLACED:
            accepted[role] = accepted.get(role, 0) + number
    groups = col(MatchGroup.cohort_id) == cohort_id
    matched = (
        select(func.count())
        .select_from(GroupMember)
        .join(MatchGroup, col(MatchGroup.id) == GroupMember.group_id)
        .where(groups)
    )
    printed = (
        select(func.count())
        .select_from(MatchGroup)
        .where(groups, col(MatchGroup.workbook_printed_on).is_not(None))
    )
    interviews = (
        select(func.count())
        .select_from(Interview)
        .join(Enrolment, col(Enrolment.id) == Interview.enrolment_id)
        .where(col(Enrolment.cohort_id) == cohort_id, col(Interview.state) != "cancelled")
    )
    held = (
        select(func.count())
        .select_from(PlannedMeeting)
        .join(MatchGroup, col(MatchGroup.id) == PlannedMeeting.group_id)
        .where(groups, col(PlannedMeeting.state) == "held")
    )
    return RoundCounts(
        applied_adepts=applied[Role.ADEPT.value],
        applied_mentors=applied[Role.MENTOR.value],
        accepted_adepts=accepted[Role.ADEPT.value],
        accepted_mentors=accepted[Role.MENTOR.value],
        matched_adepts=session.execute(matched).scalar_one(),
        groups=session.execute(
            select(func.count()).select_from(MatchGroup).where(groups)
        ).scalar_one(),
        workbooks_printed=session.execute(printed).scalar_one(),
        interviews_booked=session.execute(interviews).scalar_one(),
        meetings_held=session.execute(held).scalar_one(),
    )


def evidence_in(session: Session, scope: Scope) -> set[tuple[str, str]]:
    """(stage, item) of the checklist items the file shows done, for the timeline's due dates
    too: an item done by the work is not due."""
    found = _programme_evidence(session, scope.programme_id)
    if scope.cohort_id is not None:
        found |= _round_evidence(session, scope.cohort_id)
    return found


def _programme_evidence(session: Session, programme_id: int) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    plan = session.exec(
        select(ProgrammePlan).where(ProgrammePlan.programme_id == programme_id)
    ).first()
    if plan is not None:
        filled = {
            ("idea", "problem_statement"): bool(plan.need.strip()),
            ("idea", "target_group"): bool(plan.adepts.strip() and plan.mentors.strip()),
            ("idea", "internal_sponsor"): bool(plan.sponsor.strip()),
            ("purpose", "length_and_scale"): plan.pairs_per_round is not None,
            ("purpose", "language_and_mode"): bool(plan.languages and plan.mode),
            ("purpose", "group_events"): plan.gatherings_per_round is not None,
        }
        found.update(key for key, present in filled.items() if present)
    goals = (
        select(func.count())
        .select_from(PlanGoal)
        .where(PlanGoal.programme_id == programme_id, col(PlanGoal.target).is_not(None))
    )
    if session.execute(goals).scalar_one() >= 2:
        found.add(("purpose", "measurable_goals"))
    if _exists(session, select(Organisation.id).where(Organisation.programme_id == programme_id)):
        found.add(("anchoring", "recruitment_partners"))
    income = select(BudgetLine.id).where(
        BudgetLine.programme_id == programme_id, BudgetLine.kind == "income"
    )
    if _exists(session, income):
        found.add(("resources", "funding"))
    return found


def _round_evidence(session: Session, cohort_id: int) -> set[tuple[str, str]]:
    counts = _counts(session, cohort_id)
    found: set[tuple[str, str]] = set()
    if counts.applied_adepts or counts.applied_mentors:
        found.add(("recruitment", "application_forms"))
    if counts.interviews_booked:
        found.add(("selection", "interview_guide"))
    decided = select(Enrolment.id).where(
        Enrolment.cohort_id == cohort_id, col(Enrolment.status).in_([s.value for s in DECIDED])
    )
    if _exists(session, decided):
        found.add(("selection", "decisions_reserves"))
    if counts.groups:
        found.add(("matching", "match_reasons"))
        if counts.workbooks_printed == counts.groups:
            found.add(("kickoff", "agreement_template"))
        booked = (
            select(col(PlannedMeeting.group_id))
            .join(MatchGroup, col(MatchGroup.id) == PlannedMeeting.group_id)
            .where(
                MatchGroup.cohort_id == cohort_id,
                or_(
                    col(PlannedMeeting.planned_on).is_not(None),
                    col(PlannedMeeting.held_on).is_not(None),
                ),
            )
            .group_by(col(PlannedMeeting.group_id))
            .having(func.count() >= 3)
            .subquery()
        )
        with_dates = session.execute(select(func.count()).select_from(booked)).scalar_one()
        if with_dates == counts.groups:
            found.add(("kickoff", "first_meetings_booked"))
        found |= _running_evidence(session, cohort_id)
    found |= _survey_evidence(session, cohort_id)
    return found


def _survey_evidence(session: Session, cohort_id: int) -> set[tuple[str, str]]:
    """The surveys of the round with at least one answer (one grouped query)."""
    answered = (
        select(col(SurveyResponse.survey))
        .join(Enrolment, col(Enrolment.id) == SurveyResponse.enrolment_id)
        .where(Enrolment.cohort_id == cohort_id)
        .group_by(col(SurveyResponse.survey))
    )
    return {SURVEY_EVIDENCE[key] for key in session.exec(answered) if key in SURVEY_EVIDENCE}


def _running_evidence(session: Session, cohort_id: int) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    cohort = session.get(Cohort, cohort_id)
    programme = session.get(Programme, cohort.programme_id) if cohort else None
    if programme is None:
        return found
    active = (
        select(func.count())
        .select_from(MatchGroup)
        .where(MatchGroup.cohort_id == cohort_id, col(MatchGroup.ended_on).is_(None))
    )
    dated = (
        select(col(PlannedMeeting.group_id))
        .join(MatchGroup, col(MatchGroup.id) == PlannedMeeting.group_id)
        .where(
            MatchGroup.cohort_id == cohort_id,
            col(MatchGroup.ended_on).is_(None),
            or_(
                col(PlannedMeeting.planned_on).is_not(None),
                col(PlannedMeeting.held_on).is_not(None),
                col(PlannedMeeting.state) == "cancelled",
            ),
        )
        .group_by(col(PlannedMeeting.group_id))
        .having(func.count() >= programme.meetings_per_round)
        .subquery()
    )
    groups = session.execute(active).scalar_one()
    if groups and session.execute(select(func.count()).select_from(dated)).scalar_one() == groups:
        found.add(("running", "meeting_calendar"))
    held = (
        select(col(Gathering.id))
        .join(GatheringGuest, col(GatheringGuest.gathering_id) == Gathering.id)
        .where(
            Gathering.cohort_id == cohort_id,
            col(Gathering.cancelled).is_(False),
            col(GatheringGuest.attended).is_(True),
        )
        .distinct()
        .subquery()
    )
    if session.execute(select(func.count()).select_from(held)).scalar_one() >= 2:
        found.add(("running", "joint_events"))
    return found


def _exists(session: Session, query: object) -> bool:
    return session.exec(query.limit(1)).first() is not None  # type: ignore[attr-defined]
