"""Backups: a CSV backup to keep elsewhere, restoring one, and the automatic safety copies."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.errors import show_error
from mentorapp.i18n import _, format_date, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from mentorapp.db.safety import SafetyCopies
    from mentorapp.gui.context import AppContext
    from mentorapp.workspace.services import Services

COPY_PATH = Qt.ItemDataRole.UserRole + 1
REASONS = {
    "daily": lambda: _("first start of the day"),
    "quit": lambda: _("on quitting"),
    "before-restore": lambda: _("before a restore"),
    "before-migration": lambda: _("before an update"),
    "manual": lambda: _("made by you"),
}


class BackupsDialog(QDialog):
    """Everything it needs is in the context; a restore announces ``workspace_changed``, so
    every view re-reads what it shows (``restored`` says that one happened)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.context = context
        self.restored = False
        self.setWindowTitle(_("Backups and safety copies"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._backup_tab(), _("CSV backup"))
        self.tabs.addTab(self._copies_tab(), _("Safety copies"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.refresh_copies()

    @property
    def services(self) -> Services:
        assert self.context.services is not None  # the File menu offers it once a file is open
        return self.context.services

    # -- CSV backup ------------------------------------------------------------------------
    def _backup_tab(self) -> QWidget:
        tab = QWidget()
        about = QLabel(wordWrap=True)
        about.setText(
            _(
                "A CSV backup is one zip file with a spreadsheet file per table, for keeping on "
                "a USB stick or a shared drive. It opens in Excel and LibreOffice, and Mentorapp "
                "can restore it exactly. It holds personal data: keep it as safely as the "
                "programme itself."
            )
        )
        self.delimiter = QComboBox(objectName="delimiterCombo")
        self.delimiter.addItem(_("Comma (most programs)"), ",")
        self.delimiter.addItem(_("Semicolon (Excel set to Swedish)"), ";")
        settings = self.context.settings
        self.delimiter.setCurrentIndex(max(self.delimiter.findData(settings.csv_delimiter), 0))
        self.delimiter.setAccessibleName(_("Separator between columns"))
        self.export_button = QPushButton(_("&Export backup…"), objectName="exportBackupButton")
        self.export_button.clicked.connect(self.export_backup)
        self.restore_button = QPushButton(_("&Restore backup…"), objectName="restoreBackupButton")
        self.restore_button.clicked.connect(self.restore_backup)
        self.restore_button.setEnabled(not self._read_only())
        form = QFormLayout()
        form.addRow(_("Separator:"), self.delimiter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return tab

    def _read_only(self) -> bool:
        return self.context.read_only

    def export_backup(self) -> None:
        suggested = Path.home() / f"mentorapp-{date.today().isoformat()}.zip"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Export backup"), str(suggested), _("Zip files (*.zip)")
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> bool:
        delimiter = self.delimiter.currentData()
        self.context.settings.csv_delimiter = delimiter
        try:
            manifest = self.services.backups.export(path, delimiter=delimiter)
        except (MentorappError, OSError) as error:
            self._report(error)
            return False
        rows = sum(file.rows for file in manifest.files)
        QMessageBox.information(
            self,
            _("Backup saved"),
            ngettext("Saved {rows} row to {path}.", "Saved {rows} rows to {path}.", rows).format(
                rows=rows, path=path
            ),
        )
        return True

    def restore_backup(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Restore backup"), str(Path.home()), _("Zip files (*.zip)")
        )
        if chosen:
            self.restore_from(Path(chosen))

    def restore_from(
        self, path: Path, confirm: Callable[[MentorappError], bool] | None = None
    ) -> bool:
        """Check the whole file first; replacing data needs a yes, and a safety copy is made."""
        from mentorapp.dataio.backup_zip import RestoreNeedsConfirmation

        backups = self.services.backups
        try:
            try:
                report = backups.restore(path)
            except RestoreNeedsConfirmation as question:
                ask = confirm or self._confirm_replace
                if not ask(question):
                    return False
                report = backups.restore(path, replace_existing=True)
        except (MentorappError, OSError) as error:
            self._report(error)
            return False
        self.restored = True
        self.context.events.workspace_changed.emit()  # every table was replaced
        message = ngettext(
            "Restored {rows} row from {path}.",
            "Restored {rows} rows from {path}.",
            report.total_rows,
        ).format(rows=report.total_rows, path=path.name)
        if report.safety_copy is not None:
            message += "\n" + _("What was there before is kept in a safety copy.")
        QMessageBox.information(self, _("Backup restored"), message)
        self.refresh_copies()
        return True

    def _confirm_replace(self, question: MentorappError) -> bool:
        answer = QMessageBox.question(
            self,
            question.user_title(),
            question.user_message()
            + "\n\n"
            + _("Replace it with the backup? A safety copy of what is there now is made first."),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- safety copies ---------------------------------------------------------------------
    def _copies_tab(self) -> QWidget:
        tab = QWidget()
        about = QLabel(wordWrap=True)
        about.setText(
            _(
                "Mentorapp copies the whole file by itself: on the first start of each day, when "
                "you quit, and before updates and restores. If something went wrong, go back to "
                "one of these copies."
            )
        )
        self.copies = QStandardItemModel(self)
        self.copies_view = QTreeView(objectName="safetyCopiesView")
        self.copies_view.setModel(self.copies)
        self.copies_view.setRootIsDecorated(False)
        self.copies_view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.copies_view.setAccessibleName(_("Safety copies"))
        self.make_button = QPushButton(_("&Make a safety copy now"), objectName="makeCopyButton")
        self.make_button.clicked.connect(self.make_copy)
        self.back_button = QPushButton(_("&Go back to this copy…"), objectName="restoreCopyButton")
        self.back_button.clicked.connect(self.restore_copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(about)
        layout.addWidget(self.copies_view, 1)
        layout.addLayout(buttons)
        safety = self._safety()
        for button in (self.make_button, self.back_button):
            button.setEnabled(safety is not None and not self._read_only())
        return tab

    def _safety(self) -> SafetyCopies | None:
        workspace = self.context.workspace
        return workspace.safety if workspace is not None else None

    def refresh_copies(self) -> None:
        self.copies.clear()
        self.copies.setHorizontalHeaderLabels(
            [_("Made"), _("Why"), _("Rounds"), _("Adepts"), _("Mentors")]
        )
        safety = self._safety()
        for copy in safety.list() if safety is not None else []:
            when = f"{format_date(copy.made_at.date())} {copy.made_at:%H:%M}"
            reason = REASONS.get(copy.reason, lambda c=copy: c.reason)()
            counts = [copy.cohorts, copy.adepts, copy.mentors]
            cells = [QStandardItem(when), QStandardItem(reason)] + [
                QStandardItem("–" if count is None else str(count)) for count in counts
            ]
            cells[0].setData(str(copy.path), COPY_PATH)
            self.copies.appendRow(cells)
        self.copies_view.resizeColumnToContents(0)
        self.copies_view.resizeColumnToContents(1)

    def make_copy(self) -> None:
        safety = self._safety()
        if safety is not None:
            try:
                safety.make("manual")
            except (MentorappError, OSError) as error:
                self._report(error)
            self.refresh_copies()

    def restore_copy(self) -> None:
        index = self.copies_view.currentIndex()
        safety = self._safety()
        if not index.isValid() or safety is None:
            QMessageBox.information(self, _("Safety copies"), _("Choose a copy in the list."))
            return
        path = Path(self.copies.item(index.row(), 0).data(COPY_PATH))
        answer = QMessageBox.question(
            self,
            _("Go back to a safety copy"),
            _(
                "Replace everything in the programme with the copy from {when}? What is there "
                "now is kept in a new safety copy first."
            ).format(when=self.copies.item(index.row(), 0).text()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.go_back_to(path)

    def go_back_to(self, path: Path) -> None:
        workspace, safety = self.context.workspace, self._safety()
        if workspace is None or safety is None:
            return
        try:
            workspace.services.close()
            safety.restore(path)
        except (MentorappError, OSError) as error:
            self._report(error)
        finally:
            workspace.reopen()
            self.context.attach(workspace)  # the new connection, and every view re-reads
        self.restored = True
        self.refresh_copies()

    def _report(self, error: Exception) -> None:
        if isinstance(error, MentorappError):
            show_error(self, error)
        else:
            QMessageBox.warning(
                self,
                _("The file could not be used"),
                _(
                    "{detail}. Check the file and that there is room on the disk, then try again."
                ).format(detail=getattr(error, "strerror", None) or error),
            )

    @classmethod
    def show_for(cls, parent: QWidget | None, context: AppContext) -> bool:
        dialog = cls(context, parent)
        dialog.exec()
        return dialog.restored
