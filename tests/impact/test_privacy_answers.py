"""Answers and outcomes belong to the person: their export lists them, erasure removes them,
and the impact report after an erasure is the report of a round where they never answered."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import func, select

from mentorapp import i18n
from mentorapp.domain.models import Enrolment, Outcome, SurveyAnswer, SurveyResponse, SurveySent
from mentorapp.people.privacy import PrivacyService
from mentorapp.workspace.services import Services
from tests.impact.people_helpers import END, START, T0, T1, make_round

FREE_TEXT = "Min mentor på Trelleborgs hamn öppnade dörren"
T2 = {"status": "job", "in_field": "yes", "found_through": "mentor", "comment": FREE_TEXT}
TODAY = date(2026, 12, 1)


def fill(services: Services, amal_answers: bool) -> None:
    """The round; Bashir and Chen answer; Amal answers everything and tells of a job."""
    round_ = make_round(services)
    ids = round_.ids
    services.owed.mark_sent([ids["Bashir"], ids["Chen"]], "t1", on=END)
    services.surveys.save(ids["Bashir"], "t1", {**T1, "status": "seeking", "in_field": ""}, END)
    services.surveys.save(ids["Chen"], "t0", T0, START)
    services.surveys.save(ids["Mira"], "mentor_end", {"diversity_insight": "5"}, END)
    if amal_answers:
        amal = ids["Amal"]
        services.owed.mark_sent([amal], "t1", on=END)
        services.surveys.save(amal, "t0", T0, START)
        services.surveys.save(amal, "t1", T1, END)
        services.surveys.save(amal, "t2", T2, date(2026, 11, 20))
        services.outcomes.record(amal, "job", date(2026, 9, 1), "yes", "yes", "Hamnen", TODAY)


def amal_of(services: Services) -> int:
    return PrivacyService(services.database).find("amal@example.org")


def test_the_export_lists_answers_surveys_sent_and_outcomes(services, tmp_path: Path) -> None:
    fill(services, amal_answers=True)
    privacy = PrivacyService(services.database)
    data = privacy.person_data(amal_of(services))
    (enrolment,) = data["enrolments"]
    surveys = {r["survey"]: r for r in enrolment["surveys"]}
    assert set(surveys) == {"t0", "t1", "t2"}
    assert surveys["t1"]["answered_on"] == END.isoformat()
    assert {"item": "status", "value": "job"} in surveys["t1"]["answers"]
    assert {"item": "comment", "value": FREE_TEXT} in surveys["t2"]["answers"]
    assert enrolment["surveys_sent"] == [
        {"survey": "t1", "sent_on": END.isoformat(), "way": "handed"}
    ]
    (outcome,) = enrolment["outcomes"]
    assert outcome == {
        "kind": "job",
        "started_on": "2026-09-01",
        "in_field": "yes",
        "through_programme": "yes",
        "note": "Hamnen",
        "recorded_on": TODAY.isoformat(),
    }
    i18n.set_language("sv")
    json_path, text_path = privacy.export_person(amal_of(services), tmp_path / "ut")
    assert json.loads(json_path.read_text("utf-8"))["enrolments"][0]["outcomes"] == [outcome]
    text = text_path.read_text("utf-8")
    assert "Enkätsvar" in text and "Utfall" in text and FREE_TEXT in text
    assert "jobb, inom det egna området, via programmet — Hamnen" in text


def rows_of(services: Services, enrolment_id: int) -> dict[str, int]:
    with services.database.reading() as session:
        responses = select(SurveyResponse.id).where(SurveyResponse.enrolment_id == enrolment_id)
        return {
            "responses": session.exec(
                select(func.count())
                .select_from(SurveyResponse)
                .where(SurveyResponse.enrolment_id == enrolment_id)
            ).one(),
            "answers": session.exec(
                select(func.count())
                .select_from(SurveyAnswer)
                .where(SurveyAnswer.response_id.in_(responses))  # type: ignore[attr-defined]
            ).one(),
            "sent": session.exec(
                select(func.count())
                .select_from(SurveySent)
                .where(SurveySent.enrolment_id == enrolment_id)
            ).one(),
            "outcomes": session.exec(
                select(func.count())
                .select_from(Outcome)
                .where(Outcome.enrolment_id == enrolment_id)
            ).one(),
        }


def report_numbers(services: Services) -> dict:
    cohort = services.programmes.round_named("Vår 2026")
    data = services.impact.report(cohort.id, "en").as_json()
    return {"adepts": data["adepts"], "surveys": data["surveys"], "measures": data["measures"]}


def test_erasure_removes_the_answers_and_the_report_stays_consistent(
    services, tmp_path: Path
) -> None:
    fill(services, amal_answers=True)
    person = amal_of(services)
    with services.database.reading() as session:
        (enrolment_id,) = session.exec(
            select(Enrolment.id).where(Enrolment.person_id == person)
        ).all()
    assert rows_of(services, enrolment_id) == {
        "responses": 3,
        "answers": 19,  # 5 at T0, 10 at T1 (one blank), 4 at T2
        "sent": 1,
        "outcomes": 1,
    }
    before = report_numbers(services)
    PrivacyService(services.database).erase_person(person)
    assert rows_of(services, enrolment_id) == {
        "responses": 0,
        "answers": 0,
        "sent": 0,
        "outcomes": 0,
    }
    after = report_numbers(services)
    with Services.opened(tmp_path / "never-answered.db") as other:
        fill(other, amal_answers=False)
        never = report_numbers(other)
    assert after == never  # the stub still counts as an adept who did not answer
    assert after != before and after["adepts"] == before["adepts"] == 4
    job = next(m for m in after["measures"] if m["key"] == "job_or_internship")
    assert (job["count"], job["answered"], job["of"]) == (0, 1, 4)
    services.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("programme.db*") if p.is_file())
    assert FREE_TEXT.encode() not in raw


def test_an_erased_person_is_asked_nothing_and_nothing_is_stored_for_them(services) -> None:
    from mentorapp.dataio.survey_csv import import_answers
    from mentorapp.domain.models import Programme
    from mentorapp.errors import ValidationError
    from mentorapp.impact.codes import survey_code

    fill(services, amal_answers=False)
    cohort = services.programmes.round_named("Vår 2026")
    person = amal_of(services)
    with services.database.reading() as session:
        (amal,) = session.exec(select(Enrolment.id).where(Enrolment.person_id == person)).all()
        secret = session.exec(select(Programme.calendar_id)).one()
    PrivacyService(services.database).erase_person(person)
    for survey in ("t0", "t1", "t2"):
        assert amal not in {p.enrolment_id for p in services.surveys.people(cohort.id, survey)}
        status = services.owed.status(cohort.id, survey)
        assert amal not in {p.enrolment_id for p in status.missing}
    assert amal not in {p.enrolment_id for p in services.outcomes.adepts(cohort.id)}
    with pytest.raises(ValidationError) as caught:
        services.surveys.save(amal, "t2", T2, date(2026, 11, 20))
    assert "erased" in caught.value.user_message()
    with pytest.raises(ValidationError) as caught:
        services.outcomes.record(amal, "job", date(2026, 9, 1), today=TODAY)
    assert "erased" in caught.value.user_message()
    late_form = f"code,comment\n{survey_code(secret, amal)},{FREE_TEXT}\n".encode()
    report = import_answers(services.database, cohort.id, "t2", late_form)
    assert report.problems and not report.written
    assert rows_of(services, amal) == {"responses": 0, "answers": 0, "sent": 0, "outcomes": 0}
    assert report_numbers(services)["adepts"] == 4  # the base keeps the stub, as not answering
