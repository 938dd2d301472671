"""A round's milestones and the rules that place them, as plain values (no database).

Every milestone has a default rule: an *anchor* plus an offset. Anchors are the round's own
dates (``deadline``: the application deadline, or the start − 5 weeks when the round has
none; ``start``; ``end``) or a milestone placed earlier in ``RESOLUTION_ORDER``, so that
moving, say, the kick-off by hand moves the pair meeting windows with it. Offsets are days,
or whole months for the planning start (6 months before applications open, as the organiser's
guide advises) and the follow-up survey (6 months after the end). Pair meetings, gatherings
and the mid-point sit at a share of the kick-off..end span.

A programme may replace a milestone's offset with its own number of days from the same
anchor (``MilestoneOffset``), and a round may move a milestone to a date by hand
(``MilestoneDate``); ``derive_milestones`` applies both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from mentorapp.domain.dates import add_months
from mentorapp.i18n import N_, _

DEFAULT_GATHERINGS = 2
# Without an application deadline a round is assumed to close applications this long
# before it starts (selection and matching take 2–4 weeks each).
DEADLINE_BEFORE_START = timedelta(weeks=5)
# A programme's offset or a moved date further than this from its anchor is a typing error.
LONGEST_OFFSET_DAYS = 730

ROUND_ANCHORS = ("deadline", "start", "end")


@dataclass(frozen=True)
class Rule:
    """Where a milestone falls by default.

    ``share`` places a point (or, with ``share_until``, a window) at that share of the span
    from the kick-off to the end; ``days`` and ``months`` are then added to that point.
    Otherwise the date is ``anchor`` + ``months`` + ``days``.
    """

    anchor: str
    days: int = 0
    months: int = 0
    share: float | None = None
    share_until: float | None = None


@dataclass(frozen=True)
class RoundDates:
    """The dates of a round that every milestone hangs from."""

    start: date
    end: date
    application_deadline: date | None = None

    @property
    def deadline(self) -> date:
        return self.application_deadline or self.start - DEADLINE_BEFORE_START


_LABELS = {
    "planning_start": N_("Planning starts"),
    "applications_open": N_("Applications open"),
    "application_deadline": N_("Application deadline"),
    "interviews": N_("Interviews"),
    "decisions_sent": N_("Decisions sent"),
    "matching_done": N_("Matching done"),
    "kickoff": N_("Kick-off"),
    "meeting": N_("Pair meeting {number}"),
    "gathering": N_("Joint gathering {number}"),
    "midpoint": N_("Mid-point check-in"),
    "end": N_("End of the round"),
    "closing": N_("Closing"),
    "end_survey": N_("End survey"),
    "followup_survey": N_("Follow-up survey"),
}

# The stage each milestone belongs to (guide/stages.py keys), for colours and grouping.
_PHASES = {
    "planning_start": "resources",
    "applications_open": "recruitment",
    "application_deadline": "recruitment",
    "interviews": "selection",
    "decisions_sent": "selection",
    "matching_done": "matching",
    "kickoff": "kickoff",
    "meeting": "running",
    "gathering": "running",
    "midpoint": "followup",
    "end": "closing",
    "closing": "closing",
    "end_survey": "closing",
    "followup_survey": "evaluation",
}

_NUMBERED = re.compile(r"^(meeting|gathering)_([1-9][0-9]?)$")


def _family(key: str) -> tuple[str, int | None]:
    """``meeting_2`` → ("meeting", 2); ``kickoff`` → ("kickoff", None)."""
    found = _NUMBERED.match(key)
    if found:
        return found.group(1), int(found.group(2))
    return key, None


@dataclass(frozen=True)
class Milestone:
    """One milestone of a round: a day, or a window ``on``..``until`` (pair meetings)."""

    key: str
    on: date
    until: date | None
    moved: bool

    @property
    def label(self) -> str:
        """The milestone's name in the UI language, e.g. "Pair meeting 2"."""
        return milestone_label(self.key)

    @property
    def phase(self) -> str:
        return milestone_phase(self.key)

    @property
    def is_window(self) -> bool:
        return self.until is not None


def milestone_label(key: str) -> str:
    family, number = _family(key)
    if family not in _LABELS:
        return key
    return _(_LABELS[family]).format(number=number)


def milestone_phase(key: str) -> str:
    return _PHASES.get(_family(key)[0], "running")


