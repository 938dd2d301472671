"""Who is due for erasure: everyone whose every round ended more than N months ago."""

from __future__ import annotations

from datetime import date

from mentorapp.domain.models import Cohort, Enrolment, Person
from mentorapp.people.privacy import PrivacyService
from mentorapp.workspace.services import Services

TODAY = date(2026, 3, 1)  # with 24 months, a round must have ended before 2024-03-01


def build(services: Services, programme) -> dict[str, int]:
    rounds = {
        "old": (date(2023, 9, 1), date(2024, 1, 31), False),
        "leap": (date(2023, 10, 1), date(2024, 2, 29), False),  # the last day still due
        "boundary": (date(2023, 11, 1), date(2024, 3, 1), False),  # exactly 24 months: not yet
        "recent": (date(2025, 2, 1), date(2025, 6, 30), False),
        "flagged": (date(2022, 2, 1), date(2022, 6, 30), True),  # marked current: never
        "future": (date(2026, 9, 1), date(2026, 12, 15), False),
    }
    people = {
        "only old": ["old"],
        "leap": ["leap"],
        "boundary": ["boundary"],
        "old and recent": ["old", "recent"],
        "current round": ["flagged"],
        "old and future": ["old", "future"],
        "in no round": [],
        "mentor twice in old": ["old"],
    }
    ids = {}
    with services.database.transaction() as session:
        cohorts = {}
        for name, (start, end, current) in rounds.items():
            cohort = Cohort(
                programme_id=programme.id, name=name, start=start, end=end, is_current=current
            )
            session.add(cohort)
            session.flush()
            cohorts[name] = cohort.id
        for number, (label, joined) in enumerate(people.items()):
            person = Person(first_name=label, last_name="Test", email=f"p{number}@example.org")
            session.add(person)
            session.flush()
            ids[label] = person.id
            for round_name in joined:
                session.add(
                    Enrolment(person_id=person.id, cohort_id=cohorts[round_name], role="adept")
                )
            if label == "mentor twice in old":
                session.add(Enrolment(person_id=person.id, cohort_id=cohorts["old"], role="mentor"))
    return ids


def test_due_for_erasure_picks_exactly_the_right_people(services: Services, programme) -> None:
    ids = build(services, programme)
    privacy = PrivacyService(services.database)
    due = privacy.due_for_erasure(months=24, today=TODAY)
    assert {row.first_name for row in due} == {
        "only old",
        "leap",
        "in no round",
        "mentor twice in old",
    }
    by_name = {row.first_name: row for row in due}
    assert by_name["leap"].last_round == "leap"
    assert by_name["leap"].last_round_end == date(2024, 2, 29)
    assert by_name["mentor twice in old"].rounds == 1
    assert by_name["in no round"].last_round_end is None
    assert due[0].first_name == "in no round"  # no round first, then the oldest

    assert {r.first_name for r in privacy.due_for_erasure(months=1, today=TODAY)} == {
        "only old",
        "leap",
        "boundary",
        "old and recent",
        "in no round",
        "mentor twice in old",
    }
    assert {r.first_name for r in privacy.due_for_erasure(months=240, today=TODAY)} == {
        "in no round"
    }

    report = privacy.erase_due([ids["only old"], ids["leap"]])
    assert report.person_ids == (ids["only old"], ids["leap"])
    left = {row.first_name for row in privacy.due_for_erasure(months=24, today=TODAY)}
    assert left == {"in no round", "mentor twice in old"}  # the erased are not listed again
