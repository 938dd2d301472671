"""Preferences: language (the whole window follows at once), keeping data, safety copies."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from mentorapp.domain import languages
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _
from mentorapp.workspace.settings import Settings


@dataclass(frozen=True)
class Choices:
    language: str
    retention_months: int
    safety_copies_keep: int


class SettingsDialog(FormDialog):
    def __init__(self, settings: Settings, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox(objectName="languageCombo")
        for row in languages.ui_languages():
            self.language.addItem(row.native_name, row.code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.setAccessibleName(_("Language"))
        self.retention = QSpinBox(objectName="retentionSpin", minimum=1, maximum=120)
        self.retention.setValue(settings.retention_months)
        self.retention.setSuffix(" " + _("months"))
        self.retention.setAccessibleName(_("Keep personal data after a round ends"))
        self.retention.setToolTip(
            _(
                "After this long, people from finished rounds are listed on the overview for "
                "erasure."
            )
        )
        self.keep = QSpinBox(objectName="keepSpin", minimum=1, maximum=100)
        self.keep.setValue(settings.safety_copies_keep)
        self.keep.setAccessibleName(_("Safety copies to keep of each kind"))
        self.form.addRow(_("&Language:"), self.language)
        self.form.addRow(_("&Keep personal data after a round:"), self.retention)
        self.form.addRow(_("Safety &copies to keep of each kind:"), self.keep)
        self.setMinimumWidth(420)

    def choices(self) -> Choices:
        return Choices(self.language.currentData(), self.retention.value(), self.keep.value())

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings, language: str) -> Choices | None:
        dialog = cls(settings, language, parent)
        return dialog.choices() if dialog.exec() == FormDialog.DialogCode.Accepted else None
