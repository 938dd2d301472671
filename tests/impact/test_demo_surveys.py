"""The demo's surveys: the finished round has every survey answered by some but not all, with
values the survey content allows and a believable story; the running round has its start
answers; the checklist shows the surveys as done."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import col, select

from mentorapp.demo.writer import write_demo
from mentorapp.domain.models import (
    Enrolment,
    Outcome,
    SurveyAnswer,
    SurveyResponse,
    SurveySent,
)
from mentorapp.guide.checklist import Scope
from mentorapp.impact.survey_content import load_content
from mentorapp.impact.survey_values import check_value
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names

FINISHED, RUNNING = demo_round_names()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Services.opened(path) as services:
        write_demo(services.database)
        yield services


def cohort_id(services: Services, name: str) -> int:
    cohort = services.programmes.round_named(name)
    assert cohort.id is not None
    return cohort.id


def answers(services: Services, cohort: int, survey: str) -> dict[int, dict[str, str]]:
    return {p.enrolment_id: values for p, values in services.surveys.table(cohort, survey)}


def test_every_survey_of_the_finished_round_is_answered_by_some_but_not_all(demo) -> None:
    finished = cohort_id(demo, FINISHED)
    rates = {}
    for survey in ("t0", "t1", "t2", "mentor_end"):
        status = demo.owed.status(finished, survey)
        assert 0 < status.answered < len(status.people), survey
        assert status.sent == len(status.people)  # handed out or mailed to everyone
        rates[survey] = status.rate
    assert rates["t0"] > rates["t1"] > rates["t2"]  # fewer answer as time goes by
    assert 0.8 <= rates["t0"] <= 0.95 and 0.5 <= rates["t2"] <= 0.6
    programme = demo.programmes.programme()
    partners = demo.surveys.partner_organisations(programme.id)
    answered = [day for _id, _name, day in partners if day is not None]
    assert len(answered) == 2 < len(partners)


def test_every_demo_answer_is_a_value_the_content_allows(demo) -> None:
    content = load_content("sv")
    with demo.database.reading() as session:
        rows = session.exec(
            select(SurveyResponse.survey, SurveyAnswer.item, SurveyAnswer.value).join(
                SurveyAnswer, col(SurveyAnswer.response_id) == SurveyResponse.id
            )
        ).all()
    assert len(rows) > 500
    for survey, key, value in rows:
        item = content.survey(survey).item(key)
        assert item is not None, (survey, key)
        assert check_value(item, value) == value, (survey, key, value)


def test_the_finished_round_tells_a_believable_story(demo) -> None:
    finished = cohort_id(demo, FINISHED)
    t0, t1 = answers(demo, finished, "t0"), answers(demo, finished, "t1")
    paired = [e for e in t1 if e in t0 and t0[e]["confident_search"] != "dont_know"]
    paired = [e for e in paired if t1[e]["confident_search"] != "dont_know"]
    higher = [e for e in paired if int(t1[e]["confident_search"]) > int(t0[e]["confident_search"])]
    assert len(higher) > len(paired) / 2
    status = Counter(values["status"] for values in t1.values())
    assert 0.25 <= status["job"] / len(t1) <= 0.45 and status["internship"] >= 1
    assert status["seeking"] > status["job"]
    fields = Counter(v["in_field"] for v in t1.values() if "in_field" in v)
    assert fields["yes"] > fields["partly"] >= 1
    contact = Counter(values["new_contact"] for values in t1.values())
    assert 0.7 <= contact["yes"] / len(t1) <= 0.9


def test_three_outcomes_one_for_an_adept_who_answered_nothing(demo) -> None:
    finished = cohort_id(demo, FINISHED)
    rows = demo.outcomes.for_round(finished)
    assert len(rows) == 3
    answered = set()
    for survey in ("t0", "t1", "t2"):
        answered |= set(answers(demo, finished, survey))
    assert len([r for r in rows if r.enrolment_id not in answered]) == 1
    with demo.database.reading() as session:
        assert len(session.exec(select(Outcome)).all()) == 3  # none in the running round


def test_the_running_round_has_its_start_answers_only(demo) -> None:
    running = cohort_id(demo, RUNNING)
    status = demo.owed.status(running, "t0")
    assert 0.75 <= status.rate < 1
    for survey in ("t1", "t2", "mentor_end"):
        assert demo.owed.status(running, survey).answered == 0
    with demo.database.reading() as session:
        ways = Counter(
            session.exec(
                select(SurveySent.way)
                .join(Enrolment, col(Enrolment.id) == SurveySent.enrolment_id)
                .where(col(Enrolment.cohort_id) == running)
            ).all()
        )
    assert ways == {"handed": len(status.people)}


def test_the_checklist_shows_the_surveys_done_where_answers_are_in(demo) -> None:
    programme = demo.programmes.programme()
    evidence = {
        name: set(demo.standing.evidence(Scope(programme.id, cohort_id(demo, name))))
        for name in (FINISHED, RUNNING)
    }
    surveys = {
        ("kickoff", "baseline_survey"),
        ("closing", "end_survey"),
        ("evaluation", "six_month_followup"),
    }
    assert surveys <= evidence[FINISHED]
    assert evidence[RUNNING] & surveys == {("kickoff", "baseline_survey")}


def test_the_demo_answers_are_the_same_every_time(demo, tmp_path: Path) -> None:
    def fingerprint(services: Services) -> list[tuple]:
        with services.database.reading() as session:
            return sorted(
                session.exec(
                    select(SurveyResponse.enrolment_id, SurveyAnswer.item, SurveyAnswer.value).join(
                        SurveyAnswer, col(SurveyAnswer.response_id) == SurveyResponse.id
                    )
                ).all(),
                key=repr,
            )

    with Services.opened(tmp_path / "again.db") as again:
        write_demo(again.database)
        assert fingerprint(again) == fingerprint(demo)
