"""``import`` and ``export-participants``: applications in and out as CSV files.

The handlers only read arguments, call ``mentorapp.dataio`` and print; the GUI's import
wizard calls the same functions, so both judge a file alike.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from mentorapp.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from mentorapp.dataio.csv_source import CsvTable
    from mentorapp.dataio.importer import ImportReport

ROLES = ("adept", "mentor")


def register(subparsers: argparse._SubParsersAction) -> None:
    importing = subparsers.add_parser(
        "import", help=_("import applications from a CSV file into a round")
    )
    importing.add_argument("file", type=Path, help=_("the CSV file to import"))
    importing.add_argument("--role", choices=ROLES, required=True, help=_("adepts or mentors"))
    importing.add_argument(
        "--cohort", required=True, help=_("the round's name; a new name creates the round")
    )
    importing.add_argument(
        "--dry-run", action="store_true", help=_("check the file and report, but write nothing")
    )
    importing.add_argument(
        "--on-duplicate",
        choices=("update", "skip"),
        default="update",
        help=_("what to do with an e-mail that is already in the database (default: update)"),
    )
    importing.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_("import the valid rows even if other rows have problems"),
    )
    importing.add_argument(
        "--map",
        action="append",
        default=[],
        metavar=_("HEADER=FIELD"),
        help=_(
            'which field a column holds, e.g. --map "E-postadress=email"; nothing after "=" '
            "leaves the column out (repeatable; wins over what Mentorapp recognises and over "
            "the choices remembered by the import wizard)"
        ),
    )
    importing.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    importing.set_defaults(handler=import_file)

    export = subparsers.add_parser(
        "export-participants", help=_("write a round's adepts or mentors to a CSV file")
    )
    export.add_argument("--cohort", required=True, help=_("the round's name"))
    export.add_argument("--role", choices=ROLES, required=True, help=_("adepts or mentors"))
    export.add_argument("--out", type=Path, required=True, help=_("the CSV file to write"))
    export.set_defaults(handler=export_participants)


def read_file(path: Path) -> bytes:
    from mentorapp.dataio.csv_source import ImportFileError

    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(
            N_("There is no file at {path}. Check the file's name and folder."), path=path
        ) from exc
    except OSError as exc:
        raise ImportFileError(
            N_("Mentorapp could not open {path} ({detail})."),
            path=path,
            detail=exc.strerror or str(exc),
        ) from exc


def import_file(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.dataio.csv_source import read_table
    from mentorapp.dataio.importer import ImportOptions, run_import
    from mentorapp.workspace.services import Services

    table = read_table(read_file(args.file))  # an unreadable file never opens the database
    options = ImportOptions(
        role=args.role,
        cohort_name=args.cohort,
        on_duplicate=args.on_duplicate,
        skip_invalid=args.skip_invalid,
        dry_run=args.dry_run,
        mapping=column_mapping(table, args),  # a wrong --map never opens the database either
    )
    # A dry run only looks, so it works while the file is open in Mentorapp; a real import
    # holds the file's lock, so it never writes under another Mentorapp's feet.
    opened = Services.to_read if args.dry_run else Services.to_write
    with opened(database_path(args)) as services:
        report = run_import(services.database, table, options)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print_summary(report, args)
    if report.errors and (report.blocked or not args.skip_invalid):
        return 1
    return 0


def column_mapping(table: CsvTable, args: argparse.Namespace) -> list[str | None]:
    """What the wizard would propose (with its remembered choices), then each --map."""
    from mentorapp.dataio.columns import apply_overrides, auto_map
    from mentorapp.workspace.settings import load_settings

    remembered = load_settings().import_mappings
    mapping = auto_map(table.headers, remembered, table.rows)
    return apply_overrides(table.headers, mapping, args.map, args.role)


def print_summary(report: ImportReport, args: argparse.Namespace) -> None:
    """A few sentences in the user's language, then one line per problem."""
    cohort = args.cohort.strip()
    would = args.dry_run
    if report.programme_created:
        text = (
            _("A new programme and the round “{cohort}” would be created.")
            if would
            else _("Created a new programme and the round “{cohort}”.")
        )
        print(text.format(cohort=cohort))
    elif report.cohort_created:
        text = (
            _("The round “{cohort}” would be created.")
            if would
            else _("Created the round “{cohort}”.")
        )
        print(text.format(cohort=cohort))
    counts = {"created": report.created, "updated": report.updated, "skipped": report.skipped}
    if report.written:
        print(_("New: {created}, updated: {updated}, skipped: {skipped}.").format(**counts))
    elif args.dry_run:
        print(_("Dry run: nothing was written."))
        print(
            _("The import would add {created}, update {updated} and skip {skipped}.").format(
                **counts
            )
        )
    if report.ignored_columns:
        columns = ", ".join(f"“{name}”" for name in report.ignored_columns)
        print(_("Ignored columns: {columns}").format(columns=columns))
    for problem in report.errors:
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
    rows = report.rows_with_errors
    if report.blocked:
        print(_("Nothing was imported: the file lacks a required column."))
    elif report.errors and report.written:
        print(
            ngettext(
                "{n} row with problems was left out.", "{n} rows with problems were left out.", rows
            ).format(n=rows)
        )
    elif report.errors and args.dry_run and not args.skip_invalid:
        print(
            ngettext(
                "A real import would write nothing because {n} row has problems, unless you "
                "use --skip-invalid.",
                "A real import would write nothing because {n} rows have problems, unless you "
                "use --skip-invalid.",
                rows,
            ).format(n=rows)
        )
    elif report.errors and not args.dry_run:
        print(
            ngettext(
                "Nothing was imported because {n} row has problems. Correct it and import the "
                "file again, or use --skip-invalid to import only the valid rows.",
                "Nothing was imported because {n} rows have problems. Correct them and import "
                "the file again, or use --skip-invalid to import only the valid rows.",
                rows,
            ).format(n=rows)
        )


def export_participants(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.dataio.participants_csv import write_participants_csv
    from mentorapp.errors import require_output_file
    from mentorapp.workspace.services import Services

    require_output_file(args.out, replace=True)
    with Services.to_read(database_path(args)) as services:
        count = write_participants_csv(services.database, args.cohort, args.role, args.out)
    message = ngettext(
        "Wrote {n} application to {path}.", "Wrote {n} applications to {path}.", count
    )
    print(message.format(n=count, path=args.out))
    return 0
