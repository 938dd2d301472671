"""Pair health: whether a group is meeting, from its recorded meetings and a few thresholds.

The rules are plain functions of dated facts, so they can be tested on constructed timelines
and run for a thousand groups in a few milliseconds. Every threshold counts whole days and
is inclusive: a group whose first meeting is still missing on day 14 after the kick-off is
fine, on day 15 it has not started.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, format_date


class Health(StrEnum):
    ON_TRACK = "on_track"
    NEEDS_CHECK_IN = "needs_check_in"
    NOT_STARTED = "not_started"
    ENDED = "ended"


HEALTH_LABELS = {
    Health.ON_TRACK: N_("On track"),
    Health.NEEDS_CHECK_IN: N_("Needs a check-in"),
    Health.NOT_STARTED: N_("Not started"),
    Health.ENDED: N_("Ended"),
}


def health_label(health: str) -> str:
    label = HEALTH_LABELS.get(health)  # type: ignore[call-overload]
    return _(label) if label else health


class MeetingState(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    MOVED = "moved"
    CANCELLED = "cancelled"


MEETING_STATE_LABELS = {
    MeetingState.PLANNED: N_("Planned"),
    MeetingState.HELD: N_("Held"),
    MeetingState.MOVED: N_("Moved"),
    MeetingState.CANCELLED: N_("Cancelled"),
}


def meeting_state_label(state: str) -> str:
    label = MEETING_STATE_LABELS.get(state)  # type: ignore[call-overload]
    return _(label) if label else state


# What each threshold means, for the settings form and error messages.
RULE_LABELS = {
    "first_meeting_days": N_("Days after the kick-off for the first meeting"),
    "silent_days": N_("Days without a meeting before a check-in"),
    "overdue_days": N_("Days a planned meeting may be overdue"),
    "contacted_quiet_days": N_("Days a contacted group stays quiet"),
}
_MOST_DAYS = 365


@dataclass(frozen=True)
class HealthRules:
    """The thresholds in days; the defaults are what coordinators of such programmes use."""

    first_meeting_days: int = 14
    silent_days: int = 45
    overdue_days: int = 14
    contacted_quiet_days: int = 14

    def to_json(self) -> str:
        """"" for the defaults, so a programme that never changed them follows new defaults."""
        return "" if self == HealthRules() else json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> HealthRules:
        """The stored rules; anything unreadable or out of range falls back to its default."""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        values: dict[str, Any] = {}
        for item in fields(cls):
            value = data.get(item.name)
            if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MOST_DAYS:
                values[item.name] = value
        return cls(**values)

    @classmethod
    def checked(cls, values: dict[str, int]) -> HealthRules:
        """Rules from a form or the command line; a value out of range is refused by name."""
        for name, value in values.items():
            if name not in RULE_LABELS:
                raise ValueError(f"unknown health rule {name!r}")
            if not 0 < value <= _MOST_DAYS:
                raise ValidationError(
                    N_("“{rule}” must be between 1 and {most} days."),
                    name,
                    rule=_(RULE_LABELS[name]),
                    most=_MOST_DAYS,
                )
        return cls(**values)


@dataclass(frozen=True)
class MeetingFacts:
    """One meeting as the rules see it: ``due`` is its planned date, or where none is set
    the last day of its window on the round's timeline."""

    number: int
    due: date | None
    state: str = MeetingState.PLANNED
    held_on: date | None = None


@dataclass(frozen=True)
class GroupFacts:
    kickoff: date | None
    meetings: tuple[MeetingFacts, ...] = ()
    ended_on: date | None = None
    end_reason: str = ""
    contacted_on: date | None = None
    # When the group was formed: a group matched after the kick-off (an adept given a new
    # mentor) has its first-meeting days counted from then.
    accepted_on: date | None = None


