"""The mouse wheel scrolls forms; it changes a value only in the field the user is in.

Qt lets a combo box, spin box, date field or slider take every wheel event that passes over
it, so scrolling a long form could silently change an industry or a number of years, which
was then saved with the rest. One filter on the application covers every window and dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSlider,
    QWidget,
)

# QAbstractSpinBox covers QSpinBox, QDoubleSpinBox, QDateEdit, QTimeEdit and QDateTimeEdit.
# Scroll bars are sliders too but are left alone: scrolling them is what the wheel is for.
GUARDED = (QComboBox, QAbstractSpinBox, QSlider)
NAME = "mentorappWheelGuard"


class WheelGuard(QObject):
    """Passes the wheel over an unfocused value field on to its parent, so the form scrolls."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Wheel, QEvent.Type.Polish):
            return False
        if not isinstance(watched, GUARDED):
            return False
        if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # Otherwise the wheel first gives it the focus and then the value changes anyway.
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if kind == QEvent.Type.Polish or _has_focus(watched):
            return False
        area = _scroll_area_around(watched)
        if area is None:
            # Filtered but not accepted: QApplication offers it to the parent widget instead.
            event.ignore()
            return True
        # Handed to the scroll area directly: Qt passes only a real wheel on to parents, and
        # this way the form scrolls the same for every wheel event.
        viewport = area.viewport()
        at = QPointF(watched.mapTo(viewport, event.position().toPoint()))
        forwarded = QWheelEvent(
            at,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scrolling view (form, table, list) the widget sits in, within its window."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


def _has_focus(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard once per application (tests build many windows in one)."""
    existing = app.findChild(WheelGuard, NAME)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    guard.setObjectName(NAME)
    app.installEventFilter(guard)
    return guard
