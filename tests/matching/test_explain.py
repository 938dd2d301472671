"""Why adepts were left out, and which mentors would place them."""

from __future__ import annotations

from mentorapp import i18n
from mentorapp.matching.explain import help_lines
from mentorapp.matching.model import Weights
from mentorapp.matching.proposal import build_proposal
from tests.matching.helpers import person


def reasons_of(adepts, mentors, **rules) -> dict[str, list[str]]:
    proposal = build_proposal(adepts, mentors, Weights(), **rules)
    return {u.adept.name: u.texts for u in proposal.unmatched}


def test_no_shared_language() -> None:
    adept = person(name="A", languages=("en",))
    assert reasons_of([adept], [person(languages=("sv",))]) == {
        "A": ["no mentor shares a meeting language"]
    }


def test_no_mentor_in_the_city() -> None:
    adept = person(name="A", city="Umeå")
    found = reasons_of([adept], [person(city="Malmö", digital=True)])
    assert found == {"A": ["no mentor in Umeå, and the adept does not meet digitally"]}


def test_a_mentor_in_the_city_who_speaks_another_language() -> None:
    adept = person(name="A", city="Umeå", languages=("en",))
    mentors = [person(city="Umeå", languages=("sv",)), person(city="Lund", languages=("en",))]
    assert reasons_of([adept], mentors) == {
        "A": ["no mentor in Umeå shares a meeting language, and the adept does not meet digitally"]
    }


def test_digital_adept_without_a_digital_mentor() -> None:
    adept = person(name="A", city="Umeå", digital=True)
    assert reasons_of([adept], [person(city="Lund")]) == {
        "A": ["no mentor in Umeå or meeting digitally shares a meeting language"]
    }


def test_all_suitable_mentors_are_full() -> None:
    mentor = person(capacity=1)
    first, second = person(name="A", years=1), person(name="B", years=None)
    assert reasons_of([first, second], [mentor]) == {"B": ["all suitable mentors are full"]}


def test_every_possible_mentor_is_marked_never() -> None:
    adept, mentor = person(name="A"), person()
    nevers = {(mentor.enrolment_id, adept.enrolment_id)}
    assert reasons_of([adept], [mentor], nevers=nevers) == {
        "A": ["every possible mentor is marked “never”"]
    }


def test_no_mentors_at_all() -> None:
    assert reasons_of([person(name="A")], []) == {"A": ["the round has no mentors yet"]}


def test_help_groups_by_field_place_and_language() -> None:
    adepts = [
        *(
            person(education_field="4", digital=True, city=city, languages=("sv", "en"))
            for city in ("Umeå", "Lund", "Kiruna")
        ),
        person(education_field="4", city="Umeå", languages=("en",)),
        person(education_field="4", city=" umeå ", languages=("en",)),
        person(education_field="7", city="Umeå"),
    ]
    proposal = build_proposal(adepts, [], Weights())
    assert [(h.mentors, h.adepts) for h in proposal.help] == [(2, 3), (1, 2), (1, 1)]
    assert proposal.help_texts == [
        "2 more mentors in Natural sciences, mathematics and information and communication "
        "technologies (ICT) meeting digitally would place 3 more adepts.",
        "1 more mentor in Natural sciences, mathematics and information and communication "
        "technologies (ICT) living in Umeå speaking English would place 2 more adepts.",
        "1 more mentor in Health and welfare living in Umeå speaking Swedish would place 1 more "
        "adept.",
    ]


def test_help_without_a_field_and_in_swedish() -> None:
    proposal = build_proposal([person(education_field="", digital=True)], [], Weights())
    i18n.set_language("sv")
    (line,) = help_lines(proposal.unmatched)
    assert line.mentors == 1 and line.field == "" and line.digital
    assert "1" in line.text


def test_a_locked_pair_that_now_breaks_a_rule_is_noted() -> None:
    adept = person(name="Adil", languages=("en",))
    mentor = person(name="Mona", languages=("sv",))
    proposal = build_proposal(
        [adept], [mentor], Weights(), locked={(mentor.enrolment_id, adept.enrolment_id)}
    )
    assert [note.text for note in proposal.notes] == [
        "The locked pair Mona – Adil was not kept: Mona and Adil share no meeting language."
    ]
