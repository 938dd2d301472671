"""The impact report of a round: read its answers and outcomes, count, compare, annotate.

Everything is read in a handful of plain-column selects (the people, the responses, their
answers, the outcomes, the programme's reference figures and goals) and counted in plain
Python by ``impact.measures``: a round of 1,000 adepts with every survey answered is a few
tens of thousands of rows, read in well under a second.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import delete
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import (
    Cohort,
    Enrolment,
    Outcome,
    PlanGoal,
    Programme,
    ReferenceFigure,
    SurveyAnswer,
    SurveyResponse,
)
from mentorapp.errors import ValidationError
from mentorapp.i18n import LANGUAGES, N_, speaking
from mentorapp.impact.measures import (
    REPORTED_SURVEYS,
    OutcomeData,
    ResponseData,
    RoundMeasures,
    compute_measures,
    measure_keys,
)
from mentorapp.impact.population import round_people
from mentorapp.impact.report_model import (
    IN_OWN_FIELD,
    JOB_OR_INTERNSHIP,
    NEW_CONTACT,
    Comparison,
    ImpactReport,
    Measure,
    Reference,
)
from mentorapp.impact.statistics import newcombe_difference
from mentorapp.impact.survey_model import SurveyContent
from mentorapp.programme.programmes import RoundNotFound

SOURCE_LIMIT = 200
# The programme plan's outcomes (planning/goals.py) that a measure of the report follows up.
GOAL_MEASURES = {
    "job_or_internship_6m": JOB_OR_INTERNSHIP,
    "in_field": IN_OWN_FIELD,
    "new_contacts": NEW_CONTACT,
    "mentor_again": "mentor_end.mentor_again",
}

ContentLoader = Callable[[str], SurveyContent]


@dataclass(frozen=True)
class ReferenceRow:
    id: int
    measure: str
    share: float  # 0–1
    source: str


def _built_in_content(language: str) -> SurveyContent:
    from mentorapp.impact.survey_content import load_content

    return load_content(language)


class ImpactService:
    def __init__(self, database: Database, content: ContentLoader | None = None) -> None:
        self._db = database
        self._content = content or _built_in_content

    # -- the report --------------------------------------------------------------------------

    def report(
        self, cohort_id: int, language: str, compare_with: int | None = None
    ) -> ImpactReport:
        """The round's report in ``language``; with ``compare_with`` another round beside it
        and the difference of every measure both rounds have."""
        if language not in LANGUAGES:
            raise ValidationError(
                N_("“{language}” is not one of Mentorapp's languages."),
                "language",
                language=language[:20],
            )
        content = self._content(language)
        with self._db.reading() as session, speaking(language):
            report = _round_report(session, cohort_id, language, content)
            if compare_with is None or compare_with == cohort_id:
                return report
            other = _round_report(session, compare_with, language, content)
        return replace(report, other=other, comparisons=_compare(report, other))

    # -- reference figures -------------------------------------------------------------------

    def references(self, programme_id: int) -> list[ReferenceRow]:
        with self._db.reading() as session:
            return _references(session, programme_id)

    def save_reference(self, programme_id: int, measure: str, share: float, source: str) -> int:
        """Store a published figure for ``measure`` (a share 0–1, with its source); it
        replaces the programme's earlier figure for the same measure."""
        measure = measure.strip()
        source = " ".join(source.split())
        if measure not in measure_keys(self._content("en")):
            raise ValidationError(
                N_("“{measure}” is not a measure of the impact report."),
                "measure",
                measure=measure[:60],
            )
        if (
            isinstance(share, bool)
            or not isinstance(share, int | float)
            or math.isnan(share)
            or not 0 <= share <= 1
        ):
            raise ValidationError(
                N_("A reference figure is a share from 0 to 1 (0.44 for 44 %), not “{share}”."),
                "share",
                share=str(share)[:20],
            )
        if not source:
            raise ValidationError(
                N_("Say where the reference figure comes from: who published it, and when."),
                "source",
            )
        if len(source) > SOURCE_LIMIT:
            raise ValidationError(
                N_("The source may be at most {limit} characters long."),
                "source",
                limit=SOURCE_LIMIT,
            )
        with self._db.transaction() as session:
            if session.get(Programme, programme_id) is None:
                raise ValidationError(N_("This programme no longer exists."), "programme")
            existing = session.exec(
                select(ReferenceFigure).where(
                    col(ReferenceFigure.programme_id) == programme_id,
                    col(ReferenceFigure.measure) == measure,
                )
            ).first()
            figure = existing or ReferenceFigure(
                programme_id=programme_id, measure=measure, share=0.0, source=""
            )
            figure.share = float(share)
            figure.source = source
            session.add(figure)
            session.flush()
            assert figure.id is not None
            return figure.id

    def delete_reference(self, reference_id: int) -> None:
        with self._db.transaction() as session:
            session.exec(delete(ReferenceFigure).where(col(ReferenceFigure.id) == reference_id))


