"""A survey's answers from a CSV file: the template to fill in, and a form's export read back.

``write_template`` writes one row per person the survey is for: the columns ``email`` and
``code`` (the code printed on their paper form, so the file can also be filled in from paper),
then one column per question, named by its key. Its second row, a guide with no one's address,
lists each question's answers (the stored values, or the labels in Swedish or English); it is
left out when the file is imported, and may be deleted.

``import_answers`` reads that file or a Google Forms / Microsoft Forms export with the
applications import's reader (``csv_source``: encodings, ";" or ",", row numbers as a
spreadsheet shows them). Columns are matched to the questions by key or by the question's text
in either language (``survey_columns``), each row to a person by e-mail address, else by code,
and each value from a stored value or a label (``survey_rows``). Then it is all or nothing: a
row with a problem (an unknown person, someone not asked this survey, a person twice, an
answer that is not one) and nothing is saved; otherwise every response is saved in one
transaction through ``SurveyService.save_many``. A column that is no question of the survey is
only named in a warning. A response is dated by the form's timestamp, else by the day of the
import; one already stored with other answers is replaced only when the coordinator says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mentorapp.dataio.csv_files import write_csv
from mentorapp.dataio.csv_source import _EMPTY as EMPTY_FILE  # the applications' wording
from mentorapp.dataio.csv_source import MIXED_ENCODING, CsvTable, ImportFileError, read_table
from mentorapp.dataio.row_rules import RowProblem, _extra_cells
from mentorapp.dataio.survey_columns import SurveyColumns, find_columns, guide_text, header_problems
from mentorapp.dataio.survey_rows import (
    FoundResponse,
    Respondent,
    RowReader,
    Stored,
    SurveyRound,
)
from mentorapp.db import Database
from mentorapp.domain.dates import add_months
from mentorapp.domain.day_text import slash_order
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.impact.answers import SurveyPerson
from mentorapp.impact.survey_content import load_content
from mentorapp.impact.survey_model import AUDIENCES, SurveyContent

__all__ = [
    "LABELS",
    "MAX_BYTES",
    "SurveyImportReport",
    "import_answers",
    "read_answers",
    "read_survey_file",
    "read_survey_table",
    "survey_round",
    "template_rows",
    "write_template",
]

LABELS = ("keys", "sv", "en")
TEMPLATE_HEADERS = ("email", "code")
# A thousand people answering twenty questions, with comments, is a few megabytes.
MAX_BYTES = 20_000_000


# -- the template -------------------------------------------------------------------------------


def template_rows(
    people: Sequence[SurveyPerson], survey: str, content: SurveyContent, labels: str = "keys"
) -> tuple[list[str], list[list[str]]]:
    """The header and the rows: the guide row, then one empty row per person (``people``
    are ``SurveyPerson``s: their ``email`` and ``code``)."""
    if labels not in LABELS:
        raise ValidationError(
            N_("“{labels}” is not a way to write the answers. Choose one of: {choices}."),
            "labels",
            labels=str(labels)[:40],
            choices=", ".join(LABELS),
        )
    items = content.survey(survey).items
    if labels == "keys":
        worded = None
    else:
        worded = content if content.language == labels else load_content(labels)
    headers = [*TEMPLATE_HEADERS, *(item.key for item in items)]
    guide = ["", "", *(guide_text(item, worded) for item in items)]
    blank = [""] * len(items)
    rows = [guide] + [[person.email, person.code, *blank] for person in people]
    return headers, rows


def write_template(
    path: Path,
    people: Sequence[SurveyPerson],
    survey: str,
    content: SurveyContent,
    labels: str = "keys",
    delimiter: str = ",",
) -> int:
    """Write the template (spreadsheet-safe, owner-only); the number of people in it."""
    headers, rows = template_rows(people, survey, content, labels)
    return write_csv(Path(path), headers, rows, delimiter) - 1


# -- reading answers ----------------------------------------------------------------------------


@dataclass
class SurveyImportReport:
    """What an import did, or (dry run) would do; problems stay translatable."""

    survey: str
    rows: int = 0
    responses: list[FoundResponse] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)  # said; keep no row out
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header, item key) used
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False

    @property
    def added(self) -> int:
        return 0 if self.problems else sum(1 for r in self.responses if _is_new(r))

    @property
    def replaced(self) -> int:
        return 0 if self.problems else sum(1 for r in self.responses if r.replaces)

    @property
    def unchanged(self) -> int:
        return 0 if self.problems else sum(1 for r in self.responses if r.unchanged)

    @property
    def rows_with_problems(self) -> int:
        return len({problem.row for problem in self.problems if problem.row > 1})

    def as_json(self, file: str) -> dict:
        return {
            "file": file,
            "survey": self.survey,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "problems": [_as_json(p) for p in self.problems],
            "warnings": [_as_json(p) for p in self.warnings],
            "dry_run": self.dry_run,
        }


def _is_new(response: FoundResponse) -> bool:
    return not response.unchanged and not response.replaces


def _as_json(problem: RowProblem) -> dict:
    return {"row": problem.row, "column": problem.column, "message": problem.message}


def read_survey_file(path: Path) -> bytes:
    """The file's bytes; a missing, unreadable or oversized file is an ImportFileError."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
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
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            N_(
                "The file is larger than {megabytes} MB, far more than a survey's answers for "
                "a round. Choose the CSV file exported from the form."
            ),
            megabytes=MAX_BYTES // 1_000_000,
        )
    return data


