"""Adding, editing and removing participants: every value is checked before anything is saved."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from mentorapp.domain.models import Organisation, Person
from mentorapp.errors import ValidationError
from mentorapp.people.fields import FieldError
from mentorapp.people.participants import ParticipantError
from mentorapp.programme.programmes import CohortDraft
from mentorapp.workspace.services import Services
from tests.people.conftest import AddParticipant, values


def _all(services: Services, model) -> list:
    with services.database.reading() as session:
        return list(session.exec(select(model)))


def test_create_adds_an_applicant_with_a_first_history_step(services: Services, add) -> None:
    row = add(first_name="  Åsa ", email="Asa.Oberg@Example.SE", industry="j")
    assert (row.first_name, row.email, row.industry) == ("Åsa", "asa.oberg@example.se", "J")
    assert (row.status, row.status_changed_on) == ("applied", date.today())
    assert row.languages == ("sv", "en") and row.confirmed == frozenset()
    steps = services.pipeline.history(row.enrolment_id)
    assert [(s.from_status, s.to_status) for s in steps] == [(None, "applied")]
    assert services.participants.row(row.enrolment_id) == row


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("first_name", "  "),
        ("last_name", ""),
        ("email", ""),
        ("email", "asa@example"),
        ("city", " "),
        ("languages", ()),
        ("languages", ("sv", "de")),
        ("languages", "tyska"),
        ("digital", "kanske"),
        ("years_experience", -1),
        ("years_experience", "många"),
        ("capacity", 2),  # adepts take no adepts
        ("education_field", "99"),
        ("industry", "IT"),
        ("education_field_text", ""),  # with no code either, the field of education is missing
    ],
)
def test_update_checks_each_field(services: Services, add, key: str, value: object) -> None:
    row = add(education_field="")
    with pytest.raises(ParticipantError) as caught:
        services.participants.update(row.enrolment_id, {"phone": "070-174 06 05", key: value})
    assert caught.value.field == key
    assert isinstance(caught.value, FieldError) and isinstance(caught.value, ValidationError)
    assert caught.value.user_message()
    assert services.participants.row(row.enrolment_id) == row  # not even the phone was saved


@pytest.mark.parametrize(("capacity", "ok"), [(0, False), (1, True), (3, True), (4, False)])
def test_mentor_capacity_is_one_to_three(services: Services, add, capacity: int, ok: bool) -> None:
    row = add("mentor")
    if ok:
        assert services.participants.update(row.enrolment_id, {"capacity": capacity}).capacity == (
            capacity
        )
    else:
        with pytest.raises(ParticipantError, match="between 1 and 3"):
            services.participants.update(row.enrolment_id, {"capacity": capacity})


def test_update_saves_typed_and_typed_in_values(services: Services, add) -> None:
    row = add()
    updated = services.participants.update(
        row.enrolment_id,
        {
            "digital": True,
            "languages": "Svenska och engelska",
            "years_experience": "7",
            "industry": "q",
            "education_field": "",
            "job_title": " Läkare ",
            "goal": "Svensk legitimation",
        },
    )
    assert updated.digital and updated.languages == ("sv", "en")
    assert (updated.years_experience, updated.industry, updated.education_field) == (7, "Q", "")
    assert (updated.job_title, updated.goal) == ("Läkare", "Svensk legitimation")
    cleared = services.participants.update(row.enrolment_id, {"years_experience": None})
    assert cleared.years_experience is None and cleared.digital


def test_unknown_keys_are_a_programming_error(services: Services, add) -> None:
    row = add()
    with pytest.raises(ValueError, match="status"):
        services.participants.update(row.enrolment_id, {"status": "accepted"})
    with pytest.raises(TypeError):
        services.participants.update(row.enrolment_id, {"digital": 1.5})


def test_an_email_belongs_to_one_person_whatever_its_case(services: Services, add) -> None:
    first = add(first_name="Şebnem", last_name="Yılmaz", email="sebnem@example.com")
    second = add(email="other@example.com")
    with pytest.raises(ParticipantError) as caught:
        services.participants.update(second.enrolment_id, {"email": " SEBNEM@Example.com "})
    assert caught.value.field == "email"
    message = caught.value.user_message()
    assert "someone else" in message and "Şebnem Yılmaz" in message
    assert services.participants.row(second.enrolment_id).email == "other@example.com"
    # A person may change the case of their own address; it is stored in lower case.
    same = services.participants.update(first.enrolment_id, {"email": "SEBNEM@EXAMPLE.COM"})
    assert same.email == "sebnem@example.com"


def test_employer_is_found_or_created_ignoring_case(services: Services, add) -> None:
    first = add("mentor", employer="Åkerbergs Bygg AB")
    second = add("mentor")
    updated = services.participants.update(second.enrolment_id, {"employer": " ÅKERBERGS bygg ab"})
    assert updated.employer == first.employer == "Åkerbergs Bygg AB"
    assert [o.name for o in _all(services, Organisation)] == ["Åkerbergs Bygg AB"]
    services.participants.update(second.enrolment_id, {"employer": "Kodsmedjan IT-konsult AB"})
    cleared = services.participants.update(first.enrolment_id, {"employer": ""})
    assert cleared.employer == ""
    assert len(_all(services, Organisation)) == 2  # clearing never deletes the organisation


def test_employer_belongs_to_the_rounds_programme(services: Services, cohort, add) -> None:
    from mentorapp.programme.programmes import ProgrammeDraft

    other = services.programmes.save_programme(ProgrammeDraft("Annan förening", "Annat"))
    with services.database.transaction() as session:
        session.add(Organisation(programme_id=other.id, name="Kodsmedjan"))
    add("mentor", employer="kodsmedjan")
    organisations = {(o.programme_id, o.name) for o in _all(services, Organisation)}
    assert organisations == {(other.id, "Kodsmedjan"), (cohort.programme_id, "kodsmedjan")}


def test_create_enrols_a_known_person_into_a_new_round_in_another_role(
    services: Services, cohort, add: AddParticipant
) -> None:
    adept = add(first_name="Łucja", email="lucja@example.com", phone="", job_title="Ekonom")
    autumn = services.programmes.save_cohort(
        cohort.programme_id, CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 20))
    )
    mentor = services.participants.create(
        autumn.id,
        "mentor",
        values(
            first_name="Lucja",
            email="LUCJA@example.com",
            phone="070-174 06 07",
            job_title="VD",
            capacity=2,
        ),
    )
    assert mentor.person_id == adept.person_id and mentor.enrolment_id != adept.enrolment_id
    assert (mentor.role, mentor.cohort_id, mentor.capacity) == ("mentor", autumn.id, 2)
    # What is stored about the person is kept; only what was missing is filled in.
    kept = (mentor.first_name, mentor.job_title, mentor.phone)
    assert kept == ("Łucja", "Ekonom", "070-174 06 07")
    assert len(_all(services, Person)) == 1
    with pytest.raises(ParticipantError, match="already a mentor in this round") as caught:
        services.participants.create(autumn.id, "mentor", values(email="lucja@example.com"))
    assert caught.value.field == "email"
    with pytest.raises(ParticipantError, match="already an adept in this round"):
        services.participants.create(cohort.id, "adept", values(email="lucja@example.com"))


def test_create_needs_the_required_values(services: Services, cohort) -> None:
    for key in ("first_name", "email", "city", "languages"):
        incomplete = values()
        del incomplete[key]
        with pytest.raises(ParticipantError) as caught:
            services.participants.create(cohort.id, "adept", incomplete)
        assert caught.value.field == key
    with pytest.raises(ParticipantError) as caught:
        services.participants.create(cohort.id, "adept", values(industry="", industry_text=""))
    assert caught.value.field == "industry_text"
    without = {k: v for k, v in values().items() if not k.startswith("education_field")}
    with pytest.raises(ParticipantError) as caught:
        services.participants.create(cohort.id, "adept", without)
    assert caught.value.field == "education_field_text"
    assert _all(services, Person) == []


def test_create_in_a_missing_round_is_refused(services: Services, cohort) -> None:
    with pytest.raises(ValidationError, match="no longer exists"):
        services.participants.create(cohort.id + 1, "adept", values())
    assert _all(services, Person) == []


def test_counts_per_role_and_status(services: Services, cohort, add) -> None:
    assert services.participants.counts(cohort.id)["mentor"]["applied"] == 0
    adepts = [add() for _ in range(3)]
    add("mentor")
    services.pipeline.change_status([adepts[0].enrolment_id], "accepted")
    counts = services.participants.counts(cohort.id)
    assert counts["adept"] == {
        "applied": 2,
        "interview": 0,
        "accepted": 1,
        "waitlisted": 0,
        "declined": 0,
        "withdrawn": 0,
        "active": 0,
        "completed": 0,
    }
    assert counts["mentor"]["applied"] == 1 and sum(counts["mentor"].values()) == 1


def test_rows_per_role_with_status_date_and_confirmations(
    services: Services, programme, cohort, add
) -> None:
    adept, mentor = add(), add("mentor", employer="Region Västerslätt")
    services.pipeline.change_status([adept.enrolment_id], "interview", " Bokad ", date(2027, 1, 20))
    criteria = services.eligibility.criteria(programme.id, "adept", "en")
    for criterion in criteria[:2]:
        services.eligibility.confirm(adept.enrolment_id, criterion.id, True)
    [row] = services.participants.rows(cohort.id, "adept")
    assert (row.status, row.status_changed_on, row.status_reason) == (
        "interview",
        date(2027, 1, 20),
        "Bokad",
    )
    assert row.confirmed == {criteria[0].id, criteria[1].id}
    [other] = services.participants.rows(cohort.id, "mentor")
    assert other.employer == "Region Västerslätt" and other.enrolment_id == mentor.enrolment_id
    assert "västerslätt" in other.haystack and "malmö" in other.haystack
