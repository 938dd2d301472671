"""``survey-template``, ``survey-import``, ``survey-answers``: a survey's answers as CSV files.

``survey-template --cohort NAME --survey t0|t1|t2|mentor_end --out FILE.csv [--labels
keys|sv|en]`` writes one row per person the survey is for: ``email``, then ``code`` (ours:
the code printed on their paper form, so answers from paper can be typed in too), then one
column per question named by its key, empty. The second row lists each question's answers,
as stored values (``--labels keys``, the default) or as the labels in Swedish or English; it
has no e-mail address, is left out by the import and may be deleted. Either way is imported.

``survey-import FILE.csv --cohort NAME --survey … [--dry-run] [--replace] [--json]`` reads that
file, or a Google Forms or Microsoft Forms export (columns named by key or by the question's
text in either language; people by e-mail, else by code; answers as values or labels; the day
from the form's timestamp, else today). All or nothing: one row with a problem and nothing is
saved (exit 2). ``--dry-run`` only reports; ``--replace`` replaces answers already stored.

``survey-answers --cohort NAME --survey … --out FILE.csv [--lang sv|en]`` writes everyone's
answers: name, email, code, answered_on, then one column per question (key) with the answer's
label in that language (numbers as numbers). The file is owner-only and spreadsheet-safe.

JSON shape of ``survey-import``::

    {"file": path, "survey": key, "added": n, "replaced": n, "unchanged": n,
     "problems": [{"row": n, "column": header, "message": text}],
     "warnings": [{"row": n, "column": header, "message": text}],
     "dry_run": bool}

"added", "replaced" and "unchanged" count responses (0 when there are problems); row numbers
are those a spreadsheet shows (the header is row 1; 0 is the file as a whole). Warnings (a
column that is no question of the survey, a row that answers nothing) keep no row out.
``survey-template`` and ``survey-answers`` with ``--json`` print ``{"file": path,
"survey": key, "people": n}``; they refuse to overwrite a file without ``--force``. Without
``--cohort`` every command works on the current round.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from mentorapp.dataio.survey_csv import SurveyImportReport
    from mentorapp.impact.survey_model import SurveyContent

SURVEYS = "t0, t1, t2, mentor_end"


def register(subparsers: argparse._SubParsersAction) -> None:
    template = subparsers.add_parser(
        "survey-template", help=_("write a CSV file to fill in with a survey's answers")
    )
    _common(template)
    template.add_argument(
        "--labels",
        default="keys",
        choices=("keys", "sv", "en"),
        help=_("list the answers as stored values (keys) or as Swedish or English labels"),
    )
    _output(template)
    template.set_defaults(handler=write_template)

    answers = subparsers.add_parser(
        "survey-answers", help=_("write everyone's answers to a survey as a CSV file")
    )
    _common(answers)
    answers.add_argument(
        "--lang",
        dest="answer_language",
        choices=("sv", "en"),
        help=_("the language of the answers' labels (left out: the language of Mentorapp)"),
    )
    _output(answers)
    answers.set_defaults(handler=write_answers)

    survey_import = subparsers.add_parser(
        "survey-import", help=_("save a survey's answers from a form's CSV export")
    )
    survey_import.add_argument("file", type=Path, help=_("the CSV file exported from the form"))
    _common(survey_import)
    survey_import.add_argument(
        "--dry-run", action="store_true", help=_("check the file and report, but save nothing")
    )
    survey_import.add_argument(
        "--replace", action="store_true", help=_("replace answers already saved for someone")
    )
    survey_import.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    survey_import.set_defaults(handler=import_answers)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cohort", metavar=_("ROUND"), help=_("the round's name"))
    parser.add_argument(
        "--survey",
        required=True,
        metavar=_("SURVEY"),
        help=_("the survey: {choices}").format(choices=SURVEYS),
    )


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", type=Path, required=True, metavar=_("FILE"), help=_("the file (.csv)")
    )
    parser.add_argument("--force", action="store_true", help=_("replace an existing file"))
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))


def _check_output(path: Path, force: bool) -> None:
    from mentorapp.errors import require_output_file

    if path.suffix.lower() != ".csv":
        raise ValidationError(N_("The file's name must end in .csv."), "out")
    require_output_file(path, replace=force)


def _content(language: str) -> SurveyContent:
    """The organisation's edited wording for ``language`` if it has a valid one, else ours."""
    from mentorapp.impact.survey_content import content_for
    from mentorapp.workspace.settings import load_settings, workbook_content_folder

    return content_for(language, workbook_content_folder(load_settings())).content


def _edited_contents() -> list[SurveyContent]:
    from mentorapp.impact.answer_checks import CONTENT_LANGUAGES

    return [_content(language) for language in CONTENT_LANGUAGES]


