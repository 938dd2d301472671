"""The Running period's main tool: every accepted group of the round with its pair health,
the selected group's meetings, and the coordinator's jobs on them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import attempt, guarded
from mentorapp.gui.models.running_model import (
    ADEPTS,
    FILTERS,
    GROUP_ID_ROLE,
    HEALTH,
    MENTOR,
    REASON,
    RunningModel,
    RunningProxy,
    filter_label,
    health_counts_text,
)
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.gui.widgets.group_meetings_panel import GroupMeetingsPanel, next_meeting_number
from mentorapp.gui.widgets.text import body
from mentorapp.i18n import N_, _
from mentorapp.running.health import Health

if TYPE_CHECKING:
    from mentorapp.running.board import GroupHealth

BOARD, EMPTY = range(2)
NAME_CHARACTERS = 24  # the widest the names' columns get, in average characters
REASON_CHARACTERS = 20  # the least room the reason keeps before the names are narrowed
NAME_MINIMUM = 12  # the narrowest the names' columns get, in average characters
FITTED_ROWS = 50  # the rows a column is fitted to (all 1,000 would take 40 ms)


@stage_tool("running", title=N_("Pairs"))
class RunningBoard(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runningBoard")
        self.context = context
        self._announcing = False
        self._build()
        events = context.events
        for signal in (events.meetings_changed, events.groups_changed, events.timeline_changed):
            signal.connect(self._changed_elsewhere)
        events.participants_changed.connect(self._changed_elsewhere)
        events.workspace_changed.connect(lambda: self._changed_elsewhere(None))

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.quick_button = QPushButton(objectName="quickEntryButton")
        self.quick_button.clicked.connect(self.quick_entry)
        self.import_button = QPushButton(objectName="importCheckinsButton")
        self.import_button.clicked.connect(self.import_checkins)
        self.reminder_button = QPushButton(objectName="draftReminderButton")
        self.reminder_button.clicked.connect(self.draft_reminder)
        self.round_calendar_button = QPushButton(objectName="roundCalendarButton")
        self.round_calendar_button.clicked.connect(self.save_round_calendar)
        self.rules_button = QPushButton(objectName="healthRulesButton")
        self.rules_button.clicked.connect(self.edit_rules)
        toolbar = QHBoxLayout()
        for button in (self.quick_button, self.import_button, self.reminder_button):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.round_calendar_button)
        toolbar.addWidget(self.rules_button)

        self.counts = body()
        self.counts.setObjectName("runningCounts")
        self.notice = QLabel(objectName="endedNotice", wordWrap=True)
        self.notice_button = QPushButton(objectName="noticeMatchingButton")
        self.notice_button.clicked.connect(self.go_to_matching)
        self.notice_box = QWidget()
        notice_row = QHBoxLayout(self.notice_box)
        notice_row.setContentsMargins(0, 0, 0, 0)
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.notice_button)
        self.notice_box.setVisible(False)

        self.filter_label, self.search_label = QLabel(), QLabel()
        self.health_filter = QComboBox(objectName="healthFilter")
        self.health_filter.currentIndexChanged.connect(self._filter)
        self.search = QLineEdit(objectName="runningSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.filter_label.setBuddy(self.health_filter)
        self.search_label.setBuddy(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.health_filter)
        filters.addSpacing(12)
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 1)

        self.model = RunningModel(self)
        self.proxy = RunningProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(objectName="runningTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(HEALTH, Qt.SortOrder.AscendingOrder)  # the most urgent first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setResizeContentsPrecision(FITTED_ROWS)
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.view.doubleClicked.connect(lambda _index: self.record_meeting(next_due=True))

        self.details = GroupMeetingsPanel()
        self.details.record_button.clicked.connect(self.record_meeting)
        self.details.contacted_button.clicked.connect(self.toggle_contacted)
        self.details.end_button.clicked.connect(self.end_group)
        self.details.calendar_button.clicked.connect(self.save_group_calendar)
        self.details.view.doubleClicked.connect(lambda _index: self.record_meeting())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 260])

        board = QWidget()
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.addLayout(toolbar)
        board_layout.addWidget(self.counts)
        board_layout.addWidget(self.notice_box)
        board_layout.addLayout(filters)
        board_layout.addWidget(splitter, 1)

        self.empty_label = body()
        self.empty_label.setObjectName("runningEmpty")
        self.empty_button = QPushButton(objectName="emptyMatchingButton")
        self.empty_button.clicked.connect(self.go_to_matching)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(board)
        self.stack.addWidget(empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def retranslate_ui(self) -> None:
        self.quick_button.setText(_("&Quick entry…"))
        self.import_button.setText(_("&Import check-ins…"))
        self.reminder_button.setText(_("Draft a re&minder…"))
        self.round_calendar_button.setText(_("Save ca&lendar…"))
        self.round_calendar_button.setToolTip(_("Every meeting of the round, for your calendar"))
        self.rules_button.setText(_("Health r&ules…"))
        self.filter_label.setText(_("Sh&ow:"))
        self.search_label.setText(_("&Search:"))
        self.search.setPlaceholderText(_("Name or e-mail"))
        self.search.setAccessibleName(_("Search the groups by name or e-mail"))
        self.health_filter.setAccessibleName(_("Show the groups in one state"))
        chosen = self.health_filter.currentData()
        self.health_filter.blockSignals(True)
        self.health_filter.clear()
        for key in FILTERS:
            self.health_filter.addItem(filter_label(key), key)
        self.health_filter.setCurrentIndex(max(0, self.health_filter.findData(chosen)))
        self.health_filter.blockSignals(False)
        self.view.setAccessibleName(_("The round's groups and their health"))
        self.notice_button.setText(_("Go &to Matching"))
        self.empty_button.setText(_("Go &to Matching"))
        self.empty_label.setText(
            _("No accepted groups yet: match the round in the Matching stage.")
        )
        self.details.retranslate_ui()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._size_columns)  # once laid out, the view knows its width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.view.palette())
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the round's groups and their health again, keeping the selected group."""
        services, cohort = self.context.services, self.context.cohort
        kept = self.selected_group_id()
        items: list[GroupHealth] = []
        if services is not None and cohort is not None and cohort.id is not None:
            items = guarded(self, lambda: services.running.groups(cohort.id)) or []
        self.model.set_groups(items, date.today())
        self._size_columns()
        self.stack.setCurrentIndex(BOARD if items else EMPTY)
        self.setEnabled(services is not None and cohort is not None)
        self._show_counts(items)
        writable = not self.context.read_only
        for button in (self.quick_button, self.import_button, self.rules_button):
            button.setEnabled(writable)
        self.select_group(kept)
        self._selected()

    def _size_columns(self) -> None:
        """Fit the columns to their texts (measured on the first rows only). The health and
        the next meeting are what a coordinator scans, so they keep their whole text; where
        the screen is narrow the reason takes the cut (it shows whole below and as a
        tooltip), and only then the names do."""
        character = self.fontMetrics().averageCharWidth()
        self.view.resizeColumnsToContents()
        widths = [self.view.columnWidth(column) for column in range(REASON)]
        for column in (MENTOR, ADEPTS):
            widths[column] = min(widths[column], character * NAME_CHARACTERS)
        room = self.view.viewport().width() - character * REASON_CHARACTERS
        if self.view.isVisible() and 0 < room < sum(widths):
            names = widths[MENTOR] + widths[ADEPTS]
            left = max(room - (sum(widths) - names), character * 2 * NAME_MINIMUM)
            if left < names:
                share = left / names
                for column in (MENTOR, ADEPTS):
                    widths[column] = max(int(widths[column] * share), character * NAME_MINIMUM)
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)

    def _show_counts(self, items: list[GroupHealth]) -> None:
        found = {health: 0 for health in Health}
        for item in items:
            found[item.health] += 1
        self.counts.setText(health_counts_text(found, " · "))

    def _filter(self) -> None:
        self.proxy.set_health_filter(self.health_filter.currentData() or "")
        self.proxy.set_search(self.search.text())
        self._selected()

    def _changed_elsewhere(self, cohort_id: int | None) -> None:
        cohort = self.context.cohort
        if self._announcing or not page_on_screen(self) or cohort is None:
            return
        if cohort_id is None or cohort_id == cohort.id:
            self.refresh()

    def _written(self, group_id: int | None, members_left: bool = False) -> None:
        """Show the change, then tell the other views (the overview, reminders; the matching
        board when adepts left a group)."""
        self.refresh()
        self.select_group(group_id)
        cohort = self.context.cohort
        if cohort is None or cohort.id is None:
            return
        self._announcing = True
        try:
            self.context.events.meetings_changed.emit(cohort.id)
            if members_left:
                self.context.events.groups_changed.emit(cohort.id)
        finally:
            self._announcing = False

    # -- the selected group ----------------------------------------------------------------
    def selected(self) -> GroupHealth | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.item_at(self.proxy.mapToSource(index).row())

    def selected_group_id(self) -> int | None:
        item = self.selected()
        return item.group.id if item is not None else None

    def select_group(self, group_id: int | None) -> None:
        row = self.model.row_of(group_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        else:
            self.view.setCurrentIndex(QModelIndex())

    def visible_group_ids(self) -> list[int]:
        """The groups the filter and search let through, in the order shown."""
        return [
            self.proxy.index(row, 0).data(GROUP_ID_ROLE) for row in range(self.proxy.rowCount())
        ]

    def _selected(self, *_args: object) -> None:
        self.details.show_group(self.selected(), writable=not self.context.read_only)

    # -- jobs on a group -------------------------------------------------------------------
    def record_meeting(self, next_due: bool = False) -> None:
        """Record the meeting selected below, or (``next_due``, a double-click on a group) the
        group's next meeting due."""
        from mentorapp.gui.dialogs.meeting_dialog import MeetingDialog

        item, services = self.selected(), self.context.services
        if item is None or services is None or not self.details.record_button.isEnabled():
            return
        number = next_meeting_number(item) if next_due else self.details.next_number()
        if MeetingDialog.ask(self, services, item.group, number):
            self._written(item.group.id)

    def toggle_contacted(self) -> None:
        item, services = self.selected(), self.context.services
        if item is None or services is None or self.context.read_only:
            return
        on = None if item.group.contacted_on is not None else date.today()
        if attempt(self, lambda: services.running.mark_contacted(item.group.id, on)):
            self._written(item.group.id)

    def end_group(self) -> None:
        from mentorapp.gui.dialogs.end_group_dialog import EndGroupDialog

        item, services = self.selected(), self.context.services
        if item is None or services is None or self.context.read_only:
            return
        if not EndGroupDialog.ask(self, services, item.group):
            return
        self.notice.setText(
            _(
                "The group of {mentor} has ended. Its adepts can get a new mentor in the "
                "Matching stage."
            ).format(mentor=item.group.mentor.name)
        )
        self.notice_box.setVisible(True)
        self._written(item.group.id, members_left=True)

    def go_to_matching(self) -> None:
        self.notice_box.setVisible(False)
        self.context.events.stage_requested.emit("matching")

    def edit_rules(self) -> None:
        from mentorapp.gui.dialogs.health_rules_dialog import HealthRulesDialog

        services, programme = self.context.services, self.context.programme
        if services is None or programme is None or programme.id is None:
            return
        if HealthRulesDialog.ask(self, services, programme.id):
            self._written(self.selected_group_id())

    # -- the round's jobs (dialogs of their own) -------------------------------------------
    def _cohort_id(self) -> int | None:
        cohort = self.context.cohort
        return cohort.id if cohort is not None and self.context.services is not None else None

    def quick_entry(self) -> None:
        from mentorapp.gui.dialogs.quick_meetings_dialog import QuickMeetingsDialog

        cohort_id = self._cohort_id()
        if cohort_id is not None and not self.context.read_only:
            QuickMeetingsDialog(self.context, cohort_id, parent=self).exec()
            self.refresh()

    def import_checkins(self) -> None:
        from mentorapp.gui.dialogs.checkin_import_dialog import CheckinImportDialog

        cohort_id = self._cohort_id()
        if cohort_id is not None and not self.context.read_only:
            CheckinImportDialog(self.context, cohort_id, parent=self).exec()
            self.refresh()

    def draft_reminder(self) -> None:
        from mentorapp.gui.dialogs.reminder_dialog import ReminderDialog

        cohort_id = self._cohort_id()
        if cohort_id is None:
            return
        chosen = self.health_filter.currentData()
        who = "not_started" if chosen == Health.NOT_STARTED else "needs_check_in"
        ReminderDialog(self.context, cohort_id, who=who, parent=self).exec()

    def save_round_calendar(self) -> None:
        from mentorapp.gui.widgets.calendar_actions import save_round_calendar

        cohort_id = self._cohort_id()
        if cohort_id is not None:
            save_round_calendar(self, self.context, cohort_id)

    def save_group_calendar(self) -> None:
        from mentorapp.gui.widgets.calendar_actions import save_group_calendar

        item = self.selected()
        if item is not None and self.context.services is not None:
            save_group_calendar(self, self.context, item.group.id)
