"""Labels with the app's typographic roles, sized relative to the system font (scales with DPI)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


def heading(level: int = 1, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * {1: 1.6, 2: 1.25, 3: 1.05}[level])
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def body(parent: QWidget | None = None, selectable: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
