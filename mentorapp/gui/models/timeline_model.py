"""The timeline panel's two tables: a round's milestones (dates editable) and the checklist's
due date rules (days from a milestone, editable).

Edits call back into the panel, which writes through ``TimelineService`` and reloads, so the
database stays the truth; a refused edit changes nothing shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from mentorapp.guide.stages import stage as stage_of
from mentorapp.i18n import _, format_date, format_number, ngettext
from mentorapp.planning.milestones import Milestone, milestone_label

if TYPE_CHECKING:
    from mentorapp.planning.timeline import DueItem  # the service module loads SQLAlchemy

Index = QModelIndex | QPersistentModelIndex
M_NAME, M_DATE, M_UNTIL, M_STATE = range(4)
D_STAGE, D_ITEM, D_MILESTONE, D_DAYS, D_DUE = range(5)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def days_text(days: int) -> str:
    """ "5 days before", "on the day", "2 days after", in the UI language."""
    if days == 0:
        return _("on the day")
    if days < 0:
        return ngettext("{days} day before", "{days} days before", -days).format(
            days=format_number(-days)
        )
    return ngettext("{days} day after", "{days} days after", days).format(days=format_number(days))


class MilestonesModel(QAbstractTableModel):
    """One row per milestone: its name, its date (editable), a window's last day, and
    whether it was moved by hand."""

    def __init__(self, move: Callable[[str, date], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Milestone] = []
        self._move = move

    def set_rows(self, rows: list[Milestone]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Milestone | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return next((n for n, m in enumerate(self._rows) if m.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Milestone"), _("Date"), _("Until"), _("Date is"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        milestone = self.row_at(index.row())
        if milestone is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == M_DATE:
            return to_qdate(milestone.on)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == M_NAME:
                return milestone.label
            if column == M_DATE:
                return format_date(milestone.on)
            if column == M_UNTIL:
                return format_date(milestone.until)
            return _("moved by hand") if milestone.moved else _("the default")
        if role == Qt.ItemDataRole.ToolTipRole and column == M_DATE:
            return _("Double-click to move this milestone in this round.")
        if role == Qt.ItemDataRole.FontRole and milestone.moved and column in (M_DATE, M_STATE):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == M_DATE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        milestone = self.row_at(index.row())
        if milestone is None or index.column() != M_DATE or role != Qt.ItemDataRole.EditRole:
            return False
        chosen = from_qdate(value) if isinstance(value, QDate) else value
        if not isinstance(chosen, date) or chosen == milestone.on:
            return False
        self._move(milestone.key, chosen)
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 3))


class DueRulesModel(QAbstractTableModel):
    """One row per built-in checklist item: its stage, text, milestone, days from it
    (editable) and the due date in the round shown."""

    def __init__(
        self, set_days: Callable[[DueItem, int], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[DueItem] = []
        self._set_days = set_days

    def set_rows(self, rows: list[DueItem]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DueItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, stage: str, item: str) -> int:
        return next((n for n, d in enumerate(self._rows) if (d.stage, d.item) == (stage, item)), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Stage"), _("Item"), _("From milestone"), _("Days"), _("Due"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row())
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.EditRole and column == D_DAYS:
            return item.offset
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == D_STAGE:
                return stage_of(item.stage).title
            if column == D_ITEM:
                return ("✓ " if item.done else "") + item.text
            if column == D_MILESTONE:
                return milestone_label(item.milestone) if item.milestone else ""
            if column == D_DAYS:
                return days_text(item.offset)
            return format_date(item.due)
        if role == Qt.ItemDataRole.ToolTipRole and column == D_DAYS:
            return _(
                "Double-click to change how many days before or after the milestone "
                "this item is due, for every round."
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == D_ITEM:
            return _("done") if item.done else _("not done")
        if role == Qt.ItemDataRole.FontRole and item.own_offset and column == D_DAYS:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == D_DAYS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.row_at(index.row())
        if item is None or index.column() != D_DAYS or role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, bool) or not isinstance(value, int) or value == item.offset:
            return False
        self._set_days(item, value)
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 4))
