"""The outcomes panel's table: one row per recorded job, internship or studies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mentorapp.gui.dialogs.outcome_dialog import IN_FIELD, KINDS, THROUGH, label_of
from mentorapp.i18n import _, format_date

if TYPE_CHECKING:
    from mentorapp.impact.outcomes import OutcomeRow  # loads SQLAlchemy

Index = QModelIndex | QPersistentModelIndex
O_ADEPT, O_KIND, O_FROM, O_FIELD, O_THROUGH, O_NOTE = range(6)


class OutcomesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OutcomeRow] = []

    def set_rows(self, rows: list[OutcomeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[OutcomeRow]:
        return list(self._rows)

    def row_at(self, row: int) -> OutcomeRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, outcome_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == outcome_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            _("Adept"),
            _("What"),
            _("From"),
            _("In own field"),
            _("Through the programme"),
            _("Note"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name,
                label_of(KINDS, row.kind),
                format_date(row.started_on),
                label_of(IN_FIELD, row.in_field),
                label_of(THROUGH, row.through_programme),
                row.note,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == O_ADEPT:
                return row.email
            if column == O_FROM:
                return _("Recorded on {date}").format(date=format_date(row.recorded_on))
            if column == O_NOTE and row.note:
                return row.note
        return None
