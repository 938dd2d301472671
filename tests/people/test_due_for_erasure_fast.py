"""Who is due for erasure, by aggregate queries: the same answer as the old whole-table walk.

The reference below is the algorithm ``due_for_erasure`` used before (every person, enrolment
and round loaded as objects, decided in Python); the new queries must agree with it row for
row and in order, on data built to hit every edge: people in several rounds, two rounds that
end on the same day, a round ending exactly on the cutoff or the day before, a past round still
marked current, a future round, erased stubs (and an address that only looks erased in other
letter case), people in no round, and a mentor and adept in the same round.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import insert
from sqlmodel import col, select

from mentorapp.domain.dates import add_months
from mentorapp.domain.models import Cohort, Enrolment, Person
from mentorapp.people.privacy import DueRow, PrivacyService, is_erased
from mentorapp.workspace.services import Services

TODAY = date(2026, 3, 1)
CUTOFF = add_months(TODAY, -24)  # 2024-03-01


def reference(services: Services, months: int, today: date) -> list[DueRow]:
    """The old algorithm, kept as it was: load everything, decide per person in Python."""
    cutoff = add_months(today, -months)
    query = (
        select(Person, Enrolment, Cohort)
        .outerjoin(Enrolment, col(Enrolment.person_id) == Person.id)
        .outerjoin(Cohort, col(Cohort.id) == Enrolment.cohort_id)
    )
    rounds: dict[int, list[Cohort]] = {}
    people: dict[int, Person] = {}
    with services.database.reading() as session:
        for person, _enrolment, cohort in session.exec(query):
            assert person.id is not None
            people[person.id] = person
            rounds.setdefault(person.id, [])
            if cohort is not None:
                rounds[person.id].append(cohort)
    due = []
    for person_id, cohorts in rounds.items():
        person = people[person_id]
        if is_erased(person.email):
            continue
        if any(c.is_current or c.end >= cutoff for c in cohorts):
            continue
        last = max(cohorts, key=lambda c: (c.end, c.id or 0), default=None)
        due.append(
            DueRow(
                person_id,
                person.first_name,
                person.last_name,
                person.email,
                len({c.id for c in cohorts}),
                last.name if last else "",
                last.end if last else None,
            )
        )
    due.sort(key=lambda row: (row.last_round_end or date.min, row.last_name, row.person_id))
    return due


ROUNDS = {  # name: start, end, marked current
    "old": (date(2022, 9, 1), date(2023, 1, 31), False),
    "same end, added later": (date(2022, 10, 1), date(2023, 1, 31), False),
    "day before cutoff": (date(2023, 10, 1), CUTOFF - timedelta(days=1), False),
    "on the cutoff": (date(2023, 11, 1), CUTOFF, False),
    "recent": (date(2025, 2, 1), date(2025, 6, 30), False),
    "flagged": (date(2021, 2, 1), date(2021, 6, 30), True),
    "future": (date(2026, 9, 1), date(2026, 12, 15), False),
}
PEOPLE = {  # first name: e-mail (None: an ordinary one), [(round, role)]
    "only old": (None, [("old", "adept")]),
    "two rounds same end": (None, [("same end, added later", "adept"), ("old", "mentor")]),
    "day before": (None, [("day before cutoff", "adept")]),
    "on the cutoff": (None, [("on the cutoff", "adept")]),
    "old and on the cutoff": (None, [("old", "mentor"), ("on the cutoff", "mentor")]),
    "old and recent": (None, [("old", "adept"), ("recent", "mentor")]),
    "three past rounds": (
        None,
        [("old", "mentor"), ("day before cutoff", "mentor"), ("same end, added later", "mentor")],
    ),
    "past, still current": (None, [("flagged", "adept")]),
    "old and future": (None, [("old", "adept"), ("future", "mentor")]),
    "in no round": (None, []),
    "also in no round": (None, []),
    "both roles in old": (None, [("old", "adept"), ("old", "mentor")]),
    "erased, old": ("erased-0a1b2c3d@invalid", [("old", "adept")]),
    "erased, no round": ("erased-ffee0011@invalid", []),
    "looks erased": ("ERASED-1234@INVALID", [("old", "adept")]),
    "prefix only": ("erased-5678@example.org", [("day before cutoff", "adept")]),
    "Åsa": (None, [("old", "adept")]),  # sorts by code point after the ASCII names
}


def build(services: Services, programme) -> None:
    with services.database.transaction() as session:
        cohorts = {}
        for name, (start, end, current) in ROUNDS.items():
            cohort = Cohort(
                programme_id=programme.id, name=name, start=start, end=end, is_current=current
            )
            session.add(cohort)
            session.flush()
            cohorts[name] = cohort.id
        for number, (label, (email, joined)) in enumerate(PEOPLE.items()):
            last_name = "Öberg" if number % 2 else "Berg"  # ties on the last name too
            person = Person(
                first_name=label, last_name=last_name, email=email or f"p{number}@example.org"
            )
            session.add(person)
            session.flush()
            for round_name, role in joined:
                session.add(
                    Enrolment(person_id=person.id, cohort_id=cohorts[round_name], role=role)
                )


@pytest.mark.parametrize(
    ("months", "today"),
    [(24, TODAY), (1, TODAY), (240, TODAY), (0, TODAY), (24, date(2025, 3, 1)), (60, TODAY)],
)
def test_the_queries_agree_with_the_old_algorithm(
    services: Services, programme, months: int, today: date
) -> None:
    build(services, programme)
    privacy = PrivacyService(services.database)
    expected = reference(services, months, today)
    assert privacy.due_for_erasure(months, today) == expected
    assert privacy.count_due_for_erasure(months, today) == len(expected)


def test_the_edges_come_out_as_before(services: Services, programme) -> None:
    build(services, programme)
    due = PrivacyService(services.database).due_for_erasure(24, TODAY)
    by_name = {row.first_name: row for row in due}
    assert set(by_name) == {
        "only old",
        "two rounds same end",
        "day before",
        "three past rounds",
        "in no round",
        "also in no round",
        "both roles in old",
        "looks erased",
        "prefix only",
        "Åsa",
    }
    assert by_name["two rounds same end"].last_round == "same end, added later"
    assert by_name["two rounds same end"].rounds == 2
    assert by_name["three past rounds"].last_round == "day before cutoff"
    assert by_name["three past rounds"].rounds == 3
    assert by_name["both roles in old"].rounds == 1
    assert by_name["in no round"].rounds == 0
    assert by_name["in no round"].last_round == ""
    assert by_name["in no round"].last_round_end is None
    # No round first, then by last name ("Berg" before "Öberg"), then the oldest round.
    assert [row.first_name for row in due[:2]] == ["also in no round", "in no round"]
    assert due[2].last_round_end == date(2023, 1, 31)


def test_many_people_at_random_agree_with_the_old_algorithm(services: Services, programme) -> None:
    rng = random.Random(12)
    with services.database.transaction() as session:
        cohort_ids = []
        for number in range(12):
            end = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365))
            cohort = Cohort(
                programme_id=programme.id,
                name=f"round {number}",
                start=end - timedelta(days=120),
                end=end,
                is_current=number == 5,
            )
            session.add(cohort)
            session.flush()
            cohort_ids.append(cohort.id)
        people, enrolments = [], []
        for n in range(600):
            email = f"erased-{n:06x}@invalid" if n % 9 == 0 else f"p{n}@example.org"
            people.append(
                {
                    "id": n + 1,
                    "first_name": f"F{n}",
                    "last_name": rng.choice("ÖAÅBZ"),
                    "email": email,
                }
            )
            for cohort_id in rng.sample(cohort_ids, rng.choice((0, 1, 1, 2, 3))):
                for role in rng.sample(["adept", "mentor"], rng.choice((1, 1, 2))):
                    enrolments.append({"person_id": n + 1, "cohort_id": cohort_id, "role": role})
        session.execute(insert(Person), people)
        session.execute(insert(Enrolment), enrolments)
    privacy = PrivacyService(services.database)
    for months, today in ((24, TODAY), (36, TODAY), (6, date(2024, 7, 15)), (120, TODAY)):
        expected = reference(services, months, today)
        assert expected  # the data leaves someone due at every setting
        assert privacy.due_for_erasure(months, today) == expected
        assert privacy.count_due_for_erasure(months, today) == len(expected)
