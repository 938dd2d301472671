"""The hard rules of a pair and the score of an allowed pair, one pair at a time.

The solver computes the same numbers for a whole round at once with NumPy
(``solver.pair_tables``); a test holds the two to each other, so this module stays the
readable definition of what a pair is worth.
"""

from __future__ import annotations

from collections.abc import Collection

from mentorapp.domain import languages
from mentorapp.domain.text import fold_words
from mentorapp.i18n import N_
from mentorapp.matching.model import Candidate, Message, PairScore, Part, Weights, scaled

LANGUAGE_ORDER = languages.MEETING_CODES  # the meeting languages, in the table's order
FULL_EXPERIENCE_GAP = 3  # mentor years ≥ adept years + 3: full points; +1 or +2: half
UNKNOWN_FIELD = "9"  # SUN 2020 "Okänd": as good as not coded


def shared_languages(mentor: Candidate, adept: Candidate) -> tuple[str, ...]:
    return tuple(
        code for code in LANGUAGE_ORDER if code in mentor.languages and code in adept.languages
    )


def same_city(mentor: Candidate, adept: Candidate) -> bool:
    return bool(mentor.city_key) and mentor.city_key == adept.city_key


def can_meet(mentor: Candidate, adept: Candidate) -> bool:
    """In the same city, or both willing to meet digitally."""
    return same_city(mentor, adept) or (mentor.digital and adept.digital)


def field_code(person: Candidate) -> str:
    """The SUN field of education that can match: "" when not coded or coded as unknown."""
    return "" if person.education_field == UNKNOWN_FIELD else person.education_field


def hard_rule_message(
    mentor: Candidate, adept: Candidate, nevers: Collection[tuple[int, int]] = ()
) -> Message | None:
    """The first hard rule the pair breaks, or None. Capacity is counted by the caller."""
    names = {"mentor": mentor.name or mentor.email, "adept": adept.name or adept.email}
    if not shared_languages(mentor, adept):
        return Message(N_("{mentor} and {adept} share no meeting language."), names)
    if not can_meet(mentor, adept):
        if mentor.digital or adept.digital:
            template = N_(
                "{mentor} lives in {mentor_city} and {adept} in {adept_city}, and only one "
                "of them meets digitally."
            )
        else:
            template = N_(
                "{mentor} lives in {mentor_city} and {adept} in {adept_city}, and neither "
                "meets digitally."
            )
        cities = {"mentor_city": mentor.city or "?", "adept_city": adept.city or "?"}
        return Message(template, {**names, **cities})
    if (mentor.enrolment_id, adept.enrolment_id) in nevers:
        return Message(N_("{mentor} and {adept} are marked “never” to be paired."), names)
    return None


def full_message(mentor: Candidate, taken: int) -> Message:
    return Message(
        N_("{mentor} is already full ({taken} of {capacity} places taken)."),
        {"mentor": mentor.name or mentor.email, "taken": taken, "capacity": mentor.capacity},
    )


def score_pair(mentor: Candidate, adept: Candidate, weights: Weights) -> PairScore:
    """Every part with the points it earns (0 included), and the total scaled to 0–100."""
    parts = (
        _field(mentor, adept, weights.field),
        _industry(mentor, adept, weights.industry),
        _experience(mentor, adept, weights.experience),
        _wishes(mentor, adept, weights.wishes),
        _city(mentor, adept, weights.city),
        _languages(mentor, adept, weights.languages),
    )
    return PairScore(scaled(sum(p.points for p in parts), weights.total), parts)


def experience_points(mentor_years: int | None, adept_years: int | None, weight: int) -> int:
    if mentor_years is None or adept_years is None:
        return 0
    gap = mentor_years - adept_years
    if gap >= FULL_EXPERIENCE_GAP:
        return weight
    return weight // 2 if gap >= 1 else 0


def _field(mentor: Candidate, adept: Candidate, weight: int) -> Part:
    if not field_code(mentor) or not field_code(adept):
        return Part("field", "unknown", 0)
    if mentor.education_field != adept.education_field:
        return Part("field", "other", 0)
    return Part("field", "same", weight, {"field": adept.education_field})


def _industry(mentor: Candidate, adept: Candidate, weight: int) -> Part:
    # We only know the adept's own industry, so it stands for the industry they aim for.
    if not mentor.industry or not adept.industry:
        return Part("industry", "unknown", 0)
    if mentor.industry != adept.industry:
        return Part("industry", "other", 0)
    return Part("industry", "same", weight, {"industry": adept.industry})


def _experience(mentor: Candidate, adept: Candidate, weight: int) -> Part:
    if mentor.years is None or adept.years is None:
        return Part("experience", "unknown", 0)
    points = experience_points(mentor.years, adept.years, weight)
    gap = mentor.years - adept.years
    variant = "more" if gap >= FULL_EXPERIENCE_GAP else "little" if gap >= 1 else "less"
    return Part("experience", variant, points, {"mentor": mentor.years, "adept": adept.years})


def _wishes(mentor: Candidate, adept: Candidate, weight: int) -> Part:
    wish = fold_words(adept.preferred_mentor_gender)
    if not wish:
        return Part("wishes", "none", weight)
    gender = {"gender": adept.preferred_mentor_gender.strip()}
    if fold_words(mentor.gender) == wish:
        return Part("wishes", "met", weight, gender)
    return Part("wishes", "unmet", 0, gender)


def _city(mentor: Candidate, adept: Candidate, weight: int) -> Part:
    if same_city(mentor, adept):
        return Part("city", "same", weight, {"city": adept.city.strip()})
    return Part("city", "other", 0)


def _languages(mentor: Candidate, adept: Candidate, weight: int) -> Part:
    shared = shared_languages(mentor, adept)
    if len(shared) == len(LANGUAGE_ORDER):
        return Part("languages", "both", weight)
    if shared:
        return Part("languages", "one", 0, {"language": shared[0]})
    return Part("languages", "none", 0)
