"""``outcome``: record what an adept told the coordinator, or list a round's outcomes.

``outcome --cohort NAME --adept EMAIL --kind job|internship|studies --on YYYY-MM-DD
[--field yes|partly|no] [--through yes|no] [--note TEXT] [--json]`` records one (``--on``:
the day it started; ``--field``: in their own field; ``--through``: found through the mentor
or the programme; both left out mean not known) and prints its id.
``outcome --list --cohort NAME [--json]`` lists the round's outcomes.

JSON shape of a recorded outcome: ``{"outcome": id, "adept": email}``; of ``--list``::

    {"cohort": name, "outcomes": [{"id": n, "adept": email, "name": text, "kind": key,
      "started_on": "YYYY-MM-DD", "in_field": "" | "yes" | "partly" | "no",
      "through_programme": "" | "yes" | "no", "note": text, "recorded_on": "YYYY-MM-DD"}]}

"" means not known. An adept may have several outcomes (an internship, then a job).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from mentorapp.commands.arguments import parse_day
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, format_date

if TYPE_CHECKING:
    from mentorapp.impact.outcomes import OutcomeRow


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "outcome",
        help=_("record an adept's job, internship or studies, or list a round's outcomes"),
    )
    command.add_argument("--cohort", required=True, metavar=_("ROUND"), help=_("the round's name"))
    command.add_argument("--adept", metavar=_("EMAIL"), help=_("the adept's e-mail"))
    command.add_argument(
        "--kind", metavar="job|internship|studies", help=_("what the adept has started")
    )
    command.add_argument("--on", metavar=_("YYYY-MM-DD"), help=_("the day it started"))
    command.add_argument(
        "--field", default="", metavar="yes|partly|no", help=_("in the adept's own field")
    )
    command.add_argument(
        "--through",
        default="",
        metavar="yes|no",
        help=_("found through the mentor or the programme"),
    )
    command.add_argument(
        "--note",
        default="",
        metavar=_("TEXT"),
        help=_("a short note, e.g. the employer (only when it is needed)"),
    )
    command.add_argument("--list", action="store_true", help=_("list the round's outcomes"))
    command.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    command.set_defaults(handler=outcome)


def outcome(args: argparse.Namespace) -> int:
    if args.list:
        return _list(args)
    missing = [name for name in ("adept", "kind", "on") if getattr(args, name) is None]
    if missing:
        raise ValidationError(
            N_("To record an outcome, give {missing}; or give --list to see the round's outcomes."),
            "arguments",
            missing=", ".join(f"--{name}" for name in missing),
        )
    return _record(args)


def _record(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.impact.outcomes import check_fields
    from mentorapp.workspace.services import Services

    started_on = parse_day(args.on, "on")
    # Checked before the file is opened: a typing mistake never waits for the lock.
    check_fields(args.kind, args.field, args.through, args.note)
    with Services.to_write(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        enrolment_id = services.outcomes.find_adept(cohort.id, args.adept)
        made = services.outcomes.record(
            enrolment_id,
            args.kind,
            started_on,
            in_field=args.field,
            through_programme=args.through,
            note=args.note,
        )
    if args.json:
        print(json.dumps({"outcome": made, "adept": args.adept.strip()}, ensure_ascii=False))
    else:
        print(_("Recorded outcome {id} for {email}.").format(id=made, email=args.adept.strip()))
    return 0


def _list(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.workspace.services import Services

    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        rows = services.outcomes.for_round(cohort.id)
    if args.json:
        data = {"cohort": cohort.name, "outcomes": [as_json(row) for row in rows]}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(listing(rows, cohort.name))
    return 0


def as_json(row: OutcomeRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "adept": row.email,
        "name": row.name,
        "kind": row.kind,
        "started_on": row.started_on.isoformat(),
        "in_field": row.in_field,
        "through_programme": row.through_programme,
        "note": row.note,
        "recorded_on": row.recorded_on.isoformat(),
    }


def listing(rows: list[OutcomeRow], cohort: str) -> str:
    """The round's outcomes as lines a person reads."""
    if not rows:
        return _("No outcomes are recorded for “{round}”.").format(round=cohort)
    lines = [_("Outcomes in “{round}”:").format(round=cohort)]
    from mentorapp.impact.outcomes import describe

    for row in rows:
        parts = describe(row.kind, row.in_field, row.through_programme)
        note = f" — {row.note}" if row.note else ""
        when = _("from {date}").format(date=format_date(row.started_on))
        lines.append(f"  {row.id}  {row.name} <{row.email}>: {parts}, {when}{note}")
    return "\n".join(lines)
