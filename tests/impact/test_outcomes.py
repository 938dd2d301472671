"""Outcomes an adept told: checked fields, only the round's adepts, several per adept."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from mentorapp.domain.models import Outcome
from mentorapp.errors import ValidationError
from tests.impact.people_helpers import END, START, make_round

TODAY = date(2026, 12, 1)


def stored(services) -> int:
    with services.database.reading() as session:
        return session.exec(select(func.count()).select_from(Outcome)).one()


def test_an_adept_can_have_an_internship_and_then_a_job(services) -> None:
    round_ = make_round(services)
    amal = round_.ids["Amal"]
    first = services.outcomes.record(
        amal, "internship", END - timedelta(days=20), in_field="yes", today=TODAY
    )
    second = services.outcomes.record(
        amal,
        "job",
        date(2026, 9, 1),
        in_field="partly",
        through_programme="yes",
        note="  Malmö   stad ",
        today=TODAY,
    )
    rows = services.outcomes.for_round(round_.cohort_id)
    assert [(r.id, r.kind) for r in rows] == [(first, "internship"), (second, "job")]
    job = rows[1]
    assert job.note == "Malmö stad" and job.recorded_on == TODAY
    assert (job.in_field, job.through_programme) == ("partly", "yes")
    assert job.email == "amal@example.org" and job.name == "Amal Testsson"


@pytest.mark.parametrize(
    ("who", "fields", "field"),
    [
        ("Amal", {"kind": "pension"}, "kind"),
        ("Amal", {"in_field": "maybe"}, "in_field"),
        ("Amal", {"through_programme": "partly"}, "through_programme"),
        ("Amal", {"note": "x" * 201}, "note"),
        ("Amal", {"started_on": TODAY + timedelta(days=1)}, "on"),
        ("Amal", {"started_on": START - timedelta(days=400)}, "on"),
        ("Mira", {}, "adept"),  # a mentor
        ("Elif", {}, "adept"),  # on the waiting list
    ],
)
def test_a_bad_outcome_is_refused_and_nothing_is_written(
    services, who: str, fields: dict, field: str
) -> None:
    round_ = make_round(services)
    arguments = {"kind": "job", "started_on": date(2026, 8, 1), **fields}
    with pytest.raises(ValidationError) as caught:
        services.outcomes.record(round_.ids[who], today=TODAY, **arguments)
    assert caught.value.field == field and caught.value.user_message()
    assert stored(services) == 0


def test_an_outcome_may_start_a_little_before_the_round_but_not_a_month_before(
    services,
) -> None:
    round_ = make_round(services)
    services.outcomes.record(
        round_.ids["Bashir"], "studies", START - timedelta(days=20), today=TODAY
    )
    assert stored(services) == 1
    with pytest.raises(ValidationError) as caught:
        services.outcomes.record(round_.ids["Amal"], "job", START - timedelta(days=40), today=TODAY)
    assert caught.value.field == "on"
    assert "began before the round is not an outcome of it" in caught.value.user_message()
    assert stored(services) == 1


def test_the_report_counts_outcomes_from_the_rounds_start_only(services) -> None:
    round_ = make_round(services)
    services.outcomes.record(round_.ids["Amal"], "job", START - timedelta(days=10), today=TODAY)
    services.outcomes.record(round_.ids["Bashir"], "internship", START, today=TODAY)
    report = services.impact.report(round_.cohort_id, "en")
    job = next(m for m in report.measures if m.key == "job_or_internship")
    assert (job.count, job.answered) == (1, 1)  # Bashir's, found at the kick-off


def test_an_outcome_is_corrected_and_removed(services) -> None:
    round_ = make_round(services)
    made = services.outcomes.record(round_.ids["Chen"], "job", date(2026, 7, 1), today=TODAY)
    services.outcomes.update(made, "internship", date(2026, 7, 2), in_field="no", today=TODAY)
    (row,) = services.outcomes.for_round(round_.cohort_id)
    assert (row.kind, row.started_on, row.in_field) == ("internship", date(2026, 7, 2), "no")
    with pytest.raises(ValidationError):
        services.outcomes.update(made, "job", TODAY + timedelta(days=5), today=TODAY)
    services.outcomes.delete(made)
    assert services.outcomes.for_round(round_.cohort_id) == []
    with pytest.raises(ValidationError):
        services.outcomes.delete(made)


def test_the_adepts_to_choose_from_and_finding_one_by_e_mail(services) -> None:
    round_ = make_round(services)
    names = [p.first_name for p in services.outcomes.adepts(round_.cohort_id)]
    assert names == ["Amal", "Bashir", "Chen", "Dina"]
    found = services.outcomes.find_adept(round_.cohort_id, "  AMAL@Example.org ")
    assert found == round_.ids["Amal"]
    for email in ("mira@example.org", "nobody@example.org", ""):
        with pytest.raises(ValidationError):
            services.outcomes.find_adept(round_.cohort_id, email)
