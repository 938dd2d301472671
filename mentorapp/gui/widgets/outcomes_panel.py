"""Outcomes on the follow-up page: the jobs, internships and studies adepts told the
coordinator about, with the day each started. The impact report counts them beside the
surveys, so an adept who never answered a survey but said "I start on Monday" is counted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.models.outcomes_model import O_NOTE, OutcomesModel
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.i18n import N_, _, format_date, ngettext

if TYPE_CHECKING:
    from mentorapp.impact.outcomes import OutcomeRow


@stage_tool("followup", title=N_("Outcomes"))
class OutcomesPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomesPanel")
        self.context = context
        self._announcing = False
        self._build()
        for signal in (context.events.outcomes_changed, context.events.participants_changed):
            signal.connect(self._changed_elsewhere)

    def _build(self) -> None:
        self.intro = QLabel(wordWrap=True, objectName="outcomesIntro")
        self.record_button = QPushButton(objectName="recordOutcomeButton")
        self.record_button.clicked.connect(self.record_outcome)
        self.edit_button = QPushButton(objectName="editOutcomeButton")
        self.edit_button.clicked.connect(self.edit_outcome)
        self.remove_button = QPushButton(objectName="removeOutcomeButton")
        self.remove_button.clicked.connect(self.remove_outcome)
        actions = QHBoxLayout()
        for button in (self.record_button, self.edit_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.count_label = QLabel(objectName="outcomesCount")
        actions.addWidget(self.count_label)

        self.model = OutcomesModel(self)
        self.view = QTableView(objectName="outcomesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(O_NOTE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.view.doubleClicked.connect(lambda _index: self.edit_outcome())
        self.empty = QLabel(wordWrap=True, objectName="outcomesEmpty")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "When an adept tells you they got a job or an internship, or started studies, "
                "record it here with the day it started. The impact report counts these beside "
                "the survey answers, also for adepts who answered no survey."
            )
        )
        self.empty.setText(
            _("No outcomes recorded for this round yet. Press “Record outcome…” to add one.")
        )
        self.record_button.setText(_("Record &outcome…"))
        self.edit_button.setText(_("&Edit…"))
        self.remove_button.setText(_("Re&move"))
        self.view.setAccessibleName(_("Recorded outcomes"))
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def _cohort_id(self) -> int | None:
        cohort = self.context.cohort
        return cohort.id if cohort is not None else None

    def refresh(self) -> None:
        selected = self.selected()
        services, cohort_id = self.context.services, self._cohort_id()
        rows: list[OutcomeRow] = []
        if services is not None and cohort_id is not None:
            try:
                rows = services.outcomes.for_round(cohort_id)
            except MentorappError as error:
                show_error(self, error)
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.empty.setVisible(not rows)
        self.count_label.setText(
            ngettext("{n} outcome recorded", "{n} outcomes recorded", len(rows)).format(n=len(rows))
        )
        if selected is not None:
            self.select_outcome(selected.id)
        self._enable()

    def selected(self) -> OutcomeRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_outcome(self, outcome_id: int) -> None:
        row = self.model.row_of(outcome_id)
        if row >= 0:
            self.view.selectRow(row)

    def _enable(self) -> None:
        writable = self.context.services is not None and not self.context.read_only
        chosen = self.selected() is not None
        self.record_button.setEnabled(writable and self._cohort_id() is not None)
        self.edit_button.setEnabled(writable and chosen)
        self.remove_button.setEnabled(writable and chosen)

    # -- writes ----------------------------------------------------------------------------
    def record_outcome(self) -> int | None:
        from mentorapp.gui.dialogs.outcome_dialog import OutcomeDialog

        services, cohort_id = self.context.services, self._cohort_id()
        if services is None or cohort_id is None or self.context.read_only:
            return None
        adepts = services.outcomes.adepts(cohort_id)
        saved = OutcomeDialog.ask(self, services, adepts)
        if saved is not None:
            self._changed(saved)
        return saved

    def edit_outcome(self) -> None:
        from mentorapp.gui.dialogs.outcome_dialog import OutcomeDialog

        outcome, services, cohort_id = self.selected(), self.context.services, self._cohort_id()
        if outcome is None or services is None or cohort_id is None or self.context.read_only:
            return
        if OutcomeDialog.ask(self, services, [], outcome) is not None:
            self._changed(outcome.id)

    def remove_outcome(self) -> None:
        from mentorapp.gui.dialogs.outcome_dialog import KINDS, label_of

        outcome, services = self.selected(), self.context.services
        if outcome is None or services is None or self.context.read_only:
            return
        answer = QMessageBox.question(
            self,
            _("Remove outcome"),
            _(
                "Remove “{what} from {date}” for {name}? The impact report will not count it."
            ).format(
                what=label_of(KINDS, outcome.kind),
                date=format_date(outcome.started_on),
                name=outcome.name,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            services.outcomes.delete(outcome.id)
        except MentorappError as error:
            show_error(self, error)
            return
        self._changed(None)

    def _changed(self, outcome_id: int | None) -> None:
        self.refresh()
        if outcome_id is not None:
            self.select_outcome(outcome_id)
        cohort_id = self._cohort_id()
        if cohort_id is None:
            return
        self._announcing = True
        try:
            self.context.events.outcomes_changed.emit(cohort_id)
        finally:
            self._announcing = False

    def _changed_elsewhere(self, cohort_id: int | None) -> None:
        if self._announcing or not page_on_screen(self):
            return
        if cohort_id is None or cohort_id == self._cohort_id():
            self.refresh()
