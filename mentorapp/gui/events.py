"""One object whose coarse, domain-named signals tell every view what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    language_changed = Signal(str)
    programme_changed = Signal()
    cohorts_changed = Signal()
    current_cohort_changed = Signal()
    checklist_changed = Signal(str)
    participants_changed = Signal()
    groups_changed = Signal()
    workbooks_written = Signal(int)
    stage_requested = Signal(str)
    new_round_requested = Signal()
    edit_programme_requested = Signal()
    help_requested = Signal(str)
