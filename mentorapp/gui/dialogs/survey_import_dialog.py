"""Import a survey's answers from an online form's CSV export: choose, look, import.

The file is read and checked at once (a dry run through ``dataio.survey_csv``, the same
code as ``mentorapp survey-import --dry-run``): the dialog shows whose answers would be added
or replaced and every problem with its row number. Import writes every response in one
transaction, and only when no row has a problem: all the answers, or none.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QStandardItem
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.widgets.result_table import number_item, result_table
from mentorapp.i18n import _, format_date, ngettext

if TYPE_CHECKING:
    from mentorapp.dataio.csv_source import CsvTable
    from mentorapp.dataio.survey_csv import SurveyImportReport
    from mentorapp.dataio.survey_rows import FoundResponse
    from mentorapp.gui.context import AppContext
    from mentorapp.impact.survey_model import Survey, SurveyContent


class SurveyImportDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        cohort_id: int,
        survey: Survey,
        content: SurveyContent,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("surveyImportDialog")
        self.setWindowTitle(_("Import form answers: {survey}").format(survey=survey.title))
        self._context, self._cohort_id = context, cohort_id
        self.survey, self.content = survey, content
        self.table: CsvTable | None = None
        self.report: SurveyImportReport | None = None
        self.path_edit = QLineEdit(objectName="surveyImportPath")
        self.path_edit.setAccessibleName(_("File to import"))
        self.path_edit.installEventFilter(self)  # Enter previews, never imports
        browse = QPushButton(_("&Choose file…"), objectName="surveyImportBrowse")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(_("File:")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.replace = QCheckBox(
            _("Replace the answers of people who have answered before"),
            objectName="surveyImportReplace",
        )
        self.replace.toggled.connect(self._check)
        intro = QLabel(
            _(
                "A CSV file exported from Google Forms or Microsoft Forms, one answer per row. "
                "Each row is matched to a participant by the e-mail address or the code from "
                "the paper form; the columns by the question's key or its text. Nothing is "
                "saved until you press Import, and nothing at all while any row has a problem."
            ),
            wordWrap=True,
        )
        self.summary = QLabel(objectName="surveyImportSummary", wordWrap=True)
        self.response_view, self.responses = result_table(
            "surveyImportRows", _("Answers to import")
        )
        self.problem_view, self.problems = result_table(
            "surveyImportProblems", _("Problems found in the file")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(objectName="surveyImportButton")
        self.import_button.clicked.connect(self.run_import)
        # An action, not the default: importing is a press of its own, after the preview.
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        for button in (self.import_button, browse, *self.buttons.buttons()):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.replace)
        layout.addWidget(self.summary)
        layout.addWidget(self.response_view, 2)
        layout.addWidget(self.problem_view, 1)
        layout.addWidget(self.buttons)
        self._set_button(0)
        self.problem_view.setVisible(False)
        self.resize(900, 620)

    # -- the file ------------------------------------------------------------------------

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a CSV file"),
            str(Path.home()),
            _("CSV and text files (*.csv *.txt *.tsv);;All files (*)"),
        )
        if chosen:
            self.load(Path(chosen))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.path_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if self.path_edit.text().strip():
                self.load(Path(self.path_edit.text().strip()))
            return True
        return super().eventFilter(watched, event)

    def load(self, path: Path) -> bool:
        """Read and check the file; True when it could be read (problems or not)."""
        from mentorapp.dataio.survey_csv import read_survey_file, read_survey_table

        self.path_edit.setText(str(path))
        self.table = None
        try:
            self.table = read_survey_table(read_survey_file(path))
        except MentorappError as error:
            self._show(None, error.user_message())
            return False
        self._check()
        return True

    def _run(self, dry_run: bool) -> SurveyImportReport | None:
        from mentorapp.dataio.survey_csv import import_answers

        services = self._context.services
        if self.table is None or services is None:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return import_answers(
                services.database,
                self._cohort_id,
                self.survey.key,
                self.table,
                contents=[self.content],
                dry_run=dry_run,
                replace=self.replace.isChecked(),
            )
        except MentorappError as error:
            self._show(None, error.user_message())
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _check(self, *_args: object) -> None:
        """What the import would save (a dry run), shown with the problems."""
        report = self._run(dry_run=True)
        if report is not None:
            self._show(report)

    def _show(self, report: SurveyImportReport | None, error: str = "") -> None:
        self.report = report
        self.responses.clear()
        self.problems.clear()
        self.responses.setHorizontalHeaderLabels(
            [_("Row"), _("Name"), _("Answered on"), _("Answers"), _("Status")]
        )
        self.problems.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Problem")])
        if report is None:
            self.summary.setText(error)
            self.problem_view.setVisible(False)
            self._set_button(0)
            return
        for response in report.responses:
            self.responses.appendRow(
                [
                    number_item(response.row),
                    QStandardItem(response.name),
                    QStandardItem(format_date(response.answered_on)),
                    number_item(len(response.values)),
                    QStandardItem(_status(response)),
                ]
            )
        notes = [(w, _("Note: {message}").format(message=w.message)) for w in report.warnings]
        for problem, message in [*((p, p.message) for p in report.problems), *notes]:
            self.problems.appendRow(
                [number_item(problem.row), QStandardItem(problem.column), QStandardItem(message)]
            )
        for view, stretch in ((self.response_view, 1), (self.problem_view, 2)):
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            view.resizeRowsToContents()
        self.problem_view.setVisible(bool(report.problems or report.warnings))
        self.summary.setText(_summary(report))
        self._set_button(0 if report.problems else report.added + report.replaced)

    def _set_button(self, count: int) -> None:
        self.import_button.setText(
            ngettext("&Import {n} answer", "&Import {n} answers", count).format(n=count)
        )
        self.import_button.setEnabled(count > 0 and not self._context.read_only)

    # -- importing -----------------------------------------------------------------------

    def run_import(self) -> bool:
        """Save every response in one transaction; True when they were written."""
        if self.table is None or self.report is None or self.report.problems:
            return False
        report = self._run(dry_run=False)
        if report is None:
            return False
        if not report.written:  # the round changed since the check: say what now
            self._show(report)
            return False
        self.report = report
        self._context.events.surveys_changed.emit(self._cohort_id)
        count = report.added + report.replaced
        self.summary.setText(
            ngettext("Saved {n} person's answers.", "Saved {n} people's answers.", count).format(
                n=count
            )
        )
        self.table = None  # imported: importing the same file again needs choosing it again
        self._set_button(0)
        return True


def _status(response: FoundResponse) -> str:
    if response.unchanged:
        return _("Already saved")
    if response.replaces:
        return _("Replaces earlier answers")
    return _("New answers")


def _summary(report: SurveyImportReport) -> str:
    rows = ngettext("{n} answer read.", "{n} answers read.", report.rows).format(n=report.rows)
    if report.problems:
        bad = report.rows_with_problems
        text = (
            ngettext(
                "{n} row has problems: correct the file and choose it again. Nothing is "
                "saved while any row has a problem.",
                "{n} rows have problems: correct the file and choose it again. Nothing is "
                "saved while any row has a problem.",
                bad,
            ).format(n=bad)
            if bad
            else _("The file cannot be imported as it is: see below.")
        )
        return f"{rows} {text}"
    parts = [rows]
    if report.added:
        parts.append(
            ngettext(
                "{n} person's answers will be added.",
                "{n} people's answers will be added.",
                report.added,
            ).format(n=report.added)
        )
    if report.replaced:
        parts.append(
            ngettext(
                "{n} person's earlier answers will be replaced.",
                "{n} people's earlier answers will be replaced.",
                report.replaced,
            ).format(n=report.replaced)
        )
    if report.unchanged:
        parts.append(
            ngettext(
                "{n} is saved already with the same answers.",
                "{n} are saved already with the same answers.",
                report.unchanged,
            ).format(n=report.unchanged)
        )
    if not (report.added or report.replaced):
        parts.append(_("Nothing new to save."))
    return " ".join(parts)
