"""The read-only tables an import dialog shows its dry run in (rows found, row problems)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView


def result_table(name: str, accessible: str) -> tuple[QTableView, QStandardItemModel]:
    """A row-selecting, word-wrapping table that cannot be edited, and its model."""
    model = QStandardItemModel()
    view = QTableView(objectName=name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(True)
    view.setAccessibleName(accessible)
    return view, model


def number_item(value: int) -> QStandardItem:
    """A number, right-aligned as numbers are in a table."""
    item = QStandardItem(str(value))
    item.setData(
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        Qt.ItemDataRole.TextAlignmentRole,
    )
    return item
