"""The round's timeline as a picture in plain data, for every drawer alike.

The GUI (``gui/widgets/timeline_view.py``, QPainter) and the programme plan PDF
(``documents/plan_pdf.py``, reportlab) both draw the ``TimelineLayout`` that
``timeline_layout`` returns, so the two pictures always agree. Nothing here knows about
pixels or points: every horizontal place is a share ``x`` of the width, 0.0 at the left edge
(``layout.start``) and 1.0 at the right edge (``layout.end``); ``layout.position(day)`` gives
the same for any other date.

What to draw, from top to bottom:

- ``ticks``: one per first day of a month inside the range, with the month's short name in the
  UI language (``label``, e.g. "feb." in Swedish) and the year (``year``) on January and on
  the first tick, "" otherwise. Draw a thin vertical line and the label below the axis.
- ``bars`` in ``lane`` 0: the round's phases in order (planning, recruitment, selection,
  matching, kick-off, running period, follow-up); lane 1: the pair meeting windows. A bar
  covers ``x0``..``x1`` (its first day to the end of its last day), coloured by ``phase``
  (a stage key; ``PHASE_COLOURS`` has a colour per stage that reads on light and dark
  backgrounds). ``label`` is a translated name for a legend or tooltip.
- ``marks``: one per milestone that is a single day (deadline, kick-off, gatherings,
  mid-point, end, surveys, …) at ``x``; ``major`` marks (the ones a coordinator plans around)
  deserve a bigger symbol, the others a small tick. ``moved`` marks were set by hand.
- ``today_x``: where today is, or None when today is outside the range (or not given).

All texts are translated when the layout is made: make it again after the UI language changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from mentorapp.i18n import N_, _, babel_locale
from mentorapp.planning.milestones import Milestone, by_key

# One colour per stage key (hex RGB): mid-tone hues that keep their contrast on a white page
# and on a dark window alike; draw text on them in white or black by their lightness.
PHASE_COLOURS: dict[str, str] = {
    "idea": "#8c6bb1",
    "anchoring": "#6a51a3",
    "purpose": "#807dba",
    "resources": "#8c8c8c",
    "recruitment": "#3182bd",
    "selection": "#6baed6",
    "matching": "#31a354",
    "kickoff": "#e6550d",
    "running": "#fd8d3c",
    "followup": "#d6616b",
    "closing": "#843c39",
    "evaluation": "#7b4173",
    "alumni": "#636363",
}

# Marks a coordinator plans around: drawn bigger than the rest.
MAJOR_MARKS = frozenset(
    {"application_deadline", "kickoff", "midpoint", "end", "end_survey", "followup_survey"}
)

_ONE_DAY = timedelta(days=1)

# (bar key, label, phase, first milestone, last milestone, whether the last day is included)
_PHASE_BARS = (
    ("planning", N_("Planning"), "resources", "planning_start", "applications_open", False),
    (
        "recruitment",
        N_("Recruitment"),
        "recruitment",
        "applications_open",
        "application_deadline",
        True,
    ),
    ("selection", N_("Selection"), "selection", "application_deadline", "decisions_sent", True),
    ("matching", N_("Matching"), "matching", "decisions_sent", "matching_done", True),
    ("kickoff", N_("Training and kick-off"), "kickoff", "matching_done", "kickoff", False),
    ("running", N_("Running period"), "running", "kickoff", "end", True),
    ("followup", N_("Follow-up"), "evaluation", "end", "followup_survey", True),
)
# Bars that begin the day after the milestone that opens them (it belongs to the bar before).
_STARTS_AFTER = frozenset({"selection", "matching", "kickoff", "followup"})


@dataclass(frozen=True)
class Tick:
    on: date  # the first day of a month
    x: float
    label: str  # the month's short name in the UI language
    year: str  # "2027" on January and on the first tick, else ""


@dataclass(frozen=True)
class Bar:
    key: str  # a phase ("planning", "recruitment", …) or a window milestone ("meeting_2")
    label: str
    phase: str  # the stage key that colours it
    start: date
    end: date  # the last day, included
    lane: int  # 0: the round's phases, 1: pair meeting windows
    x0: float
    x1: float
    moved: bool = False


@dataclass(frozen=True)
class Mark:
    key: str  # the milestone's key
    label: str
    phase: str
    on: date
    x: float
    major: bool
    moved: bool


@dataclass(frozen=True)
class TimelineLayout:
    start: date  # the left edge: the first day of the earliest milestone's month
    end: date  # the right edge: the first day of the month after the last milestone
    bars: tuple[Bar, ...]
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    today: date | None
    today_x: float | None
    lanes: int = 2

    def position(self, day: date) -> float:
        """A date's share of the width, clamped to 0..1."""
        span = max((self.end - self.start).days, 1)
        return min(max((day - self.start).days / span, 0.0), 1.0)

    def bars_in_lane(self, lane: int) -> tuple[Bar, ...]:
        return tuple(bar for bar in self.bars if bar.lane == lane)

    def nearest_mark(self, x: float, tolerance: float) -> Mark | None:
        """The mark closest to ``x`` within ``tolerance`` (a share of the width), for tooltips."""
        close = [(abs(mark.x - x), mark) for mark in self.marks if abs(mark.x - x) <= tolerance]
        return min(close, key=lambda pair: pair[0])[1] if close else None

    def bars_at(self, x: float, lane: int) -> tuple[Bar, ...]:
        return tuple(bar for bar in self.bars_in_lane(lane) if bar.x0 <= x <= bar.x1)

    @property
    def empty(self) -> bool:
        return not self.bars and not self.marks


