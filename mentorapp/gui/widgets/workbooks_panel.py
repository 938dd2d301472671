"""Printed workbooks for the accepted groups: choose groups and language, write, open, print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain import languages
from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.gui.workers import Job, ProgressCallback
from mentorapp.i18n import N_, _, ngettext
from mentorapp.workspace.settings import workbook_content_folder

GROUP_ID = Qt.ItemDataRole.UserRole + 1


@stage_tool("kickoff", title=N_("Workbooks"))
class WorkbooksPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.written: list[Path] = []
        self._job: Job | None = None
        self._build()
        # The accepted groups and the names of the people in them.
        for signal in (context.events.groups_changed, context.events.participants_changed):
            signal.connect(self._changed)

    def _changed(self, cohort_id: int | None) -> None:
        cohort = self.context.cohort
        if cohort is not None and cohort_id in (None, cohort.id) and page_on_screen(self):
            self.refresh()

    def _build(self) -> None:
        self.intro = QLabel(wordWrap=True)
        self.groups = QStandardItemModel(self)
        self.view = QTreeView(objectName="workbookGroups")
        self.view.setModel(self.groups)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.select_all = QPushButton(objectName="selectAllGroups")
        self.select_all.clicked.connect(lambda: self._check_all(True))
        self.select_none = QPushButton(objectName="selectNoGroups")
        self.select_none.clicked.connect(lambda: self._check_all(False))
        self.dates_button = QPushButton(objectName="meetingDatesButton")
        self.dates_button.clicked.connect(self.edit_dates)
        self.language = QComboBox(objectName="workbookLanguage")
        self.language.activated.connect(self._set_all_languages)
        self.paper = QComboBox(objectName="paperSize")
        self.combined = QCheckBox(objectName="combinedFile")
        self.write_button = QPushButton(objectName="writeWorkbooksButton")
        self.write_button.clicked.connect(self.choose_folder_and_write)
        self.files = QListView(objectName="writtenFiles")
        self.files_model = QStandardItemModel(self)
        self.files.setModel(self.files_model)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.doubleClicked.connect(lambda index: self.open_file(self.written[index.row()]))
        self.open_folder_button = QPushButton(objectName="openFolderButton")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_pdf_button = QPushButton(objectName="openPdfButton")
        self.open_pdf_button.clicked.connect(lambda: self.open_file(self._selected_file()))
        self.print_button = QPushButton(objectName="printPdfButton")
        self.print_button.clicked.connect(self.print_selected)
        self.content_button = QPushButton(objectName="workbookContentButton")
        self.content_button.clicked.connect(self.adapt_content)

        choices = QHBoxLayout()
        for button in (self.select_all, self.select_none, self.dates_button):
            choices.addWidget(button)
        choices.addStretch(1)
        self.form = QFormLayout()
        self.language_label, self.paper_label = QLabel(), QLabel()
        self.language_label.setBuddy(self.language)
        self.paper_label.setBuddy(self.paper)
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(self.paper_label, self.paper)
        self.form.addRow(self.combined)
        actions = QHBoxLayout()
        actions.addWidget(self.write_button)
        actions.addStretch(1)
        actions.addWidget(self.content_button)
        file_actions = QHBoxLayout()
        for button in (self.open_folder_button, self.open_pdf_button, self.print_button):
            file_actions.addWidget(button)
        file_actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 2)
        layout.addLayout(choices)
        layout.addLayout(self.form)
        layout.addLayout(actions)
        layout.addWidget(self.files, 1)
        layout.addLayout(file_actions)

    def retranslate_ui(self) -> None:
        self.view.setAccessibleName(_("Accepted groups"))
        self.select_all.setText(_("Select all"))
        self.select_none.setText(_("Select none"))
        self.dates_button.setText(_("Meeting dates…"))
        self.dates_button.setToolTip(_("Planned dates are printed on the meeting pages."))
        self.language_label.setText(_("&Language for all:"))
        self._fill(
            self.language,
            [
                ("", _("Each group's meeting language")),
                *((row.code, row.native_name) for row in languages.ui_languages()),
                ("both", _("Both languages")),
            ],
        )
        self.paper_label.setText(_("Pap&er:"))
        self._fill(self.paper, [("A4", "A4"), ("Letter", "Letter")])
        self.combined.setText(_("Also one combined file, to print everything in one go"))
        self.write_button.setText(_("&Create workbooks…"))
        self.files.setAccessibleName(_("Workbooks written"))
        self.open_folder_button.setText(_("Open folder"))
        self.open_pdf_button.setText(_("Open PDF"))
        self.print_button.setText(_("Pri&nt…"))
        self.content_button.setText(_("Adapt the content…"))
        self.refresh()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    # -- groups ----------------------------------------------------------------------------
    def refresh(self) -> None:
        services, cohort = self.context.services, self.context.cohort
        checked = self.checked_group_ids() if self.groups.rowCount() else None
        # Like the ticks, a language chosen for a group stays chosen while the rows are re-read.
        picked = {
            self.groups.item(row, 0).data(GROUP_ID): self.group_language(row)
            for row in range(self.groups.rowCount())
        }
        self.groups.clear()
        self.groups.setHorizontalHeaderLabels([_("Mentor"), _("Adepts"), _("Language")])
        groups = services.matching.groups(cohort.id) if services and cohort else []
        for group in groups:
            mentor = QStandardItem(group.mentor.name)
            mentor.setCheckable(True)
            mentor.setCheckState(_checked(checked is None or group.id in checked))
            mentor.setData(group.id, GROUP_ID)
            adepts = QStandardItem(", ".join(member.row.name for member in group.adepts))
            self.groups.appendRow([mentor, adepts, QStandardItem()])
            self._language_choice(self.groups.rowCount() - 1, group.language)
            combo = self.view.indexWidget(self.groups.index(self.groups.rowCount() - 1, 2))
            if group.id in picked and isinstance(combo, QComboBox):
                combo.setCurrentIndex(max(combo.findData(picked[group.id]), 0))
        self.view.resizeColumnToContents(0)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.write_button.setEnabled(bool(groups))
        self.intro.setText(
            _(
                "Every accepted group gets its own workbook with the meeting themes, conversation "
                "topics and exercises, and their names on the cover. Tick the groups to print."
            )
        )
        if not groups:
            self.intro.setText(
                _(
                    "There are no accepted groups in this round yet. Accept the matches in the "
                    "Matching stage first; then each group's workbook can be printed here."
                )
            )
        self._files_changed()

    def _language_choice(self, row: int, meeting_language: str) -> None:
        """Each group prints in its meeting language unless the coordinator picks another."""
        combo = QComboBox()
        own = languages.get_or_fallback(meeting_language).native_name
        combo.addItem(_("{language} (the group's language)").format(language=own), meeting_language)
        for language in languages.ui_languages():
            combo.addItem(language.native_name, language.code)
        combo.addItem(_("Both languages"), "both")
        combo.setAccessibleName(_("Workbook language for this group"))
        self.view.setIndexWidget(self.groups.index(row, 2), combo)

    def group_language(self, row: int) -> str:
        combo = self.view.indexWidget(self.groups.index(row, 2))
        return combo.currentData() if isinstance(combo, QComboBox) else "sv"

    def _set_all_languages(self) -> None:
        chosen = self.language.currentData()
        for row in range(self.groups.rowCount()):
            combo = self.view.indexWidget(self.groups.index(row, 2))
            if isinstance(combo, QComboBox):
                combo.setCurrentIndex(
                    0
                    if not chosen
                    else max(
                        combo.findData(
                            chosen,
                        ),
                        0,
                    )
                )

    def checked_group_ids(self) -> list[int]:
        ids = []
        for row in range(self.groups.rowCount()):
            item = self.groups.item(row, 0)
            if item.checkState() == _checked(True):
                ids.append(item.data(GROUP_ID))
        return ids

    def _check_all(self, checked: bool) -> None:
        for row in range(self.groups.rowCount()):
            self.groups.item(row, 0).setCheckState(_checked(checked))

    def edit_dates(self) -> None:
        from mentorapp.gui.dialogs.meeting_dates_dialog import MeetingDatesDialog

        index = self.view.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, _("Meeting dates"), _("Select a group first."))
            return
        group_id = self.groups.item(index.row(), 0).data(GROUP_ID)
        programme = self.context.programme
        count = programme.meetings_per_round if programme else 4
        cohort = self.context.cohort
        if MeetingDatesDialog.ask(self, self.context.services, group_id, count) and cohort:
            self.context.events.groups_changed.emit(cohort.id)  # the dates are the group's

    # -- writing ---------------------------------------------------------------------------
    def choose_folder_and_write(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Where should the workbooks go?"), str(Path.home())
        )
        if folder:
            self.write(Path(folder))

    def write(self, folder: Path) -> None:
        """Write on a worker thread with a progress dialog; Cancel stops between files."""
        services, cohort = self.context.services, self.context.cohort
        group_ids = self.checked_group_ids()
        if services is None or cohort is None or not group_ids:
            QMessageBox.information(self, _("Workbooks"), _("Tick at least one group."))
            return
        chosen = {
            self.groups.item(row, 0).data(GROUP_ID): self.group_language(row)
            for row in range(self.groups.rowCount())
        }
        combined, paper = self.combined.isChecked(), self.paper.currentData()
        custom = workbook_content_folder(self.context.settings)
        warnings: list[MentorappError] = []

        def work(progress: ProgressCallback, cancelled: Callable[[], bool]) -> list[Path]:
            """A file per group, in the language chosen for it; with ``combined`` also one
            per language to print everything in one go (the service decides the files)."""
            return services.workbooks.write_workbooks(
                cohort.id,
                folder,
                group_ids=group_ids,
                group_languages=chosen,
                separate=True,
                combined=combined,
                custom_dir=custom,
                page_size=paper,
                warn=warnings.append,
                progress=progress,
                cancelled=cancelled,
                record=True,
            )

        dialog = QProgressDialog(_("Writing workbooks…"), _("Cancel"), 0, len(group_ids), self)
        dialog.setWindowTitle(_("Workbooks"))
        dialog.setMinimumDuration(0)
        self._job = Job(work, self)
        self._job.progress.connect(
            lambda done, total: (dialog.setMaximum(total), dialog.setValue(done))
        )
        dialog.canceled.connect(self._job.cancel)
        self._job.finished.connect(lambda files: self._written(files, dialog, warnings))
        self._job.failed.connect(lambda error: self._failed(error, dialog))
        self._job.start()

    def _written(
        self, files: list[Path], dialog: QProgressDialog, warnings: list[MentorappError]
    ) -> None:
        dialog.reset()
        for warning in {w.user_message(): w for w in warnings}.values():
            QMessageBox.warning(
                self,
                _("Your edited workbook text was not used"),
                _(
                    "{problem}\n\nThe built-in text was printed instead. Correct the file and "
                    "load it again under “Adapt the content…”."
                ).format(problem=warning.user_message()),
            )
        self.written = list(files)
        self._files_changed()

    def _failed(self, error: Exception, dialog: QProgressDialog) -> None:
        dialog.reset()
        if isinstance(error, MentorappError):
            show_error(self, error)
        else:
            QMessageBox.warning(self, _("The workbooks could not be written"), str(error))

    def _files_changed(self) -> None:
        self.files_model.clear()
        for path in self.written:
            self.files_model.appendRow(QStandardItem(path.name))
        self.files.setVisible(bool(self.written))
        for button in (self.open_folder_button, self.open_pdf_button, self.print_button):
            button.setEnabled(bool(self.written))
        if self.written:
            self.files.setToolTip(
                ngettext(
                    "{n} file written to {folder}",
                    "{n} files written to {folder}",
                    len(self.written),
                ).format(n=len(self.written), folder=self.written[0].parent)
            )

    def _selected_file(self) -> Path | None:
        index = self.files.currentIndex()
        if index.isValid():
            return self.written[index.row()]
        return self.written[0] if self.written else None

    def open_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))

    def open_file(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_selected(self) -> None:
        from mentorapp.gui.pdf_printing import print_pdf

        path = self._selected_file()
        if path is not None:
            print_pdf(self, path)

    def adapt_content(self) -> None:
        from mentorapp.gui.dialogs.workbook_content_dialog import WorkbookContentDialog

        services = self.context.services
        if services is not None:
            WorkbookContentDialog.show_for(self, workbook_content_folder(self.context.settings))


def _checked(value: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
