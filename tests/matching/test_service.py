"""The matching service on a real database file."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from mentorapp.domain.models import Enrolment, GroupMember, MatchGroup
from mentorapp.errors import ValidationError
from mentorapp.matching.model import Weights
from mentorapp.workspace.services import Services
from tests.matching.conftest import Add


def pairs(proposal) -> dict[str, str]:
    return {p.adept.email: g.mentor.email for g in proposal.groups for p in g.adepts}


def test_only_accepted_people_take_part_once_someone_is_accepted(services, cohort, add: Add):
    adept = add("adept")
    add("adept", status="waitlisted")
    add("adept", status="declined")
    mentor = add("mentor", capacity=3)
    proposal = services.matching.propose(cohort.id)
    assert proposal.source == "accepted"
    assert pairs(proposal) == {adept.email: mentor.email}
    assert proposal.unmatched == ()


def test_all_applicants_take_part_while_nobody_is_accepted(services, cohort, add: Add):
    applied = add("adept", status="applied")
    interview = add("adept", status="interview")
    add("adept", status="declined")
    add("mentor", status="withdrawn", capacity=3)
    mentor = add("mentor", status="waitlisted", capacity=3)
    proposal = services.matching.propose(cohort.id)
    assert proposal.source == "applicants"
    assert pairs(proposal) == {applied.email: mentor.email, interview.email: mentor.email}


def test_the_best_mentor_is_chosen_and_the_rest_explained(services, cohort, add: Add):
    adept = add("adept", languages=("en",), city="Lund")
    alone = add("adept", city="Kiruna")
    add("mentor", city="Lund", languages=("sv",))
    good = add("mentor", city="Lund", languages=("sv", "en"))
    proposal = services.matching.propose(cohort.id)
    assert pairs(proposal) == {adept.email: good.email}
    (left,) = proposal.unmatched
    assert left.adept.email == alone.email
    assert left.texts == ["no mentor in Kiruna, and the adept does not meet digitally"]
    assert proposal.help_texts and "Kiruna" in proposal.help_texts[0]


def test_weights_are_saved_and_used(services: Services, programme, cohort, add: Add):
    adept = add("adept", education_field="7", city="Lund", digital=True)
    same_field = add("mentor", education_field="7", city="Malmö", digital=True)
    same_city = add("mentor", education_field="3", city="Lund")
    assert pairs(services.matching.propose(cohort.id)) == {adept.email: same_field.email}
    city_first = Weights(field=5, industry=0, experience=0, wishes=0, city=50, languages=0)
    services.matching.save_weights(programme.id, city_first, spread=False)
    assert services.matching.weights(programme.id) == city_first
    assert services.matching.spread(programme.id) is False
    proposal = services.matching.propose(cohort.id)
    assert pairs(proposal) == {adept.email: same_city.email}
    assert proposal.groups[0].score == 91  # 50 of 55
    with pytest.raises(ValidationError):
        services.matching.save_weights(programme.id, Weights(0, 0, 0, 0, 0, 0), True)
    services.matching.save_weights(programme.id, Weights(), True)
    assert services.matching.weights(programme.id) == Weights()


def test_lock_never_allow_unlock(services: Services, cohort, add: Add):
    adept = add("adept")
    best = add("mentor")
    other = add("mentor", education_field="2", industry="A")
    matching = services.matching
    assert pairs(matching.propose(cohort.id)) == {adept.email: best.email}
    matching.lock(cohort.id, other.enrolment_id, adept.enrolment_id)
    proposal = matching.propose(cohort.id)
    assert pairs(proposal) == {adept.email: other.email}
    assert proposal.groups[0].adepts[0].locked
    assert matching.rules(cohort.id) == {(other.enrolment_id, adept.enrolment_id): "locked"}
    matching.unlock(cohort.id, other.enrolment_id, adept.enrolment_id)
    matching.never(cohort.id, best.enrolment_id, adept.enrolment_id)
    assert pairs(matching.propose(cohort.id)) == {adept.email: other.email}
    matching.never(cohort.id, other.enrolment_id, adept.enrolment_id)
    (left,) = matching.propose(cohort.id).unmatched
    assert left.texts == ["every possible mentor is marked “never”"]
    matching.allow(cohort.id, best.enrolment_id, adept.enrolment_id)
    assert pairs(matching.propose(cohort.id)) == {adept.email: best.email}


def test_a_lock_that_breaks_a_rule_is_refused(services: Services, cohort, add: Add):
    adept = add("adept", languages=("en",))
    mentor = add("mentor", languages=("sv",))
    with pytest.raises(ValidationError) as refused:
        services.matching.lock(cohort.id, mentor.enrolment_id, adept.enrolment_id)
    assert "share no meeting language" in refused.value.user_message()
    assert services.matching.rules(cohort.id) == {}


def test_move_replaces_the_adepts_other_lock(services: Services, cohort, add: Add):
    adept, first, second = add("adept"), add("mentor"), add("mentor")
    services.matching.lock(cohort.id, first.enrolment_id, adept.enrolment_id)
    services.matching.move(cohort.id, adept.enrolment_id, second.enrolment_id)
    assert services.matching.rules(cohort.id) == {
        (second.enrolment_id, adept.enrolment_id): "locked"
    }


def test_evaluate_move(services: Services, cohort, add: Add):
    a = add("adept", education_field="4")
    b = add("adept", education_field="2")
    m1 = add("mentor", education_field="4", capacity=1)
    m2 = add("mentor", education_field="2", capacity=1, first_name="Full")
    english = add("mentor", languages=("en",), first_name="Eve", last_name="English")
    spare = add("mentor", education_field="7", capacity=1)
    proposal = services.matching.propose(cohort.id)
    assert pairs(proposal) == {a.email: m1.email, b.email: m2.email}

    def check(mentor):
        return services.matching.evaluate_move(
            cohort.id, a.enrolment_id, mentor.enrolment_id, proposal
        )

    refused = check(english)
    assert not refused.allowed and refused.pair is None
    assert refused.message == f"Eve English and {a.name} share no meeting language."
    assert check(m2).message == "Full Testsson is already full (1 of 1 places taken)."
    assert check(m1).allowed and check(m1).pair.points["field"] == 35
    moved = check(spare)
    assert moved.allowed and moved.message == ""
    assert moved.pair.points["field"] == 0 and moved.pair.points["city"] == 10
    assert moved.pair.score == 60  # industry 25, experience 15, wishes 10, city 10
    services.matching.never(cohort.id, spare.enrolment_id, a.enrolment_id)
    assert "never" in check(spare).message


def test_accept_groups_dissolve(services: Services, cohort, add: Add):
    a1, a2 = add("adept"), add("adept", languages=("sv", "en"))
    mentor = add("mentor", capacity=2)
    matching = services.matching
    proposal = matching.propose(cohort.id)
    (group_id,) = matching.accept(cohort.id, proposal)
    (group,) = matching.groups(cohort.id)
    assert group.id == group_id and group.mentor.email == mentor.email
    assert {m.row.email for m in group.adepts} == {a1.email, a2.email}
    assert group.language == "sv" and group.score == proposal.groups[0].score
    assert group.parts == proposal.groups[0].parts
    assert group.adepts[0].parts[0].text.startswith("same field of education")
    text = matching.groups_text(cohort.id)
    assert "Vår 2027" in text and mentor.email in text and a2.name in text
    again = matching.propose(cohort.id)
    assert all(p.accepted for p in again.groups[0].adepts)
    assert matching.accept(cohort.id, again) == []
    assert len(matching.groups(cohort.id)) == 1
    matching.dissolve(group_id)
    assert matching.groups(cohort.id) == []
    with services.database.reading() as session:
        assert session.scalars(select(GroupMember)).first() is None
    with pytest.raises(ValidationError):
        matching.dissolve(group_id)


def test_accepted_groups_are_kept_and_can_grow(services: Services, cohort, add: Add):
    first = add("adept", education_field="2")
    mentor = add("mentor", capacity=2)
    matching = services.matching
    (group_id,) = matching.accept(cohort.id, matching.propose(cohort.id))
    better = add("mentor", education_field="2", capacity=1)
    late = add("adept", education_field="7", languages=("sv", "en"))
    proposal = matching.propose(cohort.id)
    assert pairs(proposal)[first.email] == mentor.email  # kept, although better is free now
    assert pairs(proposal)[late.email] in {mentor.email, better.email}
    matching.move(cohort.id, late.enrolment_id, mentor.enrolment_id)
    proposal = matching.propose(cohort.id)
    assert matching.accept(cohort.id, proposal) == [group_id]
    (group,) = matching.groups(cohort.id)
    assert {m.row.email for m in group.adepts} == {first.email, late.email}
    with services.database.reading() as session:
        stored = session.get(MatchGroup, group_id)
        assert set(json.loads(stored.parts)) == {str(first.enrolment_id), str(late.enrolment_id)}
    with pytest.raises(ValidationError):
        matching.move(cohort.id, first.enrolment_id, better.enrolment_id)
    with pytest.raises(ValidationError):
        matching.never(cohort.id, mentor.enrolment_id, first.enrolment_id)


def test_a_proposal_that_is_out_of_date_is_refused(services: Services, cohort, add: Add):
    adept = add("adept")
    add("mentor")
    proposal = services.matching.propose(cohort.id)
    with services.database.transaction() as session:  # the adept leaves the round meanwhile
        session.delete(session.get(Enrolment, adept.enrolment_id))
    with pytest.raises(ValidationError):
        services.matching.accept(cohort.id, proposal)
    assert services.matching.groups(cohort.id) == []


def test_group_language_when_two_adepts_share_none(services: Services, cohort, add: Add):
    add("adept", languages=("sv",))
    add("adept", languages=("en",))
    add("adept", languages=("en",))
    add("mentor", languages=("sv", "en"), capacity=3)
    (group,) = services.matching.propose(cohort.id).groups
    assert group.language == "en"
    assert group.language_note is not None and "English" in group.language_note.text


def test_scipy_is_imported_only_when_solving() -> None:
    import subprocess
    import sys

    code = (
        "import sys, mentorapp.workspace.services, mentorapp.matching.service; "
        "assert 'scipy' not in sys.modules, 'scipy was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
