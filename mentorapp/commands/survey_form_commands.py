"""``survey-forms``: print a survey's paper forms for a round, one per person with their name
and code, plus blank ones for extra copies.

Without ``--lang`` each person gets the form in their own language, all in one file (the
Swedish forms first, then the English ones). The path written is printed, with how many
forms it holds; an organisation's edited wording that cannot be used is named on stderr and
the built-in wording is printed instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentorapp.i18n import _, ngettext
from mentorapp.impact.survey_model import SURVEY_KEYS


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "survey-forms",
        help=_("write a survey's paper forms for a round as a PDF, one per person"),
    )
    command.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (the current round if left out)")
    )
    command.add_argument(
        "--survey", required=True, choices=SURVEY_KEYS, help=_("the survey to print")
    )
    command.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE"), help=_("the PDF file to write")
    )
    command.add_argument(
        "--lang",
        dest="form_language",
        choices=("sv", "en"),
        help=_("the forms' language (each person's own language if left out)"),
    )
    command.add_argument(
        "--blank",
        type=_count,
        default=0,
        metavar=_("N"),
        help=_("add N blank forms for extra copies (0 if left out)"),
    )
    command.add_argument(
        "--content",
        type=Path,
        metavar=_("FOLDER"),
        help=_("a folder with the organisation's edited survey text (surveys-sv.toml …)"),
    )
    command.add_argument(
        "--force", action="store_true", help=_("replace the file if it exists already")
    )
    command.set_defaults(handler=write_forms)


def _count(text: str) -> int:
    """A small whole number (argparse turns the ValueError into one sentence)."""
    if not text.strip().isdigit() or len(text.strip()) > 4:
        raise argparse.ArgumentTypeError(_("give a whole number from 0 to 500"))
    return int(text)


def write_forms(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.commands.survey_content_commands import content_folder
    from mentorapp.db.files import refuse_programme_file
    from mentorapp.documents.survey_form_pdf import write_survey_forms
    from mentorapp.errors import require_output_file
    from mentorapp.impact.forms import survey_forms
    from mentorapp.workspace.services import Services

    require_output_file(args.out, replace=args.force)
    refuse_programme_file(args.out)
    custom_dir = content_folder(args.content)  # the organisation's wording unless told
    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        forms = survey_forms(
            services.database,
            cohort.id,
            args.survey,
            language=args.form_language,
            custom_dir=custom_dir,
            blank=args.blank,
        )
    for problem in forms.problems:
        print(problem, file=sys.stderr)
    pages = write_survey_forms(args.out, forms.batches, forms.header)
    count = forms.people + forms.blank
    written = ngettext("{n} form", "{n} forms", count).format(n=count)
    printed = ngettext("{n} page", "{n} pages", pages).format(n=pages)
    print(f"{args.out}: {written}, {printed}")
    return 0
