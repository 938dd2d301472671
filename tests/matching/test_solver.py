"""The solver: hard rules always kept, optimal against exhaustive search, rules and
accepted groups respected, the same answer for the same data."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorapp.matching.model import Weights
from mentorapp.matching.proposal import build_proposal
from mentorapp.matching.rules import score_pair
from mentorapp.matching.solver import allowed_pair, pair_tables, solve
from tests.matching.helpers import Round, exhaustive, objective, person, rounds


def run(round_: Round, spread: bool = True, locks: bool = True) -> dict[int, int]:
    return solve(
        round_.adepts,
        round_.mentors,
        round_.weights,
        spread,
        round_.locked if locks else (),
        round_.fixed,
        round_.nevers,
    )


@settings(max_examples=300, deadline=None)
@given(rounds(), st.booleans())
def test_hard_rules_are_never_broken(round_: Round, spread: bool) -> None:
    assignment = run(round_, spread)
    by_id = {p.enrolment_id: p for p in round_.adepts + round_.mentors}
    for adept_id, mentor_id in assignment.items():
        assert by_id[adept_id] in round_.adepts and by_id[mentor_id] in round_.mentors
        if round_.fixed.get(adept_id) != mentor_id:
            assert allowed_pair(by_id[mentor_id], by_id[adept_id], round_.nevers)
    for mentor_id, taken in Counter(assignment.values()).items():
        assert taken <= by_id[mentor_id].capacity
    assert all(assignment[a] == m for a, m in round_.fixed.items())


@settings(max_examples=200, deadline=None)
@given(rounds())
def test_as_good_as_exhaustive_search_without_spread(round_: Round) -> None:
    placed, _used, score = objective(round_, run(round_, spread=False, locks=False))
    best = exhaustive(round_, spread=False)
    assert (placed, score) == (best[0], best[2])


@settings(max_examples=200, deadline=None)
@given(rounds())
def test_as_good_as_exhaustive_search_with_spread(round_: Round) -> None:
    assert objective(round_, run(round_, locks=False)) == exhaustive(round_, spread=True)


@settings(max_examples=100, deadline=None)
@given(rounds(rules=False))
def test_the_table_scores_agree_with_score_pair(round_: Round) -> None:
    allowed, scores = pair_tables(round_.adepts, round_.mentors, round_.weights)
    for i, adept in enumerate(round_.adepts):
        for j, mentor in enumerate(round_.mentors):
            assert allowed[i, j] == allowed_pair(mentor, adept, ())
            assert scores[i, j] == score_pair(mentor, adept, round_.weights).score


@settings(max_examples=150, deadline=None)
@given(rounds(), st.randoms(use_true_random=False))
def test_same_data_in_another_order_gives_the_same_answer(round_: Round, rng: random.Random):
    first = run(round_)
    shuffled = Round(
        rng.sample(round_.adepts, len(round_.adepts)),
        rng.sample(round_.mentors, len(round_.mentors)),
        round_.weights,
        round_.nevers,
        round_.locked,
        round_.fixed,
    )
    assert run(shuffled) == first
    assert run(round_) == first


@settings(max_examples=150, deadline=None)
@given(rounds())
def test_consistent_locks_are_all_kept(round_: Round) -> None:
    by_id = {p.enrolment_id: p for p in round_.adepts + round_.mentors}
    taken = Counter(round_.fixed.values())
    locks = set()
    for mentor_id, adept_id in sorted(round_.locked, key=lambda pair: pair[1]):
        mentor, adept = by_id[mentor_id], by_id[adept_id]
        if adept_id in round_.fixed or adept_id in {a for _, a in locks}:
            continue
        if allowed_pair(mentor, adept, round_.nevers) and taken[mentor_id] < mentor.capacity:
            locks.add((mentor_id, adept_id))
            taken[mentor_id] += 1
    round_.locked = locks
    assignment = run(round_)
    assert all(assignment.get(a) == m for m, a in locks)


def test_a_lock_beats_a_better_score() -> None:
    adept = person()
    best = person(capacity=1)
    weak = person(capacity=1, education_field="7", industry="Q", years=None)
    assert solve([adept], [best, weak], Weights()) == {adept.enrolment_id: best.enrolment_id}
    locked = {(weak.enrolment_id, adept.enrolment_id)}
    assert solve([adept], [best, weak], Weights(), locked=locked) == {
        adept.enrolment_id: weak.enrolment_id
    }


def test_a_lock_that_breaks_a_rule_is_not_kept() -> None:
    adept = person(languages=("sv",))
    english = person(languages=("en",))
    locked = {(english.enrolment_id, adept.enrolment_id)}
    assert solve([adept], [english], Weights(), locked=locked) == {}


def test_a_never_pair_is_not_proposed_even_if_it_is_the_only_one() -> None:
    adept, mentor = person(), person()
    nevers = {(mentor.enrolment_id, adept.enrolment_id)}
    assert solve([adept], [mentor], Weights(), nevers=nevers) == {}


def test_accepted_pairs_stay_and_use_the_mentors_places() -> None:
    mentor = person(capacity=2)
    kept, first, second = person(years=20), person(), person()
    fixed = {kept.enrolment_id: mentor.enrolment_id}
    result = solve([kept, first, second], [mentor], Weights(), fixed=fixed)
    assert result[kept.enrolment_id] == mentor.enrolment_id
    assert len(result) == 2


def test_placing_more_adepts_wins_over_a_higher_score() -> None:
    # a scores 100 with the only mentor who speaks English, and 0 with the other; b speaks
    # only English. Placing both (total 0) beats placing a alone (total 100).
    only_field = Weights(field=100, industry=0, experience=0, wishes=0, city=0, languages=0)
    a = person(languages=("sv", "en"))
    b = person(languages=("en",), education_field="7")
    perfect = person(languages=("sv", "en"), capacity=1)
    plain = person(languages=("sv",), education_field="2", capacity=1)
    assert score_pair(perfect, a, only_field).score == 100
    assert score_pair(plain, a, only_field).score == score_pair(perfect, b, only_field).score == 0
    for spread in (False, True):
        result = solve([a, b], [perfect, plain], only_field, spread)
        assert result == {a.enrolment_id: plain.enrolment_id, b.enrolment_id: perfect.enrolment_id}


def test_spread_gives_each_mentor_one_adept_before_anyone_gets_two() -> None:
    star = person(capacity=2, years=20)
    other = person(capacity=1, education_field="2", industry="A", years=None)
    a, b = person(), person()
    spread = solve([a, b], [star, other], Weights(), spread=True)
    assert sorted(Counter(spread.values()).values()) == [1, 1]
    packed = solve([a, b], [star, other], Weights(), spread=False)
    assert set(packed.values()) == {star.enrolment_id}


@settings(max_examples=50, deadline=None)
@given(rounds(), st.randoms(use_true_random=False))
def test_the_whole_proposal_is_the_same_in_another_order(round_: Round, rng: random.Random):
    def propose(adepts, mentors):
        return build_proposal(
            adepts,
            mentors,
            round_.weights,
            locked=round_.locked,
            fixed=round_.fixed,
            nevers=round_.nevers,
        )

    first = propose(round_.adepts, round_.mentors)
    again = propose(
        rng.sample(round_.adepts, len(round_.adepts)),
        rng.sample(round_.mentors, len(round_.mentors)),
    )
    assert again == first
    assert [g.mentor.enrolment_id for g in again.groups] == [
        g.mentor.enrolment_id for g in first.groups
    ]
