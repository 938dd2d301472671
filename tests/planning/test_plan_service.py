"""The programme plan's service: saved as typed, checked before anything is written, goals
kept in order, and what the checklist needs to know about missing parts."""

from __future__ import annotations

import pytest

from mentorapp.errors import ValidationError
from mentorapp.planning.goals import (
    OUTCOMES,
    Goal,
    goal_count_advice,
    goal_sentence,
    measured_with,
)
from mentorapp.planning.plan import PARTS, TEXT_LIMITS


def test_an_empty_plan_reads_the_programmes_own_format(services, programme) -> None:
    plan = services.plan.plan(programme.id)
    assert plan.need == "" and plan.goals == () and plan.pairs_per_round is None
    assert (plan.months_per_round, plan.meetings_per_round) == (4, 4)
    assert services.plan.completeness(programme.id).missing == tuple(PARTS)


def test_fields_are_saved_and_the_others_kept(services, programme) -> None:
    services.plan.save(programme.id, need="Akademiker utan jobb i sitt yrke.", pairs_per_round=20)
    plan = services.plan.save(programme.id, languages=["en", "sv"], mode="mixed")
    assert plan.need == "Akademiker utan jobb i sitt yrke."
    assert plan.pairs_per_round == 20
    assert plan.languages == ("sv", "en")  # the language table's order, as Person.languages
    assert plan.mode == "mixed"
    assert services.plan.save(programme.id, languages="en").languages == ("en",)
    assert services.plan.save(programme.id, pairs_per_round=None).pairs_per_round is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"pairs_per_round": 0}, "pairs_per_round"),
        ({"pairs_per_round": 501}, "pairs_per_round"),
        ({"pairs_per_round": "many"}, "pairs_per_round"),
        ({"pairs_per_round": True}, "pairs_per_round"),
        ({"gatherings_per_round": 21}, "gatherings_per_round"),
        ({"gatherings_per_round": -1}, "gatherings_per_round"),
        ({"mode": "by_post"}, "mode"),
        ({"languages": ["sv", "fi"]}, "languages"),
        ({"need": "x" * (TEXT_LIMITS["need"] + 1)}, "need"),
    ],
)
def test_a_refused_value_names_its_field_and_changes_nothing(
    services, programme, fields, field
) -> None:
    services.plan.save(programme.id, need="Kvar", pairs_per_round=10)
    with pytest.raises(ValidationError) as refused:
        services.plan.save(programme.id, sponsor="Ny sponsor", **fields)
    assert refused.value.field == field
    assert refused.value.user_message()
    plan = services.plan.plan(programme.id)
    assert (plan.need, plan.pairs_per_round, plan.sponsor) == ("Kvar", 10, "")


def test_the_bounds_themselves_are_allowed(services, programme) -> None:
    plan = services.plan.save(programme.id, pairs_per_round=500, gatherings_per_round=0)
    assert (plan.pairs_per_round, plan.gatherings_per_round) == (500, 0)
    assert services.plan.save(programme.id, pairs_per_round=1).pairs_per_round == 1


def test_goals_are_added_updated_reordered_and_removed(services, programme) -> None:
    first = services.plan.add_goal(
        programme.id, text="Jobb", target=50, measure="job_or_internship_6m"
    )
    second = services.plan.add_goal(programme.id, text="Kontakter", target=80)
    third = services.plan.add_goal(programme.id)
    assert [g.text for g in services.plan.plan(programme.id).goals] == ["Jobb", "Kontakter", ""]
    services.plan.update_goal(second.id, measure="new_contacts", measure_note="Slutenkäten")
    updated = services.plan.plan(programme.id).goals[1]
    assert (updated.measure, updated.measure_note, updated.target) == (
        "new_contacts",
        "Slutenkäten",
        80,
    )
    services.plan.reorder_goals(programme.id, [third.id, first.id, second.id])
    assert [g.id for g in services.plan.plan(programme.id).goals] == [third.id, first.id, second.id]
    services.plan.remove_goal(third.id)
    assert [g.id for g in services.plan.plan(programme.id).goals] == [first.id, second.id]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"target": 101}, "target"),
        ({"target": -1}, "target"),
        ({"target": float("nan")}, "target"),
        ({"target": "lots"}, "target"),
        ({"unit": "count", "target": 100_001}, "target"),
        ({"unit": "kg"}, "unit"),
        ({"measure": "happiness"}, "measure"),
        ({"text": "x" * 201}, "text"),
    ],
)
def test_a_goal_is_checked_before_it_is_saved(services, programme, fields, field) -> None:
    goal = services.plan.add_goal(programme.id, text="Jobb", target=50)
    with pytest.raises(ValidationError) as refused:
        services.plan.update_goal(goal.id, **fields)
    assert refused.value.field == field
    assert services.plan.plan(programme.id).goals[0] == goal


