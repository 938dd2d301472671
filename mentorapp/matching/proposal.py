"""A round's proposal from plain candidates: solve, score the chosen pairs, explain the rest.

Kept apart from the service so the benchmark and the tests can run it on thousands of
invented people without a database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from mentorapp.i18n import N_, current_language
from mentorapp.matching import explain
from mentorapp.matching.model import Candidate, Message, Placement, Proposal, ProposedGroup, Weights
from mentorapp.matching.rules import LANGUAGE_ORDER, full_message, hard_rule_message, score_pair
from mentorapp.matching.solver import Pair, solve
from mentorapp.people.collation import sort_key


def name_key(person: Candidate) -> tuple:
    """By last name in the UI language's order, as the participants table lists people."""
    return sort_key(person.sort_name or person.name, current_language()), person.enrolment_id


def group_language(mentor: Candidate, adepts: Sequence[Candidate]) -> tuple[str, Message | None]:
    """Swedish when everyone speaks it, else English when everyone speaks that. Otherwise
    (two adepts who share no language) the language most members speak, Swedish on a tie,
    with a note naming those who do not speak it."""
    members = [mentor, *adepts]
    for code in LANGUAGE_ORDER:
        if all(code in person.languages for person in members):
            return code, None
    counts = {code: sum(code in p.languages for p in members) for code in LANGUAGE_ORDER}
    best = max(LANGUAGE_ORDER, key=lambda code: counts[code])
    others = ", ".join(p.name or p.email for p in members if best not in p.languages)
    note = Message(
        N_("Not everyone in the group speaks {language}: {names} may need meetings of their own."),
        {"language": best, "names": others},
    )
    return best, note


def build_proposal(
    adepts: Sequence[Candidate],
    mentors: Sequence[Candidate],
    weights: Weights,
    spread: bool = True,
    locked: Collection[Pair] = (),
    fixed: Mapping[int, int] | None = None,
    nevers: Collection[Pair] = (),
    source: str = "accepted",
    accepted_people: Sequence[Candidate] = (),
    group_ids: Mapping[int, int] | None = None,
) -> Proposal:
    """``adepts`` and ``mentors`` are the round's pool; ``fixed`` (adept → mentor) are the
    accepted groups, whose people may be outside the pool (``accepted_people``), and
    ``group_ids`` maps their mentors to the accepted groups' ids."""
    fixed = dict(fixed or {})
    locked = set(locked)
    assignment = solve(adepts, mentors, weights, spread, locked, fixed, nevers)
    people = {p.enrolment_id: p for p in (*accepted_people, *adepts, *mentors)}
    members: dict[int, list[int]] = defaultdict(list)
    for adept_id, mentor_id in assignment.items():
        members[mentor_id].append(adept_id)
    groups = []
    for mentor_id in sorted(members, key=lambda i: name_key(people[i])):
        mentor = people[mentor_id]
        chosen = sorted((people[a] for a in members[mentor_id]), key=name_key)
        placements = tuple(
            Placement(
                adept,
                score_pair(mentor, adept, weights),
                locked=(mentor_id, adept.enrolment_id) in locked,
                accepted=adept.enrolment_id in fixed,
            )
            for adept in chosen
        )
        language, note = group_language(mentor, chosen)
        group_id = (group_ids or {}).get(mentor_id)
        groups.append(ProposedGroup(mentor, placements, language, note, group_id))
    pool_adepts = sorted({a.enrolment_id: a for a in adepts}.values(), key=name_key)
    pool_mentors = sorted({m.enrolment_id: m for m in mentors}.values(), key=name_key)
    left_out = explain.unmatched(
        [a for a in pool_adepts if a.enrolment_id not in assignment], pool_mentors, nevers
    )
    pool = {a.enrolment_id: a for a in pool_adepts}
    open_locks = {(m, a) for m, a in locked if a not in fixed}  # accepted adepts stay put
    notes = _broken_locks(open_locks, assignment, pool, people, pool_mentors, nevers)
    return Proposal(
        groups=tuple(groups),
        unmatched=left_out,
        help=explain.help_lines(left_out),
        source=source,
        adepts=tuple(pool_adepts),
        mentors=tuple(pool_mentors),
        notes=notes,
    )


def _broken_locks(
    locked: set[Pair],
    assignment: Mapping[int, int],
    adepts: Mapping[int, Candidate],
    people: Mapping[int, Candidate],
    mentors: Sequence[Candidate],
    nevers: Collection[Pair],
) -> tuple[Message, ...]:
    """A sentence for each locked pair that could not be kept, saying why."""
    pool = {m.enrolment_id for m in mentors}
    notes = []
    for mentor_id, adept_id in sorted(locked, key=lambda pair: (pair[1], pair[0])):
        if assignment.get(adept_id) == mentor_id or adept_id not in adepts:
            continue
        mentor, adept = people.get(mentor_id), adepts[adept_id]
        if mentor is None or mentor_id not in pool:
            continue  # the mentor is not taking part: nothing the coordinator can keep
        problem = hard_rule_message(mentor, adept, nevers)
        if problem is None:
            taken = sum(1 for m in assignment.values() if m == mentor_id)
            problem = full_message(mentor, taken)
        notes.append(
            Message(
                N_("The locked pair {mentor} – {adept} was not kept: {problem}"),
                {
                    "mentor": mentor.name or mentor.email,
                    "adept": adept.name or adept.email,
                    "problem": problem,
                },
            )
        )
    return tuple(notes)
