"""The report's counting on constructed answer sets: respondents and non-respondents, an adept
who answered only the six-month survey, an outcome without any survey, "partly", "don't know",
start and end answers of the same people, and answers from outside the round."""

from __future__ import annotations

from datetime import date

import pytest

from mentorapp.impact.measures import (
    OutcomeData,
    ResponseData,
    compute_measures,
    measure_keys,
)
from mentorapp.impact.report_model import Comparison, Interval
from mentorapp.impact.statistics import wilson
from mentorapp.impact.wording import comparison_sentence, how_to_read

from .small_content import small_content

END, SIX_MONTHS = date(2027, 6, 1), date(2027, 12, 1)
A1, A2, A3, A4, A5, A6, A7, A8 = range(1, 9)  # adepts
M1, M2 = 11, 12  # mentors
OUTSIDER = 99  # not in the round


def _answer_sets():
    responses = [
        ResponseData(A1, "t0", date(2027, 2, 1), {"confident_search": "2", "contacts": "none"}),
        ResponseData(A1, "t1", END, {"confident_search": "4", "status": "job",
                                     "in_field": "yes", "new_contact": "yes", "recommend": "10"}),
        ResponseData(A2, "t0", date(2027, 2, 1), {"confident_search": "4"}),
        ResponseData(A2, "t1", END, {"confident_search": "5", "status": "seeking",
                                     "new_contact": "no", "recommend": "8"}),
        ResponseData(A2, "t2", SIX_MONTHS, {"status": "internship", "in_field": "partly"}),
        ResponseData(A3, "t1", END, {"confident_search": "dont_know", "status": "studies",
                                     "new_contact": "yes"}),
        ResponseData(A4, "t2", SIX_MONTHS, {"status": "job", "in_field": "no",
                                            "still_in_contact": "yes"}),
        ResponseData(A7, "t0", date(2027, 2, 1), {"confident_search": "3"}),
        ResponseData(A8, "t1", END, {"status": "job", "in_field": "no", "match_suited": "5"}),
        ResponseData(OUTSIDER, "t1", END, {"status": "job", "new_contact": "yes"}),
        ResponseData(M1, "mentor_end", END, {"diversity_insight": "5", "shared_ideas": "yes",
                                             "mentor_again": "maybe", "hours": "12"}),
        ResponseData(M2, "mentor_end", END, {"diversity_insight": "dont_know",
                                             "shared_ideas": "no", "mentor_again": "yes"}),
        ResponseData(A1, "mentor_end", END, {"diversity_insight": "5"}),  # an adept: not counted
    ]  # fmt: skip
    outcomes = [
        OutcomeData(A5, "job", date(2027, 8, 1)),  # told the coordinator, answered nothing
        OutcomeData(A8, "job", date(2027, 9, 1), in_field="yes"),  # later than A8's T1
        OutcomeData(OUTSIDER, "internship", date(2027, 9, 1), in_field="yes"),
    ]
    return responses, outcomes


@pytest.fixture
def counted():
    responses, outcomes = _answer_sets()
    return compute_measures(
        [A1, A2, A3, A4, A5, A6, A7, A8], [M1, M2], responses, outcomes, small_content()
    )


def _measure(counted, key):
    found = {m.key: m for m in counted.measures}
    return found[key]


def _numbers(measure) -> tuple[int, int, int]:
    return measure.count, measure.answered, measure.population


def test_job_or_internship_counts_surveys_and_outcomes_among_those_with_any(counted) -> None:
    job = _measure(counted, "job_or_internship")
    # Evidence: A1, A2 (T2 only says internship), A3 (studies), A4 (T2 only), A5 (an outcome
    # without any survey), A8. Working: A1, A2, A4, A5, A8. A6 and A7 have no evidence.
    assert _numbers(job) == (5, 6, 8)
    assert job.share == pytest.approx(5 / 6)
    assert job.floor == pytest.approx(5 / 8)
    assert job.ci95 == wilson(5, 6)
    assert job.group == "outcomes"


def test_own_field_takes_the_latest_evidence_that_says_it(counted) -> None:
    yes = _measure(counted, "in_own_field")
    partly = _measure(counted, "in_own_field_partly")
    # A1 yes (T1), A2 partly (T2: the T1 said "seeking"), A4 no, A8 yes (the outcome is later
    # than the T1's "no"); A5's outcome does not say, so A5 is not among those answering.
    assert _numbers(yes) == (2, 4, 5)
    assert _numbers(partly) == (1, 4, 5)
    assert yes.floor == pytest.approx(2 / 5)


def test_new_contact_counts_the_end_survey_answers(counted) -> None:
    # A1 yes, A2 no, A3 yes; A8 left it blank, the outsider is not in the round.
    assert _numbers(_measure(counted, "new_contact")) == (2, 3, 8)


def test_dont_know_is_an_answer_that_does_not_agree(counted) -> None:
    end = _measure(counted, "t1.confident_search")
    assert _numbers(end) == (2, 3, 8)  # A1 4, A2 5, A3 don't know
    start = _measure(counted, "t0.confident_search")
    assert _numbers(start) == (1, 3, 8)  # A1 2, A2 4, A7 3
    assert start.change is None


def test_the_change_is_among_those_who_answered_at_the_start_and_the_end(counted) -> None:
    change = _measure(counted, "t1.confident_search").change
    assert change is not None
    # A1 (2 → 4) and A2 (4 → 5); A3 answered only at the end, A7 only at the start.
    assert (change.paired, change.before, change.after) == (2, 1, 2)
    assert change.before_share == 0.5 and change.after_share == 1.0
    unpaired = _measure(counted, "t1.understand_recruitment").change
    assert unpaired is not None and unpaired.paired == 0 and unpaired.before_share is None
    assert _measure(counted, "t1.match_suited").change is None  # not asked at the start