# -- reading and counting ----------------------------------------------------------------------


def _round_report(
    session: Session, cohort_id: int, language: str, content: SurveyContent
) -> ImpactReport:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise RoundNotFound(N_("This round no longer exists."), "cohort")
    programme = session.get(Programme, cohort.programme_id)
    people = round_people(session, cohort_id)
    counted = _count(session, cohort, people.adepts, people.mentors, content)
    figures = _references(session, cohort.programme_id)
    references = {r.measure: Reference(r.share, r.source) for r in figures}
    targets = _targets(session, cohort.programme_id)
    measures = tuple(
        replace(m, reference=references.get(m.key), target=targets.get(m.key))
        if m.key in references or m.key in targets
        else m
        for m in counted.measures
    )
    return ImpactReport(
        cohort_id=cohort_id,
        cohort=cohort.name,
        programme=programme.name if programme else "",
        language=language,
        adepts=len(people.adepts),
        mentors=len(people.mentors),
        surveys=counted.surveys,
        measures=measures,
    )


def _count(
    session: Session,
    cohort: Cohort,
    adepts: frozenset[int],
    mentors: frozenset[int],
    content: SurveyContent,
) -> RoundMeasures:
    cohort_id = cohort.id
    of_round = select(Enrolment.id).where(col(Enrolment.cohort_id) == cohort_id)
    rows = session.exec(
        select(
            col(SurveyResponse.id),
            col(SurveyResponse.enrolment_id),
            col(SurveyResponse.survey),
            col(SurveyResponse.answered_on),
        ).where(
            col(SurveyResponse.enrolment_id).in_(of_round),
            col(SurveyResponse.survey).in_(REPORTED_SURVEYS),
        )
    ).all()
    response_ids = select(SurveyResponse.id).where(
        col(SurveyResponse.enrolment_id).in_(of_round),
        col(SurveyResponse.survey).in_(REPORTED_SURVEYS),
    )
    values: dict[int, dict[str, str]] = {}
    for response_id, item, value in session.exec(
        select(SurveyAnswer.response_id, SurveyAnswer.item, SurveyAnswer.value).where(
            col(SurveyAnswer.response_id).in_(response_ids)
        )
    ):
        values.setdefault(response_id, {})[item] = value
    responses = [
        ResponseData(enrolment_id, survey, answered_on, values.get(response_id, {}))
        for response_id, enrolment_id, survey, answered_on in rows
        if response_id is not None and enrolment_id is not None
    ]
    outcomes = [
        OutcomeData(enrolment_id, kind, started_on, in_field)
        for enrolment_id, kind, started_on, in_field in session.exec(
            select(
                col(Outcome.enrolment_id),
                col(Outcome.kind),
                col(Outcome.started_on),
                col(Outcome.in_field),
            ).where(col(Outcome.enrolment_id).in_(of_round))
        )
    ]
    return compute_measures(adepts, mentors, responses, outcomes, content, cohort.start)


def _references(session: Session, programme_id: int) -> list[ReferenceRow]:
    figures = session.exec(
        select(ReferenceFigure)
        .where(col(ReferenceFigure.programme_id) == programme_id)
        .order_by(col(ReferenceFigure.measure), col(ReferenceFigure.id))
    ).all()
    return [ReferenceRow(f.id or 0, f.measure, f.share, f.source) for f in figures]


def _targets(session: Session, programme_id: int) -> dict[str, float]:
    """The plan's percentage goals per measure they follow up (the first goal wins)."""
    found: dict[str, float] = {}
    for measure, target, unit in session.exec(
        select(PlanGoal.measure, PlanGoal.target, PlanGoal.unit)
        .where(col(PlanGoal.programme_id) == programme_id)
        .order_by(col(PlanGoal.position), col(PlanGoal.id))
    ):
        key = GOAL_MEASURES.get(measure)
        if key and target is not None and unit == "percent" and 0 <= target <= 100:
            found.setdefault(key, target / 100)
    return found


def _compare(report: ImpactReport, other: ImpactReport) -> tuple[Comparison, ...]:
    """Every measure both rounds have: this round's share minus the other's."""
    theirs = {m.key: m for m in other.measures}
    return tuple(
        _comparison(mine, theirs[mine.key]) for mine in report.measures if mine.key in theirs
    )


def _comparison(this: Measure, other: Measure) -> Comparison:
    difference = (
        this.share - other.share if this.share is not None and other.share is not None else None
    )
    return Comparison(
        key=this.key,
        label=this.label,
        this=this,
        other=other,
        difference=difference,
        ci95=newcombe_difference(this.count, this.answered, other.count, other.answered),
    )