EMPTY_LAYOUT = TimelineLayout(
    start=date(2000, 1, 1),
    end=date(2000, 2, 1),
    bars=(),
    marks=(),
    ticks=(),
    today=None,
    today_x=None,
)


def timeline_layout(milestones: Sequence[Milestone], today: date | None) -> TimelineLayout:
    """The picture of one round's milestones (``TimelineService.milestones``)."""
    if not milestones:
        return EMPTY_LAYOUT
    found = by_key(milestones)
    days = [m.on for m in milestones] + [m.until for m in milestones if m.until is not None]
    start = min(days).replace(day=1)
    last = max(days)
    end = _next_month(last)
    frame = TimelineLayout(start, end, (), (), (), None, None)
    bars = [*_phase_bars(found, frame), *_window_bars(milestones, frame)]
    marks = tuple(
        Mark(
            key=m.key,
            label=m.label,
            phase=m.phase,
            on=m.on,
            x=frame.position(m.on),
            major=m.key in MAJOR_MARKS or m.key.startswith("gathering_"),
            moved=m.moved,
        )
        for m in milestones
        if m.until is None
    )
    today_x = frame.position(today) if today is not None and start <= today <= end else None
    return TimelineLayout(
        start=start,
        end=end,
        bars=tuple(bars),
        marks=marks,
        ticks=_ticks(frame),
        today=today,
        today_x=today_x,
    )


def _phase_bars(found: dict[str, Milestone], frame: TimelineLayout) -> list[Bar]:
    bars = []
    for key, label, phase, first, last, included in _PHASE_BARS:
        if first not in found or last not in found:
            continue
        begin = found[first].on + (_ONE_DAY if key in _STARTS_AFTER else timedelta())
        finish = found[last].on if included else found[last].on - _ONE_DAY
        if finish < begin:  # moved out of order by hand: nothing sensible to draw
            continue
        bars.append(_bar(key, _(label), phase, begin, finish, 0, frame))
    return bars


def _window_bars(milestones: Sequence[Milestone], frame: TimelineLayout) -> list[Bar]:
    return [
        _bar(m.key, m.label, m.phase, m.on, m.until, 1, frame, m.moved)
        for m in milestones
        if m.until is not None
    ]


def _bar(
    key: str,
    label: str,
    phase: str,
    begin: date,
    finish: date,
    lane: int,
    frame: TimelineLayout,
    moved: bool = False,
) -> Bar:
    return Bar(
        key=key,
        label=label,
        phase=phase,
        start=begin,
        end=finish,
        lane=lane,
        x0=frame.position(begin),
        x1=frame.position(finish + _ONE_DAY),
        moved=moved,
    )


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _ticks(frame: TimelineLayout) -> tuple[Tick, ...]:
    from babel.dates import format_date

    locale = babel_locale()
    ticks: list[Tick] = []
    day = frame.start
    while day <= frame.end:
        year = format_date(day, "yyyy", locale=locale) if not ticks or day.month == 1 else ""
        ticks.append(Tick(day, frame.position(day), format_date(day, "LLL", locale=locale), year))
        day = _next_month(day)
    return tuple(ticks)
