"""A stage's checklist: tick items, date and annotate them, add, rename and remove your own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import attempt, guarded
from mentorapp.gui.models.checklist_model import DONE_ON, DUE, ITEM, NOTE, ChecklistModel
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.guide.checklist import ChecklistRow
from mentorapp.i18n import _, current_language

NOTE_SAVE_DELAY_MS = 700


class ChecklistPanel(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, stage_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._stage = stage_key
        self._model = ChecklistModel(self._toggle_row, self._rename_row)
        self._note_owner: ChecklistRow | None = None
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_note)
        self._build()
        context.events.timeline_changed.connect(self._timeline_changed)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.table = QTableView(objectName="checklistTable")
        self.table.setModel(self._model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(  # own items only; typing a letter still searches
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DONE_ON, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NOTE, 220)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        self.add_edit = QLineEdit(objectName="addItemEdit")
        self.add_edit.returnPressed.connect(self._add_item)
        self.add_button = QPushButton(objectName="addItemButton")
        self.add_button.clicked.connect(self._add_item)
        self.remove_button = QPushButton(objectName="removeItemButton")
        self.remove_button.clicked.connect(self._remove_item)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_edit, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)

        self.details = QGroupBox()
        self.hint_label = QLabel(wordWrap=True)
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_box = QCheckBox(objectName="doneBox")
        self.done_box.toggled.connect(self._done_box_toggled)
        self.date_edit = QDateEdit(calendarPopup=True, objectName="doneOnEdit")
        self.date_edit.dateChanged.connect(self._date_changed)
        self.note_edit = QPlainTextEdit(objectName="noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(70)
        self.note_edit.textChanged.connect(self._note_edited)
        done_row = QHBoxLayout()
        done_row.addWidget(self.done_box)
        done_row.addWidget(self.date_edit)
        done_row.addStretch(1)
        self.form = QFormLayout(self.details)
        self.form.addRow(self.hint_label)
        self.form.addRow(done_row)
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note_edit)
        self.form.addRow(self.note_label, self.note_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addLayout(add_row)
        layout.addWidget(self.details, 2)

    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(_("Checklist"))
        self.table.setAccessibleDescription(_("Press Space to tick the selected item."))
        self.add_edit.setPlaceholderText(_("Add your own item to this stage…"))
        self.add_edit.setAccessibleName(_("New item"))
        self.add_button.setText(_("&Add"))
        self.add_button.setAccessibleName(_("Add item"))
        self.remove_button.setText(_("Remove item"))
        self.remove_button.setAccessibleName(_("Remove item"))
        self.remove_button.setToolTip(_("Only items you added yourself can be removed."))
        self.details.setTitle(_("Selected item"))
        self.done_box.setText(_("Done"))
        self.done_box.setAccessibleName(_("Done"))
        self.date_edit.setAccessibleName(_("Date done"))
        self.note_label.setText(_("&Note:"))
        self.note_edit.setAccessibleName(_("Note"))
        self.note_edit.setPlaceholderText(_("Who does it, what was decided, links…"))
        self._model.retranslate()

    # -- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the database, keeping the selected row."""
        self.save_note()
        scope = self._context.scope
        current = self.table.currentIndex().row()
        rows = (
            self._context.services.guide.checklist(scope, self._stage, current_language())
            if scope
            else []
        )
        self._model.set_rows(rows, self._due_dates(), self._shown_done())
        if rows:
            row = min(max(current, 0), len(rows) - 1)
            self.table.selectionModel().setCurrentIndex(
                self._model.index(row, ITEM),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.resizeRowsToContents()
        self._show_current()

    def _due_dates(self) -> dict[str, date]:
        """The built-in items' due dates in the round shown (none without a round)."""
        scope, services = self._context.scope, self._context.services
        if scope is None or services is None or scope.cohort_id is None:
            return {}
        items = services.timeline.due_items(scope, current_language())
        return {d.item: d.due for d in items if d.stage == self._stage and d.due is not None}

    def _shown_done(self) -> dict[str, str]:
        """This stage's items the file shows done (applications in, matches accepted …)."""
        scope, services = self._context.scope, self._context.services
        if scope is None or services is None:
            return {}
        found = services.standing.evidence(scope.for_stage(self._stage))
        return {item: reason for (stage, item), reason in found.items() if stage == self._stage}

    def _timeline_changed(self, _cohort_id: int) -> None:
        if page_on_screen(self):
            self.refresh()

    def done_count(self) -> int:
        """Items ticked or shown done by the file."""
        model = self._model
        return sum(
            bool(row.done or model.done_by_the_work(n)) for n, row in enumerate(self.rows())
        )

    def rows(self) -> list[ChecklistRow]:
        return [self._model.row_at(i) for i in range(self._model.rowCount())]  # type: ignore[misc]

    def _current(self) -> ChecklistRow | None:
        return self._model.row_at(self.table.currentIndex().row())

    def _show_current(self, *_args: object) -> None:
        self.save_note()
        item = self._current()
        has_item = item is not None
        self.details.setEnabled(has_item)
        self.remove_button.setEnabled(bool(item and item.own))
        for widget in (self.done_box, self.date_edit, self.note_edit):
            widget.blockSignals(True)
        hint = item.hint if item and item.hint else (item.text if item else "")
        by_the_work = self._model.done_by_the_work(self.table.currentIndex().row())
        self.hint_label.setText(f"{hint}\n{by_the_work}" if by_the_work else hint)
        self.done_box.setChecked(bool(item and item.done) or bool(by_the_work))
        self.done_box.setEnabled(not by_the_work)
        self.date_edit.setEnabled(bool(item and item.done))
        shown = item.done_on if item and item.done_on else date.today()
        self.date_edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.note_edit.setPlainText(item.note if item else "")
        self._note_owner = item
        for widget in (self.done_box, self.date_edit, self.note_edit):
            widget.blockSignals(False)

    def _after_write(self) -> None:
        self.refresh()
        self._context.events.checklist_changed.emit(self._stage)
        self.changed.emit()

    def _toggle_row(self, row: int, done: bool) -> None:
        item = self._model.row_at(row)
        scope = self._context.scope
        if item is None or scope is None:
            return
        attempt(self, lambda: self._context.services.guide.set_done(scope, item, done))
        self._after_write()

    def _rename_row(self, row: int, text: str) -> None:
        """An own item edited in place (F2 or a double click); an emptied one is refused."""
        item = self._model.row_at(row)
        if item is None or item.entry_id is None:
            return
        entry_id = item.entry_id
        attempt(self, lambda: self._context.services.guide.rename_own_item(entry_id, text))
        self._after_write()

    def _done_box_toggled(self, done: bool) -> None:
        self._toggle_row(self.table.currentIndex().row(), done)

    def _date_changed(self, value: QDate) -> None:
        item, scope = self._current(), self._context.scope
        if item is None or scope is None or not item.done:
            return
        chosen = date(value.year(), value.month(), value.day())
        attempt(self, lambda: self._context.services.guide.set_done_on(scope, item, chosen))
        self._after_write()

    def _note_edited(self) -> None:
        self._note_timer.start()

    def save_note(self) -> None:
        """Write a pending note now (called on a pause in typing, on leaving, and on quit)."""
        self._note_timer.stop()
        item, scope = self._note_owner, self._context.scope
        if item is None or scope is None:
            return
        text = self.note_edit.toPlainText().strip()
        if text == item.note:
            return
        guide = self._context.services.guide
        if attempt(self, lambda: guide.set_note(scope, item, text)):
            self._note_owner = None
            self._after_write()

    def _add_item(self) -> None:
        text = self.add_edit.text()
        scope = self._context.scope
        if scope is None:
            return
        guide = self._context.services.guide
        if guarded(self, lambda: guide.add_own_item(scope, self._stage, text)) is not None:
            self.add_edit.clear()
            self._after_write()
            last = self._model.index(self._model.rowCount() - 1, ITEM)
            self.table.setCurrentIndex(last)

    def _remove_item(self) -> None:
        item = self._current()
        if item is None or not item.own or item.entry_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove item"),
            _("Remove “{item}” from the checklist? Its note is removed too.").format(
                item=item.text
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            entry_id = item.entry_id
            attempt(self, lambda: self._context.services.guide.remove_own_item(entry_id))
            self._after_write()
