"""``calendar``: write a round's pair meetings and gatherings as an iCalendar (.ics) file.

JSON shape (with ``--json``)::

    {"file": "/path/to/file.ics", "events": n}

Without ``--mentor`` the file holds every group's meetings (for the coordinator); with it,
that mentor's group's meetings and the round's gatherings (for the pair). Meetings without a
planned date are left out. The events are in ``--lang`` (the group's meeting language or
the programme's language if left out).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mentorapp.i18n import LANGUAGES, N_, _, ngettext


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "calendar",
        help=_("write a round's pair meetings and gatherings as a calendar file (.ics)"),
    )
    command.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (default: the current round)")
    )
    command.add_argument(
        "--mentor",
        metavar=_("EMAIL"),
        help=_("only this mentor's group (and the round's gatherings), for the pair"),
    )
    command.add_argument(
        "--lang",
        dest="calendar_language",
        choices=LANGUAGES,
        help=_("the events' language (the group's or the programme's language if left out)"),
    )
    command.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE"), help=_("the .ics file to write")
    )
    command.add_argument(
        "--force", action="store_true", help=_("replace the file if it exists already")
    )
    command.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    command.set_defaults(handler=write_calendar_file)


def write_calendar_file(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.dataio.calendar_ics import export_calendar
    from mentorapp.errors import ValidationError, require_output_file
    from mentorapp.workspace.services import Services

    require_output_file(args.out, replace=args.force)
    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        schedule = services.meetings.schedule(cohort.id)
        group_id = None
        if args.mentor is not None:
            group = schedule.group_of_mentor(args.mentor)
            if group is None:
                raise ValidationError(
                    N_("No group in the round “{round}” has the mentor {email}."),
                    "mentor",
                    round=cohort.name,
                    email=args.mentor.strip(),
                )
            group_id = group.id
        written = export_calendar(
            services.database, schedule, args.out, group_id, args.calendar_language
        )
    if args.json:
        print(json.dumps({"file": str(written.path), "events": written.events}, ensure_ascii=False))
    else:
        print(
            ngettext(
                "Wrote {count} event to {path}.", "Wrote {count} events to {path}.", written.events
            ).format(count=written.events, path=written.path)
        )
    return 0
