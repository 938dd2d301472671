"""The Resources stage's timeline: the current round's picture, its milestones with dates
that can be moved, and when each checklist item is due (days from its milestone).

Moving a milestone is kept for this round only (``MilestoneDate``); a checklist item's days
are the programme's own rule for every round (``ItemOffset``). Both are announced as
``timeline_changed``, so the checklists and the overview show the new due dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import attempt
from mentorapp.gui.models.timeline_model import (
    D_DAYS,
    D_ITEM,
    D_STAGE,
    M_DATE,
    DueRulesModel,
    MilestonesModel,
)
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.gui.widgets.timeline_view import TimelineView
from mentorapp.i18n import N_, _, current_language
from mentorapp.planning.layout import EMPTY_LAYOUT, timeline_layout

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel

    from mentorapp.planning.timeline import DueItem, TimelineService

Index = QModelIndex | QPersistentModelIndex
LONGEST_ITEM_DAYS = 365  # as TimelineService allows


class DateDelegate(QStyledItemDelegate):
    """A date field with a calendar for the milestone's date."""

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        editor = QDateEdit(parent, calendarPopup=True, objectName="milestoneDateEdit")
        editor.setAccessibleName(_("Date"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit) and value is not None:
            editor.setDate(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)


class DaysDelegate(QStyledItemDelegate):
    """Whole days before (negative) or after the milestone."""

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        editor = QSpinBox(parent, objectName="itemDaysEdit")
        editor.setRange(-LONGEST_ITEM_DAYS, LONGEST_ITEM_DAYS)
        editor.setAccessibleName(_("Days from the milestone"))
        editor.setToolTip(_("Negative: before the milestone; positive: after it."))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox) and isinstance(value, int):
            editor.setValue(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


def _table(name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return table


@stage_tool("resources", title=N_("Timeline"))
class TimelinePanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.intro = QLabel(wordWrap=True, objectName="timelineIntro")
        self.view = TimelineView()
        self.milestones = MilestonesModel(self.move, self)
        self.milestone_table = _table("milestonesTable")
        self.milestone_table.setModel(self.milestones)
        self.milestone_table.setItemDelegateForColumn(M_DATE, DateDelegate(self))
        self.milestone_table.customContextMenuRequested.connect(self._milestone_menu)
        self.milestone_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.reset_button = QPushButton(objectName="resetMilestoneButton")
        self.reset_button.clicked.connect(self.reset_current)
        self.keep_button = QPushButton(objectName="keepMilestoneButton")
        self.keep_button.clicked.connect(self.keep_current)
        self.due = DueRulesModel(self.set_item_days, self)
        self.due_table = _table("dueRulesTable")
        self.due_table.setModel(self.due)
        self.due_table.setItemDelegateForColumn(D_DAYS, DaysDelegate(self))
        self.due_table.customContextMenuRequested.connect(self._due_menu)
        self.due_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.due_reset_button = QPushButton(objectName="resetItemDaysButton")
        self.due_reset_button.clicked.connect(self.reset_current_item)
        self.milestones_title = QLabel(objectName="milestonesTitle")
        self.due_title = QLabel(objectName="dueRulesTitle")
        for header in (self.milestone_table.horizontalHeader(), self.due_table.horizontalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
        due_header = self.due_table.horizontalHeader()
        due_header.setSectionResizeMode(D_STAGE, QHeaderView.ResizeMode.Interactive)
        due_header.resizeSection(D_STAGE, 190)
        due_header.setSectionResizeMode(D_ITEM, QHeaderView.ResizeMode.Stretch)
        due_header.setStretchLastSection(False)
        self.due_table.setWordWrap(False)
        self.due_table.setTextElideMode(Qt.TextElideMode.ElideRight)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.milestones_title)
        left_layout.addWidget(self.milestone_table, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addStretch(1)
        left_buttons.addWidget(self.keep_button)
        left_buttons.addWidget(self.reset_button)
        left_layout.addLayout(left_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.due_title)
        right_layout.addWidget(self.due_table, 1)
        right_buttons = QHBoxLayout()
        right_buttons.addStretch(1)
        right_buttons.addWidget(self.due_reset_button)
        right_layout.addLayout(right_buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="timelineSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addWidget(splitter, 1)
        events = context.events
        events.timeline_changed.connect(self._changed)
        events.checklist_changed.connect(self._changed)

    def _changed(self, *_where: object) -> None:
        if page_on_screen(self):
            self.refresh()

    # -- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.milestones_title.setText(_("Milestones of the round"))
        self.due_title.setText(_("Checklist due dates"))
        self.milestone_table.setAccessibleName(_("Milestones of the round"))
        self.due_table.setAccessibleName(_("Checklist due dates"))
        self.reset_button.setText(_("&Back to the default"))
        self.reset_button.setToolTip(_("Put the selected milestone back on its usual date."))
        self.keep_button.setText(_("Use in &every round"))
        self.keep_button.setToolTip(
            _(
                "Make the selected milestone's timing in this round (days from what it "
                "hangs on) the programme's own, for every round."
            )
        )
        self.due_reset_button.setText(_("Use the guide's &days"))
        self.due_reset_button.setToolTip(
            _("Let the selected item be due as the organiser's guide suggests.")
        )
        self.view.retranslate_ui()
        self.milestones.retranslate()
        self.due.retranslate()
        self.refresh()

    # -- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        services, cohort, scope = self.context.services, self.context.cohort, self.context.scope
        if services is None or cohort is None or cohort.id is None or scope is None:
            self.milestones.set_rows([])
            self.due.set_rows([])
            self.view.set_layout(EMPTY_LAYOUT)
            self.intro.setText(_("Create a round to see its timeline."))
            self._update_buttons()
            return
        selected = self._selected_keys()
        milestones = services.timeline.milestones(cohort.id)
        self.milestones.set_rows(milestones)
        self.due.set_rows(services.timeline.due_items(scope, current_language()))
        self.view.set_layout(timeline_layout(milestones, date.today()))
        self.intro.setText(
            _(
                "The timeline of {round}, from the start of planning to the six-month "
                "follow-up. Double-click a date to move a milestone in this round; the "
                "checklist items due from it move with it. The days of an item apply to "
                "every round."
            ).format(round=cohort.name)
        )
        self._select_keys(selected)
        self._update_buttons()

    def _selected_keys(self) -> tuple[str | None, tuple[str, str] | None]:
        milestone = self.milestones.row_at(self.milestone_table.currentIndex().row())
        item = self.due.row_at(self.due_table.currentIndex().row())
        return (milestone.key if milestone else None, (item.stage, item.item) if item else None)

    def _select_keys(self, keys: tuple[str | None, tuple[str, str] | None]) -> None:
        milestone, item = keys
        if milestone is not None and (row := self.milestones.row_of(milestone)) >= 0:
            self.milestone_table.setCurrentIndex(self.milestones.index(row, M_DATE))
        if item is not None and (row := self.due.row_of(*item)) >= 0:
            self.due_table.setCurrentIndex(self.due.index(row, D_DAYS))

    def _update_buttons(self, *_args: object) -> None:
        milestone = self.milestones.row_at(self.milestone_table.currentIndex().row())
        item = self.due.row_at(self.due_table.currentIndex().row())
        writable = not self.context.read_only
        self.reset_button.setEnabled(bool(milestone and milestone.moved and writable))
        self.keep_button.setEnabled(bool(milestone and milestone.moved and writable))
        self.due_reset_button.setEnabled(bool(item and item.own_offset and writable))
        triggers = (
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            if writable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for table in (self.milestone_table, self.due_table):
            table.setEditTriggers(triggers)

    # -- writes ---------------------------------------------------------------------------
    def _round_write(self, job: Callable[[TimelineService, int], object]) -> None:
        """Run ``job(timeline, round id)`` on the current round; refresh and announce it."""
        services, cohort = self.context.services, self.context.cohort
        if services is None or cohort is None or cohort.id is None:
            return
        cohort_id = cohort.id
        if attempt(self, lambda: job(services.timeline, cohort_id)):
            self._after_write(cohort_id)

    def _programme_write(self, job: Callable[[TimelineService, int], object]) -> None:
        """Run ``job(timeline, programme id)``: a rule for every round of the programme."""
        services, programme, cohort = (
            self.context.services,
            self.context.programme,
            self.context.cohort,
        )
        if services is None or programme is None or programme.id is None:
            return
        programme_id = programme.id
        if attempt(self, lambda: job(services.timeline, programme_id)):
            self._after_write(cohort.id if cohort and cohort.id else 0)

    def move(self, key: str, on: date) -> None:
        """Move one milestone of the current round (the date column's edit)."""
        self._round_write(lambda timeline, cohort_id: timeline.move(cohort_id, key, on))

    def reset(self, key: str) -> None:
        self._round_write(lambda timeline, cohort_id: timeline.reset(cohort_id, key))

    def keep(self, key: str) -> None:
        """This round's timing of a moved milestone becomes the programme's default."""
        self._round_write(
            lambda timeline, cohort_id: timeline.keep_for_every_round(cohort_id, key)
        )

    def use_the_guides_timing(self, key: str) -> None:
        self._programme_write(
            lambda timeline, programme_id: timeline.set_default_offset(programme_id, key, None)
        )

    def keep_current(self) -> None:
        milestone = self.milestones.row_at(self.milestone_table.currentIndex().row())
        if milestone is not None:
            self.keep(milestone.key)

    def reset_current(self) -> None:
        milestone = self.milestones.row_at(self.milestone_table.currentIndex().row())
        if milestone is not None:
            self.reset(milestone.key)

    def set_item_days(self, item: DueItem, days: int | None) -> None:
        """The programme's own days from the item's milestone; None: the guide's again."""
        self._programme_write(
            lambda timeline, programme_id: timeline.set_item_offset(
                programme_id, item.stage, item.item, days
            )
        )

    def reset_current_item(self) -> None:
        item = self.due.row_at(self.due_table.currentIndex().row())
        if item is not None:
            self.set_item_days(item, None)

    def _after_write(self, cohort_id: int) -> None:
        self.refresh()
        self.context.events.timeline_changed.emit(cohort_id)

    # -- menus ----------------------------------------------------------------------------
    def _milestone_menu(self, point: QPoint) -> None:
        milestone = self.milestones.row_at(self.milestone_table.indexAt(point).row())
        if milestone is None:
            return
        menu = QMenu(self)
        edit = QAction(_("Move…"), menu)
        edit.triggered.connect(
            lambda: self.milestone_table.edit(
                self.milestones.index(self.milestones.row_of(milestone.key), M_DATE)
            )
        )
        writable = not self.context.read_only
        back = QAction(_("Back to the default"), menu)
        back.setEnabled(milestone.moved and writable)
        back.triggered.connect(lambda: self.reset(milestone.key))
        keep = QAction(_("Use this timing in every round"), menu)
        keep.setEnabled(milestone.moved and writable)
        keep.triggered.connect(lambda: self.keep(milestone.key))
        guide = QAction(_("Use the guide's timing in every round"), menu)
        programme = self.context.programme
        services = self.context.services
        own = (
            services.timeline.own_defaults(programme.id)
            if services is not None and programme is not None and programme.id is not None
            else set()
        )
        guide.setEnabled(milestone.key in own and writable)
        guide.triggered.connect(lambda: self.use_the_guides_timing(milestone.key))
        menu.addActions([edit, back, keep, guide])
        menu.popup(self.milestone_table.viewport().mapToGlobal(point))

    def _due_menu(self, point: QPoint) -> None:
        item = self.due.row_at(self.due_table.indexAt(point).row())
        if item is None:
            return
        menu = QMenu(self)
        back = QAction(_("Use the guide's days"), menu)
        back.setEnabled(item.own_offset and not self.context.read_only)
        back.triggered.connect(lambda: self.set_item_days(item, None))
        menu.addAction(back)
        menu.popup(self.due_table.viewport().mapToGlobal(point))
