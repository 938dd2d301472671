"""The main window: a stage navigator beside the stage pages, plus menus. No business logic."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
)

from mentorapp.gui.context import AppContext
from mentorapp.gui.dialogs.cohort_dialog import CohortDialog
from mentorapp.gui.dialogs.help_dialog import HelpDialog
from mentorapp.gui.dialogs.programme_dialog import ProgrammeDialog
from mentorapp.gui.dialogs.settings_dialog import SettingsDialog
from mentorapp.gui.errors import attempt, guarded
from mentorapp.gui.models.navigator_model import OVERVIEW_KEY, STAGE_KEY_ROLE, NavigatorModel
from mentorapp.gui.pages.base import Page
from mentorapp.gui.pages.lazy_pages import LazyPages
from mentorapp.gui.pages.overview_page import OverviewPage
from mentorapp.gui.pages.stage_page import StagePage
from mentorapp.gui.pages.stage_tools import install_tools
from mentorapp.gui.qt_translation import install_qt_translations
from mentorapp.gui.workers import stop_jobs
from mentorapp.guide.stages import STAGES, stage
from mentorapp.i18n import _, current_language, set_language
from mentorapp.workspace.settings import save_settings

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort
    from mentorapp.workspace.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.pages = LazyPages([OVERVIEW_KEY, *(stage.key for stage in STAGES)], self._make_page)
        self._build()
        self._connect_events()
        self.context.reload()
        self._set_texts()
        self._restore_geometry()
        self.show_stage(OVERVIEW_KEY)

    def attach_workspace(self, workspace: Workspace) -> None:
        """Show an opened file; the window may already be on screen while it opens."""
        self.context.attach(workspace)

    @property
    def workspace(self) -> Workspace | None:
        return self.context.workspace

    def welcome(self) -> None:
        """On a first start (no programme yet): the welcome, then the user's choice."""
        from mentorapp.gui.dialogs.welcome_dialog import CREATE, DEMO, WelcomeDialog

        if self.context.demo or self.context.programme is not None or self.workspace is None:
            return
        dialog = WelcomeDialog(self.apply_language, self)
        dialog.exec()
        if dialog.choice == CREATE:
            programmes = self.context.services.programmes
            if guarded(self, lambda: programmes.save_programme(dialog.draft())) is not None:
                self.context.events.programme_changed.emit()
        elif dialog.choice == DEMO:
            self.switch_to_demo()

    def switch_to_demo(self) -> None:
        """Leave the user's (still empty) file and open a fresh demo in its place."""
        from mentorapp.app import open_workspace

        self.flush_pages()
        self.workspace.close()
        self.context.demo = True
        self.demo_label.setVisible(True)
        self.attach_workspace(open_workspace(None, demo=True))

    def flush_pages(self) -> None:
        for page in self.pages.built():
            page.flush()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.navigator_model = NavigatorModel()
        self.navigator = QTreeView(objectName="stageNavigator")
        self.navigator.setModel(self.navigator_model)
        self.navigator.setHeaderHidden(True)
        self.navigator.setRootIsDecorated(False)
        self.navigator.setItemsExpandable(False)
        self.navigator.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.navigator.setUniformRowHeights(True)
        self.navigator.setMinimumWidth(260)
        self.navigator.setIndentation(12)
        self.navigator.setStyleSheet("QTreeView::item { padding: 4px 2px; }")

        self.stack = QStackedWidget(objectName="pageStack")
        self._texts_set = False
        self.pages[OVERVIEW_KEY]  # the first page shown; the stages are built when opened

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.round_label = QLabel()
        self.round_combo = QComboBox(objectName="roundCombo")
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.round_label.setBuddy(self.round_combo)
        self.round_combo.activated.connect(self._round_chosen)
        self.demo_label = QLabel(objectName="demoLabel")
        self.demo_label.setStyleSheet("font-weight: bold")
        self.demo_label.setVisible(self.context.demo)
        self.toolbar = QToolBar(objectName="mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.round_label)
        self.toolbar.addWidget(self.round_combo)
        self.addToolBar(self.toolbar)
        self.read_only_label = QLabel(objectName="readOnlyLabel")
        self.read_only_label.setStyleSheet("font-weight: bold")
        self.read_only_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.demo_label)
        self._build_actions()

    def _make_page(self, key: str) -> Page:
        """Build one page (LazyPages calls this the first time the page is needed)."""
        page: Page
        if key == OVERVIEW_KEY:
            page = OverviewPage(self.context)
        else:
            page = StagePage(self.context, stage(key))
            install_tools(page, self.context)
        page.setObjectName(f"page_{key}")
        self.stack.addWidget(page)
        if self._texts_set:  # built after the window's texts: give it its own now
            page.retranslate_ui()
        return page

    def _action(
        self,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.edit_programme_action = self._action(self.edit_programme)
        self.new_round_action = self._action(self.new_round, "Ctrl+Shift+N")
        self.edit_round_action = self._action(self.edit_round)
        self.overview_action = self._action(lambda: self.show_stage(OVERVIEW_KEY), "Ctrl+Home")
        self.next_action = self._action(lambda: self.step_stage(1), "Ctrl+PgDown")
        self.previous_action = self._action(lambda: self.step_stage(-1), "Ctrl+PgUp")
        self.settings_action = self._action(self.open_settings, "Ctrl+,")
        self.backups_action = self._action(self.open_backups)
        self.help_action = self._action(self.show_help, QKeySequence.StandardKey.HelpContents)
        self.help_action.setShortcuts([QKeySequence("F1")])
        self.about_action = self._action(self.show_about)
        self.guide_action = self._action(self.show_guide, "Shift+F1")
        self.menus = {
            "file": self.menuBar().addMenu(""),
            "programme": self.menuBar().addMenu(""),
            "go": self.menuBar().addMenu(""),
            "help": self.menuBar().addMenu(""),
        }
        self.menus["file"].addAction(self.backups_action)
        self.menus["file"].addAction(self.settings_action)
        self.menus["file"].addSeparator()
        self.menus["file"].addAction(self.quit_action)
        for action in (self.edit_programme_action, self.new_round_action, self.edit_round_action):
            self.menus["programme"].addAction(action)
        for action in (self.overview_action, self.next_action, self.previous_action):
            self.menus["go"].addAction(action)
        self.menus["help"].addAction(self.help_action)
        self.menus["help"].addAction(self.guide_action)
        self.menus["help"].addAction(self.about_action)

    def _connect_events(self) -> None:
        events = self.context.events
        events.stage_requested.connect(self.show_stage)
        events.new_round_requested.connect(self.new_round)
        events.edit_programme_requested.connect(self.edit_programme)
        events.help_requested.connect(lambda key: HelpDialog.show_for(self, key))
        events.checklist_changed.connect(lambda _key: self._refresh_progress())
        for signal in (
            events.meetings_changed,
            events.gatherings_changed,
            events.groups_changed,
            events.surveys_changed,
            events.outcomes_changed,
        ):
            signal.connect(lambda _cohort_id: self._refresh_progress())  # items the work ticks
        for signal in (events.workspace_changed, events.programme_changed, events.cohorts_changed):
            signal.connect(self._refresh_chrome)
        events.language_changed.connect(self.retranslate_ui)
        self.navigator.selectionModel().currentChanged.connect(self._navigated)

    # -- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self._set_texts()
        self.stack.currentWidget().refresh()

    def _set_texts(self) -> None:
        self.menus["file"].setTitle(_("&File"))
        self.menus["programme"].setTitle(_("&Programme"))
        self.menus["go"].setTitle(_("&Go"))
        self.menus["help"].setTitle(_("&Help"))
        self.quit_action.setText(_("&Quit"))
        self.edit_programme_action.setText(_("&Edit programme…"))
        self.new_round_action.setText(_("&New round…"))
        self.edit_round_action.setText(_("Edit current &round…"))
        self.overview_action.setText(_("&Overview"))
        self.next_action.setText(_("&Next stage"))
        self.previous_action.setText(_("&Previous stage"))
        self.settings_action.setText(_("&Settings…"))
        self.backups_action.setText(_("&Backups and safety copies…"))
        self.help_action.setText(_("Help for this &stage"))
        self.about_action.setText(_("&About Mentorapp"))
        self.guide_action.setText(_("&User guide"))
        self.round_label.setText(_("&Round:") + " ")
        self.round_combo.setAccessibleName(_("Current round"))
        self.navigator.setAccessibleName(_("Stages of the organiser's guide"))
        self.demo_label.setText(_("Demo programme: changes are thrown away when you quit"))
        self.read_only_label.setText(
            _("Read-only: another Mentorapp has this file open, so nothing can be saved")
        )
        self.toolbar.setWindowTitle(_("Round"))
        self._texts_set = True
        for page in self.pages.built():
            page.retranslate_ui()
        self._refresh_chrome()

    def _refresh_chrome(self, *_changed: object) -> None:
        """Title, round list, navigator: everything that shows the programme and round."""
        programme = self.context.programme
        title = "Mentorapp"
        if self.context.loaded:
            name = programme.name if programme else _("No programme yet")
            title = f"{name} — Mentorapp"
        if self.context.demo:
            title = _("Demo: {title}").format(title=title)
        if self.context.read_only:
            title = _("{title} (read-only)").format(title=title)
        self.read_only_label.setVisible(self.context.read_only)
        self.setWindowTitle(title)
        self.round_combo.clear()
        services = self.context.services
        cohorts = services.programmes.cohorts(programme.id) if services and programme else []
        for cohort in cohorts:
            self.round_combo.addItem(cohort.name, cohort.id)
        current = self.context.cohort
        self.round_combo.setCurrentIndex(self.round_combo.findData(current.id) if current else -1)
        self.round_combo.setEnabled(bool(cohorts))
        self.edit_programme_action.setEnabled(self.context.loaded)
        self.backups_action.setEnabled(self.context.loaded)
        self.new_round_action.setEnabled(programme is not None)
        self.edit_round_action.setEnabled(current is not None)
        self.edit_programme_action.setText(
            _("&Edit programme…") if programme else _("&Create my programme…")
        )
        self._refresh_progress()

    def _refresh_progress(self) -> None:
        key = self.current_key()
        scope = self.context.scope
        services = self.context.services
        progress = (
            services.standing.progress(scope, current_language()) if services and scope else []
        )
        cohort = self.context.cohort
        self.navigator_model.rebuild(progress, cohort.name if cohort else None)
        self.navigator.expandAll()
        header = self.navigator.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._select_in_navigator(key)

    # -- navigation -----------------------------------------------------------------------
    def current_key(self) -> str:
        page = self.stack.currentWidget()
        return self.pages.key_of(page) or OVERVIEW_KEY

    def show_stage(self, key: str) -> None:
        key = key or OVERVIEW_KEY
        previous = self.stack.currentWidget()
        if isinstance(previous, Page) and previous is not self.pages[key]:
            previous.flush()
        self.pages[key].refresh()
        self.stack.setCurrentWidget(self.pages[key])
        self._select_in_navigator(key)

    def step_stage(self, step: int) -> None:
        keys = self.navigator_model.keys_in_order()
        index = keys.index(self.current_key()) + step
        self.show_stage(keys[max(0, min(index, len(keys) - 1))])

    def _select_in_navigator(self, key: str) -> None:
        index = self.navigator_model.index_for(key)
        if index.isValid() and self.navigator.currentIndex() != index:
            self.navigator.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _navigated(self, index: QModelIndex, _previous: QModelIndex) -> None:
        key = index.data(STAGE_KEY_ROLE)
        if key and key != self.current_key():
            self.show_stage(key)

    # -- programme and rounds -------------------------------------------------------------
    def edit_programme(self) -> None:
        programme = self.context.programme
        draft = ProgrammeDialog.ask(self, programme)
        if draft is None:
            return
        programme_id = programme.id if programme else None
        programmes = self.context.services.programmes
        if guarded(self, lambda: programmes.save_programme(draft, programme_id)) is not None:
            self.context.events.programme_changed.emit()

    def new_round(self) -> None:
        self._edit_cohort(None)

    def edit_round(self) -> None:
        self._edit_cohort(self.context.cohort)

    def _edit_cohort(self, cohort: Cohort | None) -> None:
        programme = self.context.programme
        if programme is None:
            self.edit_programme()
            return
        programmes = self.context.services.programmes
        others = [
            c.name for c in programmes.cohorts(programme.id) if not cohort or c.id != cohort.id
        ]
        answer = CohortDialog.ask(self, cohort, others, programme.months_per_round)
        if answer is None:
            return
        draft, make_current = answer
        cohort_id = cohort.id if cohort else None
        saved = guarded(
            self, lambda: programmes.save_cohort(programme.id, draft, cohort_id, make_current)
        )
        if saved is not None:
            self.context.events.cohorts_changed.emit(programme.id)

    def _round_chosen(self, row: int) -> None:
        programme, cohort_id = self.context.programme, self.round_combo.itemData(row)
        if programme is None or cohort_id is None:
            return
        programmes = self.context.services.programmes
        if attempt(self, lambda: programmes.set_current_cohort(programme.id, cohort_id)):
            self.context.events.cohorts_changed.emit(programme.id)
        else:
            self._refresh_chrome()  # the list shows the round that is still current

    # -- settings, help, closing ----------------------------------------------------------
    def open_backups(self) -> None:
        from mentorapp.gui.dialogs.backups_dialog import BackupsDialog

        if self.context.services is not None:
            BackupsDialog.show_for(self, self.context)  # a restore announces itself

    def open_settings(self) -> None:
        choices = SettingsDialog.ask(self, self.context.settings, current_language())
        if choices is None:
            return
        settings = self.context.settings
        settings.retention_months = choices.retention_months
        settings.safety_copies_keep = choices.safety_copies_keep
        workspace = self.context.workspace
        if workspace is not None and workspace.safety is not None:
            workspace.safety.keep = choices.safety_copies_keep
        if choices.language != current_language():
            self.apply_language(choices.language)
        else:
            save_settings(settings)
        self.context.events.settings_changed.emit()

    def apply_language(self, language: str) -> None:
        """Switch every text in the window at once; no restart."""
        set_language(language)
        install_qt_translations(language)
        self.context.settings.language = language
        save_settings(self.context.settings)
        self.context.events.language_changed.emit(language)  # the window retranslates

    def show_help(self) -> None:
        key = self.current_key()
        HelpDialog.show_for(self, "" if key == OVERVIEW_KEY else key)

    def show_about(self) -> None:
        from mentorapp.gui.dialogs.about_dialog import AboutDialog

        AboutDialog.show_for(self)

    def show_guide(self) -> None:
        from mentorapp.gui.dialogs.guide_dialog import GuideDialog, section_for

        GuideDialog.show_for(self, section_for(self.current_key()))

    def _restore_geometry(self) -> None:
        settings = self.context.settings
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(settings.window_geometry.encode()))
        else:
            self.resize(1200, 760)
        if settings.window_state:
            self.restoreState(QByteArray.fromHex(settings.window_state.encode()))

    def closeEvent(self, event: QCloseEvent) -> None:
        stop_jobs(self)  # no worker may still write, or report to a window that is going away
        for page in self.pages.built():
            page.flush()
        self.context.settings.window_geometry = bytes(self.saveGeometry().toHex()).decode()
        self.context.settings.window_state = bytes(self.saveState().toHex()).decode()
        save_settings(self.context.settings)
        super().closeEvent(event)
