"""``interviews`` and ``interview-book``: the Selection stage's interviews from a script.

``interviews --cohort NAME [--day YYYY-MM-DD]`` lists the round's interviews (one day's
with ``--day``, cancelled ones left out then); ``--out FILE.pdf`` with ``--day`` writes the
day's schedule to print (``--force`` replaces an existing file).
``interview-book --cohort NAME --at "YYYY-MM-DD HH:MM" EMAIL`` books one, moving the
application to "Interview booked" with a dated history row, as the GUI does.

JSON shape of ``interviews --json``::

    {"interviews": [{"email": email, "role": "adept" | "mentor",
                     "starts_at": "YYYY-MM-DDTHH:MM", "minutes": int, "place": text,
                     "interviewer": text, "state": "booked" | "held" | "cancelled",
                     "decision": "" | "accepted" | "waitlisted" | "declined"}]}

and of ``interview-book --json``: ``{"booked": {…one interview as above…}}``. Times are the
local wall-clock time they were booked for, without a time zone.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorapp.commands.arguments import parse_day
from mentorapp.domain.enums import Role
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, format_datetime, ngettext

if TYPE_CHECKING:
    from mentorapp.people.interviews import InterviewRow

ROLES = tuple(role.value for role in Role)


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser(
        "interviews", help=_("list a round's interviews, or print a day's schedule")
    )
    listing.add_argument("--cohort", required=True, metavar=_("ROUND"), help=_("the round's name"))
    listing.add_argument("--day", metavar=_("YYYY-MM-DD"), help=_("only this day's interviews"))
    listing.add_argument(
        "--out", type=Path, metavar=_("FILE.pdf"), help=_("write the day's schedule as a PDF")
    )
    listing.add_argument(
        "--force", action="store_true", help=_("replace the PDF if the file exists")
    )
    listing.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    listing.set_defaults(handler=list_interviews)

    book = subparsers.add_parser("interview-book", help=_("book an interview for an applicant"))
    book.add_argument("email", metavar=_("EMAIL"), help=_("the applicant's e-mail"))
    book.add_argument("--cohort", required=True, metavar=_("ROUND"), help=_("the round's name"))
    book.add_argument(
        "--at", required=True, metavar=_("“YYYY-MM-DD HH:MM”"), help=_("the date and time")
    )
    book.add_argument(
        "--minutes",
        type=int,
        default=45,
        metavar=_("MINUTES"),
        help=_("the length (default 45)"),
    )
    book.add_argument("--place", default="", metavar=_("TEXT"), help=_("a room, address or link"))
    book.add_argument("--interviewer", default="", metavar=_("TEXT"), help=_("who interviews"))
    book.add_argument(
        "--role", choices=ROLES, help=_("which application, for someone who applied in both roles")
    )
    book.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    book.set_defaults(handler=book_interview)


def list_interviews(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.errors import require_output_file
    from mentorapp.workspace.services import Services

    day = parse_day(args.day) if args.day is not None else None
    if args.out is not None:
        if day is None:
            raise ValidationError(N_("Give the day of the schedule with --day YYYY-MM-DD."), "day")
        require_output_file(args.out, replace=args.force)
    with Services.to_read(database_path(args)) as services:
        cohort = services.programmes.round_named(args.cohort)
        assert cohort.id is not None
        if day is None:
            rows = services.interviews.for_round(cohort.id)
        else:
            rows = services.interviews.schedule(cohort.id, day)
        if args.out is not None and day is not None:
            services.interviews.write_schedule(cohort.id, day, args.out)
    if args.json:
        print(json.dumps({"interviews": [as_json(r) for r in rows]}, indent=2, ensure_ascii=False))
    elif args.out is not None:
        print(
            ngettext(
                "Wrote the schedule with {n} interview to {path}.",
                "Wrote the schedule with {n} interviews to {path}.",
                len(rows),
            ).format(n=len(rows), path=args.out)
        )
    else:
        print(listing(rows, cohort.name))
    return 0


def book_interview(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.status_commands import choose
    from mentorapp.workspace.services import Services

    starts_at = parse_time(args.at)
    with Services.to_write(database_path(args)) as services:
        cohort = services.programmes.round_named(args.cohort)
        assert cohort.id is not None
        rows = services.participants.rows(cohort.id, args.role)
        [row] = choose(rows, [args.email], cohort, args.role)
        booked = services.interviews.book(
            row.enrolment_id, starts_at, args.minutes, args.place, args.interviewer
        )
    if args.json:
        print(json.dumps({"booked": as_json(booked)}, indent=2, ensure_ascii=False))
    else:
        print(
            _("Booked an interview with {name} <{email}> for {when}.").format(
                name=booked.name, email=booked.email, when=format_datetime(booked.starts_at)
            )
        )
    return 0


def parse_time(text: str) -> datetime:
    try:
        return datetime.strptime(" ".join(text.split()), "%Y-%m-%d %H:%M")
    except ValueError:
        raise ValidationError(
            N_(
                "“{text}” is not a date and time. Write it as “YYYY-MM-DD HH:MM”, "
                "e.g. “2027-02-03 13:30”."
            ),
            "at",
            text=text[:40],
        ) from None


def as_json(row: InterviewRow) -> dict[str, Any]:
    """One interview for scripts: stored keys, not translated labels."""
    return {
        "email": row.email,
        "role": row.role,
        "starts_at": row.starts_at.isoformat(timespec="minutes"),
        "minutes": row.minutes,
        "place": row.place,
        "interviewer": row.interviewer,
        "state": row.state,
        "decision": row.decision,
    }


def listing(rows: list[InterviewRow], round_name: str) -> str:
    from mentorapp.domain.enums import role_label, status_label
    from mentorapp.people.interviews import state_label

    if not rows:
        return _("No interviews in {round}.").format(round=round_name)
    lines = [
        ngettext("{n} interview in {round}:", "{n} interviews in {round}:", len(rows)).format(
            n=len(rows), round=round_name
        )
    ]
    for row in rows:
        outcome = state_label(row.state)
        if row.decision:
            outcome += f": {status_label(row.decision)}"
        where = " · ".join(part for part in (row.place, row.interviewer) if part)
        lines.append(
            f"  {format_datetime(row.starts_at)}  {row.name} <{row.email}> "
            f"({role_label(row.role)}) — {outcome}" + (f" — {where}" if where else "")
        )
    return "\n".join(lines)
