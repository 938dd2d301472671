"""The budget lines as a table (category, description, planned and actual amounts, hours and
rate) and the delegate that edits its cells: each commit is saved through the panel's save
function, and a value that cannot be read is refused with its reason.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.i18n import _, format_money
from mentorapp.planning.budget_lines import (
    CATEGORIES,
    COORDINATOR_HOURS,
    COST,
    INCOME,
    BudgetDraft,
    BudgetLineRow,
    category_label,
    format_hours,
    parse_amount,
    parse_hours,
    settle,
)

if TYPE_CHECKING:
    from collections.abc import Callable

CATEGORY, DESCRIPTION, PLANNED, ACTUAL, PLANNED_HOURS, ACTUAL_HOURS, RATE = range(7)
AMOUNT_COLUMNS = (PLANNED, ACTUAL, RATE)
HOURS_COLUMNS = (PLANNED_HOURS, ACTUAL_HOURS, RATE)
FIELDS = {
    PLANNED: "planned",
    ACTUAL: "actual",
    PLANNED_HOURS: "planned_hours",
    ACTUAL_HOURS: "actual_hours",
    RATE: "rate",
}
ROUND, PROGRAMME = "round", "programme"


def edited_draft(line: BudgetLineRow, column: int, value: str) -> BudgetDraft:
    """The line's draft with one cell typed anew (raises ValidationError for a bad value)."""
    draft = line.draft()
    if column == CATEGORY:
        return settle(replace(draft, category=value))
    if column == DESCRIPTION:
        return settle(replace(draft, description=value))
    if column in (PLANNED_HOURS, ACTUAL_HOURS):
        return settle(replace(draft, **{FIELDS[column]: parse_hours(value, FIELDS[column])}))
    amount = parse_amount(value, FIELDS[column])
    if column == PLANNED:
        return settle(replace(draft, planned=amount or 0))
    return settle(replace(draft, **{FIELDS[column]: amount}))


class BudgetModel(QAbstractTableModel):
    """The lines of one view; ``save(line_id, draft)`` stores a change and returns the line
    as stored. A refused value leaves the line as it was and is reported through ``refused``."""

    refused = Signal(str)  # the message, in the UI language
    saved = Signal()

    def __init__(
        self, save: Callable[[int, BudgetDraft], BudgetLineRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.lines: list[BudgetLineRow] = []
        self.editable = True

    def set_lines(self, lines: list[BudgetLineRow]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            _("Category"),
            _("Description"),
            _("Planned"),
            _("Actual"),
            _("Planned hours"),
            _("Actual hours"),
            _("Rate per hour"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == CATEGORY:
                return line.category if role == Qt.ItemDataRole.EditRole else line_label(line)
            return cell_text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= PLANNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (PLANNED, ACTUAL) and _computed(line, column):
                return _("Hours × rate: change the hours or the rate.")
            if column in HOURS_COLUMNS and line.category != COORDINATOR_HOURS:
                return _("Hours and a rate are for coordinator hours.")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or not self.editable:
            return flags
        line, column = self.lines[index.row()], index.column()
        if column in HOURS_COLUMNS and line.category != COORDINATOR_HOURS:
            return Qt.ItemFlag.ItemIsSelectable
        if column in (PLANNED, ACTUAL) and _computed(line, column):
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line = self.lines[index.row()]
        text = "" if value is None else str(value)
        if text == str(self.data(index, Qt.ItemDataRole.EditRole) or ""):
            return False  # nothing changed: nothing to save
        try:
            stored = self._save(line.id, edited_draft(line, index.column(), text))
        except MentorappError as error:
            self.refused.emit(error.user_message())
            return False
        self.lines[index.row()] = replace(stored, round_name=line.round_name)
        left, right = self.index(index.row(), 0), self.index(index.row(), 6)
        self.dataChanged.emit(left, right)
        self.saved.emit()
        return True

    def row_with(self, row: int, column: int, text: str) -> BudgetLineRow | None:
        """The line as it would be with ``text`` in a cell, or None while it cannot be read."""
        try:
            draft = edited_draft(self.lines[row], column, text)
        except ValidationError:
            return None
        return self.lines[row].with_draft(draft)


def line_label(line: BudgetLineRow) -> str:
    return category_label(line.category)


def _computed(line: BudgetLineRow, column: int) -> bool:
    hours = line.planned_hours if column == PLANNED else line.actual_hours
    return line.category == COORDINATOR_HOURS and line.rate is not None and hours is not None


def cell_text(line: BudgetLineRow, column: int) -> str:
    if column == DESCRIPTION:
        return line.description
    if column == PLANNED:
        return format_money(line.planned)
    if column == ACTUAL:
        return format_money(line.actual)
    if line.category != COORDINATOR_HOURS:
        return ""
    if column == PLANNED_HOURS:
        return format_hours(line.planned_hours)
    if column == ACTUAL_HOURS:
        return format_hours(line.actual_hours)
    return format_money(line.rate)


class BudgetDelegate(QStyledItemDelegate):
    """A category combo (costs, then incomes) and line editors that tell the panel each key,
    so the totals follow the typing before the cell is saved."""

    typed = Signal(int, int, str)  # row, column, text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_editor: QWidget | None = None

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        if index.column() == CATEGORY:
            combo = QComboBox(parent, objectName="budgetCategoryEditor")
            for kind in (COST, INCOME):
                if combo.count():
                    combo.insertSeparator(combo.count())
                for category in CATEGORIES:
                    if category.kind == kind:
                        combo.addItem(category.label, category.key)
            combo.activated.connect(lambda _index: self.commitData.emit(combo))
            editor: QWidget = combo
        else:
            line = QLineEdit(parent, objectName="budgetCellEditor")
            row, column = index.row(), index.column()
            line.textEdited.connect(lambda text: self.typed.emit(row, column, text))
            editor = line
        self.open_editor = editor
        editor.destroyed.connect(lambda *_args: self._closed(editor))
        return editor

    def _closed(self, editor: QWidget) -> None:
        if self.open_editor is editor:
            self.open_editor = None

    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        self._closed(editor)
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractTableModel,  # type: ignore[override]
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def commit_open_editor(self) -> None:
        """Save what is being typed in a cell (leaving the page, quitting, printing)."""
        if self.open_editor is not None:
            self.commitData.emit(self.open_editor)
