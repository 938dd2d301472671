"""Building a round's answers straight into the file, for the report's and the CLI's tests:
the rows as the survey helpers store them, without going through their checks."""

from __future__ import annotations

from datetime import date

from mentorapp.domain.models import (
    Enrolment,
    MatchGroup,
    Outcome,
    Person,
    SurveyAnswer,
    SurveyResponse,
)


def enrol(session, cohort_id: int, name: str, role: str, status: str = "active") -> int:
    person = Person(first_name=name, last_name="Test", email=f"{name.lower()}@example.org")
    session.add(person)
    session.flush()
    enrolment = Enrolment(person_id=person.id, cohort_id=cohort_id, role=role, status=status)
    session.add(enrolment)
    session.flush()
    return enrolment.id


def answer(session, enrolment_id: int, survey: str, on: date, **values: str) -> None:
    response = SurveyResponse(survey=survey, enrolment_id=enrolment_id, answered_on=on)
    session.add(response)
    session.flush()
    session.add_all(
        SurveyAnswer(response_id=response.id, item=item, value=value)
        for item, value in values.items()
    )


def outcome(session, enrolment_id: int, kind: str, on: date, in_field: str = "") -> None:
    session.add(
        Outcome(
            enrolment_id=enrolment_id, kind=kind, started_on=on, in_field=in_field, recorded_on=on
        )
    )


def group(session, cohort_id: int, mentor: int, on: date) -> int:
    found = MatchGroup(cohort_id=cohort_id, mentor_enrolment_id=mentor, accepted_on=on)
    session.add(found)
    session.flush()
    return found.id


def fill_round(session, cohort_id: int, prefix: str = "") -> dict[str, int]:
    """Five adepts and two mentors: respondents, a T2-only answer, an outcome without any
    survey, one who answered only "seeking", one who answered nothing."""
    ids = {name: enrol(session, cohort_id, prefix + name, "adept")
           for name in ("Amal", "Bashir", "Chen", "Dina", "Elif")}  # fmt: skip
    ids |= {name: enrol(session, cohort_id, prefix + name, "mentor") for name in ("Mira", "Ivar")}
    start, end, later = date(2027, 2, 1), date(2027, 6, 1), date(2027, 12, 1)
    answer(session, ids["Amal"], "t0", start, confident_search="2")
    answer(session, ids["Amal"], "t1", end, confident_search="4", status="job", in_field="yes",
           new_contact="yes", recommend="9")  # fmt: skip
    answer(session, ids["Bashir"], "t2", later, status="internship", in_field="partly")
    outcome(session, ids["Chen"], "job", date(2027, 9, 1))
    answer(session, ids["Dina"], "t0", start, confident_search="4")
    answer(session, ids["Dina"], "t1", end, confident_search="dont_know", status="seeking",
           new_contact="no")  # fmt: skip
    answer(session, ids["Mira"], "mentor_end", end, diversity_insight="5", shared_ideas="yes",
           mentor_again="yes")  # fmt: skip
    return ids
