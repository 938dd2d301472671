"""The gatherings panel's two tables: the round's gatherings, and the selected one's guest
list with a tick for "invited" and one for "came".

A tick calls back into the panel, which writes through ``GatheringService`` and reloads, so
the database stays the truth; a refused write changes nothing shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mentorapp.domain.enums import role_label
from mentorapp.i18n import _, format_date, format_number, format_time

if TYPE_CHECKING:
    from mentorapp.running.gatherings import GatheringRow, GuestRow  # loads SQLAlchemy

Index = QModelIndex | QPersistentModelIndex
G_WHEN, G_TITLE, G_PLACE, G_INVITED, G_CAME = range(5)
P_NAME, P_ROLE, P_INVITED, P_CAME = range(4)
FILTERS = ("all", "adept", "mentor", "invited")


def when_text(row: GatheringRow) -> str:
    """The date, and the start time unless it lasts the whole day."""
    day = format_date(row.starts_at.date())
    return day if row.all_day else f"{day} {format_time(row.starts_at)}"


class GatheringsModel(QAbstractTableModel):
    """One row per gathering: when, what, where, and how many were invited and came."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GatheringRow] = []

    def set_rows(self, rows: list[GatheringRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[GatheringRow]:
        return list(self._rows)

    def row_at(self, row: int) -> GatheringRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, gathering_id: int) -> int:
        return next((n for n, g in enumerate(self._rows) if g.id == gathering_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("When"), _("Gathering"), _("Place or link"), _("Invited"), _("Came"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == G_WHEN:
                return when_text(row)
            if column == G_TITLE:
                return (
                    _("{title} (cancelled)").format(title=row.title) if row.cancelled else row.title
                )
            if column == G_PLACE:
                return row.place
            return format_number(row.invited if column == G_INVITED else row.attended)
        if role == Qt.ItemDataRole.FontRole and row.cancelled:
            font = QFont()
            font.setStrikeOut(column == G_TITLE)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (G_INVITED, G_CAME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row.description:
            return row.description
        return None


class GuestsModel(QAbstractTableModel):
    """The guest list of one gathering; the two tick columns write through ``tick``."""

    def __init__(
        self, tick: Callable[[int, str, bool], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._all: list[GuestRow] = []
        self._rows: list[GuestRow] = []
        self._tick = tick
        self._filter = "all"
        self.editable = True

    def set_rows(self, rows: list[GuestRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._shown()
        self.endResetModel()

    def set_filter(self, key: str) -> None:
        self.beginResetModel()
        self._filter = key if key in FILTERS else "all"
        self._rows = self._shown()
        self.endResetModel()

    def _shown(self) -> list[GuestRow]:
        if self._filter == "invited":
            return [g for g in self._all if g.invited]
        if self._filter in ("adept", "mentor"):
            return [g for g in self._all if g.role == self._filter]
        return list(self._all)

    def shown(self) -> list[GuestRow]:
        return list(self._rows)

    def row_of(self, enrolment_id: int) -> int:
        return next((n for n, g in enumerate(self._rows) if g.enrolment_id == enrolment_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Name"), _("Role"), _("Invited"), _("Came"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (P_INVITED, P_CAME) and self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self._rows):
            return None
        guest, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == P_NAME:
                return guest.name
            if column == P_ROLE:
                return role_label(guest.role)
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column in (P_INVITED, P_CAME):
            ticked = guest.invited if column == P_INVITED else guest.attended
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole and column in (P_INVITED, P_CAME):
            what = _("Invited") if column == P_INVITED else _("Came")
            ticked = guest.invited if column == P_INVITED else guest.attended
            answer = _("yes") if ticked else _("no")
            return f"{guest.name}: {what} – {answer}"
        if role == Qt.ItemDataRole.ToolTipRole and column == P_NAME:
            return guest.email
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() not in (P_INVITED, P_CAME):
            return False
        if not self.editable or not 0 <= index.row() < len(self._rows):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        guest = self._rows[index.row()]
        self._tick(
            guest.enrolment_id, "invited" if index.column() == P_INVITED else "came", checked
        )
        return True
