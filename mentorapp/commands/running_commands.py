"""``meetings`` and ``meeting``: the round's groups with their health, and recording one
pair meeting, as the Running page does.

JSON shape of ``meetings --json``::

    {"groups": [{"mentor": email, "adepts": [email, …],
                 "health": "on_track"|"needs_check_in"|"not_started"|"ended",
                 "reason": text in the UI language,
                 "meetings": [{"number": n, "planned": "YYYY-MM-DD"|null,
                               "held": "YYYY-MM-DD"|null,
                               "status": "planned"|"held"|"moved"|"cancelled"}]}]}

``meeting`` records meeting N of the mentor's group: ``--held DATE`` (with ``--minutes``
and ``--mode``), ``--moved DATE`` (a new planned date), ``--cancelled`` or ``--planned``
(back to planned, optionally on ``--on DATE``); ``--note`` goes with any of them.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, format_date

if TYPE_CHECKING:
    from mentorapp.running.board import GroupHealth
    from mentorapp.running.schedule import RoundSchedule


def register(subparsers: argparse._SubParsersAction) -> None:
    meetings = subparsers.add_parser(
        "meetings", help=_("show a round's groups, their pair meetings and their health")
    )
    meetings.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (default: the current round)")
    )
    meetings.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    meetings.set_defaults(handler=show_meetings)

    meeting = subparsers.add_parser("meeting", help=_("record what happened to a pair meeting"))
    meeting.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (default: the current round)")
    )
    meeting.add_argument(
        "--mentor", required=True, metavar=_("EMAIL"), help=_("the e-mail of the group's mentor")
    )
    meeting.add_argument(
        "--number", required=True, type=int, metavar="N", help=_("the meeting's number")
    )
    what = meeting.add_mutually_exclusive_group(required=True)
    what.add_argument("--held", metavar=_("DATE"), help=_("held on this day (YYYY-MM-DD)"))
    what.add_argument("--moved", metavar=_("DATE"), help=_("moved to this day (YYYY-MM-DD)"))
    what.add_argument("--cancelled", action="store_true", help=_("the meeting was cancelled"))
    what.add_argument("--planned", action="store_true", help=_("planned again, nothing held"))
    meeting.add_argument(
        "--on", metavar=_("DATE"), help=_("with --planned: the planned day (YYYY-MM-DD)")
    )
    meeting.add_argument(
        "--minutes", type=int, metavar="M", help=_("with --held: about how long, in minutes")
    )
    meeting.add_argument(
        "--mode", choices=("in_person", "digital"), help=_("with --held: how the pair met")
    )
    meeting.add_argument("--note", default="", metavar=_("TEXT"), help=_("a short note"))
    meeting.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    meeting.set_defaults(handler=record_meeting)


def show_meetings(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.workspace.services import Services

    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        groups = services.running.groups(cohort.id)
    if args.json:
        print(json.dumps(as_json(groups), indent=2, ensure_ascii=False))
    else:
        print(as_table(cohort.name, groups))
    return 0


def record_meeting(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.arguments import parse_day
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.running.health import MeetingState
    from mentorapp.running.meetings import MeetingRecord
    from mentorapp.workspace.services import Services

    if args.on and not args.planned:
        raise ValidationError(N_("--on goes with --planned; use --moved to move a meeting."))
    if (args.minutes is not None or args.mode) and not args.held:
        raise ValidationError(N_("--minutes and --mode go with --held."))
    if args.held:
        record = MeetingRecord(
            MeetingState.HELD,
            held_on=parse_day(args.held),
            minutes=args.minutes,
            mode=args.mode or "",
            note=args.note,
        )
    elif args.moved:
        record = MeetingRecord(MeetingState.MOVED, note=args.note, planned_on=parse_day(args.moved))
    elif args.cancelled:
        record = MeetingRecord(MeetingState.CANCELLED, note=args.note)
    else:
        planned_on = parse_day(args.on) if args.on else None
        record = MeetingRecord(MeetingState.PLANNED, note=args.note, planned_on=planned_on)
    with Services.to_write(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        group = _group_of(services.meetings.schedule(cohort.id), args.mentor)
        services.meetings.record(group, args.number, record)
        groups = [g for g in services.running.groups(cohort.id) if g.group.id == group]
    item = groups[0]
    if args.json:
        print(json.dumps({"group": _group_json(item)}, indent=2, ensure_ascii=False))
    else:
        print(
            _("Meeting {number} of {mentor}’s group is recorded. {reason}").format(
                number=args.number,
                mentor=item.group.mentor.name,
                reason=item.assessment.reason.text,
            )
        )
    return 0


def _group_of(schedule: RoundSchedule, email: str) -> int:
    group = schedule.group_of_mentor(email)
    if group is None:
        raise ValidationError(
            N_("{email} is not the mentor of an accepted group in “{round}”."),
            "mentor",
            email=email[:80],
            round=schedule.name,
        )
    if group.ended_on is not None:
        raise ValidationError(
            N_("The group of {email} ended on {date}; its meetings can no longer be recorded."),
            "mentor",
            email=email[:80],
            date=format_date(group.ended_on),
        )
    return group.id


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _group_json(item: GroupHealth) -> dict[str, Any]:
    group = item.group
    return {
        "mentor": group.mentor.email,
        "adepts": [adept.email for adept in group.adepts],
        "health": item.health.value,
        "reason": item.assessment.reason.text,
        "meetings": [
            {
                "number": m.number,
                "planned": _day(m.planned_on),
                "held": _day(m.held_on),
                "status": str(m.state),
            }
            for m in group.meetings
        ],
    }


def as_json(groups: list[GroupHealth]) -> dict[str, Any]:
    """Stored keys, e-mails and ISO dates; only ``reason`` is a sentence."""
    return {"groups": [_group_json(item) for item in groups]}


def as_table(round_name: str, groups: list[GroupHealth]) -> str:
    """One line per group in the UI language: health, mentor and adepts, meetings, reason."""
    from mentorapp.running.health import MeetingState, health_label

    if not groups:
        return _("“{round}” has no accepted groups yet.").format(round=round_name)
    labels = [health_label(item.health) for item in groups]
    width = max(len(label) for label in labels)
    lines = [_("Pair meetings in {round}").format(round=round_name), ""]
    for item, label in zip(groups, labels, strict=True):
        group = item.group
        held = sum(1 for m in group.meetings if m.state == MeetingState.HELD)
        names = ", ".join(adept.name for adept in group.adepts)
        people = f"{group.mentor.name} – {names}" if names else group.mentor.name
        count = _("{held} of {total} held").format(held=held, total=len(group.meetings))
        lines.append(f"  {label.ljust(width)}  {people} ({count})")
        lines.append(f"  {' ' * width}  {item.assessment.reason.text}")
    return "\n".join(lines)
