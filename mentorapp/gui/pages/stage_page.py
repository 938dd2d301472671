"""One stage of the organiser's guide: what it is for, its checklist, and its tools."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentorapp.gui.context import AppContext
from mentorapp.gui.pages.base import Page
from mentorapp.gui.pages.stage_tool import StageTool
from mentorapp.gui.widgets.checklist_panel import ChecklistPanel
from mentorapp.gui.widgets.text import body, heading
from mentorapp.guide.content import load_guide
from mentorapp.guide.stages import Stage
from mentorapp.i18n import _, current_language


class StagePage(Page):
    """Stages with tools (participants, matching, workbooks …) get them from add_tool()."""

    def __init__(self, context: AppContext, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.stage = stage
        self.stage_key = stage.key
        # (tool, its title) in tab order; tests reach a page's tool as _tools[0][0].
        self._tools: list[tuple[StageTool, Callable[[], str]]] = []
        self._build()
        # The file's work ticks checklist items (meetings dated, gatherings held, groups
        # accepted, surveys answered), so the checklist and its progress follow those changes too.
        events = context.events
        for signal in (
            events.meetings_changed,
            events.gatherings_changed,
            events.groups_changed,
            events.surveys_changed,
            events.outcomes_changed,
        ):
            signal.connect(self._work_changed)

    def _build(self) -> None:
        self.title_label = heading(1)
        self.scope_label = body()
        self.purpose_label = body()
        self.help_button = QPushButton(objectName="stageHelpButton")
        self.help_button.clicked.connect(
            lambda: self.context.events.help_requested.emit(self.stage_key)
        )
        self.progress = QProgressBar(objectName="stageProgress")
        self.progress.setTextVisible(True)

        self.checklist = ChecklistPanel(self.context, self.stage_key)
        self.checklist.changed.connect(self._update_progress)
        self.tabs = QTabWidget(objectName="stageTabs")
        self.tabs.setDocumentMode(True)

        self.no_round_label = body()
        self.new_round_button = QPushButton(objectName="newRoundButton")
        self.new_round_button.clicked.connect(self.context.events.new_round_requested.emit)
        no_round = QWidget()
        no_round_layout = QVBoxLayout(no_round)
        no_round_layout.addWidget(self.no_round_label)
        no_round_layout.addWidget(self.new_round_button)
        no_round_layout.addStretch(1)

        self.body_stack = QStackedWidget()
        self.body_stack.addWidget(self.checklist)
        self.body_stack.addWidget(no_round)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.body_stack, 1)

    def add_tool(self, tool: QWidget) -> None:
        """Show a stage tool (a QWidget) in a tab before the checklist."""
        if not isinstance(tool, StageTool):
            raise TypeError(f"{type(tool).__qualname__} is no stage tool")
        if not self._tools:
            self.body_stack.removeWidget(self.checklist)
            self.body_stack.insertWidget(0, self.tabs)
        self._tools.append((tool, tool.title))
        self.tabs.addTab(tool, "")
        self.tabs.removeTab(self.tabs.indexOf(self.checklist))
        self.tabs.addTab(self.checklist, "")

    def retranslate_ui(self) -> None:
        content = load_guide(current_language())[self.stage_key]
        self.title_label.setText(self.stage.title)
        self.purpose_label.setText(content.purpose)
        self.help_button.setText(_("Help (F1)"))
        self.help_button.setAccessibleName(_("Help for this stage"))
        self.progress.setAccessibleName(_("Progress of this stage"))
        self.tabs.tabBar().setAccessibleName(_("Tools of this stage"))
        self.new_round_button.setText(_("Create a round…"))
        self.no_round_label.setText(
            _(
                "This stage is done once for every round of the programme. Create the first "
                "round to see its checklist."
            )
        )
        for widget, title in self._tools:
            self.tabs.setTabText(self.tabs.indexOf(widget), title())
            widget.retranslate_ui()
        if self._tools:
            self.tabs.setTabText(self.tabs.indexOf(self.checklist), _("Checklist"))
        self.checklist.retranslate_ui()

    def refresh(self) -> None:
        cohort = self.context.cohort
        if self.stage.per_round:
            self.scope_label.setText(
                _("Repeats for every round. Showing: {round}").format(round=cohort.name)
                if cohort
                else _("Repeats for every round.")
            )
        else:
            self.scope_label.setText(_("Done once for the whole programme."))
        waiting = self.stage.per_round and cohort is None
        self.body_stack.setCurrentIndex(1 if waiting else 0)
        self.checklist.refresh()
        self._update_progress()
        if not waiting:
            for widget, _title in self._tools:
                widget.refresh()

    def _work_changed(self, _cohort_id: int | None = None) -> None:
        """Re-read the checklist and progress if on screen; a page away is refreshed (all
        of it) when it is shown again."""
        if self.on_screen() and not (self.stage.per_round and self.context.cohort is None):
            self.checklist.refresh()
            self._update_progress()

    def _update_progress(self) -> None:
        rows = self.checklist.rows()
        done = self.checklist.done_count()
        self.progress.setMaximum(max(len(rows), 1))
        self.progress.setValue(done)
        self.progress.setFormat(_("{done} of {total} done").format(done=done, total=len(rows)))

    def flush(self) -> None:
        self.checklist.save_note()
        for tool, _title in self._tools:
            tool.flush()
