"""Preferences: for now the language, which the whole window follows at once."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _

LANGUAGE_NAMES = (("sv", "Svenska"), ("en", "English"))


class SettingsDialog(FormDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox(objectName="languageCombo")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setAccessibleName(_("Language"))
        self.form.addRow(_("&Language:"), self.language)
        self.setMinimumWidth(360)

    @classmethod
    def ask(cls, parent: QWidget | None, language: str) -> str | None:
        dialog = cls(language, parent)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return None
        return dialog.language.currentData()
