"""Record pair meetings from a check-in form's CSV export: choose, look, record.

The file is read and checked at once (on the GUI thread, as the applications import checks its
file), and the dialog shows what will be recorded and every problem with its row. Recording
runs on a worker thread (``gui/workers.py``) in one transaction, like the applications import,
and only when the file has no problems: all the meetings, or none.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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
from mentorapp.gui.workers import Job, ProgressCallback
from mentorapp.i18n import _, format_date, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from mentorapp.dataio.checkin_csv import CheckinMeeting, CheckinReport
    from mentorapp.dataio.csv_source import CsvTable
    from mentorapp.gui.context import AppContext


class CheckinImportDialog(QDialog):
    recorded = Signal(int)  # meetings written

    def __init__(self, context: AppContext, cohort_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinImportDialog")
        self.setWindowTitle(_("Import check-ins"))
        self._context, self._cohort_id = context, cohort_id
        self.table: CsvTable | None = None
        self.report: CheckinReport | None = None
        self.job: Job | None = None
        self.path_edit = QLineEdit(objectName="checkinPath")
        self.path_edit.setAccessibleName(_("File to import"))
        # Enter in the field only previews: handled here, it never reaches a button.
        self.path_edit.installEventFilter(self)
        browse = QPushButton(_("&Choose file…"), objectName="checkinBrowse")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(_("File:")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.replace = QCheckBox(
            _("Replace the day of meetings already recorded as held on another day"),
            objectName="checkinReplace",
        )
        self.replace.toggled.connect(self._check)
        intro = QLabel(
            _(
                "A CSV file exported from a check-in form (Google Forms or Microsoft Forms), "
                "one answer per row: the mentor's or adept's e-mail address (or the mentor's "
                "name), the meeting's number, the day and a comment. Each meeting is recorded "
                "as held; nothing is saved until you press the button below."
            ),
            wordWrap=True,
        )
        self.summary = QLabel(objectName="checkinSummary", wordWrap=True)
        self.meeting_view, self.meetings = result_table("checkinMeetings", _("Meetings to record"))
        self.problem_view, self.problems = result_table(
            "checkinProblems", _("Problems found in the file")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.record_button = QPushButton(objectName="recordCheckinsButton")
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record)
        # An action, not the dialog's default: recording must be a press of its own, after
        # the coordinator has seen the preview (Enter anywhere must not record).
        self.buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        for button in (self.record_button, browse, *self.buttons.buttons()):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.replace)
        layout.addWidget(self.summary)
        layout.addWidget(self.meeting_view, 2)
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
            self.path_edit.setText(chosen)
            self.load(Path(chosen))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the path field reads and checks the file, and stops there."""
        if (
            watched is self.path_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._path_entered()
            return True
        return super().eventFilter(watched, event)

    def _path_entered(self) -> None:
        if self.path_edit.text().strip():
            self.load(Path(self.path_edit.text().strip()))

    def load(self, path: Path) -> bool:
        """Read and check the file; True when it could be read (problems or not)."""
        from mentorapp.dataio.checkin_csv import read_checkin_file
        from mentorapp.dataio.csv_source import read_table

        self.path_edit.setText(str(path))
        self.table = None
        try:
            self.table = read_table(read_checkin_file(path))
        except MentorappError as error:
            self._show(None, error.user_message())
            return False
        self._check()
        return True

    def _check(self, *_args: object) -> None:
        """What the import would record (a dry run), shown with the problems."""
        from mentorapp.dataio.checkin_csv import import_checkins

        if self.table is None or self.job is not None:
            return
        services = self._context.services
        assert services is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = import_checkins(
                services.database,
                self._cohort_id,
                self.table,
                dry_run=True,
                replace=self.replace.isChecked(),
            )
        except MentorappError as error:
            self._show(None, error.user_message())
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(report)

    def _show(self, report: CheckinReport | None, error: str = "") -> None:
        self.report = report
        self.meetings.clear()
        self.problems.clear()
        self.meetings.setHorizontalHeaderLabels(
            [_("Row"), _("Group"), _("Meeting"), _("Held on"), _("Comment"), _("Status")]
        )
        self.problems.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Problem")])
        if report is None:
            self.summary.setText(error)
            self.problem_view.setVisible(False)
            self._set_button(0)
            return
        for meeting in report.meetings:
            self.meetings.appendRow(
                [
                    number_item(meeting.row),
                    QStandardItem(meeting.group),
                    number_item(meeting.number),
                    QStandardItem(format_date(meeting.held_on)),
                    QStandardItem(meeting.comment),
                    QStandardItem(_status(meeting)),
                ]
            )
        notes = [(w, _("Note: {message}").format(message=w.message)) for w in report.warnings]
        for problem, message in [*((p, p.message) for p in report.problems), *notes]:
            self.problems.appendRow(
                [number_item(problem.row), QStandardItem(problem.column), QStandardItem(message)]
            )
        for view, stretch in ((self.meeting_view, 4), (self.problem_view, 2)):
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            view.resizeRowsToContents()
        self.problem_view.setVisible(bool(report.problems or report.warnings))
        self.summary.setText(_summary(report))
        self._set_button(0 if report.problems else report.recorded)

    def _set_button(self, count: int) -> None:
        self.record_button.setText(
            ngettext("Record {n} meeting", "Record {n} meetings", count).format(n=count)
        )
        self.record_button.setEnabled(count > 0 and self.job is None)

    # -- recording -----------------------------------------------------------------------

    def record(self) -> None:
        """Write every meeting on a worker thread, in one transaction."""
        from mentorapp.dataio.checkin_csv import import_checkins

        if self.table is None or self.report is None or self.report.problems:
            return
        services = self._context.services
        assert services is not None
        database, table, cohort_id = services.database, self.table, self._cohort_id
        replace = self.replace.isChecked()

        def work(progress: ProgressCallback, cancelled: Callable[[], bool]) -> CheckinReport:
            return import_checkins(database, cohort_id, table, replace=replace)

        self.record_button.setEnabled(False)
        self.replace.setEnabled(False)
        self.job = Job(work, self)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.start()

    def _finished(self, report: CheckinReport) -> None:
        self.job = None
        self.replace.setEnabled(True)
        if not report.written:  # the file changed under us since the check: say what now
            self._show(report)
            return
        self.report = report
        self._context.events.meetings_changed.emit(self._cohort_id)
        self.summary.setText(
            ngettext(
                "Recorded {n} meeting as held.", "Recorded {n} meetings as held.", report.recorded
            ).format(n=report.recorded)
        )
        self.table = None  # recorded: importing the same file again needs choosing it again
        self._set_button(0)
        self.recorded.emit(report.recorded)

    def _failed(self, error: Exception) -> None:
        self.job = None
        self.replace.setEnabled(True)
        message = error.user_message() if isinstance(error, MentorappError) else str(error)
        self.summary.setText(_("Nothing was recorded: {error}").format(error=message))
        self._set_button(self.report.recorded if self.report and not self.report.problems else 0)

    def reject(self) -> None:
        """Closing while recording waits for it: the transaction is short and all or nothing."""
        if self.job is not None:
            return
        super().reject()


def _status(meeting: CheckinMeeting) -> str:
    if meeting.unchanged:
        return _("Already recorded")
    if meeting.replaces is not None:
        return _("Replaces {date}").format(date=format_date(meeting.replaces))
    return _("New")


def _summary(report: CheckinReport) -> str:
    rows = ngettext("{n} answer read.", "{n} answers read.", report.rows).format(n=report.rows)
    if report.problems:
        bad = report.rows_with_problems
        text = (
            ngettext(
                "{n} row has problems: correct the file and choose it again. Nothing is "
                "recorded while any row has a problem.",
                "{n} rows have problems: correct the file and choose it again. Nothing is "
                "recorded while any row has a problem.",
                bad,
            ).format(n=bad)
            if bad
            else _("The file lacks a column it needs: see below.")
        )
        return f"{rows} {text}"
    parts = [rows]
    if report.recorded:
        parts.append(
            ngettext(
                "{n} meeting will be recorded as held.",
                "{n} meetings will be recorded as held.",
                report.recorded,
            ).format(n=report.recorded)
        )
    if report.unchanged:
        parts.append(
            ngettext(
                "{n} is already recorded on the same day.",
                "{n} are already recorded on the same day.",
                report.unchanged,
            ).format(n=report.unchanged)
        )
    if not report.recorded:
        parts.append(_("Nothing new to record."))
    if report.ignored_columns:
        parts.append(
            _("Ignored columns: {columns}.").format(columns=", ".join(report.ignored_columns))
        )
    return " ".join(parts)
