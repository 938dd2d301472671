"""Let an organisation adapt the workbook's text without code: export, edit, load back.

The survey wording is adapted the same way (``survey_content_dialog`` overrides the hooks
below: the words, the file name and how a file is written and checked)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain import languages
from mentorapp.errors import MentorappError
from mentorapp.gui.errors import show_error
from mentorapp.i18n import _


class WorkbookContentDialog(QDialog):
    object_name = "workbookContentDialog"
    file_stem = "workbook"  # the edited copy is "<file_stem>-<language>.toml" in the folder

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.object_name)
        self.setWindowTitle(self.window_title())
        self.folder = folder
        intro = QLabel(wordWrap=True)
        intro.setText(self.intro_text())
        grid = QGridLayout()
        self.status: dict[str, QLabel] = {}
        for row, language in enumerate(languages.ui_languages()):
            code, name = language.code, language.native_name
            self.status[code] = QLabel(wordWrap=True)
            export = QPushButton(_("Export for editing…"), objectName=f"export_{code}")
            load = QPushButton(_("Load edited version…"), objectName=f"load_{code}")
            builtin = QPushButton(_("Use built-in text"), objectName=f"builtin_{code}")
            export.clicked.connect(lambda _c=False, c=code: self.export(c))
            load.clicked.connect(lambda _c=False, c=code: self.load(c))
            builtin.clicked.connect(lambda _c=False, c=code: self.use_builtin(c))
            for button in (export, load, builtin):
                button.setAccessibleName(f"{button.text().rstrip('…')} ({name})")
            grid.addWidget(QLabel(f"<b>{name}</b>"), row * 2, 0)
            grid.addWidget(self.status[code], row * 2, 1, 1, 3)
            grid.addWidget(export, row * 2 + 1, 1)
            grid.addWidget(load, row * 2 + 1, 2)
            grid.addWidget(builtin, row * 2 + 1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.update_status()

    # -- what differs between the workbook text and the surveys --------------------------------

    def window_title(self) -> str:
        return _("Adapt the workbook's content")

    def intro_text(self) -> str:
        return _(
            "Export the text of the workbook, edit it in any text editor (rename themes, "
            "change questions, add an exercise) and load it back. If a file has a mistake, "
            "Mentorapp says where, and keeps using the built-in text."
        )

    def export_caption(self) -> str:
        return _("Export the workbook text")

    def load_caption(self) -> str:
        return _("Load an edited workbook text")

    def write_built_in(self, language: str, path: Path) -> None:
        from mentorapp.documents.workbook_content import export_content

        export_content(language, path)

    def read_language(self, path: Path) -> str:
        """Check the file (raising the fault) and say which language it is written for."""
        from mentorapp.documents.workbook_content import load_content_file

        return load_content_file(path).language

    def status_text(self, language: str) -> str:
        path = self.custom_file(language)
        if path.is_file():
            return _("Your edited version is used ({file}).").format(file=path.name)
        return _("The built-in text is used.")

    # -------------------------------------------------------------------------------------------

    def custom_file(self, language: str) -> Path:
        return self.folder / f"{self.file_stem}-{language}.toml"

    def update_status(self) -> None:
        for code, label in self.status.items():
            label.setText(self.status_text(code))

    def export(self, language: str) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.export_caption(),
            str(Path.home() / self.custom_file(language).name),
            _("Text files (*.toml)"),
        )
        if chosen:
            from mentorapp.db.files import refuse_programme_file  # the text layers cannot

            try:
                refuse_programme_file(Path(chosen))  # never over the open programme file
                self.write_built_in(language, Path(chosen))
            except (MentorappError, OSError) as error:
                self._report(error)

    def load(self, language: str) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.load_caption(), str(Path.home()), _("Text files (*.toml)")
        )
        if not chosen:
            return
        try:
            found = self.read_language(Path(chosen))
            if found != language:
                QMessageBox.warning(
                    self,
                    _("Another language"),
                    _(
                        "This file is written for the language “{found}”. Load it for that "
                        "language instead."
                    ).format(found=found),
                )
                return
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(chosen, self.custom_file(language))
        except (MentorappError, OSError) as error:
            self._report(error)
            return
        self.update_status()

    def use_builtin(self, language: str) -> None:
        self.custom_file(language).unlink(missing_ok=True)
        self.update_status()

    def _report(self, error: Exception) -> None:
        if isinstance(error, MentorappError):
            show_error(self, error)
        else:
            QMessageBox.warning(self, _("The file could not be used"), str(error))

    @classmethod
    def show_for(cls, parent: QWidget | None, folder: Path) -> None:
        cls(folder, parent).exec()
