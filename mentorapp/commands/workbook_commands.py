"""``workbooks``: print a round's pair workbooks to PDF files, one per group or all in one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentorapp.i18n import LANGUAGES, _


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "workbooks", help=_("write the pair workbooks of a round's accepted groups as PDF files")
    )
    command.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (the current round if left out)")
    )
    command.add_argument(
        "--out", type=Path, required=True, metavar=_("FOLDER"), help=_("the folder to write to")
    )
    command.add_argument(
        "--lang",
        dest="workbook_language",
        choices=(*LANGUAGES, "both"),
        help=_("the workbooks' language (each group's meeting language if left out)"),
    )
    command.add_argument(
        "--combined", action="store_true", help=_("put all workbooks in one file for printing")
    )
    command.add_argument(
        "--paper", choices=("A4", "Letter"), default="A4", help=_("the paper size (A4)")
    )
    command.add_argument(
        "--content",
        type=Path,
        metavar=_("FOLDER"),
        help=_("a folder with the organisation's edited workbook text (workbook-sv.toml …)"),
    )
    command.set_defaults(handler=write_workbooks)


def write_workbooks(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.errors import MentorappError, require_output_folder
    from mentorapp.workspace.services import Services

    def warn(error: MentorappError) -> None:
        print(f"{error.user_title()}: {error.user_message()}", file=sys.stderr)

    require_output_folder(args.out)
    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        written = services.workbooks.write_workbooks(
            cohort.id,
            args.out,
            language=args.workbook_language,
            combined=args.combined,
            custom_dir=args.content,
            page_size=args.paper,
            warn=warn,
        )
    for path in written:
        print(path)
    _record_printed(args, cohort.id)
    return 0


def _record_printed(args: argparse.Namespace, cohort_id: int) -> None:
    """Note that the round's workbooks are printed, as the window does, when nobody else
    holds the file; otherwise say why it is not noted (the files are written either way)."""
    from mentorapp.commands import database_path
    from mentorapp.db.lock import DatabaseInUse, LockUnavailable
    from mentorapp.db.opening import FileIsReadOnly
    from mentorapp.workspace.services import Services

    try:
        with Services.to_write(database_path(args)) as services:
            services.workbooks.mark_printed(cohort_id)
    except (DatabaseInUse, LockUnavailable, FileIsReadOnly):
        print(
            _(
                "The workbooks are written. That they were printed is not noted in the file, "
                "because the file cannot be changed right now (it is open in another "
                "Mentorapp, or read-only)."
            ),
            file=sys.stderr,
        )
