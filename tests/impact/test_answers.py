"""Survey answers: who a survey is for, storing checked answers, and all-or-nothing imports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from mentorapp.domain.models import Organisation, Programme, SurveyAnswer, SurveyResponse
from mentorapp.errors import ValidationError
from mentorapp.i18n import speaking
from mentorapp.impact.answers import ResponseRecord, SaveSummary
from mentorapp.impact.codes import read_code, survey_code
from tests.impact.people_helpers import END, START, T0, T1, make_round


def counts(services) -> tuple[int, int]:
    with services.database.reading() as session:
        responses = session.exec(select(func.count()).select_from(SurveyResponse)).one()
        answers = session.exec(select(func.count()).select_from(SurveyAnswer)).one()
    return responses, answers


def test_a_survey_is_for_the_round_people_of_its_audience(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    adepts = services.surveys.people(round_.cohort_id, "t1")
    assert [p.first_name for p in adepts] == ["Amal", "Bashir", "Chen", "Dina"]  # by name
    mentors = services.surveys.people(round_.cohort_id, "mentor_end")
    assert {p.enrolment_id for p in mentors} == {ids["Mira"], ids["Mats"]}
    by_name = {p.first_name: p for p in adepts}
    assert by_name["Amal"].language == "sv" and by_name["Chen"].language == "en"
    assert by_name["Dina"].language == "en"  # left the English-speaking group, still asked
    assert by_name["Amal"].role == "adept" and by_name["Amal"].email == "amal@example.org"
    assert by_name["Amal"].name == "Amal Testsson"
    with services.database.reading() as session:
        secret = session.exec(select(Programme.calendar_id)).one()
    code = by_name["Bashir"].code
    assert code == survey_code(secret, ids["Bashir"]) and read_code(secret, code) == ids["Bashir"]
    assert all(p.answered_on is None and p.sent_on is None and p.sent_way == "" for p in adepts)


def test_answers_are_stored_normalised_and_blank_ones_dropped(services) -> None:
    round_ = make_round(services)
    amal = round_.ids["Amal"]
    assert services.surveys.answers(amal, "t1") is None
    services.surveys.save(amal, "t1", T1, END)
    stored = services.surveys.answers(amal, "t1")
    assert stored is not None
    assert stored["present_competence"] == "5" and stored["new_contact"] == "yes"
    assert stored["most_valuable"] == "Att få öva på intervjuer."
    assert "improve" not in stored  # left blank: no row
    assert len(stored) == len(T1) - 1
    person = next(
        p for p in services.surveys.people(round_.cohort_id, "t1") if p.enrolment_id == amal
    )
    assert person.answered_on == END


def test_saving_again_replaces_the_whole_response(services) -> None:
    round_ = make_round(services)
    amal = round_.ids["Amal"]
    first = services.surveys.save(amal, "t0", T0, START)
    second = services.surveys.save(amal, "t0", {"contacts": "none"}, START + timedelta(days=1))
    assert first == second
    assert services.surveys.answers(amal, "t0") == {"contacts": "none"}
    assert counts(services) == (1, 1)
    assert services.surveys.answered_on(amal, "t0") == START + timedelta(days=1)


@pytest.mark.parametrize(
    ("who", "survey", "values", "day", "field"),
    [
        ("Amal", "t0", {"no_such_item": "3"}, START, "item"),
        ("Amal", "t0", {"understand_recruitment": "6"}, START, "understand_recruitment"),
        ("Amal", "t1", {"recommend": "11"}, END, "recommend"),
        ("Amal", "t1", {"status": "retired"}, END, "status"),
        ("Amal", "t0", {"understand_recruitment": "", "contacts": "  "}, START, "values"),
        ("Mira", "t0", T0, START, "enrolment"),  # an adept survey for a mentor
        ("Amal", "mentor_end", {"hours": "10"}, END, "enrolment"),
        ("Elif", "t0", T0, START, "enrolment"),  # on the waiting list: never took part
        ("Amal", "t0", T0, date.today() + timedelta(days=1), "answered_on"),
        ("Amal", "t0", T0, date(2023, 1, 1), "answered_on"),
        ("Amal", "partner", {"made_changes": "yes"}, END, "survey"),
        ("Amal", "t9", T0, START, "survey"),
    ],
)
def test_a_bad_answer_is_refused_by_name_and_nothing_is_written(
    services, who: str, survey: str, values: dict, day: date, field: str
) -> None:
    round_ = make_round(services)
    with pytest.raises(ValidationError) as caught:
        services.surveys.save(round_.ids[who], survey, values, day)
    assert caught.value.field == field
    assert caught.value.user_message()
    assert counts(services) == (0, 0)


def test_a_refusal_names_the_item_and_what_is_allowed_in_swedish_too(services) -> None:
    round_ = make_round(services)
    with speaking("sv"), pytest.raises(ValidationError) as caught:
        services.surveys.save(round_.ids["Amal"], "t0", {"contacts": "många"}, START)
    message = caught.value.user_message()
    assert "contacts" in message and "over_10" in message


def test_a_person_of_another_round_cannot_answer_in_this_one(services) -> None:
    first = make_round(services)
    second = make_round(services, "Höst 2026", suffix="2")
    record = ResponseRecord(first.ids["Amal"], T0, START)
    with pytest.raises(ValidationError):
        services.surveys.save_many(second.cohort_id, "t0", [record])
    assert counts(services) == (0, 0)


def test_save_many_is_all_or_nothing(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    good = ResponseRecord(ids["Amal"], T0, START)
    bad = ResponseRecord(ids["Bashir"], {"contacts": "lots"}, START)
    with pytest.raises(ValidationError):
        services.surveys.save_many(round_.cohort_id, "t0", [good, bad])
    assert counts(services) == (0, 0)
    late = ResponseRecord(ids["Bashir"], T0, date.today() + timedelta(days=3))
    with pytest.raises(ValidationError):
        services.surveys.save_many(round_.cohort_id, "t0", [good, late])
    twice = [good, ResponseRecord(ids["Amal"], {"contacts": "none"}, START)]
    with pytest.raises(ValidationError):
        services.surveys.save_many(round_.cohort_id, "t0", twice)
    assert counts(services) == (0, 0)


def test_a_dry_run_tells_what_would_happen_and_writes_nothing(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    records = [ResponseRecord(ids[n], T0, START, "import") for n in ("Amal", "Bashir", "Chen")]
    summary = services.surveys.save_many(round_.cohort_id, "t0", records, dry_run=True)
    assert summary == SaveSummary(added=3, replaced=0, unchanged=0)
    assert counts(services) == (0, 0)
    assert services.surveys.save_many(round_.cohort_id, "t0", records) == summary
    assert counts(services) == (3, 3 * len(T0))


def test_an_import_again_leaves_the_same_answers_and_replaces_only_when_asked(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    records = [ResponseRecord(ids[n], T0, START) for n in ("Amal", "Bashir")]
    services.surveys.save_many(round_.cohort_id, "t0", records)
    again = services.surveys.save_many(round_.cohort_id, "t0", records)
    assert again == SaveSummary(added=0, replaced=0, unchanged=2)
    changed = [
        ResponseRecord(ids["Amal"], {**T0, "contacts": "6_10"}, START),
        ResponseRecord(ids["Chen"], T0, START),
    ]
    with pytest.raises(ValidationError) as caught:
        services.surveys.save_many(round_.cohort_id, "t0", changed)
    assert "Amal Testsson" in caught.value.user_message()
    assert services.surveys.answers(ids["Chen"], "t0") is None  # nothing was saved
    summary = services.surveys.save_many(round_.cohort_id, "t0", changed, replace=True)
    assert summary == SaveSummary(added=1, replaced=1, unchanged=0)
    assert services.surveys.answers(ids["Amal"], "t0")["contacts"] == "6_10"


def test_deleting_a_response_removes_its_answers(services) -> None:
    round_ = make_round(services)
    amal = round_.ids["Amal"]
    services.surveys.save(amal, "t1", T1, END)
    services.surveys.delete(amal, "t1")
    assert services.surveys.answers(amal, "t1") is None
    assert counts(services) == (0, 0)
    services.surveys.delete(amal, "t1")  # nothing there: nothing happens


def test_the_table_has_everyone_who_answered_with_their_answers(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    services.surveys.save(ids["Chen"], "t1", T1, END)
    services.surveys.save(ids["Amal"], "t1", {"status": "seeking"}, END)
    table = services.surveys.table(round_.cohort_id, "t1")
    assert [(p.first_name, values.get("status")) for p, values in table] == [
        ("Amal", "seeking"),
        ("Chen", "job"),
    ]
    assert table[1][1]["in_field"] == "partly"


def test_a_partner_organisation_answers_once_a_year(services) -> None:
    round_ = make_round(services)
    with services.database.transaction() as session:
        session.add_all(
            [
                Organisation(programme_id=round_.programme_id, name="Region Skåne"),
                Organisation(programme_id=round_.programme_id, name="Akademiska Hus"),
            ]
        )
    listed = services.surveys.partner_organisations(round_.programme_id)
    assert [name for _id, name, _day in listed] == ["Akademiska Hus", "Region Skåne"]
    region = next(i for i, name, _day in listed if name == "Region Skåne")
    values = {"ambassadors": "4", "made_changes": "Yes", "changes_described": "Nya annonser."}
    first = services.surveys.save_partner(region, values, date(2025, 11, 3))
    assert services.surveys.save_partner(region, {"ambassadors": "5"}, date(2025, 12, 1)) == first
    later = services.surveys.save_partner(region, values, date(2026, 11, 2))
    assert later != first  # another year's answers are kept beside the first
    assert services.surveys.partner_answers(region) == {
        "ambassadors": "4",
        "made_changes": "yes",
        "changes_described": "Nya annonser.",
    }
    days = {
        name: day for _id, name, day in services.surveys.partner_organisations(round_.programme_id)
    }
    assert days == {"Akademiska Hus": None, "Region Skåne": date(2026, 11, 2)}
    with pytest.raises(ValidationError):
        services.surveys.save_partner(region, {"ambassadors": "7"}, date(2026, 11, 2))
    with pytest.raises(ValidationError):
        services.surveys.save_partner(99999, values, date(2026, 11, 2))


def test_an_accepted_adept_never_placed_answers_only_the_kick_off_survey(services) -> None:
    from tests.impact.people_helpers import enrol

    round_ = make_round(services)
    with services.database.transaction() as session:
        farah = enrol(session, round_.cohort_id, "Farah", "adept", "accepted")
    services.surveys.save(farah, "t0", T0, START)  # handed out at the kick-off
    for survey, values, day in (("t1", T1, END), ("t2", {"status": "job"}, END)):
        with pytest.raises(ValidationError) as caught:
            services.surveys.save(farah, survey, values, day)
        assert "did not take part" in caught.value.user_message()
    with pytest.raises(ValidationError) as caught:
        services.outcomes.record(farah, "job", END, today=END + timedelta(days=1))
    assert caught.value.field == "adept"
    report = services.impact.report(round_.cohort_id, "en")
    assert report.adepts == 4  # a kick-off answer alone does not put her in the base
    assert farah not in {p.enrolment_id for p in services.surveys.people(round_.cohort_id, "t1")}
