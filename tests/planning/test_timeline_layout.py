"""The timeline's picture as plain data: every drawer reads the same positions."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from mentorapp import i18n
from mentorapp.planning.layout import PHASE_COLOURS, timeline_layout
from mentorapp.planning.milestones import RoundDates, derive_milestones

WINTER = RoundDates(date(2027, 11, 15), date(2028, 3, 15), date(2027, 10, 1))


def test_the_layout_covers_every_milestone_from_month_to_month() -> None:
    milestones = derive_milestones(WINTER, 4)
    layout = timeline_layout(milestones, today=date(2027, 12, 24))
    assert layout.start == date(2027, 2, 1)  # the planning start's month
    assert layout.end == date(2028, 10, 1)  # the month after the follow-up survey
    assert layout.position(layout.start) == 0.0 and layout.position(layout.end) == 1.0
    assert layout.position(date(1990, 1, 1)) == 0.0  # clamped
    assert layout.today_x == layout.position(date(2027, 12, 24))


def test_phases_are_in_order_and_meetings_in_their_own_lane() -> None:
    layout = timeline_layout(derive_milestones(WINTER, 4), today=None)
    phases = layout.bars_in_lane(0)
    assert [bar.key for bar in phases] == [
        "planning",
        "recruitment",
        "selection",
        "matching",
        "kickoff",
        "running",
        "followup",
    ]
    for before, after in pairwise(phases):
        assert before.x1 <= after.x0 + 1e-9 and before.end < after.start
    assert all(bar.phase in PHASE_COLOURS for bar in layout.bars)
    meetings = layout.bars_in_lane(1)
    assert [bar.key for bar in meetings] == ["meeting_1", "meeting_2", "meeting_3", "meeting_4"]
    running = next(bar for bar in phases if bar.key == "running")
    assert meetings[0].x0 == running.x0 and abs(meetings[-1].x1 - running.x1) < 1e-9
    assert layout.today_x is None


def test_marks_name_every_single_day_milestone() -> None:
    layout = timeline_layout(derive_milestones(WINTER, 4, 3), today=None)
    keys = [mark.key for mark in layout.marks]
    assert "meeting_1" not in keys
    for key in ("application_deadline", "kickoff", "gathering_3", "midpoint", "end"):
        assert key in keys
    major = {mark.key for mark in layout.marks if mark.major}
    assert {"application_deadline", "kickoff", "followup_survey", "gathering_1"} <= major
    assert "interviews" not in major
    kickoff = next(mark for mark in layout.marks if mark.key == "kickoff")
    assert layout.nearest_mark(kickoff.x + 0.001, 0.002) == kickoff
    assert layout.nearest_mark(0.999, 0.0001) is None


def test_month_ticks_carry_the_year_on_january_and_speak_the_ui_language() -> None:
    i18n.set_language("sv")
    layout = timeline_layout(derive_milestones(WINTER, 4), today=date(2030, 1, 1))
    ticks = layout.ticks
    assert ticks[0].on == layout.start and ticks[-1].on == layout.end
    assert [t.x for t in ticks] == sorted(t.x for t in ticks)
    january = next(t for t in ticks if t.on == date(2028, 1, 1))
    assert january.year == "2028" and january.label.startswith("jan")
    march = next(t for t in ticks if t.on == date(2028, 3, 1))
    assert march.label == "mars" and march.year == ""
    assert ticks[0].year == "2027"
    assert layout.today_x is None  # today is outside the picture


def test_a_milestone_moved_out_of_order_drops_its_bar_but_keeps_its_mark() -> None:
    milestones = derive_milestones(WINTER, 4, moves={"decisions_sent": date(2027, 9, 1)})
    layout = timeline_layout(milestones, today=None)
    assert "selection" not in [bar.key for bar in layout.bars]
    mark = next(mark for mark in layout.marks if mark.key == "decisions_sent")
    assert mark.moved


def test_no_milestones_give_an_empty_picture() -> None:
    assert timeline_layout([], date(2027, 1, 1)).empty
