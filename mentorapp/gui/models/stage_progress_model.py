"""Progress per stage, for the overview's table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mentorapp.guide.checklist import StageProgress
from mentorapp.i18n import _, format_percent

Index = QModelIndex | QPersistentModelIndex
STAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class StageProgressModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[StageProgress] = []

    def set_progress(self, rows: list[StageProgress] | tuple[StageProgress, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Stage"), _("Done"), _("Share"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self._rows):
            return None
        progress = self._rows[index.row()]
        if role == STAGE_KEY_ROLE:
            return progress.stage.key
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return f"{index.row() + 1}. {progress.stage.title}"
        if not progress.available:
            return _("needs a round") if index.column() == 1 else ""
        if index.column() == 1:
            return f"{progress.done} / {progress.total}"
        return format_percent(progress.share)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))
