"""``plan``: write the programme plan as a two-page PDF for a board or a funder.

The plan is printed in ``--lang`` (the programme's own language if left out) with the
timeline of the current round (or of ``--cohort``); the path written is printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mentorapp.i18n import LANGUAGES, N_, _


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "plan", help=_("write the programme plan as a two-page PDF for a board or a funder")
    )
    command.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE"), help=_("the PDF file to write")
    )
    command.add_argument(
        "--lang",
        dest="plan_language",
        choices=LANGUAGES,
        help=_("the plan's language (the programme's own language if left out)"),
    )
    command.add_argument(
        "--cohort",
        metavar=_("ROUND"),
        help=_("the round whose timeline is drawn (the current round if left out)"),
    )
    command.add_argument(
        "--force", action="store_true", help=_("replace the file if it exists already")
    )
    command.set_defaults(handler=write_plan)


def write_plan(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.errors import require_output_file
    from mentorapp.planning.plan import PlanNotFound
    from mentorapp.workspace.services import Services

    require_output_file(args.out, replace=args.force)
    with Services.to_read(database_path(args)) as services:
        programme = services.programmes.programme()
        if programme is None or programme.id is None:
            raise PlanNotFound(N_("This file has no programme yet. Create one in Mentorapp first."))
        cohort_id = None
        if args.cohort is not None:
            cohort_id = services.programmes.round_named(args.cohort).id
        written = services.plan.write_pdf(
            programme.id, args.out, language=args.plan_language, cohort_id=cohort_id
        )
    print(written)
    return 0
