"""``gathering``: a round's joint gatherings, their invitations and attendance, from a script.

``gathering add --cohort NAME --title T --date YYYY-MM-DD [--time HH:MM] [--minutes M]
[--place P] [--description D] [--from-template KEY] [--invite all|adepts|mentors|none]``
adds one (without ``--time`` it lasts the whole day; a template gives the title, text and
length that are not given) and prints its id; ``gathering list --cohort NAME`` lists the
round's; ``gathering attend --id N --email E …`` records who came (``--absent``: who did
not), all or nothing; ``gathering attendance-list --id N --out FILE.pdf`` writes the list to
sign at the door.

JSON shape of ``gathering add --json``: ``{"id": n}``; of ``gathering list --json``::

    {"gatherings": [{"id": n, "title": text, "date": "YYYY-MM-DD", "time": "HH:MM" | null,
                     "place": text, "cancelled": bool, "invited": n, "attended": n}]}

and of ``gathering attend --json``: ``{"changed": n}``. Times are the local wall-clock time,
without a time zone; "time" is null for a whole-day gathering.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorapp.commands.arguments import parse_day
from mentorapp.domain.enums import Role
from mentorapp.errors import ValidationError
from mentorapp.i18n import LANGUAGES, N_, _, format_date, format_time, ngettext

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort
    from mentorapp.running.gatherings import GatheringRow
    from mentorapp.workspace.services import Services

INVITE = {"all": ("adept", "mentor"), "adepts": ("adept",), "mentors": ("mentor",), "none": ()}
ROLES = tuple(role.value for role in Role)


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "gathering", help=_("add and list a round's joint gatherings, and record attendance")
    )
    jobs = command.add_subparsers(dest="gathering_job", metavar=_("job"), required=True)

    add = jobs.add_parser("add", help=_("add a gathering to a round"))
    add.add_argument("--cohort", required=True, metavar=_("ROUND"), help=_("the round's name"))
    add.add_argument("--title", metavar=_("TEXT"), help=_("the gathering's title"))
    add.add_argument("--date", required=True, metavar=_("YYYY-MM-DD"), help=_("the day"))
    add.add_argument(
        "--time", metavar=_("HH:MM"), help=_("when it starts (left out: the whole day)")
    )
    add.add_argument("--minutes", type=int, metavar=_("MINUTES"), help=_("how long it lasts"))
    add.add_argument("--place", metavar=_("TEXT"), help=_("an address, a room or a meeting link"))
    add.add_argument("--description", metavar=_("TEXT"), help=_("what the gathering is about"))
    add.add_argument(
        "--from-template",
        metavar=_("KEY"),
        help=_("start from a default gathering, e.g. job_search_cv, networking, salary_union"),
    )
    add.add_argument(
        "--invite",
        choices=tuple(INVITE),
        default="none",
        help=_("invite the round's accepted and active participants (default: none)"),
    )
    add.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    add.set_defaults(handler=add_gathering)

    listing = jobs.add_parser("list", help=_("list a round's gatherings"))
    listing.add_argument("--cohort", required=True, metavar=_("ROUND"), help=_("the round's name"))
    listing.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    listing.set_defaults(handler=list_gatherings)

    attend = jobs.add_parser("attend", help=_("record who came to a gathering"))
    attend.add_argument("--id", type=int, required=True, metavar="N", help=_("the gathering's id"))
    attend.add_argument(
        "--email",
        action="append",
        required=True,
        metavar=_("EMAIL"),
        help=_("a participant's e-mail (give --email once per person)"),
    )
    attend.add_argument("--absent", action="store_true", help=_("record that they did not come"))
    attend.add_argument(
        "--role", choices=ROLES, help=_("which application, for someone in both roles")
    )
    attend.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    attend.set_defaults(handler=record_attendance)

    sheet = jobs.add_parser(
        "attendance-list", help=_("write a gathering's attendance list to sign, as a PDF")
    )
    sheet.add_argument("--id", type=int, required=True, metavar="N", help=_("the gathering's id"))
    sheet.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE.pdf"), help=_("the PDF file to write")
    )
    sheet.add_argument(
        "--lang",
        dest="list_language",
        choices=LANGUAGES,
        help=_("the list's language (the language of the command if left out)"),
    )
    sheet.add_argument(
        "--force", action="store_true", help=_("replace the file if it exists already")
    )
    sheet.set_defaults(handler=write_attendance_list)


def add_gathering(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.i18n import current_language
    from mentorapp.running.gathering_content import load_templates
    from mentorapp.running.gatherings import GatheringDraft
    from mentorapp.workspace.services import Services

    title, description, minutes = args.title, args.description, args.minutes
    if args.from_template is not None:
        templates = {t.key: t for t in load_templates(current_language())}
        chosen = templates.get(args.from_template.strip())
        if chosen is None:
            raise ValidationError(
                N_("There is no default gathering “{key}”. Choose one of: {keys}."),
                "template",
                key=args.from_template[:60],
                keys=", ".join(templates),
            )
        title = chosen.title if title is None else title
        description = chosen.description if description is None else description
        minutes = chosen.minutes if minutes is None else minutes
    day = parse_day(args.date, "date")
    clock = parse_clock(args.time) if args.time is not None else None
    draft = GatheringDraft(
        title=title or "",
        starts_at=datetime.combine(day, clock or time()),
        all_day=clock is None,
        minutes=120 if minutes is None else minutes,
        place=args.place or "",
        description=description or "",
    )
    with Services.to_write(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        made = services.gatherings.add(cohort.id, draft, INVITE[args.invite])
    if args.json:
        print(json.dumps({"id": made.id}, ensure_ascii=False))
    else:
        print(made.id)
    return 0


def list_gatherings(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.workspace.services import Services

    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        rows = services.gatherings.list(cohort.id)
    if args.json:
        gatherings = [as_json(row) for row in rows]
        print(json.dumps({"gatherings": gatherings}, indent=2, ensure_ascii=False))
    else:
        print(listing(rows, cohort.name))
    return 0


def record_attendance(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.status_commands import choose
    from mentorapp.workspace.services import Services

    with Services.to_write(database_path(args)) as services:
        gathering = services.gatherings.gathering(args.id)
        cohort = _round_of(services, gathering.cohort_id)
        rows = services.participants.rows(gathering.cohort_id, args.role)
        chosen = choose(rows, args.email, cohort, args.role)
        came = not args.absent
        changed = services.gatherings.set_attendance(
            gathering.id, {row.enrolment_id: came for row in chosen}
        )
    if args.json:
        print(json.dumps({"changed": changed}, ensure_ascii=False))
    else:
        template = (
            ngettext(
                "Recorded {n} person as not having come to “{title}”.",
                "Recorded {n} people as not having come to “{title}”.",
                len(chosen),
            )
            if args.absent
            else ngettext(
                "Recorded {n} person as having come to “{title}”.",
                "Recorded {n} people as having come to “{title}”.",
                len(chosen),
            )
        )
        print(template.format(n=len(chosen), title=gathering.title))
    return 0


def write_attendance_list(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.errors import require_output_file
    from mentorapp.workspace.services import Services

    require_output_file(args.out, replace=args.force)
    with Services.to_read(database_path(args)) as services:
        count = services.gatherings.write_attendance_list(
            args.id, args.out, language=args.list_language
        )
    print(
        ngettext(
            "Wrote the attendance list with {n} name to {path}.",
            "Wrote the attendance list with {n} names to {path}.",
            count,
        ).format(n=count, path=args.out)
    )
    return 0


# -- helpers ---------------------------------------------------------------------------------


def _round_of(services: Services, cohort_id: int) -> Cohort:
    programme = services.programmes.programme()
    cohorts = services.programmes.cohorts(programme.id) if programme and programme.id else []
    found = next((c for c in cohorts if c.id == cohort_id), None)
    if found is None:
        raise ValidationError(N_("That round no longer exists."))
    return found


def parse_clock(text: str) -> time:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise ValidationError(
            N_("“{text}” is not a time. Write it as HH:MM, e.g. 17:30."), "time", text=text[:40]
        ) from None


def as_json(row: GatheringRow) -> dict[str, Any]:
    """One gathering for scripts: ISO dates, counts, no translated labels."""
    return {
        "id": row.id,
        "title": row.title,
        "date": row.starts_at.date().isoformat(),
        "time": None if row.all_day else row.starts_at.strftime("%H:%M"),
        "place": row.place,
        "cancelled": row.cancelled,
        "invited": row.invited,
        "attended": row.attended,
    }


def listing(rows: list[GatheringRow], round_name: str) -> str:
    """A readable list in the current UI language."""
    if not rows:
        return _("“{round}” has no gatherings yet.").format(round=round_name)
    lines = []
    for row in rows:
        when = format_date(row.starts_at.date())
        if not row.all_day:
            when += f" {format_time(row.starts_at)}"
        line = f"{row.id:>4}  {when}  {row.title}"
        if row.place:
            line += f" — {row.place}"
        counts = _("{invited} invited, {attended} came").format(
            invited=row.invited, attended=row.attended
        )
        line += f" ({counts})"
        if row.cancelled:
            line += " " + _("[cancelled]")
        lines.append(line)
    return "\n".join(lines)
