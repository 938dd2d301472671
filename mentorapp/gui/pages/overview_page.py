"""Where the programme stands: the round's dates and counts, its timeline, what is due this
week, the current stage (from the round's dates and the work in the file) and the next steps.

It reads only what it shows, through aggregate queries, so a file that has grown over years
opens as fast as a new one (tests/benchmarks/bench_startup.py).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.gui.context import AppContext
from mentorapp.gui.models.stage_progress_model import STAGE_KEY_ROLE, StageProgressModel
from mentorapp.gui.pages.base import Page
from mentorapp.gui.widgets.text import body, heading
from mentorapp.gui.widgets.timeline_view import TimelineView
from mentorapp.guide.stages import stage
from mentorapp.i18n import (
    _,
    current_language,
    format_date,
    format_date_range,
    format_percent,
    ngettext,
)
from mentorapp.programme.rules import describe_round_timing

if TYPE_CHECKING:
    from mentorapp.guide.checklist import Scope
    from mentorapp.planning.milestones import Milestone
    from mentorapp.planning.standing import RoundCounts, Standing

WELCOME, DASHBOARD, LOADING = range(3)


class OverviewPage(Page):
    stage_key = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._current_stage_key = ""
        self._build()
        events = context.events
        # The round's applications, the share done, and who is due for erasure (the settings
        # say how long data is kept).
        for signal in (
            events.participants_changed,
            events.checklist_changed,
            events.settings_changed,
            events.timeline_changed,
            events.groups_changed,
            events.meetings_changed,
            events.programme_changed,
        ):
            signal.connect(self.on_change)

    def _build(self) -> None:
        events = self.context.events
        # Shown until a programme exists.
        self.welcome_title = heading(1)
        self.welcome_text = body()
        self.create_programme_button = QPushButton(objectName="createProgrammeButton")
        self.create_programme_button.clicked.connect(events.edit_programme_requested.emit)
        welcome = QWidget()
        welcome_layout = QVBoxLayout(welcome)
        welcome_layout.addWidget(self.welcome_title)
        welcome_layout.addWidget(self.welcome_text)
        welcome_layout.addWidget(self.create_programme_button, 0, Qt.AlignmentFlag.AlignLeft)
        welcome_layout.addStretch(1)

        self.programme_title = heading(1)
        self.programme_details = body()
        self.edit_programme_button = QPushButton(objectName="editProgrammeButton")
        self.edit_programme_button.clicked.connect(events.edit_programme_requested.emit)
        title_row = QHBoxLayout()
        title_row.addWidget(self.programme_title, 1)
        title_row.addWidget(self.edit_programme_button, 0, Qt.AlignmentFlag.AlignTop)

        self.round_box = QGroupBox()
        self.round_name = heading(2)
        self.round_dates = body()
        self.round_timing = body()
        self.new_round_button = QPushButton(objectName="overviewNewRoundButton")
        self.new_round_button.clicked.connect(events.new_round_requested.emit)
        self.round_counts = body()
        self.round_counts.setObjectName("roundCounts")
        round_layout = QVBoxLayout(self.round_box)
        for widget in (self.round_name, self.round_dates, self.round_timing, self.round_counts):
            round_layout.addWidget(widget)
        round_layout.addStretch(1)
        round_layout.addWidget(self.new_round_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.timeline_box = QGroupBox()
        self.timeline_view = TimelineView()
        self.timeline_button = QPushButton(objectName="overviewTimelineButton")
        self.timeline_button.clicked.connect(lambda: events.stage_requested.emit("resources"))
        timeline_layout = QVBoxLayout(self.timeline_box)
        timeline_layout.addWidget(self.timeline_view)
        timeline_layout.addWidget(self.timeline_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.week_box = QGroupBox()
        self.week_model = QStandardItemModel(self)
        self.week_view = QTreeView(objectName="dueThisWeekView")
        self.week_view.setModel(self.week_model)
        self.week_view.setRootIsDecorated(False)
        self.week_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.week_view.setWordWrap(True)
        self.week_view.setAlternatingRowColors(True)
        self.week_view.activated.connect(self._open_from)
        QVBoxLayout(self.week_box).addWidget(self.week_view)

        self.stand_box = QGroupBox()
        self.current_stage_label = heading(2)
        self.stage_reason = body()
        self.stage_reason.setObjectName("stageReason")
        self.share_bar = QProgressBar(objectName="overallProgress")
        self.go_button = QPushButton(objectName="goToStageButton")
        self.go_button.clicked.connect(lambda: events.stage_requested.emit(self._current_stage_key))
        self.next_label = heading(3)
        self.next_model = QStandardItemModel(self)
        self.next_view = QTreeView(objectName="nextItemsView")
        self.next_view.setModel(self.next_model)
        self.next_view.setRootIsDecorated(False)
        self.next_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.next_view.setWordWrap(True)
        self.next_view.setAlternatingRowColors(True)
        self.next_view.activated.connect(self._open_from)
        stand_layout = QVBoxLayout(self.stand_box)
        stand_layout.addWidget(self.current_stage_label)
        stand_layout.addWidget(self.stage_reason)
        stand_layout.addWidget(self.share_bar)
        stand_layout.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignLeft)
        stand_layout.addWidget(self.next_label)
        stand_layout.addWidget(self.next_view, 1)

        self.due_label = QLabel(objectName="dueLabel", wordWrap=True)
        self.due_button = QPushButton(objectName="dueButton")
        self.due_button.clicked.connect(self.review_due)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_label, 1)
        due_row.addWidget(self.due_button)
        self.due_box = QWidget()
        self.due_box.setLayout(due_row)

        self.stages_box = QGroupBox()
        self.stage_model = StageProgressModel()
        self.stage_table = QTableView(objectName="stageProgressTable")
        self.stage_table.setModel(self.stage_model)
        self.stage_table.verticalHeader().setVisible(False)
        self.stage_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stage_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stage_table.setAlternatingRowColors(True)
        self.stage_table.setShowGrid(False)
        self.stage_table.setTabKeyNavigation(False)
        header = self.stage_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.stage_table.activated.connect(self._open_from)
        QVBoxLayout(self.stages_box).addWidget(self.stage_table)

        grid = QGridLayout()
        grid.addWidget(self.round_box, 0, 0)
        grid.addWidget(self.week_box, 0, 1)
        grid.addWidget(self.timeline_box, 1, 0, 1, 2)
        grid.addWidget(self.stand_box, 2, 0)
        grid.addWidget(self.stages_box, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        dashboard = QWidget()
        dashboard_layout = QVBoxLayout(dashboard)
        dashboard_layout.addLayout(title_row)
        dashboard_layout.addWidget(self.programme_details)
        dashboard_layout.addWidget(self.due_box)
        dashboard_layout.addLayout(grid, 1)

        self.loading_label = heading(2)
        loading = QWidget()
        loading_layout = QVBoxLayout(loading)
        loading_layout.addWidget(self.loading_label)
        loading_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(welcome)
        # Scrolls on a small screen instead of making the window taller than it.
        self.dashboard_scroll = QScrollArea(objectName="overviewScroll", widgetResizable=True)
        self.dashboard_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.dashboard_scroll.setWidget(dashboard)
        self.stack.addWidget(self.dashboard_scroll)
        self.stack.addWidget(loading)
        QVBoxLayout(self).addWidget(self.stack)

    def retranslate_ui(self) -> None:
        self.loading_label.setText(_("Opening your programme…"))
        self.welcome_title.setText(_("Welcome to Mentorapp"))
        self.welcome_text.setText(
            _(
                "Mentorapp walks you through your mentorship programme, from the first idea to "
                "a running round and its follow-up. Start by describing your programme: the "
                "organisation behind it, its name and who to contact."
            )
        )
        self.create_programme_button.setText(_("Create my programme…"))
        self.edit_programme_button.setText(_("Edit programme…"))
        self.round_box.setTitle(_("Current round"))
        self.new_round_button.setText(_("New round…"))
        self.timeline_box.setTitle(_("Timeline"))
        self.timeline_button.setText(_("Change the dates…"))
        self.timeline_view.retranslate_ui()
        self.week_box.setTitle(_("Due this week"))
        self.week_view.setAccessibleName(_("Due this week"))
        self.stand_box.setTitle(_("Where you stand"))
        self.go_button.setText(_("Go to this stage"))
        self.share_bar.setAccessibleName(_("Share of the checklist done"))
        self.dashboard_scroll.setAccessibleName(_("Where the programme stands"))
        self.next_label.setText(_("Next steps"))
        self.next_view.setAccessibleName(_("Next steps"))
        self.stages_box.setTitle(_("All stages"))
        self.stage_table.setAccessibleName(_("Progress per stage"))
        self.stage_model.retranslate()
        self.due_button.setText(_("Review and erase…"))

    def refresh(self) -> None:
        programme, scope = self.context.programme, self.context.scope
        if not self.context.loaded:
            self.stack.setCurrentIndex(LOADING)
            return
        self.stack.setCurrentIndex(WELCOME if programme is None else DASHBOARD)
        if programme is None or scope is None:
            return
        self.programme_title.setText(programme.name)
        contact = " · ".join(
            part for part in (programme.contact_name, programme.contact_email) if part
        )
        self.programme_details.setText(
            " — ".join(part for part in (programme.organisation, contact) if part)
        )
        self._show_round()
        self._show_due()
        today = date.today()
        cohort = self.context.cohort
        services = self.context.services
        milestones = services.timeline.milestones(cohort.id) if cohort is not None else []
        standing = services.standing.standing(
            scope,
            current_language(),
            milestones={milestone.key: milestone.on for milestone in milestones},
            today=today,
        )
        self._show_counts(standing.counts if cohort is not None else None)
        self._show_timeline(milestones, today)
        self._show_week(scope, today)
        self._current_stage_key = standing.current_stage.key
        self.current_stage_label.setText(
            _("Current stage: {stage}").format(stage=standing.current_stage.title)
        )
        self.stage_reason.setText(_stage_reason(standing))
        self.share_bar.setMaximum(max(standing.total, 1))
        self.share_bar.setValue(standing.done)
        self.share_bar.setFormat(
            _("{share} of the checklist done").format(share=format_percent(standing.share))
        )
        self.next_model.clear()
        self.next_model.setHorizontalHeaderLabels([_("To do"), _("Stage")])
        for row in standing.next_items:
            cells = [QStandardItem(row.text), QStandardItem(stage(row.stage).title)]
            for cell in cells:
                cell.setData(row.stage, STAGE_KEY_ROLE)
                cell.setToolTip(row.hint or row.text)
            self.next_model.appendRow(cells)
        if not standing.next_items:
            self.next_model.appendRow(QStandardItem(_("Everything on the checklist is done.")))
        header = self.next_view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.stage_model.set_progress(standing.stages)

    def _show_counts(self, counts: RoundCounts | None) -> None:
        self.round_counts.setVisible(counts is not None)
        if counts is None:
            return
        lines = [
            _("Applications — adepts: {adepts}, mentors: {mentors}").format(
                adepts=counts.applied_adepts, mentors=counts.applied_mentors
            ),
            _("Accepted — adepts: {adepts}, mentors: {mentors}").format(
                adepts=counts.accepted_adepts, mentors=counts.accepted_mentors
            ),
            _("Matched adepts: {matched} · groups: {groups} · not matched yet: {unmatched}").format(
                matched=counts.matched_adepts,
                groups=counts.groups,
                unmatched=counts.unmatched_adepts,
            ),
            _("Workbooks printed: {printed} of {groups}").format(
                printed=counts.workbooks_printed, groups=counts.groups
            ),
        ]
        cohort = self.context.cohort
        if counts.groups and cohort is not None and cohort.id is not None:
            lines.append(self._pair_health(cohort.id))
        self.round_counts.setText("\n".join(lines))

    def _pair_health(self, cohort_id: int) -> str:
        """How the round's pairs are doing ("Pairs: 14 on track, 4 need a check-in, …")."""
        from mentorapp.gui.models.running_model import health_counts_text

        counts = self.context.services.running.counts(cohort_id)
        return _("Pairs: {counts}").format(counts=health_counts_text(counts, ", "))

    def _show_timeline(self, milestones: list[Milestone], today: date) -> None:
        from mentorapp.planning.layout import timeline_layout

        self.timeline_box.setVisible(bool(milestones))
        self.timeline_view.set_layout(timeline_layout(milestones, today))

    def _show_week(self, scope: Scope, today: date) -> None:
        """What is overdue or due within seven days, the earliest first (an item the file
        shows done is not due: the timeline counts it done)."""
        self.week_model.clear()
        self.week_model.setHorizontalHeaderLabels([_("Due"), _("To do"), _("Stage")])
        due = self.context.services.timeline.due_this_week(scope, today, current_language())
        for item in due:
            assert item.due is not None
            when = QStandardItem(format_date(item.due))
            if item.due < today:
                when.setText(_("{date} (overdue)").format(date=format_date(item.due)))
                font = when.font()
                font.setBold(True)
                when.setFont(font)
                when.setData(_("Overdue"), Qt.ItemDataRole.AccessibleDescriptionRole)
            cells = [when, QStandardItem(item.text), QStandardItem(stage(item.stage).title)]
            for cell in cells:
                cell.setData(item.stage, STAGE_KEY_ROLE)
            self.week_model.appendRow(cells)
        if not due:
            self.week_model.appendRow(QStandardItem(_("Nothing is due in the next seven days.")))
        header = self.week_view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    def _show_due(self) -> None:
        months = self.context.settings.retention_months
        due = self.context.services.privacy.count_due_for_erasure(months)  # the number only
        self.due_box.setVisible(bool(due))
        self.due_label.setText(
            ngettext(
                "{n} person's data is due for erasure: their rounds ended more than "
                "{months} months ago.",
                "{n} people's data is due for erasure: their rounds ended more than "
                "{months} months ago.",
                due,
            ).format(n=due, months=months)
        )

    def review_due(self) -> None:
        from mentorapp.gui.dialogs.retention_dialog import RetentionDialog

        services = self.context.services
        if services is not None and RetentionDialog.show_for(
            self, services, self.context.settings.retention_months
        ):
            self.context.events.participants_changed.emit(None)  # people of any round

    def _show_round(self) -> None:
        cohort = self.context.cohort
        self.new_round_button.setVisible(True)
        if cohort is None:
            self.round_name.setText(_("No round yet"))
            self.round_dates.setText(
                _(
                    "A round is one intake of adepts and mentors, such as “Spring 2027”. The "
                    "stages from Recruitment on are done once for every round."
                )
            )
            self.round_timing.setText("")
            return
        self.round_name.setText(cohort.name)
        lines = [_("Runs {dates}").format(dates=format_date_range(cohort.start, cohort.end))]
        if cohort.application_deadline:
            lines.insert(
                0,
                _("Applications close {date}").format(
                    date=format_date(cohort.application_deadline)
                ),
            )
        self.round_dates.setText("\n".join(lines))
        self.round_timing.setText(describe_round_timing(cohort, date.today()))

    def _open_from(self, index: QModelIndex) -> None:
        key = index.data(STAGE_KEY_ROLE)
        if key:
            self.context.events.stage_requested.emit(key)


def _stage_reason(standing: Standing) -> str:
    """Why the overview names this stage, in a sentence."""
    by_dates, by_work = standing.stage_from_dates, standing.stage_from_work
    if by_dates is None and by_work is None:
        return _("The first stage with open items on its checklist.")
    if by_work is None or by_dates == by_work:
        return _("From the round's dates.")
    if by_dates is None:
        return _("From the work in the file: {stage} is under way.").format(stage=by_work.title)
    if standing.current_stage == by_work:
        return _("The work is ahead of the dates, which say {stage}.").format(stage=by_dates.title)
    return _("By the dates; the work in the file has reached {stage}.").format(stage=by_work.title)