EMPTY_SURVEY_FILE = N_(
    "The file is empty: it has no header row and no answers. Export the form's answers again "
    "as a CSV file and import that file."
)


def read_survey_table(data: bytes) -> CsvTable:
    """The file as a table; an empty file is told in a survey's words (not an application
    list's, as ``read_table`` says it)."""
    try:
        return read_table(data)
    except ImportFileError as error:
        if error.template == EMPTY_FILE:
            raise ImportFileError(EMPTY_SURVEY_FILE) from error
        raise


def read_answers(
    data: bytes | CsvTable,
    round_: SurveyRound,
    contents: Sequence[SurveyContent],
    replace: bool = False,
) -> SurveyImportReport:
    """Judge every row against the round; nothing here touches the database.

    ``contents`` are the wordings a header or a label may be in (the built-in Swedish and
    English, an organisation's edited copy); the first one's structure is what is checked.
    """
    from mentorapp.impact.answer_checks import built_in_survey

    table = data if isinstance(data, CsvTable) else read_survey_table(data)
    structure = built_in_survey(round_.survey)
    columns = find_columns(table, structure, contents)
    report = SurveyImportReport(round_.survey, rows=len(table.rows))
    report.columns = [(columns.header(i), item.key) for i, item in columns.items.items()]
    report.ignored_columns = list(columns.ignored)
    report.problems = header_problems(columns, structure)
    if columns.ignored:
        report.warnings.append(
            RowProblem(
                1,
                ", ".join(columns.ignored),
                N_("These columns are not questions of “{survey}” and are left out: {columns}."),
                {
                    "survey": round_.title,
                    "columns": ", ".join(f"“{name}”" for name in columns.ignored),
                },
            )
        )
    if report.problems:
        return report
    _read_rows(table, columns, round_, contents, replace, report)
    return report


def _read_rows(
    table: CsvTable,
    columns: SurveyColumns,
    round_: SurveyRound,
    contents: Sequence[SurveyContent],
    replace: bool,
    report: SurveyImportReport,
) -> None:
    index = columns.timestamp
    stamps = [cells[index] for _n, cells in table.rows] if index is not None else []
    order, _guessed = slash_order(stamps)
    reader = RowReader(columns, round_, contents, order, replace)
    read = {*columns.people, *columns.items, columns.timestamp}
    damaged = [d for d in table.damaged if d.column in read]
    blank: list[int] = []
    for number, cells in table.rows:
        if reader.is_guide(cells):
            report.rows -= 1
            continue
        before = len(reader.problems)
        found = reader.row(number, cells)
        for damage in damaged:
            if damage.row == number:
                reader.problems.append(
                    RowProblem(
                        number,
                        columns.header(damage.column),
                        MIXED_ENCODING,
                        {"utf8": damage.utf8, "windows": damage.windows},
                    )
                )
        extra = [cell for cell in cells[len(table.headers) :] if cell]
        if extra:
            last = table.headers[-1] if table.headers else ""
            reader.problems.append(_extra_cells(number, len(extra), last))
        if found is None or len(reader.problems) > before:
            continue
        if found.values:
            report.responses.append(found)
        else:
            blank.append(number)
    if blank:  # a template's rows left empty, or a form sent in without an answer
        report.warnings.append(
            RowProblem(
                blank[0],
                columns.header(columns.people[0]),
                N_("These rows answer no question and are left out: {rows}."),
                {"rows": _rows_text(blank)},
            )
        )
    report.problems = sorted(reader.problems, key=lambda p: p.row)
    report.warnings.sort(key=lambda p: p.row)


