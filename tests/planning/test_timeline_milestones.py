"""The milestones' default rules, as plain values: no database."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from mentorapp import i18n
from mentorapp.planning.milestones import (
    Milestone,
    RoundDates,
    all_possible_keys,
    by_key,
    chronological,
    derive_milestones,
    milestone_keys,
)

SPRING = RoundDates(date(2027, 2, 1), date(2027, 5, 31), date(2027, 1, 3))


def test_keys_follow_the_programmes_meetings_and_gatherings() -> None:
    keys = milestone_keys(4, 2)
    assert keys[:7] == (
        "planning_start",
        "applications_open",
        "application_deadline",
        "interviews",
        "decisions_sent",
        "matching_done",
        "kickoff",
    )
    assert [k for k in keys if k.startswith("meeting_")] == [f"meeting_{n}" for n in range(1, 5)]
    assert [k for k in keys if k.startswith("gathering_")] == ["gathering_1", "gathering_2"]
    assert keys[-5:] == ("midpoint", "end", "closing", "end_survey", "followup_survey")
    assert "meeting_6" in milestone_keys(6, 0) and "gathering_1" not in milestone_keys(6, 0)
    assert set(keys) <= all_possible_keys()


def test_defaults_follow_the_guides_timing() -> None:
    found = by_key(derive_milestones(SPRING, 4, 2))
    assert found["application_deadline"].on == date(2027, 1, 3)
    opened = found["applications_open"].on
    assert 4 * 7 <= (date(2027, 1, 3) - opened).days <= 8 * 7  # open 4–8 weeks
    # Planning starts six months before applications open (whole months, as people count).
    assert found["planning_start"].on == date(opened.year, opened.month - 6, opened.day)
    assert found["kickoff"].on == SPRING.start and found["end"].on == SPRING.end
    assert found["decisions_sent"].on > found["interviews"].on > found["application_deadline"].on
    assert found["matching_done"].on < found["kickoff"].on
    assert found["followup_survey"].on == date(2027, 11, 30)  # end + 6 months
    assert found["closing"].on > found["end"].on
    assert not any(m.moved for m in found.values())


def test_meeting_windows_divide_the_running_period_without_gaps() -> None:
    windows = [m for m in derive_milestones(SPRING, 4, 2) if m.key.startswith("meeting_")]
    assert windows[0].on == SPRING.start and windows[-1].until == SPRING.end
    for before, after in pairwise(windows):
        assert before.until is not None and before.until + timedelta(days=1) == after.on
    lengths = [(w.until - w.on).days for w in windows if w.until]
    assert max(lengths) - min(lengths) <= 2  # evenly, give or take a day's rounding
    gatherings = [m for m in derive_milestones(SPRING, 4, 2) if m.key.startswith("gathering_")]
    assert all(SPRING.start < g.on < SPRING.end and g.until is None for g in gatherings)


def test_a_round_without_a_deadline_closes_applications_five_weeks_before_it_starts() -> None:
    found = by_key(derive_milestones(RoundDates(date(2027, 9, 6), date(2027, 12, 17)), 4))
    assert found["application_deadline"].on == date(2027, 8, 2)


def test_a_round_spanning_new_year() -> None:
    winter = RoundDates(date(2027, 11, 15), date(2028, 3, 15), date(2027, 10, 1))
    found = by_key(derive_milestones(winter, 4, 3))
    assert found["meeting_2"].on.year == 2027 and found["meeting_3"].until.year == 2028
    assert found["gathering_3"].on < winter.end
    assert found["followup_survey"].on == date(2028, 9, 15)
    assert found["planning_start"].on == date(2027, 2, 20)  # 20 Aug 2027 − 6 months
    ordered = chronological(list(found.values()))
    assert [m.on for m in ordered] == sorted(m.on for m in ordered)


def test_a_programmes_offset_replaces_the_default_and_moves_what_hangs_from_it() -> None:
    found = by_key(derive_milestones(SPRING, 4, offsets={"application_deadline": -7}))
    assert found["application_deadline"].on == date(2026, 12, 27)
    assert found["interviews"].on == date(2027, 1, 3)  # still a week after the deadline
    assert not found["application_deadline"].moved
    again = by_key(derive_milestones(SPRING, 4, offsets={"planning_start": -200}))
    assert again["planning_start"].on == again["applications_open"].on - timedelta(days=200)


def test_moving_the_kickoff_moves_the_meeting_windows_and_keeps_their_length() -> None:
    moved = by_key(derive_milestones(SPRING, 4, moves={"kickoff": date(2027, 2, 15)}))
    assert moved["kickoff"].moved and moved["kickoff"].on == date(2027, 2, 15)
    assert moved["meeting_1"].on == date(2027, 2, 15) and not moved["meeting_1"].moved
    window = by_key(derive_milestones(SPRING, 4))["meeting_2"]
    shifted = by_key(derive_milestones(SPRING, 4, moves={"meeting_2": date(2027, 3, 10)}))
    assert shifted["meeting_2"].on == date(2027, 3, 10) and shifted["meeting_2"].moved
    assert shifted["meeting_2"].until - shifted["meeting_2"].on == window.until - window.on


def test_unknown_keys_in_stored_changes_are_ignored() -> None:
    """A programme that had six meetings and now has four keeps its old rows harmlessly."""
    found = derive_milestones(SPRING, 4, offsets={"meeting_6": 3}, moves={"meeting_5": SPRING.end})
    assert len(found) == len(milestone_keys(4))


@pytest.mark.parametrize(
    ("key", "english", "swedish"),
    [("meeting_2", "Pair meeting 2", "Parträff 2"), ("gathering_1", "Joint gathering 1", None)],
)
def test_labels_are_translated(key: str, english: str, swedish: str | None) -> None:
    milestone = Milestone(key, date(2027, 3, 1), None, False)
    assert milestone.label == english
    i18n.set_language("sv")
    assert milestone.label != english
    if swedish:
        assert milestone.label == swedish
    assert milestone.phase == "running"