def test_recommend_yes_no_and_mentor_items(counted) -> None:
    recommend = _measure(counted, "t1.recommend")
    assert _numbers(recommend) == (1, 2, 8)
    assert recommend.label == "Would you recommend it (answered 9 or 10)"
    assert _numbers(_measure(counted, "t2.still_in_contact")) == (1, 1, 8)
    diversity = _measure(counted, "mentor_end.diversity_insight")
    assert _numbers(diversity) == (1, 2, 2)  # the adept's mentor_end answer is not counted
    assert diversity.group == "mentors"
    assert _numbers(_measure(counted, "mentor_end.shared_ideas")) == (1, 2, 2)
    again = _measure(counted, "mentor_end.mentor_again")
    assert _numbers(again) == (1, 2, 2)
    assert again.label == "Mentor again (yes)"


def test_nobody_answering_gives_no_share_and_no_interval(counted) -> None:
    recommend = _measure(counted, "mentor_end.recommend")
    assert _numbers(recommend) == (0, 0, 2)
    assert recommend.share is None and recommend.ci95 is None and recommend.floor == 0.0


def test_response_rates_are_over_the_round(counted) -> None:
    rates = {r.survey: (r.answered, r.of) for r in counted.surveys}
    assert rates == {"t0": (3, 8), "t1": (4, 8), "t2": (2, 8), "mentor_end": (2, 2)}
    assert [r.label for r in counted.surveys] == ["Start", "End", "6 months", "Mentors"]


def test_measures_come_in_order_and_headline_items_are_not_repeated(counted) -> None:
    keys = [m.key for m in counted.measures]
    assert keys[:4] == ["job_or_internship", "in_own_field", "in_own_field_partly", "new_contact"]
    assert keys == list(measure_keys(small_content()))
    for left_out in ("t1.new_contact", "t1.status", "t2.in_field", "t1.most_valuable",
                     "mentor_end.hours", "t0.contacts", "partner.more_inclusive"):  # fmt: skip
        assert left_out not in keys
    assert keys.index("t0.confident_search") < keys.index("t1.confident_search")
    assert keys.index("t2.mentor_contributed") < keys.index("mentor_end.diversity_insight")


def test_an_empty_round_counts_nothing_without_failing() -> None:
    counted = compute_measures([], [], [], [], small_content())
    assert all(m.answered == 0 and m.ci95 is None and m.floor is None for m in counted.measures)
    assert all(r.rate is None for r in counted.surveys)


def test_labels_speak_the_language_asked_for() -> None:
    from mentorapp.i18n import speaking

    with speaking("sv"):
        counted = compute_measures([A1], [], [], [], small_content("sv"))
    label = {m.key: m.label for m in counted.measures}["job_or_internship"]
    assert label != "Adepts with a job or an internship"


def _comparison(x1: int, n1: int, x2: int, n2: int, low: float, high: float) -> Comparison:
    counted = compute_measures([], [], [], [], small_content())
    measure = counted.measures[0]
    from dataclasses import replace

    this = replace(measure, count=x1, answered=n1)
    other = replace(measure, count=x2, answered=n2)
    return Comparison(this.key, this.label, this, other, x1 / n1 - x2 / n2 if n1 and n2 else None,
                      Interval(low, high) if n1 and n2 else None)  # fmt: skip


def test_the_comparison_sentence_says_plainly_what_can_be_told() -> None:
    assert comparison_sentence(_comparison(3, 4, 0, 0, 0, 0)).startswith("Too few answered")
    assert comparison_sentence(_comparison(3, 4, 1, 3, -0.3, 0.8)).startswith("Too few answered")
    chance = comparison_sentence(_comparison(9, 20, 7, 20, -0.2, 0.4))
    assert chance == "The difference could be chance: the interval includes zero."
    higher = comparison_sentence(_comparison(56, 70, 48, 80, 0.0524, 0.3339), "Vår 2027", "Höst")
    assert higher == "The share is higher in Vår 2027; the interval excludes zero."
    lower = comparison_sentence(_comparison(3, 10, 9, 10, -0.8, -0.17), "Vår 2027", "Höst")
    assert "Höst" in lower


def test_how_to_read_explains_intervals_dont_know_and_cause() -> None:
    text = " ".join(how_to_read())
    assert "95%" in text and "Don't know" in text and "not proof" in text and "floor" in text


def test_an_outcome_from_before_the_round_is_not_counted() -> None:
    start = date(2027, 2, 1)
    outcomes = [
        OutcomeData(A1, "job", date(2027, 1, 20)),  # held before the round: not its outcome
        OutcomeData(A2, "internship", start, in_field="yes"),  # found at the kick-off: counts
    ]
    responses = [ResponseData(A3, "t1", END, {"status": "job"})]  # asked at the end: as given
    counted = compute_measures(
        [A1, A2, A3, A4], [], responses, outcomes, small_content(), round_start=start
    )
    job = _measure(counted, "job_or_internship")
    assert _numbers(job) == (2, 2, 4)  # A2 and A3; A1 has no evidence from the round
    assert _numbers(_measure(counted, "in_own_field")) == (1, 1, 2)
    everything = compute_measures([A1, A2, A3, A4], [], responses, outcomes, small_content())
    assert _numbers(_measure(everything, "job_or_internship")) == (3, 3, 4)


def test_how_to_read_says_outcomes_count_from_the_rounds_start() -> None:
    assert any("before the round" in paragraph for paragraph in how_to_read())
