"""Pair health on constructed timelines: every rule at, before and after its threshold."""

from datetime import date, timedelta

import pytest

from mentorapp.errors import ValidationError
from mentorapp.running.health import (
    GroupFacts,
    Health,
    HealthRules,
    MeetingFacts,
    MeetingState,
    assess,
)

KICKOFF = date(2027, 2, 1)
RULES = HealthRules()


def planned(number: int, due: date | None) -> MeetingFacts:
    return MeetingFacts(number, due)


def held(number: int, due: date, on: date) -> MeetingFacts:
    return MeetingFacts(number, due, MeetingState.HELD, on)


def four_meetings(*done: MeetingFacts) -> tuple[MeetingFacts, ...]:
    dues = [KICKOFF + timedelta(days=30 * n) for n in range(1, 5)]
    by_number = {m.number: m for m in done}
    return tuple(by_number.get(n, planned(n, dues[n - 1])) for n in range(1, 5))


def health(facts: GroupFacts, today: date, rules: HealthRules = RULES) -> Health:
    return assess(facts, today, rules).health


def test_before_the_round_starts_a_group_is_on_track() -> None:
    facts = GroupFacts(KICKOFF, four_meetings())
    result = assess(facts, KICKOFF - timedelta(days=10), RULES)
    assert result.health is Health.ON_TRACK
    assert "kick-off" in result.reason.text


def test_no_first_meeting_counts_from_the_kickoff_and_day_14_is_still_fine() -> None:
    facts = GroupFacts(KICKOFF, four_meetings())
    assert health(facts, KICKOFF + timedelta(days=14)) is Health.ON_TRACK
    result = assess(facts, KICKOFF + timedelta(days=15), RULES)
    assert result.health is Health.NOT_STARTED
    assert "15" in result.reason.text


def test_a_first_meeting_held_on_the_threshold_day_keeps_the_group_on_track() -> None:
    on = KICKOFF + timedelta(days=14)
    facts = GroupFacts(KICKOFF, four_meetings(held(1, KICKOFF + timedelta(days=30), on)))
    assert health(facts, on + timedelta(days=1)) is Health.ON_TRACK


def test_a_meeting_overdue_by_more_than_14_days_needs_a_check_in() -> None:
    # Met late for meeting 1, so that the silence rule is not what speaks on these days.
    first = held(1, KICKOFF + timedelta(days=30), KICKOFF + timedelta(days=40))
    facts = GroupFacts(KICKOFF, four_meetings(first))
    due = KICKOFF + timedelta(days=60)  # meeting 2
    assert health(facts, due + timedelta(days=14)) is Health.ON_TRACK
    result = assess(facts, due + timedelta(days=15), RULES)
    assert result.health is Health.NEEDS_CHECK_IN
    assert "Meeting 2" in result.reason.text


def test_more_than_45_days_since_the_last_meeting_needs_a_check_in() -> None:
    last = KICKOFF + timedelta(days=5)
    # Meeting 2 has no date and no window yet, so only the silence rule can speak.
    facts = GroupFacts(KICKOFF, (held(1, KICKOFF, last), planned(2, None)))
    assert health(facts, last + timedelta(days=45)) is Health.ON_TRACK
    result = assess(facts, last + timedelta(days=46), RULES)
    assert result.health is Health.NEEDS_CHECK_IN
    assert "46" in result.reason.text


def test_a_group_that_held_every_meeting_is_on_track_however_long_ago() -> None:
    days = [KICKOFF + timedelta(days=30 * n) for n in range(1, 5)]
    done = [held(n, day, day) for n, day in enumerate(days, start=1)]
    facts = GroupFacts(KICKOFF, tuple(done))
    result = assess(facts, KICKOFF + timedelta(days=400), RULES)
    assert result.health is Health.ON_TRACK and result.next_due is None


def test_a_cancelled_meeting_is_not_overdue() -> None:
    first = held(1, KICKOFF + timedelta(days=30), KICKOFF + timedelta(days=20))
    cancelled = MeetingFacts(2, KICKOFF + timedelta(days=60), MeetingState.CANCELLED)
    facts = GroupFacts(KICKOFF, (first, cancelled, planned(3, KICKOFF + timedelta(days=90))))
    assert health(facts, KICKOFF + timedelta(days=60 + 20)) is Health.NEEDS_CHECK_IN  # silence
    assert assess(facts, KICKOFF + timedelta(days=60), RULES).next_due.number == 3


def test_an_ended_group_is_ended_whatever_its_meetings() -> None:
    ended = KICKOFF + timedelta(days=3)
    facts = GroupFacts(KICKOFF, four_meetings(), ended_on=ended, end_reason="Adepten fick jobb")
    result = assess(facts, KICKOFF + timedelta(days=100), RULES)
    assert result.health is Health.ENDED
    assert "Adepten fick jobb" in result.reason.text


def test_a_contacted_group_stays_quiet_for_the_set_days_then_warns_again() -> None:
    contacted = KICKOFF + timedelta(days=20)
    facts = GroupFacts(KICKOFF, four_meetings(), contacted_on=contacted)
    assert health(facts, contacted + timedelta(days=14)) is Health.ON_TRACK
    assert health(facts, contacted + timedelta(days=15)) is Health.NOT_STARTED


def test_thresholds_are_editable() -> None:
    facts = GroupFacts(KICKOFF, four_meetings())
    strict = HealthRules(first_meeting_days=7)
    assert health(facts, KICKOFF + timedelta(days=8), strict) is Health.NOT_STARTED
    assert health(facts, KICKOFF + timedelta(days=8)) is Health.ON_TRACK


def test_rules_are_stored_as_json_and_the_defaults_as_nothing() -> None:
    assert HealthRules().to_json() == ""
    rules = HealthRules(silent_days=30)
    assert HealthRules.from_json(rules.to_json()) == rules
    assert HealthRules.from_json('{"silent_days": -3, "overdue_days": "x"}') == HealthRules()
    assert HealthRules.from_json("not json") == HealthRules()


def test_a_threshold_out_of_range_is_refused_by_name() -> None:
    with pytest.raises(ValidationError) as refused:
        HealthRules.checked({"silent_days": 0})
    assert refused.value.field == "silent_days"


def test_a_group_formed_after_the_kickoff_counts_its_days_from_then() -> None:
    formed = KICKOFF + timedelta(days=40)
    facts = GroupFacts(KICKOFF, four_meetings(), accepted_on=formed)
    # Meeting 1 was due before the group existed: it is not late on the group's day 14.
    assert health(facts, formed + timedelta(days=14)) is Health.ON_TRACK
    result = assess(facts, formed + timedelta(days=15), RULES)
    assert result.health is Health.NOT_STARTED
    assert "formed" in result.reason.text and "15" in result.reason.text
    # Formed before the kick-off (the usual case): the kick-off is what counts.
    early = GroupFacts(KICKOFF, four_meetings(), accepted_on=KICKOFF - timedelta(days=7))
    assert "kick-off" in assess(early, KICKOFF + timedelta(days=15), RULES).reason.text
