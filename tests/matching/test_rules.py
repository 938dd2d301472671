"""Hard rules of a pair, the parts of its score in words, and the weights."""

from __future__ import annotations

import pytest

from mentorapp import i18n
from mentorapp.errors import ValidationError
from mentorapp.matching.model import Candidate, Weights, scaled
from mentorapp.matching.rules import hard_rule_message, score_pair
from tests.matching.helpers import person


def hard_rule_problem(
    mentor: Candidate, adept: Candidate, nevers: set[tuple[int, int]] | None = None
) -> str | None:
    """The broken hard rule in the current UI language, or None when the pair is allowed."""
    message = hard_rule_message(mentor, adept, nevers or set())
    return message.text if message else None


def test_a_pair_needs_a_shared_language() -> None:
    mentor, adept = person(languages=("en",), name="Mona"), person(languages=("sv",), name="Adil")
    assert hard_rule_problem(mentor, adept) == "Mona and Adil share no meeting language."


def test_cities_are_compared_trimmed_and_in_any_case() -> None:
    assert hard_rule_problem(person(city=" UMEÅ "), person(city="umeå")) is None


def test_other_cities_need_both_to_meet_digitally() -> None:
    mentor = person(city="Malmö", name="Mona")
    adept = person(city="Umeå", name="Adil", digital=True)
    assert hard_rule_problem(mentor, adept) == (
        "Mona lives in Malmö and Adil in Umeå, and only one of them meets digitally."
    )
    assert hard_rule_problem(person(city="Malmö", digital=True), adept) is None


def test_a_never_pair_is_refused() -> None:
    mentor, adept = person(name="Mona"), person(name="Adil")
    problem = hard_rule_problem(mentor, adept, {(mentor.enrolment_id, adept.enrolment_id)})
    assert problem == "Mona and Adil are marked “never” to be paired."


def test_a_perfect_pair_scores_100_and_says_why() -> None:
    mentor = person(
        education_field="3", industry="K", years=12, gender="Kvinna", languages=("sv", "en")
    )
    adept = person(
        education_field="3",
        industry="K",
        years=4,
        preferred_mentor_gender=" kvinna",
        languages=("sv", "en"),
    )
    pair = score_pair(mentor, adept, Weights())
    assert pair.score == 100
    assert pair.points == {
        "field": 35,
        "industry": 25,
        "experience": 15,
        "wishes": 10,
        "city": 10,
        "languages": 5,
    }
    assert (
        pair.texts[0]
        == "same field of education: Social sciences, law, business and administration +35"
    )
    assert pair.texts[4] == "same city: Umeå +10"


def test_parts_are_shown_in_the_current_language() -> None:
    pair = score_pair(person(education_field="3"), person(education_field="3"), Weights())
    i18n.set_language("sv")
    assert "Samhällsvetenskap, juridik, handel, administration +35" in pair.parts[0].text


@pytest.mark.parametrize(
    ("mentor_years", "adept_years", "points"),
    [(10, 7, 15), (9, 7, 7), (8, 7, 7), (7, 7, 0), (3, 7, 0), (None, 7, 0), (10, None, 0)],
)
def test_experience(mentor_years, adept_years, points) -> None:
    pair = score_pair(person(years=mentor_years), person(years=adept_years), Weights())
    assert pair.points["experience"] == points


def test_wishes() -> None:
    man, woman = person(gender="man"), person(gender="kvinna")
    wish = person(preferred_mentor_gender="Kvinna")
    assert score_pair(woman, wish, Weights()).points["wishes"] == 10
    assert score_pair(man, wish, Weights()).points["wishes"] == 0
    assert score_pair(man, person(), Weights()).points["wishes"] == 10


def test_industry_and_unknown_field() -> None:
    pair = score_pair(
        person(industry="J", education_field="9"),
        person(industry="J", education_field="9"),
        Weights(),
    )
    assert pair.points["industry"] == 25 and pair.points["field"] == 0


def test_changed_weights_are_scaled_to_100() -> None:
    weights = Weights(field=10, industry=0, experience=0, wishes=0, city=10, languages=0)
    mentor, adept = person(education_field="4", city="Lund"), person(education_field="4")
    assert score_pair(mentor, adept, weights).score == 50
    assert scaled(1, 3) == 33 and scaled(1, 2) == 50 and scaled(5, 0) == 0


def test_weights_round_trip_and_defaults() -> None:
    weights = Weights(field=40, industry=20, experience=10, wishes=10, city=15, languages=5)
    assert Weights.from_json(weights.to_json()) == weights
    assert Weights.from_json("") == Weights() == Weights.from_json("not json")
    assert Weights.from_json('{"field": 50, "city": -3}') == Weights(field=50)
    assert Weights().total == 100


def test_weights_are_checked() -> None:
    with pytest.raises(ValidationError):
        Weights(0, 0, 0, 0, 0, 0).check()
    with pytest.raises(ValidationError):
        Weights(field=101).check()
    Weights(field=0).check()
