"""The exact proposal: one assignment problem solved by SciPy, never a greedy loop.

Every mentor with ``c`` free places becomes ``c`` columns (slots), every free adept a row.
A cell's value encodes the coordinator's priorities lexicographically with integer tiers:

    value = PLACE + SPREAD · [first slot of an unused mentor] + score        (allowed cells)
    value = 0                                                               (forbidden cells)

``SPREAD`` exceeds the largest possible total score, and ``PLACE`` exceeds everything the lower
tiers can add together, so a maximum-value assignment first places as many adepts as possible,
then (with spread on) uses as many mentors as possible, then has the highest total score.
A forbidden cell is worth exactly as much as leaving the adept out, so dropping the
assignments that land on one never loses anything. All values are integers far below 2**53,
so the float arithmetic inside SciPy is exact.

Rows and columns are ordered by enrolment id, so the same data always gives the same answer,
whatever order it was read in. Pure: no database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from mentorapp.domain.text import fold_words
from mentorapp.matching.model import Candidate, Weights
from mentorapp.matching.rules import (
    FULL_EXPERIENCE_GAP,
    LANGUAGE_ORDER,
    can_meet,
    field_code,
    shared_languages,
)

if TYPE_CHECKING:
    import numpy as np

Pair = tuple[int, int]  # (mentor enrolment id, adept enrolment id)
MAX_SCORE = 100


def _unique(people: Iterable[Candidate]) -> list[Candidate]:
    return sorted({p.enrolment_id: p for p in people}.values(), key=lambda p: p.enrolment_id)


def solve(
    adepts: Sequence[Candidate],
    mentors: Sequence[Candidate],
    weights: Weights,
    spread: bool = True,
    locked: Collection[Pair] = (),
    fixed: Mapping[int, int] | None = None,
    nevers: Collection[Pair] = (),
) -> dict[int, int]:
    """Adept enrolment id → mentor enrolment id.

    ``fixed`` (accepted groups) is kept as it is and uses its mentors' places. A ``locked``
    pair is kept when it still keeps the hard rules and its mentor has a place left (locks
    are taken in order of adept, then mentor); otherwise the adept is placed freely.
    """
    adepts, mentors = _unique(adepts), _unique(mentors)
    by_adept = {a.enrolment_id: a for a in adepts}
    by_mentor = {m.enrolment_id: m for m in mentors}
    nevers = set(nevers)
    assignment = dict(sorted((fixed or {}).items()))
    taken = Counter(assignment.values())
    for mentor_id, adept_id in sorted(locked, key=lambda pair: (pair[1], pair[0])):
        adept, mentor = by_adept.get(adept_id), by_mentor.get(mentor_id)
        if adept is None or mentor is None or adept_id in assignment:
            continue
        if allowed_pair(mentor, adept, nevers) and taken[mentor_id] < mentor.capacity:
            assignment[adept_id] = mentor_id
            taken[mentor_id] += 1
    free = [a for a in adepts if a.enrolment_id not in assignment]
    open_mentors = [m for m in mentors if m.capacity > taken[m.enrolment_id]]
    if free and open_mentors:
        allowed, scores = pair_tables(free, open_mentors, weights, nevers)
        places = [m.capacity - taken[m.enrolment_id] for m in open_mentors]
        unused = [taken[m.enrolment_id] == 0 for m in open_mentors]
        for row, column in _assign(allowed, scores, places, unused, spread):
            assignment[free[row].enrolment_id] = open_mentors[column].enrolment_id
    return assignment


def allowed_pair(mentor: Candidate, adept: Candidate, nevers: Collection[Pair]) -> bool:
    return (
        bool(shared_languages(mentor, adept))
        and can_meet(mentor, adept)
        and (mentor.enrolment_id, adept.enrolment_id) not in nevers
    )


def _ids(adept_values: list[str], mentor_values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Text as integers for comparing with NumPy; an empty text equals nothing, not even
    another empty text (-1 for adepts, -2 for mentors)."""
    import numpy as np

    codes: dict[str, int] = {}

    def encode(values: list[str], empty: int) -> np.ndarray:
        return np.array(
            [codes.setdefault(v, len(codes)) if v else empty for v in values], dtype=np.int64
        )

    return encode(adept_values, -1), encode(mentor_values, -2)


