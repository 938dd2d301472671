"""Invented candidates and rounds for the matching tests, and an exhaustive search to check
the solver against."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import count

from hypothesis import strategies as st

from mentorapp.matching.model import Candidate, Weights
from mentorapp.matching.rules import score_pair
from mentorapp.matching.solver import allowed_pair

_ids = count(1)
CITIES = ("Umeå", " umeå", "UMEÅ ", "Malmö", "Lund")
LANGUAGES = (("sv",), ("en",), ("sv", "en"))


def person(**values: object) -> Candidate:
    """A candidate with a fresh id; ``values`` override the defaults."""
    base: dict[str, object] = {
        "enrolment_id": next(_ids),
        "city": "Umeå",
        "languages": ("sv",),
        "education_field": "4",
        "industry": "J",
        "years": 5,
    }
    base.update(values)
    base.setdefault("email", f"p{base['enrolment_id']}@example.com")
    base.setdefault("name", f"Person {base['enrolment_id']}")
    return Candidate(**base)  # type: ignore[arg-type]


@dataclass
class Round:
    adepts: list[Candidate]
    mentors: list[Candidate]
    weights: Weights = field(default_factory=Weights)
    nevers: set[tuple[int, int]] = field(default_factory=set)
    locked: set[tuple[int, int]] = field(default_factory=set)
    fixed: dict[int, int] = field(default_factory=dict)


def _candidate(draw: st.DrawFn, enrolment_id: int, mentor: bool) -> Candidate:
    return Candidate(
        enrolment_id=enrolment_id,
        email=f"c{enrolment_id}@example.com",
        name=f"C{enrolment_id}",
        city=draw(st.sampled_from(CITIES)),
        digital=draw(st.booleans()),
        languages=draw(st.sampled_from(LANGUAGES)),
        education_field=draw(st.sampled_from(("", "3", "4", "9"))),
        industry=draw(st.sampled_from(("", "J", "K"))),
        years=draw(st.none() | st.integers(0, 12)),
        gender=draw(st.sampled_from(("", "kvinna", "man"))),
        preferred_mentor_gender="" if mentor else draw(st.sampled_from(("", "Kvinna ", "man"))),
        capacity=draw(st.integers(1, 3)) if mentor else 1,
    )


@st.composite
def rounds(draw: st.DrawFn, max_adepts: int = 8, max_mentors: int = 5, rules: bool = True) -> Round:
    """A random small round; with ``rules``, random nevers and locks (valid or not) and
    accepted (fixed) pairs that keep the hard rules and the capacities."""
    adepts = [_candidate(draw, i, False) for i in range(1, draw(st.integers(0, max_adepts)) + 1)]
    n_mentors = draw(st.integers(0, max_mentors))
    mentors = [_candidate(draw, 100 + i, True) for i in range(1, n_mentors + 1)]
    weights = Weights(*(draw(st.integers(0, 40)) for _ in range(6)))
    round_ = Round(adepts, mentors, weights)
    pairs = [(m.enrolment_id, a.enrolment_id) for m in mentors for a in adepts]
    if not rules or not pairs:
        return round_
    round_.nevers = set(draw(st.lists(st.sampled_from(pairs), max_size=6)))
    round_.locked = set(draw(st.lists(st.sampled_from(pairs), max_size=4))) - round_.nevers
    taken: dict[int, int] = {}
    by_id = {p.enrolment_id: p for p in adepts + mentors}
    for mentor_id, adept_id in draw(st.lists(st.sampled_from(pairs), max_size=3)):
        mentor, adept = by_id[mentor_id], by_id[adept_id]
        if adept_id in round_.fixed or taken.get(mentor_id, 0) >= mentor.capacity:
            continue
        if allowed_pair(mentor, adept, round_.nevers):
            round_.fixed[adept_id] = mentor_id
            taken[mentor_id] = taken.get(mentor_id, 0) + 1
    return round_


def objective(round_: Round, assignment: dict[int, int]) -> tuple[int, int, int]:
    """(adepts placed, mentors with an adept, total score) of the adepts not fixed."""
    by_id = {p.enrolment_id: p for p in round_.adepts + round_.mentors}
    free = {a: m for a, m in assignment.items() if a not in round_.fixed}
    used = set(assignment.values()) - set(round_.fixed.values())
    score = sum(score_pair(by_id[m], by_id[a], round_.weights).score for a, m in free.items())
    return len(free), len(used), score


def exhaustive(round_: Round, spread: bool) -> tuple[int, int, int]:
    """The best (placed, mentors used, score) over every assignment of the free adepts that
    keeps the hard rules and the capacities (mentors used counts only with ``spread``).

    Each adept in turn goes to no mentor or to any allowed mentor with a place left; the
    memo is on (adept index, places left), which makes trying all of them cheap."""
    free = [a for a in round_.adepts if a.enrolment_id not in round_.fixed]
    mentors = round_.mentors
    fixed_count = [sum(1 for m in round_.fixed.values() if m == x.enrolment_id) for x in mentors]
    start = tuple(max(0, m.capacity - n) for m, n in zip(mentors, fixed_count, strict=True))
    options = [
        [
            (j, score_pair(m, a, round_.weights).score)
            for j, m in enumerate(mentors)
            if allowed_pair(m, a, round_.nevers)
        ]
        for a in free
    ]

    @cache
    def best(i: int, places: tuple[int, ...]) -> tuple[int, int, int]:
        if i == len(free):
            return (0, 0, 0)
        result = best(i + 1, places)
        for j, score in options[i]:
            if places[j] == 0:
                continue
            first = int(spread and places[j] == start[j] and fixed_count[j] == 0)
            rest = best(i + 1, (*places[:j], places[j] - 1, *places[j + 1 :]))
            result = max(result, (rest[0] + 1, rest[1] + first, rest[2] + score))
        return result

    return best(0, start)
