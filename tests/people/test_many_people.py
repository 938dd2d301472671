"""A large round: ten thousand applicants still come back in one quick query."""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import insert

from mentorapp.domain.models import EligibilityCheck, Enrolment, Person, StatusChange
from mentorapp.workspace.services import Services

COUNT = 10_000
FIRST = ("Åsa", "Łukasz", "Şebnem", "Örjan", "Ärla", "Đorđe", "Mariam", "Kaveh")
LAST = ("Öberg", "Åberg", "Yılmaz", "Nowak", "Haddad", "Älvström", "Petrović", "Karimi")


def test_rows_for_ten_thousand_people(services: Services, programme, cohort) -> None:
    criterion = services.eligibility.criteria(programme.id, "adept", "en")[0]
    with services.database.transaction() as session:
        session.execute(
            insert(Person),
            [
                {
                    "id": n + 1,
                    "first_name": FIRST[n % len(FIRST)],
                    "last_name": LAST[n // len(FIRST) % len(LAST)],
                    "email": f"person{n}@example.com",
                    "city": "Malmö",
                    "languages": "sv,en",
                }
                for n in range(COUNT)
            ],
        )
        session.execute(
            insert(Enrolment),
            [
                {"id": n + 1, "person_id": n + 1, "cohort_id": cohort.id, "role": "adept"}
                for n in range(COUNT)
            ],
        )
        steps = [(None, "applied", date(2027, 1, 2)), ("applied", "interview", date(2027, 1, 9))]
        session.execute(
            insert(StatusChange),
            [
                {"enrolment_id": n + 1, "from_status": a, "to_status": b, "changed_on": day}
                for n in range(COUNT)
                for a, b, day in steps[: 1 + n % 2]
            ],
        )
        session.execute(
            insert(EligibilityCheck),
            [
                {"enrolment_id": n + 1, "criterion_id": criterion.id, "confirmed_on": date.today()}
                for n in range(0, COUNT, 3)
            ],
        )
    started = time.perf_counter()
    rows = services.participants.rows(cohort.id)
    elapsed = time.perf_counter() - started
    assert len(rows) == COUNT
    assert rows[0].status_changed_on == date(2027, 1, 2)
    assert rows[1].status_changed_on == date(2027, 1, 9)
    assert sum(1 for r in rows if r.confirmed == {criterion.id}) == len(range(0, COUNT, 3))
    assert services.participants.rows(cohort.id, "mentor") == []
    assert elapsed < 3.0, f"rows() took {elapsed:.2f} s"
