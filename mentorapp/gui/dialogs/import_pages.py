"""The pages of the import wizard: file, columns, check, import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mentorapp.dataio.columns import auto_map, missing_required, normalise_header
from mentorapp.dataio.csv_source import ImportFileError, read_table
from mentorapp.dataio.importer import ImportOptions, ImportReport, preview, run_import
from mentorapp.domain.enums import Role, role_label
from mentorapp.gui.workers import Job, ProgressCallback
from mentorapp.i18n import _, ngettext
from mentorapp.people.fields import FIELD_BY_KEY, FIELDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from mentorapp.gui.dialogs.import_wizard import ImportState


class FilePage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(_("Choose the file and who it is about"))
        self.setSubTitle(
            _(
                "A CSV file from a web form or a spreadsheet, one application per row. Nothing "
                "is saved until the last step."
            )
        )
        self.path_edit = QLineEdit(objectName="importPath")
        self.path_edit.setAccessibleName(_("File to import"))
        self.path_edit.textChanged.connect(self._path_changed)
        browse = QPushButton(_("&Choose file…"), objectName="browseButton")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.roles = QButtonGroup(self)
        role_row = QHBoxLayout()
        for role in Role:
            button = QRadioButton(
                _("Adepts") if role is Role.ADEPT else _("Mentors"), objectName=f"role_{role}"
            )
            button.setChecked(role is Role.ADEPT)
            self.roles.addButton(button)
            button.setProperty("role", role.value)
            role_row.addWidget(button)
        role_row.addStretch(1)
        self.round_combo = QComboBox(objectName="importRound")
        self.round_combo.setEditable(True)
        self.round_combo.setAccessibleName(_("Round"))
        self.round_combo.addItems(state.round_names)
        self.round_combo.setCurrentText(state.current_round)
        self.error = QLabel(objectName="fileError", wordWrap=True)
        self.error.setStyleSheet("font-weight: bold")
        form = QFormLayout(self)
        form.addRow(_("File:"), file_row)
        form.addRow(_("The file holds:"), role_row)
        form.addRow(_("Into the round:"), self.round_combo)
        form.addRow(self.error)

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a CSV file"),
            str(Path.home()),
            _("CSV and text files (*.csv *.txt *.tsv);;All files (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _path_changed(self) -> None:
        self.error.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip())
        try:
            data = path.read_bytes()
            self.state.table = read_table(data)
        except OSError as error:
            self.error.setText(
                _(
                    "“{path}” could not be opened ({detail}). Check the name and that the file "
                    "is not open in another program."
                ).format(path=path, detail=error.strerror)
            )
            return False
        except ImportFileError as error:
            self.error.setText(error.user_message())
            return False
        self.state.role = self.roles.checkedButton().property("role")
        self.state.round_name = self.round_combo.currentText().strip() or self.state.current_round
        return True


class ColumnsPage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(_("Match the columns"))
        self.setSubTitle(
            _(
                "Mentorapp recognised what it could. Check each column and change what is "
                "wrong; columns set to “Ignore” are left out."
            )
        )
        self.combos: list[QComboBox] = []
        self.form = QFormLayout()
        holder = QWidget()
        holder.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.missing = QLabel(objectName="missingColumns", wordWrap=True)
        self.missing.setStyleSheet("font-weight: bold")
        self.remember = QCheckBox(_("Remember these choices for the next import"))
        self.remember.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.missing)
        layout.addWidget(self.remember)

    def initializePage(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        table = self.state.table
        mapping = auto_map(table.headers, self.state.remembered, table.rows)
        first = table.rows[0][1] if table.rows else []
        for column, header in enumerate(table.headers):
            combo = QComboBox(objectName=f"mapping_{column}")
            combo.addItem(_("Ignore"), "")
            for spec in FIELDS:
                if self.state.role in spec.roles:
                    combo.addItem(_(spec.label), spec.key)
            combo.setCurrentIndex(max(combo.findData(mapping[column] or ""), 0))
            combo.currentIndexChanged.connect(self._changed)
            example = first[column] if column < len(first) else ""
            label = QLabel(f"<b>{_escape(header)}</b><br/><i>{_escape(example[:60])}</i>")
            label.setBuddy(combo)
            combo.setAccessibleName(header)
            self.form.addRow(label, combo)
            self.combos.append(combo)
        self._changed()

    def mapping(self) -> list[str | None]:
        return [combo.currentData() or None for combo in self.combos]

    def _changed(self, *_args: object) -> None:
        missing = missing_required(self.mapping(), self.state.role)
        names = ", ".join(_(FIELD_BY_KEY[key].label) for key in missing)
        self.missing.setText(
            _("Choose a column for: {fields}").format(fields=names) if missing else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not missing_required(self.mapping(), self.state.role)

    def validatePage(self) -> bool:
        self.state.mapping = self.mapping()
        if self.remember.isChecked():
            for header, key in zip(self.state.table.headers, self.state.mapping, strict=True):
                self.state.remembered[normalise_header(header)] = key or ""
            self.state.save_remembered()
        return True


class CheckPage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(_("Check before importing"))
        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        self.problems = QStandardItemModel(self)
        self.problem_view = QTableView(objectName="problemTable")
        self.problem_view.setModel(self.problems)
        self.problem_view.verticalHeader().setVisible(False)
        self.problem_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.problem_view.setWordWrap(True)
        self.problem_view.setAccessibleName(_("Problems found in the file"))
        self.update_existing = QRadioButton(_("Update them with the file's details"))
        self.skip_existing = QRadioButton(_("Leave them as they are"))
        self.update_existing.setChecked(True)
        self.skip_invalid = QCheckBox(_("Import only the rows without problems"))
        self.blocked = QLabel(objectName="importBlocked", wordWrap=True)
        self.blocked.setStyleSheet("font-weight: bold")
        for widget in (self.update_existing, self.skip_existing, self.skip_invalid):
            widget.toggled.connect(self.initializePage)
        existing = QHBoxLayout()
        existing.addWidget(QLabel(_("People already in Mentorapp:")))
        existing.addWidget(self.update_existing)
        existing.addWidget(self.skip_existing)
        existing.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_view, 1)
        layout.addLayout(existing)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.blocked)

    def options(self, dry_run: bool = False) -> ImportOptions:
        return ImportOptions(
            role=self.state.role,
            cohort_name=self.state.round_name,
            on_duplicate="update" if self.update_existing.isChecked() else "skip",
            skip_invalid=self.skip_invalid.isChecked(),
            dry_run=dry_run,
            mapping=self.state.mapping,
        )

    def initializePage(self, *_args: object) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = preview(self.state.database, self.state.table, self.options(dry_run=True))
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.state.preview = report
        who = role_label(self.state.role).lower()
        self.summary.setText(
            _(
                "{rows} rows read ({who}). New: {created}. Already in Mentorapp: {existing}. "
                "Rows with problems: {bad}."
            ).format(
                rows=report.total_rows,
                who=who,
                created=report.created,
                existing=report.updated + report.skipped,
                bad=report.rows_with_errors,
            )
            + (
                " "
                + _("Ignored columns: {columns}.").format(columns=", ".join(report.ignored_columns))
                if report.ignored_columns
                else ""
            )
        )
        self.problems.clear()
        self.problems.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Problem")])
        notes = [(p, _("Note: {message}").format(message=p.message)) for p in report.warnings]
        for problem, message in [*((p, p.message) for p in report.errors), *notes]:
            row = QStandardItem(str(problem.row))
            row.setData(
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                Qt.ItemDataRole.TextAlignmentRole,
            )
            self.problems.appendRow([row, QStandardItem(problem.column), QStandardItem(message)])
        header = self.problem_view.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problem_view.resizeRowsToContents()
        self.problem_view.setVisible(bool(report.errors or report.warnings))
        self.skip_invalid.setVisible(bool(report.errors))
        self.blocked.setText(
            _(
                "Nothing will be imported while rows have problems. Correct the file and choose "
                "it again, or import only the rows without problems."
            )
            if not self.isComplete()
            else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        report = self.state.preview
        return report is not None and (not report.errors or self.skip_invalid.isChecked())

    def validatePage(self) -> bool:
        self.state.options = self.options()
        return True


class RunPage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(_("Importing"))
        self.progress = QProgressBar(objectName="importProgress")
        self.progress.setAccessibleName(_("Import progress"))
        self.result = QLabel(objectName="importResult", wordWrap=True)
        self.cancel_button = QPushButton(_("Stop the import"), objectName="stopImportButton")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result, 1)
        self.job: Job | None = None
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.result.setText("")
        self.cancel_button.setEnabled(True)
        database, table, options = self.state.database, self.state.table, self.state.options

        def work(progress: ProgressCallback, cancelled: Callable[[], bool]) -> ImportReport:
            return run_import(database, table, options, progress=progress, cancelled=cancelled)

        self.job = Job(work, self)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _finished(self, report: ImportReport) -> None:
        self.state.report = report
        self.cancel_button.setEnabled(False)
        if report.cancelled:
            text = _("The import was stopped. Nothing was saved.")
        else:
            text = ngettext(
                "Done: {created} new application, {updated} updated, {skipped} left as they were.",
                "Done: {created} new applications, {updated} updated, {skipped} left as they were.",
                report.created,
            ).format(created=report.created, updated=report.updated, skipped=report.skipped)
            if report.cohort_created:
                text += " " + _("The round “{round}” was created.").format(
                    round=self.state.options.cohort_name
                )
            if report.errors:
                text += " " + ngettext(
                    "{n} row with problems was left out.",
                    "{n} rows with problems were left out.",
                    report.rows_with_errors,
                ).format(n=report.rows_with_errors)
        self.progress.setValue(self.progress.maximum())
        self.result.setText(text)
        self.done = True
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        message = error.user_message() if hasattr(error, "user_message") else str(error)
        self.result.setText(
            _("The import failed and nothing was saved: {error}").format(error=message)
        )
        self.cancel_button.setEnabled(False)
        self.done = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