def milestone_keys(meetings: int, gatherings: int = DEFAULT_GATHERINGS) -> tuple[str, ...]:
    """Every key of a round, in the order a coordinator reads them (the canonical order)."""
    return (
        "planning_start",
        "applications_open",
        "application_deadline",
        "interviews",
        "decisions_sent",
        "matching_done",
        "kickoff",
        *(f"meeting_{n}" for n in range(1, max(meetings, 0) + 1)),
        *(f"gathering_{n}" for n in range(1, max(gatherings, 0) + 1)),
        "midpoint",
        "end",
        "closing",
        "end_survey",
        "followup_survey",
    )


def all_possible_keys() -> frozenset[str]:
    """Keys valid for some programme (up to 99 meetings or gatherings): for content checks."""
    return frozenset(milestone_keys(99, 99))


def default_rules(meetings: int, gatherings: int = DEFAULT_GATHERINGS) -> dict[str, Rule]:
    """The built-in rule of every milestone, in resolution order (anchors come first)."""
    meetings, gatherings = max(meetings, 0), max(gatherings, 0)
    rules: dict[str, Rule] = {
        "application_deadline": Rule("deadline"),
        # Applications stay open 4–8 weeks: six by default.
        "applications_open": Rule("application_deadline", days=-42),
        # Planning starts at least six months before applications open.
        "planning_start": Rule("applications_open", months=-6),
        "interviews": Rule("application_deadline", days=7),
        # Selection takes 2–4 weeks, matching another 2–4.
        "decisions_sent": Rule("application_deadline", days=14),
        "kickoff": Rule("start"),
        "matching_done": Rule("kickoff", days=-7),
        "end": Rule("end"),
    }
    for n in range(1, meetings + 1):
        rules[f"meeting_{n}"] = Rule("kickoff", share=(n - 1) / meetings, share_until=n / meetings)
    for n in range(1, gatherings + 1):
        rules[f"gathering_{n}"] = Rule("kickoff", share=n / (gatherings + 1))
    rules["midpoint"] = Rule("kickoff", share=0.5)
    rules["end_survey"] = Rule("end")
    rules["closing"] = Rule("end", days=7)
    rules["followup_survey"] = Rule("end", months=6)
    return rules


def anchor_of(key: str, meetings: int, gatherings: int = DEFAULT_GATHERINGS) -> str | None:
    """What a milestone's days are counted from (a round date or another milestone's key)."""
    rule = default_rules(meetings, gatherings).get(key)
    return rule.anchor if rule else None


def derive_milestones(
    dates: RoundDates,
    meetings: int,
    gatherings: int = DEFAULT_GATHERINGS,
    offsets: Mapping[str, int] | None = None,
    moves: Mapping[str, date] | None = None,
) -> list[Milestone]:
    """Every milestone of a round in the canonical order.

    ``offsets``: a programme's own days from the anchor (replacing the default offset);
    ``moves``: dates set by hand for this round. A window keeps its length when moved.
    Unknown keys in either mapping are ignored (a programme may have had more meetings).
    """
    offsets, moves = offsets or {}, moves or {}
    rules = default_rules(meetings, gatherings)
    round_dates = {"deadline": dates.deadline, "start": dates.start, "end": dates.end}
    placed: dict[str, Milestone] = {}

    def anchor_date(name: str) -> date:
        return round_dates[name] if name in round_dates else placed[name].on

    for key, rule in rules.items():
        on, until = _default_place(rule, anchor_date, offsets.get(key))
        moved = key in moves
        if moved:
            length = (until - on) if until is not None else None
            on = moves[key]
            until = on + length if length is not None else None
        placed[key] = Milestone(key=key, on=on, until=until, moved=moved)
    return [placed[key] for key in milestone_keys(meetings, gatherings)]


def _default_place(
    rule: Rule, anchor_date: Callable[[str], date], own_days: int | None
) -> tuple[date, date | None]:
    base = anchor_date(rule.anchor)
    if rule.share is None:
        if own_days is not None:
            return base + timedelta(days=own_days), None
        return add_months(base, rule.months) + timedelta(days=rule.days), None
    span = max((anchor_date("end") - base).days, 0)
    on = base + timedelta(days=round(rule.share * span) + rule.days)
    until = None
    if rule.share_until is not None:
        last = base + timedelta(days=round(rule.share_until * span))
        until = last if rule.share_until >= 1 else last - timedelta(days=1)
        until = max(until, on)
    if own_days is not None:
        shift = base + timedelta(days=own_days) - on
        on, until = on + shift, (until + shift if until is not None else None)
    return on, until


def chronological(milestones: Sequence[Milestone]) -> list[Milestone]:
    """By date; milestones on the same day keep their canonical order."""
    return sorted(milestones, key=lambda m: m.on)  # sorted is stable


def by_key(milestones: Sequence[Milestone]) -> dict[str, Milestone]:
    return {milestone.key: milestone for milestone in milestones}