def pair_tables(
    adepts: Sequence[Candidate],
    mentors: Sequence[Candidate],
    weights: Weights,
    nevers: Collection[Pair] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """For every adept (row) and mentor (column): whether the hard rules allow the pair, and
    its score 0–100, exactly as ``rules.score_pair`` computes it one pair at a time."""
    import numpy as np

    def column(values: list, dtype: type = np.int64) -> np.ndarray:
        return np.array(values, dtype=dtype)[:, None]

    def row(values: list, dtype: type = np.int64) -> np.ndarray:
        return np.array(values, dtype=dtype)[None, :]

    def mask(person: Candidate) -> int:
        """One bit per meeting language the person speaks."""
        return sum(1 << n for n, code in enumerate(LANGUAGE_ORDER) if code in person.languages)

    lang_a, lang_m = column([mask(a) for a in adepts]), row([mask(m) for m in mentors])
    city_a, city_m = _ids([a.city_key for a in adepts], [m.city_key for m in mentors])
    same_city = city_a[:, None] == city_m[None, :]
    digital = column([a.digital for a in adepts], bool) & row([m.digital for m in mentors], bool)
    allowed = ((lang_a & lang_m) != 0) & (same_city | digital)
    row_of = {a.enrolment_id: i for i, a in enumerate(adepts)}
    column_of = {m.enrolment_id: j for j, m in enumerate(mentors)}
    for mentor_id, adept_id in nevers:
        if adept_id in row_of and mentor_id in column_of:
            allowed[row_of[adept_id], column_of[mentor_id]] = False

    field_a, field_m = _ids([field_code(a) for a in adepts], [field_code(m) for m in mentors])
    industry_a, industry_m = _ids([a.industry for a in adepts], [m.industry for m in mentors])
    wishes = [fold_words(a.preferred_mentor_gender) for a in adepts]
    wish_a, gender_m = _ids(wishes, [fold_words(m.gender) for m in mentors])
    nan = float("nan")
    years_a = column([nan if a.years is None else a.years for a in adepts], float)
    years_m = row([nan if m.years is None else m.years for m in mentors], float)
    gap = years_m - years_a  # NaN where unknown: every comparison below is False
    wish_met = column([not wish for wish in wishes], bool) | (wish_a[:, None] == gender_m[None, :])
    earned = (
        weights.field * (field_a[:, None] == field_m[None, :])
        + weights.industry * (industry_a[:, None] == industry_m[None, :])
        + weights.experience * (gap >= FULL_EXPERIENCE_GAP)
        + (weights.experience // 2) * ((gap >= 1) & (gap < FULL_EXPERIENCE_GAP))
        + weights.wishes * wish_met
        + weights.city * same_city
        + weights.languages * ((lang_a & lang_m) == 3)
    ).astype(np.int64)
    total = weights.total
    scores = (200 * earned + total) // (2 * total) if total > 0 else np.zeros_like(earned)
    return allowed, scores


def _assign(
    allowed: np.ndarray,
    scores: np.ndarray,
    places: list[int],
    unused: list[bool],
    spread: bool,
) -> list[tuple[int, int]]:
    """(row, mentor column) pairs of a best assignment; see the module docstring."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment  # slow to import: only when solving

    rows = np.flatnonzero(allowed.any(axis=1))
    mentors = np.flatnonzero(allowed.any(axis=0))
    if rows.size == 0:
        return []
    slots = np.minimum(np.array(places)[mentors], rows.size)
    slot_mentor = np.repeat(mentors, slots)
    first_slot = np.zeros(slot_mentor.size, dtype=bool)
    first_slot[np.cumsum(slots) - slots] = True
    bonus = first_slot & np.array(unused)[slot_mentor] if spread else np.zeros_like(first_slot)

    best_total = MAX_SCORE * min(rows.size, slot_mentor.size)
    spread_step = best_total + 1 if spread else 0
    place_step = spread_step * int(bonus.sum()) + best_total + 1
    cells = np.ix_(rows, slot_mentor)
    value = np.where(
        allowed[cells], place_step + spread_step * bonus[None, :] + scores[cells], 0
    ).astype(np.float64)
    chosen_rows, chosen_slots = linear_sum_assignment(value, maximize=True)
    keep = value[chosen_rows, chosen_slots] > 0
    return [
        (int(rows[r]), int(slot_mentor[s]))
        for r, s in zip(chosen_rows[keep], chosen_slots[keep], strict=True)
    ]
