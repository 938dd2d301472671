"""Surveys on the kick-off, closing and follow-up pages: who a survey is for, who has answered
and who still owes an answer, with the ways of getting answers in (typed from paper forms,
imported from an online form) and a reminder to those missing.

Each page opens with its own survey (the kick-off the start survey, closing the end survey,
follow-up the six-month one); the coordinator can switch among all five, the partner
organisations' survey included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.models.surveys_model import C_NAME, FILTERS, SurveyRow, SurveysModel
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.i18n import N_, _, current_language, format_number, format_percent, ngettext
from mentorapp.impact.survey_model import SURVEY_KEYS

if TYPE_CHECKING:
    from mentorapp.impact.survey_model import Survey, SurveyContent

# The survey each page opens with.
STAGE_SURVEY = {"kickoff": "t0", "closing": "t1", "followup": "t2"}


def survey_content(context: AppContext) -> SurveyContent:
    """The surveys in the UI language, as the organisation worded them (if it did)."""
    from mentorapp.impact.survey_content import content_for
    from mentorapp.workspace.settings import workbook_content_folder

    language = current_language() if current_language() in ("sv", "en") else "en"
    return content_for(language, workbook_content_folder(context.settings)).content


def rate_text(answered: int, total: int, sent: int | None = None) -> str:
    """ "28 of 35 answered (80 %)", with how many it was handed out or reminded to."""
    if total == 0:
        return _("Nobody to ask yet.")
    text = ngettext(
        "{answered} of {n} answered ({share})", "{answered} of {n} answered ({share})", total
    ).format(
        answered=format_number(answered),
        n=format_number(total),
        share=format_percent(answered / total),
    )
    if sent is not None:
        text += " · " + ngettext(
            "handed out or reminded: {n}", "handed out or reminded: {n}", sent
        ).format(n=format_number(sent))
    return text


@stage_tool("kickoff", "closing", "followup", title=N_("Surveys"), name="surveys")
class SurveysPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._announcing = False
        self._survey_key = ""  # chosen by the coordinator; else the page's own
        self.content: SurveyContent | None = None
        self._build()
        for signal in (context.events.surveys_changed, context.events.participants_changed):
            signal.connect(self._changed_elsewhere)
        context.events.partners_changed.connect(lambda _p: self._changed_elsewhere(None))

    @property
    def stage_key(self) -> str:
        """The page it is on (the registry names it "surveys_<stage>")."""
        return self.objectName().removeprefix("surveys_")

    def survey_key(self) -> str:
        return self._survey_key or STAGE_SURVEY.get(self.stage_key, "t0")

    def survey(self) -> Survey | None:
        return self.content.survey(self.survey_key()) if self.content else None

    @property
    def partner(self) -> bool:
        return self.survey_key() == "partner"

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.survey_label = QLabel()
        self.survey_combo = QComboBox(objectName="surveyChoice")
        self.survey_label.setBuddy(self.survey_combo)
        self.survey_combo.activated.connect(self._survey_chosen)
        self.when_label = QLabel(wordWrap=True, objectName="surveyWhen")
        self.rate_label = QLabel(objectName="surveyRate", wordWrap=True)
        bold = QFont(self.rate_label.font())
        bold.setBold(True)
        self.rate_label.setFont(bold)
        self.filter_label = QLabel()
        self.filter = QComboBox(objectName="surveyFilter")
        self.filter_label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(self._filter_chosen)
        top = QHBoxLayout()
        top.addWidget(self.survey_label)
        top.addWidget(self.survey_combo)
        top.addSpacing(16)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter)
        top.addStretch(1)

        self.model = SurveysModel(self)
        self.view = QTableView(objectName="surveyPeople")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(C_NAME, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.enter_answers())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._enable())

        self.enter_button = QPushButton(objectName="enterAnswersButton")
        self.enter_button.clicked.connect(lambda: self.enter_answers())
        self.print_button = QToolButton(objectName="printFormsButton")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.print_selected_action = self.print_menu.addAction("")
        self.print_selected_action.triggered.connect(lambda: self.print_forms("selected"))
        self.print_missing_action = self.print_menu.addAction("")
        self.print_missing_action.triggered.connect(lambda: self.print_forms("missing"))
        self.print_all_action = self.print_menu.addAction("")
        self.print_all_action.triggered.connect(lambda: self.print_forms("all"))
        self.print_blank_action = self.print_menu.addAction("")
        self.print_blank_action.triggered.connect(lambda: self.print_forms("blank"))
        self.handed_button = QPushButton(objectName="markHandedOutButton")
        self.handed_button.clicked.connect(lambda: self.mark_handed_out())
        self.reminder_button = QPushButton(objectName="surveyReminderButton")
        self.reminder_button.clicked.connect(self.draft_reminder)
        answers_row = QHBoxLayout()
        for button in (self.enter_button, self.print_button, self.handed_button):
            answers_row.addWidget(button)
        answers_row.addWidget(self.reminder_button)
        answers_row.addStretch(1)

        self.questions_button = QPushButton(objectName="onlineQuestionsButton")
        self.questions_button.clicked.connect(self.save_questions)
        self.import_button = QPushButton(objectName="importAnswersButton")
        self.import_button.clicked.connect(self.import_answers)
        self.export_button = QPushButton(objectName="exportAnswersButton")
        self.export_button.clicked.connect(self.export_answers)
        self.wording_button = QPushButton(objectName="surveyWordingButton")
        self.wording_button.clicked.connect(self.adapt_wording)
        files_row = QHBoxLayout()
        for button in (self.questions_button, self.import_button, self.export_button):
            files_row.addWidget(button)
        files_row.addStretch(1)
        files_row.addWidget(self.wording_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.when_label)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(answers_row)
        layout.addLayout(files_row)

    def retranslate_ui(self) -> None:
        self.survey_label.setText(_("&Survey:"))
        self.survey_combo.setAccessibleName(_("Survey"))
        self.filter_label.setText(_("Sh&ow:"))
        self.filter.setAccessibleName(_("Show part of the list"))
        self.filter.blockSignals(True)
        try:
            chosen = self.filter.currentData()
            self.filter.clear()
            for key, text in FILTERS:
                self.filter.addItem(_(text), key)
            self.filter.setCurrentIndex(max(0, self.filter.findData(chosen)))
        finally:
            self.filter.blockSignals(False)
        self.enter_button.setText(_("&Enter answers…"))
        self.enter_button.setToolTip(
            _("Type in the answers of paper forms, by keyboard only (Ctrl+Enter saves)")
        )
        self.print_button.setText(_("Pri&nt forms…"))
        self.print_selected_action.setText(_("For the selected people…"))
        self.print_missing_action.setText(_("For everyone who has not answered…"))
        self.print_all_action.setText(_("For everyone…"))
        self.print_blank_action.setText(_("Blank copies…"))
        self.handed_button.setText(_("&Mark as handed out"))
        self.handed_button.setToolTip(
            _(
                "Note today as the day the form was handed out: to the selected people, or "
                "when none is selected to everyone who has not answered"
            )
        )
        self.reminder_button.setText(_("&Draft reminder…"))
        self.reminder_button.setToolTip(_("A reminder to those who have not answered"))
        self.questions_button.setText(_("&Questions for an online form…"))
        self.questions_button.setToolTip(
            _(
                "Save the questions as plain text to build the same form in Google Forms or "
                "Microsoft Forms, and a CSV template with the participants and their codes"
            )
        )
        self.import_button.setText(_("&Import form answers…"))
        self.export_button.setText(_("E&xport answers…"))
        self.wording_button.setText(_("Adapt the &wording…"))
        self.view.setAccessibleName(_("Who the survey is for, and who has answered"))
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def _cohort_id(self) -> int | None:
        cohort = self.context.cohort
        return cohort.id if cohort is not None else None

    def refresh(self) -> None:
        """Read the survey's people and answers again, keeping the selection."""
        try:
            self.content = survey_content(self.context)
        except MentorappError as error:
            self.content = None
            show_error(self, error)
        self._fill_surveys()
        survey, services, cohort_id = self.survey(), self.context.services, self._cohort_id()
        selected = set(self.selected_ids())
        rows: list[SurveyRow] = []
        sent: int | None = None
        if survey is not None and services is not None and cohort_id is not None:
            try:
                rows, sent = self._read(survey.key, cohort_id)
            except MentorappError as error:
                show_error(self, error)
        self.model.set_rows(rows, partner=self.partner)
        self.view.setColumnHidden(1, self.partner)
        for column in (2, 3):
            self.view.setColumnHidden(column, self.partner)
        self.view.resizeColumnsToContents()
        answered = sum(1 for row in rows if row.answered_on is not None)
        self.rate_label.setText(rate_text(answered, len(rows), sent))
        self.when_label.setText(survey.when if survey else "")
        self._select(selected)
        self._enable()

    def _read(self, survey: str, cohort_id: int) -> tuple[list[SurveyRow], int | None]:
        services = self.context.services
        assert services is not None
        if survey == "partner":
            programme = self.context.programme
            if programme is None or programme.id is None:
                return [], None
            organisations = services.surveys.partner_organisations(programme.id)
            return [SurveyRow.of_partner(*organisation) for organisation in organisations], None
        status = services.owed.status(cohort_id, survey)
        return [SurveyRow.of_person(person) for person in status.people], status.sent

    def _fill_surveys(self) -> None:
        self.survey_combo.blockSignals(True)
        try:
            self.survey_combo.clear()
            for key in SURVEY_KEYS:
                title = self.content.survey(key).title if self.content else key
                self.survey_combo.addItem(title, key)
            self.survey_combo.setCurrentIndex(max(0, self.survey_combo.findData(self.survey_key())))
        finally:
            self.survey_combo.blockSignals(False)

    def _survey_chosen(self, _index: int) -> None:
        self._survey_key = str(self.survey_combo.currentData())
        self.view.clearSelection()
        self.refresh()

    def choose_survey(self, key: str) -> None:
        self.survey_combo.setCurrentIndex(max(0, self.survey_combo.findData(key)))
        self._survey_chosen(self.survey_combo.currentIndex())

    def _filter_chosen(self, _index: int) -> None:
        selected = set(self.selected_ids())
        self.model.set_filter(str(self.filter.currentData() or "all"))
        self._select(selected)
        self._enable()

    def set_filter(self, key: str) -> None:
        self.filter.setCurrentIndex(max(0, self.filter.findData(key)))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [row.id for n in rows if (row := self.model.row_at(n)) is not None]

    def _select(self, ids: set[int]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for row_id in ids:
            row = self.model.row_of(row_id)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def missing_ids(self) -> list[int]:
        return [row.id for row in self.model.all_rows() if row.answered_on is None]

    def _enable(self) -> None:
        writable = self.context.services is not None and not self.context.read_only
        people = bool(self.model.all_rows())
        person_survey = not self.partner
        self.enter_button.setEnabled(writable and people)
        self.print_button.setEnabled(self.survey() is not None)
        self.print_selected_action.setEnabled(person_survey and bool(self.selected_ids()))
        self.print_missing_action.setEnabled(person_survey and bool(self.missing_ids()))
        self.print_all_action.setEnabled(person_survey and people)
        self.handed_button.setEnabled(
            writable and person_survey and bool(self.selected_ids() or self.missing_ids())
        )
        self.reminder_button.setEnabled(person_survey and bool(self.missing_ids()))
        self.import_button.setEnabled(writable and person_survey and people)
        self.export_button.setEnabled(person_survey and people)
        self.questions_button.setEnabled(self.survey() is not None)

    # -- writes ----------------------------------------------------------------------------
    def enter_answers(self, start: int | None = None) -> int:
        """Open the keyboard entry view (at the selected person); the forms saved."""
        from mentorapp.gui.dialogs.survey_entry_dialog import SurveyEntryDialog

        survey, cohort_id = self.survey(), self._cohort_id()
        if survey is None or self.content is None or cohort_id is None:
            return 0
        if start is None and len(self.selected_ids()) == 1:
            start = self.selected_ids()[0]
        return SurveyEntryDialog.run(
            self, self.context, cohort_id, survey, self.content, self.model.all_rows(), start
        )

    def mark_handed_out(self, ids: list[int] | None = None) -> int:
        """Note the form as handed out today (to the selected, or everyone missing)."""
        services, survey = self.context.services, self.survey_key()
        if services is None or self.partner or self.context.read_only:
            return 0
        if ids is None:
            ids = self.selected_ids()
            if not ids:
                ids = self.missing_ids()
                answer = QMessageBox.question(
                    self,
                    _("Mark as handed out"),
                    ngettext(
                        "Note that the form was handed out today to the {n} person who has "
                        "not answered?",
                        "Note that the form was handed out today to the {n} people who have "
                        "not answered?",
                        len(ids),
                    ).format(n=len(ids)),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return 0
        if not ids:
            return 0
        try:
            count = services.owed.mark_sent(ids, survey, "handed")
        except MentorappError as error:
            show_error(self, error)
            return 0
        self._changed()
        return count

    def _changed(self) -> None:
        """Show the change, then tell the other views (the checklist, the report)."""
        self.refresh()
        cohort_id = self._cohort_id()
        if cohort_id is None:
            return
        self._announcing = True
        try:
            self.context.events.surveys_changed.emit(cohort_id)
        finally:
            self._announcing = False

    def _changed_elsewhere(self, cohort_id: int | None) -> None:
        if self._announcing or not page_on_screen(self):
            return
        if cohort_id is None or cohort_id == self._cohort_id():
            self.refresh()

    # -- files and other tools -------------------------------------------------------------
    def draft_reminder(self) -> None:
        from mentorapp.gui.dialogs.reminder_dialog import ReminderDialog

        cohort_id = self._cohort_id()
        if cohort_id is None or self.partner:
            return
        dialog = ReminderDialog(
            self.context, cohort_id, who=f"survey:{self.survey_key()}", parent=self
        )
        dialog.exec()
        self.refresh()  # a reminder drafted notes the survey as sent

    def print_forms(self, which: str) -> None:
        from mentorapp.gui.widgets.survey_files import print_forms

        survey, cohort_id = self.survey(), self._cohort_id()
        if survey is None or cohort_id is None:
            return
        chosen = {"selected": self.selected_ids(), "missing": self.missing_ids()}.get(which)
        print_forms(self, self.context, cohort_id, survey, chosen, blank=which == "blank")

    def save_questions(self) -> None:
        from mentorapp.gui.widgets.survey_files import save_questions

        survey, cohort_id = self.survey(), self._cohort_id()
        if survey is not None and self.content is not None and cohort_id is not None:
            save_questions(self, self.context, cohort_id, survey, self.content)

    def import_answers(self) -> None:
        from mentorapp.gui.dialogs.survey_import_dialog import SurveyImportDialog

        survey, cohort_id = self.survey(), self._cohort_id()
        if survey is None or self.content is None or cohort_id is None or self.partner:
            return
        dialog = SurveyImportDialog(self.context, cohort_id, survey, self.content, self)
        dialog.exec()
        self.refresh()

    def export_answers(self) -> None:
        from mentorapp.gui.widgets.survey_files import export_answers

        survey, cohort_id = self.survey(), self._cohort_id()
        if survey is not None and self.content is not None and cohort_id is not None:
            export_answers(self, self.context, cohort_id, survey, self.content)

    def adapt_wording(self) -> None:
        from mentorapp.gui.widgets.survey_files import adapt_wording

        adapt_wording(self, self.context)
        self.refresh()
