"""``import-checkins``: record pair meetings as held from a check-in form's CSV export.

All or nothing: a file with one row that has a problem records no meeting (exit 2); a clean
file records every meeting in one transaction (exit 0). ``--dry-run`` only reports.

JSON shape::

    {"rows": n, "recorded": n, "unchanged": n,
     "problems": [{"row": n, "column": header, "message": text}],
     "warnings": [{"row": n, "column": header, "message": text}],
     "written": bool}

"rows" counts the file's answers; "recorded" the meetings written (or, in a clean dry run,
to be written; 0 when there are problems); "unchanged" those already recorded as held on the
same day. Row numbers are those a spreadsheet shows (the header is row 1). Warnings (a comment
cut to the note's length, slash dates read day first) keep no row out.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from mentorapp.i18n import _, ngettext

if TYPE_CHECKING:
    from mentorapp.dataio.checkin_csv import CheckinReport


def register(subparsers: argparse._SubParsersAction) -> None:
    checkins = subparsers.add_parser(
        "import-checkins",
        help=_("record pair meetings as held from a check-in form's CSV export"),
    )
    checkins.add_argument("file", type=Path, help=_("the CSV file exported from the form"))
    checkins.add_argument("--cohort", required=True, metavar=_("ROUND"), help=_("the round's name"))
    checkins.add_argument(
        "--dry-run", action="store_true", help=_("check the file and report, but write nothing")
    )
    checkins.add_argument(
        "--replace",
        action="store_true",
        help=_("replace the day of a meeting already recorded as held on another day"),
    )
    checkins.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    checkins.set_defaults(handler=import_checkins)


def import_checkins(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.dataio.checkin_csv import import_checkins as run
    from mentorapp.dataio.checkin_csv import read_checkin_file
    from mentorapp.dataio.csv_source import read_table
    from mentorapp.workspace.services import Services

    table = read_table(read_checkin_file(args.file))  # an unreadable file opens no database
    # A dry run only looks, so it works while Mentorapp has the file open.
    opened = Services.to_read if args.dry_run else Services.to_write
    with opened(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        report = run(
            services.database, cohort.id, table, dry_run=args.dry_run, replace=args.replace
        )
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print_summary(report, args.dry_run)
    return 2 if report.problems else 0


def print_summary(report: CheckinReport, dry_run: bool) -> None:
    """A sentence or two in the user's language, then one line per problem."""
    if report.ignored_columns:
        columns = ", ".join(f"“{name}”" for name in report.ignored_columns)
        print(_("Ignored columns: {columns}").format(columns=columns))
    for problem in report.problems:
        print(
            _("Row {row}, {column}: {message}").format(
                row=problem.row, column=problem.column, message=problem.message
            )
        )
    for warning in report.warnings:
        print(
            _("Note on row {row}, {column}: {message}").format(
                row=warning.row, column=warning.column, message=warning.message
            )
        )
    recorded, unchanged = report.recorded, report.unchanged
    if report.problems and not report.rows_with_problems:
        print(_("No meeting was recorded: the file lacks a column it needs."))
        return
    if report.problems:
        rows = report.rows_with_problems
        print(
            ngettext(
                "No meeting was recorded because {n} row has problems. Correct it and import "
                "the file again.",
                "No meeting was recorded because {n} rows have problems. Correct them and "
                "import the file again.",
                rows,
            ).format(n=rows)
        )
        return
    if dry_run:
        print(_("Dry run: nothing was written."))
    if not report.rows:
        print(_("The file has no answers, so there is nothing to record."))
        return
    if not recorded:
        print(_("Nothing new to record."))
    elif dry_run:
        text = ngettext(
            "The import would record {n} meeting as held.",
            "The import would record {n} meetings as held.",
            recorded,
        )
        print(text.format(n=recorded))
    else:
        text = ngettext("Recorded {n} meeting as held.", "Recorded {n} meetings as held.", recorded)
        print(text.format(n=recorded))
    if unchanged:
        print(
            ngettext(
                "{n} meeting was already recorded on the same day and is left as it was.",
                "{n} meetings were already recorded on the same day and are left as they were.",
                unchanged,
            ).format(n=unchanged)
        )
