"""Import applications from a CSV file into one round, all at once or not at all.

Everything happens in one transaction: a refused, cancelled or failed import leaves the file
exactly as it was, so a coordinator can fix the CSV and simply import it again. New rows go in
with bulk inserts in chunks, so a large form export takes seconds, not minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from mentorapp.dataio import import_store as store
from mentorapp.dataio.columns import auto_map, missing_required
from mentorapp.dataio.csv_source import MIXED_ENCODING, CsvTable, read_table
from mentorapp.dataio.row_rules import Application, Column, RowProblem, read_rows
from mentorapp.db import Database
from mentorapp.domain.enums import Role
from mentorapp.domain.models import Cohort, Enrolment, Programme, StatusChange
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _
from mentorapp.people.fields import FIELD_BY_KEY

_log = logging.getLogger(__name__)

__all__ = [
    "ImportCancelled",
    "ImportOptions",
    "ImportReport",
    "RowProblem",
    "preview",
    "run_import",
]

CHUNK = 200


@dataclass
class ImportOptions:
    """What the coordinator chose in the wizard or on the command line."""

    role: str  # "adept" | "mentor"
    cohort_name: str
    on_duplicate: str = "update"  # "update" | "skip": an e-mail already in the database
    skip_invalid: bool = False  # import the valid rows only (default: all or nothing)
    dry_run: bool = False
    mapping: list[str | None] | None = None  # a field key per column; None = auto_map


@dataclass
class ImportReport:
    """What an import did, or (dry run, preview) would do; problems stay translatable."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    # Said about rows that are imported all the same (a language Mentorapp cannot match on).
    warnings: list[RowProblem] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header, field key) used
    written: bool = False  # False for a dry run, a refused or a cancelled import
    cohort_created: bool = False
    programme_created: bool = False
    cancelled: bool = False
    total_rows: int = 0
    blocked: bool = False  # a required column is missing: no row can be imported

    @property
    def rows_with_errors(self) -> int:
        """Data rows left out because of problems (row 1 is the header)."""
        return len({problem.row for problem in self.errors if problem.row > 1})

    def as_json(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "ignored_columns": list(self.ignored_columns),
            "errors": [
                {"row": p.row, "column": p.column, "message": p.message} for p in self.errors
            ],
            "warnings": [
                {"row": p.row, "column": p.column, "message": p.message} for p in self.warnings
            ],
            "columns": [{"header": header, "field": key} for header, key in self.columns],
            "written": self.written,
            "cohort_created": self.cohort_created,
            "programme_created": self.programme_created,
            "total_rows": self.total_rows,
        }


class ImportCancelled(Exception):
    """Raised inside the transaction when the user stops an import, so it rolls back."""


def preview(database: Database, table: CsvTable, options: ImportOptions) -> ImportReport:
    """What the import would do (a dry run): every row checked, nothing written."""
    with database.reading() as session:
        return _Import(session, table, options, write=False).run()


