"""A stage's checklist as a table: item (with its tick box), due date, date done, note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mentorapp.guide.checklist import ChecklistRow
from mentorapp.i18n import _, format_date

Index = QModelIndex | QPersistentModelIndex
ITEM, DUE, DONE_ON, NOTE = range(4)


class ChecklistModel(QAbstractTableModel):
    """Rows come from GuideService; ticking calls ``toggle`` and renaming an own item calls
    ``rename``, so the database stays the truth."""

    def __init__(
        self, toggle: Callable[[int, bool], None], rename: Callable[[int, str], None]
    ) -> None:
        super().__init__()
        self._rows: list[ChecklistRow] = []
        self._due: dict[str, date] = {}
        self._shown_done: dict[str, str] = {}
        self._toggle = toggle
        self._rename = rename

    def set_rows(
        self,
        rows: list[ChecklistRow],
        due: dict[str, date] | None = None,
        shown_done: dict[str, str] | None = None,
    ) -> None:
        """``due``: built-in item key → due date in the round shown (TimelineService);
        ``shown_done``: item key → why the file shows it done without a tick (StandingService).
        """
        self.beginResetModel()
        self._rows = list(rows)
        self._due = dict(due or {})
        self._shown_done = dict(shown_done or {})
        self.endResetModel()

    def done_by_the_work(self, row: int) -> str:
        """Why the file shows this unticked item done ("" when it does not)."""
        item = self.row_at(row)
        if item is None or item.done or not item.builtin_key:
            return ""
        return self._shown_done.get(item.builtin_key, "")

    def due_on(self, row: int) -> date | None:
        item = self.row_at(row)
        return self._due.get(item.builtin_key) if item and item.builtin_key else None

    def row_at(self, row: int) -> ChecklistRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("To do"), _("Due"), _("Done on"), _("Note"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row())
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == ITEM:
            return item.text
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ITEM:
                return item.text
            if column == DUE:
                return format_date(self.due_on(index.row()))
            if column == DONE_ON:
                if self.done_by_the_work(index.row()):
                    return _("Shown by the file")
                return format_date(item.done_on) if item.done else ""
            return item.note.splitlines()[0] if item.note else ""
        shown = self.done_by_the_work(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and column == ITEM:
            return Qt.CheckState.Checked if item.done or shown else Qt.CheckState.Unchecked
        overdue = self._overdue(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DUE and self.due_on(index.row()):
                return _("Overdue") if overdue else _("Due from the round's timeline")
            if shown and column in (ITEM, DONE_ON):
                return shown
            if item.own and column == ITEM:
                return item.text + "\n" + _("Double-click or press F2 to change the wording.")
            return item.hint or item.text
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == ITEM:
            return _("done") if item.done or shown else _("not done")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == DUE and overdue:
            return _("Overdue")
        if role == Qt.ItemDataRole.FontRole and column == ITEM and item.own:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.FontRole and column == DUE and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _overdue(self, row: int) -> bool:
        item, due = self.row_at(row), self.due_on(row)
        done = item is not None and (item.done or bool(self.done_by_the_work(row)))
        return bool(item and not done and due and due < date.today())

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ITEM:
            if not self.done_by_the_work(index.row()):  # the work, not a tick, says so
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item = self.row_at(index.row())
            if item is not None and item.own:
                flags |= Qt.ItemFlag.ItemIsEditable  # only the coordinator's own wording
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != ITEM:
            return False
        if role == Qt.ItemDataRole.EditRole:
            item = self.row_at(index.row())
            if item is None or not item.own or str(value) == item.text:
                return False
            self._rename(index.row(), str(value))
            return True
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self._toggle(index.row(), done)
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