@dataclass(frozen=True)
class Reason:
    """Why a group has its health, as a sentence to show later in the UI language."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        shown = {k: format_date(v) if isinstance(v, date) else v for k, v in self.params.items()}
        return _(self.template).format(**shown)


@dataclass(frozen=True)
class Assessment:
    health: Health
    reason: Reason
    last_held: date | None
    next_due: MeetingFacts | None


def assess(facts: GroupFacts, today: date, rules: HealthRules) -> Assessment:
    """The group's health today, with its reason, last meeting held and next meeting due."""
    held = [m.held_on for m in facts.meetings if m.state == MeetingState.HELD and m.held_on]
    last = max(held, default=None)
    open_ = [m for m in facts.meetings if m.state in (MeetingState.PLANNED, MeetingState.MOVED)]
    upcoming = sorted(open_, key=lambda m: (m.due is None, m.due or today, m.number))
    next_due = upcoming[0] if upcoming else None

    def verdict(health: Health, template: str, **params: Any) -> Assessment:
        return Assessment(health, Reason(template, params), last, next_due)

    if facts.ended_on is not None:
        if facts.end_reason:
            return verdict(
                Health.ENDED, N_("Ended on {date}: {reason}"), date=facts.ended_on,
                reason=facts.end_reason,
            )
        return verdict(Health.ENDED, N_("Ended on {date}."), date=facts.ended_on)
    warning = _warning(facts, today, rules, last, upcoming)
    if warning is not None:
        quiet_until = _quiet_until(facts, rules)
        if quiet_until is not None and today <= quiet_until:
            return verdict(
                Health.ON_TRACK,
                N_("Contacted on {date}; no warning until {until}."),
                date=facts.contacted_on,
                until=quiet_until,
            )
        return Assessment(warning[0], warning[1], last, next_due)
    if facts.kickoff is not None and today < facts.kickoff and last is None:
        return verdict(
            Health.ON_TRACK, N_("The round starts with the kick-off on {date}."),
            date=facts.kickoff,
        )
    if next_due is None:
        if last is None:
            return verdict(Health.ON_TRACK, N_("No meetings are planned."))
        return verdict(Health.ON_TRACK, N_("Every meeting is done; the last on {date}."), date=last)
    if next_due.due is None:
        return verdict(
            Health.ON_TRACK, N_("Meeting {number} has no date yet."), number=next_due.number
        )
    late = next_due.due < today
    if last is None:
        template = (
            N_("Meeting {number} was due by {date}.") if late
            else N_("Meeting {number} is due by {date}.")
        )
        return verdict(Health.ON_TRACK, template, number=next_due.number, date=next_due.due)
    template = (
        N_("Last met on {last}; meeting {number} was due by {date}.") if late
        else N_("Last met on {last}; meeting {number} is due by {date}.")
    )
    return verdict(
        Health.ON_TRACK, template, last=last, number=next_due.number, date=next_due.due
    )


def _warning(
    facts: GroupFacts,
    today: date,
    rules: HealthRules,
    last: date | None,
    upcoming: list[MeetingFacts],
) -> tuple[Health, Reason] | None:
    if last is None:
        if facts.kickoff is None:
            return None
        late_group = facts.accepted_on is not None and facts.accepted_on > facts.kickoff
        start = facts.accepted_on if late_group and facts.accepted_on else facts.kickoff
        if today > start + timedelta(days=rules.first_meeting_days):
            template = (
                N_("No meeting recorded {days} days after the group was formed on {date}.")
                if late_group
                else N_("No meeting recorded {days} days after the kick-off on {date}.")
            )
            return Health.NOT_STARTED, Reason(
                template, {"days": (today - start).days, "date": start}
            )
    for meeting in upcoming:
        if meeting.due is None:
            continue
        # A meeting cannot be late from before its group existed.
        due = max(meeting.due, facts.accepted_on) if facts.accepted_on else meeting.due
        if (today - due).days > rules.overdue_days:
            return Health.NEEDS_CHECK_IN, Reason(
                N_("Meeting {number} was due by {date} and is not recorded."),
                {"number": meeting.number, "date": meeting.due},
            )
    if last is not None and (today - last).days > rules.silent_days and upcoming:
        return Health.NEEDS_CHECK_IN, Reason(
            N_("No meeting for {days} days; the last was on {date}."),
            {"days": (today - last).days, "date": last},
        )
    return None


def _quiet_until(facts: GroupFacts, rules: HealthRules) -> date | None:
    if facts.contacted_on is None:
        return None
    return facts.contacted_on + timedelta(days=rules.contacted_quiet_days)
