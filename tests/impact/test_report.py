"""The impact report through the real service on a file: its numbers, the comparison of two
rounds, reference figures and the plan's goals, in a few selects."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import event, func
from sqlmodel import select

from mentorapp.domain.models import PlanGoal, ReferenceFigure
from mentorapp.errors import ValidationError
from mentorapp.impact.statistics import newcombe_difference, wilson
from mentorapp.impact.survey_content import load_content
from mentorapp.programme.programmes import CohortDraft, RoundNotFound

from .report_data import answer, enrol, fill_round


@pytest.fixture
def filled(services, cohort):
    other = services.programmes.save_cohort(
        cohort.programme_id,
        CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 15), date(2027, 8, 1)),
    )
    with services.database.transaction() as session:
        ids = fill_round(session, cohort.id)
        # Someone of another round answered: never counted here.
        stranger = enrol(session, other.id, "Stina", "adept")
        answer(session, stranger, "t1", date(2027, 12, 10), status="job", new_contact="yes")
    return ids, other


def _numbers(report, key):
    measure = report.measure(key)
    assert measure is not None, key
    return measure.count, measure.answered, measure.population


def test_the_report_counts_the_round(services, cohort, filled) -> None:
    report = services.impact.report(cohort.id, "en")
    assert (report.cohort, report.programme) == ("Vår 2027", "Mentorskap 2027")
    assert (report.adepts, report.mentors) == (5, 2)
    rates = {r.survey: (r.answered, r.of) for r in report.surveys}
    assert rates == {"t0": (2, 5), "t1": (2, 5), "t2": (1, 5), "mentor_end": (1, 2)}
    # Amal (T1), Bashir (T2 only), Chen (an outcome, no survey) work; Dina seeks; Elif silent.
    assert _numbers(report, "job_or_internship") == (3, 4, 5)
    assert report.measure("job_or_internship").ci95 == wilson(3, 4)
    assert _numbers(report, "in_own_field") == (1, 2, 3)
    assert _numbers(report, "in_own_field_partly") == (1, 2, 3)
    assert _numbers(report, "new_contact") == (1, 2, 5)
    end = report.measure("t1.confident_search")
    assert (end.count, end.answered) == (1, 2)  # "don't know" answered, not agreeing
    assert (end.change.paired, end.change.before, end.change.after) == (2, 1, 1)
    assert _numbers(report, "mentor_end.shared_ideas") == (1, 1, 2)
    assert _numbers(report, "mentor_end.mentor_again") == (1, 1, 2)


def test_the_report_speaks_its_language_with_the_surveys_wording(services, cohort, filled):
    swedish = services.impact.report(cohort.id, "sv")
    content = load_content("sv")
    item = content.survey("t1").item("confident_search")
    assert swedish.language == "sv"
    assert swedish.measure("t1.confident_search").label == item.text
    assert swedish.measure("job_or_internship").label == "Adepter med jobb eller praktik"
    assert swedish.surveys[0].label == content.survey("t0").short
    english = services.impact.report(cohort.id, "en")
    assert english.measure("job_or_internship").label == "Adepts with a job or an internship"


def test_as_json_has_the_issues_shape(services, cohort, filled) -> None:
    data = services.impact.report(cohort.id, "en").as_json()
    assert data["adepts"] == 5
    assert data["surveys"]["t1"] == {"answered": 2, "of": 5}
    job = data["measures"][0]
    assert job["key"] == "job_or_internship"
    assert (job["count"], job["answered"], job["share"], job["floor"]) == (3, 4, 0.75, 0.6)
    assert job["ci95"] == [round(wilson(3, 4).low, 4), round(wilson(3, 4).high, 4)]


def test_two_rounds_are_compared_measure_by_measure(services, cohort, filled) -> None:
    _ids, other = filled
    with services.database.transaction() as session:
        fill_round(session, other.id, prefix="O")
    report = services.impact.report(cohort.id, "en", compare_with=other.id)
    assert report.other is not None and report.other.cohort == "Höst 2027"
    # The other round: its own five, plus Stina, whose answer shows she took part.
    assert report.other.adepts == 6
    job = next(c for c in report.comparisons if c.key == "job_or_internship")
    assert (job.other.count, job.other.answered) == (4, 5)
    assert job.difference == pytest.approx(3 / 4 - 4 / 5)
    assert job.ci95 == newcombe_difference(3, 4, 4, 5)
    assert not job.tells_apart
    assert {c.key for c in report.comparisons} == {m.key for m in report.measures}
    data = report.as_json()
    assert data["compare"]["cohort"] == "Höst 2027"
    assert data["compare"]["differences"][0]["key"] == "job_or_internship"
    alone = services.impact.report(cohort.id, "en", compare_with=cohort.id)
    assert alone.other is None and alone.comparisons == ()


def test_reference_figures_are_checked_stored_replaced_and_shown(services, cohort, filled):
    impact = services.impact
    programme = cohort.programme_id
    first = impact.save_reference(programme, "job_or_internship", 0.44, "  Annual report  2024 ")
    again = impact.save_reference(programme, "job_or_internship", 0.46, "Annual report 2025")
    impact.save_reference(programme, "t1.confident_search", 0.5, "Survey of 2024")
    assert again == first  # one figure per measure: the new one replaces the old
    rows = impact.references(programme)
    assert [(r.measure, r.share, r.source) for r in rows] == [
        ("job_or_internship", 0.46, "Annual report 2025"),
        ("t1.confident_search", 0.5, "Survey of 2024"),
    ]
    report = impact.report(cohort.id, "en")
    assert report.measure("job_or_internship").reference.share == 0.46
    assert report.measure("new_contact").reference is None
    assert report.as_json()["measures"][0]["reference"]["source"] == "Annual report 2025"
    impact.delete_reference(rows[1].id)
    assert [r.measure for r in impact.references(programme)] == ["job_or_internship"]


@pytest.mark.parametrize(
    ("measure", "share", "source", "field"),
    [
        ("jobs", 0.4, "Report", "measure"),
        ("t1.most_valuable", 0.4, "Report", "measure"),  # free text is not a measure
        ("job_or_internship", 44, "Report", "share"),  # a percentage, not a share
        ("job_or_internship", -0.1, "Report", "share"),
        ("job_or_internship", math.nan, "Report", "share"),
        ("job_or_internship", 0.4, "   ", "source"),
        ("job_or_internship", 0.4, "x" * 201, "source"),
    ],
)
def test_a_bad_reference_figure_is_refused_and_nothing_stored(
    services, cohort, measure, share, source, field
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.impact.save_reference(cohort.programme_id, measure, share, source)
    assert refused.value.field == field
    with services.database.reading() as session:
        assert session.exec(select(func.count()).select_from(ReferenceFigure)).one() == 0


def test_the_plans_goals_are_shown_as_targets(services, cohort, filled) -> None:
    with services.database.transaction() as session:
        session.add_all([
            PlanGoal(programme_id=cohort.programme_id, position=0, target=50,
                     measure="job_or_internship_6m"),
            PlanGoal(programme_id=cohort.programme_id, position=1, target=12, unit="count",
                     measure="new_contacts"),
            PlanGoal(programme_id=cohort.programme_id, position=2, target=70, measure="in_field"),
        ])  # fmt: skip
    report = services.impact.report(cohort.id, "en")
    assert report.measure("job_or_internship").target == 0.5
    assert report.measure("in_own_field").target == pytest.approx(0.7)
    assert report.measure("new_contact").target is None  # a count is not a share
    assert report.as_json()["measures"][0]["target"] == 0.5


def _selects(services, cohort_id: int) -> int:
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", count)
    try:
        services.impact.report(cohort_id, "en")
    finally:
        event.remove(services.database.engine, "before_cursor_execute", count)
    return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))


def test_the_report_reads_in_a_few_selects_whatever_the_rounds_size(services, cohort, filled):
    small = _selects(services, cohort.id)
    with services.database.transaction() as session:
        for number in range(30):
            adept = enrol(session, cohort.id, f"Extra{number}", "adept")
            answer(session, adept, "t1", date(2027, 6, 1), status="job", confident_search="5")
    assert _selects(services, cohort.id) == small <= 15


def test_an_unknown_round_or_language_is_refused(services, cohort) -> None:
    with pytest.raises(RoundNotFound):
        services.impact.report(cohort.id + 100, "en")
    with pytest.raises(ValidationError) as refused:
        services.impact.report(cohort.id, "de")
    assert refused.value.field == "language"
