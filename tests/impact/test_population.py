"""Who a round's surveys are for: placed adepts (ended groups too), their mentors, and
anyone whose answer or outcome shows they took part."""

from datetime import date

from mentorapp.domain.models import (
    Enrolment,
    FormerMember,
    GroupMember,
    MatchGroup,
    Outcome,
    Person,
    SurveyResponse,
)
from mentorapp.impact.population import round_people


def _enrol(session, cohort_id: int, name: str, role: str, status: str = "accepted") -> int:
    person = Person(first_name=name, last_name="Test", email=f"{name.lower()}@example.org")
    session.add(person)
    session.flush()
    enrolment = Enrolment(person_id=person.id, cohort_id=cohort_id, role=role, status=status)
    session.add(enrolment)
    session.flush()
    return enrolment.id


def test_the_round_counts_who_took_part_and_no_one_else(services, cohort) -> None:
    with services.database.transaction() as session:
        mentor = _enrol(session, cohort.id, "Mira", "mentor")
        idle_mentor = _enrol(session, cohort.id, "Ivar", "mentor")
        placed = _enrol(session, cohort.id, "Amal", "adept")
        left_early = _enrol(session, cohort.id, "Bashir", "adept", status="withdrawn")
        waiting = _enrol(session, cohort.id, "Chen", "adept", status="waitlisted")
        applied = _enrol(session, cohort.id, "Dina", "adept", status="applied")
        answered = _enrol(session, cohort.id, "Elif", "adept", status="withdrawn")
        told_us = _enrol(session, cohort.id, "Farid", "adept", status="declined")
        running = _enrol(session, cohort.id, "Goran", "adept", status="active")
        group = MatchGroup(
            cohort_id=cohort.id, mentor_enrolment_id=mentor, accepted_on=date(2026, 9, 1)
        )
        proposed = MatchGroup(cohort_id=cohort.id, mentor_enrolment_id=idle_mentor)
        session.add_all([group, proposed])
        session.flush()
        session.add(GroupMember(group_id=group.id, adept_enrolment_id=placed))
        session.add(
            FormerMember(
                group_id=group.id, adept_enrolment_id=left_early, left_on=date(2026, 10, 1)
            )
        )
        session.add(GroupMember(group_id=proposed.id, adept_enrolment_id=waiting))
        session.add(
            SurveyResponse(survey="t1", enrolment_id=answered, answered_on=date(2026, 12, 1))
        )
        session.add(
            Outcome(
                enrolment_id=told_us,
                kind="job",
                started_on=date(2026, 11, 1),
                recorded_on=date(2026, 11, 2),
            )
        )
    with services.database.reading() as session:
        people = round_people(session, cohort.id)
    assert people.adepts == {placed, left_early, answered, told_us, running}
    assert applied not in people.adepts and waiting not in people.adepts
    assert people.mentors == {mentor}
    assert people.of_role("mentor") == people.mentors