def write_template(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.dataio.survey_csv import write_template as write
    from mentorapp.impact.answer_checks import check_person_survey
    from mentorapp.workspace.services import Services

    check_person_survey(args.survey)
    _check_output(args.out, args.force)
    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        people = services.surveys.people(cohort.id, args.survey)
    language = args.labels if args.labels != "keys" else _ui_language()
    count = write(args.out, people, args.survey, _content(language), args.labels)
    _report_file(args, count)
    return 0


def write_answers(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.dataio.survey_answers_csv import write_answers_csv
    from mentorapp.impact.answer_checks import check_person_survey
    from mentorapp.workspace.services import Services

    check_person_survey(args.survey)
    _check_output(args.out, args.force)
    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        rows = services.surveys.table(cohort.id, args.survey)
    content = _content(args.answer_language or _ui_language())
    count = write_answers_csv(args.out, rows, args.survey, content)
    _report_file(args, count)
    return 0


def _ui_language() -> str:
    from mentorapp.i18n import current_language
    from mentorapp.impact.answer_checks import CONTENT_LANGUAGES

    language = current_language()
    return language if language in CONTENT_LANGUAGES else "en"


def _report_file(args: argparse.Namespace, count: int) -> None:
    if args.json:
        found = {"file": str(args.out), "survey": args.survey, "people": count}
        print(json.dumps(found, ensure_ascii=False))
        return
    print(
        ngettext("Wrote {path} with {n} person.", "Wrote {path} with {n} people.", count).format(
            path=args.out, n=count
        )
    )


def import_answers(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.dataio.survey_csv import import_answers as run
    from mentorapp.dataio.survey_csv import read_survey_file, read_survey_table
    from mentorapp.impact.answer_checks import check_person_survey
    from mentorapp.workspace.services import Services

    check_person_survey(args.survey)
    table = read_survey_table(read_survey_file(args.file))  # unreadable: no database opened
    contents = _edited_contents()
    # A dry run only looks, so it works while Mentorapp has the file open.
    opened = Services.to_read if args.dry_run else Services.to_write
    with opened(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        report = run(
            services.database,
            cohort.id,
            args.survey,
            table,
            contents=contents,
            dry_run=args.dry_run,
            replace=args.replace,
        )
    if args.json:
        print(json.dumps(report.as_json(str(args.file)), ensure_ascii=False))
    else:
        print_summary(report)
    return 2 if report.problems else 0


def _file_problem(report: SurveyImportReport) -> str:
    """Why nothing was saved when no row is to blame, from the problems themselves."""
    from mentorapp.dataio.survey_columns import MISSING_COLUMNS, REPEATED_COLUMN

    templates = {problem.template for problem in report.problems}
    if templates & set(MISSING_COLUMNS):
        return N_("No answers were saved: the file lacks a column it needs.")
    if REPEATED_COLUMN in templates:
        return N_("No answers were saved: the file has a question in two columns.")
    return N_("No answers were saved. Correct what is said above and import the file again.")


def print_summary(report: SurveyImportReport) -> None:
    """A sentence or two in the user's language, then one line per problem."""
    for problem in report.problems:
        if problem.row > 0:
            line = _("Row {row}, {column}: {message}").format(
                row=problem.row, column=problem.column, message=problem.message
            )
        else:
            line = problem.message
        print(line)
    for warning in report.warnings:
        print(
            _("Note on row {row}, {column}: {message}").format(
                row=warning.row, column=warning.column, message=warning.message
            )
        )
    if report.problems:
        rows = report.rows_with_problems
        if not rows:
            print(_(_file_problem(report)))
            return
        print(
            ngettext(
                "No answers were saved because {n} row has problems. Correct it and import "
                "the file again.",
                "No answers were saved because {n} rows have problems. Correct them and "
                "import the file again.",
                rows,
            ).format(n=rows)
        )
        return
    if report.dry_run:
        print(_("Dry run: nothing was saved."))
    if not report.responses:
        print(_("The file has no answers, so there is nothing to save."))
        return
    added, replaced, unchanged = report.added, report.replaced, report.unchanged
    if added or replaced:
        if report.dry_run:
            text = ngettext(
                "The import would save {n} person's answers.",
                "The import would save {n} people's answers.",
                added + replaced,
            )
        else:
            text = ngettext(
                "Saved {n} person's answers.", "Saved {n} people's answers.", added + replaced
            )
        print(text.format(n=added + replaced))
    else:
        print(_("Nothing new to save."))
    if replaced:
        print(
            ngettext(
                "{n} of them replaces earlier answers.",
                "{n} of them replace earlier answers.",
                replaced,
            ).format(n=replaced)
        )
    if unchanged:
        print(
            ngettext(
                "{n} person's answers were already saved and are left as they were.",
                "{n} people's answers were already saved and are left as they were.",
                unchanged,
            ).format(n=unchanged)
        )