def _rows_text(numbers: list[int], shown: int = 20) -> str:
    text = ", ".join(str(n) for n in numbers[:shown])
    return text + (f" … (+{len(numbers) - shown})" if len(numbers) > shown else "")


# -- the import ---------------------------------------------------------------------------------


def survey_round(
    database: Database, cohort_id: int, survey: str, today: date | None = None
) -> SurveyRound:
    """The round as rows are judged against it: its people, who is asked, what is stored."""
    from mentorapp.impact.answer_checks import KICK_OFF, check_person_survey, survey_name
    from mentorapp.impact.answers import SurveyService
    from mentorapp.people.participants import ParticipantService
    from mentorapp.people.privacy import is_erased
    from mentorapp.programme.programmes import ProgrammeService

    check_person_survey(survey)
    programmes = ProgrammeService(database)
    programme = programmes.programme()
    cohorts = programmes.cohorts(programme.id or 0) if programme is not None else []
    cohort = next((c for c in cohorts if c.id == cohort_id), None)
    if programme is None or cohort is None:
        raise ValidationError(N_("That round no longer exists."), "cohort")
    surveys = SurveyService(database)
    asked = {person.enrolment_id for person in surveys.people(cohort_id, survey)}
    stored = {
        person.enrolment_id: Stored(person.answered_on, values)
        for person, values in surveys.table(cohort_id, survey)
        if person.answered_on is not None
    }
    audience = AUDIENCES[survey]
    people = [
        Respondent(
            row.enrolment_id,
            row.name or row.email,
            row.email,
            row.role,
            # as answer_checks.may_answer: of the audience, and in the round (the erased are
            # not: ``people`` leaves them out), or accepted and this is the kick-off survey
            row.role == audience
            and (
                row.enrolment_id in asked
                or (row.status == "accepted" and survey == KICK_OFF and not is_erased(row.email))
            ),
        )
        for row in ParticipantService(database).rows(cohort_id)
    ]
    return SurveyRound(
        name=cohort.name,
        survey=survey,
        title=survey_name(survey),
        audience=audience,
        secret=programme.calendar_id,
        earliest=add_months(cohort.start, -12),
        today=today or date.today(),
        people=people,
        stored=stored,
    )


def built_in_contents() -> list[SurveyContent]:
    """The wordings every import accepts: the built-in surveys in Swedish and English."""
    from mentorapp.impact.answer_checks import CONTENT_LANGUAGES

    return [load_content(language) for language in CONTENT_LANGUAGES]


def import_answers(
    database: Database,
    cohort_id: int,
    survey: str,
    data: bytes | CsvTable,
    *,
    contents: Sequence[SurveyContent] = (),
    dry_run: bool = False,
    replace: bool = False,
    today: date | None = None,
) -> SurveyImportReport:
    """Check every row, then save every response in one transaction, or none.

    Raises ImportFileError for a file that cannot be read at all; every other fault is a
    problem in the report, and a report with problems means nothing was written.
    """
    from mentorapp.impact.answers import ResponseRecord, SurveyService

    table = data if isinstance(data, CsvTable) else read_survey_table(data)
    round_ = survey_round(database, cohort_id, survey, today)
    report = read_answers(table, round_, [*contents, *built_in_contents()], replace)
    report.dry_run = dry_run
    if report.problems or not report.responses:
        return report
    records = [
        ResponseRecord(r.enrolment_id, r.values, r.answered_on, "import") for r in report.responses
    ]
    try:
        SurveyService(database).save_many(
            cohort_id, survey, records, replace=replace, dry_run=dry_run
        )
    except ValidationError as error:  # the checks above missed something: say it, save nothing
        report.problems.append(RowProblem(0, "", error.template, error.params))
        return report
    report.written = not dry_run
    return report
