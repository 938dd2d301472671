"""Record many pair meetings at once: type the day each was held into a table.

Made for the keyboard: arrows move, typing a day starts editing, Enter saves the cell and moves
down (the next group, the same meeting), Delete takes a held mark away. Nothing is written
until Save, and then all the edits in one transaction (``MeetingService.record_many``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.models.quick_meetings_model import GROUP, QuickMeetingsModel
from mentorapp.i18n import _, ngettext

if TYPE_CHECKING:
    from mentorapp.gui.context import AppContext


class MeetingTable(QTableView):
    """A table where Enter moves down and Delete clears, as in a spreadsheet."""

    def __init__(self, model: QuickMeetingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setObjectName("quickMeetingsTable")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(110)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._model.clear(self.currentIndex())
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_down()
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            if self._model.last_refused:  # stay, so the day can be typed again
                self._model.last_refused = False
            else:
                self.move_down()

    def move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self._model.rowCount():
            self.setCurrentIndex(self._model.index(current.row() + 1, current.column()))


class QuickMeetingsDialog(QDialog):
    def __init__(self, context: AppContext, cohort_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickMeetingsDialog")
        self.setWindowTitle(_("Record meetings"))
        self._context, self._cohort_id = context, cohort_id
        self.model = QuickMeetingsModel(self)
        self.table = MeetingTable(self.model, self)
        self.table.setAccessibleName(_("Meetings of the round's groups"))
        intro = QLabel(
            _(
                "Type the day a meeting was held in its cell, such as 2026-10-02, 2/10 or "
                "2 Oct, and press Enter. Delete takes a held mark away. Grey days are planned. "
                "Nothing is saved until you press Save."
            ),
            wordWrap=True,
        )
        self.status = QLabel(objectName="quickMeetingsStatus", wordWrap=True)
        self.status.setAccessibleName(_("Message"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveMeetingsButton")
        self.save_button.setAutoDefault(False)  # Enter belongs to the table
        self.save_button.setDefault(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.discard)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.model.problem.connect(self.status.setText)
        self.model.dataChanged.connect(self._changed)
        self.load()
        self.resize(860, 560)

    def load(self) -> None:
        """Read the round's groups and meetings again; edits not saved are dropped."""
        services = self._context.services
        assert services is not None
        try:
            schedule = services.meetings.schedule(self._cohort_id)
        except MentorappError as error:
            self.status.setText(error.user_message())
            self.save_button.setEnabled(False)
            return
        self.model.set_schedule(schedule, date.today())
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(GROUP, QHeaderView.ResizeMode.Stretch)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 1))
        else:
            self.status.setText(_("The round has no accepted groups yet."))
        self._changed()
        self.table.setFocus()

    def _changed(self, *_args: object) -> None:
        count = len(self.model.edits())
        self.save_button.setEnabled(count > 0)
        if count:
            self.status.setText(
                ngettext(
                    "{n} meeting changed, not saved yet.",
                    "{n} meetings changed, not saved yet.",
                    count,
                ).format(n=count)
            )

    def save(self) -> bool:
        """Write every edit in one transaction; on a refusal keep the edits and say why."""
        services = self._context.services
        assert services is not None
        records = self.model.records()
        if not records:
            return True
        try:
            services.meetings.record_many(records)
        except MentorappError as error:
            self.status.setText(error.user_message())
            return False
        self._context.events.meetings_changed.emit(self._cohort_id)
        self.model.set_schedule(services.meetings.schedule(self._cohort_id), date.today())
        self.accept()
        return True

    def discard(self) -> None:
        """Cancel: the edits are dropped without asking."""
        super().reject()

    def reject(self) -> None:
        """Escape or closing the window: ask first when there are edits not saved."""
        if not self.model.has_edits():
            super().reject()
            return
        choice = QMessageBox.question(
            self,
            _("Save the meetings?"),
            _("You have changed meetings that are not saved yet. Save them before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if choice == QMessageBox.StandardButton.Save:
            self.save()
        elif choice == QMessageBox.StandardButton.Discard:
            super().reject()

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
