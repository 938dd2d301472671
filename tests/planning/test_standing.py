"""Where a round stands: the stage follows dates and work, the counts come from the file."""

from __future__ import annotations

from datetime import date

from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import (
    BudgetLine,
    Enrolment,
    GroupMember,
    MatchGroup,
    Person,
    PlanGoal,
    PlannedMeeting,
    ProgrammePlan,
)
from mentorapp.guide.checklist import Scope
from mentorapp.planning.standing import StandingService, stage_from_dates
from mentorapp.workspace.services import Services

# A spring round: applications 1 Nov–10 Jan, start 1 Feb (spans the new year).
MILESTONES = {
    "planning_start": date(2026, 5, 1),
    "applications_open": date(2026, 11, 1),
    "application_deadline": date(2027, 1, 10),
    "decisions_sent": date(2027, 1, 20),
    "matching_done": date(2027, 1, 28),
    "kickoff": date(2027, 2, 1),
    "midpoint": date(2027, 3, 31),
    "closing": date(2027, 5, 31),
    "end_survey": date(2027, 5, 31),
    "followup_survey": date(2027, 11, 30),
}


def test_the_stage_follows_the_dates_across_the_new_year() -> None:
    assert stage_from_dates(MILESTONES, date(2026, 10, 31)) is None
    assert stage_from_dates(MILESTONES, date(2026, 12, 31)) == "recruitment"
    assert stage_from_dates(MILESTONES, date(2027, 1, 10)) == "selection"
    assert stage_from_dates(MILESTONES, date(2027, 1, 25)) == "matching"
    assert stage_from_dates(MILESTONES, date(2027, 1, 30)) == "kickoff"
    assert stage_from_dates(MILESTONES, date(2027, 2, 14)) == "running"
    assert stage_from_dates(MILESTONES, date(2027, 4, 1)) == "followup"
    assert stage_from_dates(MILESTONES, date(2027, 6, 5)) == "closing"
    assert stage_from_dates(MILESTONES, date(2027, 6, 20)) == "evaluation"
    assert stage_from_dates(MILESTONES, date(2027, 12, 1)) == "alumni"


def _people(services: Services, cohort_id: int, role: Role, statuses: list[str]) -> list[int]:
    ids = []
    with services.database.transaction() as session:
        for number, status in enumerate(statuses):
            person = Person(
                first_name="P", last_name=f"{role}{number}", email=f"{role}{number}@x.se"
            )
            session.add(person)
            session.flush()
            enrolment = Enrolment(
                person_id=person.id, cohort_id=cohort_id, role=role, status=status
            )
            session.add(enrolment)
            session.flush()
            ids.append(enrolment.id)
    return ids


def _group(
    services: Services, cohort_id: int, mentor: int, adepts: list[int], printed: bool
) -> None:
    with services.database.transaction() as session:
        group = MatchGroup(
            cohort_id=cohort_id,
            mentor_enrolment_id=mentor,
            workbook_printed_on=date(2027, 1, 29) if printed else None,
        )
        session.add(group)
        session.flush()
        session.add_all(GroupMember(group_id=group.id, adept_enrolment_id=a) for a in adepts)
        session.add_all(
            PlannedMeeting(group_id=group.id, number=n, planned_on=date(2027, 2, n))
            for n in (1, 2, 3)
        )


def test_a_fresh_round_stands_at_the_first_open_stage(services, programme, cohort) -> None:
    scope = Scope(programme.id, cohort.id)
    standing = StandingService(services.database).standing(scope, "en", today=date(2026, 6, 1))
    assert standing.current_stage.key == "idea"
    assert standing.done == 0 and standing.counts.applied_adepts == 0


def test_import_match_and_print_move_the_stage_without_a_single_tick(
    services, programme, cohort
) -> None:
    scope = Scope(programme.id, cohort.id)
    standing_service = StandingService(services.database)
    accepted = EnrolmentStatus.ACCEPTED.value
    adepts = _people(services, cohort.id, Role.ADEPT, [accepted] * 3 + ["applied", "declined"])
    mentors = _people(services, cohort.id, Role.MENTOR, [accepted, accepted])

    before = standing_service.standing(scope, "en", today=date(2026, 6, 1))
    assert before.current_stage.key == "selection"  # decisions are made
    assert ("recruitment", "application_forms") in before.evidence
    assert ("selection", "decisions_reserves") in before.evidence

    _group(services, cohort.id, mentors[0], adepts[:2], printed=True)
    _group(services, cohort.id, mentors[1], adepts[2:3], printed=True)
    after = standing_service.standing(scope, "en", today=date(2026, 6, 1))
    assert after.current_stage.key == "kickoff"
    assert after.counts.applied_adepts == 5 and after.counts.applied_mentors == 2
    assert after.counts.accepted_adepts == 3 and after.counts.matched_adepts == 3
    assert after.counts.unmatched_adepts == 0
    assert after.counts.groups == 2 and after.counts.workbooks_printed == 2
    for key in (
        ("matching", "match_reasons"),
        ("kickoff", "agreement_template"),
        ("kickoff", "first_meetings_booked"),
    ):
        assert key in after.evidence
    assert after.done == len(after.evidence) and after.done > before.done
    assert after.done == 5 and after.share == 5 / after.total  # no longer "2 % done"


def test_one_unprinted_workbook_leaves_the_agreement_item_open(services, programme, cohort) -> None:
    accepted = EnrolmentStatus.ACCEPTED.value
    adepts = _people(services, cohort.id, Role.ADEPT, [accepted] * 3)
    mentors = _people(services, cohort.id, Role.MENTOR, [accepted, accepted])
    _group(services, cohort.id, mentors[0], adepts[:2], printed=True)
    _group(services, cohort.id, mentors[1], adepts[2:], printed=False)
    standing = StandingService(services.database).standing(Scope(programme.id, cohort.id), "en")
    assert standing.counts.workbooks_printed == 1
    assert ("kickoff", "agreement_template") not in standing.evidence


def test_the_dates_lead_when_the_work_lags(services, programme, cohort) -> None:
    scope = Scope(programme.id, cohort.id)
    standing = StandingService(services.database).standing(
        scope, "en", milestones=MILESTONES, today=date(2027, 2, 14)
    )
    assert standing.current_stage.key == "running"
    assert standing.stage_from_work is None
    # The next steps begin with what is open in the current stage.
    assert standing.next_items[0].stage == "running"


def test_the_plan_and_the_budget_count_as_work_done(services, programme, cohort) -> None:
    with services.database.transaction() as session:
        session.add(
            ProgrammePlan(
                programme_id=programme.id,
                need="Utrikes födda akademiker saknar nätverk.",
                adepts="Akademiker",
                mentors="Yrkesverksamma",
                sponsor="",
                pairs_per_round=20,
            )
        )
        session.add_all(
            PlanGoal(programme_id=programme.id, text=f"Mål {n}", target=50) for n in (1, 2)
        )
        session.add(BudgetLine(programme_id=programme.id, kind="income", category="grant"))
    evidence = StandingService(services.database).evidence(Scope(programme.id, cohort.id))
    assert ("idea", "problem_statement") in evidence
    assert ("idea", "target_group") in evidence
    assert ("idea", "internal_sponsor") not in evidence  # no sponsor named
    assert ("purpose", "measurable_goals") in evidence
    assert ("purpose", "length_and_scale") in evidence
    assert ("resources", "funding") in evidence
    assert evidence[("resources", "funding")] == "The budget has income lines."