def test_a_count_may_go_beyond_100_and_a_percent_from_text(services, programme) -> None:
    goal = services.plan.add_goal(programme.id, unit="count", target=250, measure="meetings_held")
    assert services.plan.plan(programme.id).goals[0].target == 250
    assert services.plan.update_goal(goal.id, unit="percent", target="62,5").target == 62.5
    with pytest.raises(ValidationError):  # 250 is no percentage: unit and target together
        services.plan.update_goal(goal.id, unit="percent", target=250)


def test_more_than_four_goals_may_be_saved_but_not_without_end(services, programme) -> None:
    for number in range(8):
        services.plan.add_goal(programme.id, text=f"Mål {number}")
    assert "more" not in goal_count_advice(4) and goal_count_advice(4) == ""
    assert goal_count_advice(5) and goal_count_advice(1)
    with pytest.raises(ValidationError) as refused:
        services.plan.add_goal(programme.id)
    assert refused.value.field == "goals"
    assert len(services.plan.plan(programme.id).goals) == 8


def test_completeness_follows_what_is_filled_in(services, programme) -> None:
    services.plan.save(programme.id, need="Behovet", adepts="Nyanlända", mentors="Yrkesfolk")
    assert services.plan.completeness(programme.id).missing == ("format", "goals", "sponsor")
    services.plan.save(programme.id, pairs_per_round=20, languages=["sv"], mode="in_person")
    services.plan.add_goal(programme.id, target=50, measure="job_or_internship_6m")
    assert "goals" in services.plan.completeness(programme.id).missing  # one is not enough
    services.plan.add_goal(programme.id, target=80, measure_note="Egen enkät")
    services.plan.save(programme.id, sponsor="Chefen", partners="Kommunen")
    done = services.plan.completeness(programme.id)
    assert done.complete and done.filled == tuple(PARTS)


def test_the_partner_organisations_count_as_partners(services, programme) -> None:
    from mentorapp.programme.partners import PartnerDraft

    services.plan.save(programme.id, sponsor="Chefen")
    assert "sponsor" in services.plan.completeness(programme.id).missing
    services.partners.save(programme.id, PartnerDraft("Norrviks kommun"))
    assert "sponsor" not in services.plan.completeness(programme.id).missing


def test_a_goal_reads_as_a_sentence_in_either_language() -> None:
    goal = Goal(None, text="", target=50, unit="percent", measure="job_or_internship_6m")
    assert goal_sentence(goal, "en") == "50% of adepts in a job or internship within 6 months"
    assert goal_sentence(goal, "sv") == (
        "50\xa0% av adepterna har arbete eller praktik inom 6 månader"
    )
    one = Goal(None, target=1, unit="count", measure="mentor_again")
    many = Goal(None, target=12, unit="count", measure="mentor_again")
    assert goal_sentence(one, "en") == "1 mentor would mentor again"
    assert goal_sentence(many, "en") == "12 mentors would mentor again"
    other = Goal(None, text="Två artiklar i lokalpressen", target=2, unit="count", measure="other")
    assert goal_sentence(other, "en") == "2: Två artiklar i lokalpressen"
    assert goal_sentence(Goal(None, text="Utan siffra"), "en") == "Utan siffra"


def test_every_outcome_says_how_it_is_measured() -> None:
    for outcome in OUTCOMES:
        goal = Goal(None, target=50, measure=outcome.key, measure_note="Anteckning.")
        how = measured_with(goal, "en")
        assert how.endswith("Anteckning."), outcome.key
        assert goal_sentence(goal, "sv") and goal_sentence(goal, "en"), outcome.key
    status = measured_with(Goal(None, measure="job_or_internship_6m"), "en")
    assert "six months" in status and "“status”" in status
    assert "“in_field”" in measured_with(Goal(None, measure="in_field"), "en")
    assert "”new_contact”" in measured_with(Goal(None, measure="new_contacts"), "sv")


def test_a_fractional_count_takes_the_plural() -> None:
    from mentorapp.planning.goals import Goal, goal_sentence

    sentence = goal_sentence(Goal(None, target=1.5, unit="count", measure="meetings_held"), "en")
    assert "1.5 meetings" in sentence
