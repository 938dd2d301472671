"""The Evaluation stage's impact report on screen: who took part and answered, every measure
with its interval and floor in a table, the same as a chart, and how to read it.

The report is built on a worker thread (a round of 1,000 adepts takes about a second) while a
busy bar runs; a change of answers, outcomes or round while it is built starts another
build when it is done. The coordinator may compare with another round of the programme, enter
published reference figures, save the report as a PDF, print it and export its table as CSV.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.models.impact_model import ImpactModel
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.gui.widgets.impact_chart import ImpactChart
from mentorapp.gui.widgets.text import body, heading
from mentorapp.gui.workers import Job
from mentorapp.i18n import N_, _, current_language
from mentorapp.impact.reading import people_line, reading_points
from mentorapp.paths import safe_file_name

if TYPE_CHECKING:
    from mentorapp.impact.report_model import ImpactReport

# What a report is built for: (round id, the round compared with or None, language).
Basis = tuple[int, int | None, str]


@stage_tool("evaluation", title=N_("Impact report"))
class ImpactPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.report: ImpactReport | None = None
        self._job: Job | None = None
        self._job_basis: Basis | None = None
        self._again = False
        self._build()
        events = context.events
        for signal in (events.surveys_changed, events.outcomes_changed, events.groups_changed):
            signal.connect(self._changed)
        events.participants_changed.connect(self._changed)
        events.cohorts_changed.connect(lambda _programme: self._rounds_changed())
        events.workspace_changed.connect(self._rounds_changed)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.title_label = heading(2)
        self.compare_label = QLabel()
        self.compare = QComboBox(objectName="impactCompare")
        self.compare.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_label.setBuddy(self.compare)
        self.compare.activated.connect(lambda _index: self.refresh())
        self.busy = QProgressBar(objectName="impactBusy")
        self.busy.setRange(0, 0)  # "busy", no percentage: the build reports no steps
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.pdf_button = QPushButton(objectName="impactPdfButton")
        self.pdf_button.clicked.connect(self.choose_pdf_and_save)
        self.print_button = QPushButton(objectName="impactPrintButton")
        self.print_button.clicked.connect(self.print_report)
        self.csv_button = QPushButton(objectName="impactCsvButton")
        self.csv_button.clicked.connect(self.choose_csv_and_export)
        self.references_button = QPushButton(objectName="impactReferencesButton")
        self.references_button.clicked.connect(self.edit_references)
        self.reading_button = QPushButton(objectName="impactReadingButton")
        self.reading_button.setCheckable(True)
        self.reading_button.setChecked(True)

        self.people = body()
        self.people.setObjectName("impactPeople")
        self.empty = body()
        self.empty.setObjectName("impactEmpty")
        self.empty.hide()

        self.model = ImpactModel(self)
        self.view = QTreeView(objectName="impactTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setWordWrap(False)
        self.view.setIndentation(14)  # three levels deep: leave the room to the questions
        self.chart = ImpactChart()
        self.chart_scroll = QScrollArea(objectName="impactChartScroll")
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.chart)
        self.reading = QTextBrowser(objectName="impactReading")
        self.reading.setOpenLinks(False)
        self.reading.setMinimumWidth(230)
        self.reading_button.toggled.connect(self.reading.setVisible)

        # The table and the chart each get the whole height: a round has some thirty measures.
        self.results = QTabWidget(objectName="impactViews")
        self.results.addTab(self.view, "")
        self.results.addTab(self.chart_scroll, "")
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.results)
        self.split.addWidget(self.reading)
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([960, 250])

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.busy)
        top.addWidget(self.compare_label)
        top.addWidget(self.compare)
        actions = QHBoxLayout()
        for button in (self.pdf_button, self.print_button, self.csv_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.references_button)
        actions.addWidget(self.reading_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.people)
        layout.addWidget(self.empty)
        layout.addWidget(self.split, 1)
        layout.addLayout(actions)

    def retranslate_ui(self) -> None:
        self.compare_label.setText(_("&Compare with:"))
        self.compare.setAccessibleName(_("Round to compare with"))
        self.busy.setAccessibleName(_("Building the report"))
        self.pdf_button.setText(_("Save as P&DF…"))
        self.print_button.setText(_("Pr&int…"))
        self.csv_button.setText(_("E&xport table as CSV…"))
        self.references_button.setText(_("R&eference figures…"))
        self.references_button.setToolTip(
            _("Published results of other programmes, shown as dashed lines for scale.")
        )
        self.reading_button.setText(_("Ho&w to read this report"))
        self.results.setTabText(0, _("&Table"))
        self.results.setTabText(1, _("Ch&art"))
        self.results.tabBar().setAccessibleName(_("The report as a table or a chart"))
        self.view.setAccessibleName(_("Impact report measures"))
        self.view.setAccessibleDescription(
            _("Every measure with how many said it, how many answered, the share and its interval.")
        )
        self.reading.setAccessibleName(_("How to read this report"))
        self.reading.setHtml(reading_html())
        self.chart.retranslate_ui()
        self.refresh()  # the report's labels are in the language it was built in

    # -- the report ------------------------------------------------------------------------
    def _wanted(self) -> Basis | None:
        cohort = self.context.cohort
        if self.context.services is None or cohort is None or cohort.id is None:
            return None
        other = self.compare.currentData()
        return cohort.id, (other if other and other != cohort.id else None), current_language()

    def refresh(self) -> None:
        """Build the report for the round shown, with the round chosen to compare, off the
        GUI thread; shown when done."""
        self._fill_rounds()
        basis = self._wanted()
        if basis is None:
            self.show_report(None)
            return
        if self._job is not None:
            self._again = self._again or basis != self._job_basis
            return
        services = self.context.services
        assert services is not None
        cohort_id, other, language = basis
        self._job_basis = basis
        self.busy.show()
        self._job = Job(
            lambda _progress, _cancelled: services.impact.report(cohort_id, language, other), self
        )
        self._job.finished.connect(self._built)
        self._job.failed.connect(self._failed)
        self._job.start()

    def _built(self, report: ImpactReport) -> None:
        self._job = None
        self.busy.hide()
        if self._job_basis != self._wanted():
            self._again = True
        else:
            self.show_report(report)
        self._build_again()

    def _failed(self, error: Exception) -> None:
        self._job = None
        self.busy.hide()
        self.show_report(None)
        if isinstance(error, MentorappError):
            show_error(self, error)
        else:
            raise error

    def _build_again(self) -> None:
        again, self._again = self._again, False
        if again and page_on_screen(self):
            self.refresh()

    def _changed(self, cohort_id: int | None) -> None:
        """Answers, outcomes or people of a round changed: the report counts them."""
        cohort = self.context.cohort
        if cohort is None or not page_on_screen(self):
            return
        other = self.compare.currentData()
        if cohort_id is None or cohort_id in (cohort.id, other):
            self.refresh()

    def _rounds_changed(self) -> None:
        if page_on_screen(self):
            self.refresh()

    def _fill_rounds(self) -> None:
        """None, or another round of the programme; the choice is kept while it exists."""
        services, programme, cohort = self.context.services, self.context.programme, None
        cohort = self.context.cohort
        chosen = self.compare.currentData()
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem(_("No other round"), None)
        if services is not None and programme is not None and programme.id is not None:
            for other in services.programmes.cohorts(programme.id):
                if cohort is None or other.id != cohort.id:
                    self.compare.addItem(other.name, other.id)
        self.compare.setCurrentIndex(max(self.compare.findData(chosen), 0))
        self.compare.blockSignals(False)
        self.compare.setEnabled(self.compare.count() > 1)

    def show_report(self, report: ImpactReport | None) -> None:
        self.report = report
        cohort = self.context.cohort
        self.title_label.setText(
            _("Impact report: {round}").format(round=report.cohort if report else cohort.name)
            if report is not None or cohort is not None
            else _("Impact report")
        )
        self.model.show(report)
        self.view.expandAll()
        self._size_columns()
        self.chart.set_report(report)
        answered = report is not None and any(m.answered for m in report.measures)
        self.people.setText(_people_text(report))
        self.people.setVisible(report is not None)
        self.empty.setVisible(report is not None and not answered)
        self.empty.setText(_nobody_text(report))
        self.results.setTabEnabled(1, answered)
        for button in (self.pdf_button, self.print_button, self.csv_button):
            button.setEnabled(report is not None)
        self.references_button.setEnabled(
            report is not None and not self.context.read_only and self.context.programme is not None
        )

    def _size_columns(self) -> None:
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # -- files -----------------------------------------------------------------------------
    def _file_stem(self) -> str:
        name = self.report.cohort if self.report is not None else ""
        return safe_file_name(_("Impact report {round}").format(round=name).strip())

    def choose_pdf_and_save(self) -> None:
        from mentorapp.gui.dialogs.files import ask_save_path

        if self.report is None:
            return
        path = ask_save_path(
            self,
            _("Save the impact report as PDF"),
            f"{self._file_stem()}.pdf",
            _("PDF files (*.pdf)"),
            suffix="pdf",
        )
        if path is not None and self.write_pdf(path):
            from mentorapp.gui.pdf_printing import offer_saved_pdf

            text = _("The impact report was saved to {path}.").format(path=path)
            offer_saved_pdf(self, _("Impact report"), text, path)

    def write_pdf(self, path: Path) -> bool:
        """The report on screen as a PDF (its language is the one it was built in)."""
        from mentorapp.db.files import refuse_programme_file
        from mentorapp.documents.impact_pdf import write_impact_pdf
        from mentorapp.errors import file_problem

        if self.report is None:
            return False
        programme = self.context.programme
        try:
            refuse_programme_file(path)
            write_impact_pdf(
                path, self.report, organisation=programme.organisation if programme else ""
            )
        except MentorappError as error:
            show_error(self, error)
            return False
        except OSError as error:
            show_error(self, file_problem(error))
            return False
        return True

    def print_report(self) -> bool:
        """Typeset the report into a private temporary file and send it to the print dialog."""
        from mentorapp.gui.pdf_printing import print_pdf

        with tempfile.TemporaryDirectory(prefix="mentorapp-impact-") as folder:
            path = Path(folder) / f"{self._file_stem()}.pdf"
            if not self.write_pdf(path):
                return False
            return print_pdf(self, path)

    def choose_csv_and_export(self) -> None:
        from mentorapp.gui.dialogs.files import ask_save_path

        if self.report is None:
            return
        path = ask_save_path(
            self,
            _("Export the impact report's table"),
            f"{self._file_stem()}.csv",
            _("CSV files (*.csv)"),
            suffix="csv",
        )
        if path is not None and self.export_csv(path):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                _("Export finished"),
                _("The impact report's table was saved to {path}.").format(path=path),
            )

    def export_csv(self, path: Path) -> bool:
        from mentorapp.dataio.impact_csv import write_report_csv
        from mentorapp.errors import file_problem

        if self.report is None:
            return False
        try:
            write_report_csv(path, self.report, self.context.settings.csv_delimiter)
        except MentorappError as error:
            show_error(self, error)
            return False
        except OSError as error:
            show_error(self, file_problem(error))
            return False
        return True

    def edit_references(self) -> None:
        from mentorapp.gui.dialogs.reference_dialog import ReferenceDialog

        programme = self.context.programme
        if self.report is None or programme is None or programme.id is None:
            return
        dialog = ReferenceDialog(self.context, programme.id, self.report.measures, self)
        dialog.references_changed.connect(self.refresh)
        dialog.exec()


def reading_html() -> str:
    """The "How to read this report" box as rich text (the PDF prints the same points)."""
    from html import escape

    title = escape(_("How to read this report"))
    items = "".join(f"<li>{escape(point)}</li>" for point in reading_points())
    return f"<h3>{title}</h3><ul>{items}</ul>"


def _people_text(report: ImpactReport | None) -> str:
    """Who took part and answered; for both rounds when two are compared."""
    if report is None:
        return ""
    if report.other is None:
        return people_line(report)
    return "\n".join(
        _("{round}: {people}").format(round=shown.cohort, people=people_line(shown))
        for shown in (report, report.other)
    )


def _nobody_text(report: ImpactReport | None) -> str:
    if report is None:
        return ""
    if report.adepts == 0 and report.mentors == 0:
        return _(
            "This round has nobody taking part yet, so there is nothing to report. The report "
            "fills in as the adepts and mentors are accepted and answer the surveys."
        )
    return _(
        "Nobody has answered a survey of this round yet, and no outcome is recorded. Hand out "
        "the surveys from the Surveys tab of the Training and kick-off, Closing and Follow-up "
        "stages; the report fills in as the answers come in."
    )