def run_import(
    database: Database,
    data: bytes | CsvTable,
    options: ImportOptions,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the file; raises ImportFileError for an unreadable file, else returns a report."""
    table = data if isinstance(data, CsvTable) else read_table(data)
    job = _Import(None, table, options, not options.dry_run, progress, cancelled)
    try:
        with database.transaction() as session:
            job.session = session
            report = job.run()
    except ImportCancelled:
        report = job.report
        report.created = report.updated = report.skipped = 0
        report.written = report.cohort_created = report.programme_created = False
        report.cancelled = True
        _log.info("import of %s cancelled, nothing written", options.role)
        return report
    _log.info(
        "import of %s: %d rows, %d created, %d updated, %d skipped, %d with errors, written %s",
        options.role,
        report.total_rows,
        report.created,
        report.updated,
        report.skipped,
        report.rows_with_errors,
        report.written,
    )
    return report


class _Import:
    def __init__(
        self,
        session: Session | None,
        table: CsvTable,
        options: ImportOptions,
        write: bool,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        _check_options(options)
        self.session = session
        self.table, self.options, self.write = table, options, write
        self._progress, self._cancelled = progress, cancelled
        self.report = ImportReport(total_rows=len(table.rows))

    def step(self, done: int, report: bool = True) -> None:
        if report and self._progress is not None:
            self._progress(done, self.report.total_rows)
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled

    def run(self) -> ImportReport:
        report, options, session = self.report, self.options, self.session
        assert session is not None
        self.step(0)
        columns, ignored = _columns(self.table, options)
        report.ignored_columns = ignored
        report.columns = [(column.header, column.key) for column in columns]
        missing = missing_required([c.key for c in columns], options.role)
        report.blocked = bool(missing)

        def on_row(index: int) -> None:
            if index % CHUNK == 0 and index:
                self.step(index, report=False)

        warnings: list[RowProblem] = []
        applications, report.errors = read_rows(
            self.table.rows, self.table.headers, columns, missing, on_row, warnings
        )
        if self.table.damaged:
            applications, report.errors = _without_damaged(
                self.table, columns, applications, report.errors
            )
        kept = {application.row for application in applications}
        report.warnings = [warning for warning in warnings if warning.row in kept]
        programme = session.exec(select(Programme).order_by(col(Programme.id))).first()
        cohort = store.find_cohort(session, programme, options.cohort_name)
        existing = store.existing_people(session)
        enrolled = store.enrolled(session, cohort, options.role)
        new: list[Application] = []
        updates: list[tuple[Application, int]] = []
        # "skip" leaves a known person's details as they are, but their application to this
        # round is still recorded: skipping must not make an applicant vanish from the round.
        enrol_only: list[tuple[int, dict]] = []
        for application in applications:
            person_id = existing.get(application.email)
            if person_id is None:
                new.append(application)
            elif options.on_duplicate == "skip":
                report.skipped += 1
                if person_id not in enrolled:
                    enrol_only.append((person_id, application.enrolment))
            else:
                updates.append((application, person_id))
        enrolling = bool(new) or bool(enrol_only) or any(pid not in enrolled for _a, pid in updates)
        report.cohort_created = cohort is None and enrolling
        report.programme_created = programme is None and enrolling
        report.created, report.updated = len(new), len(updates)
        refused = report.blocked or (bool(report.errors) and not options.skip_invalid)
        if not self.write or refused:
            if self.write:  # a real import that was refused reports what it did: nothing
                report.created = report.updated = report.skipped = 0
                report.cohort_created = report.programme_created = False
            self.step(report.total_rows)
            return report
        if report.cohort_created:
            programme = programme or store.default_programme(session)
            cohort = store.create_cohort(session, programme, options.cohort_name)
        if cohort is not None:
            self._write(session, cohort, new, updates, enrolled)
            store.new_enrolments(session, cohort, options.role, enrol_only)
            _keep_other_languages(session, cohort, options.role, applications)
        report.written = True
        self.step(report.total_rows)
        return report

    def _write(
        self,
        session: Session,
        cohort: Cohort,
        new: list[Application],
        updates: list[tuple[Application, int]],
        enrolled: dict[int, int],
    ) -> None:
        organisations = store.organisations(session, cohort.programme_id, new, updates)
        done = 0
        for start in range(0, len(updates), CHUNK):
            chunk = updates[start : start + CHUNK]
            store.update_people(session, cohort, self.options.role, chunk, enrolled, organisations)
            done += len(chunk)
            self.step(done)
        for start in range(0, len(new), CHUNK):
            batch = new[start : start + CHUNK]
            store.create_people(session, cohort, self.options.role, batch, organisations)
            done += len(batch)
            self.step(done)


def _check_options(options: ImportOptions) -> None:
    if options.role not in (Role.ADEPT, Role.MENTOR):
        raise ValueError(f"role must be 'adept' or 'mentor', not {options.role!r}")
    if options.on_duplicate not in ("update", "skip"):
        raise ValueError(f"on_duplicate must be 'update' or 'skip', not {options.on_duplicate!r}")
    if not options.cohort_name.strip():
        raise ValidationError(
            N_("Please give the round a name, such as “Spring 2027”."), field="cohort"
        )


def _without_damaged(
    table: CsvTable, columns: list[Column], applications: list[Application], errors: list
) -> tuple[list[Application], list[RowProblem]]:
    """A value in the file's other encoding is a problem of its row, never stored as mojibake;
    one in an ignored column changes nothing and is left alone."""
    used = {column.index: column.header for column in columns}
    problems = [
        RowProblem(d.row, used[d.column], MIXED_ENCODING, {"utf8": d.utf8, "windows": d.windows})
        for d in table.damaged
        if d.column in used
    ]
    rows = {problem.row for problem in problems}
    kept = [a for a in applications if a.row not in rows]
    return kept, sorted([*errors, *problems], key=lambda problem: problem.row)


def _keep_other_languages(
    session: Session, cohort: Cohort, role: str, applications: list[Application]
) -> None:
    """Languages Mentorapp cannot match on go in the note of the application's first step.

    Neither a person nor an enrolment has a notes field, and the first step's reason is shown
    with the application's history; a note already written there is never replaced.
    """
    words = {a.email: ", ".join(a.other_languages) for a in applications if a.other_languages}
    if not words:
        return
    existing = store.existing_people(session)
    ids = {pid: words[email] for email, pid in existing.items() if email in words}
    people = list(ids)
    for start in range(0, len(people), CHUNK):
        query = (
            select(StatusChange, Enrolment.person_id)
            .join(Enrolment, col(StatusChange.enrolment_id) == Enrolment.id)
            .where(
                Enrolment.cohort_id == cohort.id,
                Enrolment.role == role,
                col(Enrolment.person_id).in_(people[start : start + CHUNK]),
                col(StatusChange.from_status).is_(None),
                StatusChange.reason == "",
            )
        )
        for change, person_id in session.exec(query):
            template = _("Other languages in the application: {words}")
            change.reason = template.format(words=ids[person_id])
            session.add(change)
    session.flush()


def _columns(table: CsvTable, options: ImportOptions) -> tuple[list[Column], list[str]]:
    """The columns used for this role, and the headers of those that are ignored."""
    mapping = options.mapping
    if mapping is None:
        mapping = auto_map(table.headers, rows=table.rows)
    if len(mapping) != len(table.headers):
        raise ValueError("the mapping needs one entry per column")
    columns: list[Column] = []
    ignored: list[str] = []
    for index, (header, key) in enumerate(zip(table.headers, mapping, strict=True)):
        if key is not None and options.role in FIELD_BY_KEY[key].roles:
            columns.append(
                Column(index, key, header or _("column {number}").format(number=index + 1))
            )
        elif header:
            ignored.append(header)
        elif any(cells[index] for _n, cells in table.rows):
            ignored.append(_("column {number} (no header)").format(number=index + 1))
    return columns, ignored
