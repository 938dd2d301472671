"""Applications in a round: search and filter, edit one, move many through the pipeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    SignalInstance,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain.enums import EnrolmentStatus, Role, role_label, status_label
from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.models.participants_model import Filters, ParticipantsModel
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.gui.undo import AppliedCommand
from mentorapp.gui.widgets.application_details import ConfirmationsBox, HistoryView
from mentorapp.gui.widgets.participant_editor import ParticipantEditor
from mentorapp.gui.widgets.participant_filters import ParticipantFilters
from mentorapp.i18n import N_, _, current_language, ngettext
from mentorapp.people.records import ParticipantRow

# Starting widths in characters for name, role, status, since, e-mail, city, field, industry,
# languages, digital; the user can drag them.
COLUMN_WIDTHS = (24, 10, 15, 14, 28, 12, 24, 22, 9, 8)


@stage_tool("recruitment", "selection", title=N_("Applications"), name="participants")
class ParticipantsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ParticipantsModel()
        self.undo_stack = QUndoStack(self)
        # Our own selection changes, after which the editor is set explicitly.
        self._restoring = False
        # Inside a change of the current row by the user: the table is still handling the
        # click or key, so the rows must not be reset under it until that has finished.
        self._switching = False
        self._resync = QTimer(self, singleShot=True, interval=0)
        self._resync.timeout.connect(self.refresh)
        # While this panel announces its own change: it has shown that change already.
        self._announcing = False
        self._build()
        events = context.events
        events.participants_changed.connect(self._changed_elsewhere)
        # The employers' names, and the criteria each application is confirmed against.
        events.partners_changed.connect(lambda _programme: self._changed_elsewhere(None))
        events.criteria_changed.connect(lambda _programme: self._changed_elsewhere(None))
        # A reminder drafted shows on the people's history.
        events.reminders_changed.connect(self._changed_elsewhere)
        # Attendance at a joint gathering shows on the history too.
        events.gatherings_changed.connect(self._changed_elsewhere)
        # Undoing an edit made before a restore would write into the restored data.
        events.workspace_changed.connect(self.undo_stack.clear)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.filters = ParticipantFilters()
        self.filters.changed.connect(self._filter)
        self.table = QTableView(objectName="participantsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: Qt then lays out 10,000 rows without measuring each one.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        average = self.table.fontMetrics().averageCharWidth()
        for column, characters in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, characters * average)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.counts_label = QLabel(objectName="statusCounts", wordWrap=True)
        self.import_button = QPushButton(objectName="importButton")
        self.import_button.clicked.connect(self.import_applications)
        self.add_button = QPushButton(objectName="addParticipantButton")
        self.add_button.clicked.connect(self.add_participant)
        self.status_button = QToolButton(objectName="setStatusButton")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self)
        self.status_button.setMenu(self.status_menu)
        self.decision_button = QPushButton(objectName="decisionListButton")
        self.decision_button.clicked.connect(self.show_decision_list)
        self.privacy_button = QToolButton(objectName="personalDataButton")
        self.privacy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.privacy_menu = QMenu(self)
        self.privacy_button.setMenu(self.privacy_menu)
        self.export_button = QToolButton(objectName="exportParticipantsButton")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_button.setMenu(self.export_menu)
        actions = QHBoxLayout()
        for widget in (self.import_button, self.add_button, self.status_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.privacy_button)
        actions.addWidget(self.decision_button)
        actions.addWidget(self.export_button)

        self.editor = ParticipantEditor()
        self.editor.save_requested.connect(self.save_edit)
        self.confirmations = ConfirmationsBox()
        self.confirmations.confirmation_changed.connect(self.confirm)
        self.history = HistoryView()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.editor)
        side_layout.addWidget(self.confirmations)
        side_layout.addWidget(self.history)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        self.details_scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.counts_label)
        left_layout.addWidget(self.table, 1)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def retranslate_ui(self) -> None:
        self.filters.retranslate_ui()
        self.editor.retranslate_ui()
        self.confirmations.retranslate_ui()
        self.history.retranslate_ui()
        self.import_button.setText(_("&Import applications…"))
        self.add_button.setText(_("Add &applicant…"))
        self.status_button.setText(_("Set s&tatus"))
        self.status_button.setAccessibleName(_("Set the status of the selected applications"))
        self.decision_button.setText(_("Decision &list…"))
        self.export_button.setText(_("E&xport"))
        self.export_button.setAccessibleName(_("Export participants to a CSV file"))
        self.table.setAccessibleName(_("Applications"))
        self.details_scroll.setAccessibleName(_("Details of the selected application"))
        self.status_menu.clear()
        for status in EnrolmentStatus:
            action = QAction(status_label(status.value), self.status_menu)
            action.triggered.connect(lambda _c=False, s=status.value: self.set_status(s))
            self.status_menu.addAction(action)
        self.privacy_button.setText(_("Personal &data"))
        self.privacy_button.setAccessibleName(_("Personal data of the selected person"))
        self.privacy_menu.clear()
        self.privacy_menu.addAction(
            _("Export everything about this person…"), self.export_person_data
        )
        self.privacy_menu.addAction(_("Erase this person…"), self.erase_person)
        self.export_menu.clear()
        for role in Role:
            label = _("Adepts…") if role is Role.ADEPT else _("Mentors…")
            action = QAction(label, self.export_menu)
            action.triggered.connect(lambda _c=False, r=role.value: self.export_role(r))
            self.export_menu.addAction(action)
        self._keeping_selection(self.model.retranslate)

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the round's applications, keeping the same people selected and edited."""
        self._resync.stop()
        services, cohort = self.context.services, self.context.cohort
        rows = services.participants.rows(cohort.id) if services and cohort else []
        self.filters.set_cities_from(rows)
        self._keeping_selection(lambda: self.model.set_rows(rows))
        self._update_counts()

    def _update_counts(self) -> None:
        rows = self.model.all_rows()
        parts = []
        for role in Role:
            counts = Counter(row.status for row in rows if row.role == role.value)
            if not counts:
                continue
            shown = ", ".join(
                f"{status_label(s.value).lower()} {counts[s.value]}"
                for s in EnrolmentStatus
                if counts[s.value]
            )
            parts.append(f"{role_label(role.value, plural=True)}: {shown}")
        self.counts_label.setText("   ·   ".join(parts) or _("No applications in this round yet."))

    def _filter(self, filters: Filters) -> None:
        self.flush()  # what was typed is saved before the person may leave the list
        self._keeping_selection(lambda: self.model.set_filters(filters), reload=False)

    def _keeping_selection(self, change: Callable[[], None], reload: bool = True) -> None:
        """Run a change that resets the rows, then select the same people again by enrolment:
        row numbers from before the change may belong to someone else now."""
        current = self.editor.enrolment_id()
        selected = {row.enrolment_id for row in self.selected_rows()}
        self._restoring = True
        try:
            change()
        finally:
            self._restoring = False
        self._select(current, selected if current in selected else (), reload)

    def _select(
        self, enrolment_id: int | None, also: Iterable[int] = (), reload: bool = True
    ) -> None:
        """Make ``enrolment_id`` the current row (the first row when it is not in the list),
        highlight it and the people in ``also``, and show it in the editor (read again unless
        ``reload`` is false and the editor shows that person already).

        Unsaved typing is never dropped here: while the editor has some, its person stays in
        the editor, and if that person is not in the list nothing is highlighted, so no other
        row looks like the one being edited."""
        if self.editor.is_dirty():
            enrolment_id, also = self.editor.enrolment_id(), ()
        shown = self.model.visible_row_of(enrolment_id)
        if shown < 0 and not self.editor.is_dirty() and self.model.rowCount():
            shown = 0
        rows = sorted(set(self.model.visible_rows_of(also)) | {shown}) if shown >= 0 else []
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for first, last in _runs(rows):
            selection.select(self.model.index(first, 0), self.model.index(last, last_column))
        selection_model = self.table.selectionModel()
        self._restoring = True
        try:
            if shown >= 0:
                selection_model.setCurrentIndex(
                    self.model.index(shown, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            else:
                selection_model.clearCurrentIndex()
            selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._restoring = False
        if shown >= 0:
            self.table.scrollTo(self.model.index(shown, 0))
        row = self.model.row_at(shown)
        same = row is not None and row.enrolment_id == self.editor.enrolment_id()
        if not self.editor.is_dirty() and (reload or not same):
            self._show(row)
        self._selection_changed()

    def selected_rows(self) -> list[ParticipantRow]:
        return [self.model.row_at(shown) for shown in self._selected_shown()]  # type: ignore[misc]

    def _selected_shown(self) -> list[int]:
        """Selected row numbers, read from the selection's ranges: whole rows are selected, and
        selectedRows() would ask the model about every cell of 10,000 selected rows."""
        shown: set[int] = set()
        for selected in self.table.selectionModel().selection():
            shown.update(range(selected.top(), selected.bottom() + 1))
        return sorted(shown)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring:
            return
        # Taken before saving: the person clicked, not a row number that a save may reorder.
        target = self.model.row_at(current.row())
        if target is not None and target.enrolment_id == self.editor.enrolment_id():
            return
        self._switching = True
        try:
            saved = not self.editor.is_dirty() or self._save_pending()
        finally:
            self._switching = False
        if not saved:
            # The typing and its message stay in the editor; once the table has handled the
            # click, the highlight goes back to that person.
            self._resync.start()
            return
        self._show(target)

    def _save_pending(self) -> bool:
        """Save what was typed before another row is shown; nothing typed is dropped."""
        enrolment_id = self.editor.enrolment_id()
        return enrolment_id is None or self.save_edit(enrolment_id, self.editor.changes())

    def _show(self, row: ParticipantRow | None) -> None:
        self.editor.show_row(row)
        services = self.context.services
        programme = self.context.programme
        if row is None or services is None or programme is None:
            self.confirmations.show_criteria([], {})
            self.history.show_steps([])
            self.history.show_attendance(None)
            return
        criteria = services.eligibility.criteria(programme.id, row.role, current_language())
        confirmed = services.eligibility.confirmations(row.enrolment_id)
        self.confirmations.show_criteria(criteria, confirmed)
        interviews = services.interviews.for_enrolment(row.enrolment_id)
        reminders = services.reminders.notes_for(row.enrolment_id)
        self.history.show_steps(services.pipeline.history(row.enrolment_id), interviews, reminders)
        attended = services.gatherings.attendance_counts(row.cohort_id)
        self.history.show_attendance(attended.get(row.enrolment_id, 0))

    def _selection_changed(self, *_args: object) -> None:
        count = len(self._selected_shown())
        self.status_button.setEnabled(count > 0)
        self.status_button.setToolTip(
            ngettext(
                "Change the status of {n} application",
                "Change the status of {n} applications",
                count,
            ).format(n=count)
        )

    # -- edits (each one undoable) ---------------------------------------------------------
    def _after_change(self, every_round: bool = False) -> None:
        self._reread()
        cohort = self.context.cohort
        self._announce(
            self.context.events.participants_changed,
            None if every_round or cohort is None else cohort.id,
        )

    def _announce(self, signal: SignalInstance, where: object) -> None:
        """Tell the other views; this one shows the change already."""
        self._announcing = True
        try:
            signal.emit(where)
        finally:
            self._announcing = False

    def _changed_elsewhere(self, cohort_id: int | None) -> None:
        """Another view changed applications (of this round, or of several when None)."""
        cohort = self.context.cohort
        if self._announcing or not page_on_screen(self) or cohort is None:
            return
        if cohort_id is None or cohort_id == cohort.id:
            self._reread()

    def _reread(self) -> None:
        if self._switching:
            self._resync.start()  # after the click or key that changed rows is handled
        else:
            self.refresh()

    def save_edit(self, enrolment_id: int, changes: dict) -> bool:
        if not changes:
            return True
        service = self.context.services.participants
        try:
            before_row = service.row(enrolment_id)  # gone if removed meanwhile: say so
            before = {key: getattr(before_row, key) for key in changes}
            service.update(enrolment_id, changes)
        except ValidationError as error:
            self.editor.show_error(error.user_message(), error.field)
            return False
        except MentorappError as error:
            show_error(self, error)
            return False
        name = before_row.name
        self.undo_stack.push(
            AppliedCommand(
                _("Edit {name}").format(name=name),
                apply=lambda: service.update(enrolment_id, changes),
                revert=lambda: service.update(enrolment_id, before),
                after=self._after_change,
                on_error=lambda error: show_error(self, error),
            )
        )
        if enrolment_id == self.editor.enrolment_id():
            self.editor.show_row(service.row(enrolment_id))
        self._after_change()
        return True

    def set_status(self, status: str) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        reason, ok = QInputDialog.getText(
            self,
            _("Set status"),
            ngettext(
                "Set {n} application to “{status}”. Reason (optional, shown in the history):",
                "Set {n} applications to “{status}”. Reason (optional, shown in the history):",
                len(rows),
            ).format(n=len(rows), status=status_label(status)),
        )
        if ok:
            self.change_status([row.enrolment_id for row in rows], status, reason)

    def change_status(self, enrolment_ids: list[int], status: str, reason: str = "") -> None:
        pipeline = self.context.services.pipeline
        try:
            made = {"ids": pipeline.change_status(enrolment_ids, status, reason)}
        except MentorappError as error:
            show_error(self, error)
            return

        def apply() -> None:
            made["ids"] = pipeline.change_status(enrolment_ids, status, reason)

        self.undo_stack.push(
            AppliedCommand(
                ngettext(
                    "Set {n} application to {status}",
                    "Set {n} applications to {status}",
                    len(enrolment_ids),
                ).format(n=len(enrolment_ids), status=status_label(status)),
                apply=apply,
                revert=lambda: pipeline.undo(made["ids"]),
                after=self._after_change,
                on_error=lambda error: show_error(self, error),
            )
        )
        self._after_change()

    def confirm(self, criterion_id: int, confirmed: bool) -> None:
        row = self.editor.row()
        if row is None:
            return
        eligibility = self.context.services.eligibility
        try:
            eligibility.confirm(row.enrolment_id, criterion_id, confirmed)
        except MentorappError as error:
            show_error(self, error)
            return
        self.undo_stack.push(
            AppliedCommand(
                _("Confirm a criterion") if confirmed else _("Remove a confirmation"),
                apply=lambda: eligibility.confirm(row.enrolment_id, criterion_id, confirmed),
                revert=lambda: eligibility.confirm(row.enrolment_id, criterion_id, not confirmed),
                after=self._after_change,
                on_error=lambda error: show_error(self, error),
            )
        )
        # The box shows the tick already; the other page's panel re-reads it when shown.
        self._announce(self.context.events.participants_changed, row.cohort_id)

    # -- dialogs ---------------------------------------------------------------------------
    def import_applications(self) -> None:
        from mentorapp.gui.dialogs.import_wizard import ImportWizard

        programme = self.context.programme
        if programme is None:
            return
        rounds = self._round_ids(programme.id)
        if ImportWizard.run(self, self.context):
            events = self.context.events
            if self._round_ids(programme.id) != rounds:  # imported into a new round
                events.cohorts_changed.emit(programme.id)  # this page re-reads everything
            else:
                self.refresh()
            self._announce(events.participants_changed, None)  # into any round
            self._announce(events.partners_changed, programme.id)  # the employers named

    def _round_ids(self, programme_id: int) -> list[int | None]:
        return [cohort.id for cohort in self.context.services.programmes.cohorts(programme_id)]

    def add_participant(self) -> None:
        from mentorapp.gui.dialogs.add_participant_dialog import AddParticipantDialog

        cohort = self.context.cohort
        if cohort is None:
            return
        self.flush()
        created = AddParticipantDialog.ask(self, self.context.services, cohort.id)
        if created is not None:
            self._after_change()
            self._select(created.enrolment_id)

    def show_decision_list(self) -> None:
        from mentorapp.gui.dialogs.decision_list_dialog import DecisionListDialog

        if self.context.cohort is not None:
            DecisionListDialog.show_for(self, self.context.services, self.context.cohort)

    def export_person_data(self) -> None:
        from mentorapp.gui.dialogs.privacy_actions import export_person

        row = self.editor.row()
        if row is not None:
            export_person(self, self.context.services, row.person_id, row.name)

    def erase_person(self) -> None:
        from mentorapp.gui.dialogs.privacy_actions import erase_people

        row = self.editor.row()
        if row is not None and erase_people(
            self, self.context.services, [row.person_id], [row.name]
        ):
            self.undo_stack.clear()  # an erasure cannot be undone, nor edits made before it
            self.editor.show_row(None)  # typing about the erased person has nowhere to go
            self._after_change(every_round=True)

    def export_role(self, role: str) -> None:
        from mentorapp.gui.dialogs.files import export_participants

        if self.context.cohort is not None:
            export_participants(self, self.context.services, self.context.cohort, role)

    def flush(self) -> None:
        if self.editor.is_dirty():
            self._save_pending()


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs: one selection range per run, not per row."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
